"""Parse hand-authored corpus files (``corpora/authored/**.txt``) into article records.

Writers mark slips inline as ``{{shown|category|source|fix}}`` because character
offsets are easy to get wrong by hand; this module compiles the markup to offsets.

File format (one or more articles per file)::

    @@ id: mt-train-a-001
    @@ topic: politics
    @@ title: Government survives confidence vote
    @@ source:
    <French text, only for machine-translated articles>
    @@ text:
    <English text; slips marked inline>
    @@ end
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.result import CATEGORIES


_SLIP = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_HEADER = re.compile(r"^@@ (id|topic|title|source|text|end)\s*:?\s*(.*)$")


class AuthoringError(ValueError):
    """A corpus file that does not follow the authoring format."""


@dataclass
class Slip:
    start: int
    end: int
    category: str
    source: str
    fix: str

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "source": self.source,
            "fix": self.fix,
        }


@dataclass
class AuthoredArticle:
    id: str
    topic: str
    title: str
    text: str
    source_text: str | None = None
    slips: list[Slip] = field(default_factory=list)


def compile_markup(marked: str, where: str = "") -> tuple[str, list[Slip]]:
    """Strip ``{{shown|category|source|fix}}`` markup, returning plain text and slips."""
    out: list[str] = []
    slips: list[Slip] = []
    pos = 0
    length = 0
    for m in _SLIP.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        parts = m.group(1).split("|")
        if len(parts) != 4:
            raise AuthoringError(f"{where}: slip needs 4 fields shown|category|source|fix: {m.group(0)!r}")
        shown, category, source, fix = parts
        if category not in CATEGORIES:
            raise AuthoringError(f"{where}: unknown category {category!r} in {m.group(0)!r}")
        if not shown:
            raise AuthoringError(f"{where}: empty shown text in {m.group(0)!r}")
        if "{" in shown or "}" in shown:
            raise AuthoringError(f"{where}: braces inside a slip: {m.group(0)!r}")
        slips.append(Slip(length, length + len(shown), category, source.strip(), fix))
        out.append(shown)
        length += len(shown)
        pos = m.end()
    rest = marked[pos:]
    if "{{" in rest or "}}" in rest:
        raise AuthoringError(f"{where}: unbalanced slip braces near {rest[:60]!r}")
    out.append(rest)
    return "".join(out), slips


def _clean_block(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n").strip()


def parse_file(path: Path) -> list[AuthoredArticle]:
    """Parse one authored file; raise AuthoringError with file and line on bad input."""
    articles: list[AuthoredArticle] = []
    meta: dict[str, str] = {}
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    start_line = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _HEADER.match(line)
        if not m:
            if current is None:
                if line.strip():
                    raise AuthoringError(f"{path}:{lineno}: text outside an article block")
                continue
            blocks[current].append(line)
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "id":
            if meta:
                raise AuthoringError(f"{path}:{lineno}: new article before '@@ end'")
            meta, blocks, current, start_line = {"id": value}, {}, None, lineno
        elif key in ("topic", "title"):
            meta[key] = value
        elif key in ("source", "text"):
            current = key
            blocks[key] = [value] if value else []
        elif key == "end":
            articles.append(_build(meta, blocks, f"{path}:{start_line}"))
            meta, blocks, current = {}, {}, None
    if meta:
        raise AuthoringError(f"{path}: article {meta.get('id')!r} has no '@@ end'")
    return articles


def _build(meta: dict[str, str], blocks: dict[str, list[str]], where: str) -> AuthoredArticle:
    for key in ("id", "topic", "title"):
        if not meta.get(key):
            raise AuthoringError(f"{where}: missing '@@ {key}:'")
    if "text" not in blocks:
        raise AuthoringError(f"{where}: missing '@@ text:' block")
    text, slips = compile_markup(_clean_block(blocks["text"]), f"{where} ({meta['id']})")
    source = _clean_block(blocks["source"]) if "source" in blocks else None
    return AuthoredArticle(meta["id"], meta["topic"], meta["title"], text, source or None, slips)


def main(argv: list[str]) -> int:
    """``python -m mtcheck.corpus.authoring FILE...``: validate files and print counts."""
    status = 0
    for name in argv:
        try:
            arts = parse_file(Path(name))
        except (AuthoringError, OSError, UnicodeDecodeError) as exc:
            print(f"ERROR {exc}")
            status = 1
            continue
        words = sum(len(a.text.split()) for a in arts)
        slips = sum(len(a.slips) for a in arts)
        print(f"OK {name}: {len(arts)} articles, {words} words, {slips} slips")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
