"""JSON report: every finding, per file, with the provenance of the run."""

from __future__ import annotations


from ..engine import RunResult
from .provenance import TOOL, by_file, counts, dump_json, provenance


def _records(run: RunResult) -> dict[str, list[dict[str, str]]]:
    """Each file's records: where, which, and the KHTH version each declares (1.0 and 1.1 are both read)."""
    out: dict[str, list[dict[str, str]]] = {}
    for s in run.summaries:
        out.setdefault(s.file, []).append({"pointer": s.pointer, "id": s.id, "profile": s.profile,
                                           **({"khthVersion": s.khth_version} if s.khth_version else {})})
    return out


def render_json(run: RunResult, lang: str = "both", **_: object) -> str:
    c = counts(run)
    records = _records(run)
    report = {
        "tool": TOOL,
        **provenance(),
        "valid": c["error"] == 0,
        "summary": {"files": len(run.results), "documents": len(run.summaries), **c},
        "files": [{"file": file, "valid": not any(f.severity == "error" for f in findings),
                   "records": records.get(file, []),
                   "findings": [f.as_dict() for f in findings]} for file, findings in by_file(run).items()],
    }
    return dump_json(report)
