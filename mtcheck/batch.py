"""Check many files: in order, optionally in worker processes, with progress on stderr.

Every input yields a :class:`Result` (with ``error`` set when it could not be read), so a
broken file never stops the batch.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtcheck.detector import Detector, Options
from mtcheck.readers import check_path, supported_suffixes
from mtcheck.result import Result

_worker: tuple[Detector, int] | None = None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named, and every supported file below folders named (sorted, recursive)."""
    suffixes = set(supported_suffixes())
    out: list[Path] = []
    for p in paths:
        if str(p) != "-" and p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in suffixes))
        else:
            out.append(p)
    return out


def _init(options: Options, max_bytes: int) -> None:
    global _worker
    _worker = (Detector(options), max_bytes)


def _one(path: Path) -> Result:
    assert _worker is not None
    detector, max_bytes = _worker
    return _safe_check(path, detector, max_bytes)


def _safe_check(path: Path, detector: Detector, max_bytes: int) -> Result:
    try:
        return check_path(path, detector, max_bytes)
    except Exception as exc:  # a bug must cost one file, not the batch
        return Result(path=str(path), error=f"internal error: {type(exc).__name__}: {exc}")


def run(files: list[Path], detector: Detector, jobs: int = 1, max_bytes: int = 5 * 1024 * 1024,
        progress: bool | None = None) -> Iterator[Result]:
    """Results in input order. ``jobs`` > 1 uses worker processes, each loading the model once."""
    show = progress if progress is not None else (sys.stderr.isatty() and len(files) >= 20)
    if jobs > 1 and len(files) > 1 and "-" not in map(str, files):
        import multiprocessing as mp

        global _worker
        if hasattr(os, "fork"):
            # forked workers share the loaded model (copy-on-write) instead of loading it again
            _worker = (detector, max_bytes)
            ctx, init, initargs = mp.get_context("fork"), None, ()
        else:
            ctx, init, initargs = mp.get_context("spawn"), _init, (detector.options, max_bytes)
        with ctx.Pool(min(jobs, len(files)), initializer=init, initargs=initargs) as pool:
            yield from _progress(pool.imap(_one, files, chunksize=8), len(files), show)
        return
    yield from _progress((_safe_check(p, detector, max_bytes) for p in files), len(files), show)


def _progress(results: Iterator[Result], total: int, show: bool) -> Iterator[Result]:
    if not show:
        yield from results
        return
    import click

    with click.progressbar(length=total, label="checking", file=sys.stderr, show_pos=True) as bar:
        for r in results:
            bar.update(1)
            yield r
