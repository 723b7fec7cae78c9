"""Report formats of plan-validate: text for people, JSON/SARIF/JUnit/GitHub for machines."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import RunResult
from .github import render_github
from .json_report import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text, "json": render_json, "sarif": render_sarif, "junit": render_junit, "github": render_github,
}

__all__ = ["RENDERERS", "RunResult"]
