"""What every machine-readable report states so that a result can be reproduced."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import orjson

from khth.schema import KHTH_VERSION, __version__

from khth.schema.catalogue import catalogue_hash
from ..engine import RunResult

TOOL = "plan-validate"


def provenance() -> dict[str, str]:
    return {"standardVersion": KHTH_VERSION, "toolVersion": __version__, "ruleCatalogue": catalogue_hash()}


def counts(run: RunResult) -> dict[str, int]:
    c = Counter(f.severity for f in run.all_findings())
    return {"error": c["error"], "warning": c["warning"], "info": c["info"]}


def by_file(run: RunResult) -> dict[str, list]:
    """Findings grouped by file, files in the order they were checked, corpus findings included."""
    out: dict[str, list] = {r.file: list(r.findings) for r in run.results}
    for f in run.corpus:
        out.setdefault(f.file, []).append(f)
    return out


def dump_json(report: Any) -> str:
    """``json.dumps(report, ensure_ascii=False, indent=2)``, written by orjson: the same text, ten
    times sooner on a large report. Text orjson refuses (a file name that is not UTF-8 carries lone
    surrogates) is written by the json module."""
    try:
        return orjson.dumps(report, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
