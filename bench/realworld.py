"""Measure mtcheck on text nobody on the team wrote (DESIGN §5, issue 4).

    python bench/realworld.py [--shared ../shared/data] [--model DIR] [--json OUT]

1. real MT: P/R/F0.5 per category and generalisation recall on the annotated WMT
   fr→en dev set, with the missed slips grouped by family;
2. false alarms per 1,000 words on original English news (NTREX English side,
   BBC News test split), with the most frequent false-alarm strings;
3. article triage: for the French-original documents of WMT 2012/2013, per system,
   the share of documents whose MT gets a higher risk than the human reference
   (95% Wilson interval), and the overall ROC AUC.

Skips (exit 0, a message) when the shared data folder is absent. Study only: nothing
here is copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.corpus.records import Article  # noqa: E402
from mtcheck.detector import Detector, Options  # noqa: E402
from mtcheck.training.evaluate import evaluate, format_text, load_annotated  # noqa: E402
from mtcheck.training.metrics import roc_auc  # noqa: E402

csv.field_size_limit(10**8)


def real_mt(detector: Detector, shared: Path) -> dict:
    path = shared / "wmt-fr-en" / "devset" / "wmt-fr-en-devset.jsonl"
    arts = load_annotated(path)
    ev = evaluate(detector, arts)
    report = ev.as_dict()
    # what was missed, by family, to learn next
    missed: dict[str, Counter] = defaultdict(Counter)
    for a in arts:
        if a.kind != "mt":
            continue
        an = detector.analyse(a.text)
        found = [(s.start, s.end) for s, c in zip(an.spans, an.conf.tolist()) if c >= detector.threshold_for(s.category)]
        for s in a.slips:
            if not any(st < s["end"] and s["start"] < en for st, en in found):
                missed[s["category"]][a.text[s["start"] : s["end"]]] += 1
    report["missed_by_family"] = {k: {"count": sum(v.values()), "examples": [t for t, _ in v.most_common(8)]} for k, v in missed.items()}
    report["split_by_kind"] = _split_by_kind(detector, arts)
    return report


def _split_by_kind(detector: Detector, arts: list[Article]) -> dict:
    """Precision on the MT texts alone, and what is flagged in the human references.

    The set counts every finding in a reference as false, yet the references keep some
    French habits of their own (space thousands, decimal commas): shown apart, so the
    two effects can be told apart."""
    mt = evaluate(detector, [a for a in arts if a.kind == "mt"]).as_dict()
    refs = [a for a in arts if a.kind != "mt"]
    by_category: Counter = Counter()
    for a in refs:
        by_category.update(f.category for f in detector.check(a.text).findings)
    return {
        "mt_texts": {"findings": mt["overall"]["findings"], "precision": mt["overall"]["precision"]},
        "reference_findings": dict(sorted(by_category.items())),
    }


def _fix_mojibake(text: str) -> str:
    try:
        import ftfy

        return ftfy.fix_text(text)
    except ImportError:
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text


def ntrex_articles(shared: Path) -> list[Article]:
    lines = (shared / "ntrex" / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ids = (shared / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc, line in zip(ids, lines):
        docs[doc.split("\t")[0]].append(line.strip())
    return [Article(f"ntrex-{d}", "clean", "eval", "\n".join(v)) for d, v in docs.items()]


def bbc_articles(shared: Path, split: str = "test") -> list[Article]:
    with (shared / "bbc-news" / f"{split}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [Article(f"bbc-{split}-{i}", "clean", "eval", _fix_mojibake(r["text"])) for i, r in enumerate(rows)]


def false_alarms(detector: Detector, articles: list[Article]) -> dict:
    ev = evaluate(detector, articles)
    d = ev.as_dict()
    rules: Counter = Counter()
    for a in articles:
        for f in detector.check(a.text).findings:
            rules[f.rule] += 1
    return {
        "articles": len(articles),
        "words": d["clean_words"],
        "findings": ev.clean_findings,
        "per_1000_words": d["false_alarms_per_1000_words"],
        "top_strings": d["top_false_alarms"],
        "by_rule": rules.most_common(),
    }


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


class _Densities:
    """Findings per 1,000 words by category, summed over documents: shows *what* makes a
    human reference look as risky as machine output."""

    def __init__(self) -> None:
        self.words = 0
        self.counts: Counter = Counter()

    def add(self, text: str, result) -> None:
        self.words += len(text.split())
        self.counts.update(f.category for f in result.findings)

    def per_1000(self) -> dict[str, float]:
        return {c: round(1000 * n / max(self.words, 1), 2) for c, n in sorted(self.counts.items())}


def triage(detector: Detector, shared: Path) -> dict:
    out: dict = {"systems": {}, "documents": 0}
    all_mt, all_ref = [], []
    per_system: dict[str, list[bool]] = defaultdict(list)
    ref_density, online_density = _Densities(), _Densities()
    for year in (2012, 2013):
        base = shared / "wmt-fr-en" / f"wmt{year % 100}-data"
        ids = (shared / "wmt-fr-en" / f"newstest{year}.docid_origlang.tsv").read_text(encoding="utf-8").splitlines()
        ref = (base / "references" / f"newstest{year}-ref.en").read_text(encoding="utf-8").splitlines()
        docs: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(ids):
            doc, lang = row.split("\t")[:2]
            if lang == "fr":
                docs[doc].append(i)
        out["documents"] += len(docs)
        ref_risk = {}
        for d, idx in docs.items():
            text = "\n".join(ref[i] for i in idx)
            result = detector.check(text)
            ref_risk[d] = result.risk
            ref_density.add(text, result)
        all_ref += list(ref_risk.values())
        for sys_path in sorted((base / "systems").iterdir()):
            hyp = sys_path.read_text(encoding="utf-8", errors="replace").splitlines()
            name = f"{year}:{sys_path.name.split('.fr-en.')[-1]}"
            for d, idx in docs.items():
                text = "\n".join(hyp[i] for i in idx if i < len(hyp))
                result = detector.check(text)
                all_mt.append(result.risk)
                per_system[name].append(result.risk > ref_risk[d])
                if "online" in name:
                    online_density.add(text, result)
    for name, wins in per_system.items():
        k, n = sum(wins), len(wins)
        lo, hi = _wilson(k, n)
        out["systems"][name] = {"docs": n, "mt_riskier": round(k / n, 3), "ci95": [round(lo, 3), round(hi, 3)]}
    scores = np.array(all_mt + all_ref)
    labels = np.array([1] * len(all_mt) + [0] * len(all_ref))
    out["auc"] = round(roc_auc(scores, labels), 4)
    online = [v["mt_riskier"] for k, v in out["systems"].items() if "online" in k]
    out["online_mean_mt_riskier"] = round(float(np.mean(online)), 3) if online else None
    out["findings_per_1000_words"] = {"references": ref_density.per_1000(), "online systems": online_density.per_1000()}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", type=Path, default=None, help="write the full results here")
    ap.add_argument("--skip-triage", action="store_true")
    args = ap.parse_args()
    if not args.shared.exists():
        print(f"skipped: {args.shared} not found (the shared evaluation data is not part of a clone)")
        return 0
    det = Detector(Options(model_dir=args.model))
    results: dict = {"signature": det.signature}
    print(det.signature)
    print("\n== real MT (WMT fr-en annotated dev set) ==")
    results["real_mt"] = real_mt(det, args.shared)
    print(format_text(results["real_mt"]))
    split = results["real_mt"]["split_by_kind"]
    print(f"MT texts alone: {split['mt_texts']['findings']} findings, precision {split['mt_texts']['precision']:.3f}; "
          f"findings in the human references by category: {split['reference_findings']}")
    print("missed slips by family:")
    for fam, v in sorted(results["real_mt"]["missed_by_family"].items(), key=lambda kv: -kv[1]["count"]):
        print(f"  {fam:<28}{v['count']:>5}")
    for name, arts in (("ntrex", ntrex_articles(args.shared)), ("bbc-test", bbc_articles(args.shared))):
        fa = false_alarms(det, arts)
        results[f"false_alarms_{name}"] = fa
        print(f"\n== false alarms on {name}: {fa['findings']} in {fa['words']} words = {fa['per_1000_words']} per 1,000 words ==")
        print("  top strings:", ", ".join(f"{s!r}×{n}" for s, n in fa["top_strings"][:20]))
        print("  by rule:", ", ".join(f"{r}×{n}" for r, n in fa["by_rule"][:10]))
    if not args.skip_triage:
        tr = triage(det, args.shared)
        results["triage"] = tr
        print(f"\n== triage: {tr['documents']} French-original documents; ROC AUC {tr['auc']} ==")
        for name, v in tr["systems"].items():
            print(f"  {name:<48} MT riskier in {v['mt_riskier']:.3f} of {v['docs']} docs, 95% CI {v['ci95']}")
        for who, dens in tr["findings_per_1000_words"].items():
            print(f"  findings per 1,000 words, {who}: " + ", ".join(f"{c} {v}" for c, v in dens.items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
