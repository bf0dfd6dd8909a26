"""The pattern prefilter finds exactly what ``finditer`` finds, only faster."""

from __future__ import annotations

import random
import re

import pytest

from mtcheck.lang.pack import load_pack
from mtcheck.lang.prefilter import ArticleScan, find_matches, prefilter

PIECES = list("aZeèM. 0123456789,h/%€«»—–-:;?!\n\u00a0\u202f\u2009'’") + [
    " 000", "14h30", "12/10/2024", "3e", "1er", "word.Word", " :", "M. Dupont", "Mme X", "— Yes", ".com", "1,5",
]


def _spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 60))) for _ in range(n)]


@pytest.mark.parametrize("pattern", load_pack("fr").patterns, ids=lambda p: p.id)
def test_same_matches_as_finditer(pattern):
    for text in _texts(2000, seed=len(pattern.id)):
        found = find_matches(pattern.regex, pattern.prefilter, ArticleScan(text))
        assert _spans(found) == _spans(pattern.regex.finditer(text)), text


@pytest.mark.parametrize(
    "regex,first,required",
    [
        (r"(?<=a)b+", "[b]", ["[b]"]),
        (r"\bx?y", "[xy]", ["[y]"]),
        (r"(?:ab|cd)e", "[ac]", ["[e]"]),
        (r"^[0-3]\d+%", r"[\d]", [r"[\d]", "[%]"]),  # digit classes widen to \d and share a scan
        (r"[^a]b", None, ["[b]"]),  # a negated class: anything may begin a match
        (r"(?i)ab", None, []),  # case-insensitive: not followed
        (r"a*", None, []),  # may match the empty string
    ],
)
def test_prefilter(regex, first, required):
    pre = prefilter(re.compile(regex, re.MULTILINE))
    assert (pre.first.pattern if pre.first else None) == first
    assert [r.pattern for r in pre.required] == required


@pytest.mark.parametrize(
    "regex,runs",
    [
        (r"(?<=\w) +[?!]", ["[\\ ][\\?!]"]),  # the last of the spaces is next to the mark
        (r"[a-z]{2,}[.!?](?!com)[A-Z]", ["[a-z][a-z]", "[a-z][\\.!\\?][A-Z]"]),  # a lookahead takes no room
        (r"\d{1,3}(?: \d{3})+", ["[\\d][\\ ][\\d][\\d][\\d]", "[\\ ][\\d][\\d][\\d]"]),
        (r"a?b|cd", []),  # optional and alternative parts break runs
    ],
)
def test_runs(regex, runs):
    assert [r.pattern for r in prefilter(re.compile(regex)).runs] == runs


@pytest.mark.parametrize("regex", [r"(?<=a)b+", r"\bx?y", r"(?:ab|cd)e", r"(?:a|)b", r"[^a]b", r"a*b", r"^[0-3]\d+%",
                                   r"[a-e]{2,}[%x](?!y)[a-z]+", r"\d{1,2}(?: \d{2})+", r"(?:ab){2}c"])
def test_same_matches_for_other_regexes(regex):
    rx = re.compile(regex, re.MULTILINE)
    pre = prefilter(rx)
    rnd = random.Random(regex)
    for _ in range(3000):
        text = "".join(rnd.choice("abcdexyz0123%\n ") for _ in range(rnd.randint(0, 30)))
        assert _spans(find_matches(rx, pre, ArticleScan(text))) == _spans(rx.finditer(text)), text
