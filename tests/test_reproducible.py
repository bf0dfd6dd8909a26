"""`mtcheck train` on the committed corpora reproduces the shipped model's held-out
metrics to three decimals (issue 2, item 3). Slow (a full training run)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import ROOT
from mtcheck.cli import main
from mtcheck.model.store import DEFAULT_MODEL_DIR


def _rounded(report: dict) -> dict:
    keys = ("precision", "recall", "f0.5")
    out = {"overall": {k: round(report["overall"][k], 3) for k in keys}}
    out.update({c: {k: round(v[k], 3) for k in keys} for c, v in report["per_category"].items()})
    out["ece"] = round(report["ece"], 3)
    return out


def test_training_reproduces_shipped_heldout_metrics(tmp_path):
    res = CliRunner().invoke(main, ["train", "--corpora", str(ROOT / "corpora"), "-o", str(tmp_path / "model")],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    shipped = json.loads((DEFAULT_MODEL_DIR / "metrics.json").read_text())
    rebuilt = json.loads((tmp_path / "model" / "metrics.json").read_text())
    assert rebuilt["counts"] == shipped["counts"]
    assert _rounded(rebuilt["heldout"]) == _rounded(shipped["heldout"])
    assert round(rebuilt["threshold"], 3) == round(shipped["threshold"], 3)
