"""`mtcheck train`: build a model from ``corpora/`` (fit on train, calibrate on dev,
report on heldout), deterministic for a given seed.

1. word frequencies from wordfreq and a sentencepiece model of the training text;
2. token features, with random lexicon entries hidden per article so the model also
   learns the evidence that does not come from a list;
3. a multinomial logistic regression (scikit-learn) over hashed features;
4. an isotonic map from span scores to the precision observed on ``dev``, the default
   threshold (the lowest with dev precision ≥ 0.9) and the article-risk model.
"""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mtcheck.corpus.records import Article, load_split
from mtcheck.detector import Detector, article_summary, piece_function
from mtcheck.features import FeatureConfig, Featurizer
from mtcheck.features.frequency import FrequencyTable
from mtcheck.lang.pack import LanguagePack, load_pack
from mtcheck.model.calibration import Calibrator, CategoryCalibrator
from mtcheck.model.hashing import feature_ids
from mtcheck.model.linear import LinearModel
from mtcheck.model.store import RiskModel, StoredModel
from mtcheck.result import CATEGORIES
from mtcheck.training.capitals import capitalisation_counts
from mtcheck.training.evaluate import evaluate, golds_of, listed_forms
from mtcheck.training.metrics import Pred, pair
from mtcheck.training.synth import SYNTHETIC_MARK, synthesize

CLASSES = ["O", *CATEGORIES]
SYNTHETIC_SUFFIXES = tuple(f"{SYNTHETIC_MARK}{k}" for k in range(10))
DOCUMENT_SCALE = 10.0
DOCUMENT_FEATURES = (["bt:mid", "bt:start", "bt:many", "bt:one", "bt:primary", "bt:secondary",
                      "bt:name-whole", "bt:name-head", "bt:name-tail", "bt:echo"]
                     + [f"bt:next={k}" for k in ("none", "noun", "title", "cap", "fr")]
                     + [f"bt&enz={k}" for k in range(8)] + [f"bt&capr={k}" for k in "u0123"])
DOCUMENT_IDS = feature_ids(DOCUMENT_FEATURES)
# densities only: article length separates our MT and clean articles by accident, not by nature
RISK_FEATURES = ["slip_mass", "spans50", "conf_sum", "max_conf", "typo50"]


@dataclass
class TrainConfig:
    corpora: Path
    seed: int = 13
    C: float = 0.3
    min_count: int = 2
    hide_rate: float = 0.35
    candidate_floor: float = 0.15
    target_precision: float = 0.9
    max_clean_alarms: float | None = 0.5  # findings per 1,000 words on dev's clean articles
    synthetic_per_clean: int = 2
    calibration: str | None = None  # None: chosen on dev by cross-validation
    sp_vocab: int = 4000
    model_id: str = "fr-2026.12"
    lang: str = "fr"
    features: FeatureConfig = field(default_factory=FeatureConfig)


def token_labels(article: Article, tokens) -> list[int]:
    """Class index per token: the category of the slip it overlaps, else 0 ('O')."""
    labels = [0] * len(tokens)
    if not article.slips:
        return labels
    spans = sorted((s["start"], s["end"], CLASSES.index(s["category"])) for s in article.slips if s["category"] in CLASSES)
    j = 0
    for i, t in enumerate(tokens):
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        if j < len(spans) and spans[j][0] < t.end:
            labels[i] = spans[j][2]
    return labels


def _lexicon_keys(pack: LanguagePack) -> list[str]:
    keys = [e.name for e in pack.names] + [c.calque for c in pack.calques] + [u.french for u in pack.untranslated]
    return sorted(set(keys) | set(pack.false_friends))


def train_pieces(articles: list[Article], vocab: int, workdir: Path) -> Path:
    """A sentencepiece unigram model of the training text (English and French sides)."""
    import sentencepiece as spm

    corpus = workdir / "pieces.txt"
    with corpus.open("w", encoding="utf-8") as fh:
        for a in articles:
            for block in (a.text, a.source_text or ""):
                for line in block.lower().splitlines():
                    if line.strip():
                        fh.write(line.strip() + "\n")
    prefix = workdir / "pieces"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build_matrix(featurizer: Featurizer, articles: list[Article], pack: LanguagePack, cfg: TrainConfig):
    """Hashed feature ids and labels for every token of ``articles``."""
    rng = random.Random(cfg.seed)
    keys = _lexicon_keys(pack)
    rows: list[np.ndarray] = []
    labels: list[int] = []
    for a in articles:
        hidden = frozenset(k for k in keys if rng.random() < cfg.hide_rate) if rng.random() < 0.5 else frozenset()
        if a.id.endswith(SYNTHETIC_SUFFIXES) and rng.random() < 0.5:
            # the names injected as literal renderings, unknown to the list: document evidence only
            hidden |= {s["source"] for s in a.slips if s["category"] == "entity"}
        matcher = pack.build_matcher(hidden) if hidden else pack.matcher
        stem_matcher = pack.build_stem_matcher(hidden) if hidden else pack.stem_matcher
        af = featurizer.article(a.text, matcher, hidden, stem_matcher)
        labels += token_labels(a, af.tokens)
        for i in range(len(af.tokens)):
            rows.append(feature_ids(featurizer.all_features(af, i)))
    return rows, np.array(labels, dtype=np.int64)


def column_values(columns: np.ndarray) -> np.ndarray:
    """The value each kept feature takes in the design matrix: 1, or ``DOCUMENT_SCALE`` for
    document evidence. A larger value is a weaker L2 penalty on that feature, so the
    article's own evidence (DESIGN §3: "first-class") is not shrunk like a word identity.
    The exported weights are multiplied back, so scoring stays a sum of weights."""
    values = np.ones(len(columns), dtype=np.float64)
    values[np.isin(columns, DOCUMENT_IDS)] = DOCUMENT_SCALE
    return values


def fit_linear(rows: list[np.ndarray], y: np.ndarray, cfg: TrainConfig) -> tuple[LinearModel, object, np.ndarray]:
    """Fit scikit-learn's LogisticRegression; return the numpy model, the estimator and its columns."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    allids = np.concatenate(rows)
    uniq, counts = np.unique(allids, return_counts=True)
    kept = uniq[counts >= cfg.min_count]
    X = to_matrix(rows, kept, csr_matrix)
    clf = LogisticRegression(C=cfg.C, max_iter=400, tol=1e-5)
    clf.fit(X, y)
    coef = np.zeros((len(kept), len(CLASSES)), dtype=np.float32)
    coef[:, clf.classes_] = clf.coef_.T * column_values(kept)[:, None]
    intercept = np.full(len(CLASSES), -30.0, dtype=np.float32)
    intercept[clf.classes_] = clf.intercept_
    return LinearModel(CLASSES, kept, coef, intercept), clf, kept


def to_matrix(rows: list[np.ndarray], columns: np.ndarray, csr_matrix):
    """Sparse design matrix of hashed rows over the kept (sorted) columns (see column_values)."""
    indptr = [0]
    indices: list[np.ndarray] = []
    for r in rows:
        pos = np.searchsorted(columns, r)
        pos = np.minimum(pos, len(columns) - 1)
        hit = pos[columns[pos] == r]
        indices.append(hit)
        indptr.append(indptr[-1] + len(hit))
    idx = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
    return csr_matrix((column_values(columns)[idx], idx, np.array(indptr)), shape=(len(rows), len(columns)))


MIN_CATEGORY_SPANS = 40  # a category gets its own calibration map from this many dev spans


def dev_spans(detector: Detector, dev: list[Article]) -> list[tuple[str, float, bool, str]]:
    """(article id, raw score, paired with a real slip, category) for every candidate span on dev."""
    forms = listed_forms(detector.pack)
    out = []
    for a in dev:
        an = detector.analyse(a.text)
        preds = [Pred(s.start, s.end, s.category, s.raw) for s in an.spans]
        paired = {i for i, _ in pair(preds, golds_of(a, forms))}
        out += [(a.id, s.raw, i in paired, s.category) for i, s in enumerate(an.spans)]
    return out


def fit_calibrator(spans: list[tuple[str, float, bool, str]], method: str) -> CategoryCalibrator:
    raw = np.array([s[1] for s in spans])
    ok = np.array([s[2] for s in spans])
    per = {}
    for cat in sorted({s[3] for s in spans}):
        sel = [s for s in spans if s[3] == cat]
        if len(sel) >= MIN_CATEGORY_SPANS and len({s[2] for s in sel}) == 2:
            per[cat] = Calibrator.fit(np.array([s[1] for s in sel]), np.array([s[2] for s in sel]), method)
    return CategoryCalibrator(Calibrator.fit(raw, ok, method), per)


def out_of_fold(spans: list[tuple[str, float, bool, str]], method: str) -> np.ndarray:
    """Each dev span's confidence from a map fitted on the other half of dev's articles:
    how the calibration will behave on articles it never saw."""
    ids = sorted({s[0] for s in spans})
    conf = np.zeros(len(spans))
    for fold in (set(ids[0::2]), set(ids[1::2])):
        fit = [s for s in spans if s[0] not in fold]
        idx = [i for i, s in enumerate(spans) if s[0] in fold]
        if fit and idx:
            conf[idx] = fit_calibrator(fit, method)(np.array([spans[i][1] for i in idx]), [spans[i][3] for i in idx])
    return conf


def choose_calibration(spans: list[tuple[str, float, bool, str]]) -> str:
    """isotonic or Platt: whichever has the lower out-of-fold calibration error on dev."""
    from mtcheck.training.metrics import ece, reliability

    ok = np.array([s[2] for s in spans], dtype=float)
    scores = {method: ece(reliability(out_of_fold(spans, method), ok)) for method in ("isotonic", "platt")}
    return min(scores, key=scores.get)


def category_thresholds(spans: list[tuple[str, float, bool, str]], oof: np.ndarray, threshold: float,
                        target: float) -> dict[str, float]:
    """Categories whose out-of-fold dev precision misses ``target`` at the global threshold get
    a higher one of their own (a false friend is a matter of sense, and its score says less).
    A category that meets the target there keeps the global threshold, even when all its dev
    confidences sit higher: raising it to its lowest dev score would only cost recall."""
    ok = np.array([s[2] for s in spans])
    cats = np.array([s[3] for s in spans])
    out = {}
    for cat in sorted(set(cats.tolist())):
        mine = cats == cat
        above = mine & (oof >= threshold)
        if not above.any() or ok[above].mean() >= target:
            continue
        t = choose_threshold(oof[mine], ok[mine], target)
        if t > threshold:
            out[cat] = round(t, 3)
    return out


def calibrate(detector: Detector, dev: list[Article], cfg: TrainConfig) -> tuple[CategoryCalibrator, float, dict[str, float], str]:
    """Calibration maps raw→precision on dev spans; the default threshold (see choose_threshold)
    and the categories that need a higher one (see category_thresholds)."""
    spans = dev_spans(detector, dev)
    method = cfg.calibration or choose_calibration(spans)
    cal = fit_calibrator(spans, method)
    conf = cal(np.array([s[1] for s in spans]), [s[3] for s in spans])
    clean_ids = {a.id for a in dev if a.kind == "clean"}
    clean_words = sum(len(a.text.split()) for a in dev if a.kind == "clean")
    on_clean = np.array([s[0] in clean_ids for s in spans])
    threshold = choose_threshold(conf, np.array([s[2] for s in spans]), cfg.target_precision,
                                 conf[on_clean], clean_words, cfg.max_clean_alarms)
    per_category = category_thresholds(spans, out_of_fold(spans, method), threshold, cfg.target_precision)
    return cal, threshold, per_category, method


def choose_threshold(conf: np.ndarray, ok: np.ndarray, target: float, clean_conf: np.ndarray | None = None,
                     clean_words: int = 0, max_alarms: float | None = None) -> float:
    """Lowest confidence t such that findings with confidence ≥ t reach ``target`` precision on
    dev and, on dev's clean articles, stay under ``max_alarms`` per 1,000 words.

    Precision is measured where slips are dense (one every 20–30 words); the alarm cap keeps the
    tool quiet on clean copy, where a desk reads most of its stories."""
    best = 1.0
    # candidates floored to 3 decimals, so the finding that sets a threshold is kept by it
    for t in sorted(set((np.floor(conf * 1000) / 1000).round(3).tolist()), reverse=True):
        sel = conf >= t
        quiet = True
        if max_alarms is not None and clean_conf is not None and clean_words:
            quiet = 1000.0 * float((clean_conf >= t).sum()) / clean_words <= max_alarms
        if sel.sum() and ok[sel].mean() >= target and quiet:
            best = t
        elif sel.sum() >= 20:
            break
    return float(max(best, 0.05))


def fit_risk(detector: Detector, articles: list[Article]) -> RiskModel:
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for a in articles:
        an = detector.analyse(a.text)
        summary = article_summary(an.probs, an.conf, an.spans, an.words)
        X.append([summary[f] for f in RISK_FEATURES])
        y.append(1 if a.kind == "mt" else 0)
    # strong regularisation: dev articles separate easily, and the risk must transfer to real copy
    clf = LogisticRegression(C=0.1, max_iter=1000).fit(np.array(X), np.array(y))
    return RiskModel(list(RISK_FEATURES), clf.coef_[0].round(6).tolist(), round(float(clf.intercept_[0]), 6))


@dataclass
class TrainReport:
    model: StoredModel
    pieces: Path
    counts: dict
    dev: dict
    heldout: dict
    seconds: float


def train(cfg: TrainConfig, workdir: Path | None = None, log=print) -> TrainReport:
    """Fit on train, calibrate on dev, report on heldout, with one BLAS thread: the solver's
    sums then come out the same whatever the machine's cores or OPENBLAS_NUM_THREADS (a
    ``scan`` earlier in the same process sets it), so the shipped model rebuilds exactly."""
    import sklearn.linear_model  # noqa: F401  (load its BLAS first: limits reach loaded libraries only)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _train(cfg, workdir, log)


def _train(cfg: TrainConfig, workdir: Path | None, log) -> TrainReport:
    t0 = time.time()
    tmp = Path(workdir or tempfile.mkdtemp(prefix="mtcheck-train-"))
    pack = load_pack(cfg.lang)
    train_arts = load_split(cfg.corpora, "train")
    dev = load_split(cfg.corpora, "dev")
    heldout = load_split(cfg.corpora, "heldout")
    if not train_arts or not dev:
        raise ValueError(f"no train or dev articles under {cfg.corpora}; run 'mtcheck corpus build' first")
    synthetic = synthesize([a for a in train_arts if a.kind == "clean"], pack, cfg.seed, cfg.synthetic_per_clean)
    log(f"train: {len(train_arts)} articles + {len(synthetic)} synthetic; dev: {len(dev)}; heldout: {len(heldout)}")
    freq = FrequencyTable.from_wordfreq(cfg.lang).with_capitalisation(capitalisation_counts(train_arts))
    pieces_path = train_pieces(train_arts, cfg.sp_vocab, tmp)
    featurizer = Featurizer(pack, freq, piece_function(pieces_path), cfg.features)
    rows, y = build_matrix(featurizer, train_arts + synthetic, pack, cfg)
    log(f"fitting on {len(rows)} tokens ({int((y > 0).sum())} in slips)")
    linear, _, kept = fit_linear(rows, y, cfg)
    log(f"{len(kept)} features kept")
    model = StoredModel(
        model_id=cfg.model_id,
        lang=cfg.lang,
        linear=linear,
        calibrator=CategoryCalibrator(Calibrator(np.array([]), np.array([]))),
        risk=RiskModel([], [], 0.0),
        freq=freq,
        pieces_path=pieces_path,
        threshold=0.5,
        candidate_floor=cfg.candidate_floor,
        feature_config=cfg.features,
    )
    detector = Detector(model=model)
    model.calibrator, model.threshold, model.category_thresholds, method = calibrate(detector, dev, cfg)
    log(f"calibration: {method}; threshold {model.threshold:.3f}; raised for {model.category_thresholds or 'no category'}")
    model.risk = fit_risk(detector, dev)
    dev_report = evaluate(detector, dev).as_dict()
    held_report = evaluate(detector, heldout).as_dict() if heldout else {}
    counts = {
        split: {
            "articles": len(arts),
            "mt": sum(a.kind == "mt" for a in arts),
            "clean": sum(a.kind == "clean" for a in arts),
            "words": sum(len(a.text.split()) for a in arts),
            "slips": sum(len(a.slips) for a in arts),
        }
        for split, arts in (("train", train_arts), ("synthetic", synthetic), ("dev", dev), ("heldout", heldout))
    }
    model.meta = {
        "seed": cfg.seed,
        "C": cfg.C,
        "hide_rate": cfg.hide_rate,
        "calibration": method,
        "target_precision": cfg.target_precision,
        "max_clean_alarms": cfg.max_clean_alarms,
        "features_kept": int(len(kept)),
        "training_tokens": int(len(rows)),
        "counts": counts,
    }
    return TrainReport(model, pieces_path, counts, dev_report, held_report, time.time() - t0)
