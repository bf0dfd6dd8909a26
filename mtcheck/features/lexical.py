"""Features of a word *type*: computed once per distinct form, whatever the article.

Because they depend on the form alone, the scorer sums their weights once per type
and reuses the result for every occurrence (DESIGN §3, "fast by construction").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from mtcheck.features.frequency import FrequencyTable
from mtcheck.lang.pack import LanguagePack, fold


def shape(text: str) -> str:
    """Coarse word shape: Xx, x, X, d, Xd, punct char, ..."""
    if not any(c.isalnum() for c in text):
        return text[:1]
    out = []
    for c in text:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]


def _bin(z: float) -> str:
    return str(int(z)) if z > 0 else "0"


def _capitalised_bin(share: float) -> str:
    """u: too rare in the training text to say; 0: never capitalised mid-sentence … 3: almost always."""
    if share < 0:
        return "u"
    return "0" if share < 0.05 else "1" if share < 0.35 else "2" if share < 0.8 else "3"


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Folded form used for lexicon lookups; drops an English possessive."""
    f = fold(text)
    for suffix in ("'s", "'"):
        if f.endswith(suffix) and len(f) > len(suffix) + 1:
            return f[: -len(suffix)]
    return f


def type_features(
    text: str,
    pack: LanguagePack,
    freq: FrequencyTable,
    pieces: Callable[[str], list[str]],
    use_pieces: bool = True,
) -> list[str]:
    """The feature strings of one cased word form."""
    low = text.lower()
    feats = [f"w={low}", f"shape={shape(text)}"]
    if not any(c.isalnum() for c in text):
        return feats
    if text != low:
        feats.append(f"wc={text}")
    if len(low) >= 5:
        feats += [f"pre3={low[:3]}", f"suf3={low[-3:]}"]
    if use_pieces:
        feats += [f"sp={p}" for p in pieces(low)]
    n = norm(text)
    en, src = freq.lookup(n)
    feats += [f"enz={_bin(en)}", f"srcz={_bin(src)}", f"dz={max(-3, min(3, round(src - en)))}"]
    if text[:1].isupper():
        feats.append(f"capr={_capitalised_bin(freq.capitalised_share(n))}")
    if n in pack.fr_to_en and en < 3.0:
        feats.append("srclex")
    if any(c in "éèêàùâîôûçëïœ" for c in low):
        feats.append("accent")
    return feats
