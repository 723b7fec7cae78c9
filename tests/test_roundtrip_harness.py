"""The real-tool round trip (benchmarks/roundtrip) runs end to end: its records are valid and
varied and the same for the same seed, and on a few records every route whose tool is installed
yields a score for every field family (the scores' values are what the benchmark measures)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "roundtrip"))

import records  # noqa: E402
import routes  # noqa: E402
import run  # noqa: E402
from score import FAMILIES, score_record  # noqa: E402

from khth import api  # noqa: E402


def test_the_records_are_reproducible_and_vary_over_systems_levels_and_kinds():
    first, again = records.generate(120, seed=7), records.generate(120, seed=7)
    assert [g.record for g in first] == [g.record for g in again]
    assert {g.system for g in first} == {"party", "state"}
    assert {g.level for g in first} == {"central", "province", "district", "commune"}
    assert {g.kind for g in first} == {"plan", "dispatch", "decision-bundle"}
    for g in first:
        for doc in records.documents(g.record):
            when = doc["issueDate"][:7]
            if g.level == "district":
                assert when < "2025-07", g.name  # district bodies ended on 2025-07-01
            if g.level == "commune":
                assert when >= "2025-07", g.name
            assert doc["parent"]["printed"] in doc["body"][0]["text"]  # cited in the opening sentence
    counts = Counter(len(records.documents(g.record)[0].get("references", [])) + 1 for g in first)
    assert set(counts) <= {1, 2, 3, 4} and len(counts) >= 3


def test_the_records_are_valid():
    generated = records.generate(40, seed=11)
    report = api.validate([json.dumps(g.record, ensure_ascii=False).encode() for g in generated])
    errors = [(f.code, f.message) for fr in report.results for f in fr.findings if str(f.severity) == "error"]
    assert errors == []


def test_a_record_read_back_exactly_scores_every_fact_and_a_lost_header_is_counted():
    g = records.generate(3, seed=5)[0]
    doc = records.documents(g.record)[0]
    perfect = score_record(g.name, g.record, g.record)
    assert all(perfect.score(f) in (1.0, None) for f in FAMILIES) and perfect.false_missing == 0
    lost = dict(doc, provenance={"missing": [{"field": "/number", "reason": "lost"}]})
    lost.pop("number")
    scored = score_record(g.name, lost, doc)
    assert scored.score("number") == 0.0 and scored.false_missing == 1


def test_every_present_route_scores_every_family_on_a_few_records(tmp_path):
    generated = records.generate(5, seed=3)
    files = run.render_all(generated, tmp_path)
    skipped = []
    for name in routes.ROUTES:
        result = run.run_route(name, generated, files, tmp_path, jobs=1)
        if result.skipped:
            assert "install the Debian package" in result.skipped
            skipped.append(result.skipped)
            continue
        assert result.tally.records == 5, name
        for family in FAMILIES:
            assert result.tally.score(family) is not None, (name, family)
    if len(skipped) == len(routes.ROUTES) - 1:
        pytest.skip("; ".join(skipped))
