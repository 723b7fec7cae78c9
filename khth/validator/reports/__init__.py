"""Report formats of plan-validate: text for people, JSON/SARIF/JUnit/GitHub for machines."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

# Imported on use: a run loads only the format it writes, which keeps start-up short.
_RENDERERS = {
    "text": "text:render_text", "json": "json_report:render_json", "sarif": "sarif:render_sarif",
    "junit": "junit:render_junit", "github": "github:render_github",
}
FORMATS = tuple(_RENDERERS)


def renderer(fmt: str) -> Callable[..., str]:
    module, function = _RENDERERS[fmt].split(":")
    return getattr(import_module(f"{__name__}.{module}"), function)
