"""Administrative unit codes are inferred only where the code list describes the issuer's unit:
the gso-2004 list predates the two-level local government of 1 July 2025, and a unit that is the
list's only one of its name is still not taken when the text places the issuer in another province."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from khth.converters.text import gazetteer, text_to_record

from conftest import SOURCES

SEED = "000_a86e3adf03591467.txt"  # Thị ủy Đức Phổ, 23 April 2024


def _seed(date_line: str) -> dict:
    text = (SOURCES / SEED).read_text(encoding="utf-8").replace("ngày 23 tháng 4 năm 2024", date_line, 1)
    return text_to_record(text, SEED)


def test_a_plan_before_the_reform_gets_its_code():
    issuer = _seed("ngày 23 tháng 4 năm 2024")["issuer"]
    assert issuer["adminUnit"] == {"code": "534", "scheme": "gso-2004", "name": "Thị xã Đức Phổ"}
    assert issuer["level"] == "district"


def test_a_plan_after_the_reform_gets_no_code_from_the_old_list():
    record = _seed("ngày 23 tháng 8 năm 2025")
    assert record["issueDate"] == "2025-08-23"
    assert "adminUnit" not in record["issuer"]
    assert all(f["field"] != "/issuer/adminUnit" for f in record["provenance"].get("inferred", []))


WARD = """ỦY BAN NHÂN DÂN
PHƯỜNG LONG XUYÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 18/KH-UBND
Long Xuyên, ngày 09 tháng 02 năm {year}
KẾ HOẠCH
Triển khai thực hiện Đề án 06 trên địa bàn phường
Thực hiện Kế hoạch số 25/KH-UBND ngày 20/01/{year} của Ủy ban nhân dân {province} về triển khai Đề án 06,
Ủy ban nhân dân phường ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Triển khai đồng bộ các nhiệm vụ của Đề án.
II. TỔ CHỨC THỰC HIỆN
Công an phường chủ trì, tham mưu triển khai thực hiện Kế hoạch.
Nơi nhận:
- UBND {province} (để b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def test_the_only_unit_of_a_name_is_not_taken_from_another_province():
    # Before the reform the list holds one Phường Long Xuyên, in Hải Dương.
    (ward,) = [u for u in gazetteer.lookup("Long Xuyên", "commune") if u.kind == "phường"]
    assert ward.province.short == "Hải Dương"
    elsewhere = text_to_record(WARD.format(year=2024, province="tỉnh An Giang"), "ward.txt")
    assert elsewhere["issuer"]["level"] == "commune" and "adminUnit" not in elsewhere["issuer"]
    there = text_to_record(WARD.format(year=2024, province="tỉnh Hải Dương"), "ward.txt")
    assert there["issuer"]["adminUnit"]["code"] == ward.code


dates = st.dates().map(lambda d: d.isoformat())
reduced = st.one_of(dates, dates.map(lambda d: d[:7]), dates.map(lambda d: d[:4]))


@given(reduced)
def test_a_date_is_covered_when_every_day_it_may_stand_for_is_before_the_reform(date):
    last = {4: date + "-12-31", 7: date + "-31", 10: date}[len(date)]  # "-31" orders after any day
    assert gazetteer.covers(date) == (last < gazetteer.REFORM)


def test_a_unit_named_like_a_province_is_not_ruled_out_by_its_own_name():
    # "Xã Quảng Ninh" (Thanh Hóa) bears a province's name; its own name is no other province.
    text = WARD.format(year=2024, province="huyện Quảng Xương").replace("PHƯỜNG LONG XUYÊN", "XÃ QUẢNG NINH")
    text = text.replace("Ủy ban nhân dân phường", "Ủy ban nhân dân xã").replace("Long Xuyên,", "Quảng Ninh,")
    issuer = text_to_record(text, "xa.txt")["issuer"]
    (unit,) = gazetteer.lookup("Quảng Ninh", "commune")
    assert issuer["adminUnit"]["code"] == unit.code == "16465"
