"""The scan path: text → features → token probabilities → spans → calibrated findings.

Loads the model once and keeps per-type caches warm across articles; imports nothing
heavier than numpy and sentencepiece.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mtcheck.explain import explain
from mtcheck.features import ArticleFeatures, Featurizer
from mtcheck.lang.pack import LanguagePack, fold, load_pack
from mtcheck.model import store
from mtcheck.result import Finding, Result
from mtcheck.segment import line_starts
from mtcheck.spans import Span, candidate_spans


def piece_function(path: Path) -> Callable[[list[str]], list[list[str]]]:
    """Sentencepiece segmentation of a batch of words (callers cache per word type).

    Words are encoded one by one: the library's list call starts worker threads, which
    costs more than it saves on a busy machine."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(path))

    def pieces(words: list[str]) -> list[list[str]]:
        return [sp.encode(w, out_type=str) for w in words]

    return pieces


@dataclass(frozen=True)
class Options:
    """What a desk can tune without retraining (flags, config file)."""

    min_confidence: float | None = None  # None: the model's dev-chosen threshold
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    protect: tuple[str, ...] = ()
    model_dir: str | None = None
    lang: str | None = None


@dataclass
class Analysis:
    features: ArticleFeatures
    probs: np.ndarray
    spans: list[Span]
    conf: np.ndarray
    words: int
    risk: float


def _selected(f: Finding, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    def hit(keys: tuple[str, ...]) -> bool:
        return any(f.rule == k or f.category == k or f.rule.startswith(k.rstrip("/") + "/") for k in keys)

    if select and not hit(select):
        return False
    return not (ignore and hit(ignore))


class Detector:
    """A loaded model plus its language pack; ``check`` one text at a time."""

    def __init__(
        self,
        options: Options | None = None,
        model: store.StoredModel | None = None,
        pack: LanguagePack | None = None,
    ) -> None:
        """``model`` and ``pack`` default to the stored model and the cached language pack."""
        self.options = options or Options()
        self.model = model or store.load(self.options.model_dir)
        lang = self.options.lang or self.model.lang
        if lang != self.model.lang:
            raise store.ModelError(f"model {self.model.model_id} is for source language {self.model.lang!r}, not {lang!r}")
        self.pack = pack or load_pack(lang, tuple(self.options.protect))
        self.featurizer = Featurizer(self.pack, self.model.freq, piece_function(self.model.pieces_path), self.model.feature_config)
        self._accept = {fold(a) for a in self.options.accept}

    @property
    def threshold(self) -> float:
        m = self.options.min_confidence
        return self.model.threshold if m is None else m

    def threshold_for(self, category: str) -> float:
        """``--min-confidence`` when given; else the model's threshold, raised for the categories
        that miss the precision target on dev (see training.train.category_thresholds)."""
        if self.options.min_confidence is not None:
            return self.options.min_confidence
        return max(self.model.threshold, self.model.category_thresholds.get(category, 0.0))

    @property
    def signature(self) -> str:
        from mtcheck import __version__

        return f"mtcheck {__version__}|model {self.model.model_id}|lang {self.model.lang}|min-conf {self.threshold:g}"

    def analyse(self, text: str) -> Analysis:
        """Features, token probabilities, candidate spans with calibrated confidences, risk."""
        af = self.featurizer.article(text)
        probs = self.model.linear.predict_proba(self.featurizer, af)
        spans = candidate_spans(af, probs, self.model.linear.classes, self.model.candidate_floor)
        conf = self.model.calibrator(np.array([s.raw for s in spans]), [s.category for s in spans]) if spans else np.zeros(0)
        words = sum([t.text[:1].isalnum() for t in af.tokens])
        risk = self.model.risk(article_summary(probs, conf, spans, words))
        return Analysis(af, probs, spans, conf, words, risk)

    def check(self, text: str, path: str | None = None, line_map=None) -> Result:
        """Check one article's text; ``line_map(offset) -> (line, col)`` maps to the original file."""
        an = self.analyse(text)
        starts = line_starts(text)
        findings: list[Finding] = []
        for span, c in zip(an.spans, an.conf.tolist()):
            if c < self.threshold_for(span.category):
                continue
            snippet = text[span.start : span.end]
            if fold(snippet) in self._accept:
                continue
            rule, message, suggestions = explain(span, an.features, self.model.linear)
            if line_map is not None:
                line, col = line_map(span.start)
            else:
                li = bisect.bisect_right(starts, span.start) - 1
                line, col = li + 1, span.start - starts[li] + 1
            f = Finding(span.start, span.end, line, col, snippet, span.category, rule, float(c), message, suggestions)
            if _selected(f, self.options.select, self.options.ignore):
                findings.append(f)
        return Result(findings=findings, risk=an.risk, words=an.words, path=path, text=text)


def article_summary(probs: np.ndarray, conf: np.ndarray, spans: list[Span], words: int) -> dict[str, float]:
    """Article-level numbers the risk model weighs (density of suspect material)."""
    per100 = 100.0 / max(words, 1)
    p_slip = 1.0 - probs[:, 0] if len(probs) else np.zeros(0)
    strong = [s for s, c in zip(spans, conf.tolist()) if c >= 0.5]
    return {
        "slip_mass": float(p_slip.sum()) * per100,
        "spans50": len(strong) * per100,
        "conf_sum": float(conf.sum()) * per100,
        "max_conf": float(conf.max()) if len(conf) else 0.0,
        "typo50": sum(1 for s in strong if s.category in ("typography", "number_format")) * per100,
    }
