"""What every reader returns, and the byte-level checks all formats share."""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be checked; the message is the per-file error line."""


@dataclass
class Document:
    """Extracted text plus a map from text offsets back to the original file's line/column.

    ``anchors`` are (text offset, file line, file column) triples, sorted by offset: the
    position in the file where the extracted stretch starting at that offset begins.
    """

    text: str
    title: str = ""
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of a text offset."""
        if not self.anchors:
            return _plain_line_col(self.text, offset)
        keys = [a[0] for a in self.anchors]
        k = max(0, bisect.bisect_right(keys, offset) - 1)
        base, line, col = self.anchors[k]
        stretch = self.text[base:offset]
        nl = stretch.count("\n")
        if nl:
            return line + nl, offset - (base + stretch.rfind("\n"))
        return line, col + (offset - base)


def _plain_line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, unreadable, oversized or empty files."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            if path.stat().st_size > max_bytes:
                raise ReadError(f"file is larger than the {max_bytes:,}-byte limit (max_file_size)")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ReadError("no such file") from None
        except IsADirectoryError:
            raise ReadError("is a directory") from None
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(f"input is larger than the {max_bytes:,}-byte limit (max_file_size)")
    if not data.strip():
        raise ReadError("file is empty")
    return data


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, else cp1252 with a warning; refuse binary."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError:
            raise ReadError("broken UTF-16 text") from None
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise ReadError("binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append("not valid UTF-8; decoded as cp1252 (Windows Western)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_share(sample: bytes) -> float:
    """Share of control bytes other than tab, newline, form feed and carriage return
    (counted by deleting them in C, not by a Python loop over up to 8 KiB per file)."""
    if not sample:
        return 0.0
    bad = len(sample) - len(sample.translate(None, _CONTROL))
    return bad / len(sample)
