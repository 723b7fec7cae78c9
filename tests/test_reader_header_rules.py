"""Rules of the header reader beyond what one fixture's facts state (those are in
tests/fixtures/reader/header/): issuers named in citations; place lines and issuers of a centrally run
city printed in other ways; the Đoàn and the Hội (system `front`) under other names; the system and
level a name gives. The fixtures here are varied in place, one printed line at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.common import Para
from khth.converters.text.header import level_of, system_of
from khth.converters.text.references import _SECTORS, find_citations

from conftest import source_text

CITY = "city_issuer_wrapped.txt"
DOAN = "doan_name_in_motto_column.txt"
HOI = "hoi_lhpn_union_issuer.txt"


def source(name: str) -> str:
    return source_text("header", name)


def convert(name: str, text: str) -> dict:
    return text_to_record(text, name)


def errors(validator, record: dict) -> list:
    return [f for f in validator.check_data(record) if f.severity == "error"]


# --- ministries and other issuers named in citations -----------------------------------------------

def cite(text: str) -> list[tuple]:
    return [(c.number, c.issuer, c.title) for c in find_citations(Para(text, 1, 1)) if c.number]


@pytest.mark.parametrize("issuer, tail", [
    ("Bộ Tài nguyên và Môi trường", "quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường"),
    ("Bộ Tài chính", "hướng dẫn quản lý, sử dụng kinh phí"),
    ("Bộ Giáo dục và Đào tạo", "ban hành Chương trình giáo dục phổ thông"),
    ("Bộ Lao động - Thương binh và Xã hội", "hướng dẫn thực hiện chế độ"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "về việc phê duyệt Đề án"),
    ("Bộ Kế hoạch và Đầu tư", "quy định chi tiết"),
    ("Bộ Nội vụ", "hướng dẫn chức năng, nhiệm vụ"),
    ("Thủ tướng Chính phủ", "phê duyệt Chương trình"),
    ("Ban Chấp hành Trung ương", "về đổi mới căn bản, toàn diện giáo dục"),
    ("Ủy ban nhân dân tỉnh", "về việc ban hành Kế hoạch"),
    ("Sở Tài chính tỉnh Quảng Nam", "hướng dẫn lập dự toán"),
    ("UBND thành phố Đà Nẵng", "về tuyên truyền"),
])
def test_issuers_read_in_full_with_the_title_after_them(issuer, tail):
    (number, got, title), = cite(f"Căn cứ Quyết định số 12/QĐ-BTC ngày 16/9/2022 của {issuer} {tail};")
    assert (got, title) == (issuer, tail)


@pytest.mark.parametrize("text, expected", [
    # "và" before another body or another citation ends the name
    ("Thực hiện Công văn số 12/UBND-VX ngày 01/02/2024 của UBND tỉnh và Kế hoạch số 5/KH-SYT ngày 02/02/2024 "
     "của Sở Y tế;", [("12/UBND-VX", "UBND tỉnh", None), ("5/KH-SYT", "Sở Y tế", None)]),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND huyện và Sở Tài chính về tổ chức;",
     [("12/KH-UBND", "UBND huyện", None)]),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh và Chỉ thị số 05-CT/TW;",
     [("12/KH-UBND", "UBND tỉnh", None), ("05-CT/TW", None, None)]),
    # a capitalised subject is no part of the name ("… của Chính phủ Quy định chính sách …")
    ("Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ Quy định chính sách trợ giúp xã hội;",
     [("20/2021/NĐ-CP", "Chính phủ", "Quy định chính sách trợ giúp xã hội")]),
    # "tại" still ends a name; a title printed in capitals still ends at "VỀ"
    ("Thực hiện Kế hoạch số 10/KH-UBND ngày 01/02/2024 của UBND tỉnh tại hội nghị",
     [("10/KH-UBND", "UBND tỉnh", None)]),
    ("KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN",
     [("57-NQ/TW", "BỘ CHÍNH TRỊ", "VỀ ĐỘT PHÁ PHÁT TRIỂN")]),
    ("Thực hiện Quyết định số 1456/QĐ-UBND ngày 28/6/2024 của UBND tỉnh Quảng Nam, Sở Tài nguyên và Môi "
     "trường xây dựng Kế hoạch", [("1456/QĐ-UBND", "UBND tỉnh Quảng Nam", None)]),
])
def test_issuer_readings_that_must_not_change(text, expected):
    assert cite(text) == expected


@settings(max_examples=60, deadline=None)
@given(sector=st.sampled_from(_SECTORS), head=st.sampled_from(["Bộ", "Sở", "Phòng"]),
       opener=st.sampled_from(["quy định", "hướng dẫn", "về việc", "ban hành"]),
       rest=st.sampled_from(["chi tiết thi hành", "thực hiện chế độ", "Kế hoạch năm 2024"]))
def test_a_body_of_any_sector_is_read_whole(sector, head, opener, rest):
    issuer = f"{head} {sector}"
    (_, got, title), = cite(f"Căn cứ Công văn số 15/ABC-VP ngày 02/3/2024 của {issuer} {opener} {rest};")
    assert got == issuer
    assert title == f"{opener} {rest}"


# --- a centrally run city: place lines and issuers -------------------------------------------------

_CITY = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"


@pytest.mark.parametrize("place", [
    "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "Tp. Hồ Chí Minh", "TP. Hà Nội", "Hồ Chí Minh",
])
def test_place_line_of_a_city(place):
    text = source(CITY).replace("TP. Hồ Chí Minh, ngày", f"{place}, ngày", 1)
    record = convert(CITY, text)
    assert record["place"] == place  # as printed
    assert record["issueDate"] == "2025-01-17"
    issuer = record["issuer"]
    assert issuer["name"] == _CITY
    assert "superiorBody" not in issuer
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["code"]) == ("state", "province", "79")


@pytest.mark.parametrize("printed, name", [
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", _CITY),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ\nHỒ CHÍ MINH", _CITY),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ\nHỒ CHÍ MINH", _CITY),
    ("ỦY BAN NHÂN DÂN\nTP. HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN TP. HỒ CHÍ MINH"),
    ("UBND TP. HỒ CHÍ MINH", "UBND TP. HỒ CHÍ MINH"),
])
def test_wrapped_issuer_of_a_city(printed, name):
    text = source(CITY).replace("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", printed, 1)
    issuer = convert(CITY, text)["issuer"]
    assert issuer["name"] == name
    assert "superiorBody" not in issuer
    assert (issuer["level"], issuer["adminUnit"]["name"]) == ("province", "Thành phố Hồ Chí Minh")


# --- the Đoàn and the Hội ----------------------------------------------------------------------------


@pytest.mark.parametrize("left, name, level, unit", [
    ("TỈNH ĐOÀN BÌNH DƯƠNG", "TỈNH ĐOÀN BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
    ("BAN CHẤP HÀNH ĐOÀN TỈNH BÌNH DƯƠNG", "BAN CHẤP HÀNH ĐOÀN TỈNH BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
    ("HUYỆN ĐOÀN PHÚ GIÁO", "HUYỆN ĐOÀN PHÚ GIÁO", "district", "Huyện Phú Giáo"),
    ("BCH ĐOÀN TỈNH BÌNH DƯƠNG   ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN TỈNH BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
])
def test_doan_issuers(left, name, level, unit):
    text = source(DOAN).replace("BCH ĐOÀN TỈNH BÌNH DƯƠNG", left, 1)
    issuer = convert(DOAN, text)["issuer"]
    assert issuer["name"] == name
    assert "superiorBody" not in issuer
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["name"]) == ("front", level, unit)


@pytest.mark.parametrize("superior, name", [
    ("HỘI LHPN VIỆT NAM", "BAN CHẤP HÀNH HỘI LHPN TỈNH THANH HÓA"),
    ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "BAN CHẤP HÀNH HỘI LIÊN HIỆP PHỤ NỮ TỈNH THANH HÓA"),
])
def test_hoi_abbreviated_or_spelt_out_is_front(validator, superior, name):
    text = source(HOI).replace("HỘI LHPN VIỆT NAM\nBAN CHẤP HÀNH HỘI LHPN TỈNH THANH HÓA",
                                          f"{superior}\n{name}", 1)
    record = convert(HOI, text)
    issuer = record["issuer"]
    assert (issuer["name"], issuer["superiorBody"]) == (name, superior)
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["name"]) == ("front", "province", "Tỉnh Thanh Hóa")
    assert errors(validator, record) == []


@pytest.mark.parametrize("name, motto, system", [
    ("BCH ĐOÀN TỈNH BÌNH DƯƠNG", None, "front"),
    ("BAN CHẤP HÀNH HỘI LHPN TỈNH THANH HÓA", None, "front"),
    ("ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NAM", None, "front"),
    ("CÔNG ĐOÀN NGÀNH Y TẾ", None, "front"),
    ("BAN THƯỜNG VỤ TỈNH ĐOÀN", None, "front"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "front", "front"),  # the Trung ương Đoàn beside its name
    # what must not change
    ("ĐẢNG ĐOÀN HỘI LHPN TỈNH", None, "party"),  # the Party's organ in the Hội
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "party", "party"),
    ("BAN DÂN VẬN", "party", "party"),
    ("BAN DÂN VẬN", None, "party"),
    ("BAN TUYÊN GIÁO TỈNH ỦY", None, "party"),
    ("VĂN PHÒNG TỈNH ỦY", None, "party"),
    ("VĂN PHÒNG UBND TỈNH", None, "state"),
    ("ĐẢNG ỦY CƠ SỞ", None, "party"),
    ("BỘ CHÍNH TRỊ", None, "party"),
    ("BỘ Y TẾ", None, "state"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None, "state"),
    ("HỘI NÔNG DÂN CƠ SỞ", None, "front"),
    ("ĐOÀN KIỂM TRA", "state", "state"),  # a team, not the Đoàn
])
def test_system_of(name, motto, system):
    assert system_of(name, motto) == system


# --- the level of a ministry --------------------------------------------------------------------------

@pytest.mark.parametrize("name, level", [
    ("BỘ Y TẾ", "central"),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "central"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "central"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "central"),
    # what must not change
    ("BỘ CHỈ HUY QUÂN SỰ TỈNH QUẢNG NAM", "province"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None),  # "Xã hội" is no commune: the superior decides
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH NGHỆ AN", "province"),
    ("PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN ĐỨC PHỔ", "district"),
    ("UBND XÃ NAM HƯNG", "commune"),
    ("THỊ ỦY ĐỨC PHỔ", "district"),
])
def test_level_of(name, level):
    assert level_of(name) == level


