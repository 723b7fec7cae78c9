"""Administrative unit codes are inferred from the code list in force on the document's date: the
gso-2004 list (provinces, districts, communes) before the two-level local government of 1 July 2025,
the gso-2025 list (provinces, communes, wards, special zones) from that day; a reduced date that may
fall on either side gets no code; and a unit that is the list's only one of its name is still not taken
when the text places the issuer in another province."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import pytest

from khth.converters.text import text_to_record
from khth.schema import units
from khth.schema.codelists import DISTRICT_LEVEL_END, AdminUnitScheme

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
    # Đức Phổ was a thị xã; from 1 July 2025 there are no districts, so no unit of either list is its.
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
    (ward,) = units.lookup("Long Xuyên", AdminUnitScheme.GSO_2004, "commune", "phường")
    assert ward.province.short == "Hải Dương"
    elsewhere = text_to_record(WARD.format(year=2024, province="tỉnh An Giang"), "ward.txt")
    assert elsewhere["issuer"]["level"] == "commune" and "adminUnit" not in elsewhere["issuer"]
    there = text_to_record(WARD.format(year=2024, province="tỉnh Hải Dương"), "ward.txt")
    assert there["issuer"]["adminUnit"]["code"] == ward.code


dates = st.dates().map(lambda d: d.isoformat())
reduced = st.one_of(dates, dates.map(lambda d: d[:7]), dates.map(lambda d: d[:4]))


@given(reduced)
def test_a_date_is_read_with_the_list_in_force_on_every_day_it_may_stand_for(date):
    first = {4: date + "-01-01", 7: date + "-01", 10: date}[len(date)]
    last = {4: date + "-12-31", 7: date + "-31", 10: date}[len(date)]  # "-31" orders after any day
    expected = (AdminUnitScheme.GSO_2004 if last < DISTRICT_LEVEL_END else
                AdminUnitScheme.GSO_2025 if first >= DISTRICT_LEVEL_END else None)
    assert units.scheme_of_document(date) == expected


def test_a_unit_named_like_a_province_is_not_ruled_out_by_its_own_name():
    # "Xã Quảng Ninh" (Thanh Hóa) bears a province's name; its own name is no other province.
    text = WARD.format(year=2024, province="huyện Quảng Xương").replace("PHƯỜNG LONG XUYÊN", "XÃ QUẢNG NINH")
    text = text.replace("Ủy ban nhân dân phường", "Ủy ban nhân dân xã").replace("Long Xuyên,", "Quảng Ninh,")
    issuer = text_to_record(text, "xa.txt")["issuer"]
    (unit,) = units.lookup("Quảng Ninh", AdminUnitScheme.GSO_2004, "commune")
    assert issuer["adminUnit"]["code"] == unit.code == "16465"


def _after_reform(text: str) -> str:
    return text.replace("ngày 09 tháng 02 năm 2025", "ngày 09 tháng 9 năm 2025").replace("20/01/2025", "20/8/2025")


needs_2025_list = pytest.mark.skipif(units.units(AdminUnitScheme.GSO_2025) is None,
                                     reason="the gso-2025 list comes with the admin-2025 extra: "
                                            "pip install 'khth[admin-2025]' (package vietnamadminunits)")


@needs_2025_list
def test_a_ward_after_the_reform_gets_its_code_from_the_new_list():
    # From 1 July 2025 Phường Long Xuyên is An Giang's (the old list's only one was in Hải Dương).
    record = text_to_record(_after_reform(WARD.format(year=2025, province="tỉnh An Giang")), "ward.txt")
    (ward,) = units.lookup("Long Xuyên", AdminUnitScheme.GSO_2025, "commune", "phường")
    assert record["issueDate"] == "2025-09-09"
    assert record["issuer"]["adminUnit"] == {"code": ward.code, "scheme": "gso-2025", "name": "Phường Long Xuyên"}
    assert record["issuer"]["level"] == "commune"
    (fact,) = [f for f in record["provenance"]["inferred"] if f["field"] == "/issuer/adminUnit"]
    assert "gso-2025" in fact["note"] and "vietnamadminunits" in fact["note"]


PARTY_COMMUNE = """ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ BÌNH SƠN
*
Số 05-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bình Sơn, ngày 15 tháng 10 năm 2025
KẾ HOẠCH
thực hiện Chỉ thị số 45-CT/TW của Bộ Chính trị về lãnh đạo đại hội đảng bộ các cấp
Thực hiện Kế hoạch số 12-KH/TU ngày 01/10/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy xã
xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
Quán triệt đầy đủ nội dung Chỉ thị.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy xã theo dõi, báo cáo.
Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Lưu Văn phòng Đảng ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Văn Bình
"""


@needs_2025_list
def test_a_party_committee_of_a_new_commune_is_placed_by_its_party_organisation():
    # Three communes are called Bình Sơn from 2025; "ĐẢNG BỘ TỈNH QUẢNG NGÃI" says which.
    issuer = text_to_record(PARTY_COMMUNE, "xa.txt")["issuer"]
    (commune,) = [u for u in units.lookup("Bình Sơn", AdminUnitScheme.GSO_2025, "commune")
                  if u.province.short == "Quảng Ngãi"]
    assert issuer["adminUnit"] == {"code": commune.code, "scheme": "gso-2025", "name": "Xã Bình Sơn"}
    assert issuer["level"] == "commune"


@needs_2025_list
def test_a_province_after_the_reform_gets_its_new_code():
    text = PARTY_COMMUNE.replace("ĐẢNG BỘ TỈNH QUẢNG NGÃI\nĐẢNG ỦY XÃ BÌNH SƠN", "TỈNH ỦY GIA LAI")
    text = text.replace("Số 05-KH/ĐU", "Số 30-KH/TU").replace("Bình Sơn, ngày", "Gia Lai, ngày")
    issuer = text_to_record(text, "tinh.txt")["issuer"]
    (province,) = units.lookup("Gia Lai", AdminUnitScheme.GSO_2025, "province")
    assert issuer["adminUnit"] == province.admin_unit() and province.scheme == "gso-2025"


@needs_2025_list
def test_the_same_commune_before_the_reform_gets_no_code_from_the_new_list():
    # Xã Bình Sơn of Quảng Ngãi is a 2025 commune: in 2024 Bình Sơn there was a huyện.
    record = text_to_record(PARTY_COMMUNE.replace("năm 2025", "năm 2024").replace("/10/2025", "/10/2024"), "xa.txt")
    assert record["issueDate"] == "2024-10-15"
    assert record["issuer"].get("adminUnit", {}).get("scheme") != "gso-2025"
