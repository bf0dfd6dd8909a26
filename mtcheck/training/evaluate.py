"""Evaluate a detector on annotated articles (corpus JSONL or the real-MT dev set)."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.corpus.records import Article
from mtcheck.detector import Detector
from mtcheck.lang.pack import LanguagePack, phrase_tokens
from mtcheck.result import CATEGORIES
from mtcheck.training.metrics import Evaluation, Gold, Pred


def listed_forms(pack: LanguagePack) -> set[tuple[str, ...]]:
    """Token sequences of every entry in the pack's lists (names, calques, false friends,
    untranslated words). A slip whose text contains none of them 'generalises'."""
    forms: set[tuple[str, ...]] = set()
    for e in pack.names:
        for s in (e.name, *e.accepted, *e.literal):
            forms.add(phrase_tokens(s))
    forms.update(phrase_tokens(c.calque) for c in pack.calques)
    forms.update(phrase_tokens(u.french) for u in pack.untranslated)
    forms.update((w,) for w in pack.false_friends)
    forms.discard(())
    return forms


def generalises(text: str, forms: set[tuple[str, ...]]) -> bool:
    toks = phrase_tokens(text)
    for k in range(1, min(len(toks), 6) + 1):
        for i in range(len(toks) - k + 1):
            if toks[i : i + k] in forms:
                return False
    return True


def golds_of(article: Article, forms: set[tuple[str, ...]]) -> list[Gold]:
    out = []
    for s in article.slips:
        cat = s["category"]
        if cat not in CATEGORIES:  # e.g. the real-MT set's omission_or_mistranslation
            cat = "other"
        out.append(Gold(s["start"], s["end"], cat, generalises(article.text[s["start"] : s["end"]], forms)))
    return out


def evaluate(detector: Detector, articles: list[Article], min_confidence: float | None = None) -> Evaluation:
    """Score every article at ``min_confidence`` (default: the detector's per-category thresholds)."""

    def threshold(category: str) -> float:
        return detector.threshold_for(category) if min_confidence is None else min_confidence

    forms = listed_forms(detector.pack)
    ev = Evaluation()
    for a in articles:
        an = detector.analyse(a.text)
        preds = [Pred(s.start, s.end, s.category, float(c)) for s, c in zip(an.spans, an.conf.tolist()) if c >= threshold(s.category)]
        ev.add_article(preds, golds_of(a, forms) if a.kind != "clean" else [], a.kind != "clean", an.words, an.risk, a.text)
    return ev


def load_annotated(path: Path) -> list[Article]:
    """Corpus JSONL, or the real-MT dev set format (kind 'human' counts as clean)."""
    arts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            kind = d.get("kind", "mt")
            d["kind"] = "clean" if kind in ("clean", "human") else "mt"
            arts.append(Article.from_dict(d))
    return arts


def format_text(report: dict) -> str:
    lines = [f"{'category':<15}{'findings':>9}{'slips':>7}{'P':>8}{'R':>8}{'F0.5':>8}"]
    rows = list(report["per_category"].items()) + [("overall", report["overall"])]
    for name, t in rows:
        lines.append(
            f"{name:<15}{t['findings']:>9}{t['slips']:>7}{t['precision']:>8.3f}{t['recall']:>8.3f}{t['f0.5']:>8.3f}"
        )
    lines.append(f"generalisation recall: {report['generalisation_recall']:.3f} ({report['generalisation_slips']} slips)")
    lines.append(f"lintscore: {report['lintscore']}")
    if report["false_alarms_per_1000_words"] is not None:
        lines.append(f"false alarms per 1,000 words (clean): {report['false_alarms_per_1000_words']:.3f} over {report['clean_words']} words")
    lines.append(f"expected calibration error: {report['ece']:.4f}")
    if report["risk_auc"] is not None:
        lines.append(f"risk ROC AUC: {report['risk_auc']:.3f}")
    lines.append("reliability:  bin       count  confidence  precision")
    for r in report["reliability"]:
        if r["count"]:
            lines.append(f"              {r['bin']}  {r['count']:>6}  {r['confidence']:>10.3f}  {r['precision']:>9.3f}")
    return "\n".join(lines)
