"""Rules for duties, on sentences: timeframe captions other than "Thời gian thực hiện:", reporting
duties (who receives them, how often, on which day), timeframes stated in a task's own sentence, and
counted targets. The duties the plans of tests/fixtures/reader/duties/ state are in their facts files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text.body import caption
from khth.converters.text.common import fold
from khth.converters.text.duties import prose_timeframe, reporting, targets, timeframe


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


# --- reporting duties ---------------------------------------------------------------------------


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
     {"frequencies": ["semiannual"], "dueDays": ["--06-15", "--12-15"], "to": ["UBND huyện"],
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


def test_counts_outside_the_objectives_are_no_targets():
    assert targets("Hỗ trợ ít nhất 150 ý tưởng khởi nghiệp.") == []


@pytest.mark.parametrize("text, value, unit, bound", [
    ("Phấn đấu đạt 10.000 hội viên mới.", "10000", "hội viên", None),
    ("Thành lập tối thiểu 03 mô hình điểm.", "3", "mô hình", "atLeast"),
    ("Trồng mới không dưới 1,5 ha rừng.", "1.5", "ha", "atLeast"),
])
def test_counted_targets(text, value, unit, bound):
    assert targets(text, objectives=True) == [{**({"bound": bound} if bound else {}), "value": value, "unit": unit,
                                               "printed": text}]


@pytest.mark.parametrize("text", [
    "Có trên 2,5 triệu lượt người tham gia.",  # a scale: 2,5 is not the count
    "Tuyên truyền ít nhất 02 lần/tuần.",  # a rate
    "Đặt 05 thùng rác tại mỗi khu phố.",  # "đặt" places, no minimum
    "Hoàn thành trước ngày 30/6/2024.",
])
def test_counts_that_are_no_target(text):
    assert targets(text, objectives=True) == []


# --- the record reads back the same ----------------------------------------------------------------



# --- what 1.1 adds: bounds, report days, listed periods ---------------------------------------------


@pytest.mark.parametrize("text, bound", [
    ("Phấn đấu ít nhất 90% hộ gia đình được tuyên truyền.", "atLeast"),
    ("Tối thiểu 85% trường học đạt chuẩn.", "atLeast"),
    ("Tỷ lệ bao phủ không dưới 70% dân số.", "atLeast"),
    ("Có 80% trở lên số xã đạt chuẩn.", "atLeast"),
    ("Tỷ lệ hồ sơ quá hạn không quá 5%.", "atMost"),
    ("Tỷ lệ hộ nghèo tối đa 3,5%.", "atMost"),
    ("Tỷ lệ tái nghèo 2% trở xuống.", "atMost"),
    ("Tỷ lệ hài lòng đạt trên 95%.", "moreThan"),
    ("Giảm tỷ lệ suy dinh dưỡng xuống dưới 12%.", "lessThan"),
    ("Đảm bảo 100% trẻ em được khám sức khỏe.", None),
    ("Trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 10%.", None),  # "dưới" bounds the age, not the target
    ("Có 80% cán bộ cấp xã trở lên được tập huấn.", None),  # "trở lên" follows the level, not the value
])
def test_a_targets_bound_is_the_word_before_its_value(text, bound):
    (target,) = targets(text)
    assert target.get("bound") == bound


@pytest.mark.parametrize("text, expected", [
    ("Các xã báo cáo về UBND huyện trước ngày 20 hằng tháng.", {"frequencies": ["monthly"], "dayOfMonth": 20}),
    ("Các xã báo cáo về UBND huyện trước ngày 5 mỗi tháng.", {"frequencies": ["monthly"], "dayOfMonth": 5}),
    ("Định kỳ hằng quý, các phòng báo cáo UBND huyện trước ngày 25 của tháng cuối quý.",
     {"frequencies": ["quarterly"], "dayOfMonth": 25, "monthOfQuarter": 3}),
    ("Các phòng báo cáo UBND huyện trước ngày 10 tháng đầu quý.",
     {"frequencies": ["quarterly"], "dayOfMonth": 10, "monthOfQuarter": 1}),
    ("Các tổ báo cáo tiến độ về UBND xã hằng tuần (thứ Sáu).", {"frequencies": ["weekly"], "weekday": "friday"}),
    ("Các tổ báo cáo tiến độ về UBND xã vào thứ Hai hằng tuần.", {"frequencies": ["weekly"], "weekday": "monday"}),
    # A day of the year stays the deadline; a day of the month with its month is no day of the month.
    ("Báo cáo kết quả về UBND huyện trước ngày 15 tháng 12 hằng năm.",
     {"frequencies": ["annual"], "deadline": "--12-15"}),
])
def test_report_days_of_the_month_quarter_and_week(text, expected):
    rep = reporting(text)
    assert rep is not None
    got = {k: rep[k] for k in ("deadline", "dayOfMonth", "monthOfQuarter", "weekday") if k in rep}
    assert {"frequencies": rep.get("frequencies", []), **got} == expected


@pytest.mark.parametrize("printed, periods", [
    ("Quý II và quý IV/2024.", [("2024-04", "2024-06"), ("2024-10", "2024-12")]),
    ("Quý I, quý III năm 2025.", [("2025-01", "2025-03"), ("2025-07", "2025-09")]),
    ("Tháng 3 và tháng 9/2024.", [("2024-03", "2024-03"), ("2024-09", "2024-09")]),
    ("Năm 2024 và 2025.", [("2024", "2024"), ("2025", "2025")]),
    ("Năm 2024, năm 2026 và năm 2028.", [("2024", "2024"), ("2026", "2026"), ("2028", "2028")]),
    ("Từ tháng 6 đến tháng 8 năm 2024.", None),  # a range is one period
    ("Tháng 5 - 6/2024.", None),
    ("Quý III/2024.", None),
])
def test_a_timeframe_keeps_the_periods_it_lists(printed, periods):
    tf = timeframe(printed)
    assert tf is not None and tf["kind"] == "period"
    got = [(p["start"], p["end"]) for p in tf["periods"]] if "periods" in tf else None
    assert got == periods
    if periods:
        assert (tf["start"], tf["end"]) == (periods[0][0], periods[-1][1])
