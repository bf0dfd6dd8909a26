"""Split text into tokens with character offsets and the positional facts features need.

Everything here is language-neutral: the French specifics live in the language pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

# Numbers with separators first (1,5 / 20,000 / 3.2), then words (hyphens and
# elisions inside: L'Équipe, d'Orsay), an English possessive as its own token
# ("Parler" + "'s", so the name keeps its features), then any other single character.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:-\w+|['’](?!s\b)\w+)*|['’]s\b|[^\w\s]")
# The whitespace before each token, then the token: every other character starts a token,
# so these gaps are exactly what _TOKEN.finditer skips, and one findall replaces match objects.
_GAP_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")
_OPEN_QUOTES = "\"“«‘'"
_CLOSE_QUOTES = "\"”»’'"
_SENTENCE_END = ".!?"


@dataclass(slots=True)
class Token:
    """One token: its text, offsets into the article text and position flags."""

    text: str
    start: int
    end: int
    line: int  # 0-based paragraph/line index
    sent_start: bool = False
    heading: bool = False
    in_quotes: bool = False
    space_before: str = ""  # "", " ", "nbsp" or "\n"
    space_after: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


def _space_kind(ch: str) -> str:
    if ch == "":
        return ""
    if ch in "\u00a0\u202f\u2009":
        return "nbsp"
    if ch == "\n":
        return "\n"
    return " " if ch.isspace() else ""


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text``; flags sentence starts, heading lines and quoted stretches."""
    tokens: list[Token] = []
    append = tokens.append
    line = 0
    pos = 0
    tok: Token | None = None
    for gap, word in _GAP_TOKEN.findall(text):
        start = pos + len(gap)
        pos = start + len(word)
        if gap == " ":  # the common case, spelled out
            before = " "
            if tok is not None:
                tok.space_after = " "
        elif gap:
            nl = gap.count("\n")
            line += nl
            before = "\n" if nl else _space_kind(gap[-1])
            if tok is not None:
                tok.space_after = _space_kind(gap[0])
        else:
            before = "\n" if start == 0 else ""
        tok = Token(word, start, pos, line, False, False, False, before, "")
        append(tok)
    if tok is not None:
        tok.space_after = _space_kind(text[pos]) if pos < len(text) else "\n"
    _mark_sentences(tokens)
    _mark_headings(tokens)
    _mark_quotes(tokens)
    return tokens


def _mark_sentences(tokens: list[Token]) -> None:
    prev: Token | None = None
    for tok in tokens:
        if prev is None or prev.line != tok.line:
            tok.sent_start = True
        elif prev.text in _SENTENCE_END or prev.text == ":":
            tok.sent_start = True
        elif prev.text in _OPEN_QUOTES and prev.sent_start:
            tok.sent_start = True
        elif prev.text in _CLOSE_QUOTES and prev.space_after == "" and tok.space_before:
            tok.sent_start = False
        prev = tok


def _mark_headings(tokens: list[Token]) -> None:
    """A short line with no final full stop is a heading (title, crosshead)."""
    for _, line in groupby(tokens, attrgetter("line")):  # tokens come line by line
        toks = list(line)
        if len(toks) <= 14 and toks[-1].text not in _SENTENCE_END + "\"”»:":
            for tok in toks:
                tok.heading = True


def _mark_quotes(tokens: list[Token]) -> None:
    """Mark tokens inside quotation marks, pairing straight quotes per line."""
    inside = False
    line = -1
    for tok in tokens:
        if tok.line != line:
            inside, line = False, tok.line
        if tok.text in "«“" or (tok.text == '"' and not inside):
            inside = True
            continue
        if tok.text in "»”" or (tok.text == '"' and inside):
            inside = False
            continue
        tok.in_quotes = inside


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (for line/column lookups)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts
