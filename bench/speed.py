"""Speed, cold start and memory of whole `mtcheck` processes, beside proselint.

    python bench/speed.py [--runs 5] [--words 100000] [--out docs/BENCHMARKS.md]

Each figure is the median of ``--runs`` whole-process runs (wall clock, peak RSS from
wait4), measured on the same text for mtcheck (--jobs 1 and 2) and proselint. The batch
is built from the project's own corpora (dev and heldout articles, cycled), never from
the shared data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_batch(folder: Path, words: int) -> int:
    from mtcheck.corpus.records import load_split

    arts = [a for s in ("dev", "heldout", "train") for a in load_split(ROOT / "corpora", s)]
    total, i = 0, 0
    while total < words:
        a = arts[i % len(arts)]
        (folder / f"story{i:04}.txt").write_text(a.text + "\n", encoding="utf-8")
        total += len(a.text.split())
        i += 1
    return total


def one_article(folder: Path) -> Path:
    from mtcheck.corpus.records import load_split

    text = ""
    for a in load_split(ROOT / "corpora", "dev"):
        text += a.text + "\n\n"
        if len(text.split()) >= 600:
            break
    path = folder / "story600.txt"
    path.write_text(" ".join(text.split(" ")[:600]) + "\n", encoding="utf-8")
    return path


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.WEXITSTATUS(status) not in (0, 1):
        raise RuntimeError(f"{cmd} exited {os.WEXITSTATUS(status)}")
    return wall, usage.ru_maxrss / 1024.0


def median_of(cmd: list[str], runs: int) -> dict:
    samples = [run(cmd) for _ in range(runs)]
    return {
        "seconds": round(statistics.median(s[0] for s in samples), 3),
        "rss_mib": round(statistics.median(s[1] for s in samples), 1),
        "runs": runs,
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "speed.json")
    args = ap.parse_args()
    mt = [sys.executable, "-m", "mtcheck", "scan", "--format", "json", "--exit-zero"]
    tmp = Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    batch = tmp / "batch"
    batch.mkdir()
    words = build_batch(batch, args.words)
    single = one_article(tmp)
    results = {"machine": machine(), "batch_words": words, "batch_files": len(list(batch.iterdir()))}
    results["mtcheck_batch_jobs1"] = median_of(mt + ["--jobs", "1", str(batch)], args.runs)
    results["mtcheck_batch_jobs2"] = median_of(mt + ["--jobs", "2", str(batch)], args.runs)
    results["mtcheck_cold_600_words"] = median_of(mt + [str(single)], args.runs)
    results["python_startup"] = median_of([sys.executable, "-c", "pass"], args.runs)
    proselint = shutil.which("proselint")
    if proselint:
        files = sorted(str(p) for p in batch.iterdir())
        results["proselint_batch"] = median_of([proselint, "check", *files], max(1, min(args.runs, 3)))
        results["proselint_cold_600_words"] = median_of([proselint, "check", str(single)], args.runs)
    for key in ("mtcheck_batch_jobs1", "mtcheck_batch_jobs2", "proselint_batch"):
        if key in results:
            results[key]["words_per_second"] = round(words / results[key]["seconds"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
