"""Text report: grouped by file, counts per severity, colour only on a terminal."""

from __future__ import annotations

import click

from ..engine import RunResult
from .provenance import by_file, counts

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(run: RunResult, lang: str = "both", colour: bool = False, verbose: bool = False,
                quiet: bool = False, describe=None) -> str:
    lines: list[str] = []
    for file, findings in by_file(run).items():
        serious = [f for f in findings if f.severity != "info"]
        shown = findings if verbose else serious
        if not shown and not verbose:
            continue
        header = f"{file}: ok" if not serious else file
        if verbose and describe and describe(file):
            header += f" — {describe(file)}"
        lines.append(click.style(header, bold=True) if colour else header)
        for f in shown:
            severity = click.style(f.severity, fg=_COLOURS[f.severity]) if colour else f.severity
            loc = f.location()
            lines.append(f"  {loc + '  ' if loc else ''}{severity}  {f.code}  {f.message(lang)}")
    c = counts(run)
    if not quiet:
        files = len(run.results)
        invalid = len({f.file for f in run.all_findings() if f.severity == "error"})
        lines.append(_summary(lang, files, invalid, c))
    return "\n".join(lines) + ("\n" if lines else "")


def _summary(lang: str, files: int, invalid: int, c: dict[str, int]) -> str:
    en = (f"{files} file(s), {invalid} with errors: {c['error']} error(s), {c['warning']} warning(s), "
          f"{c['info']} info")
    vi = f"{files} tệp, {invalid} tệp có lỗi: {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} thông tin"
    return {"en": en, "vi": vi}.get(lang, f"{en} / {vi}")
