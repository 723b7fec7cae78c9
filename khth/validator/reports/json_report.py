"""JSON report: every finding, per file, with the provenance of the run."""

from __future__ import annotations


from ..engine import RunResult
from .provenance import TOOL, by_file, counts, dump_json, provenance


def render_json(run: RunResult, lang: str = "both", **_: object) -> str:
    c = counts(run)
    report = {
        "tool": TOOL,
        **provenance(),
        "valid": c["error"] == 0,
        "summary": {"files": len(run.results), "documents": len(run.summaries), **c},
        "files": [{"file": file, "valid": not any(f.severity == "error" for f in findings),
                   "findings": [f.as_dict() for f in findings]} for file, findings in by_file(run).items()],
    }
    return dump_json(report)
