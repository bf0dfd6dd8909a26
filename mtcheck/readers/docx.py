"""Word files from stringers, through python-docx; line = paragraph number in the document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from mtcheck.readers.base import Document, ReadError


def read_docx_document(data: bytes, path: Path) -> Document:
    try:
        import docx  # python-docx: imported only when a .docx is read
        from docx.opc.exceptions import PackageNotFoundError

        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError(f"not a readable .docx file: {exc}") from None
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    pos = 0
    title = ""
    for number, para in enumerate(d.paragraphs, 1):
        text = para.text.strip()
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        if not title:
            title = text
        anchors.append((pos, number, 1))
        parts.append(text)
        pos += len(text)
    if not parts:
        raise ReadError("the .docx file has no text")
    return Document(text="".join(parts), title=title[:200], anchors=anchors)
