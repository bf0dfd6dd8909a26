"""Validation of the corpora: spans, categories, overlaps, fixes, splits, datasheet counts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from mtcheck.corpus.records import SPLITS, compile_authored, load_split
from mtcheck.corpus.stats import corpus_statistics
from mtcheck.result import CATEGORIES

CORPORA = ROOT / "corpora"
ARTICLES = {s: load_split(CORPORA, s) for s in SPLITS}
ALL = [a for arts in ARTICLES.values() for a in arts]


def test_compiled_jsonl_matches_authored_sources():
    compiled = compile_authored(CORPORA)
    for split in SPLITS:
        assert [a.to_dict() for a in compiled[split]] == [a.to_dict() for a in ARTICLES[split]], (
            f"corpora/{split}.jsonl is stale: run 'mtcheck corpus build'"
        )


def test_ids_unique_and_splits_disjoint():
    ids = [a.id for a in ALL]
    assert len(ids) == len(set(ids))
    for split, arts in ARTICLES.items():
        assert all(a.split == split and a.id.split("-")[1] == split for a in arts)


@pytest.mark.parametrize("article", [a for a in ALL if a.kind == "mt"], ids=lambda a: a.id)
def test_slips_valid(article):
    last_end = -1
    assert article.slips, "an mt article without slips"
    for s in sorted(article.slips, key=lambda s: s["start"]):
        assert 0 <= s["start"] < s["end"] <= len(article.text)
        assert article.text[s["start"] : s["end"]] == s["text"]
        assert s["category"] in CATEGORIES
        assert s["start"] >= last_end, "overlapping slips"
        last_end = s["end"]


@pytest.mark.parametrize("article", [a for a in ALL if a.kind == "mt"], ids=lambda a: a.id)
def test_fixes_give_well_formed_text(article):
    edited = article.edited()
    assert "«" not in edited and "»" not in edited
    assert not re.search(r"\w [?!:;](?!\))", edited), "space before punctuation survives the fixes"
    assert edited.count("{{") == 0 and edited.strip()


def test_clean_articles_have_no_slips_or_french_typography():
    for a in ALL:
        if a.kind == "clean":
            assert not a.slips and not a.source_text
            assert "«" not in a.text and "»" not in a.text, a.id


def _shingles(text: str, k: int = 8) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + k])) for i in range(max(0, len(words) - k + 1))}


def test_no_near_duplicates_across_splits():
    train = [(a.id, _shingles(a.text)) for a in ARTICLES["train"]]
    for split in ("dev", "heldout"):
        for a in ARTICLES[split]:
            sh = _shingles(a.text)
            for tid, tsh in train:
                if sh and tsh:
                    jacc = len(sh & tsh) / len(sh | tsh)
                    assert jacc < 0.2, f"{a.id} near-duplicates {tid} ({jacc:.2f})"


def test_datasheet_counts_are_true():
    sheet = (CORPORA / "README.md").read_text(encoding="utf-8")
    stats = corpus_statistics(CORPORA)
    for key, v in stats.items():
        m = re.search(rf"\|\s*{re.escape(key)}\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)\s*\|", sheet)
        assert m, f"datasheet has no row for {key}"
        assert [int(x.replace(",", "")) for x in m.groups()] == [v["articles"], v["words"], v["slips"]], key


def test_lexicon_files_parse_and_meet_sizes():
    from mtcheck.lang.pack import load_pack

    pack = load_pack("fr")
    assert len(pack.names) >= 1500
    assert sum(len(v) for v in pack.false_friends.values()) >= 300
    assert len(pack.calques) >= 500
    pairs = sum(len(v) for v in pack.fr_to_en.values())
    assert pairs >= 8000
    for e in pack.names:
        assert e.literal, e.name
        assert not set(e.literal) & set(e.accepted), e.name
    cats = Counter(p.category for p in pack.patterns)
    assert cats["typography"] >= 3 and cats["number_format"] >= 4
