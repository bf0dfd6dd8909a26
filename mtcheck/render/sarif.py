"""SARIF 2.1.0 for CI pipelines and code-scanning dashboards."""

from __future__ import annotations

import json

from mtcheck import __version__
from mtcheck.explain import RULES
from mtcheck.result import Result

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(confidence: float) -> str:
    return "error" if confidence >= 0.9 else "warning" if confidence >= 0.7 else "note"


def render_sarif(results: list[Result], signature: str) -> str:
    used = sorted({f.rule for r in results for f in r.findings})
    rules = [{"id": rid, "shortDescription": {"text": RULES.get(rid, rid)}} for rid in used]
    index = {rid: i for i, rid in enumerate(used)}
    out_results = []
    notifications = []
    for r in results:
        if r.error:
            notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error}"}})
            continue
        for f in r.findings:
            out_results.append({
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _level(f.confidence),
                "message": {"text": f.message},
                "properties": {"category": f.category, "confidence": round(f.confidence, 3), "suggestions": f.suggestions},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": r.path or "-"},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.text}},
                }}],
            })
    run = {
        "tool": {"driver": {"name": "mtcheck", "version": __version__,
                            "rules": rules, "properties": {"signature": signature}}},
        "results": out_results,
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": _SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=1) + "\n"
