"""Dates as Vietnamese documents print them, and one formatter per printed style.

Printed forms: "04/3/2024", "04-3-2024", "ngày 08 tháng 01 năm 2019", "ngày 8/01/2019", a date
broken over two lines ("Kon Tum, ngày 11\\ntháng 11 năm 2019"), a month ("tháng 4 năm 2024"), a
form's date with the day left blank ("ngày   tháng 4 năm 2024"), a year ("năm 2024"), and the
place-and-date line of a header ("Quảng Ngãi, ngày 04 tháng 3 năm 2024"). Nghị định 30/2020/NĐ-CP
pads a day below 10 and the months 1 and 2 with a zero ("ngày 04 tháng 02 năm 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

# The words of a date as printed and as OCR reads them ("ngay", "thang", "nam", "ngảy").
DAY_WORD = r"ng\w{1,2}y"
MONTH_WORD = r"th\w{1,2}ng"
YEAR_WORD = r"n\w{1,2}m"
# OCR reads 0 as O and 1 as l or I in digits ("2O24", "l1/3/2024"): read only when asked.
_OCR_DIGITS = str.maketrans("OoIl", "0011")


def _digit(ocr: bool) -> str:
    return r"[\dOoIl]" if ocr else r"\d"


def _date_pattern(ocr: bool) -> re.Pattern[str]:
    d = _digit(ocr)
    # The day is left blank on a form ("ngày   tháng 4 năm 2024"); the separators may differ.
    words = (rf"(?<!\w){DAY_WORD}\s*(?P<d>{d}{{1,2}})?\s*(?:{MONTH_WORD}|[/.-])\s*(?P<m>{d}{{1,2}})?\s*"
             rf"(?:,?\s*{YEAR_WORD}|[/.-])\s*(?P<y>{d}{{4}})(?!\d)")
    numeric = rf"(?<![\d/.-])(?P<nd>{d}{{1,2}})(?P<s>[/.-])(?P<nm>{d}{{1,2}})(?P=s)(?P<ny>{d}{{4}})(?![\d/])"
    month = rf"(?<!\w){MONTH_WORD}\s*(?P<mm>{d}{{1,2}})\s*(?:{YEAR_WORD}\s*|/\s*)(?P<my>{d}{{4}})(?!\d)"
    year = rf"(?<!\w){YEAR_WORD}\s+(?P<yy>{d}{{4}})(?!\d)"
    return re.compile("|".join((words, numeric, month, year)), re.IGNORECASE)


_DATE = _date_pattern(False)
_DATE_OCR = _date_pattern(True)
# A date's day, month and year without the word "ngày" before them, as a citation's date group
# holds them ("04/3/2024", "27 tháng 3 năm 2024").
# The caller has matched the form already: the three numbers are read in order.
_DAY_MONTH_YEAR = re.compile(r"(?P<d>\d{1,2})\D+?(?P<m>\d{1,2})\D+?(?P<y>\d{4})")
# A day, month and year in numbers, the separators perhaps spaced ("07/5/2024", "07 - 5 - 2024").
NUMERIC_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"

# "Đức Phổ, ngày 23 tháng 4 năm 2024"; the day or month may be left blank on the form. The place
# may carry its unit's kind, spelt out ("Thành phố Hồ Chí Minh") or abbreviated ("TP. Hồ Chí Minh"),
# and a dash between two names ("Bà Rịa - Vũng Tàu").
# White space between the words may be a line break: a narrow column breaks the line.
PLACE_DATE_LINE = re.compile(
    r"(?P<place>(?:(?:Thành|THÀNH)\s+(?:phố|PHỐ)\s+|(?:Thị|THỊ)\s+(?:xã|XÃ|trấn|TRẤN)\s+)?"
    r"(?:[A-ZĐÀ-Ỹ][^\s,]*\s?(?:[-–]\s?(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ]))?){1,5}),\s*ng\w{1,2}y\s*(?P<d>\d{1,2})?\s*th\w{1,2}ng\s*(?P<m>\d{1,2})?\s*"
    r"n\w{1,2}m\s*(?P<y>\d{4})")


@dataclass(frozen=True)
class PrintedDate:
    """A printed date: the day or the month may be absent (a month, a year, a blank day)."""

    year: int
    month: int | None = None
    day: int | None = None
    start: int = 0  # the span of the printed date in the text it was read from
    end: int = 0
    place: str | None = None

    @property
    def iso(self) -> str | None:
        """ISO 8601 at the precision printed (YYYY, YYYY-MM, YYYY-MM-DD); None for a date the
        calendar does not have (a month 13, 30 February)."""
        if self.month is None:
            return f"{self.year:04d}"
        if not 1 <= self.month <= 12:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        try:
            return date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None


def _int(text: str | None) -> int | None:
    return int(text.translate(_OCR_DIGITS)) if text else None


def find_date(text: str, pos: int = 0, ocr: bool = False) -> PrintedDate | None:
    """The first date printed in ``text`` from ``pos``, in any of the printed forms; ``ocr`` reads
    O as 0 and l or I as 1 in its digits."""
    m = (_DATE_OCR if ocr else _DATE).search(text, pos)
    if not m:
        return None
    if m["y"]:
        month = _int(m["m"])
        return PrintedDate(_int(m["y"]), month, _int(m["d"]) if month is not None else None,  # type: ignore[arg-type]
                           m.start(), m.end())
    if m["ny"]:
        return PrintedDate(_int(m["ny"]), _int(m["nm"]), _int(m["nd"]), m.start(), m.end())  # type: ignore[arg-type]
    if m["my"]:
        return PrintedDate(_int(m["my"]), _int(m["mm"]), None, m.start(), m.end())  # type: ignore[arg-type]
    return PrintedDate(_int(m["yy"]), None, None, m.start(), m.end())  # type: ignore[arg-type]


def parse_date(text: str) -> str | None:
    """The first date printed in ``text`` as ISO (reduced precision when the day or month is
    absent); None when there is none or the printed date is not in the calendar."""
    found = find_date(text)
    return found.iso if found else None


def parse_day_month_year(text: str) -> PrintedDate | None:
    """A day, month and year at the start of ``text`` without the word "ngày" ("04/3/2024", "27
    tháng 3 năm 2024"): the date group of a citation."""
    m = _DAY_MONTH_YEAR.match(text)
    if not m:
        return None
    return PrintedDate(int(m["y"]), int(m["m"]), int(m["d"]), m.start(), m.end())


def calendar_date(day: str | int, month: str | int, year: str | int) -> str | None:
    """The ISO date of a printed day, month and year; None when the calendar has no such day."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_place_date(text: str) -> PrintedDate | None:
    """The place-and-date line of a header ("Quảng Ngãi, ngày 04 tháng 3 năm 2024"), found anywhere
    in ``text``; the day or the month may be blank."""
    m = PLACE_DATE_LINE.search(text)
    if not m:
        return None
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] and month is not None else None
    return PrintedDate(int(m["y"]), month, day, m.start(), m.end(), " ".join(m["place"].split()))


# --- printing ------------------------------------------------------------------------------------

class DateStyle(str, Enum):
    SLASH = "slash"  # 04/3/2024
    DASH = "dash"  # 04-3-2024
    WORDS = "words"  # ngày 08 tháng 01 năm 2019
    SHORT = "short"  # ngày 8/01/2019: "ngày" and the numbers (Nghị định 30's citation form)
    PLACE = "place"  # Quảng Ngãi, ngày 04 tháng 3 năm 2024
    BROKEN = "broken"  # Kon Tum, ngày 11 / tháng 11 năm 2019: the line broken after the day
    MONTH = "month"  # tháng 4 năm 2024
    BLANK_DAY = "blank-day"  # ngày   tháng 4 năm 2024
    YEAR = "year"  # năm 2024


def _day(d: int) -> str:
    return f"{d:02d}"


def _month(m: int) -> str:
    return f"{m:02d}" if m < 3 else str(m)


def format_numeric(value: PrintedDate, sep: str = "/") -> str:
    return f"{_day(value.day)}{sep}{_month(value.month)}{sep}{value.year}"  # type: ignore[arg-type]


def format_words(value: PrintedDate) -> str:
    return f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"  # type: ignore[arg-type]


def format_place_date(value: PrintedDate, place: str | None = None, broken: bool = False) -> str:
    """"Quảng Ngãi, ngày 04 tháng 3 năm 2024"; ``broken``: the line broken after the day, as a
    narrow column prints it."""
    where = place or value.place or ""
    words = format_words(value) if value.day is not None else format_blank_day(value)
    if broken:
        words = words.replace(" tháng ", "\ntháng ", 1)
    return f"{where}, {words}"


def format_month(value: PrintedDate) -> str:
    return f"tháng {value.month} năm {value.year}"


def format_blank_day(value: PrintedDate, blank: int = 3) -> str:
    return f"ngày{' ' * blank}tháng {value.month} năm {value.year}"


def format_year(value: PrintedDate) -> str:
    return f"năm {value.year}"


def format_date(value: PrintedDate, style: DateStyle, place: str | None = None) -> str:
    """``value`` printed in ``style``."""
    if style is DateStyle.SLASH:
        return format_numeric(value, "/")
    if style is DateStyle.DASH:
        return format_numeric(value, "-")
    if style is DateStyle.WORDS:
        return format_words(value)
    if style is DateStyle.SHORT:
        return "ngày " + format_numeric(value, "/")
    if style in (DateStyle.PLACE, DateStyle.BROKEN):
        return format_place_date(value, place, broken=style is DateStyle.BROKEN)
    if style is DateStyle.MONTH:
        return format_month(value)
    if style is DateStyle.BLANK_DAY:
        return format_blank_day(value)
    return format_year(value)


def format_citation_date(iso: str) -> str:
    """ISO date → the Vietnamese citation form (Nghị định 30/2020: day padded, months 1–2 padded)."""
    parts = [int(p) for p in iso.split("-")]
    value = PrintedDate(*parts[:1], *parts[1:2], *parts[2:3])  # type: ignore[misc]
    if value.day is not None:
        return format_date(value, DateStyle.SHORT)
    if value.month is not None:
        return format_month(value)
    return format_year(value)
