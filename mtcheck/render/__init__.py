"""Renderers: a batch of results → text, JSON, JSONL, SARIF or CSV (HTML in report)."""

from __future__ import annotations

from typing import Callable

from mtcheck.render.csvout import render_csv
from mtcheck.render.jsonout import render_json, render_jsonl
from mtcheck.render.sarif import render_sarif
from mtcheck.render.textout import render_text
from mtcheck.result import Result

Renderer = Callable[[list[Result], str], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "csv": render_csv,
}

__all__ = ["RENDERERS", "Renderer"]
