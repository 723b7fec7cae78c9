"""Number grammar, citations and the identifier rule."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from khth.schema.identifiers import (
    CitationParts, decode_component, encode_component, format_citation, format_citation_date,
    make_identifier, parse_citation, parse_date, parse_number, split_identifier,
)

from strategies import _line, dates, numbers, partial_dates


@pytest.mark.parametrize("printed,expected", [
    ("Số 192-KH/TU", dict(system="party", serial=192, type_code="KH", issuer_code="TU")),
    ("S6 164-KH/HU".replace("S6 ", "Số "), dict(system="party", serial=164, type_code="KH", issuer_code="HU")),
    ("136-HD/BTGTW", dict(system="party", serial=136, type_code="HD", issuer_code="BTGTW")),
    ("Số: /UBND - VHXX", dict(system="state", issuer_code="UBND", unit_code="VHXX")),
    ("1761/UBND-VP", dict(system="state", serial=1761, issuer_code="UBND", unit_code="VP")),
    ("124/TTr-SLĐTBXH", dict(system="state", serial=124, type_code="TTr", issuer_code="SLĐTBXH")),
    ("56/2017/NĐ-CP", dict(system="state", serial=56, year=2017, type_code="NĐ", issuer_code="CP")),
    ("105/2013/NQ-HĐND", dict(system="state", serial=105, year=2013, type_code="NQ", issuer_code="HĐND")),
    ("17/2015/TTLT-BTP-BQP", dict(system="state", serial=17, year=2015, type_code="TTLT", issuer_code="BTP-BQP")),
    ("102/2016/QH13", dict(system="state", serial=102, year=2016, issuer_code="QH13")),
])
def test_numbers_of_the_seeds_and_conventions_parse(printed, expected):
    parts = parse_number(printed)
    assert parts is not None
    got = {k: v for k, v in parts.as_dict().items() if k != "printed"}
    assert got == expected


@pytest.mark.parametrize("text", ["", "Kế hoạch", "KH/TU", "192 KH TU", "abc-KH/TU"])
def test_non_numbers_are_refused(text):
    assert parse_number(text) is None


def test_party_and_state_grammars_do_not_overlap():
    assert parse_number("28-CT/TW").system == "party"
    assert parse_number("99/KH-UBND").system == "state"


@pytest.mark.parametrize("text,iso", [
    ("Đức Phổ, ngày 23 tháng 4 năm 2024", "2024-04-23"),
    ("ngày 04/3/2024", "2024-03-04"),
    ("Chợ Chu, ngày   tháng 4 năm 2024", "2024-04"),
    ("ngày 30/02/2024", None),
])
def test_printed_dates(text, iso):
    assert parse_date(text) == iso


def test_citation_to_identifier_and_back():
    printed = "Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy"
    parts = parse_citation(printed)
    assert parts == CitationParts("KH", "260-KH/TU", "2024-03-04", "Ban Thường vụ Tỉnh ủy")
    identifier = parts.identifier()
    assert identifier == "khth:KH:260-KH/TU:2024-03-04:Ban_Thường_vụ_Tỉnh_ủy"
    back = split_identifier(identifier)
    assert format_citation(CitationParts(back.document_type, back.number, back.date, back.issuer)) == printed


def test_citation_styles_normalise_to_one_identifier():
    forms = ["Kế hoạch số 145-KH/HU, ngày 27/3/2024 của Ban Thường vụ Huyện ủy",
             "Kế hoạch số 145-KH/HU ngày 27 tháng 3 năm 2024 của Ban Thường vụ Huyện ủy",
             "Kế hoạch  145-KH/HU,\nngày 27/03/2024 của Ban Thường vụ  Huyện ủy"]
    assert len({parse_citation(f).identifier() for f in forms}) == 1


def test_state_cong_van_and_type_name_ambiguity():
    assert parse_citation("công văn số 1761/UBND-VP ngày 28/3/2024 của UBND huyện Định Hóa").document_type == "CV"
    assert parse_citation("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị").document_type == "QĐ"
    assert format_citation(CitationParts("TT", "01/2024/TT-BNV", "2024-01-05")).startswith("Thông tư số")
    assert format_citation(CitationParts("TT", "05-TT/TW", "2024-01-05")).startswith("Thông tri số")


def test_a_law_cited_by_name_keeps_its_name():
    assert format_citation(CitationParts("L", None, "2016", None, "Luật Trẻ em")) == "Luật Trẻ em năm 2016"


def test_citation_dates_follow_decree_30():
    assert format_citation_date("2024-03-04") == "ngày 04/3/2024"
    assert format_citation_date("2024-01-15") == "ngày 15/01/2024"
    assert format_citation_date("2024-04") == "tháng 4 năm 2024"


@given(st.text(min_size=1).map(lambda s: " ".join(s.split())).filter(bool))
def test_identifier_components_are_reversible(text):
    import unicodedata
    text = unicodedata.normalize("NFC", text)
    encoded = encode_component(text)
    assert ":" not in encoded and " " not in encoded
    assert decode_component(encoded) == " ".join(text.split())


@given(st.sampled_from(["KH", "CT", "CV", "QĐ", "TTr"]), st.one_of(st.none(), numbers),
       st.one_of(st.none(), partial_dates), st.one_of(st.none(), _line()), st.one_of(st.none(), _line()))
def test_identifier_splits_into_its_parts(doc_type, number, date_, issuer, title):
    identifier = make_identifier(doc_type, number, date_, issuer, title)
    parts = split_identifier(identifier)
    assert (parts.document_type, parts.number, parts.date, parts.issuer) == (doc_type, number or "", date_ or "", issuer or "")
    assert parts.title == (title if title and not number else "")
    assert make_identifier(parts.document_type, parts.number or None, parts.date or None, parts.issuer or None,
                           parts.title or None) == identifier


@given(st.sampled_from(["KH", "CT", "HD", "NQ"]), numbers, dates, _line())
def test_format_then_parse_citation_is_identity(doc_type, number, date_, issuer):
    parsed = parse_number(number)
    if parsed.type_code and parsed.type_code != doc_type:
        doc_type = parsed.type_code
    parts = CitationParts(doc_type, number, date_.isoformat(), issuer)
    assert parse_citation(format_citation(parts)) == parts
