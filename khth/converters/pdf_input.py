"""PDF input with a text layer, read with its geometry (pypdfium2).

Every character comes with its box; words are built from characters, lines from words sharing a
baseline, and paragraphs from lines by where they stand on the page, as Word laid them out:

* the two-column blocks of a plan (issuer | national name at the top, recipients | signature at
  the end) are runs of lines none of whose pieces crosses the middle of the text area; each
  column is read whole, the left first, as a Word table's cells are;
* a line continues the paragraph above when the first word of it would not have fitted at the end
  of the line above (the layout program wrapped it), in the same column, with the same weight,
  and not indented as a new paragraph's first line is;
* a line of three pieces or more, apart by wide gaps, is a table row: its cells are joined by tabs;
* running headers and footers (the same text at the top or bottom of most pages) and page numbers
  are dropped.

The paragraphs go to the reader as a Word document's paragraphs do (``docx_lines``), each
numbered in reading order; the record says its source was a PDF.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from khth.input.errors import KhthInputError
from khth.schema.catalogue import Text
from khth.schema.codelists import SourceFormat

from .progress import PageProgress
from .text.layout import Line, is_layout_mark

MAX_PAGES = 1000  # a plan runs to tens of pages; the limit bounds time (about 40 ms a page) and memory
MAX_CHARS = 5_000_000  # characters in all, whatever the page count: a page can hold a text bomb too
MARGIN_BAND = 0.12  # share of the page height, at top and bottom, where running heads and page numbers stand
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)


@dataclass(frozen=True)
class Word:
    """A word on a page: its box in points from the page's top left, and whether its font is bold."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    bold: bool = False
    base: float = 0.0  # the baseline: accents above and dots below move the box, not the baseline


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)


@dataclass
class Piece:
    """Words of one line standing together: a whole line, a cell of a column, a table cell."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass
class VisualLine:
    page: int
    top: float
    bottom: float
    pieces: list[Piece]
    number: int = 0  # 1-based on its page, counted from the top, running heads included

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.pieces)


@dataclass
class Row:
    """A line as read: its text and box within the column it stands in, ready to join paragraphs."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    bold: bool
    column: str  # "body", "left", "right" or "table"
    area: tuple[float, float]  # the column's left and right edge
    first_word: float  # the width of the row's first word
    space: float  # the width of a space in the row's font, about a quarter of its height
    cells: list[str] | None = None  # a table row's cells
    bounds: list[float] | None = None  # where a table row's columns part: the middle of each gap
    line: int = 0  # the visual line's number on its page
    end: tuple[int, int] = (0, 0)  # page and line of the last line a table row's cells run on to


# --- reading the PDF ---------------------------------------------------------------------------

def read_pdf(data: bytes, name: str | None) -> tuple[str, dict]:
    """(root, JSON form) of a PDF: its text layer, or what OCR reads on its pages when it has none
    (a scan) and Tesseract is installed."""
    try:
        return record_from_pages(pdf_pages(data), name)
    except KhthInputError as exc:
        if exc.code != "input.pdf-no-text":
            raise
        from . import ocr

        if ocr.tesseract() is None:
            raise  # the message names the packages that would read it
        return record_from_ocr(ocr.ocr_pdf(data), name)


def record_from_ocr(result, name: str | None) -> tuple[str, dict]:
    """(root, JSON form) of what OCR read: marked as a scan, with Tesseract's confidence as evidence."""
    root, record = record_from_pages(result.pages, name, SourceFormat.SCAN)
    note = (f"OCR (Tesseract, vie): {result.words} words, mean confidence {result.confidence:.0f}/100 "
            f"/ OCR (Tesseract, tiếng Việt): {result.words} từ, độ tin cậy trung bình {result.confidence:.0f}/100")
    for doc in record.get("documents", [record]):
        doc["provenance"].setdefault("notes", []).append(note)
    return root, record


def pdf_pages(data: bytes) -> list[Page]:
    """The words of every page, read with pdfium; refuses an encrypted, empty, damaged or
    over-long PDF, and one with no text layer (a scan)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _refused(data, str(exc)) from None
    try:
        count = len(pdf)
        if count == 0:
            raise KhthInputError.of("input.pdf-invalid", reason=Text("tệp không có trang nào", "it has no pages"))
        if count > MAX_PAGES:
            raise KhthInputError.of("input.pdf-too-long", pages=count, limit=MAX_PAGES)
        pages, chars = [], 0
        with PageProgress(count) as progress:
            for index in range(count):  # page by page: pdfium holds one page's objects at a time
                page = _page_words(pdf, index)
                chars += sum(len(w.text) for w in page.words)
                if chars > MAX_CHARS:
                    raise KhthInputError.of("input.pdf-too-long", pages=count, limit=MAX_PAGES)
                pages.append(page)
                progress.page(index + 1)
    except pdfium.PdfiumError as exc:
        raise _refused(data, str(exc)) from None
    finally:
        pdf.close()
    if not any(p.words for p in pages):
        raise KhthInputError.of("input.pdf-no-text", pages=len(pages))
    return pages


def _refused(data: bytes, reason: str) -> KhthInputError:
    # pdfium's error code is the last one set, possibly by another document: the trailer tells
    if b"/Encrypt" in data:
        return KhthInputError.of("input.encrypted", what=Text("tệp PDF có mật khẩu mở", "a PDF with an opening "
                                                                                      "password"))
    return KhthInputError.of("input.pdf-invalid", reason=Text("tệp hỏng, bị cắt cụt hoặc không có trang nào",
                                                              f"damaged, cut short or without pages; {reason}"))


def _page_words(pdf, index: int) -> Page:
    """The words of page ``index``."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = _words(page.raw, textpage.raw, index + 1, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return Page(index + 1, width, height, words)


# A word: what stands between pdfium's spaces and line ends (it adds them itself where the page
# leaves a gap); \x02 and \ufffe are its mark for a hyphen ending a line.
_WORD = re.compile(r"[^\s\x00\uffff]+")
_LINE_END_HYPHEN = str.maketrans({"\x02": "-", "\ufffe": "-"})


@dataclass(frozen=True)
class _Run:
    """A text object of the page: one font at one size on one baseline, drawn by one operator."""

    left: float
    bottom: float
    right: float
    top: float
    base: float  # from the page's top
    bold: bool

    def holds(self, x: float, y: float) -> bool:
        return self.left - 0.5 <= x <= self.right + 0.5 and self.bottom - 0.5 <= y <= self.top + 0.5


def _words(page, handle, number: int, height: float) -> list[Word]:
    """The words of a text page. A word's box is asked of its first and last characters only; its
    baseline and weight are its text object's, asked once an object (a call into pdfium costs
    microseconds; a page holds thousands of characters in some hundred objects). A word in no
    object's box (text drawn inside a form) asks its first character for them."""
    import ctypes

    import pypdfium2.raw as raw

    runs = _runs(page, height)
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    loose = raw.FPDFText_GetLooseCharBox
    words: list[Word] = []
    at = 0  # the run the last word stood in: words come in the objects' order, mostly
    text = _page_text(raw, handle).translate(_LINE_END_HYPHEN)
    for m in _WORD.finditer(text):
        first, last = m.start(), m.end() - 1
        # the loose box spans the glyph's advance and the font's height: letters touch, unlike their ink
        loose(handle, first, box_ref)
        x0, top, bottom = box.left, height - box.top, height - box.bottom
        cx, cy = (box.left + box.right) / 2, (box.top + box.bottom) / 2
        if last != first:
            loose(handle, last, box_ref)
        x1 = max(box.right, x0)
        run = None
        for i in (at, at + 1):  # the object of the word before, or the next
            if i < len(runs) and runs[i].holds(cx, cy):
                at, run = i, runs[i]
                break
        else:
            for i, candidate in enumerate(runs):
                if candidate.holds(cx, cy):
                    at, run = i, candidate
                    break
        if run is None:
            base, bold = _char_style(raw, handle, first, height)
        else:
            base, bold = run.base, run.bold
        words.append(Word(number, x0, top, x1, bottom, m.group(), bold, base))
    return words


def _runs(page, height: float) -> list[_Run]:
    """The page's text objects (top level), each with its box, baseline and weight."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = raw.FS_MATRIX()
    name = ctypes.create_string_buffer(128)
    fonts: dict[int, bool] = {}
    runs = []
    for i in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))) or \
                not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        font = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in fonts:
            size = raw.FPDFFont_GetBaseFontName(font, name, len(name)) if key else 0
            fonts[key] = _bold_name(name.value.lower() if size else b"")
        runs.append(_Run(left.value, bottom.value, right.value, top.value, height - matrix.f, fonts[key]))
    return runs


def _bold_name(font: bytes) -> bool:
    return b"bold" in font or b"black" in font


def _char_style(raw, handle, index: int, height: float) -> tuple[float, bool]:
    """The baseline and weight of one character, asked of pdfium's text page."""
    import ctypes

    ox, oy = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(handle, index, ctypes.byref(ox), ctypes.byref(oy))
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    raw.FPDFText_GetFontInfo(handle, index, name, len(name), ctypes.byref(flags))
    font = name.value.lower()
    bold = _bold_name(font) or (not font and raw.FPDFText_GetFontWeight(handle, index) >= 600)
    return height - oy.value, bold


def _page_text(raw, handle) -> str:
    """The page's characters, one per character index: in one call when every character is one
    UTF-16 unit (Vietnamese text is), else asked one by one."""
    import ctypes

    count = raw.FPDFText_CountChars(handle)
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(handle, 0, count, buffer)
    text = bytes(buffer)[:max(written - 1, 0) * 2].decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))


# --- lines and pieces --------------------------------------------------------------------------

# Where words part in pieces, in heights of their boxes: about an em for a text layer (a box is the
# font's height, about 1.2 em); more for a scan, whose boxes are the ink's and lose a letter's edge
# now and then (a bold "CỘNG" boxed a fifth short), while columns stand apart by several ems.
PIECE_GAP = 0.8
SCAN_PIECE_GAP = 1.6


def visual_lines(page: Page, gap: float = PIECE_GAP) -> list[VisualLine]:
    """The page's words grouped in lines (sharing their baseline), top to bottom, each
    split in pieces where words stand apart by more than ``gap`` times their boxes' height."""
    lines: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: w.base):
        first = lines[-1][0] if lines else None
        if first is not None and word.base - first.base <= 0.2 * (first.bottom - first.top):
            lines[-1].append(word)  # the same baseline: columns in other font sizes stand on their own
            continue
        lines.append([word])
    out = []
    for words in lines:
        words.sort(key=lambda w: w.x0)
        size = _median([w.bottom - w.top for w in words])
        pieces = [[words[0]]]
        gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
        # a justified line spreads its spaces evenly, however wide: it stays one piece
        justified = len(gaps) >= 3 and max(gaps) - min(gaps) < 0.1 * size
        for word in words[1:]:
            if word.x0 - pieces[-1][-1].x1 > gap * size and not justified:
                pieces.append([word])
            else:
                pieces[-1].append(word)
        line = VisualLine(page.number, min(w.top for w in words), max(w.bottom for w in words),
                          [Piece(p) for p in pieces])
        if out and _side_by_side(out[-1], line):
            out[-1] = VisualLine(page.number, min(out[-1].top, line.top), max(out[-1].bottom, line.bottom),
                                 sorted(out[-1].pieces + line.pieces, key=lambda p: p.x0))
        else:
            out.append(line)
    for number, line in enumerate(out, 1):
        line.number = number
    return out


def _median(values: list[float]) -> float:
    """statistics.median without its generality: a page has some thousand lines."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _side_by_side(above: VisualLine, line: VisualLine) -> bool:
    """Whether two lines on their own baselines stand side by side: they share most of their height
    and no piece of one overlaps a piece of the other (two columns in different font sizes, as
    "Nơi nhận:" beside the signing authority)."""
    overlap = min(above.bottom, line.bottom) - max(above.top, line.top)
    if overlap < 0.5 * min(above.height, line.height):
        return False
    return all(a.x1 < b.x0 or b.x1 < a.x0 for a in above.pieces for b in line.pieces)


def drop_running_lines(pages: list[list[VisualLine]], heights: list[float]) -> list[list[VisualLine]]:
    """The lines without page numbers and running headers or footers: lines in the top or bottom
    band of the page that are a number, or whose text (digits aside) stands in that band on two
    thirds of the pages at least (and three)."""
    def in_band(line: VisualLine, height: float) -> bool:
        return line.bottom < MARGIN_BAND * height or line.top > (1 - MARGIN_BAND) * height

    def key(line: VisualLine) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    seen = Counter(k for lines, h in zip(pages, heights) for k in {key(ln) for ln in lines if in_band(ln, h)})
    # on most pages: the first lines of the documents of a bundle repeat on a page each, not on most
    running = {k for k, n in seen.items() if n >= 3 and n * 3 >= 2 * len(pages)}
    return [[ln for ln in lines if not (in_band(ln, h) and (_PAGE_NUMBER.match(ln.text) or key(ln) in running))]
            for lines, h in zip(pages, heights)]


# --- rows in reading order ----------------------------------------------------------------------

def rows_of(lines: list[VisualLine], area: tuple[float, float], rows: list[Row], scan: bool = False) -> None:
    """The rows of one page in reading order, two-column blocks column by column, added to the
    rows of the pages before (a table row may go on over the page break). On a scan (no weights
    tell a header's lines apart) the left column's box is its cell's: see :func:`_left_cell`."""
    i = 0
    while i < len(lines):
        last = rows[-1] if rows else None
        if last is not None and last.cells is not None and _continues_cells(last, lines[i], i == 0):
            _add_to_cells(last, lines[i])  # before all else: a wrapped row may leave two pieces
            i += 1
            continue
        block = _two_column_block(lines, i)
        if block is not None:
            # each column's own box: its lines are centred (a header) or start together (recipients) in it
            bounds = {"left": _box([p for left, _ in block.columns for p in left]),
                      "right": _box([p for _, right in block.columns for p in right])}
            lefts = [left for left, _ in block.columns if left]
            if scan and _centred_column(lefts, bounds["left"]):
                bounds["left"] = _left_cell(bounds["left"], area)
            for column in ("left", "right"):
                for line, (left, right) in zip(lines[i:block.end], block.columns):
                    pieces = left if column == "left" else right
                    if pieces:
                        rows.append(_row(line, pieces, column, bounds[column]))
            i = block.end
            continue
        line = lines[i]
        if len(line.pieces) >= 3:
            row = _row(line, line.pieces, "table", area, sep="\t")
            row.cells = [p.text for p in line.pieces]
            row.bounds = [(a.x1 + b.x0) / 2 for a, b in zip(line.pieces, line.pieces[1:])]
            rows.append(row)
        else:
            rows.append(_row(line, line.pieces, "body", area))
        i += 1


def _column(piece: Piece, bounds: list[float]) -> int:
    centre = (piece.x0 + piece.x1) / 2
    return sum(1 for b in bounds if centre > b)


def _continues_cells(row: Row, line: VisualLine, first_on_page: bool) -> bool:
    """Whether ``line`` holds the wrapped words of the cells of table row ``row``: it follows without
    a blank line (or opens the next page), its first column is empty, and it has a piece at most in each other column (centred
    by its middle: the cells of a heading row are centred, their gaps a poor guide to the columns)."""
    assert row.bounds is not None
    if (line.page != row.page and not first_on_page) or \
            (line.page == row.page and line.top - row.bottom > 0.8 * line.height):
        return False
    columns = [_column(p, row.bounds) for p in line.pieces]
    return 0 not in columns and len(set(columns)) == len(columns)


def _add_to_cells(row: Row, line: VisualLine) -> None:
    assert row.cells is not None and row.bounds is not None
    for piece in line.pieces:
        column = _column(piece, row.bounds)
        row.cells[column] = f"{row.cells[column]} {piece.text}".strip()
    row.text = "\t".join(row.cells)
    row.bottom = line.bottom
    row.end = (line.page, line.number)


@dataclass
class Block:
    """A two-column block: each line's pieces in the left and the right column."""

    end: int
    columns: list[tuple[list[Piece], list[Piece]]]


def _two_column_block(lines: list[VisualLine], start: int) -> Block | None:
    """The two-column block starting at ``start``: a line of two pieces, then the lines below whose
    pieces each stand in one of its columns: ending before the right column starts, or together
    centred where the right column's pieces are. None when ``start`` does not open one."""
    first = lines[start]
    if len(first.pieces) != 2:
        return None
    size = first.height or 10.0
    left_piece, right_piece = first.pieces  # apart by more than a word space: see visual_lines
    lo, hi = left_piece.x1, right_piece.x0
    centre = (right_piece.x0 + right_piece.x1) / 2
    columns = [([left_piece], [right_piece])]
    end = start + 1
    while end < len(lines):
        if lines[end].top - lines[end - 1].bottom > 2 * size:
            break  # a wider space than a blank line: what follows is the body
        split = _split_line(lines[end], lo, hi, centre, size)
        if split is None:
            break
        left, right = split
        if left:
            lo = max(lo, left[-1].x1)
        if right:
            hi = min(hi, right[0].x0)
        columns.append(split)
        end += 1
    return Block(end, columns)


def _centred_column(lines: list[list[Piece]], box: tuple[float, float]) -> bool:
    """Whether a column's lines are centred (a header's) rather than set from its left edge (a
    list of recipients): fewer than half of them start there."""
    starting = sum(1 for pieces in lines if pieces[0].x0 - box[0] < 2.0)
    return starting * 2 < len(lines)


def _left_cell(box: tuple[float, float], area: tuple[float, float]) -> tuple[float, float]:
    """The cell a left column's lines are centred in: from the text's left edge to as far beyond
    their centre. Its widest line is then a line of its own unless it nearly fills the cell: on a
    scan the superior body ("UBND TỈNH BẠC LIÊU") and the issuer below it ("SỞ TƯ PHÁP"), told
    apart by weight in a text layer, would otherwise read as one wrapped name."""
    left = min(area[0], box[0])
    return left, max(box[1], box[0] + box[1] - left)


def _box(pieces: list[Piece]) -> tuple[float, float]:
    return (min(p.x0 for p in pieces), max(p.x1 for p in pieces)) if pieces else (0.0, 0.0)


def _split_line(line: VisualLine, lo: float, hi: float, centre: float,
                size: float) -> tuple[list[Piece], list[Piece]] | None:
    """The line's pieces in the left column (ending before the right column starts) and in the
    right (together centred on the right column's centre: a blank day splits a date in two
    pieces); None when a piece stands in neither."""
    left = [p for p in line.pieces if p.x1 < hi - size]
    right = line.pieces[len(left):]
    if any(p.x1 >= hi - size for p in left) or (left and right and left[-1] is not line.pieces[len(left) - 1]):
        return None
    if right and not (right[0].x0 > lo + size and abs((right[0].x0 + right[-1].x1) / 2 - centre) < 2.5 * size):
        return None
    return left, right


def _row(line: VisualLine, pieces: list[Piece], column: str, area: tuple[float, float], sep: str = " ") -> Row:
    words = [w for p in pieces for w in p.words]
    height = _median([w.bottom - w.top for w in words])
    return Row(line.page, line.top, line.bottom, pieces[0].x0, pieces[-1].x1, sep.join(p.text for p in pieces),
               all(p.bold for p in pieces), column, area, words[0].x1 - words[0].x0, 0.25 * height,
               line=line.number, end=(line.page, line.number))


# --- paragraphs --------------------------------------------------------------------------------

def _centred(row: Row) -> bool:
    left, right = row.area
    return row.x0 - left > 2 * row.space and abs((row.x0 + row.x1) / 2 - (left + right) / 2) < 2 * row.space


# What opens a line of its own in a column: a signing mark, a list dash.
_OPENS_LINE = re.compile(r"^(?:TM\.|T/M|KT\.|K/T|Q\.|TL\.|TUQ\.|-|\+|•|V/v\b|Số\b|Kính gửi\b)")


# What opens the name of an issuing body in a header's left column ("HUYỆN ỦY SƠN HÀ" below "ĐẢNG BỘ
# TỈNH QUẢNG NGÃI", "BAN TỔ CHỨC TRUNG ƯƠNG" below "BAN CHẤP HÀNH TRUNG ƯƠNG"): never a wrapped line's tail.
_ISSUER_OPENS = re.compile(r"^(?:(?:HUYỆN|TỈNH|THÀNH|THỊ|QUẬN|ĐẢNG|XÃ|PHƯỜNG) ỦY|ỦY BAN|UBND|HĐND|HỘI ĐỒNG|BAN|SỞ|"
                           r"PHÒNG|BỘ|CỤC|CHI CỤC|VĂN PHÒNG|TRUNG TÂM|TRƯỜNG|CÔNG AN|TỔNG CỤC)\b")


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def continues(above: Row, row: Row, weights: bool = True) -> bool:
    """Whether ``row`` is the wrapped continuation of the paragraph whose last row is ``above``;
    ``weights`` is False where the words' weight is unknown (OCR): no line is known to be bold."""
    if row.column != above.column or row.column == "table" or row.bold != above.bold:
        return False
    if row.page == above.page and row.top - above.bottom > 1.2 * (above.bottom - above.top):
        return False  # a blank line between
    if row.column != "body" and (_caps(row.text) != _caps(above.text) or _OPENS_LINE.match(row.text)):
        return False  # in a header or signing column, each item is a paragraph of its own
    if not weights and row.column == "left" and _ISSUER_OPENS.match(row.text):
        return False  # on a scan, no weight tells a superior body from the issuer below it
    left, right = row.area
    if _centred(row) and (row.bold or not weights or row.column != "body"):  # a plan's titles are bold
        if row.column == "right":
            return False  # national name, motto, place and date, signing marks: never wrapped
        # a centred title or issuer's name, wrapped inside indents or its cell: the line above is
        # among the widest of its column (a title's box is the page's)
        share = 0.7 if row.column == "body" else 0.9
        return above.x1 - above.x0 + row.space + row.first_word > share * (right - left)
    if above.x1 + row.space + row.first_word < right - 1.5 * row.space:
        return False  # the first word would have fitted on the line above: the line above ended there
    return row.x0 - left <= 2 * row.space  # a first-line indent starts a new paragraph


_HYPHEN_END = re.compile(r"\S[-‐‑]$")


@dataclass(frozen=True)
class Place:
    """Where a paragraph stands in the PDF: the page and line (on that page) of its first and last lines."""

    page: int
    line: int
    end_page: int
    end_line: int

    def span(self) -> dict[str, int]:
        """The JSON form of the place, as a source span's fields."""
        span = {"page": self.page, "startLine": self.line, "endLine": self.end_line}
        if self.end_page != self.page:
            span["endPage"] = self.end_page
        return span


def paragraphs(rows: list[Row], weights: bool = True, places: dict[int, Place] | None = None) -> list[Line]:
    """Rows joined in paragraphs, as :func:`khth.converters.docx_input.docx_lines` gives a
    Word document's: numbered in reading order, a blank line counted where rows stand apart.
    ``places`` receives each paragraph's place by its number."""
    out: list[Line] = []
    current: list[Row] = []

    def flush(gap: int) -> None:
        text = ""
        for r in current:
            part = r.text if r.column == "table" else re.sub(r"\s+", " ", r.text)
            # a line broken after the hyphen of a compound (NĐ-CP, 52-NQ/TW): no space is added
            text += part if _HYPHEN_END.search(text) else (" " + part if text else part)
        text = text.strip()
        if text and not is_layout_mark(text):
            out.append(Line(len(out) + 1, text, hard=True, gap=gap, bold=current[0].bold))
            if places is not None:
                first, last = current[0], max(current, key=lambda r: r.end)
                places[len(out)] = Place(first.page, first.line, *last.end)
        current.clear()

    gap = 0
    for row in rows:
        if current and continues(current[-1], row, weights):
            current.append(row)
            continue
        if current:
            above = current[-1]
            blank = row.page == above.page and row.top - above.bottom > 1.2 * (above.bottom - above.top)
            flush(gap)
            gap = 1 if blank else 0
        current.append(row)
    if current:
        flush(gap)
    return out


def text_area(pages: list[list[VisualLine]]) -> tuple[float, float]:
    """The left and right edge of the body's text: the leftmost start a tenth of the lines share (a
    table's cells or a stray word start further left now and then), and where all lines but a
    twentieth end."""
    starts = [ln.pieces[0].x0 for lines in pages for ln in lines if len(ln.pieces) < 3]  # not table rows
    ends = sorted(ln.pieces[-1].x1 for lines in pages for ln in lines)
    if not starts:
        return 0.0, 0.0
    shared = [x for x, n in Counter(round(x) for x in starts).items() if n >= max(3, len(starts) // 10)]
    left = float(min(shared)) - 0.5 if shared else sorted(starts)[len(starts) // 20]
    return left, ends[len(ends) * 19 // 20]


def pdf_lines(pages: list[Page], weights: bool = True, places: dict[int, Place] | None = None) -> list[Line]:
    """The paragraphs of a PDF's pages; ``weights`` is False for a scan (OCR knows no bold);
    ``places`` receives where each stands (see :func:`paragraphs`)."""
    gap = PIECE_GAP if weights else SCAN_PIECE_GAP
    lines = drop_running_lines([visual_lines(p, gap) for p in pages], [p.height for p in pages])
    area = text_area(lines)
    rows: list[Row] = []
    for page_lines in lines:
        rows_of(page_lines, area, rows, scan=not weights)
    return paragraphs(rows, weights, places)


def record_from_pages(pages: list[Page], name: str | None,
                      source: SourceFormat = SourceFormat.PDF) -> tuple[str, dict]:
    from khth.input.canonical import root_of

    from .text import text_to_record

    places: dict[int, Place] = {}
    try:
        record = text_to_record("", name, docx_lines=pdf_lines(pages, source != SourceFormat.SCAN, places),
                                scanned=source == SourceFormat.SCAN)
    except KhthInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader fault on an odd PDF is reported, never a traceback
        raise KhthInputError.of("input.text-unreadable", reason=type(exc).__name__) from None
    for doc in record.get("documents", [record]):
        doc["provenance"]["sourceFormat"] = source.value
    _place_spans(record, places)
    return root_of(record), record


def _place_spans(node: Any, places: dict[int, Place]) -> None:
    """Each source span of the record (a paragraph's number, as for a Word file) given the page and
    lines its paragraph stands on."""
    if isinstance(node, dict):
        span = node.get("source")
        if isinstance(span, dict) and span.get("paragraph") in places:
            span.update(places[span["paragraph"]].span())
        for value in node.values():
            _place_spans(value, places)
    elif isinstance(node, list):
        for value in node:
            _place_spans(value, places)
