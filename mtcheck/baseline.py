"""Baselines: findings a desk has seen and accepted, silenced in later runs.

Agency copy is read-only, so suppressions live outside it. An entry is keyed by the
story (file name and title), the rule and the matched text, with a count, so a new
occurrence of the same slip in the same story is still reported.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from mtcheck.fileio import write_atomic
from mtcheck.result import Result

VERSION = 1


def _key(result: Result, rule: str, text: str) -> tuple[str, str, str, str]:
    return (Path(result.path or "-").name, result.title, rule, text)


def record(results: list[Result]) -> dict:
    counts: Counter = Counter()
    for r in results:
        for f in r.findings:
            counts[_key(r, f.rule, f.text)] += 1
    entries = [
        {"file": k[0], "story": k[1], "rule": k[2], "text": k[3], "count": n}
        for k, n in sorted(counts.items())
    ]
    return {"version": VERSION, "entries": entries}


def save(results: list[Result], path: Path) -> int:
    data = record(results)
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return sum(e["count"] for e in data["entries"])


class Baseline:
    def __init__(self, data: dict) -> None:
        if data.get("version") != VERSION:
            raise ValueError(f"baseline version {data.get('version')!r} is not {VERSION}")
        self.counts: Counter = Counter()
        for e in data.get("entries", []):
            self.counts[(e["file"], e.get("story", ""), e["rule"], e["text"])] += int(e.get("count", 1))

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            return cls(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"cannot read baseline {path}: {exc}") from None

    def filter(self, result: Result) -> Result:
        """Drop the findings the baseline records (each entry silences up to its count)."""
        left = Counter()
        kept = []
        for f in result.findings:
            k = _key(result, f.rule, f.text)
            if left[k] < self.counts.get(k, 0):
                left[k] += 1
                continue
            kept.append(f)
        result.findings = kept
        return result
