"""Plain text and Markdown (as extracted from Word or PDF, or an OCR layer) → KHTH records.

The modules, one rule family each:

- :mod:`.encoding` — bytes to text: UTF-8 and UTF-16, Windows-1258 converted, TCVN3 and VNI named;
- :mod:`.layout` — layout marks removed, wrapped lines re-joined into printed units;
- :mod:`.segment` — one file holding several documents;
- :mod:`.header` — issuer, number, place and date, type and subject line;
- :mod:`.body` — blocks, labels, nesting and roles; :mod:`.agencies`; :mod:`.duties`;
- :mod:`.references` — citations, parent, relations, abbreviations;
- :mod:`.tail`, :mod:`.signature`, :mod:`.recipients` — signing block, Nơi nhận, Kính gửi;
- :mod:`.gazetteer` — administrative units named in the text (codes from :mod:`khth.schema.units`);
- :mod:`.ocr` — OCR layers: detection and restoration;
- :mod:`.render` — a record back to the official layout.
"""

from __future__ import annotations

import re

from khth.schema.codelists import SourceFormat
from khth.schema.version import KHTH_VERSION

from .common import Context
from .document import convert_document
from .layout import prepare_lines
from .opening import tidy_opening
from .segment import split_documents


def text_to_record(text: str, source_file: str | None = None, *, docx_lines=None, scanned: bool = False) -> dict:
    """Convert one source text to a document, or to a bundle when it holds several. ``scanned``: the
    lines were read by OCR from a scan (their facts are restored as an OCR text's are)."""
    from . import ocr
    from .common import fold_text, start_conversion

    start_conversion()  # caches serve one conversion: timings and memory do not depend on history
    text = plain_lines(text)
    opening = tidy_opening(text.split("\n")) if docx_lines is None else None
    # A scan's OCR layer is what was printed, as far as OCR read it: kept as an OCR text's is.
    given = "\n".join(ln.text for ln in docx_lines) if scanned and docx_lines else text
    if opening is not None:
        text = "\n".join(opening.lines)
    raw_lines = text.split("\n")
    markdown = "**" in text or "*" in text and any(
        ln.strip().startswith("*") and ln.strip().endswith("*") and len(ln.strip()) > 2 for ln in raw_lines)
    folded = fold_text(text) if docx_lines is None else ""
    is_ocr = scanned or docx_lines is None and ocr.looks_like_ocr(text, folded)
    fmt = SourceFormat.DOCX if docx_lines is not None else SourceFormat.SCAN if is_ocr else \
        SourceFormat.MARKDOWN if markdown else SourceFormat.TEXT
    ctx = Context(source_file, fmt, docx=docx_lines is not None, ocr=is_ocr, printed_text=given if is_ocr else None)
    lines = docx_lines if docx_lines is not None else \
        prepare_lines(raw_lines, markdown, ctx.notes, folded.split("\n"))
    if not lines:
        from khth.input.errors import KhthInputError

        raise KhthInputError.of("input.text-empty")
    if opening is not None:
        for line in lines:  # back to the numbers of the lines as given
            line.num = opening.origin[line.num - 1]
        if opening.skipped:
            ctx.notes.append(f"Lines {opening.skipped[0]}–{opening.skipped[-1]} stand before the document's header "
                             "(site text, a portal's metadata) and were not read as part of the document.")
    docs = [convert_document(part, ctx) for part in split_documents(lines)]
    if not any(_is_plan_like(d) for d in docs):
        from khth.input.errors import KhthInputError

        raise KhthInputError.of("input.not-a-plan")
    if len(docs) == 1:
        return docs[0]
    for d in docs:
        d.pop("khthVersion", None)
    return {"khthVersion": KHTH_VERSION, "documents": docs}


def plain_lines(text: str) -> str:
    """The text with LF line ends, blank lines empty and no tabs at line ends: how a tool saved
    the file (CRLF or CR line ends, a spreadsheet's empty last cell) is not what was printed and
    must not change what is read. Spaces at the end of a printed line are kept: the layout stage
    reads forced line breaks from them."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = re.sub(r"\r\n?|[\u2028\u2029]", "\n", text)
    return _SAVED_BLANKS.sub("", text)


# A line of blanks only, or a tab and what blanks follow it at a line's end.
_SAVED_BLANKS = re.compile(r"^[ \t\u00a0]+$|\t[ \t\u00a0]*$", re.M)


def _is_plan_like(doc: dict) -> bool:
    """Enough of a plan's structure to make a record: a number line or a place-and-date line (an
    administrative document's header says what it is), else two of the header's facts, citations,
    labels, a signature and recipients."""
    if doc.get("number") or doc.get("issueDate"):
        return True
    labelled = sum(1 for b in doc.get("body", []) if b.get("label"))
    evidence = [bool(doc.get("number")), bool((doc.get("issuer") or {}).get("name")), bool(doc.get("title")),
                bool(doc.get("parent") or doc.get("references")), labelled >= 2, bool(doc.get("signature")),
                bool(doc.get("recipients"))]
    return sum(evidence) >= 2
