"""Corpus records (JSON Lines, one article per line) and the compiler from authored files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.corpus.authoring import AuthoringError, parse_file

SPLITS = ("train", "dev", "heldout")
KINDS = ("mt", "clean")


@dataclass
class Article:
    id: str
    kind: str  # "mt" or "clean"
    split: str
    text: str
    title: str = ""
    topic: str = ""
    source_lang: str = "fr"
    source_text: str | None = None
    slips: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "kind": self.kind,
            "source_lang": self.source_lang,
            "split": self.split,
            "topic": self.topic,
            "title": self.title,
            "text": self.text,
        }
        if self.source_text:
            d["source_text"] = self.source_text
        if self.kind == "mt":
            d["slips"] = self.slips
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        return cls(
            id=d["id"],
            kind=d.get("kind", "mt"),
            split=d.get("split", ""),
            text=d["text"],
            title=d.get("title", ""),
            topic=d.get("topic", ""),
            source_lang=d.get("source_lang", "fr"),
            source_text=d.get("source_text"),
            slips=list(d.get("slips") or []),
        )

    def edited(self) -> str:
        """The article with every slip replaced by its fix (the desk's edited version)."""
        out, pos = [], 0
        for s in sorted(self.slips, key=lambda s: s["start"]):
            out.append(self.text[pos : s["start"]])
            out.append(s.get("fix", ""))
            pos = s["end"]
        out.append(self.text[pos:])
        return "".join(out)


def load_jsonl(path: Path | str) -> list[Article]:
    arts = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                arts.append(Article.from_dict(json.loads(line)))
    return arts


def write_jsonl(path: Path, articles: list[Article]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(path)


def compile_authored(root: Path, skip_invalid: bool = False, warn=print) -> dict[str, list[Article]]:
    """Read ``root/authored/<kind>/<split>/*.txt`` into articles grouped by split."""
    out: dict[str, list[Article]] = {s: [] for s in SPLITS}
    for kind in KINDS:
        for split in SPLITS:
            for path in sorted((root / "authored" / kind / split).glob("*.txt")):
                try:
                    parsed = parse_file(path)
                except AuthoringError as exc:
                    if not skip_invalid:
                        raise
                    warn(f"skipped {path}: {exc}")
                    continue
                for a in parsed:
                    slips = [
                        {**s.as_dict(), "text": a.text[s.start : s.end]} for s in a.slips
                    ] if kind == "mt" else []
                    if kind == "clean" and a.slips:
                        raise ValueError(f"{path}: clean article {a.id} has slip markup")
                    out[split].append(
                        Article(a.id, kind, split, a.text, a.title, a.topic, "fr", a.source_text if kind == "mt" else None, slips)
                    )
    for split in SPLITS:
        out[split].sort(key=lambda a: a.id)
    return out


def corpus_paths(root: Path) -> dict[str, Path]:
    return {s: root / f"{s}.jsonl" for s in SPLITS}


def load_split(root: Path, split: str) -> list[Article]:
    path = corpus_paths(root)[split]
    return load_jsonl(path) if path.exists() else []
