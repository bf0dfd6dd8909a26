"""The ``mtcheck`` command: a thin layer over the Python API.

Exit codes: 0 no finding at or above the threshold, 1 findings, 2 usage or runtime error.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from mtcheck import __version__

EPILOG = """\b
Examples:
  mtcheck scan story.txt                   findings as path:line:col lines
  mtcheck scan wire/ --format json         every supported file below wire/
  cat story.txt | mtcheck scan -           read standard input
  mtcheck scan wire/ --select entity       only proper-name slips
  mtcheck rules                            what each rule id means
\b
Exit codes: 0 nothing found, 1 findings, 2 usage or runtime error."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, "-V", "--version", prog_name="mtcheck")
def main() -> None:
    """Find machine-translation slips in English wire copy translated from French.

    A classifier trained on machine-translated wire copy flags suspect spans (translated
    names, calques, false friends, French typography and number formats, …) with a
    calibrated confidence: of findings at 0.8, about 8 in 10 are real.
    """


def _fail(message: str) -> None:
    click.echo(f"mtcheck: error: {message}", err=True)
    sys.exit(2)


def _single_blas_thread() -> None:
    """OpenBLAS, loaded with numpy, starts a thread per core whose start-up costs ~50 ms of
    a cold start on a busy two-core machine; checking never calls BLAS, so ask for one.
    Must run before numpy is imported; a value the user set is kept."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


_YOUNG_OBJECTS = 20_000  # the collector's first threshold: some ten articles' tokens and feature lists


@contextmanager
def _long_lived() -> Iterator[None]:
    """Load what lives until exit (model, language pack, config) out of the garbage collector's way.

    No collection runs while it loads, as none would find garbage, and none walks it
    afterwards (gc.freeze): the collections that a batch's per-token objects trigger walked
    the language pack's phrase tries again and again, 0.2 s of a 100k-word batch. Forked
    workers also share it without copying. A young generation larger than an article's
    ~1,500 tokens and feature lists lets them die with their article instead of being
    walked and promoted by the 700-object default (GC time 0.07 s -> 0.02 s)."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(_YOUNG_OBJECTS, *gc.get_threshold()[1:])
        gc.enable()


def _check_options(func):
    """Options shared by scan, report and baseline (flag > config file > default).

    These commands only check text, which needs no linear algebra: they run with one
    OpenBLAS thread (see _single_blas_thread)."""

    @functools.wraps(func)
    def checking(**kw):
        _single_blas_thread()
        return func(**kw)

    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True)),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                     help="Report findings at or above this confidence [default: the model's threshold, "
                          "chosen on dev: precision >= 0.9 and <= 0.5 findings per 1,000 words of clean copy]."),
        click.option("--select", multiple=True, help="Only these categories or rules (repeatable, comma-separated)."),
        click.option("--ignore", multiple=True, help="Skip these categories or rules (repeatable, comma-separated)."),
        click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
                     help="Config file [default: mtcheck.toml or [tool.mtcheck] in pyproject.toml, found by walking up]."),
        click.option("--model", "model_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                     help="Model folder [default: the shipped model]."),
        click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Ignore the findings recorded in this baseline file (see 'mtcheck baseline')."),
        click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes [default: 1]."),
        click.option("--max-file-size", type=click.IntRange(1), default=None,
                     help="Refuse files larger than this many bytes [default: 5 MiB]."),
    ]
    command = checking
    for opt in reversed(options):
        command = opt(command)
    return command


def _run_batch(paths, min_confidence, select, ignore, config_path, model_dir, baseline_path, jobs, max_file_size):
    """Resolve the configuration, check every file, apply the baseline: (results, detector, config)."""
    from mtcheck.api import get_detector
    from mtcheck.baseline import Baseline
    from mtcheck.batch import expand, run
    from mtcheck.config import ConfigError, find_config, load_config
    from mtcheck.model.store import ModelError

    try:
        with _long_lived():
            first = next((p for p in paths if str(p) != "-"), Path.cwd())
            cfg = load_config(config_path or find_config(first)).merged(
                min_confidence=min_confidence, select=_split_list(select), ignore=_split_list(ignore),
                model=str(model_dir) if model_dir else None, jobs=jobs, max_file_size=max_file_size,
                baseline=str(baseline_path) if baseline_path else None,
            )
            detector = get_detector(min_confidence=cfg.min_confidence, select=tuple(cfg.select), ignore=tuple(cfg.ignore),
                                    accept=tuple(cfg.accept), protect=tuple(cfg.protect), model_dir=cfg.model,
                                    lang=cfg.source_lang)
            baseline = Baseline.load(Path(cfg.baseline)) if cfg.baseline else None
    except (ConfigError, ModelError, ValueError) as exc:
        _fail(str(exc))
    files = expand(paths)
    if not files:
        _fail("no files to check (folders are searched for .txt .md .html .xml .nitf .newsml .docx)")
    results = list(run(files, detector, jobs=cfg.jobs, max_bytes=cfg.max_file_size))
    if baseline is not None:
        results = [baseline.filter(r) for r in results]
    return results, detector, cfg


@main.command()
@_check_options
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "jsonl", "sarif", "csv"]), default="text",
              show_default=True, help="Output format.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print counts per rule (on stderr) after the findings.")
def scan(fmt, exit_zero, statistics, **kw) -> None:
    """Scan article files (or folders, recursively; - for stdin) and print findings.

    Formats: plain text, Markdown, HTML, NITF, NewsML-G2 and .docx. A file that cannot
    be read gets a one-line error and the batch goes on.
    """
    from mtcheck.render import RENDERERS

    results, detector, _ = _run_batch(**kw)
    click.echo(RENDERERS[fmt](results, detector.signature), nl=False)
    if statistics:
        _print_statistics(results)
    _exit(results, exit_zero)


def _exit(results, exit_zero: bool) -> None:
    if all(r.error for r in results):
        sys.exit(2)
    if any(r.findings for r in results) and not exit_zero:
        sys.exit(1)


def _split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _print_statistics(results) -> None:
    counts: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
    for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"{n:>6}  {rule}", err=True)
    failed = sum(1 for r in results if r.error)
    click.echo(f"{sum(counts.values()):>6}  findings in {len(results)} files ({failed} failed)", err=True)


@main.command()
@_check_options
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Report file: .html (ranked, highlighted page), .csv or .jsonl.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def report(output, exit_zero, **kw) -> None:
    """Write a batch report ranking the stories by risk (HTML, CSV or JSONL by extension).

    \b
    Example:
      mtcheck report wire/ -o today.html
    """
    from mtcheck.fileio import write_atomic
    from mtcheck.render import RENDERERS
    from mtcheck.render.htmlreport import render_html_report

    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", ".csv", ".jsonl"):
        _fail(f"cannot tell the report format from '{output.name}': use .html, .csv or .jsonl")
    results, detector, _ = _run_batch(**kw)
    ranked = sorted(results, key=lambda r: (r.error is not None, -r.risk, r.path or ""))
    if suffix in (".html", ".htm"):
        text = render_html_report(ranked, detector.signature, detector.threshold)
    else:
        text = RENDERERS[suffix.lstrip(".")](ranked, detector.signature)
    write_atomic(output, text)
    n = sum(len(r.findings) for r in results)
    click.echo(f"{output}: {len(results)} files, {n} findings, {sum(1 for r in results if r.error)} failed", err=True)
    _exit(results, exit_zero)


@main.command()
@_check_options
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="Baseline file to write.")
def baseline(output, **kw) -> None:
    """Record current findings so later runs with --baseline ignore them."""
    from mtcheck.baseline import save

    kw["baseline_path"] = None
    results, _, _ = _run_batch(**kw)
    n = save(results, output)
    click.echo(f"{output}: {n} findings recorded from {len(results)} files", err=True)


@main.command()
def rules() -> None:
    """List the rule ids (category/evidence) and what they mean."""
    from mtcheck.explain import RULES

    for rid, text in RULES.items():
        click.echo(f"{rid:<38} {text}")


@main.command()
@click.option("--corpora", type=click.Path(path_type=Path, file_okay=False), default=Path("corpora"), show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Model folder to write [default: the shipped model's folder].")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--no-pieces", is_flag=True, help="Ablation: no sentencepiece features.")
@click.option("--no-document", is_flag=True, help="Ablation: no document features.")
@click.option("--no-lexicons", is_flag=True, help="Ablation: no language-pack lexicon features.")
@click.option("--real-mt", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Also report on this annotated real-MT file in the model card (evaluation only, never fitted).")
def train(corpora, output, seed, no_pieces, no_document, no_lexicons, real_mt) -> None:
    """Train a model from corpora/ (fit on train, calibrate on dev, report on heldout)."""
    from mtcheck.features import FeatureConfig
    from mtcheck.model.store import DEFAULT_MODEL_DIR
    from mtcheck.training.card import write_card
    from mtcheck.training.train import TrainConfig
    from mtcheck.training.train import train as run_train

    cfg = TrainConfig(corpora=corpora, seed=seed,
                      features=FeatureConfig(pieces=not no_pieces, document=not no_document, lexicons=not no_lexicons))
    try:
        report = run_train(cfg, log=lambda m: click.echo(m, err=True))
    except ValueError as exc:
        _fail(str(exc))
    out = output or DEFAULT_MODEL_DIR
    from mtcheck.model import store

    store.save(report.model, out, report.pieces)
    real = None
    if real_mt:
        from mtcheck.detector import Detector
        from mtcheck.training.evaluate import evaluate as run_eval
        from mtcheck.training.evaluate import load_annotated

        real = run_eval(Detector(model=store.load(out)), load_annotated(real_mt)).as_dict()
        real["source"] = real_mt.name
    write_card(report, out, real)
    h = report.heldout.get("overall", {})
    click.echo(f"model {report.model.model_id} written to {out} in {report.seconds:.0f}s; threshold {report.model.threshold:.3f}")
    if h:
        click.echo(f"heldout: P {h['precision']:.3f} R {h['recall']:.3f} F0.5 {h['f0.5']:.3f} ECE {report.heldout['ece']:.3f}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None)
@click.option("--model", "model_dir", type=click.Path(path_type=Path, file_okay=False), default=None)
def evaluate(paths, fmt, min_confidence, model_dir) -> None:
    """Evaluate on annotated JSONL (corpus format or the real-MT dev set format)."""
    from mtcheck.api import get_detector
    from mtcheck.training.evaluate import evaluate as run_eval
    from mtcheck.training.evaluate import format_text, load_annotated

    detector = get_detector(model_dir=str(model_dir) if model_dir else None)
    articles = [a for p in paths for a in load_annotated(p)]
    report = run_eval(detector, articles, min_confidence).as_dict()
    report["signature"] = detector.signature
    if fmt == "json":
        click.echo(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        click.echo(format_text(report))
        click.echo(detector.signature)


@main.group()
def corpus() -> None:
    """Build and inspect the training corpora."""


@corpus.command("build")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("corpora"), show_default=True)
@click.option("--skip-invalid", is_flag=True, help="Skip (and name) files that do not parse instead of failing.")
def corpus_build(root, skip_invalid) -> None:
    """Compile corpora/authored/**.txt into corpora/{train,dev,heldout}.jsonl."""
    from mtcheck.corpus.authoring import AuthoringError
    from mtcheck.corpus.records import compile_authored, corpus_paths, write_jsonl

    try:
        splits = compile_authored(root, skip_invalid, warn=lambda m: click.echo(m, err=True))
    except AuthoringError as exc:
        _fail(str(exc))
    for split, path in corpus_paths(root).items():
        write_jsonl(path, splits[split])
        click.echo(f"{path}: {len(splits[split])} articles")


@corpus.command("stats")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("corpora"), show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--write-datasheet", is_flag=True, help="Also refresh the count tables in corpora/README.md.")
def corpus_stats(root, fmt, write_datasheet) -> None:
    """Counts per split and kind: articles, words, slips per category."""
    from mtcheck.corpus.stats import corpus_statistics, format_markdown, format_statistics
    from mtcheck.corpus.stats import write_datasheet as refresh

    stats = corpus_statistics(root)
    if write_datasheet:
        refresh(root)
    if fmt == "json":
        click.echo(json.dumps(stats, indent=1))
    else:
        click.echo(format_markdown(stats) if fmt == "markdown" else format_statistics(stats))


def run() -> None:
    """The ``mtcheck`` command: :func:`main`, then exit without tearing the interpreter down.

    Freeing the loaded model, language pack and caches object by object took ~0.1 s of
    every run, after all output was written; nothing mtcheck needs runs at exit."""
    try:
        main()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # as sys.exit("message") does
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: the status a normal exit gives when its flush fails
        code = 120
    os._exit(code or 0)


if __name__ == "__main__":
    run()
