"""Simple (scalar) types of the KHTH model.

Each simple type is declared once as an ``Annotated`` alias that carries both the pydantic
constraint and a :class:`SimpleType` marker. The schema generators read the marker, so the JSON
Schema pattern, the XSD facet and the Python check come from the same declaration.

Patterns are written in the subset shared by ECMA-262 (JSON Schema) and XSD regular
expressions: no anchors (JSON Schema output adds ``^…$``; XSD patterns are implicitly anchored),
no non-capturing groups, no look-around.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Annotated

from annotated_types import Ge
from pydantic import AfterValidator, StringConstraints


@dataclass(frozen=True)
class SimpleType:
    name: str
    base: str  # "string" | "integer" | "boolean"
    description: str
    pattern: str | None = None
    json_format: str | None = None
    minimum: int | None = None


def _nfc(value: str) -> str:
    if unicodedata.normalize("NFC", value) != value:
        raise ValueError("text must be in Unicode NFC / văn bản phải ở dạng Unicode NFC")
    return value


# One line of printed text: no leading or trailing space, no line break.
TEXT = SimpleType("Text", "string", "One line of text as printed, Unicode NFC, trimmed, without line breaks.",
                  pattern=r"[^\s](.*[^\s])?")
# Printed text that keeps its line breaks (the OCR layer of a scan, for example).
LONG_TEXT = SimpleType("LongText", "string", "Text that may span several lines, Unicode NFC.",
                       pattern=r"(.|\n|\r)+")
# ISO 8601 calendar date, reduced precision allowed when the printed date is incomplete.
PARTIAL_DATE = SimpleType(
    "PartialDate", "string",
    "An ISO 8601 calendar date: YYYY-MM-DD, or YYYY-MM / YYYY when the printed date has a blank day or month.",
    pattern=r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")
FULL_DATE = SimpleType("Date", "string", "An ISO 8601 calendar date, YYYY-MM-DD.",
                       pattern=r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", json_format="date")
MONTH_DAY = SimpleType("MonthDay", "string",
                       "A day of the year that recurs every year, ISO 8601 --MM-DD (\"trước ngày 20/11\" → --11-20).",
                       pattern=r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
DATE_TIME = SimpleType("DateTime", "string",
                       "Date and time, ISO 8601 YYYY-MM-DDThh:mm:ss with an optional UTC offset; without one it is the "
                       "local time printed on the document (Viet Nam, UTC+07:00).",
                       pattern=r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+\-][0-9]{2}:[0-9]{2})?")
IDENTIFIER = SimpleType("Identifier", "string", "A KHTH canonical identifier (see SPEC.md, Identifiers).",
                        pattern=r"khth:[^\s:]+:[^\s:]*:[0-9\-]*:[^\s:]*(:[^\s:]+)?")
CODE = SimpleType("Code", "string", "A code as printed in a document number: letters (with Đ), digits, & and -.",
                  pattern=r"[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*")
POINTER = SimpleType("JsonPointer", "string", "A JSON Pointer (RFC 6901) into this document.",
                     pattern=r"(/[^/]*)*")
VERSION = SimpleType("Version", "string", "A KHTH version of major version 1, MAJOR.MINOR (1.0, 1.1, …).",
                     pattern=r"1\.[0-9]+")
SERIAL = SimpleType("Serial", "integer", "A document serial number (số), as a positive integer.", minimum=1)
YEAR = SimpleType("Year", "integer", "A four-digit year.", minimum=1900)
LINE = SimpleType("LineNumber", "integer", "A 1-based line number in the source file.", minimum=1)
BOOLEAN = SimpleType("Boolean", "boolean", "true or false.")
DECIMAL = SimpleType("Decimal", "string", "A decimal number written with a dot, kept as a string so it round-trips.",
                     pattern=r"-?[0-9]+(\.[0-9]+)?")


def _string(t: SimpleType):
    assert t.pattern is not None
    return Annotated[str, StringConstraints(pattern=f"^{t.pattern}$"), AfterValidator(_nfc), t]


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
Boolean = Annotated[bool, BOOLEAN]

