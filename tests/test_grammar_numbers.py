"""The number grammar: every printed form of a Party or State number parses to its parts and
prints back from them."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from khth.schema.codelists import DocumentType
from khth.schema.grammar import (
    JOINT_TYPE_CODES, NumberParts, codes_of_name, format_number, is_national_assembly, number_line, parse_number,
    symbol_type,
)

_STATE_TYPES = sorted({t.value for t in DocumentType} - {"CV", "L"})
_group = st.from_regex(r"[A-ZĐ][A-Za-zĐđ0-9&]{0,5}", fullmatch=True)
_symbol = st.lists(_group, min_size=1, max_size=3).map("-".join)
_serials = st.integers(1, 999_999)
_years = st.integers(1900, 2099)

party = st.builds(lambda n, t, i: NumberParts("", "party", n, None, t, i, None),
                  _serials, st.from_regex(r"[A-ZĐ][A-Za-zĐđ]{0,5}", fullmatch=True), _symbol)
state_typed = st.builds(lambda n, y, t, i: NumberParts("", "state", n, y, t, i, None),
                        st.one_of(st.none(), _serials), st.one_of(st.none(), _years),
                        st.sampled_from(_STATE_TYPES), _symbol)
cong_van = st.builds(lambda n, y, i, u: NumberParts("", "state", n, y, None, i, u),
                     st.one_of(st.none(), _serials), st.one_of(st.none(), _years),
                     _group.filter(lambda g: g not in _STATE_TYPES), st.one_of(st.none(), _symbol))
national_assembly = st.builds(lambda n, y, k: NumberParts("", "state", n, y, None, f"QH{k:02d}", None),
                              _serials, _years, st.integers(10, 99))


def _with_printed(parts: NumberParts) -> NumberParts:
    from dataclasses import replace

    return replace(parts, printed=format_number(parts))


@given(st.one_of(party, state_typed, cong_van, national_assembly).map(_with_printed))
def test_format_then_parse_is_identity(parts):
    assert parse_number(format_number(parts)) == parts


@given(st.one_of(party, state_typed, cong_van, national_assembly).map(_with_printed))
def test_a_header_number_line_reads_back(parts):
    line = format_number(parts, prefix=True)
    assert line.startswith("Số")
    assert parse_number(line) == parts
    found = number_line(line)
    assert found is not None and parse_number(found[0]) == parts


@pytest.mark.parametrize("printed,expected", [
    ("192-KH/TU", ("party", 192, None, "KH", "TU", None)),
    ("Số 28-CT/TW", ("party", 28, None, "CT", "TW", None)),
    ("145-KH/HU", ("party", 145, None, "KH", "HU", None)),
    ("Số: 2995/KH-UBND", ("state", 2995, None, "KH", "UBND", None)),
    ("1761/UBND-VP", ("state", 1761, None, None, "UBND", "VP")),
    ("56/2017/NĐ-CP", ("state", 56, 2017, "NĐ", "CP", None)),
    ("102/2016/QH13", ("state", 102, 2016, None, "QH13", None)),
    ("Số:      /KH-UBND", ("state", None, None, "KH", "UBND", None)),
    ("Số: 12 / 2024 / QĐ - UBND", ("state", 12, 2024, "QĐ", "UBND", None)),
])
def test_printed_numbers_parse_to_their_parts(printed, expected):
    p = parse_number(printed)
    assert p is not None
    assert (p.system, p.serial, p.year, p.type_code, p.issuer_code, p.unit_code) == expected


def test_a_blank_serial_prints_as_a_form_does():
    parts = parse_number("Số:      /KH-UBND")
    assert parts.printed == "/KH-UBND"
    assert format_number(parts, prefix=True) == "Số:      /KH-UBND"


@pytest.mark.parametrize("code,expected", [("QH13", True), ("QH15", True), ("QH1", False), ("QH131", False),
                                           ("UBND", False), (None, False)])
def test_the_national_assembly_code(code, expected):
    assert is_national_assembly(code) is expected


@pytest.mark.parametrize("number,codes,expected", [
    ("1234-TB/TU", ["KL"], "TB"),  # the symbol decides
    ("1761/UBND-VP", ["CV"], "CV"),
    ("215/SNN-KL", ["KH"], "CV"),  # a State number without a type code is a công văn's
    ("47/2019/QH14", ["L"], "L"),
    ("47/2019/QH14", ["KH"], None),  # no law nor resolution is named
    ("12-XYZ/TU", ["KH"], None),  # a symbol the standard does not know
])
def test_the_symbol_names_the_type(number, codes, expected):
    assert symbol_type(number, codes) == expected


@pytest.mark.parametrize("text", ["Số: ", "Số: ngày 04/3/2024", "Sở Tư pháp"])
def test_lines_without_a_number_are_no_number_line(text):
    assert number_line(text) is None


# --- joint numbers (liên tịch, phối hợp) ---------------------------------------------------------

_JOINT_TYPES = sorted(JOINT_TYPE_CODES)
joint = st.builds(lambda n, y, t, issuers: NumberParts("", "state", n, y, t, "-".join(issuers), None),
                  _serials, st.one_of(st.none(), _years), st.sampled_from(_JOINT_TYPES),
                  st.lists(_group, min_size=2, max_size=4))


@pytest.mark.parametrize("printed,expected,issuers", [
    ("02/CTrPH-MTTQ-UBND", ("state", 2, None, "CTrPH", "MTTQ-UBND", None), ("MTTQ", "UBND")),
    ("05/KHLT-SNV-SYT", ("state", 5, None, "KHLT", "SNV-SYT", None), ("SNV", "SYT")),
    ("01/QCPH-UBND-MTTQ", ("state", 1, None, "QCPH", "UBND-MTTQ", None), ("UBND", "MTTQ")),
    ("01/2015/TTLT-BTP-BNV", ("state", 1, 2015, "TTLT", "BTP-BNV", None), ("BTP", "BNV")),
    ("Số: 04/2024/NQLT-HĐND-UBND-UBMTTQ", ("state", 4, 2024, "NQLT", "HĐND-UBND-UBMTTQ", None),
     ("HĐND", "UBND", "UBMTTQ")),
    ("03 / KHPH - CAH - VKS", ("state", 3, None, "KHPH", "CAH-VKS", None), ("CAH", "VKS")),
    ("2995/KH-UBND", ("state", 2995, None, "KH", "UBND", None), ()),  # one issuer: no joint issuers
    ("1761/UBND-VP", ("state", 1761, None, None, "UBND", "VP"), ()),
])
def test_joint_numbers_parse_with_every_issuer(printed, expected, issuers):
    p = parse_number(printed)
    assert p is not None
    assert (p.system, p.serial, p.year, p.type_code, p.issuer_code, p.unit_code) == expected
    assert p.joint_issuers == issuers


@given(joint.map(_with_printed))
def test_joint_numbers_format_then_parse(parts):
    back = parse_number(format_number(parts))
    assert back == parts
    assert "-".join(back.joint_issuers) == parts.issuer_code


@pytest.mark.parametrize("code,name", [("CTrPH", "Chương trình phối hợp"), ("KHLT", "Kế hoạch liên tịch"),
                                       ("KHPH", "Kế hoạch phối hợp"), ("QCPH", "Quy chế phối hợp"),
                                       ("NQLT", "Nghị quyết liên tịch"), ("TTLT", "Thông tư liên tịch")])
def test_joint_type_codes_are_in_the_codelist_with_their_names(code, name):
    assert DocumentType(code).value in JOINT_TYPE_CODES
    assert DocumentType.labels()[code][0] == name
    assert symbol_type(f"02/{code}-MTTQ-UBND", codes_of_name(name)) == code
