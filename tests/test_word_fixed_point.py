"""A record rendered as a Word document and read back is the same record: for every curated example (the
OCR one aside, whose body holds OCR text no rendering prints), and, as a fixed point of reading and
rendering, for generated records of every kind (hypothesis): the record read from a rendering renders
and reads back unchanged, with the facts the generated record holds. Source spans and provenance
are not compared."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from khth.converters.sources import read_source
from khth.converters.word import render_docx

from conftest import EXAMPLES, facts, load
from strategies import printed_records

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
PRINTED = [p for p in EXAMPLE_FILES if not load(p).get("provenance", {}).get("ocr")]
CASES = int(os.environ.get("KHTH_ROUNDTRIP_CASES", "300"))


def _again(record: dict) -> dict:
    return read_source(render_docx(record), "plan.docx")[1]


def _docs(record: dict) -> list[dict]:
    return record.get("documents", [record])


@pytest.mark.parametrize("path", PRINTED, ids=[p.stem for p in PRINTED])
def test_an_example_reads_back_from_its_word_rendering_as_the_same_record(path):
    example = load(path)
    got = _again(example)
    assert [_unversioned(facts(d)) for d in _docs(got)] == [_unversioned(facts(d)) for d in _docs(example)]


def _unversioned(record: dict) -> dict:
    """The version of the standard a record was written in is not one of its facts (the examples are 1.0);
    nor is a bundle's own title, which describes the file and is printed in none of its documents."""
    return {k: v for k, v in record.items() if k != "khthVersion"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_an_example_read_from_its_rendering_is_a_fixed_point(path):
    first = _again(load(path))
    assert facts(_again(first)) == facts(first)


def _labels(blocks: list[dict]) -> list[str]:
    out = []
    for b in blocks:
        if b.get("label"):
            out.append(b.get("printedLabel") or b["label"])
        out.extend(_labels(b.get("children", [])))
    return out


@settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed_records)
def test_a_generated_record_reads_back_and_is_a_fixed_point(record):
    first = _again(record)
    assert facts(_again(first)) == facts(first)
    assert len(_docs(first)) == len(_docs(record))
    for got, meant in zip(_docs(first), _docs(record)):
        for key in ("documentType", "issueDate", "place", "title"):
            assert got.get(key) == meant.get(key), key
        assert got["number"]["printed"] == meant["number"]["printed"]
        assert got["issuer"]["name"] == meant["issuer"]["name"]
        assert got["issuer"].get("superiorBody") == meant["issuer"].get("superiorBody")
        assert {k: got["signature"].get(k) for k in ("authority", "position", "name")} == \
            {k: meant["signature"].get(k) for k in ("authority", "position", "name")}
        assert [r["text"] for r in got.get("recipients", [])] == [r["text"] for r in meant.get("recipients", [])]
        assert [r["text"] for r in got.get("addressees", [])] == [r["text"] for r in meant.get("addressees", [])]
        assert got["parent"]["number"]["printed"] == meant["parent"]["number"]["printed"]
        assert _labels(got["body"]) == _labels(meant["body"])
