"""Find a pattern's matches without trying the regex at every character.

Most pack patterns open with a lookbehind or ``\\b``, which keeps the regex engine from
skipping to where a match can begin, so ``finditer`` runs the whole regex at every
character of the article. From the parsed regex we work out

* characters every match must contain (a ``%``, a ``/``, one of ``?!:;``): an article
  holding none of one such class cannot match, and is not searched at all;
* runs of characters every match holds side by side (a space before ``?!:;``, a lower-case
  letter, ``.!?`` and a letter for a glued sentence): an article without one is not searched;
* the class of characters a match must begin with (a digit, ``M``, a dash): the places
  holding one are found once per article by a fast scan and the regex is tried only there.

The matches are exactly ``finditer``'s: a match cannot begin anywhere else, and
``match(text, pos)`` still sees the text before ``pos`` for lookbehinds, ``\\b`` and ``^``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

try:  # Python 3.11+
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
}
_DIGIT_ITEM = re.compile(r"\\d|[0-9](?:-[0-9])?")
_SPARSE = 1 / 16  # try the places only when at most one character in 16 is one


class _Unknown(Exception):
    """A construct this analysis does not follow."""


@dataclass(frozen=True)
class Prefilter:
    """What an article must hold for a regex to match in it, and where a match can begin."""

    first: re.Pattern | None = None  # one character class; None: anywhere
    required: tuple[re.Pattern, ...] = ()  # one character class each
    runs: tuple[re.Pattern, ...] = ()  # one run of adjacent character classes each


def prefilter(regex: re.Pattern) -> Prefilter:
    """The prefilter of ``regex`` (an empty one when its regex is beyond this analysis)."""
    if not isinstance(regex.pattern, str) or regex.flags & re.IGNORECASE:
        return Prefilter()
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except re.error:
        return Prefilter()
    if parsed.state.flags & re.IGNORECASE:
        return Prefilter()
    flags = regex.flags & re.ASCII
    try:
        parts, nullable = _first(list(parsed))
        first = None if nullable or not parts else _compile(parts, flags)
    except _Unknown:
        first = None
    required = tuple(dict.fromkeys(_compile(parts, flags) for parts in _required(list(parsed))))
    return Prefilter(first, required, _runs(list(parsed), flags))


def _compile(parts: list[str], flags: int) -> re.Pattern:
    if all(_DIGIT_ITEM.fullmatch(p) for p in parts):
        parts = [r"\d"]  # a wider class is still exact, and digit classes then share one scan
    return re.compile("[" + "".join(dict.fromkeys(parts)) + "]", flags)


def _first(items: list) -> tuple[list[str], bool]:
    """Class items of the characters a sequence can begin with, and whether it can be empty."""
    parts: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return parts + [re.escape(chr(av))], False
        if op is sre.IN:
            return parts + _class(av), False
        if op in _REPEATS:
            low, _, sub = av
            sub_parts, nullable = _first(list(sub))
            parts += sub_parts
            if low > 0 and not nullable:
                return parts, False
        elif op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _Unknown(op)
            sub_parts, nullable = _first(list(sub))
            parts += sub_parts
            if not nullable:
                return parts, False
        elif op is sre.BRANCH:
            branches = [_first(list(b)) for b in av[1]]
            parts += [p for b, _ in branches for p in b]
            if not any(nullable for _, nullable in branches):
                return parts, False
        else:
            raise _Unknown(op)
    return parts, True


def _required(items: list) -> list[list[str]]:
    """Classes (as class items) of which every match of the sequence holds a character."""
    out: list[list[str]] = []
    for op, av in items:
        try:
            if op is sre.LITERAL:
                out.append([re.escape(chr(av))])
            elif op is sre.IN:
                out.append(_class(av))
            elif op in _REPEATS and av[0] > 0:
                out += _required(list(av[2]))
            elif op is sre.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
                out += _required(list(av[3]))
        except _Unknown:
            continue
    return out


def _runs(items: list, flags: int) -> tuple[re.Pattern, ...]:
    """Regexes of the runs (two characters or more) that every match holds side by side."""
    runs: list[list[str]] = [[]]
    for cls in _linear(items):
        if cls is None:
            runs.append([])
        else:
            runs[-1].append(cls)
    return tuple(re.compile("".join(run), flags) for run in runs if len(run) > 1)


def _linear(items: list) -> list[str | None]:
    """The characters a match consumes in order, each as a class (``[...]``), with None
    wherever the count or the kind of the characters between is not known."""
    out: list[str | None] = []
    for op, av in items:
        if op in _ZERO_WIDTH:  # consumes nothing: the characters around it are adjacent
            continue
        if op is sre.LITERAL or op is sre.IN:
            try:
                out.append("[" + "".join(_class([(op, av)] if op is sre.LITERAL else av)) + "]")
            except _Unknown:
                out.append(None)
        elif op is sre.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
            out += _linear(list(av[3]))
        elif op in _REPEATS and av[0] > 0:
            low, high, sub = av
            once = _linear(list(sub))
            # the first ``low`` copies sit side by side after what comes before; with more
            # copies possible, the last precedes what comes after, unknown ones in between
            out += once * low if low == high else once * low + [None] + once
        else:
            out.append(None)
    return out


def _class(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return out


class ArticleScan:
    """What the prefilter classes find in one article's text, each worked out once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._present: dict[re.Pattern, bool] = {}
        self._places: dict[re.Pattern, list[int] | None] = {}

    def present(self, cls: re.Pattern) -> bool:
        if cls not in self._present:
            self._present[cls] = cls.search(self.text) is not None
        return self._present[cls]

    def places(self, cls: re.Pattern) -> list[int] | None:
        """Where ``cls`` occurs; None when it is too common for trying only there to pay."""
        if cls not in self._places:
            limit = int(len(self.text) * _SPARSE)
            where = [m.start() for m in islice(cls.finditer(self.text), limit + 1)]
            self._places[cls] = None if len(where) > limit else where
        return self._places[cls]


def find_matches(regex: re.Pattern, pre: Prefilter, scan: ArticleScan) -> Iterator[re.Match]:
    """``regex.finditer(scan.text)``, searching less."""
    if not all(scan.present(cls) for cls in pre.required) or not all(scan.present(run) for run in pre.runs):
        return iter(())
    where = scan.places(pre.first) if pre.first is not None else None
    return regex.finditer(scan.text) if where is None else _tried_at(regex, scan.text, where)


def _tried_at(regex: re.Pattern, text: str, where: list[int]) -> Iterator[re.Match]:
    end = 0
    for i in where:
        if i >= end:
            m = regex.match(text, i)
            if m:
                yield m
                end = m.end()
