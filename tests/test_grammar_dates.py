"""The date grammar: every printed style of a date reads back to the date it prints, and the
printed forms of real documents read to the right day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from khth.schema.grammar import (
    DateStyle, PrintedDate, find_date, format_citation_date, format_date, parse_date, parse_place_date,
)

_days = st.dates(min_value=date(1945, 9, 2), max_value=date(2099, 12, 31))
_places = st.sampled_from(["Quảng Ngãi", "Kon Tum", "Đức Phổ", "Chợ Chu", "Thành phố Hồ Chí Minh",
                           "TP. Hồ Chí Minh", "Buôn Ma Thuột", "Hà Nội"])
# Text a date stands in: words and punctuation, no digits and no date word.
_around = st.sampled_from(["", "Thực hiện ", "hoàn thành trước ", "(", "Căn cứ văn bản "])
_after = st.sampled_from(["", ".", ";", " của Ủy ban nhân dân tỉnh", ")"])
_DAY_STYLES = [DateStyle.SLASH, DateStyle.DASH, DateStyle.WORDS, DateStyle.SHORT]


def _value(d: date) -> PrintedDate:
    return PrintedDate(d.year, d.month, d.day)


@given(_days, st.sampled_from(_DAY_STYLES), _around, _after)
def test_each_day_style_reads_back(d, style, before, after):
    printed = format_date(_value(d), style)
    text = before + printed + after
    found = find_date(text)
    assert (found.year, found.month, found.day) == (d.year, d.month, d.day)
    assert text[found.start:found.end] == printed
    assert found.iso == d.isoformat()


@given(_days, _places, st.booleans())
def test_the_place_and_date_line_reads_back(d, place, broken):
    style = DateStyle.BROKEN if broken else DateStyle.PLACE
    printed = format_date(_value(d), style, place=place)
    assert ("\n" in printed) is broken
    found = parse_place_date(printed)
    assert (found.place, found.year, found.month, found.day) == (place, d.year, d.month, d.day)
    assert find_date(printed).iso == d.isoformat()


@given(_days, _places)
def test_a_blank_day_reads_as_the_month(d, place):
    value = PrintedDate(d.year, d.month)
    for printed in (format_date(value, DateStyle.BLANK_DAY), format_date(value, DateStyle.PLACE, place=place),
                    format_date(value, DateStyle.BROKEN, place=place)):
        found = find_date(printed)
        assert (found.year, found.month, found.day) == (d.year, d.month, None)
        assert found.iso == d.isoformat()[:7] and found.day is None
    assert parse_place_date(format_date(value, DateStyle.PLACE, place=place)).place == place


@given(_days, st.sampled_from([DateStyle.MONTH, DateStyle.YEAR]), _around, _after)
def test_months_and_years_read_back(d, style, before, after):
    value = PrintedDate(d.year, d.month if style is DateStyle.MONTH else None)
    printed = format_date(value, style)
    found = find_date(before + printed + after)
    assert (found.year, found.month, found.day) == (value.year, value.month, None)
    assert found.end - found.start == len(printed)


@given(_days)
def test_the_citation_form_reads_back_at_every_precision(d):
    for iso in (d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]):
        assert parse_date(format_citation_date(iso)) == iso


@pytest.mark.parametrize("text,expected", [
    ("04/3/2024", (2024, 3, 4)),
    ("04-3-2024", (2024, 3, 4)),
    ("ngày 08 tháng 01 năm 2019", (2019, 1, 8)),
    ("ngày 8/01/2019", (2019, 1, 8)),
    ("Kon Tum, ngày 11\ntháng 11 năm 2019", (2019, 11, 11)),
    ("tháng 4 năm 2024", (2024, 4, None)),
    ("ngày   tháng 4 năm 2024", (2024, 4, None)),
    ("Quảng Ngãi, ngày 04 tháng 3 năm 2024", (2024, 3, 4)),
    ("Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy", (2024, 3, 4)),
    ("hoàn thành trước ngày 07/5/2024.", (2024, 5, 7)),
    ("Luật Trẻ em năm 2016", (2016, None, None)),
    ("NGÀY 23 THÁNG 4 NĂM 2024", (2024, 4, 23)),
])
def test_printed_dates_read_to_their_day(text, expected):
    found = find_date(text)
    assert found is not None
    assert (found.year, found.month, found.day) == expected


def test_a_number_is_not_read_as_a_date():
    assert find_date("Kế hoạch số 260-KH/TU") is None
    assert find_date("56/2017/NĐ-CP") is None  # a yearly number: no day and month before the year


def test_a_date_off_the_calendar_has_no_iso_form():
    assert find_date("ngày 30/02/2024").iso is None
    assert parse_date("ngày 30/02/2024") is None
    assert find_date("tháng 13 năm 2024").iso is None


def test_ocr_digits_are_read_only_when_asked():
    text = "Kon Tum, ngày 2O tháng l1 năm 2O19"
    assert find_date(text) is None
    found = find_date(text, ocr=True)
    assert found.iso == "2019-11-20"


def test_the_place_line_gives_the_place():
    found = parse_place_date("ỦY BAN NHÂN DÂN Quảng Ngãi, ngày 04 tháng 3 năm 2024")
    assert found.iso == "2024-03-04"
    assert found.place.endswith("Quảng Ngãi")
    blank = parse_place_date("Chợ Chu, ngày    tháng 4 năm 2024")
    assert blank.place == "Chợ Chu" and blank.iso == "2024-04" and blank.day is None


def test_decree_30_pads_days_and_the_first_two_months():
    assert format_date(PrintedDate(2024, 3, 4), DateStyle.SLASH) == "04/3/2024"
    assert format_date(PrintedDate(2019, 1, 8), DateStyle.WORDS) == "ngày 08 tháng 01 năm 2019"
    assert format_date(PrintedDate(2024, 3, 4), DateStyle.PLACE, place="Quảng Ngãi") == \
        "Quảng Ngãi, ngày 04 tháng 3 năm 2024"
    assert format_date(PrintedDate(2019, 11, 11), DateStyle.BROKEN, place="Kon Tum") == \
        "Kon Tum, ngày 11\ntháng 11 năm 2019"
