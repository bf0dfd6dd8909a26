"""Name the rule behind a span and explain it in a copy editor's terms.

The classifier decides *whether* and *how sure*; this module only says *why*, by
picking the piece of evidence on the span that pushed hardest towards its category.
"""

from __future__ import annotations

import re

from mtcheck.features import ArticleFeatures
from mtcheck.features.tokens import Evidence
from mtcheck.model.linear import LinearModel
from mtcheck.spans import Span

RULES: dict[str, str] = {
    "entity/literal-name": "a French proper name printed as its word-for-word English (language-pack names list)",
    "entity/protected-name": "a literal rendering of a name on the desk's protect list",
    "entity/doc-backtranslation": "a capitalised word whose French back-translation is a name the same article prints",
    "entity/model": "a proper name the model thinks was translated",
    "calque/lexicon": "French phrasing rendered word for word (language-pack calques list)",
    "calque/model": "French phrasing rendered word for word (learned)",
    "false_friend/lexicon": "an English word used in the sense of a French look-alike (language-pack list)",
    "false_friend/lexicon-context": "a false friend whose French sense the surrounding words confirm",
    "false_friend/model": "an English word probably used in a French sense (learned)",
    "untranslated/lexicon": "French word or phrase left untranslated (language-pack list)",
    "untranslated/french-honorific": "French honorific (M., Mme) left in English copy",
    "untranslated/model": "a word that looks like French left untranslated (learned)",
    "typography/guillemets": "French guillemets « » instead of English quotes",
    "typography/space-before-punctuation": "a space before ? ! : ; (French typography)",
    "typography/glued-sentence": "no space after a full stop (word.Word)",
    "typography/dialogue-dash": "French dialogue dash for quoted speech",
    "typography/unbalanced-quote": "a quotation mark with no partner in its paragraph",
    "typography/model": "French typography (learned)",
    "number_format/space-thousands": "space as thousands separator (20 000)",
    "number_format/decimal-comma": "decimal comma (1,5 million)",
    "number_format/french-time": "French time format (14h30)",
    "number_format/french-ordinal": "French ordinal abbreviation (3e, 1er)",
    "number_format/day-month-date": "day/month/year date order",
    "number_format/percent-space": "space before the percent sign",
    "number_format/currency-after": "euro sign after the amount",
    "number_format/model": "French number, date or time format (learned)",
    "grammar/model": "French grammar carried over: pronoun gender, tense, conditional of allegation (learned)",
    "word_order/model": "French word order kept (learned)",
}

_MODEL_MESSAGES = {
    "entity": "'{text}' may be a proper name the engine translated",
    "calque": "'{text}' reads like French phrasing rendered word for word",
    "false_friend": "'{text}' may be used in the sense of a French look-alike",
    "untranslated": "'{text}' looks like French left untranslated",
    "typography": "French typography: '{text}'",
    "number_format": "French number, date or time format: '{text}'",
    "grammar": "grammar carried over from French (pronoun, tense or article)? '{text}'",
    "word_order": "French word order kept? '{text}'",
}


def _times(n: str) -> str:
    return "once" if n == "1" else f"{n} times"


def _message(category: str, ev: Evidence | None, text: str) -> tuple[str, str, list[str]]:
    """(rule, message, suggestions) for a span of ``category`` justified by ``ev``."""
    if ev is None:
        return f"{category}/model", _MODEL_MESSAGES[category].format(text=text), []
    rule = f"{category}/{ev.evidence}"
    kind = ev.evidence
    if kind in ("literal-name", "protected-name"):
        name, count = ev.get("name"), ev.get("count", "0")
        msg = f"'{text}' is a word-for-word translation of the name {name}"
        if ev.get("note") and kind == "literal-name":
            msg += f" ({ev.get('note')})"
        if count not in ("", "0"):
            msg += f"; the article names {name} {_times(count)}"
        return rule, msg, [name]
    if kind == "doc-backtranslation":
        name = ev.get("name")
        msg = f"'{text}' is the English of French '{ev.get('french')}', and the article names {name} {_times(ev.get('count', '1'))}"
        return rule, msg, [name]
    fixes = [f.strip() for f in (ev.get("fix") or ev.get("english")).split(";") if f.strip()]
    if kind in ("lexicon", "lexicon-context") and category == "untranslated":
        return rule, f"French '{text}' left untranslated" + (f"; English: '{fixes[0]}'" if fixes else ""), fixes
    if kind in ("lexicon", "lexicon-context") and category == "false_friend":
        msg = f"'{text}' is a false friend of French '{ev.get('french')}' here"
        return rule, msg + (f"; English says '{fixes[0]}'" if fixes else ""), fixes
    if kind in ("lexicon", "lexicon-context"):
        msg = f"'{text}' is French '{ev.get('french')}' rendered word for word"
        return rule, msg + (f"; English says '{fixes[0]}'" if fixes else ""), fixes
    if kind == "unbalanced-quote":
        return rule, "a quotation mark with no partner in this paragraph", []
    msg, suggestions = _pattern_message(kind, ev.get("match") or text)
    return rule, msg, suggestions


def _pattern_message(pattern_id: str, match: str) -> tuple[str, list[str]]:
    stripped = match.strip()
    if pattern_id == "guillemets":
        return "French guillemets « »; English copy uses double quotes", ['"']
    if pattern_id == "space-before-punctuation":
        return f"space before '{stripped}', a French typographic habit", [stripped]
    if pattern_id == "glued-sentence":
        fixed = re.sub(r"([.!?])", r"\1 ", stripped, count=1)
        return "no space after the full stop", [fixed]
    if pattern_id == "dialogue-dash":
        return "French dialogue dash; English copy puts speech in quotation marks", []
    if pattern_id == "space-thousands":
        return "French thousands separator (space); English uses a comma", [re.sub(r"[ \u00a0\u202f]", ",", stripped)]
    if pattern_id == "decimal-comma":
        return "French decimal comma; English uses a point", [stripped.replace(",", ".")]
    if pattern_id == "french-time":
        return "French time format; English copy writes 2:30 p.m.", [english_time(stripped)]
    if pattern_id == "french-ordinal":
        return "French ordinal abbreviation; English writes 1st, 3rd", [english_ordinal(stripped)]
    if pattern_id == "day-month-date":
        return "French day/month/year date; write the month in words", []
    if pattern_id == "percent-space":
        return "space before the percent sign, a French habit", [re.sub(r"\s+%", "%", stripped)]
    if pattern_id == "currency-after":
        return "euro sign after the amount; English writes €20", []
    if pattern_id == "french-honorific":
        return "French honorific left in; English copy writes Mr or Ms", [{"M.": "Mr", "MM.": "Messrs", "Me": "Ms"}.get(stripped, "Ms")]
    return f"French typography or number format: '{stripped}'", []


def english_time(french: str) -> str:
    m = re.fullmatch(r"(\d{1,2})h(\d{2})?", french)
    if not m:
        return french
    hour, minute = int(m.group(1)), m.group(2) or "00"
    suffix = "a.m." if hour < 12 else "p.m."
    hour12 = hour % 12 or 12
    return f"{hour12}:{minute} {suffix}" if minute != "00" else f"{hour12} {suffix}"


def english_ordinal(french: str) -> str:
    digits = re.match(r"\d+", french)
    if not digits:
        return french
    n = int(digits.group())
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _confirmed(ev: Evidence) -> bool:
    """Evidence the article itself backs (the name it points to is printed in the story)."""
    return ev.evidence == "doc-backtranslation" or ev.get("count", "0") not in ("", "0")


def explain(span: Span, af: ArticleFeatures, model: LinearModel) -> tuple[str, str, list[str]]:
    """(rule, message, suggestions) for a span, from its strongest evidence.

    Evidence the article confirms beats evidence from a list alone: "Baker" next to a
    Ms Boulanger points to Boulanger, whatever other name the list renders as "Baker".
    """
    cls = model.classes.index(span.category)
    best: Evidence | None = None
    best_key = (False, 0.0)
    for i in range(span.first, span.last + 1):
        for ev in af.evidence[i]:
            w = model.weight_of(ev.feature)
            weight = float(w[cls] - w[0])
            key = (_confirmed(ev), weight)
            if weight > 0 and key > best_key:
                best, best_key = ev, key
    text = af.text[span.start : span.end]
    return _message(span.category, best, text)
