"""mtcheck: find machine-translation slips in English wire copy translated from French.

    >>> from mtcheck import check
    >>> result = check("The accounts moved to Talking after Parler went dark.")
    >>> [(f.text, f.category) for f in result.findings]  # doctest: +SKIP
"""

__version__ = "0.1.0"

from mtcheck.api import check, check_file, get_detector  # noqa: E402
from mtcheck.result import Finding, Result  # noqa: E402

__all__ = ["Finding", "Result", "__version__", "check", "check_file", "get_detector"]
