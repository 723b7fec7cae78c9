"""SARIF 2.1.0, for code-scanning services."""

from __future__ import annotations

from pathlib import Path

from khth.schema.catalogue import RULES, VALIDATE, Rule
from ..engine import RunResult
from .provenance import TOOL, dump_json, provenance

_RULES = [r for r in RULES if VALIDATE in r.tools]  # the rules plan-validate can report
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str) -> str:
    p = Path(file)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _title(r: Rule, lang: str) -> str:
    return {"en": r.title_en, "vi": r.title_vi}.get(lang, f"{r.title_en} / {r.title_vi}")


def render_sarif(run: RunResult, lang: str = "both", **_: object) -> str:
    meta = provenance()
    index = {r.code: i for i, r in enumerate(_RULES)}
    results = []
    for f in run.all_findings():
        location: dict = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}}}
        if f.line:
            location["physicalLocation"]["region"] = {"startLine": f.line, **({"startColumn": f.column}
                                                                              if f.column else {})}
        where = f.xpath or f.pointer
        if where:
            location["logicalLocations"] = [{"fullyQualifiedName": where, "kind": "element"}]
        results.append({"ruleId": f.code, "ruleIndex": index[f.code], "level": _LEVEL[f.severity],
                        "message": {"text": f.message(lang)}, "locations": [location]})
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL, "version": meta["toolVersion"], "semanticVersion": meta["toolVersion"],
                "rules": [{"id": r.code, "name": r.title_en,
                           "shortDescription": {"text": _title(r, lang)},
                           "fullDescription": {"text": r.doc},
                           "help": {"text": f"{r.doc} See {r.doc_link}."},
                           "defaultConfiguration": {"level": _LEVEL[r.severity]},
                           "properties": {"category": r.category, "doc": r.doc_link}} for r in _RULES],
            }},
            "results": results,
            "properties": meta,
        }],
    }
    return dump_json(sarif)
