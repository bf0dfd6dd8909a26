"""Inject labelled slips into clean articles using the language pack (training data only).

Hand-written MT-style articles teach the model what real slips look like; synthetic ones
multiply the contexts in which pack entries and document evidence appear — above all
the Parler/"Talking" shape with names no list knows (a surname the article prints
correctly, then translated). Synthetic articles never enter dev or heldout.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from mtcheck.corpus.records import Article
from mtcheck.lang.pack import LanguagePack, fold

SYNTHETIC_MARK = "-synth"
_CAP_WORD = re.compile(r"\b[A-ZÉ][a-zéèêàçôîûë]{3,}\b")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    category: str
    source: str


def _match_case(template: str, text: str) -> str:
    return text[:1].upper() + text[1:] if template[:1].isupper() else text


def _phrase_edits(text: str, pairs: list[tuple[str, str, str, str]], rng: random.Random, limit: int) -> list[Edit]:
    """(english found in text, wrong replacement, category, french) → edits at random occurrences."""
    out: list[Edit] = []
    rng.shuffle(pairs)
    for found, wrong, category, french in pairs:
        if len(out) >= limit:
            break
        ms = list(re.finditer(r"(?<![\w-])" + re.escape(found) + r"(?![\w-])", text, re.IGNORECASE))
        if ms:
            m = rng.choice(ms)
            out.append(Edit(m.start(), m.end(), _match_case(m.group(), wrong), category, french))
    return out


def _entity_edits(text: str, pack: LanguagePack, rng: random.Random) -> list[Edit]:
    """Names the article prints, rendered word for word at some later occurrences (or,
    now and then, at the only one): from the pack's literal renderings, and for
    capitalised French words no list knows, from the bilingual lexicon."""
    out: list[Edit] = []
    for e in pack.names:
        if not e.literal or e.name not in text:
            continue
        ms = list(re.finditer(r"(?<![\w-])" + re.escape(e.name) + r"(?![\w-])", text))
        later = ms[1:] if len(ms) > 1 else (ms if rng.random() < 0.3 else [])
        for m in later:
            if rng.random() < 0.7:
                out.append(Edit(m.start(), m.end(), rng.choice(e.literal), "entity", e.name))
    counts: dict[str, list[re.Match]] = {}
    for m in _CAP_WORD.finditer(text):
        counts.setdefault(m.group(), []).append(m)
    for word, ms in counts.items():
        trans = [t for t in pack.fr_to_en.get(fold(word), ()) if " " not in t and t != fold(word)]
        if len(ms) >= 2 and trans:
            rendering = rng.choice(trans).capitalize()
            for m in ms[1:]:
                if rng.random() < 0.7:
                    out.append(Edit(m.start(), m.end(), rendering, "entity", word))
    return out


def _typography_edits(text: str, rng: random.Random) -> list[Edit]:
    out: list[Edit] = []
    quotes = list(re.finditer(r'"([^"\n]{3,200})"', text))
    for m in rng.sample(quotes, min(len(quotes), 2)):
        out.append(Edit(m.start(), m.start() + 1, "« ", "typography", "«"))
        out.append(Edit(m.end() - 1, m.end(), " »", "typography", "»"))
    colons = list(re.finditer(r"(?<=\w)[:?!;](?= )", text))
    for m in rng.sample(colons, min(len(colons), 1)):
        out.append(Edit(m.start(), m.end(), " " + m.group(), "typography", " " + m.group()))
    stops = list(re.finditer(r"(?<=[a-z]{3})\. (?=[A-Z][a-z])", text))
    for m in rng.sample(stops, min(len(stops), 1)):
        out.append(Edit(m.start(), m.end(), ".", "typography", "."))
    return out


def _number_edits(text: str, rng: random.Random) -> list[Edit]:
    out: list[Edit] = []
    for m in re.finditer(r"\b\d{1,3}(?:,\d{3})+\b", text):
        if rng.random() < 0.5:
            out.append(Edit(m.start(), m.end(), m.group().replace(",", " "), "number_format", m.group()))
    for m in re.finditer(r"\b\d+\.\d{1,2}\b", text):
        if rng.random() < 0.5:
            out.append(Edit(m.start(), m.end(), m.group().replace(".", ","), "number_format", m.group()))
    for m in re.finditer(r"\b(\d{1,2}):(\d{2}) ([ap])\.m\.", text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)
        out.append(Edit(m.start(), m.end(), f"{hour}h{m.group(2)}", "number_format", m.group()))
    return out


def _apply(article: Article, edits: list[Edit], suffix: str) -> Article:
    edits = sorted(edits, key=lambda e: e.start)
    kept: list[Edit] = []
    for e in edits:
        if kept and e.start < kept[-1].end + 1:
            continue
        kept.append(e)
    out, slips, pos = [], [], 0
    length = 0
    for e in kept:
        chunk = article.text[pos : e.start]
        out.append(chunk)
        length += len(chunk)
        slips.append(
            {"start": length, "end": length + len(e.replacement), "category": e.category, "source": e.source,
             "fix": article.text[e.start : e.end], "text": e.replacement}
        )
        out.append(e.replacement)
        length += len(e.replacement)
        pos = e.end
    out.append(article.text[pos:])
    return Article(f"{article.id}{SYNTHETIC_MARK}{suffix}", "mt", "train", "".join(out), article.title, article.topic, "fr", None, slips)


def synthesize(clean: list[Article], pack: LanguagePack, seed: int, per_article: int = 1) -> list[Article]:
    """One or more slip-injected copies of each clean article (deterministic for ``seed``)."""
    rng = random.Random(seed)
    calques = [(i, c.calque, "calque", c.french) for c in pack.calques for i in c.idiomatic if len(i) > 3]
    ffs = [(r, ff.wrong, "false_friend", ff.french) for lst in pack.false_friends.values() for ff in lst for r in ff.right if len(r) > 3]
    untr = [(u.english, u.french, "untranslated", u.french) for u in pack.untranslated if len(u.english) > 3]
    out: list[Article] = []
    for a in clean:
        for k in range(per_article):
            words = max(1, len(a.text.split()))
            budget = max(4, words // 30)
            edits = _entity_edits(a.text, pack, rng)
            edits += _phrase_edits(a.text, list(calques), rng, budget // 3 + 1)
            edits += _phrase_edits(a.text, list(ffs), rng, budget // 5 + 1)
            edits += _phrase_edits(a.text, list(untr), rng, 2)
            edits += _typography_edits(a.text, rng)
            edits += _number_edits(a.text, rng)
            out.append(_apply(a, edits, str(k)))
    return out
