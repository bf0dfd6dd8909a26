"""The evaluation arithmetic on tiny hand-made cases with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from mtcheck.training.metrics import Evaluation, Gold, Pred, ece, f_beta, lintscore, pair, reliability, roc_auc


def test_pairing_is_one_to_one_largest_overlap_first():
    preds = [Pred(0, 10, "calque", 0.9), Pred(8, 12, "calque", 0.8)]
    golds = [Gold(0, 9, "calque"), Gold(9, 12, "calque")]
    assert sorted(pair(preds, golds)) == [(0, 0), (1, 1)]
    # a sentence-long finding finds one slip only
    assert pair([Pred(0, 100, "grammar", 0.5)], [Gold(0, 5, "calque"), Gold(10, 15, "calque")]) == [(0, 0)]


def test_precision_recall_f05_lintscore():
    ev = Evaluation()
    # 3 findings, 2 right; 4 slips, 2 found
    preds = [Pred(0, 5, "entity", 0.9), Pred(10, 15, "calque", 0.7), Pred(30, 35, "calque", 0.6)]
    golds = [Gold(0, 5, "entity", generalises=True), Gold(12, 14, "calque"), Gold(50, 55, "calque", True), Gold(60, 65, "typography")]
    ev.add_article(preds, golds, True, 100, 0.9)
    d = ev.as_dict()
    assert d["overall"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert d["overall"]["recall"] == pytest.approx(0.5)
    assert d["overall"]["f0.5"] == pytest.approx(f_beta(2 / 3, 0.5), abs=1e-4)
    assert f_beta(2 / 3, 0.5) == pytest.approx((1.25 * (2 / 3) * 0.5) / (0.25 * (2 / 3) + 0.5))
    assert d["per_category"]["calque"]["precision"] == pytest.approx(0.5)
    assert d["per_category"]["typography"]["recall"] == 0.0
    assert d["generalisation_recall"] == pytest.approx(0.5)
    assert d["lintscore"] == pytest.approx(2 * (2 / 3) ** 2, abs=1e-3)


def test_false_alarms_per_thousand_words():
    ev = Evaluation()
    ev.add_article([Pred(0, 3, "calque", 0.9)], [], False, 2000, 0.1, "abc def")
    assert ev.as_dict()["false_alarms_per_1000_words"] == pytest.approx(0.5)


def test_ece_and_reliability():
    conf = np.array([0.95, 0.95, 0.15, 0.15])
    ok = np.array([1.0, 0.0, 0.0, 0.0])
    table = reliability(conf, ok)
    assert table[9]["count"] == 2 and table[9]["precision"] == 0.5
    assert ece(table) == pytest.approx((2 * 0.45 + 2 * 0.15) / 4)


def test_auc_and_lintscore():
    assert roc_auc(np.array([0.9, 0.8, 0.1]), np.array([1, 1, 0])) == 1.0
    assert roc_auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5
    assert lintscore(0, 0) == 0.0 and lintscore(4, 0) == 4.0


def test_growth_section_is_replaced_not_repeated(tmp_path):
    from mtcheck.training.card import GROWTH_HEADING, write_growth_section

    card = tmp_path / "MODEL_CARD.md"
    card.write_text("# Model card\n\n## Attribution\n\nwordfreq.\n", encoding="utf-8")
    row = {"fraction": 0.5, "train_mt": 10, "train_clean": 8, "heldout_ece": 0.03, "generalisation_recall": 0.3,
           "heldout": {"precision": 0.9, "recall": 0.4, "f0.5": 0.72}}
    write_growth_section(card, [row])
    write_growth_section(card, [row, {**row, "fraction": 1.0}])
    text = card.read_text(encoding="utf-8")
    assert text.count(GROWTH_HEADING) == 1
    assert "| 50% | 10 | 8 | 0.900 | 0.400 | 0.720 | 0.030 | 0.300 |" in text
    assert "| 100% |" in text and text.startswith("# Model card") and "wordfreq." in text
