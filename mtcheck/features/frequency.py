"""English and source-language word frequencies, baked into the model at training time.

wordfreq supplies the numbers when the model is trained; scanning only reads the
arrays stored in the model's ``.npz`` so the scan path needs neither wordfreq nor
its data files.
"""

from __future__ import annotations

import numpy as np

from mtcheck.model.sorting import sorted_by_key


class FrequencyTable:
    """Zipf frequencies (0 = unknown, ~7 = 'the') of words in English and the source language."""

    def __init__(self, words: np.ndarray, en: np.ndarray, src: np.ndarray) -> None:
        self.words, self.en, self.src = sorted_by_key(
            words, np.asarray(en, dtype=np.float32), np.asarray(src, dtype=np.float32)
        )

    def lookup_many(self, words: list[str]) -> list[tuple[float, float]]:
        """(english zipf, source zipf) of each lower-cased word, (0, 0) when unknown; one
        binary search call for all of them."""
        if not words or not len(self.words):
            return [(0.0, 0.0)] * len(words)
        idx = np.minimum(np.searchsorted(self.words, words), len(self.words) - 1)
        hits = [self.words[i] == w for i, w in zip(idx.tolist(), words)]
        return [(e, s) if hit else (0.0, 0.0) for hit, e, s in zip(hits, self.en[idx].tolist(), self.src[idx].tolist())]

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
        return {"freq_words": self.words, "freq_en": self.en, "freq_src": self.src}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "FrequencyTable":
        return cls(arrays["freq_words"], arrays["freq_en"], arrays["freq_src"])
