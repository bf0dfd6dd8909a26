"""JSON (one object, DESIGN §4) and JSON Lines (one object per finding)."""

from __future__ import annotations

import json

from mtcheck import __version__
from mtcheck.result import Result


def render_json(results: list[Result], signature: str) -> str:
    doc = {"version": __version__, "signature": signature, "files": [r.to_dict() for r in results]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def render_jsonl(results: list[Result], signature: str) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(json.dumps({"path": r.path, "error": r.error}, ensure_ascii=False))
            continue
        for f in r.findings:
            lines.append(json.dumps({"path": r.path, **f.to_dict()}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
