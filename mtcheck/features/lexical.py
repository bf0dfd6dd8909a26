"""Features of a word *type*: computed once per distinct form, whatever the article.

Because they depend on the form alone, the scorer sums their weights once per type
and reuses the result for every occurrence (DESIGN §3, "fast by construction").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from mtcheck.features.frequency import FrequencyTable
from mtcheck.lang.pack import LanguagePack, fold


def shape(text: str) -> str:
    """Coarse word shape: Xx, x, X, d, Xd, punct char, ..."""
    if text.isascii():  # plain words and numbers, without the loop below
        if text.isalpha():
            if text.islower():
                return "x"
            if text.isupper():
                return "X"
            if text[0].isupper() and text[1:].islower():
                return "Xx"
        elif text.isdigit():
            return "d"
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


def norm(text: str) -> str:
    """Folded form used for lexicon lookups; drops an English possessive."""
    f = fold(text)
    for suffix in ("'s", "'"):
        if f.endswith(suffix) and len(f) > len(suffix) + 1:
            return f[: -len(suffix)]
    return f


TITLES = {"mr", "ms", "mrs", "mme", "m", "dr", "miss", "madame", "monsieur"}
_ACCENTS = frozenset("éèêàùâîôûçëïœ")


@dataclass(slots=True, eq=False)
class WordType:
    """A form's type features and what the token features ask of every occurrence of it,
    worked out once per distinct form instead of once per token."""

    feats: list[str]
    folded: str  # fold(form), for lexicon phrases
    normed: str  # norm(form), for names and back-translations
    capital: bool  # starts with an upper-case letter
    title: bool  # a courtesy title (Mr, Mme, ...), with or without its full stop
    accent: bool
    french_looking: bool  # accented, in the source lexicon, or much commoner in the source language
    enz: tuple[str, ...]  # the English-frequency feature
    capr: tuple[str, ...]  # how often English capitalises the word mid-sentence (capitalised forms only)
    enz_srclex: tuple[str, ...]  # enz, capr and srclex: what capitalisation conjoins with
    false_friend: str | None  # the form's key in the pack's false friends, if any


def word_types(
    forms: list[str],
    pack: LanguagePack,
    freq: FrequencyTable,
    pieces: Callable[[list[str]], list[list[str]]],
    use_pieces: bool = True,
) -> list[WordType]:
    """The :class:`WordType` of each cased form; their frequencies and sentencepiece pieces
    are looked up together."""
    lows = [f.lower() for f in forms]
    normed = [norm(f) for f in forms]
    zipfs = freq.lookup_many(normed)
    segments = pieces(lows) if use_pieces else [[] for _ in forms]
    return [_word_type(*args, pack) for args in zip(forms, lows, normed, zipfs, segments)]


def _word_type(
    text: str, low: str, normed: str, zipf: tuple[float, float, float], segments: list[str], pack: LanguagePack
) -> WordType:
    """Type features (word, shape, affixes, pieces, frequencies) of one form, and its facts."""
    feats = [f"w={low}", f"shape={shape(text)}"]
    enz: tuple[str, ...] = ()
    capr: tuple[str, ...] = ()
    srclex = accent = french = False
    if text.isalnum() or any(c.isalnum() for c in text):
        if text != low:
            feats.append(f"wc={text}")
        if len(low) >= 5:
            feats += [f"pre3={low[:3]}", f"suf3={low[-3:]}"]
        feats += [f"sp={p}" for p in segments]
        en, src, cap = zipf
        dz = max(-3, min(3, round(src - en)))
        enz = (f"enz={_bin(en)}",)
        feats += [enz[0], f"srcz={_bin(src)}", f"dz={dz}"]
        if text[:1].isupper():
            capr = (f"capr={_capitalised_bin(cap)}",)
            feats.append(capr[0])
        srclex = normed in pack.fr_to_en and en < 3.0
        if srclex:
            feats.append("srclex")
        accent = not _ACCENTS.isdisjoint(low)
        if accent:
            feats.append("accent")
        french = accent or srclex or dz >= 2
    ff = pack.false_friends
    return WordType(
        feats,
        fold(text),
        normed,
        text[:1].isupper(),
        low.rstrip(".") in TITLES,
        accent,
        french,
        enz,
        capr,
        enz + capr + ("srclex",) if srclex else enz + capr,
        low if low in ff else normed if normed in ff else None,
    )
