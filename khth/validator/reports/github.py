"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from ..engine import RunResult

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(run: RunResult, lang: str = "both", **_: object) -> str:
    lines = []
    for f in run.all_findings():
        props = [f"file={_escape_property(f.file)}"]
        if f.line:
            props.append(f"line={f.line}")
            if f.column:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.code)}")
        where = f.xpath or f.pointer
        message = f"{where}: {f.message(lang)}" if where else f.message(lang)
        lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
