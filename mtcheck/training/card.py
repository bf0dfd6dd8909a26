"""Write the model card (MODEL_CARD.md + metrics.json) beside a trained model."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.training.evaluate import format_text

GROWTH_HEADING = "## Held-out metrics as the corpora grew"


def write_card(report, folder: Path, real_mt: dict | None = None) -> None:
    m = report.model
    metrics = {"counts": report.counts, "dev": report.dev, "heldout": report.heldout, "threshold": m.threshold}
    if real_mt:
        metrics["real_mt"] = real_mt
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    c = report.counts
    lines = [
        f"# Model card: {m.model_id}",
        "",
        "Token classifier (multinomial logistic regression, scikit-learn) over hashed word, "
        "sentencepiece, shape, frequency, context, language-pack lexicon and document features; "
        f"span scores calibrated on `dev` ({m.meta.get('calibration')} scaling, chosen by 2-fold cross-validation "
        "on dev; one map per category with at least 40 dev spans).",
        "",
        "Rebuild from a clean clone: `mtcheck train` (add `--real-mt ../shared/data/wmt-fr-en/devset/wmt-fr-en-devset.jsonl` for the real-MT section) "
        f"(seed {m.meta.get('seed')}, C {m.meta.get('C')}, lexicon hide rate {m.meta.get('hide_rate')}).",
        "",
        "## Training data",
        "",
        "| split | articles | mt | clean | words | slips |",
        "|---|---|---|---|---|---|",
    ]
    for split, v in c.items():
        lines.append(f"| {split} | {v['articles']} | {v['mt']} | {v['clean']} | {v['words']} | {v['slips']} |")
    lines += [
        "",
        f"Tokens fitted: {m.meta.get('training_tokens')}; features kept: {m.meta.get('features_kept')}.",
        f"Default threshold (lowest confidence with dev precision ≥ {m.meta.get('target_precision')} and at most "
        f"{m.meta.get('max_clean_alarms')} findings per 1,000 words on dev's clean articles): **{m.threshold:.3f}**.",
        "Raised for categories whose out-of-fold dev precision misses the target there: "
        + (", ".join(f"{c} **{t:.3f}**" for c, t in sorted(m.category_thresholds.items())) or "none") + ".",
        "",
        "## Held-out metrics (default threshold)",
        "",
        "```",
        format_text(report.heldout) if report.heldout else "(no heldout split)",
        "```",
        "",
        *(_real_mt_section(real_mt) if real_mt else []),
        "## Dev metrics (used for calibration and the threshold)",
        "",
        "```",
        format_text(report.dev),
        "```",
        "",
        "## Attribution",
        "",
        "Word frequencies baked into `weights.npz` come from wordfreq (Robyn Speer et al.), "
        "whose data is licensed CC BY-SA 4.0. How often English capitalises each word mid-sentence "
        "is counted on this project's own `train` split.",
        "",
    ]
    card = folder / "MODEL_CARD.md"
    growth = _section(card.read_text(encoding="utf-8"), GROWTH_HEADING) if card.exists() else ""
    card.write_text("\n".join(lines) + growth, encoding="utf-8")


def _section(text: str, heading: str) -> str:
    """The section under ``heading`` (up to the next level-2 heading), or ''."""
    start = text.find(heading + "\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end < 0 else text[start : end + 1]


def write_growth_section(card: Path, rows: list[dict]) -> None:
    """Put the learning curve (``bench/learning_curve.py``) into a model card; retraining into
    the same folder keeps it, since it takes several trainings to measure."""
    lines = [
        GROWTH_HEADING,
        "",
        "The same training recipe on the first part of the `train` split (by article id, i.e. what the "
        "first writers produced) and on all of it; `dev` and `heldout` whole. "
        "Measured by `python bench/learning_curve.py --card mtcheck/models/fr-default/MODEL_CARD.md`.",
        "",
        "| train share | MT articles | clean articles | held-out P | R | F0.5 | ECE | generalisation R |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        h = r["heldout"]
        lines.append(f"| {r['fraction']:.0%} | {r['train_mt']} | {r['train_clean']} | {h['precision']:.3f} | "
                     f"{h['recall']:.3f} | {h['f0.5']:.3f} | {r['heldout_ece']:.3f} | {r['generalisation_recall']:.3f} |")
    text = card.read_text(encoding="utf-8")
    old = _section(text, GROWTH_HEADING)
    body = text.replace(old, "") if old else text
    card.write_text(body.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def _real_mt_section(real: dict) -> list[str]:
    return [
        f"## Real machine translation ({real['source']}, default threshold)",
        "",
        "Online engines of 2012–2013 on French news, annotated by slip; evaluation only. "
        "Its `omission_or_mistranslation` slips (meaning errors) have no mtcheck category and count "
        "as `other` (recall only).",
        "",
        "```",
        format_text(real),
        "```",
        "",
    ]
