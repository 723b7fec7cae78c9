"""The level read from an issuer's name is a code of the Level codelist, or nothing when the name
does not tell (a thành phố is a province or a district: the code list decides)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khth.converters.text.header import level_of
from khth.schema.codelists import Level

NAMED = {
    "TỈNH ỦY QUẢNG NGÃI": Level.PROVINCE,
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH": Level.PROVINCE,
    "HUYỆN ỦY SƠN HÀ": Level.DISTRICT,
    "ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ": Level.DISTRICT,
    "ĐẢNG ỦY XÃ BÌNH SƠN": Level.COMMUNE,
    "ỦY BAN NHÂN DÂN PHƯỜNG 3": Level.COMMUNE,
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO": Level.CENTRAL,
    "BAN CHẤP HÀNH TRUNG ƯƠNG": Level.CENTRAL,
    "THÀNH ỦY ĐÀ NẴNG": None,
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỘI AN": None,
    "THÀNH ĐOÀN HÀ NỘI": None,
}


@pytest.mark.parametrize("name", NAMED)
def test_level_from_the_name(name):
    assert level_of(name) == NAMED[name]


_WORDS = ["Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy", "Ủy ban nhân dân", "Sở Tư pháp", "Bộ Y tế",
          "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "Trung ương", "Đoàn",
          "Quảng Ngãi", "Hội An", "Hà Nội", "Sơn Hà", "3"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join))
def test_a_level_is_a_code_of_the_codelist_or_none(name):
    level = level_of(name)
    assert level is None or level in set(Level)
