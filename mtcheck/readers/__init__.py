"""Readers: turn a file of any supported format into a :class:`Document`.

Each format has its own module; :func:`read_path` picks one by extension (and by
sniffing XML roots), and :func:`check_path` turns any failure into a per-file error
so one bad file never stops a batch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from mtcheck.detector import Detector
from mtcheck.readers.base import Document, ReadError, read_bytes
from mtcheck.result import Result

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# suffix -> reader module; a module (html.parser, xml.sax, ...) is imported when first needed
_READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".nitf": "xml",
    ".newsml": "xml",
    ".docx": "docx",
}


def _reader(module: str) -> Callable[[bytes, Path], Document]:
    return getattr(importlib.import_module(f"mtcheck.readers.{module}"), f"read_{module}_document")


def supported_suffixes() -> list[str]:
    return sorted(_READERS)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file (``-`` is stdin); raise :class:`ReadError` with a one-line reason."""
    data = read_bytes(path, max_bytes)
    module = _READERS.get(path.suffix.lower())
    if module is None:
        from mtcheck.readers.xml import looks_like_xml

        module = "xml" if looks_like_xml(data) else "text"
    return _reader(module)(data, path)


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
