"""The JSON/JSONL/text/SARIF/CSV output contract of DESIGN §4, through the CLI."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import DATA
from mtcheck.cli import main
from mtcheck.result import CATEGORIES

STORY = DATA / "stories" / "parler.txt"


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_matches_contract():
    res = _run("scan", "--format", "json", str(STORY))
    assert res.exit_code == 1
    doc = json.loads(res.output)
    assert set(doc) >= {"version", "signature", "files"}
    assert doc["signature"].startswith("mtcheck ") and "|model " in doc["signature"] and "|lang fr|min-conf " in doc["signature"]
    (f,) = doc["files"]
    assert f["path"] == str(STORY) and f["error"] is None
    assert isinstance(f["words"], int) and 0.0 <= f["risk"] <= 1.0
    text = STORY.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert f["findings"]
    for x in f["findings"]:
        assert set(x) >= {"start", "end", "line", "column", "text", "category", "rule", "confidence", "message", "suggestions"}
        assert text[x["start"] : x["end"]] == x["text"]
        assert x["line"] >= 1 and x["column"] >= 1
        assert lines[x["line"] - 1][x["column"] - 1 :].startswith(x["text"])
        assert x["category"] in CATEGORIES
        assert x["rule"].split("/")[0] == x["category"]
        assert 0.0 <= x["confidence"] <= 1.0
        assert isinstance(x["message"], str) and x["message"]
        assert isinstance(x["suggestions"], list)


def test_jsonl_one_object_per_finding_and_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = _run("scan", "--format", "jsonl", str(STORY), str(empty))
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert any(r.get("error") for r in rows if r["path"] == str(empty))
    found = [r for r in rows if r["path"] == str(STORY)]
    assert found and all("category" in r for r in found)


def test_text_format_is_path_line_col():
    res = _run("scan", str(STORY))
    first = res.output.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path == str(STORY) and line.isdigit() and col.isdigit()
    assert "[entity]" in rest and rest.rstrip().endswith(")")


def test_csv_columns(tmp_path):
    res = _run("scan", "--format", "csv", str(STORY))
    rows = list(csv.reader(io.StringIO(res.output)))
    assert rows[0] == ["path", "line", "column", "start", "end", "text", "category", "rule", "confidence", "message", "suggestions"]
    assert len(rows) > 1


def test_sarif_is_valid_shape():
    res = _run("scan", "--format", "sarif", str(STORY))
    doc = json.loads(res.output)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    for r in run["results"]:
        assert r["ruleId"] in ids
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The government said on Monday that it would publish the budget next week.\n")
    assert _run("scan", str(clean)).exit_code == 0
    assert _run("scan", str(STORY)).exit_code == 1
    assert _run("scan", "--exit-zero", str(STORY)).exit_code == 0
    assert _run("scan", str(tmp_path / "missing.txt")).exit_code == 2
    assert _run("scan", "--format", "nope", str(STORY)).exit_code == 2


def test_python_api():
    from mtcheck import check

    r = check(STORY.read_text(encoding="utf-8"))
    assert r.findings and 0 <= r.risk <= 1
    assert all(f.category in CATEGORIES for f in r.findings)
