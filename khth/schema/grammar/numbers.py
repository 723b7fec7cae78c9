"""Document numbers: the printed number and symbol ↔ its parts.

Party (Hướng dẫn 36-HD/VPTW): ``serial-TYPE/ISSUER`` ("192-KH/TU", "28-CT/TW", "145-KH/HU").
State (Nghị định 30/2020/NĐ-CP): ``serial[/year]/TYPE-ISSUER`` ("2995/KH-UBND", "56/2017/NĐ-CP");
a công văn prints no type code, its symbol opening with the issuer ("1761/UBND-VP"); a law or
resolution of the National Assembly ends with the legislature ("102/2016/QH13"). A form left to be
filled in prints no serial ("Số:      /KH-UBND").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..codelists import DocumentType, System

_UP = "A-ZĐ"
# Symbols are abbreviations of Vietnamese names and keep their letters' marks: "445-KL/TƯ",
# "1751/KH-BCĐTƯATTP".
_MARKED = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂƠƯàáâãèéêìíòóôõùúýăơưẠ-ỹ"
_LET = f"A-Za-zĐđ{_MARKED}"
_GROUP = rf"[{_LET}0-9&]+"
# Between a serial and its type, and between the groups of a symbol, offices print a hyphen, an en
# dash ("09 – NQ/TU", "4144/GDĐT – VP") or, in a Party number, a space alone ("25 KH/ĐU"); a
# form left to be filled in prints no serial ("Số -KH/BCĐ", "Số:      /KH-UBND").
_DASH = r"\s*[-–]\s*"
_PARTY_RE = re.compile(
    rf"^(?P<serial>\d{{1,6}})?(?:{_DASH}|(?<=\d)\s+)(?P<type>[{_UP}][{_LET}]{{0,5}})\s*/\s*"
    rf"(?P<issuer>{_GROUP}(?:{_DASH}{_GROUP})*)$")
_STATE_RE = re.compile(
    rf"^(?P<serial>\d{{1,6}})?\s*(?:/\s*(?P<year>(?:19|20)\d{{2}})\s*)?/\s*(?P<symbol>{_GROUP}(?:{_DASH}{_GROUP})*)$")

# Type codes that can open a State symbol; anything else opens a công văn symbol (issuer first).
_STATE_TYPE_CODES = {t.value for t in DocumentType} - {"CV", "L"}
# Documents issued jointly (liên tịch, phối hợp): each issuer's code follows the type, joined by "-"
# ("01/2015/TTLT-BTP-BNV", "02/CTrPH-MTTQ-UBND"), where a document of one issuer prints one code.
JOINT_TYPE_CODES = frozenset({DocumentType.TTLT.value, DocumentType.NQLT.value, DocumentType.CTRPH.value,
                              DocumentType.KHLT.value, DocumentType.KHPH.value, DocumentType.QCPH.value})

# The National Assembly's code in a number: "QH" and its legislature ("QH13", "QH15").
NATIONAL_ASSEMBLY_CODE = r"QH\d{2}"
NATIONAL_ASSEMBLY = re.compile(NATIONAL_ASSEMBLY_CODE)

# A number inside the folded key of running text ("260-kh/tu", "56/2017/nđ-cp"), serial printed.
_KEY_GROUP = r"[a-z0-9đ&]+"
NUMBER_IN_KEY = (rf"\d{{1,6}}\s*-\s*[a-zđ]{{1,6}}\s*/\s*{_KEY_GROUP}(?:\s*-\s*{_KEY_GROUP})*"
                 rf"|\d{{1,6}}(?:\s*/\s*(?:19|20)\d\d)?\s*/\s*{_KEY_GROUP}(?:\s*-\s*{_KEY_GROUP})*")

# A number line of a header: "Số:", "Số" (Party), and OCR readings of the word ("S6", "So", "Sé").
NUMBER_LINE = re.compile(r"^(?P<prefix>S[ốôoó0-9é]{1,2}\s*:?)\s*(?P<number>\S.*)$")


def is_national_assembly(code: str | None) -> bool:
    """Whether an issuer code is the National Assembly's ("QH14")."""
    return bool(code) and NATIONAL_ASSEMBLY.fullmatch(code) is not None  # type: ignore[arg-type]


@dataclass(frozen=True)
class NumberParts:
    printed: str
    system: str | None = None
    serial: int | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None

    @property
    def joint_issuers(self) -> tuple[str, ...]:
        """The code of each issuer of a jointly issued document, in the order printed ("BTP", "BNV" of
        "01/2015/TTLT-BTP-BNV"); empty for any other number."""
        if self.type_code not in JOINT_TYPE_CODES or not self.issuer_code:
            return ()
        return tuple(self.issuer_code.split("-"))

    def as_dict(self) -> dict[str, object]:
        keys = ("printed", "system", "serial", "year", "type_code", "issuer_code", "unit_code")
        out = {k: getattr(self, k) for k in keys}
        return {k: v for k, v in out.items() if v is not None}

    def as_json(self) -> dict[str, object]:
        """The JSON form of a DocumentNumber: printed form and the parts the grammar gives."""
        return {JSON_NAMES[k]: v for k, v in self.as_dict().items()}


# Parsed parts by their JSON property names in DocumentNumber.
JSON_NAMES = {"printed": "printed", "system": "system", "serial": "serial", "year": "year",
              "type_code": "typeCode", "issuer_code": "issuerCode", "unit_code": "unitCode"}


def normalise_text(text: str) -> str:
    """NFC, trimmed, with every run of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def strip_number_prefix(printed: str) -> str:
    """Drop the layout word "Số"/"Số:" that precedes a number."""
    return re.sub(r"^S[ốo]\s*:?\s*", "", normalise_text(printed))


@lru_cache(maxsize=8192)  # the same numbers are cited again and again across a corpus
def parse_number(printed: str) -> NumberParts | None:
    """Parse a printed number and symbol; None when it follows neither grammar."""
    text = strip_number_prefix(printed)
    m = _PARTY_RE.match(text)
    if m:
        return NumberParts(printed=text, system=System.PARTY.value, serial=int(m["serial"]) if m["serial"] else None,
                           type_code=m["type"], issuer_code=squash_symbol(m["issuer"]))
    m = _STATE_RE.match(text)
    if m:
        groups = [g.strip() for g in re.split("[-–]", m["symbol"])]
        serial = int(m["serial"]) if m["serial"] else None
        year = int(m["year"]) if m["year"] else None
        if len(groups) == 1 and is_national_assembly(groups[0]):
            # A law or resolution of the National Assembly: 102/2016/QH13.
            return NumberParts(text, System.STATE.value, serial, year, None, groups[0], None)
        if groups[0] in _STATE_TYPE_CODES and len(groups) > 1:
            return NumberParts(text, System.STATE.value, serial, year, groups[0], "-".join(groups[1:]), None)
        unit = "-".join(groups[1:]) or None
        return NumberParts(text, System.STATE.value, serial, year, None, groups[0], unit)
    return None


def format_number(parts: NumberParts, prefix: bool = False, blank: int = 6) -> str:
    """The printed number of ``parts``: "192-KH/TU", "56/2017/NĐ-CP", "1761/UBND-VP".

    ``prefix`` prints it as a header does: "Số 192-KH/TU" (Party), "Số: 2995/KH-UBND" (State),
    a serial not yet given left as ``blank`` spaces ("Số:      /KH-UBND")."""
    if parts.system == System.PARTY.value:
        text = f"{'' if parts.serial is None else parts.serial}-{parts.type_code}/{parts.issuer_code}"
        return f"Số {text}" if prefix else text
    symbol = "-".join(p for p in (parts.type_code, parts.issuer_code, parts.unit_code) if p)
    year = f"/{parts.year}" if parts.year is not None else ""
    serial = str(parts.serial) if parts.serial is not None else ""
    if prefix:
        return f"Số: {serial or ' ' * max(blank - 1, 0)}{year}/{symbol}"
    return f"{serial}{year}/{symbol}"


def squash_symbol(symbol: str) -> str:
    """A symbol with the white space around its hyphens removed ("BTP - BQP" → "BTP-BQP")."""
    return re.sub(r"\s*[-–]\s*", "-", symbol)


def number_key(printed: str) -> str:
    """The number as it enters an identifier and a comparison: prefix dropped, no white space."""
    return re.sub(r"\s+", "", strip_number_prefix(printed))


def number_line(text: str) -> tuple[str, str] | None:
    """A header's number line ("Số: 2995/KH-UBND"): (the number as printed after the word, the
    line), or None when the line holds no number either grammar reads."""
    m = NUMBER_LINE.match(text)
    if not m:
        return None
    rest = m["number"].strip()
    if parse_number(rest) is None:
        return None
    return rest, text
