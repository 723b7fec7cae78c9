"""Simple (scalar) types of the KHTH model.

Each simple type is declared once as an ``Annotated`` alias that carries both the pydantic
constraint and a :class:`SimpleType` marker. The schema generators read the marker, so the JSON
Schema pattern, the XSD facet and the Python check come from the same declaration.

Patterns are written in the subset that means the same in ECMA-262 (what JSON Schema specifies),
Python ``re``, Rust ``regex`` and XSD regular expressions: no anchors (JSON Schema output adds
``^…$``; XSD patterns are implicitly anchored), no non-capturing groups, no look-around, no ``.``
and no ``\\s`` (their meanings differ between the dialects). White space and line breaks are
written out as the character sets below, through the placeholders ``{WS}`` and ``{LB}``;
:func:`render_pattern` writes them for each dialect.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Annotated

from annotated_types import Ge, Le
from pydantic import AfterValidator, StringConstraints


# Line breaks: every boundary Python's str.splitlines() knows (LF, VT, FF, CR, FS, GS, RS, NEL, LS, PS);
# ECMA-262 line terminators (LF, CR, LS, PS) are among them.
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
# White space that is no line break: ECMA-262 \\s (TAB, SP, NBSP, ZWNBSP and the Zs category) and the unit
# separator Python's \\s adds. Together with LINE_BREAKS: the union of ECMA-262, Python and Rust \\s.
SPACES = "\t \x1f\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\ufeff"
WHITE_SPACE = SPACES + LINE_BREAKS
# Characters XML 1.0 cannot carry at all: an XSD pattern need not (and cannot) mention them.
_NOT_IN_XML = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"}


@dataclass(frozen=True)
class SimpleType:
    name: str
    base: str  # "string" | "integer" | "boolean"
    description: str
    vi: str
    pattern: str | None = None  # with {WS}/{LB} placeholders; see render_pattern
    json_format: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_length: int | None = None


def _one_char(ch: str, dialect: str) -> str:
    if ch in "\t\n\r":
        return {"\t": r"\t", "\n": r"\n", "\r": r"\r"}[ch]
    return f"&#x{ord(ch):X};" if dialect == "xsd" else f"\\u{ord(ch):04X}"  # the XSD writer keeps '&' as is


def _class_members(chars: str, dialect: str) -> str:
    """Characters written for the inside of a character class, in one dialect; runs of three or more
    consecutive code points as ranges."""
    points = sorted({ord(c) for c in chars if dialect != "xsd" or c not in _NOT_IN_XML})
    runs: list[list[int]] = []
    for cp in points:
        if runs and cp == runs[-1][-1] + 1:
            runs[-1].append(cp)
        else:
            runs.append([cp])
    out = []
    for run in runs:
        if len(run) >= 3:
            out.append(_one_char(chr(run[0]), dialect) + "-" + _one_char(chr(run[-1]), dialect))
        else:
            out.extend(_one_char(chr(cp), dialect) for cp in run)
    return "".join(out)


def render_pattern(pattern: str, dialect: str) -> str:
    """The pattern for "json" (ECMA-262, Python re and Rust regex read it alike) or "xsd"
    (character references for the XML attribute, characters XML cannot hold left out)."""
    return (pattern.replace("{WS}", _class_members(WHITE_SPACE, dialect))
            .replace("{LB}", _class_members(LINE_BREAKS, dialect)))


def _nfc(value: str) -> str:
    if unicodedata.normalize("NFC", value) != value:
        raise ValueError("text must be in Unicode NFC / văn bản phải ở dạng Unicode NFC")
    return value


# One line of printed text: no leading or trailing space, no line break.
TEXT = SimpleType("Text", "string",
                  "One line of text as printed, Unicode NFC, trimmed: no white space at either end, no line break.",
                  "Một dòng chữ như in, Unicode NFC, không có khoảng trắng ở hai đầu, không xuống dòng.",
                  pattern="[^{WS}]([^{LB}]*[^{WS}])?")
# Printed text that keeps its line breaks (the OCR layer of a scan, for example). Bounded by length, not a
# pattern: a pattern over megabytes of text is slow or refused in some engines.
LONG_TEXT = SimpleType("LongText", "string", "Text that may span several lines, Unicode NFC, not empty.",
                       "Văn bản có thể gồm nhiều dòng, Unicode NFC, không rỗng.", min_length=1)
# ISO 8601 calendar date, reduced precision allowed when the printed date is incomplete.
PARTIAL_DATE = SimpleType(
    "PartialDate", "string",
    "An ISO 8601 calendar date: YYYY-MM-DD, or YYYY-MM / YYYY when the printed date has a blank day or month.",
    "Ngày theo ISO 8601: YYYY-MM-DD, hoặc YYYY-MM / YYYY khi ngày hoặc tháng in để trống.",
    pattern=r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")
FULL_DATE = SimpleType("Date", "string", "An ISO 8601 calendar date, YYYY-MM-DD.",
                       "Ngày theo ISO 8601, YYYY-MM-DD.",
                       pattern=r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", json_format="date")
MONTH_DAY = SimpleType("MonthDay", "string",
                       "A day of the year that recurs every year, ISO 8601 --MM-DD (\"trước ngày 20/11\" → --11-20).",
                       "Một ngày lặp lại hằng năm, ISO 8601 --MM-DD (\"trước ngày 20/11\" → --11-20).",
                       pattern=r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
DATE_TIME = SimpleType("DateTime", "string",
                       "Date and time, ISO 8601 YYYY-MM-DDThh:mm:ss with an optional UTC offset; without one it is the "
                       "local time printed on the document (Viet Nam, UTC+07:00).",
                       "Ngày giờ ISO 8601 YYYY-MM-DDThh:mm:ss, có thể kèm độ lệch so với UTC; không kèm thì là giờ địa "
                       "phương in trên văn bản (Việt Nam, UTC+07:00).",
                       pattern=r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+\-][0-9]{2}:[0-9]{2})?")
IDENTIFIER = SimpleType("Identifier", "string", "A KHTH canonical identifier (see SPEC.md, Identifiers).",
                        "Mã định danh chuẩn KHTH (xem SPEC.md, mục Mã định danh).",
                        pattern=r"khth:[^{WS}:]+:[^{WS}:]*:[0-9\-]*:[^{WS}:]*(:[^{WS}:]+)?")
CODE = SimpleType("Code", "string", "A code as printed in a document number: letters (with Đ), digits, & and -.",
                  "Mã như in trong số ký hiệu văn bản: chữ cái (kể cả Đ), chữ số, & và -.",
                  pattern=r"[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*")
POINTER = SimpleType("JsonPointer", "string", "A JSON Pointer (RFC 6901) into this document.",
                     "Con trỏ JSON (RFC 6901) trỏ vào chính bản ghi này.",
                     pattern=r"(/[^/]*)*")
VERSION = SimpleType("Version", "string", "A KHTH version of major version 1, MAJOR.MINOR (1.0, 1.1, …).",
                     "Phiên bản KHTH thuộc phiên bản chính 1, dạng CHÍNH.PHỤ (1.0, 1.1, …).",
                     pattern=r"1\.[0-9]+")
SERIAL = SimpleType("Serial", "integer", "A document serial number (số), as a positive integer.",
                    "Số thứ tự của văn bản (số), là số nguyên dương.", minimum=1)
YEAR = SimpleType("Year", "integer", "A four-digit year.", "Năm, bốn chữ số.", minimum=1900)
LINE = SimpleType("LineNumber", "integer", "A 1-based line number in the source file.",
                  "Số thứ tự dòng (từ 1) trong tệp nguồn.", minimum=1)
DAY_OF_MONTH = SimpleType("DayOfMonth", "integer", "A day of the month, 1 to 31.", "Ngày trong tháng, từ 1 đến 31.",
                          minimum=1, maximum=31)
MONTH_OF_QUARTER = SimpleType("MonthOfQuarter", "integer", "A month of a quarter: 1 the first, 3 the last.",
                              "Tháng trong quý: 1 là tháng đầu, 3 là tháng cuối.", minimum=1, maximum=3)
BOOLEAN = SimpleType("Boolean", "boolean", "true or false.", "đúng (true) hoặc sai (false).")
DECIMAL = SimpleType("Decimal", "string", "A decimal number written with a dot, kept as a string so it round-trips.",
                     "Số thập phân viết với dấu chấm, giữ dạng chuỗi để không đổi khi chuyển qua lại.",
                     pattern=r"-?[0-9]+(\.[0-9]+)?")
COUNT = SimpleType("Count", "integer", "A whole number of things or units, at least 1.",
                   "Số nguyên chỉ số lượng, từ 1 trở lên.", minimum=1)


def _string(t: SimpleType):
    if t.pattern is None:
        return Annotated[str, StringConstraints(min_length=t.min_length), AfterValidator(_nfc), t]
    return Annotated[str, StringConstraints(pattern=f"^{render_pattern(t.pattern, 'json')}$"), AfterValidator(_nfc), t]


Text = _string(TEXT)
LongText = _string(LONG_TEXT)
PartialDate = _string(PARTIAL_DATE)
MonthDay = _string(MONTH_DAY)
DateTime = _string(DATE_TIME)
Identifier = _string(IDENTIFIER)
Code = _string(CODE)
JsonPointer = _string(POINTER)
Version = _string(VERSION)
Decimal = _string(DECIMAL)
Serial = Annotated[int, Ge(1), SERIAL]
Year = Annotated[int, Ge(1900), YEAR]
LineNumber = Annotated[int, Ge(1), LINE]
DayOfMonth = Annotated[int, Ge(1), Le(31), DAY_OF_MONTH]
MonthOfQuarter = Annotated[int, Ge(1), Le(3), MONTH_OF_QUARTER]
Boolean = Annotated[bool, BOOLEAN]
Count = Annotated[int, Ge(1), COUNT]

