"""Features of a token *in its article*: position, spacing, lexicon and pattern hits,
document evidence. Each feature that can justify a finding also records an
:class:`Evidence` so the finding can name its rule and explain itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from mtcheck.features.document import BackTranslation, english_lemmas
from mtcheck.features.lexical import WordType
from mtcheck.lang.pack import LanguagePack, NameEntry, PhraseMatcher
from mtcheck.lang.prefilter import ArticleScan, find_matches
from mtcheck.segment import Token

_CUE_WINDOW = 15
_PERSON_TYPES = {"person", "surname", "first_name"}


@dataclass(frozen=True)
class Evidence:
    """Why a token may be a slip: the feature, the rule evidence id, and message details."""

    feature: str
    evidence: str  # e.g. "literal-name", "doc-backtranslation", "lexicon", "guillemets"
    start: int  # token span of the evidence (indices)
    end: int
    detail: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return dict(self.detail).get(key, default)


@dataclass
class TokenFeatures:
    feats: list[list[str]]
    evidence: list[list[Evidence]] = field(default_factory=list)


def _add(tf: TokenFeatures, i: int, feature: str, ev: Evidence | None = None) -> None:
    tf.feats[i].append(feature)
    if ev is not None:
        tf.evidence[i].append(ev)


def positional(tokens: list[Token], tf: TokenFeatures) -> None:
    """Position and spacing features (no evidence: they justify no finding on their own)."""
    for tok, feats in zip(tokens, tf.feats):
        if tok.sent_start:
            feats.append("sent_start")
        if tok.heading:
            feats.append("heading")
        if tok.in_quotes:
            feats.append("in_quotes")
        if not tok.text[:1].isalnum():
            feats.append(f"ws={tok.space_before or '_'}|{tok.text}")
            feats.append(f"wsa={tok.space_after or '_'}|{tok.text}")
        elif tok.text[:1].isupper() and not tok.sent_start and not tok.heading:
            feats.append("capmid")


def frequency_conjunctions(types: list[WordType], tf: TokenFeatures) -> None:
    """Capitalised mid-sentence × English frequency: the shape of a translated name;
    a common English word after Mr/Ms ("Ms Big"); a common word beside a French-looking
    name ("Stephen Lefebvre")."""
    n = len(types)
    for i, w in enumerate(types):
        if not w.capital:
            continue
        enz = w.enz_srclex
        if "capmid" in tf.feats[i]:
            for f in enz:
                _add(tf, i, f"capmid&{f}")
        if i and types[i - 1].title:
            _add(tf, i, "after_title")
            for f in enz:
                _add(tf, i, f"after_title&{f}")
        for j in (i - 1, i + 1):
            if 0 <= j < n and types[j].capital and types[j].french_looking:
                for f in enz:
                    _add(tf, i, f"near_french&{f}")
                break


def _inner(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The span's tokens whose capital letter means something (not the sentence's first)."""
    first = tokens[start]
    return tokens[start + 1 : end] if first.sent_start or first.heading else tokens[start:end]


def _neighbour(tokens: list[Token], types: list[WordType], j: int, nouns: frozenset[str]) -> str:
    """What stands beside a literal rendering: a French-looking or other capitalised word,
    a courtesy title, a common noun (the literal is then an adjective: "the Breton coast",
    not Mr Le Breton), or nothing of note."""
    if not 0 <= j < len(tokens):
        return "none"
    if not types[j].capital:
        return "noun" if any(lemma in nouns for lemma in english_lemmas(tokens[j].text)) else "none"
    if types[j].title:
        return "title"
    if tokens[j].sent_start or tokens[j].heading:
        return "none"
    return "fr" if types[j].french_looking else "cap"


def _french_context(french_items: int) -> str:
    """How French the article is (names from the pack, accented words): a literal
    rendering in a story with no French in it is usually plain English."""
    return "fr0" if french_items == 0 else "fr1" if french_items < 4 else "fr2"


def lexicon_hits(
    tokens: list[Token],
    types: list[WordType],
    pack: LanguagePack,
    matcher: PhraseMatcher,
    tf: TokenFeatures,
    hidden: frozenset[str] = frozenset(),
    stem_matcher: PhraseMatcher | None = None,
    backed: frozenset[int] = frozenset(),
) -> None:
    """Lexicon phrases. A literal rendering counts as having its original in the article
    ("doc") when the list's name is printed there, or when the words back-translate to a
    name the article prints (``backed`` token indices): "Ms Baker" beside "Claire Boulanger"
    is evidence even though the list files Baker under Fournier."""
    folded = [w.folded for w in types]
    hits = matcher.match(folded)
    exact_calques = {h.start for h in hits if h.kind == "calque"}
    for h in (stem_matcher or pack.stem_matcher).match(folded):
        if h.start not in exact_calques:
            c = h.payload
            ev = Evidence("calque~", "lexicon", h.start, h.end, (("french", c.french), ("fix", "; ".join(c.idiomatic))))  # type: ignore[attr-defined]
            for i in range(h.start, h.end):
                _add(tf, i, "calque~", ev)
    present = {h.payload.name for h in hits if h.kind == "name"}  # type: ignore[union-attr]
    french_context = _french_context(len(present) + sum(w.accent for w in types))
    counts: dict[str, int] = {}
    for h in hits:
        if h.kind == "name":
            counts[h.payload.name] = counts.get(h.payload.name, 0) + 1  # type: ignore[union-attr]
    for h in hits:
        role = "B"
        capital_inside = h.kind == "untranslated" and any(t.text[:1].isupper() for t in _inner(tokens, h.start, h.end))
        for i in range(h.start, h.end):
            if h.kind == "literal":
                entry: NameEntry = h.payload  # type: ignore[assignment]
                cap = "cap" if any(t.text[:1].isupper() for t in _inner(tokens, h.start, h.end)) else "low"
                protected = entry.type == "protected"
                # the desk protects names its stories use: as strong as a name seen in the article
                doc = "doc" if entry.name in present or protected or h.start in backed else "nodoc"
                feat = f"lit:{cap}:{doc}"
                ev = Evidence(
                    feat,
                    "protected-name" if protected else "literal-name",
                    h.start,
                    h.end,
                    (("name", entry.name), ("note", entry.note), ("count", str(counts.get(entry.name, 0)))),
                )
                _add(tf, i, feat, ev)
                _add(tf, i, f"lit:{role}")
                # a translated first name or surname is also an ordinary English name (Brown, William)
                kind = "person" if entry.type in _PERSON_TYPES else "other"
                _add(tf, i, f"{feat}:{kind}")
                # "the East" in "the East Midlands", "Philip" before "Green": part of an English name
                for side, j in (("prev", h.start - 1), ("next", h.end)):
                    neighbour = _neighbour(tokens, types, j, pack.en_nouns)
                    _add(tf, i, f"lit:{kind}:{side}={neighbour}")
                _add(tf, i, f"{feat}:{french_context}")
            elif h.kind == "calque":
                c = h.payload
                ev = Evidence("calque", "lexicon", h.start, h.end, (("french", c.french), ("fix", "; ".join(c.idiomatic))))  # type: ignore[attr-defined]
                _add(tf, i, "calque", ev)
                _add(tf, i, f"calque:{role}:{c.kind}")  # type: ignore[attr-defined]
            elif h.kind == "untranslated":
                u = h.payload
                feat = "untr:q" if tokens[i].in_quotes else "untr"
                ev = Evidence(feat, "lexicon", h.start, h.end, (("english", u.english),))  # type: ignore[attr-defined]
                _add(tf, i, feat, ev)
                if capital_inside:  # "Syndicat de la magistrature", «Face à la rue»: a French name or title
                    _add(tf, i, "untr:cap")
            else:  # name, accepted, loanword: evidence *against* a slip
                _add(tf, i, f"{h.kind}:{role}")
            role = "I"
    _false_friends(types, pack, tf, hidden)


def _false_friends(types: list[WordType], pack: LanguagePack, tf: TokenFeatures, hidden: frozenset[str]) -> None:
    ff = pack.false_friends
    normed: list[str] | None = None
    for i in [i for i, w in enumerate(types) if w.false_friend is not None]:
        w = types[i]
        entries = [e for e in ff[w.false_friend] if e.wrong not in hidden]
        if not entries:
            continue
        if normed is None:
            normed = [v.normed for v in types]
        window = set(normed[max(0, i - _CUE_WINDOW) : i + _CUE_WINDOW])
        best = max(entries, key=lambda e: len(window.intersection(e.cues)))
        cued = bool(window.intersection(best.cues))
        feat = f"ff:{best.kind}:{'cue' if cued else 'nocue'}"
        ev = Evidence(feat, "lexicon-context" if cued else "lexicon", i, i + 1,
                      (("french", best.french), ("fix", "; ".join(best.right))))
        _add(tf, i, feat, ev)
        _add(tf, i, "ff")
        # a frequent English word is more often used in its English sense
        for f in w.enz:
            _add(tf, i, f"{feat}&{f}")


def pattern_hits(text: str, tokens: list[Token], pack: LanguagePack, tf: TokenFeatures) -> None:
    """Typography and number patterns; every token overlapping a match gets the feature."""
    if not tokens:
        return
    starts = [t.start for t in tokens]
    scan = ArticleScan(text)
    for pat in pack.patterns:
        for m in find_matches(pat.regex, pat.prefilter, scan):
            lo = max(0, bisect.bisect_right(starts, m.start()) - 1)
            first = None
            last = None
            for i in range(lo, len(tokens)):
                t = tokens[i]
                if t.start >= m.end():
                    break
                if t.end > m.start():
                    first = i if first is None else first
                    last = i
            if first is None:
                continue
            ev = Evidence(f"pat={pat.id}", pat.id, first, last + 1, (("match", m.group()), ("category", pat.category)))
            for i in range(first, last + 1):
                _add(tf, i, f"pat={pat.id}", ev)
    _unbalanced_quotes(tokens, tf)


def _unbalanced_quotes(tokens: list[Token], tf: TokenFeatures) -> None:
    """A straight quote that closes nothing on its line, or opens one never closed."""
    by_line: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.text in "\"“”":
            by_line.setdefault(t.line, []).append(i)
    for idxs in by_line.values():
        if len(idxs) % 2 == 1:
            i = idxs[-1]
            ev = Evidence("quote:odd", "unbalanced-quote", i, i + 1)
            _add(tf, i, "quote:odd", ev)


def _run_text(tokens: list[Token], bt: BackTranslation) -> str:
    return " ".join(t.text for t in tokens[bt.start : bt.end])


def document_evidence(tokens: list[Token], types: list[WordType], found: list[BackTranslation], nouns: frozenset[str],
                      tf: TokenFeatures) -> None:
    """Features and evidence of the back-translations ``found`` in the article.

    At a sentence start a capital says nothing, so a run there that the article also prints
    mid-sentence ("Baker told staff" after "said Ms Baker") gets ``bt:echo``: the same words,
    where their capital does mean a name."""
    mid = {_run_text(tokens, bt) for bt in found if not tokens[bt.start].sent_start}
    for bt in found:
        after = _neighbour(tokens, types, bt.end, nouns)
        cap = "mid" if not tokens[bt.start].sent_start else "start"
        if cap == "start" and _run_text(tokens, bt) in mid:
            _add(tf, bt.start, "bt:echo")
        many = "many" if bt.count >= 2 else "one"
        ev = Evidence(
            f"bt:{cap}",
            "doc-backtranslation",
            bt.start,
            bt.end,
            (("name", bt.name), ("french", bt.source), ("count", str(bt.count))),
        )
        for i in range(bt.start, bt.end):
            _add(tf, i, f"bt:{cap}", ev)
            _add(tf, i, f"bt:{many}")
            _add(tf, i, "bt:primary" if bt.primary else "bt:secondary")
            _add(tf, i, f"bt:name-{bt.shape}")
            _add(tf, i, f"bt:next={after}")
            # even a very common English word is a translated name when the article prints the
            # original, the more so when English seldom capitalises it mid-sentence
            for f in types[i].enz + types[i].capr:
                _add(tf, i, f"bt&{f}")

