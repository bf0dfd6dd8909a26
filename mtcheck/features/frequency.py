"""English and source-language word frequencies, baked into the model at training time.

wordfreq supplies the numbers when the model is trained; scanning only reads the
arrays stored in the model's ``.npz`` so the scan path needs neither wordfreq nor
its data files. Beside them sits how often English capitalises each word in mid-sentence,
counted on the training text: wordfreq folds case, and "Talking" mid-sentence is only
suspect because English seldom capitalises the word there ("Sunday" it always does).
"""

from __future__ import annotations

import numpy as np

from mtcheck.model.sorting import sorted_by_key


class FrequencyTable:
    """Zipf frequencies (0 = unknown, ~7 = 'the') of words in English and the source language."""

    def __init__(self, words: np.ndarray, en: np.ndarray, src: np.ndarray, cap: np.ndarray | None = None) -> None:
        cap = np.full(len(words), -1.0) if cap is None else cap
        self.words, self.en, self.src, self.cap = sorted_by_key(
            words, *(np.asarray(a, dtype=np.float32) for a in (en, src, cap))
        )

    def lookup_many(self, words: list[str]) -> list[tuple[float, float, float]]:
        """(english zipf, source zipf, capitalised share) of each lower-cased word, (0, 0, -1)
        when unknown; one binary search call for all of them. The share is that of
        mid-sentence uses the training text capitalised, -1 when too rare to say."""
        if not words or not len(self.words):
            return [(0.0, 0.0, -1.0)] * len(words)
        idx = np.minimum(np.searchsorted(self.words, words), len(self.words) - 1)
        found = zip(words, self.words[idx].tolist(), self.en[idx].tolist(), self.src[idx].tolist(), self.cap[idx].tolist())
        return [(e, s, c) if w == near else (0.0, 0.0, -1.0) for w, near, e, s, c in found]

    def with_capitalisation(self, counts: dict[str, tuple[int, int]], min_uses: int = 5) -> "FrequencyTable":
        """A copy whose capitalised shares come from ``counts``: word -> (capitalised, all) uses."""
        cap = np.full(len(self.words), -1.0, dtype=np.float32)
        for i, w in enumerate(self.words.tolist()):
            upper, total = counts.get(w, (0, 0))
            if total >= min_uses:
                cap[i] = upper / total
        return FrequencyTable(self.words, self.en, self.src, cap)

    @classmethod
    def from_wordfreq(cls, src_lang: str, n_en: int = 60000, n_src: int = 40000) -> "FrequencyTable":
        """Build from wordfreq (training only: imported lazily)."""
        from wordfreq import top_n_list, zipf_frequency

        vocab = sorted(
            {w for w in top_n_list("en", n_en) + top_n_list(src_lang, n_src) if 0 < len(w) <= 24}
        )
        en = np.array([zipf_frequency(w, "en") for w in vocab], dtype=np.float32)
        src = np.array([zipf_frequency(w, src_lang) for w in vocab], dtype=np.float32)
        return cls(np.array(vocab, dtype="<U24"), en, src)

    def arrays(self) -> dict[str, np.ndarray]:
        return {"freq_words": self.words, "freq_en": self.en, "freq_src": self.src, "freq_cap": self.cap}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "FrequencyTable":
        return cls(arrays["freq_words"], arrays["freq_en"], arrays["freq_src"], arrays["freq_cap"])
