"""What each part of mtcheck buys (issue 4): the full classifier against a lexicon-only
baseline (flag every lexicon and pattern hit), a model without document features and one
without sentencepiece features.

    python bench/ablations.py [--out bench/out/ablations.json]

For each variant: held-out F0.5 on the project's corpora, F0.5 on the annotated real MT
(../shared/data/wmt-fr-en/devset) and false alarms per 1,000 words on NTREX and BBC test
(skipped when the shared data is absent). Variants are retrained with the shipped
model's seed; the lexicon-only baseline needs no training.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from mtcheck.corpus.records import load_split  # noqa: E402
from mtcheck.detector import Detector, Options  # noqa: E402
from mtcheck.features import FeatureConfig  # noqa: E402
from mtcheck.model import store  # noqa: E402
from mtcheck.training.evaluate import golds_of, listed_forms, load_annotated  # noqa: E402
from mtcheck.training.metrics import Evaluation, Pred  # noqa: E402
from mtcheck.training.train import TrainConfig, train  # noqa: E402

CATEGORY_OF_EVIDENCE = {
    "literal-name": "entity",
    "protected-name": "entity",
    "doc-backtranslation": "entity",
    "unbalanced-quote": "typography",
}


def lexicon_only_preds(detector: Detector, text: str) -> list[Pred]:
    """Every lexicon, pattern and document hit as a finding of confidence 1."""
    af = detector.featurizer.article(text)
    seen: set[tuple[int, int]] = set()
    preds: list[Pred] = []
    for evs in af.evidence:
        for ev in evs:
            if ev.feature.startswith(("lit:low", "untr:q")):
                continue  # lower-case literal renderings and quoted French are not claims
            key = (ev.start, ev.end)
            if key in seen:
                continue
            seen.add(key)
            if ev.evidence in CATEGORY_OF_EVIDENCE:
                cat = CATEGORY_OF_EVIDENCE[ev.evidence]
            elif ev.feature.startswith("ff"):
                cat = "false_friend"
            elif ev.feature.startswith("untr") or ev.evidence == "french-honorific":
                cat = "untranslated"
            elif ev.feature.startswith("calque"):
                cat = "calque"
            else:
                cat = next((p.category for p in detector.pack.patterns if p.id == ev.evidence), "typography")
            preds.append(Pred(af.tokens[ev.start].start, af.tokens[ev.end - 1].end, cat, 1.0))
    return preds


def evaluate_with(predict, detector: Detector, articles) -> dict:
    forms = listed_forms(detector.pack)
    ev = Evaluation()
    for a in articles:
        preds = predict(a.text)
        golds = golds_of(a, forms) if a.kind != "clean" else []
        words = sum(1 for t in a.text.split() if any(c.isalnum() for c in t))
        ev.add_article(preds, golds, a.kind != "clean", words, 0.0, a.text)
    return ev.as_dict()


def model_predict(detector: Detector):
    def predict(text: str) -> list[Pred]:
        an = detector.analyse(text)
        return [Pred(s.start, s.end, s.category, float(c)) for s, c in zip(an.spans, an.conf.tolist()) if c >= detector.threshold_for(s.category)]

    return predict


def measure(name: str, predict, detector: Detector, shared: Path) -> dict:
    heldout = load_split(ROOT / "corpora", "heldout")
    row = {"variant": name, "heldout": evaluate_with(predict, detector, heldout)["overall"]}
    if shared.exists():
        from realworld import bbc_articles, ntrex_articles

        mt = load_annotated(shared / "wmt-fr-en" / "devset" / "wmt-fr-en-devset.jsonl")
        row["real_mt"] = evaluate_with(predict, detector, mt)["overall"]
        for label, arts in (("ntrex", ntrex_articles(shared)), ("bbc_test", bbc_articles(shared))):
            row[f"false_alarms_{label}"] = evaluate_with(predict, detector, arts)["false_alarms_per_1000_words"]
    print(json.dumps(row), flush=True)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ablations.json")
    args = ap.parse_args()
    full = Detector(Options())
    seed = int(full.model.meta.get("seed", 13))
    rows = [measure("full classifier (shipped)", model_predict(full), full, args.shared)]
    rows.append(measure("lexicon-only baseline", lambda t: lexicon_only_preds(full, t), full, args.shared))
    for name, config in (("no document features", FeatureConfig(document=False)), ("no sentencepiece features", FeatureConfig(pieces=False))):
        report = train(TrainConfig(corpora=ROOT / "corpora", seed=seed, features=config), log=lambda m: None)
        folder = Path(tempfile.mkdtemp(prefix="mtcheck-ablation-"))
        store.save(report.model, folder, report.pieces)
        det = Detector(Options(model_dir=str(folder)))
        rows.append(measure(name, model_predict(det), det, args.shared))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
