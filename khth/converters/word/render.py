"""A record as a Word document in the official layout (python-docx).

State documents follow Nghị định 30/2020/NĐ-CP Appendix I, Party documents Hướng dẫn 36-HD/VPTW:
A4, margins 20/20/30/15 mm, Times New Roman 13–14 pt; the header is a borderless table of two
rows (issuer beside the national name or the Party's name, the number beside place and date),
the signing block stands beside "Nơi nhận" in a second borderless table. Labels stay printed
text, never Word numbering, because the label is what the document prints and cites.

What is printed follows :mod:`khth.converters.text.render`: a fact the record lacks is not
printed, and a fact it marks missing stays blank ("Số: /KH-UBND", "ngày   tháng 4 năm 2024").
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from khth.schema.codelists import BlockRole, DocumentType, System
from khth.schema.identifiers import citation_name

from ..text.render import _date_line, _inferred, _printed_title, _table_rows

FONT = "Times New Roman"
BODY_PT = 13
RECIPIENT_PT = 11
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
# The header's left column holds the issuer, the right one the national name (wider: it is longer).
HEADER_COLUMNS_MM = (62, TEXT_WIDTH_MM - 62)
# The Party's name is shorter than the national name and motto; its left column takes the room.
PARTY_HEADER_COLUMNS_MM = (80, TEXT_WIDTH_MM - 80)
SIGNING_COLUMNS_MM = (80, TEXT_WIDTH_MM - 80)
FIRST_LINE_INDENT_MM = 10

STATE_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Style:
    """How one printed unit looks."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = BODY_PT
    align: str = "justify"  # justify, center, left
    indent: bool = False  # first-line indent of a body paragraph


_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "left": WD_ALIGN_PARAGRAPH.LEFT}


def _set_font(run, size: float) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), FONT)


def _paragraph(container, parts: list[tuple[str, Style]], style: Style):
    """A paragraph of runs; ``style`` sets the paragraph, each part's style its run."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = _ALIGN[style.align]
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(3 if style.indent else 0)
    if style.indent:
        fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    for text, look in parts:
        run = p.add_run(text)
        run.bold, run.italic, run.underline = look.bold or None, look.italic or None, look.underline or None
        _set_font(run, look.size)
    return p


def _line(container, text: str, style: Style):
    return _paragraph(container, [(text, style)], style)


def _rule(container, width_mm: float, column_mm: float) -> None:
    """A short centred rule (under the issuer, under the motto): the top border of an empty
    paragraph narrowed by its indents, so that no character of it reaches the text."""
    p = container.add_paragraph()
    side = max(0.0, (column_mm - width_mm) / 2)
    fmt = p.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p._p.get_or_add_pPr().append(borders)


def _borderless_table(document, widths_mm: tuple[float, float], rows: int):
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)  # the grid, which LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
            # A new cell holds one empty paragraph; the content adds its own.
            cell._tc.remove(cell.paragraphs[0]._p)
    return table


def _system(doc: dict) -> str:
    issuer = doc.get("issuer") or {}
    return issuer.get("system") or (doc.get("number") or {}).get("system") or System.STATE


# --- header ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HeaderText:
    """The lines a header prints: left column above (superior body, issuer), left column below
    (number, "V/v" line), right column below (place and date); the right column above is the
    national name and motto, or the Party's name, by ``party``."""

    party: bool
    superior: str | None = None
    issuer: str | None = None
    number: str | None = None
    about: str | None = None
    date: str | None = None
    inferred: tuple[str, ...] = ()  # lines the source never printed (marked with a comment)


def header_text(doc: dict) -> HeaderText | None:
    """The header of ``doc`` as printed; None when the record holds none of it."""
    issuer = doc.get("issuer") or {}
    date = _date_line(doc)
    number = doc.get("number")
    if not (issuer or number or date):
        return None
    line = None
    if number:
        printed = number["printed"]
        line = f"Số {printed}" if number.get("system") == System.PARTY else f"Số: {printed}"
    title = _printed_title(doc)
    inferred = _inferred(doc)
    marked = tuple(issuer[k] for k, field in (("name", "/issuer/name"), ("superiorBody", "/issuer/superiorBody"))
                   if issuer.get(k) and (field in inferred or "/issuer" in inferred))
    return HeaderText(_system(doc) == System.PARTY, issuer.get("superiorBody"), issuer.get("name"), line,
                      f"V/v {title}" if doc["documentType"] == DocumentType.CV and title else None, date, marked)


INFERRED_COMMENT = ("Suy ra, không in trong văn bản nguồn (provenance.inferred) / "
                    "inferred, not printed in the source (provenance.inferred)")


def _header(document, doc: dict) -> None:
    text = header_text(doc)
    if text is not None:
        print_header(document, text)


def print_header(document, text: HeaderText) -> None:
    party = text.party
    columns = PARTY_HEADER_COLUMNS_MM if party else HEADER_COLUMNS_MM
    table = _borderless_table(document, columns, 2)
    left, right = table.rows[0].cells
    size = BODY_PT
    caps = Style(size=size, align="center")
    if text.superior:
        _marked(document, _line(left, text.superior, caps), text.superior in text.inferred)
    if text.issuer:
        issuer = _line(left, text.issuer, Style(bold=True, size=size, align="center"))
        _marked(document, issuer, text.issuer in text.inferred)
        if party:
            _line(left, "*", caps)
        else:
            _rule(left, 25, columns[0])
    if party:
        _line(right, PARTY_NAME, Style(bold=True, underline=True, size=14, align="center"))
    else:
        _line(right, STATE_NAME, Style(bold=True, size=12, align="center"))
        _line(right, STATE_MOTTO, Style(bold=True, size=14, align="center"))
        _rule(right, 62, columns[1])
    left2, right2 = table.rows[1].cells
    if text.number:
        _line(left2, text.number, caps)
    if text.about:
        _line(left2, text.about, Style(size=12, align="center"))
    if text.date:
        _line(right2, text.date, Style(italic=True, size=14, align="center"))
    for cell in (left, right, left2, right2):
        if not cell.paragraphs:
            cell.add_paragraph()


def _marked(document, paragraph, inferred: bool) -> None:
    """An inferred fact keeps its place in the layout, with a Word comment saying the source never printed it."""
    if inferred and paragraph.runs:
        bold = paragraph.runs[0].bold
        document.add_comment(paragraph.runs, text=INFERRED_COMMENT, author="KHTH", initials="KHTH")
        for run in paragraph.runs:  # the comment's mark is a run of its own, in the line's look
            run.bold = bold


def _subject(document, doc: dict) -> None:
    title = _printed_title(doc)
    if doc["documentType"] == DocumentType.CV or not title:
        return
    name = citation_name(doc["documentType"], (doc.get("number") or {}).get("system"))
    type_line = print_subject(document, name.upper(), title)
    _marked(document, type_line, "/documentType" in _inferred(doc))


def print_subject(document, type_name: str, title: str):
    """The type name and the subject line; returns the type name's paragraph."""
    spaced = _line(document, type_name, Style(bold=True, size=14, align="center"))
    spaced.paragraph_format.space_before = Pt(18)
    _line(document, title, Style(bold=True, size=14, align="center"))
    _line(document, "", Style(align="center"))
    return spaced


def _addressees(document, doc: dict) -> None:
    if doc.get("addressees"):
        print_addressees(document, [f"{r.get('label', '-')} {r['text']}" for r in doc["addressees"]])


def print_addressees(document, lines: list[str]) -> None:
    _line(document, "Kính gửi:", Style(size=14, align="center")).paragraph_format.space_before = Pt(12)
    for line in lines:
        p = _line(document, line, Style(size=14, align="left"))
        p.paragraph_format.left_indent = Mm(40)
    _line(document, "", Style())


# --- body ----------------------------------------------------------------------------------------

def _block(document, block: dict, depth: int = 0) -> None:
    rows = _table_rows(block)
    if rows is not None:
        _task_table(document, rows)
        return
    label = block.get("printedLabel") or block.get("label")
    heading, text = block.get("heading"), block.get("text")
    parts: list[tuple[str, Style]] = []
    head = " ".join(p for p in (label, heading) if p)
    if heading:
        parts.append((head, Style(bold=True)))
        if text:
            parts.append((" " + text, Style()))
    elif head or text:
        parts.append((" ".join(p for p in (label, text) if p), Style()))
    if parts:
        _paragraph(document, parts, Style(indent=True))
    for child in block.get("children", []):
        _block(document, child, depth + 1)


def _task_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(rows)
    for column, width in zip(table.columns, widths):
        column.width = Mm(width)
    for row in table.rows:  # Word and LibreOffice lay a cell out by its own width
        for cell, width in zip(row.cells, widths):
            cell.width = Mm(width)
    for r, cells in enumerate(rows):
        for cell, text in zip(table.rows[r].cells, cells):
            cell._tc.remove(cell.paragraphs[0]._p)
            _line(cell, text, Style(bold=r == 0, size=12, align="center" if r == 0 else "left"))
    _line(document, "", Style())


def _column_widths(rows: list[list[str]]) -> list[float]:
    """A row-number column ("TT", "STT") narrow, the text width shared by the others in
    proportion to the length of their texts, none narrower than 28 mm ("Thường xuyên" on one line)."""
    header = rows[0]
    narrow = [len(h) <= 3 for h in header]
    rest = TEXT_WIDTH_MM - 12 * sum(narrow)
    weights = [max(12, max(len(r[i]) for r in rows)) for i, n in enumerate(narrow) if not n]
    shares = iter(max(28.0, rest * w / sum(weights)) for w in weights)
    return [12.0 if n else next(shares) for n in narrow]


def _annex(document, block: dict) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if block.get("heading"):
        _line(document, block["heading"], Style(bold=True, size=14, align="center"))
    if block.get("text"):
        _line(document, block["text"], Style(italic=True, size=13, align="center"))
    for child in block.get("children", []):
        _block(document, child, 1)


# --- signing block and Nơi nhận --------------------------------------------------------------------

@dataclass(frozen=True)
class SigningText:
    """The end of a document: "Nơi nhận" and its lines left, the signing block right."""

    party: bool
    recipients: tuple[str, ...] = ()
    authority: tuple[str, ...] = ()  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    position: str | None = None
    signed_at: str | None = None  # a digital signature's time, as printed
    name: str | None = None


def signing_text(doc: dict) -> SigningText | None:
    recipients = doc.get("recipients") or []
    sig = doc.get("signature") or {}
    if not recipients and not sig:
        return None
    signed_at = None
    if sig.get("signedAt"):
        d, t = sig["signedAt"][:10], sig["signedAt"][11:19]
        y, m, dd = d.split("-")
        signed_at = f"{dd}.{m}.{y} {t}"
    return SigningText(_system(doc) == System.PARTY,
                       tuple(f"{r['label']} {r['text']}" if r.get("label") else r["text"] for r in recipients),
                       tuple(f"{a['marker']} {a['of']}" for a in sig.get("authority", [])),
                       sig.get("position"), signed_at, sig.get("name"))


def _signing(document, doc: dict) -> None:
    text = signing_text(doc)
    if text is not None:
        print_signing(document, text)


def print_signing(document, text: SigningText) -> None:
    party = text.party
    table = _borderless_table(document, SIGNING_COLUMNS_MM, 1)
    # The signing block is never split over two pages: the name stays under its position.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    if text.recipients:
        _line(left, "Nơi nhận:", Style(underline=party, bold=not party, italic=not party, size=12, align="left"))
        for line in text.recipients:
            _line(left, line, Style(size=RECIPIENT_PT if not party else 12, align="left"))
    for line in text.authority:
        _line(right, line, Style(bold=True, size=14, align="center"))
    if text.position:
        _line(right, text.position, Style(bold=True, size=14, align="center"))
    if text.signed_at:
        _line(right, text.signed_at, Style(italic=True, size=10, align="center"))
    if text.name:
        # Room for the signature and the seal before the name.
        _line(right, "", Style(align="center")).paragraph_format.space_before = Pt(48)
        _line(right, text.name, Style(bold=True, size=14, align="center"))
    for cell in (left, right):
        if not cell.paragraphs:
            cell.add_paragraph()


# --- document and file ----------------------------------------------------------------------------

def _page_setup(section) -> None:
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])


def _render_document(document, doc: dict) -> None:
    _header(document, doc)
    _subject(document, doc)
    _addressees(document, doc)
    body = doc.get("body", [])
    # An annex is printed after the signing block, where the layout puts it.
    for block in body:
        if block.get("role") != BlockRole.ANNEX:
            _block(document, block)
    _signing(document, doc)
    for block in body:
        if block.get("role") == BlockRole.ANNEX:
            _annex(document, block)


def render_docx(data: dict) -> bytes:
    """A record's JSON form (a document or a bundle) as the bytes of a .docx file; in a bundle
    each document starts a new page, in the record's order (the dispatch before the plan it carries)."""
    document = blank_document()
    docs = data["documents"] if "documents" in data else [data]
    for i, doc in enumerate(docs):
        if i:
            _page_setup(document.add_section(WD_SECTION.NEW_PAGE))
        _render_document(document, doc)
    return saved(document)


def blank_document():
    """An empty A4 document with the decree's margins and font."""
    document = new_document()
    document.core_properties.author = "KHTH"
    document.core_properties.comments = ""
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _page_setup(document.sections[0])
    return document


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
