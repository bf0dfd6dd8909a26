"""Corpus counts (``mtcheck corpus stats``), the numbers the datasheet must match."""

from __future__ import annotations

from pathlib import Path

from mtcheck.corpus.records import KINDS, SPLITS, load_split
from mtcheck.result import CATEGORIES


def corpus_statistics(root: Path) -> dict:
    out: dict = {}
    for split in SPLITS:
        arts = load_split(root, split)
        for kind in KINDS:
            sel = [a for a in arts if a.kind == kind]
            cats = {c: sum(1 for a in sel for s in a.slips if s["category"] == c) for c in CATEGORIES}
            out[f"{kind}/{split}"] = {
                "articles": len(sel),
                "words": sum(len(a.text.split()) for a in sel),
                "slips": sum(len(a.slips) for a in sel),
                "articles_with_entity_slip": sum(1 for a in sel if any(s["category"] == "entity" for s in a.slips)),
                "categories": cats if kind == "mt" else {},
            }
    for kind in KINDS:
        rows = [v for k, v in out.items() if k.startswith(kind + "/")]
        out[f"{kind}/all"] = {
            "articles": sum(r["articles"] for r in rows),
            "words": sum(r["words"] for r in rows),
            "slips": sum(r["slips"] for r in rows),
            "articles_with_entity_slip": sum(r["articles_with_entity_slip"] for r in rows),
            "categories": {c: sum(r["categories"].get(c, 0) for r in rows) for c in CATEGORIES} if kind == "mt" else {},
        }
    return out


def format_statistics(stats: dict) -> str:
    lines = [f"{'set':<14}{'articles':>9}{'words':>9}{'slips':>7}  categories"]
    for key, v in stats.items():
        cats = " ".join(f"{c}={n}" for c, n in v["categories"].items() if n)
        lines.append(f"{key:<14}{v['articles']:>9}{v['words']:>9}{v['slips']:>7}  {cats}")
    return "\n".join(lines)


def format_markdown(stats: dict) -> str:
    """The datasheet's count table (tests check the datasheet against this)."""
    lines = ["| set | articles | words | slips | articles with an entity slip |", "|---|---|---|---|---|"]
    for key, v in stats.items():
        lines.append(f"| {key} | {v['articles']:,} | {v['words']:,} | {v['slips']:,} | {v['articles_with_entity_slip']} |")
    cats = stats["mt/all"]["categories"]
    total = max(1, sum(cats.values()))
    lines += ["", "| category (all mt) | slips | share |", "|---|---|---|"]
    lines += [f"| {c} | {n:,} | {100 * n / total:.0f}% |" for c, n in cats.items()]
    return "\n".join(lines)


def lexicon_counts(code: str = "fr") -> dict[str, int]:
    """Data rows per language-pack file."""
    from mtcheck.lang.pack import PACKS_DIR

    out = {}
    for path in sorted((PACKS_DIR / code).glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            out[path.name] = sum(1 for line in fh if line.strip()) - 1
    return out


def write_datasheet(root: Path) -> None:
    """Refresh the count tables between the markers of ``root/README.md``."""
    import re

    sheet = root / "README.md"
    text = sheet.read_text(encoding="utf-8")
    table = format_markdown(corpus_statistics(root))
    lex = "\n".join(["| lexicon file | data rows |", "|---|---|"] + [f"| `{k}` | {v:,} |" for k, v in lexicon_counts().items()])
    for name, body in (("stats", table), ("lexicon", lex)):
        text = re.sub(rf"<!-- {name}:begin -->.*?<!-- {name}:end -->", f"<!-- {name}:begin -->\n{body}\n<!-- {name}:end -->", text, flags=re.S)
    sheet.write_text(text, encoding="utf-8")
