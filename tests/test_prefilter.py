"""The pattern prefilter finds exactly what ``finditer`` finds, only faster."""

from __future__ import annotations

import random
import re

import pytest

from mtcheck.lang.pack import load_pack
from mtcheck.lang.prefilter import find_matches, first_chars

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
        assert _spans(find_matches(pattern.regex, pattern.first, text, {})) == _spans(pattern.regex.finditer(text)), text


@pytest.mark.parametrize(
    "regex,first",
    [
        (r"(?<=a)b+", "[b]"),
        (r"\bx?y", "[xy]"),
        (r"(?:ab|cd)e", "[ac]"),
        (r"^\d+", r"[\d]"),
        (r"[^a]b", None),  # a negated class: anything may begin a match
        (r"(?i)ab", None),  # case-insensitive: not followed
        (r"a*", None),  # may match the empty string
    ],
)
def test_first_chars(regex, first):
    got = first_chars(re.compile(regex, re.MULTILINE))
    assert (got.pattern if got else None) == first
