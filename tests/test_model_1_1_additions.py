"""What KHTH 1.1 adds to hold what real plans say: every addition is optional and named in the model
as added in 1.1, a record without them is a valid 1.0 record, their values are bounded where the model
says so, and the Word rendering of a plan that states them reads back with them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from khth.converters.sources import read_source
from khth.converters.word import render_docx
from khth.schema.model import Reporting

from conftest import EXAMPLE_JSON, ids, load, read_case, walk_blocks
from conformance.write_cases import as_1_0, fields_added_in

ADDED = {"Block": ["partners", "relativeDeadlines"], "Timeframe": ["periods"], "Target": ["bound"],
         "Reporting": ["dueDays", "dayOfMonth", "monthOfQuarter", "weekday"]}


def test_the_model_names_every_1_1_addition():
    assert fields_added_in("1.1") == ADDED


def test_every_1_1_addition_is_optional():
    from khth.schema.introspect import model_spec
    from khth.schema import model

    for name, fields in ADDED.items():
        spec = model_spec(getattr(model, name))
        assert all(not spec.field(f).required for f in fields), name


@pytest.mark.parametrize("path", EXAMPLE_JSON, ids=ids(EXAMPLE_JSON))
def test_an_example_without_its_1_1_additions_is_a_valid_1_0_record(path, validator):
    record = as_1_0(load(path))
    assert [f for f in validator.check_data(record) if f.severity == "error"] == []


@pytest.mark.parametrize("field, bad", [("dayOfMonth", 0), ("dayOfMonth", 32), ("monthOfQuarter", 0),
                                        ("monthOfQuarter", 4), ("weekday", "someday")])
def test_reporting_days_are_bounded(field, bad):
    Reporting.model_validate({"printed": "báo cáo.", field: {"dayOfMonth": 31, "monthOfQuarter": 3,
                                                             "weekday": "sunday"}[field]})
    with pytest.raises(ValidationError):
        Reporting.model_validate({"printed": "báo cáo.", field: bad})


_FACTS = ("agencies", "partners", "timeframe", "targets", "reporting")


def _stated(record: dict) -> list[dict]:
    return [{k: b[k] for k in _FACTS if k in b} for b in walk_blocks(record["body"])
            if any(k in b for k in ("partners", "timeframe", "targets", "reporting"))]


def test_a_plan_stating_the_1_1_facts_reads_back_from_its_word_rendering():
    first = read_case("duties", "report_days_periods_and_bounds.txt")
    _, again = read_source(render_docx(first), "plan.docx")
    stated = _stated(first)
    assert any("partners" in b for b in stated) and any("dueDays" in b.get("reporting", {}) for b in stated)
    assert _stated(again) == stated
