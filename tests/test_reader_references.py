"""Rules for citations, laws, timeframes and reporting duties, on sentences and on a fixture varied in
place; the facts a clerk reads from each plan of tests/fixtures/reader/references/ are in its facts
file. Each rule lists the readings that must not change."""

from __future__ import annotations

import re
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.common import Para
from khth.converters.text.duties import reporting, timeframe
from khth.converters.text.references import find_citations
from khth.schema.identifiers import CITATION_NAMES

from conftest import source_text


def errors(validator, record: dict) -> list:
    return [f for f in validator.check_data(record) if f.severity == "error"]


def cite(text: str) -> list[tuple]:
    return [(c.kind, c.document_type, c.number, c.date, c.issuer, c.title)
            for c in find_citations(Para(text, 1, 1))]


# --- the type a citation records follows its number's symbol --------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Thông báo số 45-TB/TU ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy", ("TB", "45-TB/TU")),
    ("Thực hiện Kết luận số 12-TB/TU ngày 01/02/2024", ("TB", "12-TB/TU")),
    ("Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Ban Bí thư", ("KL", "69-KL/TW")),
    ("Thực hiện Kế hoạch số 12/UBND-VP ngày 01/02/2024", ("CV", "12/UBND-VP")),  # no type code: a công văn's
    ("Thực hiện Kế hoạch liên tịch số 05-KH/TU ngày 01/02/2024", ("KH", "05-KH/TU")),
])
def test_type_follows_the_symbol(text, expected):
    (kind, code, number, *_), = cite(text)
    assert (code, number) == expected


def test_a_symbol_no_type_agrees_with_is_not_recorded():
    assert cite("Thực hiện Kế hoạch số 12-XYZ/TU ngày 01/02/2024 của Tỉnh ủy") == []


def test_a_qualifier_does_not_swallow_another_citation():
    # "Kế hoạch thực hiện Nghị quyết …" is a plan about a resolution, not a plan numbered 57-NQ/TW.
    assert [c[1:3] for c in cite("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024")] == \
        [("NQ", "57-NQ/TW")]


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Chương trình phối hợp số 02/CTrPH-MTTQ-UBND ngày 05/01/2024 của Ủy ban Mặt trận Tổ quốc huyện và "
     "Ủy ban nhân dân huyện về giám sát;",
     ("CTrPH", "02/CTrPH-MTTQ-UBND", "2024-01-05", "Ủy ban Mặt trận Tổ quốc huyện và Ủy ban nhân dân huyện")),
    ("Thực hiện Kế hoạch liên tịch số 05/KHLT-SNV-SYT ngày 20/02/2024 của Sở Nội vụ và Sở Y tế,",
     ("KHLT", "05/KHLT-SNV-SYT", "2024-02-20", "Sở Nội vụ và Sở Y tế")),
    # Three issuers: the first two joined by a comma.
    ("Theo Quy chế phối hợp số 01/QCPH-SNV-SYT-STC ngày 02/3/2024 của Sở Nội vụ, Sở Y tế và Sở Tài chính.",
     ("QCPH", "01/QCPH-SNV-SYT-STC", "2024-03-02", "Sở Nội vụ, Sở Y tế và Sở Tài chính")),
    ("Căn cứ Thông tư liên tịch số 01/2015/TTLT-BTP-BNV ngày 16/01/2015 của Bộ Tư pháp và Bộ Nội vụ;",
     ("TTLT", "01/2015/TTLT-BTP-BNV", "2015-01-16", "Bộ Tư pháp và Bộ Nội vụ")),
    # One issuer's number: the issuer ends at "và" as before.
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh và Sở Y tế tổ chức tập huấn.",
     ("KH", "12/KH-UBND", "2024-02-01", "UBND tỉnh")),
])
def test_joint_numbers_are_cited_with_every_issuer(text, expected):
    (kind, code, number, date, issuer, _), = cite(text)
    assert (code, number, date, issuer) == expected


_PARTY_CODES = ["KH", "CT", "NQ", "KL", "HD", "TB", "BC", "CTr", "ĐA", "QĐ", "QĐi", "TTr", "CV", "XYZ"]
_STATE_CODES = ["KH", "QĐ", "NQ", "CT", "TB", "BC", "TTr", "HD", "CĐ", "NĐ", "TT", "UBND"]


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted({n for names in CITATION_NAMES.values() for n in names} - {"Luật"})),
       qualifier=st.sampled_from(["", " hành động", " kết luận", " liên tịch"]),
       party=st.booleans(), serial=st.integers(1, 999),
       party_code=st.sampled_from(_PARTY_CODES), state_code=st.sampled_from(_STATE_CODES))
def test_converted_citations_never_disagree_with_their_symbol(validator, name, qualifier, party, serial,
                                                              party_code, state_code):
    number = f"{serial}-{party_code}/TU" if party else f"{serial}/{state_code}-UBND"
    text = source_text("references", "thong_bao_ket_luan_parent.txt").replace(
        "Thông báo kết luận số 1234-TB/TU", f"{name}{qualifier} số {number}")
    record = text_to_record(text, "t.txt")
    assert [f.code for f in errors(validator, record)] == []


# --- "Chương trình hành động số …" and the parent the title names ----------------------------------


# --- laws cited by name ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, title, date", [
    ("Căn cứ Luật Đất đai năm 2024;", "Luật Đất đai", "2024"),
    ("Căn cứ Luật Bảo vệ môi trường năm 2020;", "Luật Bảo vệ môi trường", "2020"),
    ("Căn cứ Luật Phòng, chống tham nhũng năm 2018;", "Luật Phòng, chống tham nhũng", "2018"),
    ("Căn cứ Luật Thực hành tiết kiệm, chống lãng phí năm 2013;", "Luật Thực hành tiết kiệm, chống lãng phí", "2013"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "Luật Tổ chức chính quyền địa phương", "2015-06-19"),
    ("Căn cứ Bộ luật Lao động năm 2019;", "Bộ luật Lao động", "2019"),
    ("Luật Khoa học và Công nghệ năm 2013;", "Luật Khoa học và Công nghệ", "2013"),
    ("thực hiện Luật Giáo dục 2019.", "Luật Giáo dục", "2019"),
    # what must not change: the name ends before the sentence goes on
    ("theo quy định của Luật Ngân sách nhà nước và phân cấp hiện hành.", "Luật Ngân sách nhà nước", None),
    ("quy định của Bộ luật hình sự về người chưa thành niên phạm tội", "Bộ luật hình sự", None),
    ("Luật Đất đai, đồng thời tăng cường quản lý đất đai trên địa bàn", "Luật Đất đai", None),
    ("Luật Trẻ em, Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ", "Luật Trẻ em", None),
])
def test_law_names_and_dates(text, title, date):
    laws = [c for c in cite(text) if c[1] == "L"]
    assert [(c[5], c[3]) for c in laws] == [(title, date)]


def test_law_with_its_number():
    (kind, code, number, date, _, title), = cite("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024;")
    assert (code, number, date, title) == ("L", "31/2024/QH15", "2024-01-18", "Luật Đất đai")


def test_not_laws():
    assert cite("Luật này có hiệu lực thi hành.") == []
    assert cite("tuyên truyền, phổ biến pháp luật về trẻ em.") == []


def test_amending_law_in_running_text():
    laws = cite("thực hiện đúng Luật Thể dục, thể thao năm 2006 và Luật sửa đổi, bổ sung một số điều của "
                "Luật Thể dục, thể thao năm 2018.")
    assert [(c[5], c[3]) for c in laws] == [
        ("Luật Thể dục, thể thao", "2006"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao", "2018")]


# --- the issuer: acting body, level ----------------------------------------------------------------


# --- timeframes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, expected", [
    ("Tháng 6/2024.", {"kind": "period", "start": "2024-06", "end": "2024-06"}),
    ("tháng 12 năm 2024", {"kind": "period", "start": "2024-12", "end": "2024-12"}),
    ("Quý III/2024", {"kind": "period", "start": "2024-07", "end": "2024-09"}),
    ("Quý I năm 2025.", {"kind": "period", "start": "2025-01", "end": "2025-03"}),
    ("Trong tháng 9 năm 2024", {"kind": "period", "start": "2024-09", "end": "2024-09"}),
    ("Tháng 5 và tháng 6 năm 2024.", {"kind": "period", "start": "2024-05", "end": "2024-06",
                                      "periods": [{"start": "2024-05", "end": "2024-05"},
                                                  {"start": "2024-06", "end": "2024-06"}]}),
    ("Từ ngày 15/10/2024 đến ngày 31/12/2024.", {"kind": "period", "start": "2024-10-15", "end": "2024-12-31"}),
    ("Từ tháng 6 đến tháng 8 năm 2024.", {"kind": "period", "start": "2024-06", "end": "2024-08"}),
    ("Từ tháng 10/2024 đến tháng 3/2025", {"kind": "period", "start": "2024-10", "end": "2025-03"}),
    ("6 tháng đầu năm 2024", {"kind": "period", "start": "2024-01", "end": "2024-06"}),
    ("Hoàn thành trong quý I/2025", {"kind": "deadline", "deadline": "2025-03"}),
    # what must not change
    ("Thường xuyên.", {"kind": "ongoing"}),
    ("Hoàn thành trước ngày 07/5/2024.", {"kind": "deadline", "deadline": "2024-05-07"}),
    ("Năm 2024.", {"kind": "period", "start": "2024", "end": "2024"}),
    ("Giai đoạn 2024 - 2030.", {"kind": "period", "start": "2024", "end": "2030"}),
    ("Hằng năm.", {"kind": "recurring", "frequency": "annual"}),
    ("Định kỳ 6 tháng.", {"kind": "recurring", "frequency": "semiannual"}),
])
def test_timeframes(printed, expected):
    assert timeframe(printed) == {**expected, "printed": printed}


@pytest.mark.parametrize("printed", ["Sau khi có hướng dẫn của cấp trên.", "Trước ngày 15 của tháng cuối quý",
                                     "Trước tháng 6/2024"])
def test_a_timeframe_that_cannot_be_read_is_not_given_a_kind(printed):
    assert timeframe(printed) is None


_PARTIAL = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_ROMAN = ["I", "II", "III", "IV"]


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(["month", "quarter", "months", "days"]), a=st.integers(1, 12), b=st.integers(1, 12),
       year=st.integers(2000, 2030), day=st.integers(1, 28), style=st.booleans())
def test_dated_timeframes_are_periods_in_order(kind, a, b, year, day, style):
    a, b = min(a, b), max(a, b)
    sep = "/" if style else " năm "
    printed = {
        "month": f"Tháng {a}{sep}{year}",
        "quarter": f"Quý {_ROMAN[(a - 1) // 3] if style else (a - 1) // 3 + 1}{sep}{year}",
        "months": f"Từ tháng {a} đến tháng {b}{sep}{year}",
        "days": f"Từ ngày {day}/{a}/{year} đến ngày {day}/{b}/{year}",
    }[kind]
    tf = timeframe(printed)
    assert tf is not None and tf["kind"] == "period"
    assert _PARTIAL.match(tf["start"]) and _PARTIAL.match(tf["end"])
    assert tf["start"] <= tf["end"]
    assert tf["start"].startswith(str(year))


# --- reporting duties -------------------------------------------------------------------------------

def test_two_report_days_in_one_duty():
    rep = reporting("Tham mưu thực hiện Kế hoạch; định kỳ 6 tháng báo cáo kết quả về Sở Giáo dục và Đào tạo "
                    "(qua Phòng Giáo dục Thể chất) trước ngày 15/6 và 15/12 hằng năm.")
    assert rep is not None
    assert rep["frequencies"] == ["semiannual"]  # "hằng năm" says the days recur, not a yearly report
    assert "deadline" not in rep  # two days: neither is the duty's one deadline
    assert rep["to"] == ["Sở Giáo dục và Đào tạo"]
    assert rep["printed"].endswith("trước ngày 15/6 và 15/12 hằng năm.")


@pytest.mark.parametrize("text, frequencies, deadline", [
    ("tổng hợp báo cáo Ban Thường vụ Huyện ủy (qua Ban Tổ chức Huyện ủy) trước ngày 30/11 hằng năm.",
     ["annual"], "--11-30"),
    ("định kỳ 6 tháng, hằng năm báo cáo Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).",
     ["annual", "semiannual"], None),
])
def test_reporting_that_must_not_change(text, frequencies, deadline):
    rep = reporting(text)
    assert rep is not None
    assert rep["frequencies"] == frequencies
    assert rep.get("deadline") == deadline


