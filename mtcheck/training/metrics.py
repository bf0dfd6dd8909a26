"""Span-level evaluation (DESIGN §5): one-to-one pairing by largest overlap, P/R/F0.5,
lintscore, calibration error and the ROC AUC of article risk.

Pure numpy so `mtcheck evaluate` stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    category: str
    generalises: bool = False  # surface form found in no language-pack file


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    category: str
    confidence: float


def pair(preds: list[Pred], golds: list[Gold]) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index), largest character overlap first, one to one."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = min(p.end, g.end) - max(p.start, g.start)
            if ov > 0:
                cands.append((-ov, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def f_beta(p: float, r: float, beta: float = 0.5) -> float:
    if p + r == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r)


@dataclass
class Tally:
    """Counts for one category or overall."""

    found: int = 0  # findings
    found_paired: int = 0
    slips: int = 0
    slips_paired: int = 0

    @property
    def precision(self) -> float:
        return self.found_paired / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.slips_paired / self.slips if self.slips else 0.0

    @property
    def f05(self) -> float:
        return f_beta(self.precision, self.recall)

    def as_dict(self) -> dict:
        return {
            "findings": self.found,
            "slips": self.slips,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f0.5": round(self.f05, 4),
        }


@dataclass
class Evaluation:
    overall: Tally = field(default_factory=Tally)
    per_category: dict[str, Tally] = field(default_factory=dict)
    general: Tally = field(default_factory=Tally)  # slips no pack file lists
    category_agreement: list[bool] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)
    clean_words: int = 0
    clean_findings: int = 0
    clean_strings: dict[str, int] = field(default_factory=dict)
    risks: list[float] = field(default_factory=list)
    risk_labels: list[int] = field(default_factory=list)

    def add_article(self, preds: list[Pred], golds: list[Gold], is_mt: bool, words: int, risk: float, text: str = "") -> None:
        pairs = pair(preds, golds)
        paired_p = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}
        for i, p in enumerate(preds):
            t = self.per_category.setdefault(p.category, Tally())
            t.found += 1
            self.overall.found += 1
            ok = i in paired_p
            t.found_paired += ok
            self.overall.found_paired += ok
            self.confidences.append(p.confidence)
            self.correct.append(ok)
        for j, g in enumerate(golds):
            t = self.per_category.setdefault(g.category, Tally())
            t.slips += 1
            self.overall.slips += 1
            ok = j in paired_g
            t.slips_paired += ok
            self.overall.slips_paired += ok
            if g.generalises:
                self.general.slips += 1
                self.general.slips_paired += ok
        for i, j in pairs:
            self.category_agreement.append(preds[i].category == golds[j].category)
        if not is_mt:
            self.clean_words += words
            self.clean_findings += len(preds)
            for p in preds:
                s = text[p.start : p.end]
                self.clean_strings[s] = self.clean_strings.get(s, 0) + 1
        self.risks.append(risk)
        self.risk_labels.append(1 if is_mt else 0)

    def as_dict(self) -> dict:
        conf, ok = np.array(self.confidences), np.array(self.correct, dtype=float)
        table = reliability(conf, ok)
        return {
            "overall": self.overall.as_dict(),
            "per_category": {k: v.as_dict() for k, v in sorted(self.per_category.items())},
            "generalisation_recall": round(self.general.recall, 4),
            "generalisation_slips": self.general.slips,
            "category_agreement": round(float(np.mean(self.category_agreement)), 4) if self.category_agreement else None,
            "lintscore": round(lintscore(self.overall.found_paired, self.overall.found - self.overall.found_paired), 3),
            "false_alarms_per_1000_words": round(1000 * self.clean_findings / self.clean_words, 3) if self.clean_words else None,
            "clean_words": self.clean_words,
            "top_false_alarms": sorted(self.clean_strings.items(), key=lambda kv: -kv[1])[:20],
            "ece": round(ece(table), 4),
            "reliability": table,
            "risk_auc": round(roc_auc(np.array(self.risks), np.array(self.risk_labels)), 4) if len(set(self.risk_labels)) == 2 else None,
        }


def lintscore(true: int, false: int) -> float:
    """proselint's lintscore T·(T/(T+F))²: being loud and wrong costs more than being quiet."""
    if true + false == 0:
        return 0.0
    return true * (true / (true + false)) ** 2


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict]:
    """10 equal-width confidence bins: count, mean confidence, observed precision."""
    rows = []
    edges = np.linspace(0.0, 1.0, bins + 1)
    for k in range(bins):
        lo, hi = edges[k], edges[k + 1]
        mask = (conf >= lo) & ((conf < hi) if k < bins - 1 else (conf <= hi))
        n = int(mask.sum())
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "count": n,
                "confidence": round(float(conf[mask].mean()), 4) if n else None,
                "precision": round(float(correct[mask].mean()), 4) if n else None,
            }
        )
    return rows


def ece(table: list[dict]) -> float:
    total = sum(r["count"] for r in table)
    if not total:
        return 0.0
    return sum(r["count"] * abs(r["confidence"] - r["precision"]) for r in table if r["count"]) / total


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mann–Whitney AUC with ties counted half."""
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))
