"""Find a pattern's matches without trying the regex at every character.

Most pack patterns open with a lookbehind or ``\\b``, which keeps the regex engine from
skipping to where a match can begin, so ``finditer`` runs the whole regex at every
character of the article. When every match must begin with a character of a known class
(a digit, ``M``, a dash), the places holding such a character are found once per article
by a fast scan and the regex is tried only there. The matches are exactly ``finditer``'s:
a match cannot begin anywhere else, and ``match(text, pos)`` still sees the text before
``pos`` for lookbehinds, ``\\b`` and ``^``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
_SPARSE = 1 / 16  # try the places only when at most one character in 16 is one


class _Unknown(Exception):
    """A construct this analysis does not follow: no prefilter for the pattern."""


def first_chars(regex: re.Pattern) -> re.Pattern | None:
    """A one-character pattern matching every character a match of ``regex`` can begin
    with, or None when that cannot be worked out (or a match may be empty)."""
    if not isinstance(regex.pattern, str) or regex.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        parts, nullable = _first(list(parsed))
    except (_Unknown, re.error):
        return None
    if nullable or not parts:
        return None
    return re.compile("[" + "".join(dict.fromkeys(parts)) + "]", regex.flags & re.ASCII)


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


def find_matches(regex: re.Pattern, first: re.Pattern | None, text: str,
                 places: dict[re.Pattern, list[int] | None]) -> Iterator[re.Match]:
    """``regex.finditer(text)``; ``places`` caches, per article, where each ``first``
    class occurs in ``text`` (None where it is too common to be worth it)."""
    if first is None:
        return regex.finditer(text)
    if first not in places:
        places[first] = _places(first, text)
    where = places[first]
    return regex.finditer(text) if where is None else _tried_at(regex, text, where)


def _places(first: re.Pattern, text: str) -> list[int] | None:
    limit = len(text) * _SPARSE
    where = []
    for m in first.finditer(text):
        where.append(m.start())
        if len(where) > limit:
            return None
    return where


def _tried_at(regex: re.Pattern, text: str, where: list[int]) -> Iterator[re.Match]:
    end = 0
    for i in where:
        if i >= end:
            m = regex.match(text, i)
            if m:
                yield m
                end = m.end()
