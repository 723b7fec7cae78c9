"""From source lines to printed units: layout marks removed, wrapped lines re-joined.

Text extracted from Word or PDF comes in two shapes, and the reader tells them apart by the
line lengths: *wrapped* text, where each printed line is a source line (often with blank lines
between them), and *paragraph-per-line* text, where each paragraph is one long line. The
joining rules (SPEC §2, docs/curation.md "Text") are the same for both; only the evidence that
a line ends its paragraph differs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from khth.schema.grammar import BARE_LABEL, HYPHEN_LABEL_AT, LABEL_AT_START, NUMBER_LINE, PLACE_DATE_LINE

from ..marks import is_not_printed
from .common import Para, fold

_PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
_RULE = re.compile(r"^[-_–—=.*\s]{3,}$")
_RULE_OPENERS = "-_–—=.*"  # what a trimmed line matching _RULE can open with (_PAGE_NUMBER: "-–" or \d)
_SENTENCE_END = re.compile(r"(?:[.:;!?…]|\./\.|\.\)|[.;:]”|\))$")
_STOPS = (".", ":", ";", "!", "?", "…", ")")


def ends_sentence(text: str) -> bool:
    """``_SENTENCE_END`` read from the last characters instead of a scan of the whole line."""
    if text.endswith("\n"):
        return _SENTENCE_END.search(text) is not None
    return text.endswith(_STOPS) or (text.endswith("”") and len(text) >= 2 and text[-2] in ".;:")


def ends_word_hyphen(text: str) -> bool:
    """``\\w-$``: a token broken after its hyphen ("260-" / "KH/TU")."""
    if text.endswith("\n"):
        return re.search(r"\w-$", text) is not None
    return text.endswith("-") and len(text) >= 2 and (text[-2].isalnum() or text[-2] == "_")
_MD_BOLD = re.compile(r"\*\*|__")
# An ATX heading of Markdown: one to six "#" and a space, the text, perhaps closing "#"s.
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<inner>.*?)(?:[ \t]+#+)?[ \t]*$")
# A stray mark in italics standing after the end of a sentence or item: "… dân vận. *k*".
_MD_STRAY = re.compile(r"(?<=[.;,:])\s+\*(?P<mark>[^*\s]{1,8})\*\s*$")
_MD_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(?P<inner>[^*]+?)(?<=\S)\*(?![*\w])")


# A pandoc-style escape: a backslash before ASCII punctuation ("\*", "1\.", "\-", "\["). Markdown
# writers escape what Markdown would read as a mark; the printed character is the one escaped.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escaped characters are kept out of the way of the bold and italic rules as private-use
# characters, and put back once the marks are removed.
_PROTECT_BASE = 0xF0000
_PROTECTED = re.compile("[\U000F0021-\U000F007E]")
# A label escaped by pandoc at a line start: a text in that shape is a Markdown export even
# without any bold or italic mark.
_MD_ESCAPED_LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\\?\.\d{1,2}){0,3}\\\.|\\[-*+#])(?:\s|$)")
# A page number printed between dashes ("- 2 -", "– 12 –") is page furniture wherever it stands.
_DASHED_PAGE_NUMBER = re.compile(r"^[-–]\s*\d{1,3}\s*[-–]$")
# pdftotext -layout prints the two columns of a header or footer on one line, a wide run of
# spaces between them; justified body text never leaves that many.
_COLUMN_GAP = re.compile(r" {5,}")
# The right column starts in the right half of the printed line.
_RIGHT_COLUMN_MIN = 30


@dataclass
class Line:
    num: int  # 1-based line number in the source (paragraph index for .docx)
    text: str  # printed text: layout marks removed, trimmed
    hard: bool = False  # the line ends with a forced break (two or more trailing spaces)
    gap: int = 0  # blank lines before it
    bold: bool = False
    numbering: str | None = None
    key: str = ""  # the folded text (common.fold)
    indent: int = 0  # the column the text starts at in the source (spaces; pdftotext -layout)
    # (character offset, source unit) after the first where one line joins several source units:
    # a .docx table row, each cell from its own paragraph.
    offsets: list[tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        if not self.key:
            self.key = fold(self.text)


def _normalise(text: str, keep_tabs: bool = False) -> str:
    """Spaces for no-break spaces and tabs; page breaks out (the same steps on a line and its key).
    The tabs of a table row are kept: they separate its cells (``is_tab_row``)."""
    text = text.replace("\u00a0", " ").replace("\f", "")
    return text if keep_tabs else text.replace("\t", " ")


def _tab_cells(raw: str) -> list[str]:
    """The cells of a line split at its tabs, white space at its ends left out."""
    return raw.replace("\f", "").strip().split("\t")


def is_tab_row(raw: str, after_row: bool = False) -> bool:
    """A row of a table exported as text (Word's "Plain Text" writes a table row as its cells
    separated by tabs): two or more tabs inside the line. A row that follows another row may leave
    cells empty; a first row names its columns, three at least, which tells it from the two columns
    of a header or signature table (one tab, or two around an empty middle column)."""
    if raw.count("\t") < 2:
        return False
    cells = _tab_cells(raw)
    if len(cells) < 3:
        return False
    return after_row or sum(1 for c in cells if c.strip()) >= 3


def _unescape_markdown(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group(0)) - _PROTECT_BASE), text)


def _protect_escapes(text: str) -> str:
    return _MD_ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text)


def _is_page_number(text: str, gap: int, raw: str, next_raw: str | None) -> bool:
    """A page number: between dashes, after a blank line, or beside a page break ("\\f2", "2\\f",
    "2" over a line that opens with "\\f")."""
    if not _PAGE_NUMBER.match(text):
        return False
    if _DASHED_PAGE_NUMBER.match(text) or gap >= 1 or "\f" in raw:
        return True
    return next_raw is not None and next_raw.lstrip(" \t").startswith("\f")


def _columns(text: str) -> list[tuple[int, str]] | None:
    """The two columns of a header or footer line printed side by side (pdftotext -layout):
    (column, text) for each, or None for an ordinary line.

    Only a line of exactly two pieces, the right one in the right half of the line, is split,
    and only where the right piece is what the right column prints: the motto, the place and
    date, a signing marker, a post or body name in capitals, the signer's name."""
    if "     " not in text:
        return None
    stripped = text.rstrip()
    start = len(stripped) - len(stripped.lstrip())
    gaps = list(_COLUMN_GAP.finditer(stripped, start))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    left, right = stripped[start:gap.start()], stripped[gap.end():]
    if gap.end() < _RIGHT_COLUMN_MIN or not left or not right:
        return None
    if not _right_column_piece(right):
        return None
    return [(start, left), (gap.end(), right)]


# Word's "Plain Text" export writes a row of a header or signature table as its two cells separated
# by a tab (a tab run where a middle cell is empty).
_TAB_RUN = re.compile(r"\t+")


def _tab_columns(raw: str, indent: int) -> list[tuple[int, str]] | None:
    """The two columns of a header or footer line exported as text by Word: the two cells of one
    row of the header or signature table, separated by one tab run. Like ``_columns``, only a line
    of exactly two pieces whose right piece is what the right column prints is split; a label
    before the tab is a list item's, not a column."""
    pieces = [p.strip() for p in _TAB_RUN.split(raw.replace("\f", "").replace("\u00a0", " ").strip())]
    if len(pieces) != 2 or not all(pieces):
        return None
    left, right = pieces
    # A label alone before a tab: Word writes a list item's label and its text separated by a tab
    # ("1.\tSở Tư pháp", "I.\tMỤC ĐÍCH, YÊU CẦU", "Điều 1.\tPHẠM VI"); that tab is not a column gap.
    if BARE_LABEL.fullmatch(left) or not _left_cell_piece(left):
        return None
    if not (_right_column_piece(right, caps=False, name=False) or _ARCHIVE.match(fold(left)) and _is_name(right)):
        return None
    return [(indent, left), (indent, right)]


# "- Lưu: VT, …": the last item of "Nơi nhận", printed beside the signer's name (Nghị định
# 30/2020/NĐ-CP, Appendix I). A name in a table cell is told from other words in title case only there.
_ARCHIVE = re.compile(r"^[-–+•]?\s*luu\b")


def _is_name(text: str) -> bool:
    from .signature import looks_like_name

    return looks_like_name(text)


def _left_cell_piece(text: str) -> bool:
    """What the left cell of a header or signature table prints: the issuer's name in capitals,
    the number ("Số: …"), the summary of a dispatch ("V/v …"), "Nơi nhận:" and its items ("- …")."""
    from .recipients import NOI_NHAN

    key = fold(text)
    return bool(is_caps_line(text) or NUMBER_LINE.match(text) or key.startswith("v/v") or NOI_NHAN.match(key)
                or text[0] in "-–+•")


# A Markdown pipe table row ("| a | b |") and the rule under its first row ("|:---:|---|").
_PIPE = re.compile(r"(?<!\\)\|")
_ALIGN_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
_MD_MARKS = re.compile(r"[*\\]")


def _pipe_cells(text: str) -> list[str] | None:
    """The cells of a pipe table row ("| a | b |": the outer pipes are its edges), or None."""
    stripped = text.strip()
    if not stripped.startswith("|") or stripped.count("|") < 2:
        return None
    cells = _PIPE.split(stripped)[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [c.strip() for c in cells]


def _two_column_tables(raw_lines: list[str]) -> dict[int, bool]:
    """The rows of the pipe tables that print a header or a signing block in two columns, by line
    number, True for the rule under the first row.

    As in a .docx (docx_input._body_table), a table whose first row names fewer than three columns
    is no task table: its cells are read one after another, row by row, the left cell first. It is
    a header's or a signing block's table where a cell holds what those print: the motto, the
    number, the place and date, "Nơi nhận" or a signing marker."""
    rows: dict[int, bool] = {}
    table: list[tuple[int, list[str]]] = []
    for num, raw in enumerate(raw_lines + [""], start=1):
        cells = _pipe_cells(raw) if "|" in raw else None
        if cells is not None:
            table.append((num, cells))
            continue
        if table and _is_two_column_table([c for _, c in table]):
            rows.update((n, all(_ALIGN_CELL.match(c) for c in cells_)) for n, cells_ in table)
        table = []
    return rows


def _is_two_column_table(rows: list[list[str]]) -> bool:
    if len(rows[0]) > 3 or sum(1 for c in rows[0] if c) >= 3 or any(len(r) > 3 for r in rows):
        return False
    from .header import motto_in
    from .recipients import NOI_NHAN
    from .signature import MARKER_RE

    for row in rows:
        for cell in row:
            text = _MD_MARKS.sub("", cell).strip()
            if text and (motto_in(text) or NUMBER_LINE.match(text) or PLACE_DATE_LINE.search(text)
                         or NOI_NHAN.match(fold(text)) or MARKER_RE.match(text)):
                return True
    return False


def _right_column_piece(text: str, caps: bool = True, name: bool = True) -> bool:
    """What the right column prints; ``caps=False`` leaves out a line in capitals that is not a post
    and ``name=False`` a name (a table cell's words say less than a wide gap in a printed line)."""
    # The header and signature readers import this module: their rules are imported here.
    from .header import motto_in
    from .signature import MARKER_RE, is_post, looks_like_name

    return bool(motto_in(text) or PLACE_DATE_LINE.search(text) or MARKER_RE.match(text) or is_post(text)
                or (caps and is_caps_line(text)) or (name and looks_like_name(text)))


def is_layout_mark(text: str) -> bool:
    """A trimmed line that prints only a layout mark: the "*" under a Party issuer's name (Hướng dẫn
    36-HD/VPTW) or a rule ("-----", "———") under a name or the motto, never a label ("1.", "-"); or a
    line that prints no fact (:mod:`khth.converters.marks`: an inferred fact, a template's placeholder)."""
    if text == "*":
        return True
    if is_not_printed(text):
        return True
    return bool(text) and text[0] in _RULE_OPENERS and bool(_RULE.match(text)) and \
        not LABEL_AT_START.match(text + " x")


def prepare_lines(raw_lines: list[str], markdown: bool, notes: list[str],
                  key_lines: list[str] | None = None) -> list[Line]:
    """Source lines without layout: page numbers, rules, the Party asterisk, Markdown marks and
    escapes; the two columns of a header or footer line printed side by side, one after the other.

    ``key_lines`` are the folded source lines; each line's key is cut from them by the same
    steps as its text, so no line is folded again."""
    escaped = markdown or any("\\" in raw and _MD_ESCAPED_LABEL.match(raw) for raw in raw_lines)
    out: list[Line] = []
    split: list[int] = []  # source lines printed in two columns
    gap = 0
    row = False  # the line before (not blank) is a table row
    # The rows of a header or signing block laid out as a pipe table: their cells are lines.
    cell_rows = _two_column_tables(raw_lines) if any("|" in raw for raw in raw_lines) else {}
    hard_pad = _forced_break_padding(raw_lines)
    for i, raw in enumerate(raw_lines, start=1):
        if not raw or raw.isspace():
            # A blank line (half the lines of a text with blank lines between paragraphs): every
            # step below leaves it empty, so it only counts as a gap. A blank line is never a table
            # row (is_tab_row finds no cells in it); one without tabs leaves ``row`` as it was.
            if "\t" in raw:
                row = False
            gap += 1
            continue
        if cell_rows.get(i):
            continue  # the rule under a pipe table's first row
        row = is_tab_row(raw, row) if "\t" in raw else False  # the line is not blank
        text = _normalise(raw, row)
        if text.count("|") == 1 and not cell_rows:
            text = _CELL_EDGE.sub(r"\1", text)  # one cell of a table copied as text: "KT. CHỦ TỊCH |"
        hard = len(text) - len(text.rstrip(" ")) >= hard_pad
        indent = len(text) - len(text.lstrip(" "))
        pieces = _columns(text) if not markdown and not row else None
        if pieces is None and not markdown and not row and "\t" in raw:
            pieces = _tab_columns(raw, indent)
        text = _trim(text, row)
        key = ""
        if key_lines is not None and text:
            key = _trim(_normalise(key_lines[i - 1], row), row)
        if text[:1] == "#" and not row:
            m = _MD_HEADING.match(text)
            if m and m["inner"]:
                text, key = m["inner"], ""  # a Markdown heading ("## I. MỤC ĐÍCH"): its marks are layout
        protected = escaped and "\\" in text
        if protected:
            key = ""
            text = _protect_escapes(text)
        if markdown and text:
            key = ""
            m = _MD_STRAY.search(text)
            if m:
                notes.append(f"Line {i}: the stray italic mark \"*{m['mark']}*\" is a mark, not text, and is left out.")
                text = text[: m.start()].rstrip()
            text = _MD_BOLD.sub("", text)
            text = _MD_ITALIC.sub(lambda mm: mm["inner"], text).strip()
        if i in cell_rows:
            cells = [_unescape_markdown(c) if protected else c for c in _pipe_cells(text) or []]
            pieces = [(0, c) for c in cells if c]
            if not pieces:
                gap += 1
                continue
        if protected:
            text = _unescape_markdown(text)
        if not text:
            gap += 1
            continue
        if text == "*":
            notes.append(f"Line {i}: the \"*\" under the issuer's name is the layout mark of a Party header, not text.")
            gap += 1
            continue
        if is_layout_mark(text):
            gap += 1
            continue
        if _is_page_number(text, gap, raw, raw_lines[i] if i < len(raw_lines) else None):
            notes.append(f"Line {i}: the page number \"{text}\" is not text.")
            gap += 1
            continue
        if pieces:
            gap = _add_columns(out, i, pieces, hard, gap)
            split.append(i)
            continue
        out.append(Line(i, text, hard, gap, key=key, indent=indent))
        gap = 0
    for first, last in _runs(split):
        notes.append(f"Line {first}: lines {first}–{last} print two columns side by side; they are read one "
                     f"after the other, the left column first.")
    return out


_CELL_EDGE = re.compile(r"^(\s*)\|\s*|\s*\|(?=\s*$)")


def _forced_break_padding(raw_lines: list[str]) -> int:
    """How many blanks at a line's end force a break: two (Markdown's rule), or one more than most
    lines carry when a tool pads every line (Word's text export ends each line with a space, a
    copy may add another): padding every line shares says nothing about where breaks are."""
    plain = (raw.replace("\t", " ") for raw in raw_lines if raw.strip())  # as _normalise leaves a line's end
    pads = Counter(len(raw) - len(raw.rstrip(" ")) for raw in plain)
    usual = max(sorted(pads), key=pads.__getitem__, default=0)
    return max(2, usual + 1)


def _trim(text: str, row: bool) -> str:
    """A line trimmed; a table row keeps the tabs before its first cell, which say the cell is
    empty (the tabs after its last cell say nothing)."""
    if not row:
        return text.strip()
    return text.strip(" \r\n\v").rstrip()


def _runs(nums: list[int], within: int = 8) -> list[tuple[int, int]]:
    """Groups of near line numbers (one header, one footer), as (first, last)."""
    runs: list[tuple[int, int]] = []
    for n in nums:
        if runs and n - runs[-1][1] <= within:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _add_columns(out: list[Line], num: int, pieces: list[tuple[int, str]], hard: bool, gap: int) -> int:
    """Both columns of a line as two lines of the same source line, the left one first."""
    for n, (column, piece) in enumerate(pieces):
        if piece == "*":
            continue  # the Party asterisk under the issuer's name
        out.append(Line(num, piece, hard and n == len(pieces) - 1, gap, indent=column))
        gap = 0
    return gap




def hyphen_label(text: str, pos: int = 0) -> re.Match | None:
    """A hyphen label opening ``text`` at ``pos`` ("1-", "1.1-", "a-", the Party's item labels): an
    item starts there, whatever the line above ends with. The item opens with a capital, which
    tells the label from a range ("từ 1- 2 lần") or a word broken at a hyphen."""
    m = HYPHEN_LABEL_AT.match(text, pos)
    if m and (text[m.end():m.end() + 1].isupper() or text[m.end():m.end() + 1] in ("“", '"', "(")):
        return m
    return None


# A paragraph indentation counts when this share of the lines starts at it and some lines start
# at the margin: then wrapped lines are the ones at the margin.
_INDENT_SHARE = 0.2


def paragraph_indent(lines: list[Line]) -> int:
    """The indentation that opens a paragraph, where the text is laid out that way; else 0."""
    if len(lines) < 5:
        return 0
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.indent] = counts.get(ln.indent, 0) + 1
    indents = [(n, ind) for ind, n in counts.items() if ind >= 2]
    if not indents:
        return 0
    n, ind = max(indents)
    at_margin = sum(c for i, c in counts.items() if i < ind - 1)
    if n >= max(3, _INDENT_SHARE * len(lines)) and at_margin >= 2:
        return ind
    return 0


def starts_with_label(text: str) -> bool:
    return bool(LABEL_AT_START.match(text))


_OPEN_RANGE = re.compile(r"\d\s*[-–]$")
_OPEN_NUMBER_WORD = re.compile(r"(?<=\s)(?:số|ngày|tháng|năm)$", re.IGNORECASE)


def _lowercase_start(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _opens_with_verb(key: str) -> bool:
    """Whether a line (folded) opens with a verb of an assignment ("Phối hợp …", "Chủ trì …",
    "Căn cứ …") that is never part of a body's name: "Xây dựng", "Kiểm tra", "Tổ chức", "Quản lý"
    are left out ("Sở Xây dựng", "Ủy ban Kiểm tra", "Ban Tổ chức", "Ban Quản lý")."""
    from .agencies import VERBS

    words = key.split(" ", 2)
    head = " ".join(words[:2])
    return head not in _NAME_VERBS and (head in VERBS or head == "can cu")


_NAME_VERBS = frozenset(("xay dung", "kiem tra", "to chuc", "quan ly"))


class Joiner:
    """Decides where paragraphs end in one document's body."""

    def __init__(self, lines: list[Line]) -> None:
        # A table row (cells separated by tabs) prints its cells side by side, each wrapped in its
        # own column: its length says nothing of the printed line's width.
        lengths = sorted(len(ln.text) for ln in lines if "\t" not in ln.text) or [0]
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        # Whole paragraphs on one line: the long lines run far past a printed line's width.
        self.per_line = self.width > 140
        # Word's text export marks the end of a paragraph with two spaces; where a document shows
        # that habit, a line without it is a wrapped line.
        self.hard_breaks = sum(ln.hard for ln in lines) >= 3
        # OCR layers and some exports keep a paragraph's lines together and put a blank line
        # between paragraphs: there a blank line is the paragraph break.
        self.blank_separates = bool(lines) and sum(ln.gap == 0 for ln in lines) > 0.5 * len(lines)
        self.para_indent = paragraph_indent(lines)

    def continues(self, prev: Line, cur: Line) -> bool:
        text = cur.text
        prev_text = prev.text
        if "\t" in text or "\t" in prev_text:
            return False  # a table row (its cells separated by tabs) is a unit of its own
        if hyphen_label(text):
            return False  # "a- …", "1.1- …": an item of a list, not the rest of the line above
        if ends_word_hyphen(prev_text):
            return True  # "260-" / "KH/TU": a token broken after its hyphen
        if text[:1].isdigit() and (_OPEN_RANGE.search(prev_text) or _OPEN_NUMBER_WORD.search(prev_text)):
            # "mùa khô năm 2019 -" / "2020": a range of years broken after its dash; "Thực hiện
            # Quyết định số" / "2029/QĐ-BGDĐT ngày …": a citation broken before its number or date
            return True
        if self.para_indent:
            # Paragraphs indented, wrapped lines at the margin (pdftotext -layout, hard-wrapped
            # text): the indentation says where a paragraph begins; centred lines follow the rules
            # below.
            if abs(cur.indent - self.para_indent) <= 1:
                return False
            # A labelled line at the margin is an item (hard-wrapped text prints "- …" items
            # there): the rules below decide.
            # A short line above ends its paragraph wherever the next line starts.
            if cur.indent < self.para_indent - 1 and cur.gap == 0 and prev.indent <= self.para_indent + 1 \
                    and len(prev_text) >= 0.6 * self.width and not LABEL_AT_START.match(text):
                return True
        m = LABEL_AT_START.match(text)
        if m:
            label = m["label"]
            # "kinh tế" / "- xã hội": a hyphen inside a sentence, not a list item.
            rest = text[m.end():]
            if label in "-–" and not ends_sentence(prev_text):
                if _lowercase_start(rest):
                    return True
                # "Trung tâm Văn hoá - Thông tin" / "- Thể thao …": a full wrapped line goes on.
                if not self.per_line and self.hard_breaks and not prev.hard and cur.gap < 2 \
                        and len(prev_text) >= 0.85 * self.width:
                    return True
            return False
        if _lowercase_start(text):
            return True
        if self.per_line:
            return False
        if self.blank_separates and cur.gap >= 1:
            return False
        if ends_sentence(prev_text):
            # A sentence that ends where a full printed line ends may go on with the next line:
            # only a forced break, a gap or a short line closes the paragraph there.
            full = len(prev_text) >= 0.85 * self.width and not prev.hard and cur.gap < 2
            return full and not prev_text.endswith((":", "./.")) and self.hard_breaks
        if prev.hard or cur.gap >= 2:
            return False
        if len(prev_text) < 0.6 * self.width:
            return False
        if starts_with_label(prev_text) and not is_caps_line(text) and _opens_with_verb(cur.key or fold(text)):
            # "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường" / "Phối hợp tuyên truyền …": a verb
            # with a capital opens a sentence; inside one it is written in lower case. The labelled
            # line is a heading over its paragraph (a heading in capitals goes on in capitals).
            return False
        return True

    def paragraphs(self, lines: list[Line]) -> list[Para]:
        paras: list[Para] = []
        cur: list[Line] = []
        for ln in lines:
            if cur and self.continues(cur[-1], ln):
                cur.append(ln)
                continue
            if cur:
                paras.append(join(cur))
            cur = [ln]
        if cur:
            paras.append(join(cur))
        return paras


# White space other than tabs: a table row's tabs separate its cells and are kept.
_WS = re.compile(r"[^\S\t]+")


def join(lines: list[Line]) -> Para:
    """One printed unit from its lines; a token broken after "-" is joined without a space."""
    if len(lines) == 1:
        # A unit printed on one line, the common case: its text and key as they are (a line is
        # trimmed already; strip returns the same string then).
        ln = lines[0]
        text = ln.text
        if text.isprintable() and "  " not in text:
            return Para(text.strip(), ln.num, ln.num, bold=bool(ln.bold), numbering=ln.numbering,
                        offsets=[(0, ln.num)], key=ln.key.strip())
    pieces: list[str] = []
    keys: list[str] = []  # the same steps on the lines' keys give the paragraph's key
    offsets: list[tuple[int, int]] = []
    length = 0
    tail = ""  # the last characters of the text joined so far
    for ln in lines:
        piece, kp = ln.text, ln.key
        if not piece.isprintable() or "  " in piece:  # else no white space but single spaces
            piece, kp = _WS.sub(" ", piece), _WS.sub(" ", kp)
        piece, kp = piece.strip(" "), kp.strip(" ")
        if length and not ends_word_hyphen(tail):
            pieces.append(" ")
            keys.append(" ")
            length += 1
            tail = tail[-1:] + " "
        offsets.append((length, ln.num))
        if ln.offsets:
            offsets.extend((length + pos, num) for pos, num in ln.offsets)
        pieces.append(piece)
        keys.append(kp)
        length += len(piece)
        tail = (tail + piece)[-2:]
    return Para("".join(pieces), lines[0].num, lines[-1].num, bold=all(ln.bold for ln in lines),
                numbering=lines[0].numbering, offsets=offsets, key="".join(keys))


def is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
