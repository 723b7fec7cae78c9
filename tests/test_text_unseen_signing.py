"""Headers and signing blocks of published copies: a ministry's name wrapped inside its words, and
"(Đã ký)" printed where the signature stood."""

from __future__ import annotations

import pytest

from khth.converters.text.common import fold
from khth.converters.text.render import render
from khth.converters.text import text_to_record
from khth.converters.text.signature import SIGNED_MARK

from conftest import facts, read_unseen


def test_a_ministry_name_wrapped_over_two_lines_is_one_issuer():
    issuer = read_unseen("signing", "08_bo_nnptnt_2022.txt")["issuer"]
    assert issuer["name"] == "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"
    assert "superiorBody" not in issuer and issuer["level"] == "central"


def test_a_signed_copy_mark_is_no_name():
    record = read_unseen("signing", "01_ubnd_tp_can_tho_2024.txt")
    assert record["signature"] == {"authority": [{"marker": "TM.", "of": "ỦY BAN NHÂN DÂN"},
                                                 {"marker": "KT.", "of": "CHỦ TỊCH"}],
                                   "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Thực Hiện"}
    assert any("(Đã ký)" in n and "signed copy" in n for n in record["provenance"]["notes"])


@pytest.mark.parametrize("name", ["01_ubnd_tp_can_tho_2024.txt", "08_bo_nnptnt_2022.txt"])
def test_both_read_back_from_their_rendering(name, validator):
    record = read_unseen("signing", name)
    assert facts(text_to_record(render(record), name)) == facts(record)
    assert not [f for f in validator.check_data(dict(record, khthVersion="1.0")) if f.severity == "error"]


@pytest.mark.parametrize("printed,mark", [
    ("(Đã ký)", True), ("[Đã ký]", True), ("Đã ký", True), ("(Ký tên, đóng dấu)", True),
    ("(đã ký và đóng dấu)", True), ("(ký)", True),
    # Must not change: names and places that read "Ký"/"Kỳ".
    ("Kỳ Anh", False), ("Nguyễn Văn Ký", False), ("Ký Văn Tâm", False), ("Lê Thị Kỳ Duyên", False),
])
def test_what_counts_as_a_signed_copy_mark(printed, mark):
    assert bool(SIGNED_MARK.match(fold(printed))) is mark


@pytest.mark.parametrize("lines,issuer", [
    (["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    (["BỘ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"], "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
])
def test_other_names_wrapped_inside_their_words(lines, issuer):
    text = "\n".join(lines + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Số: 12/KH-BVHTTDL", "Hà Nội, ngày 04 tháng 3 năm 2022", "KẾ HOẠCH",
                              "Triển khai thực hiện Quyết định số 150/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ",
                              "I. MỤC ĐÍCH, YÊU CẦU", "Triển khai đồng bộ.", "Nơi nhận:", "- Lưu: VT.",
                              "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"])
    assert text_to_record(text, "x.txt")["issuer"]["name"] == issuer
