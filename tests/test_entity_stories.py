"""Issue 2, item 1: translated names are flagged, correct names are not.

With the name in the pack, findings must clear the default threshold at confidence ≥ 0.8.
With document evidence alone, the issue's bar is a finding at confidence ≥ 0.6, so those
tests report findings from 0.6 up (the default threshold is chosen on dev).
"""

from __future__ import annotations

import re

import pytest

from conftest import DATA, detector_without_names

STORIES = DATA / "stories"
# story file -> (correct name, its literal English rendering)
CASES = {
    "parler.txt": ("Parler", "Talking"),
    "boulanger.txt": ("Boulanger", "Baker"),
    "lephare.txt": ("Le Phare", "The Lighthouse"),
    "fontaine.txt": ("Fontaine", "Fountain"),
    "lavenir.txt": ("L'Avenir", "The Future"),
    "papillon.txt": ("Papillon", "Butterfly"),
}
CORRECT_NAMES = ["Parler", "Amazon", "AWS", "Apple", "Google", "Capitol Hill", "FBI", "Twitter", "Facebook", "App Store"]


def _occurrences(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _flagged_at(result, start: int, length: int):
    return [f for f in result.findings if f.start < start + length and start < f.end]


def test_parler_flagged_as_entity_with_suggestion(detector):
    text = (STORIES / "parler.txt").read_text(encoding="utf-8")
    result = detector.check(text)
    starts = _occurrences(text, "Talking")
    assert len(starts) == 2
    for s in starts:
        hits = _flagged_at(result, s, len("Talking"))
        assert hits, f"'Talking' at {s} not flagged"
        f = hits[0]
        assert f.category == "entity"
        assert f.confidence >= 0.8
        assert "Parler" in f.suggestions


def test_parler_story_quiet_on_correct_names(detector):
    text = (STORIES / "parler.txt").read_text(encoding="utf-8")
    result = detector.check(text)
    for name in CORRECT_NAMES:
        for s in _occurrences(text, name):
            assert not _flagged_at(result, s, len(name)), f"correct name {name!r} flagged"


DOC_EVIDENCE_BAR = 0.6


# The shipped fr-2026.12 scores document evidence alone below the bar for three occurrences:
# 'Talking' without Parler in the names list gets 0.15 and 0.51, 'Ms Baker' 0.05 (English
# prints Baker as a surname, and the training text says so). An earlier model cleared them.
# Strict, so the suite says when a retrained model clears the 0.6 bar again. Reported on issue 2.
DOC_EVIDENCE_REGRESSION = pytest.mark.xfail(
    strict=True, reason="fr-2026.12 scores document evidence alone below 0.6 for 'Talking' and 'Ms Baker'")


@DOC_EVIDENCE_REGRESSION
def test_document_evidence_alone_flags_talking():
    det = detector_without_names("Parler", min_confidence=DOC_EVIDENCE_BAR)
    assert not any(e.name == "Parler" for e in det.pack.names)
    text = (STORIES / "parler.txt").read_text(encoding="utf-8")
    result = det.check(text)
    for s in _occurrences(text, "Talking"):
        hits = _flagged_at(result, s, len("Talking"))
        assert hits and hits[0].category == "entity" and hits[0].confidence >= 0.6
        assert hits[0].rule == "entity/doc-backtranslation"


# Occurrences the shipped model is known to miss at the 0.6 bar: a translated name at a
# sentence start. Named here, tested apart (xfail), reported.
KNOWN_WEAK = {("boulanger.txt", "Baker told staff")}
REGRESSED = {("boulanger.txt", "Baker had")}


def _weak(story: str, text: str, start: int) -> bool:
    return any(story == k and text.startswith(ctx, start) for k, ctx in KNOWN_WEAK | REGRESSED)


@pytest.mark.parametrize("story", [k for k in CASES if k != "parler.txt"])
def test_unlisted_french_names_flagged_by_document_evidence(story):
    name, literal = CASES[story]
    det = detector_without_names(name, min_confidence=DOC_EVIDENCE_BAR)
    text = (STORIES / story).read_text(encoding="utf-8")
    result = det.check(text)
    assert len(_occurrences(text, literal)) == 2
    for s in _occurrences(text, literal):
        if _weak(story, text, s):
            continue
        hits = _flagged_at(result, s, len(literal))
        assert hits, f"{literal!r} at {s} not flagged in {story}"
        assert hits[0].category == "entity" and hits[0].confidence >= 0.6
        assert name in hits[0].suggestions
    for s in _occurrences(text, name):
        assert not _flagged_at(result, s, len(name)), f"correct {name!r} flagged in {story}"


def _doc_evidence_hits_at(story: str, context: str) -> list:
    """Findings from 0.6 up on the literal name that starts ``context``, the name unlisted."""
    name, literal = CASES[story]
    det = detector_without_names(name, min_confidence=DOC_EVIDENCE_BAR)
    text = (STORIES / story).read_text(encoding="utf-8")
    return _flagged_at(det.check(text), text.index(context), len(literal))


@pytest.mark.xfail(reason="known weakness: a translated name at a sentence start ('Baker told staff') "
                   "scores below 0.6", strict=True)
@pytest.mark.parametrize("story,context", sorted(KNOWN_WEAK))
def test_known_weak_literal_names(story, context):
    hits = _doc_evidence_hits_at(story, context)
    assert hits and hits[0].category == "entity"


@DOC_EVIDENCE_REGRESSION
@pytest.mark.parametrize("story,context", sorted(REGRESSED))
def test_regressed_literal_names(story, context):
    hits = _doc_evidence_hits_at(story, context)
    assert hits and hits[0].category == "entity" and hits[0].confidence >= 0.6
