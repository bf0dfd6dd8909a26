"""The desk's tools: config discovery and precedence, accept/protect lists, baselines,
atomic reports."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from mtcheck.cli import main
from mtcheck.config import ConfigError, find_config, load_config
from mtcheck.fileio import write_atomic

STORY = DATA / "stories" / "parler.txt"


def _scan_json(*args, cwd: Path | None = None):
    res = CliRunner().invoke(main, ["scan", "--format", "json", *map(str, args)], catch_exceptions=False)
    return json.loads(res.output), res.exit_code


@pytest.fixture()
def desk(tmp_path) -> Path:
    (tmp_path / "wire").mkdir()
    shutil.copy(STORY, tmp_path / "wire" / "parler.txt")
    return tmp_path


def test_config_found_by_walking_up(desk):
    (desk / "mtcheck.toml").write_text("min_confidence = 0.99\n")
    assert find_config(desk / "wire" / "parler.txt") == desk / "mtcheck.toml"


def test_pyproject_tool_table(desk):
    (desk / "pyproject.toml").write_text("[project]\nname='x'\n\n[tool.mtcheck]\nignore = ['entity']\n")
    cfg = load_config(find_config(desk / "wire"))
    assert cfg.ignore == ["entity"]


def test_precedence_flag_over_file_over_default(desk):
    story = desk / "wire" / "parler.txt"
    default, _ = _scan_json(story)
    n_default = len(default["files"][0]["findings"])
    assert n_default > 0
    (desk / "mtcheck.toml").write_text("select = ['typography']\nmin_confidence = 0.2\n")
    from_file, _ = _scan_json(story)
    assert all(f["category"] == "typography" for f in from_file["files"][0]["findings"])
    assert "min-conf 0.2" in from_file["signature"]
    flagged, _ = _scan_json(story, "--select", "entity", "--min-confidence", "0.5")
    assert flagged["files"][0]["findings"] and all(f["category"] == "entity" for f in flagged["files"][0]["findings"])
    assert "min-conf 0.5" in flagged["signature"]


def test_bad_config_is_a_usage_error(desk):
    (desk / "mtcheck.toml").write_text("min_confidnce = 0.5\n")
    with pytest.raises(ConfigError, match="unknown key"):
        load_config(desk / "mtcheck.toml")
    res = CliRunner().invoke(main, ["scan", str(desk / "wire" / "parler.txt")])
    assert res.exit_code == 2 and "unknown key" in res.output


def test_accept_list_silences_rendering(desk):
    story = desk / "wire" / "parler.txt"
    before, _ = _scan_json(story)
    assert any(f["text"] == "Talking" for f in before["files"][0]["findings"])
    (desk / "mtcheck.toml").write_text("accept = ['Talking']\n")
    after, _ = _scan_json(story)
    assert not any(f["text"] == "Talking" for f in after["files"][0]["findings"])


def test_protect_list_adds_entity_evidence(desk):
    story = desk / "wire" / "bakery.txt"
    story.write_text(
        "The bakery chain said on Monday that sales had risen by a fifth in a year.\n\n"
        "Shares in Blue Star rose 3% in Paris after the results, and analysts raised their targets.\n\n"
        "Blue Star plans to open 40 shops in Belgium and Switzerland next year, the company said.\n"
    )
    before, _ = _scan_json(story)
    assert not any("Blue Star" in f["text"] for f in before["files"][0]["findings"])
    (desk / "mtcheck.toml").write_text("protect = ['Étoile Bleue']\n")
    from mtcheck.lang.pack import load_pack

    assert "Blue Star" in load_pack("fr", ("Étoile Bleue",)).literal_renderings("Étoile Bleue")
    after, _ = _scan_json(story)
    hits = [f for f in after["files"][0]["findings"] if "Blue Star" in f["text"] or f["text"] in ("Blue", "Star")]
    assert hits and hits[0]["category"] == "entity" and hits[0]["rule"] == "entity/protected-name"


def test_baseline_silences_exactly_recorded_findings(desk):
    story = desk / "wire" / "parler.txt"
    res = CliRunner().invoke(main, ["baseline", str(story), "-o", str(desk / "baseline.json")])
    assert res.exit_code == 0
    base = json.loads((desk / "baseline.json").read_text())
    assert base["entries"]
    silenced, code = _scan_json(story, "--baseline", desk / "baseline.json")
    assert silenced["files"][0]["findings"] == [] and code == 0
    # a new slip added to the story is still reported
    story.write_text(story.read_text() + "\nThe minister was put in examination on Friday, a source said.\n")
    again, code = _scan_json(story, "--baseline", desk / "baseline.json")
    texts = [f["text"] for f in again["files"][0]["findings"]]
    assert texts and "Talking" not in texts and code == 1


def test_report_html_csv_jsonl(desk):
    for ext in ("html", "csv", "jsonl"):
        out = desk / f"today.{ext}"
        res = CliRunner().invoke(main, ["report", str(desk / "wire"), "-o", str(out)])
        assert res.exit_code == 1 and out.exists()
    html = (desk / "today.html").read_text()
    assert "<mark" in html and "http" not in html.replace("http://www.w3.org", "")
    assert (desk / "today.csv").read_text().startswith("path,line,column,start,end,text,category,rule,confidence,message,suggestions")


def test_write_atomic_keeps_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("OLD")

    class Boom(Exception):
        pass

    import os

    real_fsync = os.fsync

    def failing_fsync(fd):
        raise Boom()

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(Boom):
        write_atomic(target, "NEW" * 1000)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_text() == "OLD"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_killed_report_leaves_previous_report_intact(desk):
    wire = desk / "wire"
    for i in range(2000):
        shutil.copy(STORY, wire / f"story{i:04}.txt")
    out = desk / "today.html"
    out.write_text("PREVIOUS REPORT")
    proc = subprocess.Popen([sys.executable, "-m", "mtcheck", "report", str(wire), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    assert proc.poll() is None, "the report finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_text() == "PREVIOUS REPORT"
