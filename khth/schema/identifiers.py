"""Document numbers, citations and canonical identifiers.

Three reversible mappings live here, and nowhere else:

* a printed number and symbol ↔ its parsed parts (:func:`parse_number`, :func:`format_number`);
* a printed citation ↔ its parts (:func:`parse_citation`, :func:`format_citation`);
* the parts ↔ a canonical identifier (:func:`make_identifier`, :func:`split_identifier`).

The identifier rule (SPEC.md, "Identifiers")::

    khth:{type}:{number}:{date}:{issuer}[:{title}]

``type`` is the document type code; ``number`` the number and symbol with white space removed;
``date`` the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or empty; ``issuer`` the issuer as cited;
``title`` only for a document cited without a number (a law cited by name). Every component is
NFC-normalised, runs of white space become one ``_``, and ``%``, ``_`` and ``:`` are
percent-encoded, so the identifier splits back into exactly the parts it was made from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from .codelists import DocumentType, System

# --- number and symbol ----------------------------------------------------------------------

_UP = "A-ZĐ"
_LET = "A-Za-zĐđ"
_GROUP = rf"[{_LET}0-9&]+"
_PARTY_RE = re.compile(
    rf"^(?P<serial>\d{{1,6}})\s*-\s*(?P<type>[{_UP}][{_LET}]{{0,5}})\s*/\s*(?P<issuer>{_GROUP}(?:\s*-\s*{_GROUP})*)$")
_STATE_RE = re.compile(
    rf"^(?P<serial>\d{{1,6}})?\s*(?:/\s*(?P<year>(?:19|20)\d{{2}})\s*)?/\s*(?P<symbol>{_GROUP}(?:\s*-\s*{_GROUP})*)$")

# Type codes that can open a State symbol; anything else opens a công văn symbol (issuer first).
_STATE_TYPE_CODES = {t.value for t in DocumentType} - {"CV", "L"}


@dataclass(frozen=True)
class NumberParts:
    printed: str
    system: str | None = None
    serial: int | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None

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
        return NumberParts(printed=text, system=System.PARTY.value, serial=int(m["serial"]),
                           type_code=m["type"], issuer_code=_squash(m["issuer"]))
    m = _STATE_RE.match(text)
    if m:
        groups = [g.strip() for g in m["symbol"].split("-")]
        serial = int(m["serial"]) if m["serial"] else None
        year = int(m["year"]) if m["year"] else None
        if len(groups) == 1 and re.fullmatch(r"QH\d{2}", groups[0]):
            # A law or resolution of the National Assembly: 102/2016/QH13.
            return NumberParts(text, System.STATE.value, serial, year, None, groups[0], None)
        if groups[0] in _STATE_TYPE_CODES and len(groups) > 1:
            return NumberParts(text, System.STATE.value, serial, year, groups[0], "-".join(groups[1:]), None)
        unit = "-".join(groups[1:]) or None
        return NumberParts(text, System.STATE.value, serial, year, None, groups[0], unit)
    return None


def _squash(symbol: str) -> str:
    return re.sub(r"\s*-\s*", "-", symbol)


def number_key(printed: str) -> str:
    """The number as it enters an identifier and a comparison: prefix dropped, no white space."""
    return re.sub(r"\s+", "", strip_number_prefix(printed))


# --- dates ----------------------------------------------------------------------------------

def format_citation_date(iso: str) -> str:
    """ISO date → the Vietnamese citation form (Nghị định 30/2020: day padded, months 1–2 padded)."""
    parts = iso.split("-")
    if len(parts) == 3:
        y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
        return f"ngày {d:02d}/{m:02d}/{y}" if m < 3 else f"ngày {d:02d}/{m}/{y}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])} năm {parts[0]}"
    return f"năm {parts[0]}"


_DATE_RE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|[/.-])\s*(?P<m>\d{1,2})\s*(?:năm\s+|[/.-])\s*(?P<y>\d{4})"
    r"|tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
    r"|năm\s+(?P<y3>\d{4})", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first Vietnamese date in ``text`` as ISO (reduced precision when day or month is absent).

    Returns None when no date is present or when the printed date does not exist in the calendar.
    """
    m = _DATE_RE.search(text)
    if not m:
        return None
    if m["d"]:
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            return None
    if m["m2"]:
        month = int(m["m2"])
        return f"{m['y2']}-{month:02d}" if 1 <= month <= 12 else None
    return m["y3"]


# --- identifiers ----------------------------------------------------------------------------

_ENCODE = str.maketrans({"%": "%25", "_": "%5F", ":": "%3A", " ": "_"})


def encode_component(text: str) -> str:
    return normalise_text(text).translate(_ENCODE)


def decode_component(text: str) -> str:
    text = text.replace("_", " ")
    return re.sub(r"%(25|5F|3A)", lambda m: {"25": "%", "5F": "_", "3A": ":"}[m[1]], text)


@dataclass(frozen=True)
class IdentifierParts:
    document_type: str
    number: str = ""
    date: str = ""
    issuer: str = ""
    title: str = ""


def make_identifier(document_type: str, number: str | None, date_: str | None, issuer: str | None,
                    title: str | None = None) -> str:
    num = number_key(number) if number else ""
    parts = ["khth", encode_component(document_type), encode_component(num), date_ or "",
             encode_component(issuer or "")]
    if not num and title:
        parts.append(encode_component(title))
    return ":".join(parts)


def split_identifier(identifier: str) -> IdentifierParts:
    parts = identifier.split(":")
    if parts[0] != "khth" or len(parts) not in (5, 6):
        raise ValueError(f"not a KHTH identifier: {identifier!r}")
    title = decode_component(parts[5]) if len(parts) == 6 else ""
    return IdentifierParts(decode_component(parts[1]), decode_component(parts[2]), parts[3],
                           decode_component(parts[4]), title)


def document_identifier(doc: dict) -> str:
    """The identifier a document's own facts give (JSON form of a Document)."""
    issuer = doc.get("issuer") or {}
    name = issuer.get("actingBody") or issuer.get("name")
    number = (doc.get("number") or {}).get("printed")
    return make_identifier(doc["documentType"], number, doc.get("issueDate"), name, doc.get("title"))


def reference_identifier(ref: dict) -> str:
    """The identifier a citation gives (JSON form of a Reference)."""
    number = (ref.get("number") or {}).get("printed")
    return make_identifier(ref["documentType"], number, ref.get("issueDate"), ref.get("issuer"), ref.get("title"))


# --- citations ------------------------------------------------------------------------------

# The names a citation uses for each type: the codelist's Vietnamese label ("Quyết định / Quy
# định"); where Party and State differ, Party first.
CITATION_NAMES: dict[str, tuple[str, ...]] = {
    code: tuple(vi.split(" / ")) for code, (vi, _en, _note) in DocumentType.labels().items()}
_NAME_TO_CODES: dict[str, list[str]] = {}
for _code, _names in CITATION_NAMES.items():
    for _n in _names:
        _NAME_TO_CODES.setdefault(_n.lower(), []).append(_code)


def citation_name(document_type: str, system: str | None = None) -> str:
    names = CITATION_NAMES[document_type]
    if document_type == "TT" and system == System.STATE.value:
        return names[1]
    return names[0]


@dataclass(frozen=True)
class CitationParts:
    document_type: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None

    def identifier(self) -> str:
        return make_identifier(self.document_type, self.number, self.date, self.issuer, self.title)


def format_citation(parts: CitationParts) -> str:
    """The canonical printed citation: "Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy"."""
    system = None
    if parts.number:
        parsed = parse_number(parts.number)
        system = parsed.system if parsed else None
    if parts.number:
        words = [citation_name(parts.document_type, system), "số", strip_number_prefix(parts.number)]
    else:
        # A document cited by name ("Luật Trẻ em"): the printed name already says what it is.
        words = [parts.title or citation_name(parts.document_type, system)]
    if parts.date:
        words.append(format_citation_date(parts.date))
    if parts.issuer:
        words += ["của", parts.issuer]
    return " ".join(words)


_TYPE_NAMES = sorted({n for names in CITATION_NAMES.values() for n in names}, key=len, reverse=True)
_CITE_RE = re.compile(
    r"(?P<kind>" + "|".join(n.replace(" ", r"\s+") for n in _TYPE_NAMES) + r")"
    r"\s+(?:số\s+)?(?P<number>\d{1,6}\s*-\s*[" + _UP + r"][" + _LET + r"]{0,5}\s*/\s*[" + _LET + r"0-9&\-]+"
    r"|\d{0,6}(?:/\d{4})?/[" + _LET + r"0-9&\-]+)"
    r"(?:,?\s+(?P<date>ngày\s+\d{1,2}\s*(?:[/.-]|\s+tháng\s+)\s*\d{1,2}\s*(?:[/.-]|\s+năm\s+)\s*\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?\s*$", re.IGNORECASE)


def parse_citation(text: str) -> CitationParts | None:
    """Parse one citation ("Kế hoạch số 260-KH/TU, ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy").

    The whole string must be the citation; the issuer runs to the end. Finding citations inside
    running text is the converters' job.
    """
    m = _CITE_RE.match(normalise_text(text))
    if not m:
        return None
    number = _squash(re.sub(r"\s*([/-])\s*", r"\1", m["number"]))
    parsed = parse_number(number)
    codes = _NAME_TO_CODES[normalise_text(m["kind"]).lower()]
    code = codes[0]
    if parsed and parsed.type_code in codes:
        code = parsed.type_code
    elif parsed and parsed.type_code is None and "CV" in codes:
        code = "CV"
    return CitationParts(code, number, parse_date(m["date"]) if m["date"] else None,
                         normalise_text(m["issuer"]) if m["issuer"] else None)


__all__ = [
    "CitationParts", "IdentifierParts", "NumberParts", "citation_name", "decode_component",
    "document_identifier", "encode_component", "format_citation", "format_citation_date",
    "make_identifier", "normalise_text", "number_key", "parse_citation", "parse_date", "parse_number",
    "reference_identifier", "split_identifier", "strip_number_prefix",
]
