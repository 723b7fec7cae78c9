"""Citations of documents: "Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy".

A citation is "*type name* [số] *number* [[,] ngày *date*] [của *issuer*]" (Nghị định 30/2020/NĐ-CP:
the first citation of a document gives its type, number, date and issuer). This module holds the
names a citation gives each type, the parse of a whole citation and its canonical printing;
finding citations inside running text is the reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codelists import DocumentType, System
from .dates import format_citation_date, parse_date
from .numbers import is_national_assembly, normalise_text, parse_number, squash_symbol, strip_number_prefix

# The names a citation uses for each type: the codelist's Vietnamese label ("Quyết định / Quy
# định"); where Party and State differ, Party first.
CITATION_NAMES: dict[str, tuple[str, ...]] = {
    code: tuple(vi.split(" / ")) for code, (vi, _en, _note) in DocumentType.labels().items()}
_NAME_TO_CODES: dict[str, list[str]] = {}
for _code, _names in CITATION_NAMES.items():
    for _n in _names:
        _NAME_TO_CODES.setdefault(_n.lower(), []).append(_code)

# "(Có Kế hoạch số 145-KH/HU, ngày 27/3/2024 kèm theo)", "(Gửi kèm …)", "(Kèm theo …)": a note that
# another document travels with this one (SPEC §9.2), matched on the folded key of a paragraph. The
# closing bracket may be lost where the note is wrapped or OCR'd.
ATTACHMENT_NOTE = re.compile(
    r"^\(\s*(?:(?:c\w|g\w{1,2}i)\s.*k\w{1,2}m(?: theo)?|k\w{1,2}m theo\s.*)\s*\)?[.;]?\)?\.?$")


def citation_name(document_type: str, system: str | None = None) -> str:
    """The name a citation gives ``document_type`` ("Thông tư" for a State TT, else "Thông tri")."""
    names = CITATION_NAMES[document_type]
    if document_type == "TT" and system == System.STATE.value:
        return names[1]
    return names[0]


def codes_of_name(name: str) -> list[str]:
    """The type codes a printed type name may stand for ("Quy định" → QĐ, QyĐ, QĐi)."""
    return _NAME_TO_CODES.get(normalise_text(name).lower(), [])


_KNOWN_TYPES = frozenset(t.value for t in DocumentType)


def symbol_type(number: str, codes: list[str]) -> str | None:
    """The document type a citation records, given its number and the codes of its printed name.

    The symbol names the type (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW: "KH" is Kế hoạch) and
    the record's type must agree with it (rule document.type-code), so the symbol decides: "Kết
    luận số 1234-TB/TU" is a Thông báo. A State number without a type code is a công văn's; a
    National Assembly number (…/QH14) a law's or a resolution's. None: no type the standard knows
    agrees with the symbol, and the citation cannot be recorded with its number.
    """
    parsed = parse_number(number)
    if parsed is None:
        return None
    code = parsed.type_code
    if code is not None:
        return code if code in codes or code in _KNOWN_TYPES else None
    if is_national_assembly(parsed.issuer_code):
        return next((c for c in ("L", "NQ") if c in codes), None)
    return "CV"


@dataclass(frozen=True)
class CitationParts:
    document_type: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None

    def identifier(self) -> str:
        from ..identifiers import make_identifier  # the identifier rule builds on this grammar

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


_UP = "A-ZĐ"
_LET = "A-Za-zĐđ"
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
    number = squash_symbol(re.sub(r"\s*([/-])\s*", r"\1", m["number"]))
    code = symbol_type(number, codes_of_name(m["kind"])) or codes_of_name(m["kind"])[0]
    return CitationParts(code, number, parse_date(m["date"]) if m["date"] else None,
                         normalise_text(m["issuer"]) if m["issuer"] else None)
