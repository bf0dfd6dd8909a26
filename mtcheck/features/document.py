"""Document evidence: a capitalised English word whose back-translation is a name the
same article uses elsewhere (Parler … "Talking"; Le Monde … "The World";
Marie Boulanger … "Ms Baker").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from mtcheck.features.lexical import WordType
from mtcheck.lang.pack import LanguagePack, fold
from mtcheck.segment import Token

_PARTICLES = {"le", "la", "les", "l'", "de", "du", "des", "d'", "the", "of"}
_MAX_RUN = 3
_MAX_OPTIONS = 12  # French candidates per word inside multi-word runs (bounds the product)


@dataclass(frozen=True)
class BackTranslation:
    start: int  # token index
    end: int
    name: str  # the name as the article prints it elsewhere
    source: str  # the French the English words come from
    count: int  # how many times the article prints the name
    primary: bool  # every word is the French word's first-listed sense ("talk" for parler, not "people" for monde)


def english_lemmas(word: str) -> list[str]:
    """Cheap inflection stripping so 'Talking' finds 'talk' and 'Bakers' finds 'baker'."""
    w = fold(word)
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ing") and len(w) > 5:
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 6 and w[-4] == w[-5]:
            out.append(w[:-4])
    if w.endswith("ed") and len(w) > 4:
        out += [w[:-2], w[:-1]]
    return out


def _name_index(tokens: list[Token], caps: list[bool], folded: list[str], english: dict) -> dict[str, list[int]]:
    """Folded capitalised sequences (1–3 tokens, particles allowed) → start indices.

    Single English words ("A", "We", "In" at a sentence start) are not names."""
    index: dict[str, list[int]] = {}
    n = len(tokens)
    for i in range(n):
        if not (caps[i] or folded[i] in _PARTICLES):
            continue
        parts: list[str] = []
        for j in range(i, min(n, i + _MAX_RUN)):
            if not (caps[j] or folded[j] in _PARTICLES):
                break
            parts.append(folded[j])
            if caps[j] and folded[j] not in _PARTICLES:  # a bare "Le" or "The" is no name
                if len(parts) == 1 and (len(parts[0]) < 3 or parts[0] in english):
                    continue
                index.setdefault(" ".join(parts), []).append(i)
    return index


def _translations(word: str, pack: LanguagePack) -> set[str]:
    out: set[str] = set()
    for lemma in english_lemmas(word):
        out.update(pack.en_to_fr.get(lemma, ()))
    return out


def back_translations(tokens: list[Token], types: list[WordType], pack: LanguagePack) -> list[BackTranslation]:
    """Runs of capitalised English words that back-translate to a name printed elsewhere."""
    caps = [w.capital for w in types]
    folded = [w.normed for w in types]
    index = _name_index(tokens, caps, folded, pack.en_to_fr)
    if not index:
        return []
    cache: dict[str, list[str]] = {}
    hits: list[BackTranslation] = []
    n = len(tokens)
    for i in range(n):
        if not (caps[i] or (folded[i] in _PARTICLES and i + 1 < n and caps[i + 1])):
            continue
        for k in range(1, _MAX_RUN + 1):
            j = i + k
            if j > n or not caps[j - 1]:
                break
            if folded[j - 1] in _PARTICLES:
                continue
            options = []
            for f in folded[i:j]:
                if f not in cache:
                    cache[f] = sorted(_translations(f, pack))
                options.append(cache[f] if k == 1 else cache[f][:_MAX_OPTIONS])
            if not all(options):
                continue
            run_folded = " ".join(folded[i:j])
            for combo in product(*options):
                key = " ".join(combo).replace("' ", "'")
                if key == run_folded or key not in index:
                    continue
                starts = [s for s in index[key] if not (i <= s < j)]
                if starts:
                    s = starts[0]
                    width = len(key.split())
                    name = re.sub(r"['’]s?$", "", " ".join(t.text for t in tokens[s : s + width]))
                    primary = all(
                        pack.fr_to_en.get(fr, ("",))[0] in english_lemmas(en)
                        for fr, en in zip(combo, folded[i:j])
                        if en not in _PARTICLES
                    )
                    hits.append(BackTranslation(i, j, name, key, len(starts), primary))
                    break
    return _longest(hits)


def _longest(hits: list[BackTranslation]) -> list[BackTranslation]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[BackTranslation] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out
