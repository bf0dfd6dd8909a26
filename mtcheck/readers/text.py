"""Plain text and Markdown: the decoded file is the text, offsets are its own."""

from __future__ import annotations

from pathlib import Path

from mtcheck.readers.base import Document, decode


def read_text_document(data: bytes, path: Path) -> Document:
    text, warnings = decode(data)
    first = next((line.strip().lstrip("# ") for line in text.splitlines() if line.strip()), "")
    return Document(text=text, title=first[:200], warnings=warnings)
