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


def test_document_evidence_alone_flags_talking():
    det = detector_without_names("Parler", min_confidence=DOC_EVIDENCE_BAR)
    assert not any(e.name == "Parler" for e in det.pack.names)
    text = (STORIES / "parler.txt").read_text(encoding="utf-8")
    result = det.check(text)
    for s in _occurrences(text, "Talking"):
        hits = _flagged_at(result, s, len("Talking"))
        assert hits and hits[0].category == "entity" and hits[0].confidence >= DOC_EVIDENCE_BAR
        assert hits[0].rule == "entity/doc-backtranslation"


@pytest.mark.parametrize("story", [k for k in CASES if k != "parler.txt"])
def test_unlisted_french_names_flagged_by_document_evidence(story):
    name, literal = CASES[story]
    det = detector_without_names(name, min_confidence=DOC_EVIDENCE_BAR)
    text = (STORIES / story).read_text(encoding="utf-8")
    result = det.check(text)
    assert len(_occurrences(text, literal)) == 2
    for s in _occurrences(text, literal):
        hits = _flagged_at(result, s, len(literal))
        assert hits, f"{literal!r} at {s} not flagged in {story}"
        assert hits[0].category == "entity" and hits[0].confidence >= DOC_EVIDENCE_BAR
        assert name in hits[0].suggestions
    for s in _occurrences(text, name):
        assert not _flagged_at(result, s, len(name)), f"correct {name!r} flagged in {story}"
