"""Sort lookup arrays by their keys, skipping the work when they are already sorted."""

from __future__ import annotations

import numpy as np


def sorted_by_key(keys: np.ndarray, *arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    """``keys`` ascending with ``arrays`` reordered alike.

    Saved models store their arrays sorted, so loading usually needs one comparison pass
    instead of an argsort plus a copy of every array (cold start time and peak memory).
    Strictly ascending keys make the argsort's order the identity, so the result is the same.
    """
    if len(keys) < 2 or bool((keys[1:] > keys[:-1]).all()):
        return (keys, *arrays)
    order = np.argsort(keys)
    return (keys[order], *(a[order] for a in arrays))
