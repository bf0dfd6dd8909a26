"""One realistic sentence per slip family: the shipped model flags the slip, in its category."""

from __future__ import annotations

import pytest

from mtcheck.lang.pack import load_pack

CASES = [
    ("entity", "Le Monde", "The daily Le Monde first reported the deal, and The World said on Tuesday that talks had resumed.", "The World"),
    ("calque", "put in examination", "The former minister was put in examination for favouritism on Tuesday, a judicial source said.", "put in examination"),
    ("typography", "guillemets", "« We will not give up », the union leader told reporters outside the ministry.", "«"),
    ("typography", "space before colon", "The prosecutor was clear : the investigation will continue until all suspects are found.", " :"),
    ("number_format", "French time", "The meeting at the Elysee Palace will begin at 14h30 on Thursday, officials said.", "14h30"),
    ("number_format", "space thousands", "Some 20 000 people marched through the city centre on Saturday, police said.", "20 000"),
    ("untranslated", "selon", "The strike will continue next week, selon the union, which represents most drivers.", "selon"),
    ("false_friend", "manifestation", "Protesters gathered for a manifestation in front of the prefecture on Saturday to demand the release of the activists.", "manifestation"),
]


@pytest.mark.parametrize("category,label,sentence,slip", CASES, ids=[c[1] for c in CASES])
def test_flags_slip_in_category(detector, category, label, sentence, slip):
    result = detector.check(sentence)
    start = sentence.index(slip)
    hits = [f for f in result.findings if f.start < start + len(slip) and start < f.end]
    assert hits, f"{slip!r} not flagged; findings: {[(f.text, f.category) for f in result.findings]}"
    assert hits[0].category == category


@pytest.mark.parametrize(
    "sentence",
    [
        "President Emmanuel Macron met Marine Le Pen of the National Rally at the Elysee Palace on Monday.",
        "Gendarmes sealed off the banlieue as the prefecture ordered shops to close at 6 p.m.",
        "The White House said the Supreme Court ruling would be studied carefully on Capitol Hill.",
        "Le Monde and Le Figaro both reported that Jean-Yves Le Drian would travel to Algiers.",
        "Shares in Apple and Amazon rose 2.5% on Wall Street, lifting the Nasdaq to a record 18,250 points.",
    ],
)
def test_quiet_on_correct_english(detector, sentence):
    result = detector.check(sentence)
    assert result.findings == [], [(f.text, f.rule, round(f.confidence, 2)) for f in result.findings]


@pytest.mark.parametrize(
    "pattern,text,expected",
    [
        ("glued-sentence", "The vote ended.The minister left the chamber.", ["ended.The"]),
        ("glued-sentence", "Figures published on example.org show a fall.", []),
        ("space-thousands", "Some 12 500 people and 1 250 000 euros.", ["12 500", "1 250 000"]),
        ("space-thousands", "Call the helpline free on 0800 246 810 today.", []),
    ],
    ids=["glued", "web address", "thousands", "phone number"],
)
def test_pattern_edges(pattern, text, expected):
    """Web addresses and phone numbers are English, not glued sentences or French thousands."""
    pat = next(p for p in load_pack("fr").patterns if p.id == pattern)
    assert [m.group() for m in pat.regex.finditer(text)] == expected


def _back_translation_runs(detector, text: str) -> list[tuple[int, str, object]]:
    """(offset, run as printed, BackTranslation) for each back-translated run of ``text``."""
    from mtcheck.features.document import back_translations
    from mtcheck.segment import tokenize

    tokens = tokenize(text)
    types = detector.featurizer.word_types([t.text for t in tokens])
    return [(tokens[h.start].start, text[tokens[h.start].start : tokens[h.end - 1].end], h)
            for h in back_translations(tokens, types, detector.pack)]


def _back_translated(detector, text: str) -> dict:
    """Each back-translated run of ``text`` (as printed) → its BackTranslation."""
    return {run: h for _, run, h in _back_translation_runs(detector, text)}


def test_back_translation_says_whether_it_used_the_first_sense(detector):
    text = ("Users left Parler for rival apps. Analysts said Talking had lost its lead. "
            "A columnist at Le Monde wrote that the People would decide.")
    hits = _back_translated(detector, text)
    assert hits["Talking"].name == "Parler" and hits["Talking"].primary
    assert hits["People"].name == "Monde" and not hits["People"].primary  # monde is first "world"


def test_back_translation_finds_glued_surnames_and_french_word_order(detector):
    """Mme Legrand printed "Ms Big" (le grand), and a name whose English puts the head noun last."""
    text = ("Anne Legrand, the mayor, opened the fair on Sunday. Ms Big said the town would pay for the repairs. "
            "The Fondation du patrimoine will fund half the work, the Heritage Foundation said.")
    hits = _back_translated(detector, text)
    assert hits["Big"].name == "Legrand" and hits["Big"].source == "le grand"
    assert hits["Heritage Foundation"].name == "Fondation du patrimoine"


def test_back_translation_tells_whole_names_from_parts(detector):
    """'Parler' is a whole name; 'Banque' heads La Banque Postale; 'Boulanger' ends Claire Boulanger."""
    text = ("Users left Parler for rival apps, and Talking lost its lead. "
            "La Banque Postale said its online Bank would close. "
            "Claire Boulanger was appointed, and Ms Baker thanked the board.")
    hits = _back_translated(detector, text)
    assert hits["Talking"].shape == "whole"
    assert hits["Bank"].shape == "head"
    assert hits["Baker"].shape == "tail"


def test_back_translation_skips_a_gloss_in_parentheses(detector):
    """The translator's own gloss right after the French name is no slip."""
    text = "The group Vent d'Ouest (West Wind) was dissolved by decree, and the Wind supporters protested."
    # only the later, unglossed "Wind" is evidence
    assert [(offset, run) for offset, run, _ in _back_translation_runs(detector, text)] == [(text.rindex("Wind"), "Wind")]



def test_pattern_span_takes_the_pattern_category(detector):
    """'1ère' is a French ordinal: its finding is number_format, whatever its French letters
    suggest to the model, so the rule and the category agree."""
    sentence = "The club finished 1ère in the league, its best season since the war, the coach said."
    hits = [f for f in detector.check(sentence).findings if f.text == "1ère"]
    assert hits and hits[0].category == "number_format" and hits[0].rule == "number_format/french-ordinal"


def test_every_rule_is_listed_under_its_category(detector):
    from mtcheck.explain import RULES

    text = "\n\n".join(c[2] for c in CASES) + "\n\nThe club finished 1ère, and the mayor, Mme Durand, spoke at 9h."
    for f in detector.check(text).findings:
        assert f.rule in RULES and f.rule.startswith(f.category + "/"), f
