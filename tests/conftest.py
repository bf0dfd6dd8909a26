"""Shared fixtures: the shipped detector (loaded once) and paths to sample data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mtcheck.detector import Detector, Options
from mtcheck.lang.pack import fold, load_pack

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector()


def detector_without_names(*names: str, min_confidence: float | None = None) -> Detector:
    """The shipped model with a language pack that does not know ``names``."""
    pack = load_pack("fr")
    drop = {fold(n) for n in names}
    stripped = dataclasses.replace(pack, names=[e for e in pack.names if fold(e.name) not in drop])
    stripped.matcher = stripped.build_matcher()
    return Detector(Options(min_confidence=min_confidence), pack=stripped)


def spans_of(result, word: str) -> list:
    return [f for f in result.findings if f.text == word or word in f.text]
