"""Map raw span scores to calibrated confidences with an isotonic curve stored as arrays."""

from __future__ import annotations

import numpy as np


class Calibrator:
    """Piecewise-linear isotonic map (the thresholds scikit-learn's IsotonicRegression fits)."""

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)

    def __call__(self, raw: np.ndarray | float) -> np.ndarray:
        if len(self.x) == 0:
            return np.asarray(raw, dtype=np.float64)
        return np.interp(raw, self.x, self.y)

    @classmethod
    def fit(cls, raw: np.ndarray, correct: np.ndarray, method: str = "isotonic") -> "Calibrator":
        """Fit on (raw score, was it a real slip) pairs; training only (imports scikit-learn).

        ``platt`` (a logistic curve on the log-odds of the raw score) is smoother and
        needs fewer points; ``isotonic`` follows any monotone shape. Both are stored as
        the same piecewise-linear arrays.
        """
        y = correct.astype(float)
        if method == "platt":
            from sklearn.linear_model import LogisticRegression

            z = _logit(raw).reshape(-1, 1)
            lr = LogisticRegression(C=100.0).fit(z, y) if len(set(y)) == 2 else None
            grid = np.linspace(0.0, 1.0, 201)
            if lr is None:
                return cls(grid, np.full_like(grid, y.mean() if len(y) else 0.5))
            return cls(grid, lr.predict_proba(_logit(grid).reshape(-1, 1))[:, 1])
        from sklearn.isotonic import IsotonicRegression

        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
        iso.fit(raw, y)
        return cls(iso.X_thresholds_, iso.y_thresholds_)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


class CategoryCalibrator:
    """One calibration map per category where dev has enough spans, else the global map.

    Spans of different categories reach the same raw score with different reliability
    (a back-translated name is right far more often than a suspected calque)."""

    def __init__(self, default: Calibrator, per_category: dict[str, Calibrator] | None = None) -> None:
        self.default = default
        self.per_category = dict(per_category or {})

    def __call__(self, raw: np.ndarray, categories: list[str]) -> np.ndarray:
        raw = np.asarray(raw, dtype=np.float64)
        out = self.default(raw)
        for cat, cal in self.per_category.items():
            mask = np.array([c == cat for c in categories], dtype=bool)
            if mask.any():
                out[mask] = cal(raw[mask])
        return out

    def to_json(self) -> dict:
        return {
            "x": self.default.x.tolist(),
            "y": self.default.y.tolist(),
            "per_category": {c: {"x": k.x.tolist(), "y": k.y.tolist()} for c, k in self.per_category.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "CategoryCalibrator":
        per = {c: Calibrator(np.array(v["x"]), np.array(v["y"])) for c, v in data.get("per_category", {}).items()}
        return cls(Calibrator(np.array(data["x"]), np.array(data["y"])), per)
