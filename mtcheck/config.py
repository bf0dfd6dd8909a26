"""Configuration: ``mtcheck.toml`` or ``[tool.mtcheck]`` in ``pyproject.toml``, found by
walking up from the scanned path (as ruff and Vale do), or named with ``--config``.

Precedence: command-line flag > config file > built-in default.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import ModuleType

KEYS = {
    "min_confidence": float,
    "select": list,
    "ignore": list,
    "source_lang": str,
    "accept": list,
    "protect": list,
    "max_file_size": int,
    "model": str,
    "jobs": int,
    "baseline": str,
}


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and key."""


@dataclass
class Config:
    min_confidence: float | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    source_lang: str | None = None
    accept: list[str] = field(default_factory=list)
    protect: list[str] = field(default_factory=list)
    max_file_size: int = 5 * 1024 * 1024
    model: str | None = None
    jobs: int = 1
    baseline: str | None = None
    path: Path | None = None  # where it was read from

    def merged(self, **flags) -> "Config":
        """A copy with every flag that was given (not None, not empty) taking precedence."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for k, v in flags.items():
            if v is not None and v != () and v != []:
                values[k] = list(v) if isinstance(v, tuple) else v
        return Config(**values)


def _toml() -> ModuleType:
    """The TOML parser, imported only when there is a file to read (most scans have none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def find_config(start: Path) -> Path | None:
    """The nearest mtcheck.toml, or pyproject.toml with a [tool.mtcheck] table, at or above ``start``."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "mtcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tomllib = _toml()
            try:
                if "mtcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate one config file (an empty Config when ``path`` is None)."""
    if path is None:
        return Config()
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config {path} is not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("mtcheck", {}) if path.name == "pyproject.toml" else data
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"config {path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KEYS))}")
    values = {}
    for key, value in table.items():
        want = KEYS[key]
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if want is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, want) or isinstance(value, bool):
            raise ConfigError(f"config {path}: '{key}' should be a {want.__name__}, got {type(value).__name__}")
        if want is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"config {path}: '{key}' should be a list of strings")
        values[key] = value
    mc = values.get("min_confidence")
    if mc is not None and not 0.0 <= mc <= 1.0:
        raise ConfigError(f"config {path}: 'min_confidence' must be between 0 and 1")
    if "model" in values and not Path(values["model"]).is_absolute():
        values["model"] = str((path.parent / values["model"]).resolve())
    if "baseline" in values and not Path(values["baseline"]).is_absolute():
        values["baseline"] = str((path.parent / values["baseline"]).resolve())
    return Config(**values, path=path)
