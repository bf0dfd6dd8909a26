"""From token probabilities to candidate spans (before calibration and messages).

Adjacent suspect tokens of one category on one line merge into a span; a span that
touches multi-token evidence (a lexicon phrase, a back-translated name) grows to cover it,
so "The World" is reported whole even when "The" alone scores low.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mtcheck.features import ArticleFeatures

_GROWING_EVIDENCE = {"literal-name", "protected-name", "doc-backtranslation", "lexicon"}
# A span made only of these is never a slip by itself ("The" before a name, "Of" in a title)
_FUNCTION_WORDS = {"the", "of", "to", "a", "an", "in", "on", "at", "for", "and", "or", "by", "with", "from", "as"}


@dataclass
class Span:
    first: int  # token indices, inclusive
    last: int
    category: str
    raw: float  # max token P(slip)
    start: int = 0  # character offsets
    end: int = 0


def candidate_spans(af: ArticleFeatures, probs: np.ndarray, classes: list[str], floor: float) -> list[Span]:
    """Spans of tokens whose P(slip) reaches ``floor``; classes[0] must be 'O'."""
    if len(af.tokens) == 0:
        return []
    p_slip = 1.0 - probs[:, 0]
    cats = probs[:, 1:].argmax(axis=1) + 1
    spans: list[Span] = []
    toks = af.tokens
    for i in np.flatnonzero(p_slip >= floor).tolist():
        cur = spans[-1] if spans else None
        if (
            cur is not None
            and cur.last == i - 1
            and cats[i] == cats[cur.last]
            and toks[i].line == toks[cur.last].line
        ):
            cur.last = i
            continue
        spans.append(Span(i, i, classes[cats[i]], 0.0))
    spans = [s for s in _grow_to_evidence(af, spans) if not _only_function_words(af, s)]
    for s in spans:
        s.raw = float(p_slip[s.first : s.last + 1].max())
        summed = probs[s.first : s.last + 1, 1:].sum(axis=0)
        s.category = _pattern_category(af, s) or classes[int(summed.argmax()) + 1]
        s.start, s.end = toks[s.first].start, toks[s.last].end
    return spans


def _pattern_category(af: ArticleFeatures, span: Span) -> str:
    """The category of a typography or number pattern that covers the whole span, if any:
    "1ère" is a French ordinal (number_format) even when its French letters make the model
    lean to untranslated, and its rule and category must agree."""
    for ev in af.evidence[span.first]:
        category = ev.get("category")
        if category and ev.start <= span.first and span.last < ev.end:
            return category
    return ""


def _grow_to_evidence(af: ArticleFeatures, spans: list[Span]) -> list[Span]:
    for s in spans:
        for i in range(s.first, s.last + 1):
            for ev in af.evidence[i]:
                if ev.evidence in _GROWING_EVIDENCE and ev.end - ev.start > 1:
                    s.first = min(s.first, ev.start)
                    s.last = max(s.last, ev.end - 1)
    spans.sort(key=lambda s: (s.first, -s.last))
    merged: list[Span] = []
    for s in spans:
        if merged and s.first <= merged[-1].last:
            merged[-1].last = max(merged[-1].last, s.last)
        else:
            merged.append(s)
    return merged


def _only_function_words(af: ArticleFeatures, span: Span) -> bool:
    return all(af.tokens[i].text.lower() in _FUNCTION_WORDS for i in range(span.first, span.last + 1))
