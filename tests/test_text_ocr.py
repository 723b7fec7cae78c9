"""Reading OCR words: the confusions an OCR engine makes with Vietnamese print are tolerated only
where the reading stays beyond doubt; otherwise the OCR text is kept (restore gives None)."""

from __future__ import annotations

import pytest

from khth.converters.text import ocr
from khth.converters.text.common import start_conversion


@pytest.fixture(autouse=True)
def _fresh():
    start_conversion()


@pytest.mark.parametrize("printed,read", [
    ("Ban Thudng va Huyén uy", "Ban Thường vụ Huyện ủy"),  # "ườ" as "ud", "ụ" as "a", in a standing phrase
    ("Mat tran T6 qudc", "Mặt trận Tổ quốc"),  # "ổ" as "6" (a small letter), "ố" as "d"
    ("cac td chuc chinh tri - x& hoi huyén", "các tổ chức chính trị - xã hội huyện"),
    ("Toa a4n nhan dan huyén", "Tòa án nhân dân huyện"),  # the mark printed as a digit after its vowel
    ("Uy ban MTTQ va cac to chirc CT-XH huyén;", "Ủy ban MTTQ và các tổ chức CT-XH huyện;"),  # "ứ" as "ir"
    ("Thuong tryc Tinh ty (bao cao),", "Thường trực Tỉnh ủy (báo cáo),"),  # one edit in a standing phrase
    ("Luu Van phong Huyén tuy.", "Lưu Văn phòng Huyện ủy."),
    ("})inh Xuan Diing", None),  # "Đinh" or "Đình": left to the name reader (below)
    ("Ké hoach sé 260-KH/TU", "Kế hoạch số 260-KH/TU"),  # the citation grammar: type name, "số", number
    ("thuc hién Chi thi 6 28-CT/TW", "thực hiện Chỉ thị số 28-CT/TW"),
])
def test_words_read_through_ocr_confusions(printed, read):
    assert ocr.restore(printed) == read


@pytest.mark.parametrize("printed", [
    "PHUONG NAM DAN",  # Nam Đàn or Nấm Dẩn: two units of the code list, same letters
    "chim soc",  # "chim" is a word as printed: no general word ("chăm sóc") is read into it
    "tam nhin xyz",  # a word of no vocabulary
])
def test_what_is_not_beyond_doubt_stays_as_printed(printed):
    assert ocr.restore(printed) is None


def test_general_words_do_not_span_a_capital():
    assert ocr.restore("cac Ban Hoi dong nhan dan thi xa") == "các Ban Hội đồng nhân dân thị xã"


def test_words_printed_with_their_marks_keep_them():
    assert ocr.restore("Đinh Xuân Dũng") == "Đinh Xuân Dũng"


def test_a_personal_name_opens_with_its_family_name():
    assert ocr._read_name("})inh Xuan Diing") == "Đinh Xuân Dũng"


@pytest.mark.parametrize("printed,read", [
    ("PHO B]T“THUY", "PHÓ BÍ THƯ"), ("BAN THUONG MU", "BAN THƯỜNG VỤ"), ("PHO GIAM D6C", "PHÓ GIÁM ĐỐC"),
    ("XYZ", None), ("PHO", None),
])
def test_signing_block_words_from_their_closed_list(printed, read):
    assert (ocr.restore(printed) or ocr._signing_words(printed)) == read


def test_a_garbled_subject_is_read_with_another_printing():
    garbled = "vé ting clr(rng cong tac cham soc, giao dyc va bao vé tré em dap rng y&u ciu phét trién"
    other = "Chi thi sé 28-CT/TW caa Bo Chinh tri vé ting cuong cong tac cham soc, gido duc va bao vé tré em " \
            "dap ang yéu cau phat trién"
    assert ocr.restore(garbled) is None
    read, witness = ocr._read_with_printings(garbled, [other])
    assert read == "về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển"
    assert witness == other


def test_numbers_are_never_taken_from_another_printing():
    garbled = "vé ting clr(rng cong tac cham soc nam 2O23 giao dyc va bao vé tré em"
    other = "vé ting cuong cong tac cham soc nam 2024 giao duc va bao vé tré em"
    found = ocr._read_with_printings(garbled, [other])
    assert found is None or "2024" not in found[0]


def test_the_word_list_is_read_in_the_tone_placement_of_administrative_print():
    assert [ocr._modern_tone(w) for w in ("uỷ", "hoà", "khoẻ", "quý", "hoàn")] == ["ủy", "hòa", "khỏe", "quý", "hoàn"]


def test_a_cited_numbers_type_code_is_restored_from_the_type_its_sentence_names():
    from khth.converters.text.references import find_citations
    from khth.converters.text.common import Para

    text = ("Thực hiện Quyết định số 1456/QD-TTg ngày 02/8/2023 của Thủ tướng Chính phủ; trên cơ sở đề nghị "
            "tại Tờ trình số 124/TIr-SLĐTBXH ngày 25/6/2024 và Công văn số 12/TTr-UBND,")
    para = Para(text, 1, 1, offsets=[(0, 1)])
    cited = [(c.number, c.number_restored) for c in find_citations(para, ocr=True) if c.number]
    assert ("1456/QĐ-TTg", True) in cited and ("124/TTr-SLĐTBXH", True) in cited
    assert all(not restored for number, restored in cited if number.startswith("12/"))
