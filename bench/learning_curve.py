"""Held-out metrics of models trained on a first slice of the training corpus and on all of
it (issue 3: "before and after the full corpora").

    python bench/learning_curve.py [--fractions 0.25 0.5 1.0] [--out bench/out/learning_curve.json]
    python bench/learning_curve.py --fractions 0.25 0.5 --card mtcheck/models/fr-default/MODEL_CARD.md

With --card, the table goes into that model card, with the model beside it (trained on all of
`train`, its metrics.json) as the last row.

Each slice keeps the first fraction of the `train` articles of each kind (by id, so the
slice is what the first writers produced); `dev` and `heldout` stay whole.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.corpus.records import KINDS, corpus_paths, load_split, write_jsonl  # noqa: E402
from mtcheck.training.card import write_growth_section  # noqa: E402
from mtcheck.training.train import TrainConfig, train  # noqa: E402


def _row(fraction: float, train_counts: dict, heldout: dict) -> dict:
    """One learning-curve row from a training run's train counts and held-out report."""
    return {
        "fraction": fraction,
        "train_mt": train_counts["mt"],
        "train_clean": train_counts["clean"],
        "heldout": heldout["overall"],
        "heldout_ece": heldout["ece"],
        "generalisation_recall": heldout["generalisation_recall"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "learning_curve.json")
    ap.add_argument("--card", type=Path, help="model card to write the table into")
    args = ap.parse_args()
    source = ROOT / "corpora"
    rows = []
    for fraction in args.fractions:
        folder = Path(tempfile.mkdtemp(prefix="mtcheck-slice-"))
        paths = corpus_paths(folder)
        train_arts = load_split(source, "train")
        sliced = []
        for kind in KINDS:
            arts = sorted((a for a in train_arts if a.kind == kind), key=lambda a: a.id)
            sliced += arts[: max(1, round(fraction * len(arts)))]
        write_jsonl(paths["train"], sliced)
        for split in ("dev", "heldout"):
            shutil.copy(corpus_paths(source)[split], paths[split])
        report = train(TrainConfig(corpora=folder), log=lambda m: None)
        row = _row(fraction, report.counts["train"], report.heldout)
        print(json.dumps(row), flush=True)
        rows.append(row)
        shutil.rmtree(folder, ignore_errors=True)
    if args.card:
        full = json.loads((args.card.parent / "metrics.json").read_text())
        rows.append(_row(1.0, full["counts"]["train"], full["heldout"]))
        write_growth_section(args.card, rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
