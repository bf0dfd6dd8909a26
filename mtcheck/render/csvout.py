"""CSV for the desk's spreadsheet: the DESIGN §4 columns, one row per finding."""

from __future__ import annotations

import csv
import io

from mtcheck.result import Result

COLUMNS = ["path", "line", "column", "start", "end", "text", "category", "rule", "confidence", "message", "suggestions"]


def render_csv(results: list[Result], signature: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in results:
        for f in r.findings:
            w.writerow([r.path, f.line, f.column, f.start, f.end, f.text, f.category, f.rule,
                        f"{f.confidence:.3f}", f.message, "; ".join(f.suggestions)])
    return buf.getvalue()
