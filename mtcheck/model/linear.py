"""Score tokens with a multinomial linear model exported from scikit-learn.

The scan path never imports scikit-learn: it sums the weights of each token's
features and applies a softmax. Type and context features depend on a word form
only, so their summed weight vectors are computed once per form (in one vectorised
batch per article) and gathered by index for every occurrence (DESIGN §3).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mtcheck.features import BIGRAM_ROLES, CONTEXT_ROLES, ArticleFeatures, Featurizer, bigram_key, context_feature
from mtcheck.model.hashing import feature_ids

class VectorTable:
    """Weight vectors keyed by a string, stored in one growing array for fast gathers."""

    def __init__(self, width: int) -> None:
        self.index: dict[str, int] = {}
        self.data = np.zeros((1024, width), dtype=np.float32)

    def ids(self, keys: list[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Row ids of ``keys``, computing the vectors of unseen keys in one batch."""
        missing = list(dict.fromkeys(k for k in keys if k not in self.index))
        if missing:
            start = len(self.index)
            need = start + len(missing)
            if need > len(self.data):
                grown = np.zeros((max(need, 2 * len(self.data)), self.data.shape[1]), dtype=np.float32)
                grown[:start] = self.data[:start]
                self.data = grown
            self.data[start:need] = compute(missing)
            for offset, k in enumerate(missing):
                self.index[k] = start + offset
        index = self.index
        return np.fromiter((index[k] for k in keys), dtype=np.int64, count=len(keys))


class LinearModel:
    """``coef`` rows follow ``ids`` (sorted crc32 feature ids); one column per class."""

    def __init__(self, classes: list[str], ids: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> None:
        order = np.argsort(ids)
        self.classes = list(classes)
        self.ids = np.asarray(ids, dtype=np.int64)[order]
        self.coef = np.asarray(coef, dtype=np.float32)[order]
        self.intercept = np.asarray(intercept, dtype=np.float32)
        k = len(self.classes)
        self._types = VectorTable(k)
        self._context = VectorTable(k * len(CONTEXT_ROLES))
        self._bigrams = VectorTable(k * len(BIGRAM_ROLES))
        self._row_cache: dict[str, int] = {}

    def rows(self, features: list[str]) -> np.ndarray:
        """Row index of each feature in ``coef``; -1 for features the model never saw."""
        cache = self._row_cache
        missing = [f for f in dict.fromkeys(features) if f not in cache]
        if missing:
            h = feature_ids(missing)
            if len(self.ids):
                idx = np.minimum(np.searchsorted(self.ids, h), len(self.ids) - 1)
                found = self.ids[idx] == h
            else:
                idx, found = np.zeros(len(h), dtype=np.int64), np.zeros(len(h), dtype=bool)
            for f, i, ok in zip(missing, idx.tolist(), found.tolist()):
                cache[f] = i if ok else -1
        return np.fromiter((cache[f] for f in features), dtype=np.int64, count=len(features))

    def _summed(self, groups: list[list[str]]) -> np.ndarray:
        """One summed weight vector per group of feature strings."""
        out = np.zeros((len(groups), len(self.classes)), dtype=np.float32)
        flat = [f for g in groups for f in g]
        if not flat:
            return out
        owner = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        rows = self.rows(flat)
        keep = rows >= 0
        np.add.at(out, owner[keep], self.coef[rows[keep]])
        return out

    def weights(self, features: list[str]) -> np.ndarray:
        """Summed weight vector of a list of feature strings (unknown features weigh 0)."""
        return self._summed([features])[0]

    def weight_of(self, feature: str) -> np.ndarray:
        return self.weights([feature])

    def logits(self, featurizer: Featurizer, af: ArticleFeatures) -> np.ndarray:
        n = len(af.tokens)
        k = len(self.classes)
        out = np.tile(self.intercept, (n, 1))
        if n == 0:
            return out
        forms = [t.text for t in af.tokens]
        type_ids = self._types.ids(forms, lambda keys: self._summed([featurizer.type_feats(f) for f in keys]))
        out += self._types.data[type_ids]
        if featurizer.config.context:
            for r, role in enumerate(CONTEXT_ROLES):
                ids = self._context.ids(af.context[role], self._context_vectors)
                out += self._context.data[ids, r * k : (r + 1) * k]
            here = [f.lower() for f in forms]
            before = self._bigrams.ids([bigram_key(p, h) for p, h in zip(af.context["p1"], here)], self._bigram_vectors)
            after = self._bigrams.ids([bigram_key(h, q) for h, q in zip(here, af.context["n1"])], self._bigram_vectors)
            out += self._bigrams.data[before, :k]  # (previous, this) as b-
            out += self._bigrams.data[after, k:]  # (this, next) as b+
        flat = [f for feats in af.token_feats for f in feats]
        if flat:
            owner = np.repeat(np.arange(n), [len(feats) for feats in af.token_feats])
            rows = self.rows(flat)
            keep = rows >= 0
            np.add.at(out, owner[keep], self.coef[rows[keep]])
        return out

    def _context_vectors(self, keys: list[str]) -> np.ndarray:
        """For each word form, its weight vector in each context role, side by side."""
        blocks = [self._summed([[context_feature(role, key)] for key in keys]) for role in CONTEXT_ROLES]
        return np.concatenate(blocks, axis=1)

    def _bigram_vectors(self, keys: list[str]) -> np.ndarray:
        blocks = [self._summed([[context_feature(role, key)] for key in keys]) for role in BIGRAM_ROLES]
        return np.concatenate(blocks, axis=1)

    def predict_proba(self, featurizer: Featurizer, af: ArticleFeatures) -> np.ndarray:
        """(n_tokens, n_classes) class probabilities, as scikit-learn's ``predict_proba``."""
        return softmax(self.logits(featurizer, af))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
