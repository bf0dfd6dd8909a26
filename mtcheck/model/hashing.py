"""Stable feature ids: crc32 of the feature string (Python's ``hash`` is salted per process)."""

from __future__ import annotations

import zlib

import numpy as np


def feature_id(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def feature_ids(features: list[str]) -> np.ndarray:
    return np.fromiter(map(zlib.crc32, map(str.encode, features)), dtype=np.int64, count=len(features))
