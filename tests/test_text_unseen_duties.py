"""Duties on plans the reader had not seen: timeframe captions other than "Thời gian thực hiện:",
reporting duties (who receives them, how often, on which day), timeframes stated in a task's own
sentence, and counted targets under "CHỈ TIÊU".

Fixtures (tests/fixtures/unseen/duties/) are plans from a review's probe (a Sở, a Tỉnh Đoàn, a
Huyện ủy, a UBND thành phố, a UBND huyện, a Ban Dân vận, a Hội LHPN), the last cut before its
appendix and with its task section written out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.body import caption
from khth.converters.text.common import fold
from khth.converters.text.duties import prose_timeframe, reporting, targets
from khth.converters.text.render import render

from conftest import walk_blocks, read_unseen

FIXTURES = Path(__file__).parent / "fixtures" / "unseen" / "duties"


def _read(name: str) -> dict:
    return read_unseen("duties", name)


def _block(name: str, opening: str) -> dict:
    """The one block of a fixture whose text opens with ``opening``."""
    found = [b for b in walk_blocks(_read(name)["body"]) if (b.get("text") or "").startswith(opening)]
    assert len(found) == 1, (opening, len(found))
    return found[0]


def _duties(record: dict) -> list[dict]:
    keys = ("role", "timeframe", "deadlines", "targets", "reporting")
    return [{k: b[k] for k in keys if k in b} for b in walk_blocks(record["body"])]


# --- timeframe captions -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Thời gian: tháng 12/2025.",
    "Thời gian thực hiện: Thường xuyên.",
    "Thời gian hoàn thành: trước ngày 15/8/2024.",
    "Thời gian tổ chức: ngày 26/3/2024.",
    "Thời gian triển khai: Quý II/2025.",
    "Thời hạn: 30/6/2024.",
    "Thời hạn hoàn thành: 30/6/2024.",
    "Tiến độ: Quý III/2024.",
    "Tiến độ thực hiện: từ tháng 4 đến tháng 6/2025.",
    "Tiến độ hoàn thành: tháng 9/2025.",
])
def test_timeframe_captions(line):
    found = caption(fold(line))
    assert found is not None and found[1] == "timeframe"


@pytest.mark.parametrize("line", [
    "Thời gian nghỉ hè: tổ chức sinh hoạt tại địa phương.",  # a time named, no caption of the task's
    "Tiền đề: Kết luận số 69-KL/TW.",  # "tiền đề" folds near "tiến độ"
    "Tiến hành: rà soát, cập nhật.",
    "thời gian các em học sinh nghỉ hè.",
])
def test_lines_that_are_no_timeframe_caption(line):
    found = caption(fold(line))
    assert found is None or found[1] != "timeframe"


@pytest.mark.parametrize("name, opening, timeframe", [
    ("so_tnmt_captions.txt", "Thời gian: tháng 12/2025.",
     {"kind": "period", "start": "2025-12", "end": "2025-12", "printed": "tháng 12/2025."}),
    ("so_tnmt_captions.txt", "Thời gian thực hiện: Quý III và Quý IV năm 2024.",  # unchanged
     {"kind": "period", "start": "2024-07", "end": "2024-12", "printed": "Quý III và Quý IV năm 2024."}),
    ("tinh_doan_thoi_gian.txt", "Thời gian: từ ngày 01/3/2024",  # the campaign's period, "II. CHỦ ĐỀ, THỜI GIAN"
     {"kind": "period", "start": "2024-03-01", "end": "2024-03-31",
      "printed": "từ ngày 01/3/2024 đến ngày 31/3/2024."}),
    ("tinh_doan_thoi_gian.txt", "Thời gian: ngày 03/3/2024.",
     {"kind": "period", "start": "2024-03-03", "end": "2024-03-03", "printed": "ngày 03/3/2024."}),
    ("tinh_doan_thoi_gian.txt", "Thời gian: các ngày Chủ nhật",
     {"kind": "period", "start": "2024-03", "end": "2024-03", "printed": "các ngày Chủ nhật trong tháng 3/2024."}),
    ("ban_dan_van_captions.txt", "Thời gian: Quý III/2024.",
     {"kind": "period", "start": "2024-07", "end": "2024-09", "printed": "Quý III/2024."}),
    ("ban_dan_van_captions.txt", "Thời gian: cả năm 2024.",
     {"kind": "period", "start": "2024", "end": "2024", "printed": "cả năm 2024."}),
    ("ban_dan_van_captions.txt", "Thời gian: từ ngày 01/8/2024",
     {"kind": "period", "start": "2024-08-01", "end": "2024-09-30",
      "printed": "từ ngày 01/8/2024 đến ngày 30/9/2024."}),
    ("ban_dan_van_captions.txt", "Thời gian: hoàn thành trước",
     {"kind": "deadline", "deadline": "2024-11-15", "printed": "hoàn thành trước ngày 15 tháng 11 năm 2024."}),
])
def test_caption_lines_give_their_timeframe(name, opening, timeframe):
    block = _block(name, opening)
    assert block["role"] == "timeframe"
    assert block["timeframe"] == timeframe


def test_every_dash_caption_of_a_youth_union_plan_is_read():
    timeframes = [b for b in walk_blocks(_read("tinh_doan_thoi_gian.txt")["body"]) if b.get("role") == "timeframe"]
    assert [b["timeframe"].get("start") for b in timeframes] == [
        "2024-03-01", "2024-03-03", "2024-03", "2024-03-17", "2024-03-25"]


# --- reporting duties ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, opening, expected", [
    # The frequency after the body is not part of its name; two due days fit no single deadline.
    ("so_tnmt_captions.txt", "Chi cục Bảo vệ môi trường là đơn vị đầu mối",
     {"frequencies": ["annual", "semiannual"], "to": ["UBND tỉnh"],
      "printed": "báo cáo UBND tỉnh định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)."}),
    ("ubnd_thanh_pho_inline_duties.txt", "Sở Kế hoạch và Đầu tư theo dõi",
     {"frequencies": ["quarterly"], "to": ["Ủy ban nhân dân Thành phố"],
      "printed": "báo cáo Ủy ban nhân dân Thành phố định kỳ hằng quý (trước ngày 20 của tháng cuối quý)."}),
    # "báo cáo sơ kết 6 tháng … và báo cáo tổng kết năm … về X": both reports, to X, no invented day.
    ("ban_dan_van_captions.txt", "Ban Dân vận các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây",
     {"frequencies": ["annual", "semiannual"], "to": ["Ban Dân vận Tỉnh ủy"],
      "printed": "báo cáo sơ kết 6 tháng trước ngày 10/6/2024 và báo cáo tổng kết năm trước ngày "
                 "15/11/2024 về Ban Dân vận Tỉnh ủy."}),
    ("hoi_lhpn_targets.txt", "Hội LHPN các huyện",
     {"frequencies": ["annual", "semiannual"], "to": ["Hội LHPN tỉnh"],
      "through": ["Ban Hỗ trợ phụ nữ phát triển kinh tế"],
      "printed": "báo cáo kết quả 6 tháng trước ngày 15/6/2024 và báo cáo năm trước ngày 15/11/2024 về Hội "
                 "LHPN tỉnh (qua Ban Hỗ trợ phụ nữ phát triển kinh tế)."}),
    # What is reported stands between "báo cáo" and "về" the body.
    ("ubnd_huyen_bullets.txt", "Định kỳ hằng tháng (trước ngày 25)",
     {"frequencies": ["monthly"], "to": ["UBND huyện"], "through": ["Trạm Chăn nuôi và Thú y huyện"],
      "printed": "Định kỳ hằng tháng (trước ngày 25) báo cáo tình hình dịch bệnh về UBND huyện (qua Trạm Chăn "
                 "nuôi và Thú y huyện)."}),
    # A monthly report inside a task's sentence, to no body named: the frequency is the duty.
    ("ubnd_thanh_pho_inline_duties.txt", "Sở Kế hoạch và Đầu tư chủ trì",
     {"frequencies": ["monthly"], "printed": "báo cáo tiến độ giải ngân hằng tháng, trước ngày 25 hằng tháng."}),
    # Unchanged: one day of the year, two bodies.
    ("huyen_uy_prose_timeframes.txt", "Văn phòng Huyện ủy theo dõi",
     {"frequencies": ["annual"], "deadline": "--11-25", "to": ["Ban Thường vụ Huyện ủy", "Ban Thường vụ Tỉnh ủy"],
      "printed": "định kỳ hằng năm (trước ngày 25/11) tổng hợp kết quả, báo cáo Ban Thường vụ Huyện ủy và "
                 "Ban Thường vụ Tỉnh ủy."}),
])
def test_reporting_duties(name, opening, expected):
    assert _block(name, opening)["reporting"] == expected


def test_dated_report_days_stay_dated_deadlines():
    block = _block("ban_dan_van_captions.txt",
                   "Ban Dân vận các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây")
    assert [d["date"] for d in block["deadlines"]] == ["2024-06-10", "2024-11-15"]
    assert "deadline" not in block["reporting"]


@pytest.mark.parametrize("text, expected", [
    # A day of the year with its year is that year's deadline, not "--01-15".
    ("Báo cáo kết quả 6 tháng trước ngày 15/6/2024 và báo cáo năm trước ngày 15/11/2024.",
     {"frequencies": ["annual", "semiannual"],
      "printed": "Báo cáo kết quả 6 tháng trước ngày 15/6/2024 và báo cáo năm trước ngày 15/11/2024."}),
    ("Định kỳ hằng năm, báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) "
     "trước ngày 20/11 để tổng hợp báo cáo theo quy định.",
     {"frequencies": ["annual"], "deadline": "--11-20", "to": ["UBND tỉnh"],
      "through": ["Sở Lao động - Thương binh và Xã hội"],
      "printed": "Định kỳ hằng năm, báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Lao động - Thương binh và Xã "
                 "hội) trước ngày 20/11 để tổng hợp báo cáo theo quy định."}),
    ("Các phòng định kỳ 6 tháng báo cáo UBND huyện trước ngày 15/6 và 15/12 hằng năm.",
     {"frequencies": ["semiannual"], "to": ["UBND huyện"],
      "printed": "định kỳ 6 tháng báo cáo UBND huyện trước ngày 15/6 và 15/12 hằng năm."}),
])
def test_report_days(text, expected):
    assert reporting(text) == expected


@pytest.mark.parametrize("text", [
    "Hình thành và quy định cơ chế thông tin, báo cáo thường xuyên theo định kỳ về công tác chăm sóc trẻ em.",
    "Báo cáo cải cách hành chính định kỳ",
    "Tổ chức tổng kết, báo cáo năm 2024 theo hướng dẫn.",  # one year's report, no frequency
])
def test_no_reporting_duty(text):
    assert reporting(text) is None


@settings(max_examples=60, deadline=None)
@given(d1=st.integers(1, 28), m1=st.integers(1, 12), d2=st.integers(1, 28), m2=st.integers(1, 12),
       year=st.integers(2020, 2030), body=st.sampled_from(["UBND tỉnh", "Ban Thường vụ Huyện ủy", "Sở Nội vụ"]))
def test_report_deadline_is_a_printed_day(d1, m1, d2, m2, year, body):
    """A reporting deadline is a day the sentence prints without its year, and only when it prints
    one such day; the body it goes to carries no frequency."""
    dated = f"báo cáo kết quả 6 tháng trước ngày {d1}/{m1}/{year} và báo cáo năm trước ngày {d2}/{m2}/{year} về {body}."
    rep = reporting(dated)
    assert rep is not None and "deadline" not in rep and rep["to"] == [body]
    yearly = f"Định kỳ hằng năm báo cáo {body} trước ngày {d1}/{m1}."
    assert reporting(yearly) == {"frequencies": ["annual"], "deadline": f"--{m1:02d}-{d1:02d}", "to": [body],
                                 "printed": yearly}
    two = f"báo cáo {body} định kỳ 6 tháng (trước ngày {d1}/{m1}) và hằng năm (trước ngày {d2}/{m2})."
    rep = reporting(two)
    assert rep["to"] == [body]
    assert ("deadline" in rep) == ((d1, m1) == (d2, m2))


# --- timeframes in a task's own sentence --------------------------------------------------------

@pytest.mark.parametrize("name, opening, timeframe", [
    ("huyen_uy_prose_timeframes.txt", "Ủy ban Mặt trận Tổ quốc",
     {"kind": "ongoing", "printed": "thường xuyên."}),
    ("huyen_uy_prose_timeframes.txt", "Công an huyện chủ trì",
     {"kind": "period", "start": "2025-04", "end": "2025-06", "printed": "trong Quý II/2025"}),
    ("huyen_uy_prose_timeframes.txt", "Ủy ban nhân dân huyện chủ trì",
     {"kind": "period", "start": "2025-04", "end": "2025-06", "printed": "từ tháng 4/2025 đến tháng 6/2025."}),
    # The date of the guidance cited after it is no second timeframe.
    ("huyen_uy_prose_timeframes.txt", "Ban Thường vụ Huyện ủy sơ kết",
     {"kind": "period", "start": "2027-12", "end": "2027-12", "printed": "vào tháng 12/2027"}),
    ("ubnd_thanh_pho_inline_duties.txt", "Sở Thông tin và Truyền thông chủ trì",
     {"kind": "period", "start": "2025-04", "end": "2025-06", "printed": "Quý II/2025."}),
    ("hoi_lhpn_targets.txt", "Tổ chức cuộc thi",
     {"kind": "period", "start": "2024-07", "end": "2024-09", "printed": "Quý III/2024."}),
    ("ubnd_huyen_bullets.txt", "Tiêm phòng bổ sung",
     {"kind": "recurring", "frequency": "monthly", "printed": "hằng tháng."}),
    ("ubnd_huyen_bullets.txt", "Tổ chức tháng tổng vệ sinh",
     {"kind": "period", "start": "2024-07-01", "end": "2024-07-31",
      "printed": "từ ngày 01/7/2024 đến ngày 31/7/2024"}),
])
def test_timeframe_in_a_task_sentence(name, opening, timeframe):
    block = _block(name, opening)
    assert block["role"] == "task"
    assert block["timeframe"] == timeframe


@pytest.mark.parametrize("name, opening", [
    ("ubnd_huyen_bullets.txt", "Tổ chức tiêm phòng vắc xin đợt I"),  # two rounds, two periods
    ("huyen_uy_prose_timeframes.txt", "Các chi, đảng bộ trực thuộc"),  # its dated deadline says it
    ("ubnd_thanh_pho_inline_duties.txt", "Sở Kế hoạch và Đầu tư chủ trì"),  # "hằng tháng" times the report
    ("ubnd_huyen_bullets.txt", "UBND các xã, thị trấn tuyên truyền"),  # "trong thời gian tiêm phòng"
])
def test_task_sentences_without_one_timeframe(name, opening):
    assert "timeframe" not in _block(name, opening)


def test_an_inline_caption_outside_the_tasks():
    """Under a heading that gives no role, only a caption says that the time is the item's."""
    text = "Tuyên truyền trực quan: treo băng rôn, khẩu hiệu; thời gian từ ngày 01/5/2024 đến ngày 25/5/2024."
    assert prose_timeframe(text, captions_only=True) == {
        "kind": "period", "start": "2024-05-01", "end": "2024-05-25",
        "printed": "từ ngày 01/5/2024 đến ngày 25/5/2024."}
    assert prose_timeframe("Tổ chức hội nghị vào ngày 15/3/2024.", captions_only=True) is None


@pytest.mark.parametrize("text", [
    "Thường xuyên đôn đốc, kiểm tra việc thực hiện.",  # an adverb of manner
    "Đưa vào quy hoạch sử dụng đất năm 2025.",  # "quy hoạch" is no quarter
    "Thực hiện trong Quý I/2025; sơ kết vào tháng 12/2025.",  # two timeframes
    "Tổ chức các hoạt động trong năm 2024.",  # a scope of the year, not read
])
def test_prose_that_states_no_single_timeframe(text):
    assert prose_timeframe(text) is None


@settings(max_examples=60, deadline=None)
@given(month=st.integers(1, 12), year=st.integers(2000, 2039), prep=st.sampled_from(["trong", "vào"]),
       lead=st.sampled_from(["Công an huyện chủ trì thực hiện", "Tổ chức sơ kết", "Hoàn thành việc rà soát"]))
def test_one_dated_adverbial_is_the_timeframe(month, year, prep, lead):
    text = f"{lead} {prep} tháng {month}/{year}."
    tf = prose_timeframe(text)
    assert tf == {"kind": "period", "start": f"{year}-{month:02d}", "end": f"{year}-{month:02d}",
                  "printed": f"{prep} tháng {month}/{year}"}
    assert prose_timeframe(text + f" Báo cáo kết quả {prep} tháng {month}/{year}.") is None


# --- targets ------------------------------------------------------------------------------------

def test_counted_target_under_chi_tieu():
    assert _block("hoi_lhpn_targets.txt", "Hỗ trợ ít nhất 150")["targets"] == [
        {"value": "150", "unit": "ý tưởng", "printed": "Hỗ trợ ít nhất 150 ý tưởng khởi nghiệp của phụ nữ."}]
    assert _block("hoi_lhpn_targets.txt", "100% cơ sở Hội")["targets"] == [  # unchanged
        {"value": "100", "unit": "%", "printed": "100% cơ sở Hội tổ chức truyền thông về khởi nghiệp."}]


def test_counts_outside_the_objectives_are_no_targets():
    assert "targets" not in _block("ubnd_huyen_bullets.txt", "UBND các xã, thị trấn tuyên truyền")
    assert targets("Hỗ trợ ít nhất 150 ý tưởng khởi nghiệp.") == []


@pytest.mark.parametrize("text, value, unit", [
    ("Phấn đấu đạt 10.000 hội viên mới.", "10000", "hội viên"),
    ("Thành lập tối thiểu 03 mô hình điểm.", "3", "mô hình"),
    ("Trồng mới không dưới 1,5 ha rừng.", "1.5", "ha"),
])
def test_counted_targets(text, value, unit):
    assert targets(text, objectives=True) == [{"value": value, "unit": unit, "printed": text}]


@pytest.mark.parametrize("text", [
    "Có trên 2,5 triệu lượt người tham gia.",  # a scale: 2,5 is not the count
    "Tuyên truyền ít nhất 02 lần/tuần.",  # a rate
    "Đặt 05 thùng rác tại mỗi khu phố.",  # "đặt" places, no minimum
    "Hoàn thành trước ngày 30/6/2024.",
])
def test_counts_that_are_no_target(text):
    assert targets(text, objectives=True) == []


# --- the record reads back the same ----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_duties_survive_the_round_trip(name):
    record = _read(name)
    again = text_to_record(render(record), name)
    assert _duties(again) == _duties(record)
