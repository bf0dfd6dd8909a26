"""``path:line:col: RULE [category] message (0.93)`` — the linter line editors know."""

from __future__ import annotations

from mtcheck.result import Result


def render_text(results: list[Result], signature: str) -> str:
    lines = []
    for r in results:
        path = r.path or "-"
        if r.error:
            lines.append(f"{path}: error: {r.error}")
            continue
        for w in r.warnings:
            lines.append(f"{path}: warning: {w}")
        for f in r.findings:
            hint = f" -> {f.suggestions[0]}" if f.suggestions else ""
            lines.append(f"{path}:{f.line}:{f.column}: {f.rule} [{f.category}] {f.message}{hint} ({f.confidence:.2f})")
    return "\n".join(lines) + ("\n" if lines else "")
