"""An appendix printed after the signing block ("PHỤ LỤC …" over "(Kèm theo Kế hoạch số …)") is
one block of role annex, last in the body: read from text, printed back after the signing block,
carried through XML, and valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from khth.input.canonical import root_of
from khth.converters.text import text_to_record
from khth.converters.text.render import render
from khth.input.xml_form import from_xml, to_xml

from conftest import facts as _without_sources

READER = Path(__file__).parent / "fixtures" / "reader"
WITH_ANNEX = ["appendix_after_signature.txt", "appendix_title_over_kem_theo.txt", "numbered_appendix_with_table.txt"]


def _read(name: str, family: str = "tail") -> dict:
    return text_to_record((READER / family / name).read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_the_annex_is_printed_after_the_signing_block_and_read_back(name):
    record = _read(name)
    annex = record["body"][-1]
    assert annex["role"] == "annex" and annex["children"]
    assert [b for b in record["body"] if b.get("role") == "annex"] == [annex]
    text = render(record)
    name_line = text.index(record["signature"]["name"])
    assert text.index(annex["heading"]) > name_line  # not inside the body, where it would be a section
    assert _without_sources(text_to_record(text, name)) == _without_sources(record)


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_the_annex_survives_xml_and_validates(name, validator):
    record = _read(name)
    root, back = from_xml(to_xml(record, root_of(record)))
    assert back == record
    errors = [f for f in validator.check_data(dict(record, khthVersion="1.0")) if f.severity == "error"]
    assert errors == []


def test_the_annex_holds_the_tasks_it_lists():
    record = _read("appendix_after_signature.txt")
    annex = record["body"][-1]
    assert annex["heading"] == "PHỤ LỤC NHIỆM VỤ THỰC HIỆN ĐỀ ÁN HỖ TRỢ PHỤ NỮ KHỞI NGHIỆP NĂM 2024 - 2025"
    assert annex["text"] == "(Kèm theo Kế hoạch số 45/KH-HPN ngày 08/5/2024 của Ban Thường vụ Hội LHPN tỉnh)"
    assert [c["label"] for c in annex["children"]] == ["1.", "2.", "3.", "4."]
    assert {c["role"] for c in annex["children"]} == {"task"}
    # The "Kèm theo" line names the document itself: no reference to it.
    assert all(r["number"]["printed"] != "45/KH-HPN" for r in record.get("references", []))


def test_a_plan_without_an_appendix_has_no_annex():
    record = _read("time_captions_and_dated_reports.txt", "duties")
    assert all(b.get("role") != "annex" for b in record["body"])
