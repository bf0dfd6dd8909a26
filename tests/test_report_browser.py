"""The HTML report in a real browser (headless Chromium): no console errors, risk order,
highlights, category filter. Skipped where Debian's chromium is not installed."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

chromium = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium is None, reason="chromium not installed (apt-get install chromium)")
def test_report_in_headless_chromium(tmp_path):
    import report_browser

    report = report_browser.build_report(tmp_path)
    result = report_browser.check(report, chromium)
    assert result["articles"] == 50 and result["sorted"]
    assert result["marks"] > 0
    assert result["hidden_ok"] and result["others_visible"] and result["restored"]
    assert result["console_errors"] == []
