"""Score tokens with a multinomial linear model exported from scikit-learn.

The scan path never imports scikit-learn: it sums the weights of each token's
features and applies a softmax. Type and context features depend on a word form
only, so their summed weight vectors are computed once per form (in one vectorised
batch per article) and gathered by index for every occurrence (DESIGN §3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain, compress, repeat
from operator import attrgetter, is_

import numpy as np

from mtcheck.features import BIGRAM_ROLES, BOUNDARY, CONTEXT_ROLES, ArticleFeatures, Featurizer, bigram_keys, context_features
from mtcheck.model.hashing import feature_ids
from mtcheck.model.sorting import sorted_by_key


def _cached(cache: dict[str, int], keys: list[str], compute: Callable[[list[str]], Iterable[int]]) -> np.ndarray:
    """``cache[key]`` of every key, first adding the values of unseen keys, computed in one batch."""
    found = list(map(cache.get, keys))
    if None in found:
        missing = list(dict.fromkeys(compress(keys, map(is_, found, repeat(None)))))
        cache.update(zip(missing, compute(missing)))
        found = list(map(cache.__getitem__, keys))
    return np.array(found, dtype=np.int64)


class _Rows:
    """Weight vectors in one array that grows by doubling, for fast gathers by row id."""

    def __init__(self, width: int) -> None:
        self.data = np.zeros((1024, width), dtype=np.float32)
        self.size = 0

    def _append(self, vectors: np.ndarray) -> None:
        need = self.size + len(vectors)
        if need > len(self.data):
            grown = np.zeros((max(need, 2 * len(self.data)), self.data.shape[1]), dtype=np.float32)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : need] = vectors
        self.size = need


class VectorTable(_Rows):
    """Weight vectors keyed by a string (``keys[row]`` is the key of a row)."""

    def __init__(self, width: int) -> None:
        super().__init__(width)
        self.index: dict[str, int] = {}
        self.keys: list[str] = []

    def ids(self, keys: list[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Row ids of ``keys``, computing the vectors of unseen keys in one batch."""
        return _cached(self.index, keys, lambda missing: self._add(missing, compute(missing)))

    def _add(self, keys: list[str], vectors: np.ndarray) -> range:
        rows = range(self.size, self.size + len(keys))
        self.keys += keys
        self._append(vectors)
        return rows


class PairTable(_Rows):
    """Weight vectors keyed by a pair of ints coded ``left << 32 | right``.

    An article's codes are looked up with one binary search over the sorted codes seen
    so far, cheaper than a dict lookup per token (the dict outgrows the CPU caches)."""

    def __init__(self, width: int) -> None:
        super().__init__(width)
        self.codes = np.zeros(0, dtype=np.int64)  # ascending
        self.rows = np.zeros(0, dtype=np.int64)  # row of each code

    def ids(self, codes: np.ndarray, compute: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Row ids of ``codes``, computing the vectors of unseen codes in one batch."""
        wanted, back = np.unique(codes, return_inverse=True)
        at = np.searchsorted(self.codes, wanted)
        seen = np.zeros(len(wanted), dtype=bool)
        inside = at < len(self.codes)
        seen[inside] = self.codes[at[inside]] == wanted[inside]
        if not seen.all():
            missing = wanted[~seen]
            self.codes = np.insert(self.codes, at[~seen], missing)
            self.rows = np.insert(self.rows, at[~seen], np.arange(self.size, self.size + len(missing)))
            self._append(compute(missing))
            at = np.searchsorted(self.codes, wanted)
        return self.rows[at][back]


class LinearModel:
    """``coef`` rows follow ``ids`` (sorted crc32 feature ids); one column per class."""

    def __init__(self, classes: list[str], ids: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.classes = list(classes)
        self.ids, self.coef = sorted_by_key(np.asarray(ids, dtype=np.int64), np.asarray(coef, dtype=np.float32))
        self.intercept = np.asarray(intercept, dtype=np.float32)
        k = len(self.classes)
        self._types = VectorTable(k)
        self._context = VectorTable(k * len(CONTEXT_ROLES))
        self._bigrams = PairTable(k * len(BIGRAM_ROLES))  # keyed by the context rows of the two words
        self._type_words = np.zeros(0, dtype=np.int64)  # context row of each type row's lower-cased form
        self._row_cache: dict[str, int] = {}

    def rows(self, features: list[str]) -> np.ndarray:
        """Row index of each feature in ``coef``; -1 for features the model never saw."""
        return _cached(self._row_cache, features, lambda missing: self._lookup(missing).tolist())

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
        out = np.tile(self.intercept, (n, 1))
        if n == 0:
            return out
        forms = list(map(attrgetter("text"), af.tokens))
        type_ids = self._types.ids(forms, lambda keys: self._summed([w.feats for w in featurizer.word_types(keys)]))
        out += self._types.data[type_ids]
        if featurizer.config.context:
            self._add_context(out, af, type_ids)
        flat = list(chain.from_iterable(af.token_feats))
        if flat:
            owner = np.repeat(np.arange(n), list(map(len, af.token_feats)))
            rows = self.rows(flat)
            keep = rows >= 0
            np.add.at(out, owner[keep], self.coef[rows[keep]])
        return out

    def _add_context(self, out: np.ndarray, af: ArticleFeatures, type_ids: np.ndarray) -> None:
        """Add the context-window and bigram weights of every token to ``out``.

        Words are found through their type rows and bigrams by their pair of word rows,
        so no token costs a string or a dict lookup here."""
        k = len(self.classes)
        words = np.append(self._word_ids(type_ids), self._context.ids([BOUNDARY], self._context_vectors))  # -1: boundary
        for r, role in enumerate(CONTEXT_ROLES):
            out += self._context.data[words[af.neighbours[role]], r * k : (r + 1) * k]
        here = words[:-1]
        pairs = np.concatenate([words[af.neighbours["p1"]] << 32 | here, here << 32 | words[af.neighbours["n1"]]])
        rows = self._bigrams.ids(pairs, self._bigram_vectors)
        out += self._bigrams.data[rows[: len(here)], :k]  # (previous, this) as b-
        out += self._bigrams.data[rows[len(here) :], k:]  # (this, next) as b+

    def _word_ids(self, type_ids: np.ndarray) -> np.ndarray:
        """The context row of each token's lower-cased form, via its type row."""
        known = len(self._type_words)
        if known < self._types.size:
            new = [form.lower() for form in self._types.keys[known:]]
            self._type_words = np.append(self._type_words, self._context.ids(new, self._context_vectors))
        return self._type_words[type_ids]

    def _context_vectors(self, keys: list[str]) -> np.ndarray:
        """For each word form, its weight vector in each context role, side by side."""
        return self._role_vectors(keys, CONTEXT_ROLES)

    def _bigram_vectors(self, pairs: np.ndarray) -> np.ndarray:
        """For each (left, right) pair of context rows, its b- and b+ weight vectors side by side."""
        words = self._context.keys
        lefts = list(map(words.__getitem__, (pairs >> 32).tolist()))
        rights = list(map(words.__getitem__, (pairs & 0xFFFFFFFF).tolist()))
        return self._role_vectors(bigram_keys(lefts, rights), BIGRAM_ROLES)

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
