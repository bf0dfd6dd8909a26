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
    shape: str  # how the name stands where printed: "whole", "head" of a longer name, or its "tail"


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
    """Folded names (1–3 tokens) → start indices: a capitalised word, then capitalised words,
    particles or lowercase French words ("Parti socialiste", "Fondation du patrimoine").

    Single English words ("A", "We", "In" at a sentence start) are not names."""
    index: dict[str, list[int]] = {}
    n = len(tokens)
    for i in range(n):
        if not (caps[i] or folded[i] in _PARTICLES):
            continue
        parts: list[str] = []
        named = False
        for j in range(i, min(n, i + _MAX_RUN)):
            word = folded[j]
            if caps[j] and word not in _PARTICLES:  # a bare "Le" or "The" is no name
                named = True
            elif not (word in _PARTICLES or (named and word.isalpha() and word not in english)):
                break
            parts.append(word)
            if named and word not in _PARTICLES:
                if len(parts) == 1 and (len(parts[0]) < 3 or parts[0] in english):
                    continue
                index.setdefault(" ".join(parts), []).append(i)
    return index


_GLUED = ("le", "la", "l'", "du", "de", "des")  # articles French surnames absorb: Legrand, Lenfant, Dupont


_LINKS = ("de", "du", "des", "d'")  # what French puts between a noun and its complement


def _printed_as(combo: tuple[str, ...], french: str) -> list[tuple[str, str]]:
    """(how an article may print the name, the French it reads as) for the French words
    ``combo``: the words themselves ("le monde"); glued into one surname, as with "Mme
    Legrand" (le grand → "Ms Big") or "M. Dupont" (du pont → "Mr Bridge"); or in French
    order, head noun first, where English puts it last ("Heritage Foundation" for Fondation
    du patrimoine, "Space Centre" for Centre spatial)."""
    if len(combo) == 1:
        glued = [(article.rstrip("'") + french, f"{article} {french}".replace("' ", "'")) for article in _GLUED]
        return [(french, french), *glued]
    if combo[0] in _GLUED:
        return [(french, french), (french.replace(" ", "").replace("'", ""), french)]
    if any(w in _PARTICLES for w in combo):
        return [(french, french)]
    head, *rest = combo[::-1]
    if len(combo) == 2:
        linked = [f"{head} {link} {rest[0]}".replace("' ", "'") for link in _LINKS]
        return [(k, k) for k in (french, f"{head} {rest[0]}", *linked)]
    reordered = " ".join(combo[::-1])
    return [(french, french), (reordered, reordered)]


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
                french = " ".join(combo).replace("' ", "'")
                key, french = next(((k, f) for k, f in _printed_as(combo, french) if k != run_folded and k in index),
                                    ("", ""))
                if not key:
                    continue
                width = len(key.split())
                starts = [s for s in index[key] if not (i <= s < j)]
                if starts and not _glossed(tokens, starts, width, i):
                    shapes = {_name_shape(tokens, caps, folded, s, width): s for s in reversed(starts)}
                    shape = next(sh for sh in _SHAPES if sh in shapes)
                    s = shapes[shape]
                    name = re.sub(r"['’]s?$", "", " ".join(t.text for t in tokens[s : s + width]))
                    primary = all(
                        pack.fr_to_en.get(fr, ("",))[0] in english_lemmas(en)
                        for fr, en in zip(combo, folded[i:j])
                        if en not in _PARTICLES
                    )
                    hits.append(BackTranslation(i, j, name, french, len(starts), primary, shape))
                    break
    return _longest(hits)


_SHAPES = ("whole", "tail", "head")  # most telling first
_GLOSS_REACH = 8  # tokens from the French name to the start of its parenthesised English gloss


def _name_shape(tokens: list[Token], caps: list[bool], folded: list[str], s: int, width: int) -> str:
    """Whether the name printed at ``s`` stands alone or is part of a longer name.

    "Banque" in "La Banque Postale" or "Université" in "Université Paris Cité" is the head of
    another name, whose first word an English text may well print as "Bank" or "University";
    "Parler" in "users of Parler said" is the whole name, the strongest evidence."""
    end = s + width
    if end < len(tokens):
        nxt = folded[end]
        if (caps[end] and not tokens[end].sent_start) or nxt.isdigit() or (
            nxt in _PARTICLES and end + 1 < len(tokens) and caps[end + 1]
        ):
            return "head"
    if s > 0 and not tokens[s].sent_start:
        before = folded[s - 1]
        if (caps[s - 1] and before not in _PARTICLES) or (before in _LINKS and s > 1 and caps[s - 2]):
            return "tail"
    return "whole"


def _glossed(tokens: list[Token], starts: list[int], width: int, i: int) -> bool:
    """The English words sit in parentheses just after the French name: a translator's gloss,
    as in 'Vent d'Ouest (West Wind)', not a slip."""
    return any(
        0 < i - (s + width) <= _GLOSS_REACH and any(t.text == "(" for t in tokens[s + width : i])
        for s in starts
    )


def _longest(hits: list[BackTranslation]) -> list[BackTranslation]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[BackTranslation] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out
