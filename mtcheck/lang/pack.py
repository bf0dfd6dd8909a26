"""Language packs: the data that makes mtcheck know one source language.

A pack is a folder of TSV/JSON files (names, false friends, calques, untranslated
words, loanwords, a bilingual lexicon, typography and number patterns) plus this
loader. Lexicons are *evidence for the classifier*, never verdicts on their own.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mtcheck.lang.prefilter import Prefilter, prefilter
from mtcheck.segment import _TOKEN

PACKS_DIR = Path(__file__).parent


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case and strip accents: 'Élisabeth' -> 'elisabeth' (cached: called per token)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=65_536)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Tokenize a lexicon phrase exactly as article text is tokenized, folded (cached: each
    matcher build, and training builds one per article, tokenizes every phrase again)."""
    return tuple(map(fold, _TOKEN.findall(phrase)))


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """A crude English stem so 'were put in examinations' meets 'was put in examination'."""
    for suffix in ("'s", "ing", "ied", "ies", "ed", "es", "s"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            return folded[: -len(suffix)]
    return folded


@dataclass(frozen=True)
class NameEntry:
    name: str
    type: str
    accepted: tuple[str, ...]
    literal: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class FalseFriend:
    french: str
    wrong: str
    right: tuple[str, ...]
    cues: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Calque:
    calque: str
    french: str
    idiomatic: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Untranslated:
    french: str
    english: str


@dataclass(frozen=True)
class Pattern:
    id: str
    category: str
    regex: re.Pattern
    message: str
    suggestion: str
    prefilter: Prefilter = Prefilter()  # where a match can be (see lang.prefilter)


@dataclass(frozen=True)
class PhraseHit:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: str  # "literal", "name", "accepted", "calque", "untranslated", "loanword", "protected"
    payload: object


class PhraseMatcher:
    """Longest-match lookup of folded token sequences (lexicon phrases) in a token list.

    A trie keyed by token: matching walks from each position only as far as some
    phrase continues, so its cost does not grow with the size of the lexicons.
    """

    _END = ""  # trie key holding the phrases that end at a node (no token is empty)

    def __init__(self, key=None) -> None:
        self._root: dict = {}
        self.key = key  # optional token normaliser applied to phrases and text alike

    def add(self, phrase: str, kind: str, payload: object) -> None:
        toks = phrase_tokens(phrase)
        if self.key is not None:
            toks = tuple(map(self.key, toks))
        if not toks:
            return
        node = self._root
        for t in toks:
            node = node.setdefault(t, {})
        ends = node.setdefault(self._END, {})
        ends.setdefault(kind, payload)  # first entry of a kind wins

    def match(self, folded: list[str]) -> list[PhraseHit]:
        """All hits; at one start position every kind's longest phrase is kept."""
        hits: list[PhraseHit] = []
        root = self._root
        end_key = self._END
        if self.key is not None:
            folded = list(map(self.key, folded))
        n = len(folded)
        for i, tok in enumerate(folded):
            node = root.get(tok)
            if node is None:
                continue
            longest: dict[str, tuple[int, object]] = {}
            j = i + 1
            while True:
                ends = node.get(end_key)
                if ends:
                    for kind, payload in ends.items():
                        longest[kind] = (j, payload)
                if j >= n:
                    break
                node = node.get(folded[j])
                if node is None:
                    break
                j += 1
            for kind, (stop, payload) in longest.items():
                hits.append(PhraseHit(i, stop, kind, payload))
        return hits


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line (plain split: no quoting in packs)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


@dataclass
class LanguagePack:
    """All lexicons of one source language, with matchers built once."""

    code: str
    names: list[NameEntry] = field(default_factory=list)
    false_friends: dict[str, list[FalseFriend]] = field(default_factory=dict)
    calques: list[Calque] = field(default_factory=list)
    untranslated: list[Untranslated] = field(default_factory=list)
    loanwords: set[str] = field(default_factory=set)
    fr_to_en: dict[str, tuple[str, ...]] = field(default_factory=dict)
    en_to_fr: dict[str, tuple[str, ...]] = field(default_factory=dict)
    en_nouns: frozenset[str] = frozenset()  # English words the dictionary knows only as nouns
    patterns: list[Pattern] = field(default_factory=list)
    articles: tuple[str, ...] = ()
    elisions: dict[str, str] = field(default_factory=dict)
    matcher: PhraseMatcher = field(default_factory=PhraseMatcher)
    stem_matcher: PhraseMatcher = field(default_factory=PhraseMatcher)

    def build_matcher(self, hidden: frozenset[str] = frozenset()) -> PhraseMatcher:
        """A matcher over the lexicons, leaving out entries whose key is in ``hidden``.

        Training hides random entries so the model also learns the evidence that
        does not come from a list (generalisation to unlisted slips).
        """
        m = PhraseMatcher()
        for e in self.names:
            m.add(e.name, "name", e)
            for acc in e.accepted:
                m.add(acc, "accepted", e)
            if e.name in hidden:
                continue
            for lit in e.literal:
                m.add(lit, "literal", e)
        for c in self.calques:
            if c.calque not in hidden:
                m.add(c.calque, "calque", c)
        for u in self.untranslated:
            if u.french not in hidden:
                m.add(u.french, "untranslated", u)
        for w in self.loanwords:
            m.add(w, "loanword", w)
        return m

    def build_stem_matcher(self, hidden: frozenset[str] = frozenset()) -> PhraseMatcher:
        """Calques matched on stems: inflected variants the list does not spell out."""
        m = PhraseMatcher(key=stem)
        for c in self.calques:
            if c.calque not in hidden and len(phrase_tokens(c.calque)) > 1:
                m.add(c.calque, "calque", c)
        return m

    def protect(self, names: list[str]) -> None:
        """Add desk-protected names: extra entity evidence, literal forms by back-translation."""
        for name in names:
            lits = tuple(sorted(self.literal_renderings(name)))
            self.names.append(NameEntry(name, "protected", (), lits, "protected by the desk"))
        self.matcher = self.build_matcher()
        self.stem_matcher = self.build_stem_matcher()

    def literal_renderings(self, name: str, limit: int = 12) -> set[str]:
        """Word-for-word English renderings of a French name via the bilingual lexicon,
        in French and in English word order ("Étoile Bleue" -> "Star Blue", "Blue Star")."""
        options: list[list[str]] = []
        reorderable = True
        for tok in _TOKEN.findall(name):
            f = fold(tok)
            elided = next((e for e in self.elisions if f.startswith(e) and len(f) > len(e)), None)
            if elided or f in self.articles:
                reorderable = False
            if elided:
                options.append([self.elisions[elided]])
                f, tok = f[len(elided) :], tok[len(elided) :]
            trans = [t for t in self.fr_to_en.get(f, ()) if " " not in t][:4]
            options.append([t.capitalize() for t in trans] or [tok])
        orders = [options]
        if len(options) == 2 and reorderable:
            orders.append(options[::-1])
        out: set[str] = set()
        for opts in orders:
            combos = {""}
            for choice in opts:
                combos = {f"{o} {t}".strip() for o in combos for t in choice}
                if len(combos) > limit:
                    combos = set(sorted(combos)[:limit])
            out |= combos
        return {o for o in out if fold(o) != fold(name)}


def _load_patterns(path: Path) -> list[Pattern]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    patterns = []
    for p in data["patterns"]:
        regex = re.compile(p["regex"], re.MULTILINE)
        patterns.append(Pattern(p["id"], p["category"], regex, p["message"], p.get("suggestion", ""), prefilter(regex)))
    return patterns


@lru_cache(maxsize=4)
def _load_cached(code: str) -> LanguagePack:
    return _load(code)


def load_pack(code: str = "fr", protect: tuple[str, ...] = ()) -> LanguagePack:
    """Load the pack for source language ``code`` (cached), adding desk-protected names."""
    if not protect:
        return _load_cached(code)
    pack = _load(code)
    pack.protect(list(protect))
    return pack


def available_packs() -> list[str]:
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "pack.json").exists())


def _load(code: str) -> LanguagePack:
    folder = PACKS_DIR / code
    meta_path = folder / "pack.json"
    if not meta_path.exists():
        raise ValueError(f"no language pack {code!r}; available: {', '.join(available_packs()) or 'none'}")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    pack = LanguagePack(code=code, articles=tuple(meta.get("articles", ())), elisions=dict(meta.get("elisions", {})))
    seen: set[str] = set()
    for r in _rows(folder / "names.tsv"):
        name = (r.get("name") or "").strip()
        if not name or name in seen:
            continue
        seen.add(name)
        pack.names.append(
            NameEntry(name, r.get("type", ""), _split(r.get("accepted")), _split(r.get("literal")), r.get("note", ""))
        )
    for r in _rows(folder / "false_friends.tsv"):
        wrong = fold((r.get("wrong") or "").strip())
        if wrong:
            ff = FalseFriend(r["french"], wrong, _split(r.get("right")), tuple(fold(c) for c in _split(r.get("cues"))), r.get("kind", ""))
            pack.false_friends.setdefault(wrong, []).append(ff)
    pack.calques = [
        Calque(r["calque"].strip(), r.get("french", ""), _split(r.get("idiomatic")), r.get("kind", ""))
        for r in _rows(folder / "calques.tsv")
        if (r.get("calque") or "").strip()
    ]
    pack.untranslated = [
        Untranslated(r["french"].strip(), r.get("english", "")) for r in _rows(folder / "untranslated.tsv") if (r.get("french") or "").strip()
    ]
    pack.loanwords = {r["word"].strip() for r in _rows(folder / "loanwords.tsv") if (r.get("word") or "").strip()}
    fr_en: dict[str, list[str]] = {}
    en_fr: dict[str, list[str]] = {}
    en_pos: dict[str, set[str]] = {}
    for r in _rows(folder / "bilingual.tsv"):
        fr, en = fold((r.get("french") or "").strip()), (r.get("english") or "").strip().lower()
        if fr and en:
            fr_en.setdefault(fr, []).append(en)
            en_fr.setdefault(en, []).append(fr)
            en_pos.setdefault(en, set()).add((r.get("pos") or "").strip())
    pack.en_nouns = frozenset(en for en, pos in en_pos.items() if pos == {"noun"})
    for ff_list in pack.false_friends.values():
        for ff in ff_list:
            fr_en.setdefault(fold(ff.french), []).append(ff.wrong)
    for en, frs in meta.get("function_words", {}).items():
        en_fr.setdefault(en, []).extend(fold(f) for f in frs)
    pack.fr_to_en = {k: tuple(dict.fromkeys(v)) for k, v in fr_en.items()}
    pack.en_to_fr = {k: tuple(dict.fromkeys(v)) for k, v in en_fr.items()}
    pack.patterns = _load_patterns(folder / "patterns.json")
    pack.matcher = pack.build_matcher()
    pack.stem_matcher = pack.build_stem_matcher()
    return pack
