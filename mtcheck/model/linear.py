"""Score tokens with a multinomial linear model exported from scikit-learn.

The scan path never imports scikit-learn: it sums the weights of each token's
features and applies a softmax. Type and context features depend on a word form
only, so their summed weight vectors are computed once per form (in one vectorised
batch per article) and gathered by index for every occurrence (DESIGN §3).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mtcheck.features import BIGRAM_ROLES, CONTEXT_ROLES, ArticleFeatures, Featurizer, bigram_keys, context_features
from mtcheck.model.hashing import feature_ids
from mtcheck.model.sorting import sorted_by_key


class VectorTable:
    """Weight vectors keyed by a string, stored in one growing array for fast gathers."""

    def __init__(self, width: int) -> None:
        self.index: dict[str, int] = {}
        self.data = np.zeros((1024, width), dtype=np.float32)

    def ids(self, keys: list[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Row ids of ``keys``, computing the vectors of unseen keys in one batch."""
        found = list(map(self.index.get, keys))
        if None in found:
            self._add(list(dict.fromkeys(k for k, i in zip(keys, found) if i is None)), compute)
            found = list(map(self.index.__getitem__, keys))
        return np.array(found, dtype=np.int64)

    def _add(self, missing: list[str], compute: Callable[[list[str]], np.ndarray]) -> None:
        """Append the vectors of unseen keys, doubling the array when it is full."""
        start = len(self.index)
        need = start + len(missing)
        if need > len(self.data):
            grown = np.zeros((max(need, 2 * len(self.data)), self.data.shape[1]), dtype=np.float32)
            grown[:start] = self.data[:start]
            self.data = grown
        self.data[start:need] = compute(missing)
        for offset, k in enumerate(missing):
            self.index[k] = start + offset


class LinearModel:
    """``coef`` rows follow ``ids`` (sorted crc32 feature ids); one column per class."""

    def __init__(self, classes: list[str], ids: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.classes = list(classes)
        self.ids, self.coef = sorted_by_key(np.asarray(ids, dtype=np.int64), np.asarray(coef, dtype=np.float32))
        self.intercept = np.asarray(intercept, dtype=np.float32)
        k = len(self.classes)
        self._types = VectorTable(k)
        self._context = VectorTable(k * len(CONTEXT_ROLES))
        self._bigrams = VectorTable(k * len(BIGRAM_ROLES))
        self._row_cache: dict[str, int] = {}

    def rows(self, features: list[str]) -> np.ndarray:
        """Row index of each feature in ``coef``; -1 for features the model never saw."""
        cache = self._row_cache
        found = list(map(cache.get, features))
        if None in found:
            missing = [f for f in dict.fromkeys(features) if f not in cache]
            cache.update(zip(missing, self._lookup(missing).tolist()))
            found = list(map(cache.__getitem__, features))
        return np.array(found, dtype=np.int64)

    def _lookup(self, features: list[str]) -> np.ndarray:
        """Uncached :meth:`rows`, for features looked up once (context keys are cached per key)."""
        h = feature_ids(features)
        if not len(self.ids):
            return np.full(len(h), -1, dtype=np.int64)
        idx = np.minimum(np.searchsorted(self.ids, h), len(self.ids) - 1)
        return np.where(self.ids[idx] == h, idx, -1)

    def _single(self, features: list[str]) -> np.ndarray:
        """The weight vector of each feature on its own (zeros for unknown features)."""
        out = np.zeros((len(features), len(self.classes)), dtype=np.float32)
        rows = self._lookup(features)
        keep = rows >= 0
        out[keep] += self.coef[rows[keep]]
        return out

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
            here = list(map(str.lower, forms))
            before = self._bigrams.ids(bigram_keys(af.context["p1"], here), self._bigram_vectors)
            after = self._bigrams.ids(bigram_keys(here, af.context["n1"]), self._bigram_vectors)
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
        return self._role_vectors(keys, CONTEXT_ROLES)

    def _bigram_vectors(self, keys: list[str]) -> np.ndarray:
        return self._role_vectors(keys, BIGRAM_ROLES)

    def _role_vectors(self, keys: list[str], roles: tuple[str, ...]) -> np.ndarray:
        w = self._single([f for role in roles for f in context_features(role, keys)])
        return w.reshape(len(roles), len(keys), -1).transpose(1, 0, 2).reshape(len(keys), -1)

    def predict_proba(self, featurizer: Featurizer, af: ArticleFeatures) -> np.ndarray:
        """(n_tokens, n_classes) class probabilities, as scikit-learn's ``predict_proba``."""
        return softmax(self.logits(featurizer, af))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
