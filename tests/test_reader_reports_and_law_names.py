"""Rules for citations (laws whose name holds "và", "Văn bản số …", an issuer that ends before the
subject, a plenum's body, laws to be drafted), reporting duties (who receives them, how often, on
which day of the year), agencies ("Hạt", "Đoàn", "Công đoàn", bare proper names, plural Party
committees) and timeframes that end with a whole year, on sentences. What the plans of
tests/fixtures/reader/ read is stated in their facts files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text.agencies import agencies_of_heading, split_agencies, task_agencies
from khth.converters.text.common import Para
from khth.converters.text.duties import reporting, timeframe
from khth.converters.text.references import find_citations


def _cites(text: str) -> list[tuple]:
    return [(c.document_type, c.number, c.date, c.issuer, c.title) for c in find_citations(Para(text, 1, 1))]


# --- reporting duties ---------------------------------------------------------------------------

def test_report_recipients_stop_before_what_the_report_is_about():
    rep = reporting("định kỳ hằng quý tham mưu Ban Thường vụ Thành ủy báo cáo Bộ Chính trị, Ban Bí thư "
                    "kết quả thực hiện.")
    assert rep["to"] == ["Bộ Chính trị", "Ban Bí thư"] and rep["frequencies"] == ["quarterly"]


@pytest.mark.parametrize("text, expected", [
    # Must not change: one day a year is annual with its deadline; a dated day is no day of the year.
    ("Định kỳ hằng năm báo cáo UBND tỉnh trước ngày 20/11.", (["annual"], "--11-20")),
    ("Báo cáo UBND huyện trước ngày 15 tháng 12 năm 2024.", None),
    ("Các phòng định kỳ 6 tháng báo cáo UBND huyện trước ngày 15/6 và 15/12 hằng năm.", (["semiannual"], None)),
    ("báo cáo Sở Y tế trước ngày 10/3, 10/6, 10/9 và 10/12 hằng năm.", (["quarterly"], None)),
])
def test_report_days_must_not_change(text, expected):
    rep = reporting(text)
    if expected is None:
        assert rep is None or "deadline" not in rep
    else:
        assert (rep["frequencies"], rep.get("deadline")) == expected


@settings(max_examples=40, deadline=None)
@given(d=st.integers(1, 28), m=st.integers(1, 12), body=st.sampled_from(["UBND tỉnh", "Ban Thường vụ Tỉnh ủy"]))
def test_a_day_in_words_is_the_day_in_figures(d, m, body):
    words = reporting(f"Định kỳ hằng năm báo cáo {body} trước ngày {d} tháng {m}.")
    figures = reporting(f"Định kỳ hằng năm báo cáo {body} trước ngày {d}/{m}.")
    assert words["deadline"] == figures["deadline"] == f"--{m:02d}-{d:02d}"
    assert words["to"] == [body]


# --- timeframes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("printed, expected", [
    ("từ tháng 6/2024 đến năm 2025", ("period", "2024-06", "2025-12")),
    # Must not change: the year of a month printed after a comma is that month's.
    ("hoàn thành trong tháng 6, năm 2024", ("deadline", "2024-06")),
    ("Quý III và Quý IV năm 2024.", ("period", "2024-07", "2024-12")),
    ("tháng 5 và tháng 6 năm 2024", ("period", "2024-05", "2024-06")),
])
def test_timeframes(printed, expected):
    tf = timeframe(printed)
    assert tuple(tf[k] for k in ("kind", "start", "end", "deadline") if k in tf) == expected


# --- citations ----------------------------------------------------------------------------------


def test_a_law_to_be_drafted_is_no_reference():
    assert _cites("Góp ý dự thảo Luật Đất đai (sửa đổi); thực hiện Luật Đất đai năm 2013.") == [
        ("L", None, "2013", None, "Luật Đất đai")]


@pytest.mark.parametrize("text, cited", [
    ("Căn cứ Luật Sử dụng năng lượng tiết kiệm và hiệu quả số 50/2010/QH12;",
     [("L", "50/2010/QH12", None, None, "Luật Sử dụng năng lượng tiết kiệm và hiệu quả")]),
    # Must not change: "và" into the sentence, or into another law, ends the name.
    ("Căn cứ Luật Đầu tư công và triển khai năm 2020", [("L", None, None, None, "Luật Đầu tư công")]),
    ("theo Luật Giáo dục và Luật Trẻ em năm 2016",
     [("L", None, None, None, "Luật Giáo dục"), ("L", None, "2016", None, "Luật Trẻ em")]),
    ("Căn cứ Luật Khoa học và Công nghệ năm 2013;", [("L", None, "2013", None, "Luật Khoa học và Công nghệ")]),
])
def test_law_names(text, cited):
    assert _cites(text) == cited


def test_van_ban_takes_the_type_its_symbol_says():
    assert _cites("theo Văn bản số 12/QĐ-UBND ngày 01/02/2024 của UBND tỉnh")[0][:2] == ("QĐ", "12/QĐ-UBND")


@pytest.mark.parametrize("text, issuer", [
    ("Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về",
     "Ban Chấp hành Trung ương Đảng"),
    # Must not change: a plenum named without its body keeps the printed words.
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII về một số vấn đề",
     "Hội nghị Trung ương 6 khóa XII"),
    ("Kế hoạch số 45-KH/TU ngày 10/01/2022 của Ban Thường vụ Tỉnh ủy Gia Lai về thực hiện",
     "Ban Thường vụ Tỉnh ủy Gia Lai"),
])
def test_plenum_issuer(text, issuer):
    assert _cites(text)[0][3] == issuer


# --- agencies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, subject", [
    ("Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy xây dựng kế hoạch thực hiện.", True),
    # Must not change: "Đoàn kết", "Đoàn viên" are words, not a body.
    ("Đoàn kết các tầng lớp nhân dân thực hiện tốt.", False),
    ("Đoàn viên thanh niên tích cực tham gia.", False),
])
def test_subjects(text, subject):
    assert bool(task_agencies(text)[0]) == subject


@pytest.mark.parametrize("text, agencies", [
    ("Viettel Lào Cai, VNPT Lào Cai", ["Viettel Lào Cai", "VNPT Lào Cai"]),
    # Must not change: a body's name goes on through its own comma.
    ("Bộ Văn hóa, Thể thao và Du lịch", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", ["Trung tâm Văn hóa, Thể thao và Truyền thanh huyện"]),
    ("Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh", ["Báo Lào Cai", "Đài Phát thanh - Truyền hình tỉnh"]),
])
def test_split_bare_names(text, agencies):
    assert split_agencies(text) == agencies


def test_hat_heading():
    assert agencies_of_heading("Hạt Kiểm lâm huyện") == ["Hạt Kiểm lâm huyện"]


# --- closing ------------------------------------------------------------------------------------


