"""Count how English capitalises each word in mid-sentence, on the training text.

Only words outside annotated slips count, so the literal renderings the corpora mark as
errors ("Talking" for Parler) do not teach that English capitalises them.
"""

from __future__ import annotations

from collections import Counter

from mtcheck.corpus.records import Article
from mtcheck.features.lexical import norm
from mtcheck.segment import tokenize


def capitalisation_counts(articles: list[Article]) -> dict[str, tuple[int, int]]:
    """word -> (capitalised mid-sentence uses, all mid-sentence uses) over ``articles``."""
    from mtcheck.training.train import token_labels  # train imports this module

    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for a in articles:
        tokens = tokenize(a.text)
        for tok, label in zip(tokens, token_labels(a, tokens)):
            if label or tok.sent_start or tok.heading or not tok.text[:1].isalpha():
                continue
            word = norm(tok.text)
            total[word] += 1
            if tok.text[:1].isupper():
                upper[word] += 1
    return {w: (upper[w], n) for w, n in total.items()}
