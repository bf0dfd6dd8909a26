"""Readers: turn a file of any supported format into a :class:`Document`.

Each format has its own module; :func:`read_path` picks one by extension (and by
sniffing XML roots), and :func:`check_path` turns any failure into a per-file error
so one bad file never stops a batch.
"""

from __future__ import annotations

from pathlib import Path

from mtcheck.detector import Detector
from mtcheck.readers.base import Document, ReadError, read_bytes
from mtcheck.readers.docx import read_docx_document
from mtcheck.readers.html import read_html_document
from mtcheck.readers.text import read_text_document
from mtcheck.readers.xml import looks_like_xml, read_xml_document
from mtcheck.result import Result

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_READERS = {
    ".txt": read_text_document,
    ".text": read_text_document,
    ".md": read_text_document,
    ".markdown": read_text_document,
    ".html": read_html_document,
    ".htm": read_html_document,
    ".xhtml": read_html_document,
    ".xml": read_xml_document,
    ".nitf": read_xml_document,
    ".newsml": read_xml_document,
    ".docx": read_docx_document,
}


def supported_suffixes() -> list[str]:
    return sorted(_READERS)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file (``-`` is stdin); raise :class:`ReadError` with a one-line reason."""
    data = read_bytes(path, max_bytes)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        reader = read_xml_document if looks_like_xml(data) else read_text_document
    return reader(data, path)


def check_path(path: Path, detector: Detector, max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """Read and check one file; never raises for bad input."""
    try:
        doc = read_path(path, max_bytes)
    except ReadError as exc:
        return Result(path=str(path), error=str(exc))
    result = detector.check(doc.text, path=str(path), line_map=doc.line_col)
    result.warnings = list(doc.warnings)
    result.title = doc.title
    return result


__all__ = ["Document", "ReadError", "check_path", "read_path", "supported_suffixes"]
