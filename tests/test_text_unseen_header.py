"""Headers, issuers and parents read from plans the reader had not seen (tests/fixtures/unseen/header/):
a title that names what the plan carries out, cited as a basis ("Căn cứ"); ministries named in
citations; place lines and issuers of a centrally run city ("TP. Hồ Chí Minh"); the Đoàn and the
Hội (system `front`); the level of a ministry. Each test asserts the facts a clerk reads, and the
readings that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.common import Para
from khth.converters.text.header import level_of, system_of
from khth.converters.text.references import _SECTORS, find_citations
from khth.converters.text.render import render

from conftest import facts

FIXTURES = Path(__file__).parent / "fixtures" / "unseen" / "header"


def source(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def convert(name: str, text: str | None = None) -> dict:
    return text_to_record(source(name) if text is None else text, name)


def errors(validator, record: dict) -> list:
    return [f for f in validator.check_data(record) if f.severity == "error"]


def refs(record: dict) -> dict[str, dict]:
    return {(r.get("number") or {}).get("printed") or r["title"]: r for r in record.get("references", [])}


def missing(record: dict) -> set[str]:
    return {m["field"] for m in record["provenance"].get("missing", [])}


# --- the parent a title names, cited under "Căn cứ" -------------------------------------------------

@pytest.mark.parametrize("name, number, date, issuer", [
    ("bo_y_te_can_cu.txt", "342/QĐ-TTg", "2025-02-12", "Thủ tướng Chính phủ"),
    ("ubnd_tphcm.txt", "01/NQ-CP", "2025-01-08", "Chính phủ"),
    ("ban_dan_van_can_cu.txt", "23-QĐ/TW", "2021-07-30", "Ban Bí thư"),
])
def test_the_document_an_implementing_title_names_is_the_parent(validator, name, number, date, issuer):
    record = convert(name)
    parent = record["parent"]
    assert (parent["number"]["printed"], parent["issueDate"], parent["issuer"]) == (number, date, issuer)
    assert number not in refs(record)
    assert "/parent" not in missing(record)
    assert record["profile"] == "published"
    assert errors(validator, record) == []


def test_the_other_citations_keep_their_relations():
    by = refs(convert("ubnd_tphcm.txt"))
    assert by["98/2023/QH15"]["relation"] == "basis"
    assert by["125/NQ-HĐND"]["relation"] == "basis"
    assert by["12/TTr-SKHĐT"]["relation"] == "proposal"
    by = refs(convert("ban_dan_van_can_cu.txt"))
    assert by["48-HD/BDVTW"]["relation"] == "basis"
    by = refs(convert("bo_y_te_can_cu.txt"))
    assert by["95/2022/NĐ-CP"]["relation"] == "basis"


_HUYEN_UY = """ĐẢNG BỘ TỈNH QUẢNG NGÃI
HUYỆN ỦY SƠN HÀ
*
Số 164-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Sơn Hà, ngày 20 tháng 8 năm 2024

KẾ HOẠCH
{title}

Căn cứ Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về tăng cường công tác trẻ em;
{opening}
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt Chỉ thị.

Nơi nhận:
- Lưu Văn phòng Huyện ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn A
"""
_NEARER = ("Thực hiện Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số "
           "28-CT/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")


def test_a_plan_of_a_nearer_level_still_wins_over_the_title():
    text = _HUYEN_UY.format(title="thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị", opening=_NEARER)
    record = text_to_record(text, "t.txt")
    assert record["parent"]["number"]["printed"] == "260-KH/TU"
    assert refs(record)["28-CT/TW"]["relation"] == "root"


@pytest.mark.parametrize("title", [
    "triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",
    "học tập, quán triệt và triển khai thực hiện Chỉ thị số 28-CT/TW",
    "tiếp tục thực hiện Chỉ thị số 28-CT/TW",
])
def test_implementing_titles(title):
    text = _HUYEN_UY.format(title=title, opening="Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    record = text_to_record(text, "t.txt")
    assert record["parent"]["number"]["printed"] == "28-CT/TW"
    assert record["parent"]["issueDate"] == "2023-12-25"  # from the opening, where the title prints no date


@pytest.mark.parametrize("title", [
    "sơ kết 05 năm thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",  # a review, not carrying out
    "tuyên truyền Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",
    "về công tác trẻ em năm 2024",
])
def test_titles_that_do_not_make_a_basis_the_parent(title):
    text = _HUYEN_UY.format(title=title, opening="Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    record = text_to_record(text, "t.txt")
    assert "parent" not in record
    assert "/parent" in missing(record)
    assert refs(record)["28-CT/TW"]["relation"] in ("basis", "root")


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


def test_the_ministry_in_the_probe_plan():
    record = convert("so_tnmt_citations.txt")
    tt = refs(record)["02/2022/TT-BTNMT"]
    assert tt["issuer"] == "Bộ Tài nguyên và Môi trường"
    assert tt["title"].startswith("quy định chi tiết thi hành")


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
    text = source("ubnd_tphcm.txt").replace("TP. Hồ Chí Minh, ngày", f"{place}, ngày", 1)
    record = convert("ubnd_tphcm.txt", text)
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
    text = source("ubnd_tphcm.txt").replace("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", printed, 1)
    issuer = convert("ubnd_tphcm.txt", text)["issuer"]
    assert issuer["name"] == name
    assert "superiorBody" not in issuer
    assert (issuer["level"], issuer["adminUnit"]["name"]) == ("province", "Thành phố Hồ Chí Minh")


def test_a_department_under_its_committee_is_unchanged():
    record = convert("so_tnmt_citations.txt")
    assert (record["issuer"]["name"], record["issuer"]["superiorBody"]) == \
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "UBND TỈNH QUẢNG NAM")
    assert record["place"] == "Quảng Nam"
    assert record["issuer"]["level"] == "province"


# --- the Đoàn and the Hội ----------------------------------------------------------------------------

def test_the_doan_name_in_the_motto_place_is_not_the_issuer(validator):
    record = convert("tinh_doan.txt")
    issuer = record["issuer"]
    assert issuer["name"] == "BCH ĐOÀN TỈNH BÌNH DƯƠNG"
    assert "superiorBody" not in issuer
    assert issuer["actingBody"] == "Ban Thường vụ Tỉnh Đoàn"
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["name"]) == ("front", "province", "Tỉnh Bình Dương")
    assert record["place"] == "Bình Dương"
    assert record["parent"]["number"]["printed"] == "120-KH/TWĐTN-ĐKT"
    assert errors(validator, record) == []


@pytest.mark.parametrize("left, name, level, unit", [
    ("TỈNH ĐOÀN BÌNH DƯƠNG", "TỈNH ĐOÀN BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
    ("BAN CHẤP HÀNH ĐOÀN TỈNH BÌNH DƯƠNG", "BAN CHẤP HÀNH ĐOÀN TỈNH BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
    ("HUYỆN ĐOÀN PHÚ GIÁO", "HUYỆN ĐOÀN PHÚ GIÁO", "district", "Huyện Phú Giáo"),
    ("BCH ĐOÀN TỈNH BÌNH DƯƠNG   ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN TỈNH BÌNH DƯƠNG", "province", "Tỉnh Bình Dương"),
])
def test_doan_issuers(left, name, level, unit):
    text = source("tinh_doan.txt").replace("BCH ĐOÀN TỈNH BÌNH DƯƠNG", left, 1)
    issuer = convert("tinh_doan.txt", text)["issuer"]
    assert issuer["name"] == name
    assert "superiorBody" not in issuer
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["name"]) == ("front", level, unit)


@pytest.mark.parametrize("superior, name", [
    ("HỘI LHPN VIỆT NAM", "BAN CHẤP HÀNH HỘI LHPN TỈNH THANH HÓA"),
    ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "BAN CHẤP HÀNH HỘI LIÊN HIỆP PHỤ NỮ TỈNH THANH HÓA"),
])
def test_hoi_abbreviated_or_spelt_out_is_front(validator, superior, name):
    text = source("hoi_lhpn.txt").replace("HỘI LHPN VIỆT NAM\nBAN CHẤP HÀNH HỘI LHPN TỈNH THANH HÓA",
                                          f"{superior}\n{name}", 1)
    record = convert("hoi_lhpn.txt", text)
    issuer = record["issuer"]
    assert (issuer["name"], issuer["superiorBody"]) == (name, superior)
    assert (issuer["system"], issuer["level"], issuer["adminUnit"]["name"]) == ("front", "province", "Tỉnh Thanh Hóa")
    assert errors(validator, record) == []


@pytest.mark.parametrize("name", ["tinh_doan.txt", "hoi_lhpn.txt", "ubnd_tphcm.txt", "bo_y_te_can_cu.txt",
                                  "ban_dan_van_can_cu.txt"])
def test_text_document_text_document(name):
    first = convert(name)
    second = text_to_record(render(first), name)
    assert facts(second) == facts(first)


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


def test_a_ministry_is_central():
    issuer = convert("bo_y_te_can_cu.txt")["issuer"]
    assert (issuer["name"], issuer["system"], issuer["level"]) == ("BỘ Y TẾ", "state", "central")
    assert "adminUnit" not in issuer
