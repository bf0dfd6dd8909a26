"""Bad input never costs the batch: fuzzed readers, a 1,000-file batch with broken files,
and --jobs 2 giving the same output as --jobs 1.

The fuzz run uses the 'ci' hypothesis profile (150 examples per test, derandomized so a CI
run is repeatable); the benchmark run sets HYPOTHESIS_PROFILE=bench for 10,000 random
examples per test (bench/fuzz.sh).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from mtcheck.readers import check_path

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("bench", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SAMPLES = sorted((DATA / "formats").glob("*.xml")) + [DATA / "formats" / "page.html"]
SUFFIXES = [".txt", ".md", ".html", ".xml", ".nitf", ".docx", ".bin"]


def _assert_result(result, path: Path) -> None:
    assert result.path == str(path)
    if result.error is not None:
        assert isinstance(result.error, str) and result.error and "\n" not in result.error
        assert result.findings == []
    else:
        for f in result.findings:
            assert result.text[f.start : f.end] == f.text


@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path_factory, detector, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _assert_result(check_path(path, detector), path)


@given(sample=st.sampled_from(SAMPLES), cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_truncated_and_mutated_markup_never_raises(tmp_path_factory, detector, sample, cut, flips):
    data = bytearray(sample.read_bytes())
    data = data[: int(len(data) * cut)]
    for where, byte in flips:
        if data:
            data[int(where * (len(data) - 1))] = byte
    path = tmp_path_factory.mktemp("fuzz") / sample.name
    path.write_bytes(bytes(data))
    _assert_result(check_path(path, detector), path)


@given(text=st.text(max_size=2000))
def test_any_text_checks(detector, text):
    result = detector.check(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text and f.line >= 1 and f.column >= 1


def _make_batch(root: Path, n: int = 1000) -> list[str]:
    stories = sorted((DATA / "stories").glob("*.txt"))
    broken = []
    for i in range(n):
        if i % 100 == 7:
            kind = (i // 100) % 3
            if kind == 0:
                p = root / f"s{i:04}.txt"
                p.write_bytes(b"\x00\xff\x00binary\x00" * 100)
            elif kind == 1:
                p = root / f"s{i:04}.xml"
                p.write_bytes(b"<?xml version='1.0'?><nitf><body><p>broken")
            else:
                p = root / f"s{i:04}.txt"
                p.write_bytes(b"x" * 70_000)
            broken.append(str(p))
        else:
            src = stories[i % len(stories)]
            (root / f"s{i:04}.txt").write_text(src.read_text(encoding="utf-8")[: 300 + i % 500], encoding="utf-8")
    return broken


def _scan(root: Path, jobs: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", "scan", str(root), "--format", "json", "--jobs", str(jobs), "--max-file-size", "65536"],
        capture_output=True, text=True,
    )


def test_batch_of_1000_with_10_broken_files(tmp_path):
    broken = _make_batch(tmp_path)
    assert len(broken) == 10
    one = _scan(tmp_path, 1)
    assert one.returncode == 1, one.stderr
    files = json.loads(one.stdout)["files"]
    assert len(files) == 1000
    errors = [f for f in files if f["error"]]
    assert sorted(f["path"] for f in errors) == sorted(broken)
    assert len(files) - len(errors) == 990
    two = _scan(tmp_path, 2)
    assert two.returncode == 1
    assert two.stdout == one.stdout


def test_exit_2_when_nothing_readable(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\x00\x00\x00")
    r = subprocess.run([sys.executable, "-m", "mtcheck", "scan", str(p)], capture_output=True, text=True)
    assert r.returncode == 2 and "binary" in r.stdout
