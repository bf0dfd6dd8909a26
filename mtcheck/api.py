"""The Python API the CLI is a thin layer over."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mtcheck.detector import Detector, Options
from mtcheck.result import Result


@lru_cache(maxsize=8)
def _cached(options: Options) -> Detector:
    return Detector(options)


def get_detector(**options) -> Detector:
    """A detector for these options (see :class:`mtcheck.detector.Options`), loaded once."""
    return _cached(Options(**{k: tuple(v) if isinstance(v, list) else v for k, v in options.items()}))


def check(text: str, **options) -> Result:
    """Check one article's text: ``check(text).findings``, ``check(text).risk``."""
    return get_detector(**options).check(text)


def check_file(path: str | Path, **options) -> Result:
    """Read a file in any supported format and check it; errors land in ``Result.error``."""
    from mtcheck.readers import check_path

    return check_path(Path(path), get_detector(**options))
