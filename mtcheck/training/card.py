"""Write the model card (MODEL_CARD.md + metrics.json) beside a trained model."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.training.evaluate import format_text


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
        "whose data is licensed CC BY-SA 4.0.",
        "",
    ]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


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
