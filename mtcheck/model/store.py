"""Save and load a model folder: ``model.json`` + ``weights.npz`` + ``pieces.model``.

No pickle anywhere: arrays go through ``np.load(allow_pickle=False)``, everything else
is JSON. ``model.json`` records a format version and the SHA-256 of each array file,
and loading refuses a mismatch with a message that says what to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mtcheck.features import FeatureConfig
from mtcheck.features.frequency import FrequencyTable
from mtcheck.model.calibration import CategoryCalibrator
from mtcheck.model.linear import LinearModel

FORMAT_VERSION = 3  # 2: per-category thresholds; 3: mid-sentence capitalisation shares
WEIGHTS = "weights.npz"
PIECES = "pieces.model"
META = "model.json"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "fr-default"


class ModelError(Exception):
    """A model folder that cannot be used (missing, wrong version, tampered)."""


@dataclass
class RiskModel:
    """Logistic regression over article-level summaries of the token scores."""

    features: list[str]
    coef: list[float]
    intercept: float

    def __call__(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(c * values.get(f, 0.0) for f, c in zip(self.features, self.coef))
        return float(1.0 / (1.0 + np.exp(-z)))


@dataclass
class StoredModel:
    model_id: str
    lang: str
    linear: LinearModel
    calibrator: CategoryCalibrator
    risk: RiskModel
    freq: FrequencyTable
    pieces_path: Path
    threshold: float
    candidate_floor: float
    feature_config: FeatureConfig
    category_thresholds: dict[str, float] = field(default_factory=dict)  # raised above ``threshold``
    meta: dict = field(default_factory=dict)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save(model: StoredModel, folder: Path, pieces_src: Path) -> None:
    """Write a model folder atomically enough: files first, ``model.json`` last."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "ids": model.linear.ids,
        "coef": model.linear.coef,
        "intercept": model.linear.intercept,
        **model.freq.arrays(),
    }
    np.savez_compressed(folder / WEIGHTS, **arrays)
    if pieces_src.resolve() != (folder / PIECES).resolve():
        (folder / PIECES).write_bytes(pieces_src.read_bytes())
    meta = dict(model.meta)
    meta.update(
        {
            "format_version": FORMAT_VERSION,
            "model_id": model.model_id,
            "lang": model.lang,
            "classes": model.linear.classes,
            "feature_config": model.feature_config.as_dict(),
            "threshold": model.threshold,
            "category_thresholds": model.category_thresholds,
            "candidate_floor": model.candidate_floor,
            "calibration": model.calibrator.to_json(),
            "risk": {"features": model.risk.features, "coef": model.risk.coef, "intercept": model.risk.intercept},
            "files": {WEIGHTS: _sha256(folder / WEIGHTS), PIECES: _sha256(folder / PIECES)},
        }
    )
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".json.tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, folder / META)


def load(folder: Path | str | None = None) -> StoredModel:
    """Load and verify a model folder (the shipped default when ``folder`` is None)."""
    folder = Path(folder) if folder else DEFAULT_MODEL_DIR
    meta_path = folder / META
    if not meta_path.exists():
        raise ModelError(f"no model at {folder} (missing {META}); run 'mtcheck train' to build one")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{meta_path} is not valid JSON: {exc}") from exc
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise ModelError(
            f"model {folder} has format version {version}, this mtcheck reads {FORMAT_VERSION}; retrain with 'mtcheck train'"
        )
    for name, digest in meta.get("files", {}).items():
        path = folder / name
        if not path.exists():
            raise ModelError(f"model file {path} is missing")
        if _sha256(path) != digest:
            raise ModelError(f"model file {path} does not match its checksum in {META}: refusing a modified model")
    try:
        with np.load(folder / WEIGHTS, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (ValueError, OSError) as exc:
        raise ModelError(f"cannot read {folder / WEIGHTS}: {exc}") from exc
    linear = LinearModel(meta["classes"], arrays["ids"], arrays["coef"], arrays["intercept"])
    cal = meta["calibration"]
    risk = meta["risk"]
    return StoredModel(
        model_id=meta["model_id"],
        lang=meta["lang"],
        linear=linear,
        calibrator=CategoryCalibrator.from_json(cal),
        risk=RiskModel(risk["features"], risk["coef"], risk["intercept"]),
        freq=FrequencyTable.from_arrays(arrays),
        pieces_path=folder / PIECES,
        threshold=float(meta["threshold"]),
        category_thresholds={k: float(v) for k, v in meta.get("category_thresholds", {}).items()},
        candidate_floor=float(meta["candidate_floor"]),
        feature_config=FeatureConfig(**meta["feature_config"]),
        meta=meta,
    )
