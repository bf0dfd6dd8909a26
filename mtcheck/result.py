"""What a check returns: findings and per-article results (the DESIGN §4 contract)."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "entity",
    "false_friend",
    "calque",
    "typography",
    "number_format",
    "word_order",
    "grammar",
    "untranslated",
)


@dataclass
class Finding:
    """A suspect span: 0-based code-point offsets into the checked text, 1-based line/column."""

    start: int
    end: int
    line: int
    column: int
    text: str
    category: str
    rule: str
    confidence: float
    message: str
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "category": self.category,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass
class Result:
    """The outcome for one text or file. ``error`` set means it could not be checked."""

    findings: list[Finding] = field(default_factory=list)
    risk: float = 0.0
    words: int = 0
    path: str | None = None
    text: str = ""
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    title: str = ""

    def to_dict(self) -> dict:
        out = {
            "path": self.path,
            "words": self.words,
            "risk": round(self.risk, 3),
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
