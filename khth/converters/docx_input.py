"""Word (.docx) input: paragraphs, automatic numbering, bold headings and tables, read with python-docx.

Every paragraph becomes one source unit, numbered from 1 in reading order (table cells row by
row, left cell first, as the two-column header table of a Word plan is read). Source maps give
that paragraph index. A label printed by Word's automatic numbering is not in the paragraph's
text; it is computed from the numbering definition (decimal, letter, Roman, bullet). A row of a
body table (three named columns or more, as a task table) is one unit, its cells joined by tabs,
numbered with the index of its first paragraph.
"""

from __future__ import annotations

import io
import re

from khth.input.containers import open_zip
from khth.input.errors import KhthInputError
from .text.layout import Line, is_layout_mark

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _number(value: str | None) -> int | None:
    """A numbering attribute as Word writes it (a decimal); None when it is missing or damaged."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _format(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "lowerLetter":
        return _LETTERS[(n - 1) % len(_LETTERS)]
    if fmt == "upperLetter":
        return _LETTERS[(n - 1) % len(_LETTERS)].upper()
    return str(n)


class _Styles:
    """A paragraph's style, looked up once per style id: python-docx finds a paragraph's style by
    scanning every style of the document, which took most of the time of reading a long document."""

    def __init__(self) -> None:
        self.by_id: dict[str | None, object] = {}

    def of(self, paragraph):
        key = paragraph._p.style
        if key not in self.by_id:
            self.by_id[key] = paragraph.style
        return self.by_id[key]


class _Numbering:
    def __init__(self, document, styles: _Styles | None = None) -> None:
        self.styles = styles or _Styles()
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract = {}
        for an in root.iter(f"{_W}abstractNum"):
            lv = {}
            for lvl in an.iter(f"{_W}lvl"):
                ilvl = _number(lvl.get(f"{_W}ilvl"))
                if ilvl is None:
                    continue  # a level without its index (or a damaged one) numbers nothing
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lv[ilvl] = (fmt.get(f"{_W}val") if fmt is not None else "decimal",
                            text.get(f"{_W}val") if text is not None else "%1.",
                            (_number(start.get(f"{_W}val")) if start is not None else None) or 1)
            abstract[an.get(f"{_W}abstractNumId")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val"), {}).items():
                self.levels[(num.get(f"{_W}numId"), ilvl)] = spec

    def label(self, paragraph) -> str | None:
        num_pr = None
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            num_pr = ppr.numPr
        else:
            # Numbering set by the paragraph style ("List Number").
            style = self.styles.of(paragraph)
            while style is not None and num_pr is None:
                spr = style.element.pPr
                if spr is not None and spr.numPr is not None and spr.numPr.numId is not None:
                    num_pr = spr.numPr
                style = style.base_style
        if num_pr is None:
            return None
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return None
        fmt, text, start = spec
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for (nid, lv) in list(self.counters):
            if nid == num_id and lv > ilvl:
                del self.counters[(nid, lv)]
        if fmt == "bullet":
            return "-" if text not in ("+",) else "+"
        label = text
        for lv in range(ilvl + 1):
            n = self.counters.get((num_id, lv), self.levels.get((num_id, lv), ("decimal", "", 1))[2])
            f = self.levels.get((num_id, lv), ("decimal", "", 1))[0]
            label = label.replace(f"%{lv + 1}", _format(f, n))
        return label.strip() or None




def _body_table(table) -> bool:
    """A table of the body (a task table): its first row names three columns at least. The
    two-column tables of the header (issuer | motto) and of the end (Nơi nhận | signature), even
    with an empty column between, hold two; their cells are read one paragraph after another."""
    rows = table.rows
    if not rows:
        return False
    named = {id(c._tc) for c in rows[0].cells if c.text.strip()}
    return len(named) >= 3


def docx_lines(data: bytes) -> list[Line]:
    try:
        import docx  # python-docx
    except ImportError:
        raise KhthInputError.of("input.docx-unavailable") from None
    open_zip(data)  # refused from its directory before python-docx unpacks a member
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any failure to open is a bad input, reported as such
        raise KhthInputError.of("input.docx-invalid", reason=str(exc)) from None
    styles = _Styles()
    numbering = _Numbering(document, styles)
    lines: list[Line] = []
    index = 0
    gap = 0

    def read(paragraph) -> tuple[str, bool] | None:
        """The next paragraph's printed text (with its label) and boldness; None when it is empty."""
        nonlocal index
        index += 1
        text = re.sub(r"\s+", " ", paragraph.text.replace("\u00a0", " ")).strip()
        label = numbering.label(paragraph)
        if not text or (not label and is_layout_mark(text)):
            return None
        runs = [r for r in paragraph.runs if r.text.strip()]
        style = styles.of(paragraph) if runs and any(r.bold is None for r in runs) else None
        bold = bool(runs) and all(r.bold or (r.bold is None and style is not None and style.font.bold) for r in runs)
        if label:
            text = f"{label} {text}"
        return text, bold

    def add(paragraph) -> None:
        nonlocal gap
        got = read(paragraph)
        if got is None:
            gap += 1
            return
        lines.append(Line(index, got[0], hard=True, gap=gap, bold=got[1]))
        gap = 0

    def add_row(row, cells: dict) -> None:
        """A row of a body table as one line, its cells joined by tabs (as Word's text export
        writes it), so the body reads it as the text reader reads a tab-separated row. The line's
        number is the index of the row's first paragraph; every paragraph keeps its index."""
        nonlocal gap
        first = index + 1
        texts: list[str] = []
        bolds: list[bool] = []
        offsets: list[tuple[int, int]] = []  # where each cell's text starts, and its paragraph
        pos = 0
        seen = set()
        for cell in row.cells:
            tc = cell._tc
            if id(tc) in seen:
                continue  # a cell merged across columns appears once in its row
            seen.add(id(tc))
            if tc not in cells:  # a cell merged down the rows is read once, and stands in each row
                parts, start = [], None
                for paragraph in cell.paragraphs:
                    got = read(paragraph)
                    if got is not None:
                        parts.append(got)
                        start = start or index  # the paragraph where the cell's text starts
                cells[tc] = (" ".join(t for t, _ in parts), all(b for _, b in parts), start)
            text, bold, num = cells[tc]
            if text:
                bolds.append(bold)
                offsets.append((pos, num))
            texts.append(text)
            pos += len(text) + 1
        if not any(texts):
            gap += 1
            return
        num = min(first, index)
        lines.append(Line(num, "\t".join(texts).rstrip("\t"), hard=True, gap=gap, bold=all(bolds),
                          offsets=[(p, n) for p, n in offsets if p > 0]))
        gap = 0

    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            add(Paragraph(element, document))
        elif element.tag == f"{_W}tbl":
            table = Table(element, document)
            if _body_table(table):
                cells: dict = {}
                for row in table.rows:
                    add_row(row, cells)
                continue
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a merged cell appears once
                    seen.add(id(cell._tc))
                    for p in cell.paragraphs:
                        add(p)
    return lines
