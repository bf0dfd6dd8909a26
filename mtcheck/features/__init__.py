"""Turn an article into per-token feature strings (DESIGN §3).

Features come in two kinds:

* **type features** depend on the word form alone (word, shape, affixes,
  sentencepiece pieces, frequencies) and are cached per form;
* **token features** depend on the article (position, spacing, lexicon phrases,
  patterns, document evidence).

The context window (±2 words) is expressed as ``p1=``/``n1=``/``p2=``/``n2=`` features of
the neighbours' lower-cased forms, which also depend only on a form, so a linear
model can score them per type too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Callable

from mtcheck.features import tokens as tokfeat
from mtcheck.features.document import back_translations
from mtcheck.features.frequency import FrequencyTable
from mtcheck.features.lexical import WordType, word_types
from mtcheck.lang.pack import LanguagePack, PhraseMatcher
from mtcheck.segment import Token, tokenize

CONTEXT_ROLES = ("p1", "n1", "p2", "n2")
BIGRAM_ROLES = ("b-", "b+")  # (previous word, word) and (word, next word)
_OFFSETS = {"p1": -1, "n1": 1, "p2": -2, "n2": 2}
BOUNDARY = "<b>"


@dataclass(frozen=True)
class FeatureConfig:
    """Which feature families are on (the ablations switch them off)."""

    pieces: bool = True
    document: bool = True
    lexicons: bool = True
    context: bool = True

    def as_dict(self) -> dict[str, bool]:
        return {"pieces": self.pieces, "document": self.document, "lexicons": self.lexicons, "context": self.context}


CLITICS = {"'s", "’s"}


def _shifted(items: list[int]) -> dict[str, list[int]]:
    n = len(items)
    pad = [-1, -1] + items + [-1, -1]
    return {role: pad[2 + shift : 2 + shift + n] for role, shift in _OFFSETS.items()}


def neighbours(words: list[str]) -> dict[str, list[int]]:
    """Index in ``words`` of each token's neighbour in every context role, -1 past either end.

    Positions rather than words, so scoring looks each word up once, not once per role.
    A possessive clitic is transparent for the words around it: in "said Butterfly's
    results" the next word of "Butterfly" is "results", as it would be without the 's.
    """
    out = _shifted(list(range(len(words))))
    content = [i for i, w in enumerate(words) if w not in CLITICS]
    if len(content) < len(words):
        around = _shifted(content)
        for role, positions in out.items():
            for i, p in zip(content, around[role]):
                positions[i] = p
    return out


@dataclass
class ArticleFeatures:
    text: str
    tokens: list[Token]
    token_feats: list[list[str]]
    evidence: list[list[tokfeat.Evidence]]
    words: list[str]  # each token lower-cased: the keys of the context and bigram features
    neighbours: dict[str, list[int]]  # see neighbours()

    @cached_property
    def context(self) -> dict[str, list[str]]:
        """Each token's neighbours (lower-cased) in every context role, BOUNDARY past either end."""
        padded = self.words + [BOUNDARY]  # position -1 is the boundary
        return {role: list(map(padded.__getitem__, positions)) for role, positions in self.neighbours.items()}

    def context_feats(self, i: int) -> list[str]:
        """The context-window and bigram features of token ``i``."""
        here = self.words[i]
        feats = [context_feature(role, self.context[role][i]) for role in CONTEXT_ROLES]
        feats.append(context_feature("b-", bigram_key(self.context["p1"][i], here)))
        feats.append(context_feature("b+", bigram_key(here, self.context["n1"][i])))
        return feats


def context_feature(role: str, key: str) -> str:
    return f"{role}={key}"


def context_features(role: str, keys: list[str]) -> list[str]:
    """``context_feature(role, key)`` of every key, one concatenation each (scoring builds
    these for every unseen key)."""
    return list(map(context_feature(role, "").__add__, keys))


_BIGRAM = "{} {}"


def bigram_key(left: str, right: str) -> str:
    return _BIGRAM.format(left, right)


def bigram_keys(lefts: list[str], rights: list[str]) -> list[str]:
    """``bigram_key`` of each pair, without a Python call per pair (scoring runs this per token)."""
    return list(map(_BIGRAM.format, lefts, rights))


class Featurizer:
    """Feature extraction for one language pack, frequency table and piece model."""

    def __init__(
        self,
        pack: LanguagePack,
        freq: FrequencyTable,
        pieces: Callable[[list[str]], list[list[str]]],
        config: FeatureConfig = FeatureConfig(),
    ) -> None:
        self.pack = pack
        self.freq = freq
        self.config = config
        self._pieces = pieces
        self._type_cache: dict[str, WordType] = {}

    def word_types(self, forms: list[str]) -> list[WordType]:
        """The type of each form, working out the unseen ones together (cached per form)."""
        cache = self._type_cache
        new = [f for f in dict.fromkeys(forms) if f not in cache]
        if new:
            cache.update(zip(new, word_types(new, self.pack, self.freq, self._pieces, self.config.pieces)))
        return list(map(cache.__getitem__, forms))

    def type_feats(self, form: str) -> list[str]:
        return self.word_types([form])[0].feats

    def article(
        self,
        text: str,
        matcher: PhraseMatcher | None = None,
        hidden: frozenset[str] = frozenset(),
        stem_matcher: PhraseMatcher | None = None,
    ) -> ArticleFeatures:
        """Token features of one article (type and context features are added by callers)."""
        tokens = tokenize(text)
        tf = tokfeat.TokenFeatures([[] for _ in tokens], [[] for _ in tokens])
        tokfeat.positional(tokens, tf)
        forms = list(map(attrgetter("text"), tokens))
        types = self.word_types(forms)
        tokfeat.frequency_conjunctions(types, tf)
        tokfeat.pattern_hits(text, tokens, self.pack, tf)
        found = back_translations(tokens, types, self.pack) if self.config.document else []
        if self.config.lexicons:
            backed = frozenset(i for bt in found for i in range(bt.start, bt.end))
            tokfeat.lexicon_hits(tokens, types, self.pack, matcher or self.pack.matcher, tf, hidden, stem_matcher, backed)
        tokfeat.document_evidence(tokens, types, found, self.pack.en_nouns, tf)
        words = list(map(str.lower, forms))
        return ArticleFeatures(text, tokens, tf.feats, tf.evidence, words, neighbours(words))

    def all_features(self, af: ArticleFeatures, i: int) -> list[str]:
        """Every feature string of token ``i`` — what the trainer sees."""
        feats = list(self.type_feats(af.tokens[i].text)) + af.token_feats[i]
        if self.config.context:
            feats += af.context_feats(i)
        return feats
