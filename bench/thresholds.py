"""Precision against false alarms, threshold by threshold (the README's trade-off table).

    python bench/thresholds.py [--model DIR] [--thresholds 0.5 0.6 0.7 0.8 0.9] [--out bench/out/thresholds.json]

For each ``--min-confidence``: held-out precision and recall on the project's corpora and
false alarms per 1,000 words on real English news (NTREX, BBC test; skipped when
../shared/data is absent). The first row is the shipped default: the global threshold,
raised for the categories whose dev precision needs it; a ``--min-confidence`` value
replaces all of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from mtcheck.corpus.records import load_split  # noqa: E402
from mtcheck.detector import Detector, Options  # noqa: E402
from mtcheck.training.evaluate import evaluate  # noqa: E402
from realworld import bbc_articles, ntrex_articles  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8, 0.9])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "thresholds.json")
    args = ap.parse_args()
    det = Detector(Options(model_dir=args.model))
    sets = {"heldout": load_split(ROOT / "corpora", "heldout")}
    if args.shared.exists():
        sets["ntrex"] = ntrex_articles(args.shared)
        sets["bbc-test"] = bbc_articles(args.shared)
    rows = []
    # None: the shipped behaviour (global threshold, raised per category); a number overrides all
    for t in [None, *sorted(args.thresholds)]:
        row: dict = {"threshold": t, "default": t is None}
        for name, arts in sets.items():
            d = evaluate(det, arts, min_confidence=t).as_dict()
            if name == "heldout":
                row["precision"], row["recall"] = d["overall"]["precision"], d["overall"]["recall"]
            else:
                row[f"{name}_per_1000"] = d["false_alarms_per_1000_words"]
        rows.append(row)
        print(json.dumps(row))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"signature": det.signature, "rows": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
