"""Check the HTML report in headless Chromium and take the screenshot in docs/ (issue 6).

    python bench/report_browser.py [--out docs/report.png]

Builds a 50-article report from the project's corpora (dev and heldout), loads it in
Debian's `chromium` and checks that: the page loads with no console errors; articles are
listed in risk order; spans are highlighted; unticking a category hides its highlights
and leaves the others. Exit 0 when every check passes. Also used by
tests/test_report_browser.py (skipped where chromium is not installed).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs inside the page after the report's own script: exercise the filters, report in the DOM.
PROBE = """
<script>
(function(){
  var out={};
  var risks=[].map.call(document.querySelectorAll('article'),function(a){return parseFloat(a.dataset.risk);});
  out.articles=risks.length;
  out.sorted=risks.every(function(r,i){return i===0||risks[i-1]>=r;});
  var marks=document.querySelectorAll('mark');
  out.marks=marks.length;
  var cat=marks.length?marks[0].dataset.cat:null; out.category=cat;
  var box=document.querySelector('input[data-cat="'+cat+'"]');
  box.checked=false; box.dispatchEvent(new Event('change'));
  out.hidden_ok=[].every.call(document.querySelectorAll('mark[data-cat="'+cat+'"]'),function(m){return m.classList.contains('off');});
  out.others_visible=[].some.call(document.querySelectorAll('mark:not([data-cat="'+cat+'"])'),function(m){return !m.classList.contains('off');});
  box.checked=true; box.dispatchEvent(new Event('change'));
  out.restored=[].every.call(document.querySelectorAll('mark[data-cat="'+cat+'"]'),function(m){return !m.classList.contains('off');});
  var pre=document.createElement('pre'); pre.id='probe-result'; pre.textContent=JSON.stringify(out); document.body.appendChild(pre);
})();
</script>
"""


def build_report(folder: Path, n: int = 50) -> Path:
    from mtcheck.corpus.records import load_split

    arts = load_split(ROOT / "corpora", "dev") + load_split(ROOT / "corpora", "heldout")
    wire = folder / "wire"
    wire.mkdir()
    for a in arts[:n]:
        (wire / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    out = folder / "today.html"
    subprocess.run([sys.executable, "-m", "mtcheck", "report", str(wire), "-o", str(out)], check=False,
                   capture_output=True)
    return out


def check(report: Path, chromium: str) -> dict:
    probe = report.with_name("probe.html")
    probe.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    run = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    shutil.rmtree(profile, ignore_errors=True)
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', run.stdout)
    result = json.loads(m.group(1).replace("&quot;", '"')) if m else {"error": "probe did not run"}
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    result["console_errors"] = [line for line in console if "ERROR" in line.upper() or "Uncaught" in line]
    return result


def screenshot(report: Path, chromium: str, out: Path) -> None:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1400",
                    "--hide-scrollbars", f"--screenshot={out}", report.as_uri()], capture_output=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("skipped: chromium not installed (apt-get install chromium)")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="mtcheck-report-"))
    report = build_report(folder)
    result = check(report, chromium)
    print(json.dumps(result, indent=1))
    screenshot(report, chromium, args.out)
    ok = (result.get("articles") == 50 and result.get("sorted") and result.get("marks", 0) > 0
          and result.get("hidden_ok") and result.get("others_visible") and result.get("restored")
          and not result["console_errors"])
    print("all checks passed" if ok else "CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
