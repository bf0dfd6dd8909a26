"""mtcheck: find machine-translation slips in English wire copy translated from French.

    >>> from mtcheck import check
    >>> result = check("The accounts moved to Talking after Parler went dark.")
    >>> [(f.text, f.category) for f in result.findings]  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["Finding", "Result", "__version__", "check", "check_file", "get_detector"]

if TYPE_CHECKING:
    from mtcheck.api import check, check_file, get_detector
    from mtcheck.result import Finding, Result

_LAZY = {"check": "mtcheck.api", "check_file": "mtcheck.api", "get_detector": "mtcheck.api",
         "Finding": "mtcheck.result", "Result": "mtcheck.result"}


def __getattr__(name: str) -> object:
    """Load the API on first use, so the CLI can start (and tune numpy) before numpy is imported."""
    if name not in _LAZY:
        raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)
