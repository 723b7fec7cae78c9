"""The citation grammar: a citation prints from its parts and parses back to them, for every
type the standard names and every kind of number; real citations parse to the right parts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from khth.schema.grammar import (
    ATTACHMENT_NOTE, CITATION_NAMES, CitationParts, codes_of_name, format_citation, parse_citation,
)

from strategies import _line

_dates = st.one_of(st.none(), st.dates(min_value=date(1945, 9, 2), max_value=date(2030, 12, 31)).map(date.isoformat))
_issuers = st.one_of(st.none(), _line(1, 30))
_party_types = sorted(c for c in CITATION_NAMES if c not in ("CV", "L", "NĐ", "TTLT", "VBHN"))
_state_types = sorted(c for c in CITATION_NAMES if c not in ("CV", "L"))


def _party(code: str, serial: int, issuer: str) -> tuple[str, str]:
    return code, f"{serial}-{code}/{issuer}"


def _state(code: str, serial: int, year: int | None, issuer: str) -> tuple[str, str]:
    return code, f"{serial}{'' if year is None else f'/{year}'}/{code}-{issuer}"


_numbered = st.one_of(
    st.builds(_party, st.sampled_from(_party_types), st.integers(1, 99999), st.sampled_from(["TU", "HU", "TW", "ĐU"])),
    st.builds(_state, st.sampled_from(_state_types), st.integers(1, 99999), st.one_of(st.none(), st.integers(1990, 2030)),
              st.sampled_from(["UBND", "CP", "TTg", "SLĐTBXH", "BTP-BQP"])),
    st.builds(lambda n, u: ("CV", f"{n}/UBND-{u}"), st.integers(1, 99999), st.sampled_from(["VP", "VX", "KT"])),
    st.builds(lambda c, n, y, k: (c, f"{n}/{y}/QH{k}"), st.sampled_from(["L", "NQ"]), st.integers(1, 999),
              st.integers(2002, 2030), st.integers(11, 15)),
)


@given(_numbered, _dates, _issuers)
def test_format_then_parse_is_identity(typed_number, date_, issuer):
    code, number = typed_number
    parts = CitationParts(code, number, date_, issuer)
    assert parse_citation(format_citation(parts)) == parts


@given(_numbered, _dates, _issuers)
def test_the_identifier_does_not_depend_on_the_printed_style(typed_number, date_, issuer):
    code, number = typed_number
    parts = CitationParts(code, number, date_, issuer)
    printed = format_citation(parts)
    loose = printed.replace(" số ", "  ").replace(" ngày ", ",\nngày ", 1)
    assert parse_citation(loose).identifier() == parts.identifier()


@pytest.mark.parametrize("printed,expected", [
    ("Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy",
     CitationParts("KH", "260-KH/TU", "2024-03-04", "Ban Thường vụ Tỉnh ủy")),
    ("Chỉ thị số 28-CT/TW, ngày 25/12/2023 của Bộ Chính trị",
     CitationParts("CT", "28-CT/TW", "2023-12-25", "Bộ Chính trị")),
    ("Quyết định số 56/2017/QĐ-TTg", CitationParts("QĐ", "56/2017/QĐ-TTg")),
    ("Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ",
     CitationParts("NĐ", "56/2017/NĐ-CP", "2017-05-09", "Chính phủ")),
    ("Luật số 102/2016/QH13", CitationParts("L", "102/2016/QH13")),
    ("Công văn số 1761/UBND-VP ngày 28/3/2024 của UBND huyện Định Hóa",
     CitationParts("CV", "1761/UBND-VP", "2024-03-28", "UBND huyện Định Hóa")),
    ("Kết luận số 1234-TB/TU", CitationParts("TB", "1234-TB/TU")),  # the symbol decides the type
    ("Quy định số 12-QĐi/TW", CitationParts("QĐi", "12-QĐi/TW")),
])
def test_real_citations_parse_to_their_parts(printed, expected):
    assert parse_citation(printed) == expected


def test_text_that_is_no_citation_is_refused():
    assert parse_citation("Kế hoạch thực hiện năm 2024") is None
    assert parse_citation("số 260-KH/TU") is None


def test_every_type_name_names_its_type():
    for code, names in CITATION_NAMES.items():
        for name in names:
            assert code in codes_of_name(name)
            assert code in codes_of_name(name.upper())


@pytest.mark.parametrize("key,is_note", [
    ("(co ke hoach so 145-kh/hu, ngay 27/3/2024 kem theo)", True),
    ("(gui kem ke hoach so 12/kh-ubnd kem theo)", True),
    ("(co ke hoach kem theo).", True),
    ("(kem theo quyet dinh so 12/qd-ubnd)", True),
    ("(co ke hoach so 145-kh/hu kem theo", True),  # the closing bracket lost in a wrapped note
    ("kem theo ke hoach nay", False),
    ("(co the kem theo mot so tai lieu khac neu can) va bao cao", False),
])
def test_the_attachment_note(key, is_note):
    assert (ATTACHMENT_NOTE.match(key) is not None) is is_note
