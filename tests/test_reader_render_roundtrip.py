"""A plan read, rendered back to text (`--to text`) and read again gives the same record: the facts of
the whole record (sources and provenance aside) for plans of every family, the duties of every block
for the plans of tests/fixtures/reader/duties/, and a task table printed as a pipe table."""

from __future__ import annotations

import pytest

from khth.converters.sources import read_source
from khth.converters.text import text_to_record
from khth.converters.text.render import render

from conftest import READER, docx_bytes, facts, read_case, walk_blocks

WHOLE = [
    ("header", "doan_name_in_motto_column.txt"), ("header", "hoi_lhpn_union_issuer.txt"),
    ("header", "city_issuer_wrapped.txt"), ("header", "implementing_title_cited_as_basis_ministry.txt"),
    ("header", "implementing_title_cited_as_basis_party.txt"),
    ("signing", "signed_copy_mark.txt"), ("signing", "ministry_name_wrapped_over_two_lines.txt"),
    ("body", "caption_lines_of_every_form.txt"), ("body", "party_hyphen_labels.txt"),
]
TABLES = [("tables", "tab_task_table_ward.txt"), ("tables", "tab_task_table_party.txt"),
          ("tables", "pipe_task_table.md")]
DUTIES = sorted(p.name for p in (READER / "duties").glob("*.txt"))


def _again(record: dict, name: str) -> dict:
    return text_to_record(render(record), name)


@pytest.mark.parametrize("family, name", WHOLE, ids=lambda v: v)
def test_text_record_text_record(family, name):
    first = read_case(family, name)
    assert facts(_again(first, name)) == facts(first)


def _table(doc: dict) -> dict:
    return next(b for b in walk_blocks(doc["body"]) if " | " in (b.get("heading") or ""))


@pytest.mark.parametrize("family, name", TABLES, ids=lambda v: v)
def test_table_plans_render_a_pipe_table_and_read_back(family, name):
    first = read_case(family, name)
    text = render(first)
    assert "| " + _table(first)["heading"] + " |  \n" in text  # the header row of a pipe table
    assert facts(text_to_record(text, name)) == facts(first)


def test_docx_table_record_reads_back_from_its_rendering():
    _, first = read_source(docx_bytes(READER / "docx" / "task_table_paragraph_sources.docx.py"), "plan.docx")
    assert facts(_again(first, "plan.txt")["body"]) == facts(first["body"])


def _duties(record: dict) -> list[dict]:
    keys = ("role", "agencies", "partners", "timeframe", "deadlines", "targets", "reporting")
    return [{k: b[k] for k in keys if k in b} for b in walk_blocks(record["body"])]


@pytest.mark.parametrize("name", DUTIES)
def test_duties_survive_the_round_trip(name):
    record = read_case("duties", name)
    assert _duties(_again(record, name)) == _duties(record)
