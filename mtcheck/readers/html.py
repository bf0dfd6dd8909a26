"""HTML pages from the CMS: headline and body blocks, with file positions kept.

The standard library's tolerant parser gives the line/column of every text run, so
findings point back into the original file. ``<!-- mtcheck: ignore -->`` silences the
next block (paragraph, heading, list item).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from mtcheck.readers.base import Document, ReadError, decode

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "dd", "dt", "pre"}
_SKIP = {"script", "style", "nav", "footer", "header", "aside", "noscript", "template", "svg", "form", "button"}
IGNORE_MARK = "mtcheck: ignore"


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[tuple[str, int, int]]]] = []  # (tag, [(text, line, col)])
        self.title = ""
        self._current: list[tuple[str, int, int]] | None = None
        self._current_tag = ""
        self._skip_depth = 0
        self._ignore_next = False
        self._ignoring = False
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCKS and self._skip_depth == 0:
            self._flush()
            self._current, self._current_tag = [], tag
            self._ignoring, self._ignore_next = self._ignore_next, False
        if tag == "br" and self._current is not None:
            line, col = self.getpos()
            self._current.append(("\n", line, col + 1))

    def handle_endtag(self, tag):
        if tag in _SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS and tag == self._current_tag:
            self._flush()

    def handle_comment(self, data):
        if IGNORE_MARK in data:
            self._ignore_next = True

    def handle_data(self, data):
        if self._in_title:
            self.title += data.strip()
            return
        if self._skip_depth or self._current is None:
            return
        line, col = self.getpos()
        self._current.append((data, line, col + 1))

    def _flush(self):
        if self._current is not None and not self._ignoring:
            if "".join(t for t, _, _ in self._current).strip():
                self.blocks.append((self._current_tag, self._current))
        self._current, self._current_tag, self._ignoring = None, "", False


def document_from_blocks(blocks: list[list[tuple[str, int, int]]], title: str, warnings: list[str]) -> Document:
    """Join text runs into paragraphs separated by blank lines, one anchor per source line."""
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    pos = 0

    def emit(chunk: str, line: int, col: int) -> None:
        nonlocal pos
        anchors.append((pos, line, col))
        parts.append(chunk)
        pos += len(chunk)

    for runs in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        at_start = True
        for text, line, col in runs:
            if text == "\n":
                emit("\n", line, col)
                at_start = True
                continue
            for k, piece in enumerate(text.split("\n")):
                if k > 0:
                    line, col = line + 1, 1
                    if not at_start and parts and not parts[-1].endswith((" ", "\n")):
                        parts.append(" ")
                        pos += 1
                stripped = piece.lstrip() if (at_start or k > 0) else piece
                if stripped:
                    emit(stripped, line, col + len(piece) - len(stripped))
                    at_start = False
    return Document(text="".join(parts).rstrip(), title=title, anchors=anchors, warnings=warnings)


def read_html_document(data: bytes, path: Path) -> Document:
    text, warnings = decode(data)
    parser = _Extractor()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is tolerant; anything else is a broken file
        raise ReadError(f"cannot parse HTML: {exc}") from None
    parser._flush()
    if not parser.blocks:
        raise ReadError("no article text found in HTML (no <p> or heading blocks)")
    blocks = [runs for _, runs in parser.blocks]
    title = parser.title or "".join(t for t, _, _ in parser.blocks[0][1]).strip()
    return document_from_blocks(blocks, title[:200], warnings)
