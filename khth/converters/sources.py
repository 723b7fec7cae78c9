"""Any document plan-convert accepts, read into a record's JSON form: KHTH JSON or XML, Word
.docx (and .doc, .odt, .rtf through LibreOffice), PDF with a text layer, plain text, Markdown and
HTML (as extracted from Word or PDF, or an OCR layer). The kind of a file is told by its content.

Reading does not validate: :func:`khth.api.convert` checks what is read before it is used.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from khth.input.canonical import root_of
from khth.input.containers import DOC, DOCX, IMAGE, ODT, OLE2_ENCRYPTED, PDF, RTF, Kind, document_kind
from khth.input.errors import KhthInputError
from khth.schema.catalogue import Text
from khth.input.loading import check_bytes, detect_format, parse_json, utf16_record, utf16_refusal
from khth.input.xml_form import from_xml


def read_source(data: bytes, name: str | None = None) -> tuple[str, dict]:
    """(root, JSON form) of one input; raises :class:`KhthInputError` when it cannot be read."""
    from .text import text_to_record

    kind = document_kind(data)
    if kind is not None:
        return read_office_file(data, kind, name)
    utf16 = utf16_record(data)
    if utf16:  # never read as text: the tags would land in the record
        raise utf16_refusal(*utf16)
    fmt = detect_format(data.lstrip(b"\xef\xbb\xbf"), by_content=True)
    if fmt in ("json", "xml"):
        check_bytes(data)
        if fmt == "json":
            form = nfc(parse_json(data))
            return root_of(form), form
        root, form = from_xml(data)
        return root, nfc(form)
    from .text.encoding import decode_text

    text, note = decode_text(data)
    text = html_as_text(text)
    try:
        record = text_to_record(text, name)
    except KhthInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader fault on odd text is reported, never a traceback
        raise KhthInputError.of("input.text-unreadable", reason=type(exc).__name__) from None
    if note:
        for doc in record.get("documents", [record]):
            doc["provenance"].setdefault("notes", []).append(note)
    return root_of(record), record


def read_office_file(data: bytes, kind: Kind, name: str | None) -> tuple[str, dict]:
    """(root, JSON form) of a Word, OpenDocument, RTF or PDF file; a .doc, .odt or .rtf is converted
    to .docx by LibreOffice first."""
    if kind == DOCX:
        return read_docx(data, name)
    if kind in (DOC, ODT, RTF):
        from .office import convert_to_docx

        converted = convert_to_docx(data, kind)
        if document_kind(converted) != DOCX:  # checked as any input is: LibreOffice's output is a file too
            raise KhthInputError.of("input.converter-failed", kind=kind.label,
                                    why=Text("kết quả không phải tệp .docx", "the result is not a .docx file"))
        return read_docx(converted, name)
    if kind == OLE2_ENCRYPTED:
        raise KhthInputError.of("input.encrypted", what=Text("tệp Word có mật khẩu mở", "a Word file with an "
                                                                                       "opening password"))
    if kind == PDF:
        from .pdf_input import read_pdf

        return read_pdf(data, name)
    if kind == IMAGE:
        from .ocr import ocr_image
        from .pdf_input import record_from_ocr

        return record_from_ocr(ocr_image(data), name)
    if kind.name == "zip":
        raise KhthInputError.of("input.archive-unknown")
    raise KhthInputError.of("input.office-unsupported", kind=kind.label)


def read_docx(data: bytes, name: str | None) -> tuple[str, dict]:
    from .docx_input import docx_lines
    from .text import text_to_record

    try:
        record = text_to_record("", name, docx_lines=docx_lines(data))
    except KhthInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged or odd .docx is reported, never a traceback
        raise KhthInputError.of("input.docx-invalid", reason=type(exc).__name__) from None
    return root_of(record), record


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|div|p|section|article|main)\b", re.I)
# Elements after which a browser starts a new line: their text is a line of its own.
_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
                    "h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split())


def html_as_text(text: str) -> str:
    """``text`` with its HTML taken to lines the text reader reads: a page (opening with ``<html>``,
    ``<div>``…) whole, a line at each block element; in Markdown (pandoc's gfm writes a table whose
    cells hold several paragraphs, such as a document's header, as raw HTML), each ``<table>`` as
    its cells' paragraphs, a line each, a row of three cells or more as one line of tab-separated
    cells (a task table, as Word's text export writes it)."""
    if _HTML_START.match(text):
        return _block_lines(text)
    if "<table" not in text.lower():
        return text
    return _HTML_TABLE.sub(lambda m: _table_lines(m.group(0)), text)


def _parse_html(markup: str):
    import lxml.html

    try:
        return lxml.html.fromstring(markup)
    except Exception:  # noqa: BLE001 - markup lxml cannot read stays as it was written
        return None


def _lines_of(element) -> list[str]:
    """The text of ``element``, a line at each block element inside it, white space collapsed."""
    parts: list[str] = []

    def walk(el) -> None:
        if isinstance(el.tag, str) and el.tag.lower() == "table":
            # A table's rows as the text reader takes them: a task table's row as one line of cells.
            parts.extend(["\n", "\n".join(_row_lines(el)), "\n"])
            if el.tail:
                parts.append(el.tail)
            return
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if isinstance(el.tag, str) and el.tag.lower() not in ("script", "style") and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(element)
    lines = (re.sub(r"\s+", " ", ln).strip() for ln in "".join(parts).split("\n"))
    return [ln for ln in lines if ln]


def _block_lines(markup: str) -> str:
    root = _parse_html(markup)
    return markup if root is None else "\n".join(_lines_of(root)) + "\n"


def _table_lines(markup: str) -> str:
    table = _parse_html(markup)
    if table is None:
        return markup
    return "\n".join(_row_lines(table)).rstrip("\n") + "\n"


def _row_lines(table) -> list[str]:
    """A table's lines: a row of three cells or more as one line of tab-separated cells (a task
    table, as Word's text export writes it); the cells of a narrower row (a header's two columns)
    as their paragraphs, a line each, each cell set apart by a blank line."""
    out: list[str] = []
    for row in _own_rows(table):
        cells = [_lines_of(cell) for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(filled) >= 3:
            out.append("\t".join(" ".join(c) for c in cells))
        else:
            for cell in filled:
                out.extend(cell)
                out.append("")
    return out


def _own_rows(table):
    """The rows of ``table`` itself, not of a table nested in one of its cells."""
    for el in table.iter("tr"):
        owner = el.getparent()
        while owner is not None and not (isinstance(owner.tag, str) and owner.tag.lower() == "table"):
            owner = owner.getparent()
        if owner is table:
            yield el


def nfc(form: Any) -> Any:
    """``form`` with every string in NFC, keys included, as canonical JSON writes it: the XML form
    then carries the same text (plan-validate refuses text that is not NFC). ``form``'s depth is
    already bounded (:func:`parse_json`, :func:`from_xml`)."""
    if isinstance(form, str):
        return form if unicodedata.is_normalized("NFC", form) else unicodedata.normalize("NFC", form)
    if isinstance(form, dict):
        return {nfc(k): nfc(v) for k, v in form.items()}
    if isinstance(form, list):
        return [nfc(v) for v in form]
    return form
