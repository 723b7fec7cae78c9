"""The opening of a document as real pipelines deliver it, put back into its printed lines.

Text taken from portals, PDFs and Word exports carries the header in shapes the page never had: site
text before it (navigation, counters, a portal's metadata table), the cells of the header table as
lines separated by "|" (alone on a line, or between cells on one line), and lines broken inside a cell
("Lai Châu, ngày 25" / "tháng 4 năm 2024", "Số: 16 -" / "HD/BTCTW", "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT
NAM"). The header is found by its grammar — the motto, the number line, the place-and-date line — not by
its position; what stands before it is set apart, the broken lines are joined, a line holding both
columns is cut where the second begins, and the header is given in the order a reader takes a
two-column table: the left column (issuer, number, a công văn's subject) before the right (motto,
place and date). A title printed in capitals over several lines becomes one line.

Every output line keeps the number of the source line it starts on, so the record's source spans
still point into the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from khth.schema.grammar import CITATION_NAMES, number_line, parse_place_date

from .common import fold
from .cell_table import find_cell_table, find_layout_table
from .header import AUTHORITY_LINE, TYPE_QUALIFIER, is_motto_letters, motto_prefix, party_bodies

# How far into a text its header may begin: site text before a header is a few dozen lines at most.
_SEARCH = 80
# How far above its first grammatical line a header's issuer block may start (superior, issuer, rules).
_ISSUER_LINES = 6

_MARKDOWN_TABLE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|")
_PIPE_ONLY = re.compile(r"^[\s|]+$")
_RULE = re.compile(r"^\s*\\?[-_=*.…—–¯]{1,}\s*$")
# What opens a decision's own text under its title ("QUYẾT ĐỊNH:"); the authority line above it
# ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") is the header's AUTHORITY_LINE: neither is part of a title.
_DECIDES = re.compile(r"^(?:quyet dinh\s*:|quyet nghi\s*:)")
_LABEL = re.compile(r"^(?:[ivx]+\s*[.\-–)]|\d+\s*[.)]|[a-z]\)|[a-z]\s*[-–]\s*(?=[a-z]{2})|[-+•])")
_NUMBER = re.compile(r"^s[o0]\s*:?\s*(?P<rest>.*)$")
_NUMBER_CODE = re.compile(r"\d+\s*[-/]|[-/]\s*[a-z]", re.I)
_DATE_HEAD = re.compile(r"^(?P<place>[^\d,]{2,40}),\s*ngay\s*(?:\d{1,2}|\.+)?\s*(?:thang\s*(?:\d{1,2})?\s*)?$")
_DATE_TAIL = re.compile(r"^(?:(?:ngay\s*)?(?:\d{1,2}|\.+)?\s*)?thang\s*(?:\d{1,2}|\.+)?\s*(?:nam\s*\d{4})?\s*$|^nam\s*\d{4}")
_TYPE_WORDS = {re.sub(r"[^a-z]", "", fold(name).lower()) for names in CITATION_NAMES.values() for name in names}


@dataclass
class Opening:
    """The text with its opening tidied, and where each of its lines came from."""

    lines: list[str]
    origin: list[int]  # 1-based source line of each output line
    skipped: list[int] = field(default_factory=list)  # source lines set apart as not the document's


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", fold(line)).strip()


def _letters(key: str) -> str:
    return re.sub(r"[^a-z]", "", key)


def _is_number_line(line: str) -> bool:
    """"Số: 1556/KH-UBND", "Số 164-KH/HU": the number line as the grammar reads it."""
    return number_line(line.strip()) is not None


def _is_date_line(line: str) -> bool:
    """"Lai Châu, ngày 25 tháng 4 năm 2024" (the day or month may be blank), alone on its line."""
    found = parse_place_date(line)
    return found is not None and len(line.strip()) < 120


def _is_grammatical(line: str) -> bool:
    return is_motto_letters(_key(line)) or _is_number_line(line) or _is_date_line(line)


def _cells(raw: str) -> list[str]:
    """The cells of a line holding a header-table row: "A | B |", "A<tab>B" → ["A", "B"]."""
    raw = _BULLET.sub("", raw)
    if "|" not in raw and "\t" not in raw:
        return [raw.strip()]
    return [c.strip() for c in re.split(r"[|\t]", raw) if c.strip()]


# A site's list bullet before a header line (" • BAN CHẤP HÀNH TRUNG ƯƠNG"): no part of the document.
_BULLET = re.compile(r"^\s*[•·▪►]\s*")


def _pieces(raw: str) -> list[str]:
    """What a header line holds, cell by cell and column by column."""
    return [piece for c in _cells(raw) for p in _columns(c) for piece in _type_apart(p)]


# Where a second column starts inside a line that holds two: the national or Party motto, the
# "Độc lập" line, a place-and-date after the number, the number after the issuer.
_MOTTO_START = re.compile(r"(?<=\S)\s+(?=(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+[Ll]ập|ĐỘC\s+LẬP)\b)")
_PLACE_DATE = re.compile(r"(?<![^\s*_])(?:TP\.\s*|Thành phố\s+|Thị xã\s+)?(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\s+(?:[-–]\s+)?){0,3}"
                         r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]*,\s*ngày\b")
# A column that a layout put after the motto on the same line: "ĐẢNG CỘNG SẢN VIỆT NAM    ĐẢNG ỦY XÃ …".
_AFTER_MOTTO = re.compile(r"(?<=VIỆT NAM)\s{2,}(?=[A-ZĐÀ-Ỹ])")
_NUMBER_START = re.compile(r"(?<=[A-ZĐÀ-Ỹ*])\s+(?=Số\s*:?\s*\d)")
_BODY_PAIRS = {"chinh phu", "nhan dan", "trung uong", "tinh uy", "huyen uy", "thanh uy", "dang uy"}
# The Party's star under the issuer, printed after its name on a flattened line.
_STAR = re.compile(r"(?<=[A-ZĐÀ-Ỹ])\s+(?=\*(?:\s|$))|(?<=\*)\s+")
# The end of a place-and-date line with more text after it on the same line.
_DATE_END = re.compile(r"\bnăm\s*\d{4}\b")


def _columns(line: str) -> list[str]:
    """A header line printed as two columns side by side, cut where the second begins."""
    parts = [line]
    for rx in (_MOTTO_START, _AFTER_MOTTO, _NUMBER_START, _STAR):
        parts = [piece for part in parts for piece in rx.split(part)]
    parts = [piece for part in parts for piece in party_bodies(part)]
    out = []
    for part in parts:
        m = _PLACE_DATE.search(part)  # the leftmost: a place's first word, not one inside it
        cut = m is not None and m.start() > 0 and any(ch.isalnum() for ch in part[: m.start()])
        out += [part[: m.start()], part[m.start():]] if cut else [part]  # type: ignore[union-attr]
    return [piece.strip() for part in out for piece in _date_apart(part) if piece.strip()]


def _date_apart(part: str) -> list[str]:
    """A place-and-date line and what a flattening put after it ("… năm 2020 KẾ HOẠCH …")."""
    if not _PLACE_DATE.match(part):
        return [part]
    m = _DATE_END.search(part)
    if m is None or not part[m.end():].strip():
        return [part]
    return [part[: m.end()], part[m.end():]]


def _joinable(first: str, second: str) -> str | None:
    """``first`` and ``second`` as one printed line when the break between them fell inside a cell."""
    a, b = _key(first), _key(second)
    if not a or not b:
        return None
    joined = f"{first.rstrip()} {second.strip()}"
    if motto_prefix(a) and (is_motto_letters(_key(joined)) or motto_prefix(_key(joined))):
        return joined
    m = _NUMBER.match(a)
    if m and (not m["rest"] or m["rest"].rstrip().endswith(("-", "/"))) and not _NUMBER.match(b) \
            and not _is_date_line(second) and not is_motto_letters(b):
        return f"{first.rstrip()}{'' if m['rest'] else ' '}{second.strip()}" if m["rest"] else joined
    if _DATE_HEAD.match(a) and _DATE_TAIL.match(b):
        return joined
    # a place name broken before its comma: "Cà" / "Mau, ngày 21 tháng 02 năm 2022"
    if len(a.split()) <= 2 and first.strip()[:1].isupper() and not re.search(r"[\d:/]", a):
        whole = parse_place_date(joined)
        if whole is not None and whole.start == 0 and _is_date_line(second):
            return joined
    # "ỦY" / "BAN NHÂN DÂN", "THỦ TƯỚNG CHÍNH" / "PHỦ": a body's name broken inside its words
    if a in ("uy", "y") and b.startswith("ban nhan dan"):
        return joined
    if len(b.split()) == 1 and first.isupper() and second.strip().isupper() and \
            f"{a.split()[-1]} {b}" in _BODY_PAIRS:
        return joined
    return None


def _anchor(keys: list[str], raws: list[str]) -> int | None:
    """Index of the first grammatical line of the header among the first lines, if any."""
    seen = 0
    for i, key in enumerate(keys):
        if not key:
            continue
        seen += 1
        if seen > _SEARCH:
            return None
        if any(_is_grammatical(piece) for piece in _pieces(raws[i])) or (
                motto_prefix(key) and i + 1 < len(keys) and is_motto_letters(_key(f"{key} {keys[i + 1]}"))):
            return _repeated(keys, i)
    return None


def _repeated(keys: list[str], at: int) -> int:
    """The header's own line where a page printed it first in its crumbs ("Số 38- HD/BTGHU" above
    the page's title, then again in the document's header, under its issuer): its next occurrence
    among the following lines, when there is one."""
    own = " ".join(keys[at].split())
    for j in range(at + 1, min(len(keys), at + _REPEAT_REACH)):
        if " ".join(keys[j].split()) == own:
            return j
    return at


# How far below a grammatical line the page may print it again in the document.
_REPEAT_REACH = 15


def _header_start(keys: list[str], raws: list[str], anchor: int) -> int:
    """The first line of the issuer block above ``anchor``: capitals and rules, a few lines up."""
    start = anchor
    taken = 0
    i = anchor - 1
    while i >= 0 and taken < _ISSUER_LINES:
        raw = raws[i].strip()
        if not raw or _PIPE_ONLY.match(raw) or _RULE.match(raw):
            i -= 1
            continue
        pieces = [p for p in _pieces(raw) if not is_motto_letters(_key(p)) and not _RULE.match(p)]
        if not all(_is_caps(p) and len(p) <= 90 for p in pieces):
            break
        start = i
        taken += 1
        i -= 1
    return start


def _type_word(line: str) -> tuple[str, str] | None:
    """("KẾ HOẠCH", rest) for a capitals line that begins with a type word; rest may be empty."""
    words = line.split()
    for n in (4, 3, 2, 1):
        head = " ".join(words[:n])
        if head.isupper() and _letters(_key(head)) in _TYPE_WORDS:
            rest = " ".join(words[n:])
            if TYPE_QUALIFIER.fullmatch(" " + _key(rest)):
                return f"{head} {rest}", ""
            return head, rest
    return None


def _is_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _end_of_opening(keys: list[str], anchor: int, raw_lines: list[str]) -> int:
    """The index after the header: after the type word ("KẾ HOẠCH") or "Kính gửi", when either comes
    soon after the header's first grammatical line; else a few lines after its last one."""
    last = anchor
    for i in range(anchor, min(len(keys), anchor + 40)):
        key = keys[i]
        if _letters(key) in _TYPE_WORDS or key.startswith("kinh gui"):
            return i + 1
        typed = _type_word(raw_lines[i].strip()) if i > anchor else None
        if typed and typed[1] and _is_caps(typed[1]) and not _NUMBER_CODE.search(typed[1] + " "):
            return i + 1
        if _is_grammatical(raw_lines[i]) or motto_prefix(key):
            last = i
    return min(len(keys), last + 3)


# Where the opening sentence starts after a subject line a flattening put on the same line.
_OPENING_SENTENCE = re.compile(r"\s+-?(?=(?:Căn cứ|Căn|Thực hiện|Triển khai|Thi hành|Nhằm)\s)")


def _type_apart(line: str) -> list[str]:
    """"HƯỚNG DẪN VỀ THỂ THỨC …" → the type word and the title, each its own line; a subject line
    in small letters after the type word ("KẾ HOẠCH kiểm điểm, đánh giá …"), up to the opening
    sentence a flattening ran into it."""
    typed = _type_word(line)
    if not typed or not typed[1] or _NUMBER_CODE.search(typed[1][:12] + " "):
        return [line]
    if _is_caps(typed[1]):
        return [typed[0], typed[1]]
    if typed[1][:1].islower():
        return [typed[0], *(p for p in _OPENING_SENTENCE.split(typed[1], maxsplit=1) if p.strip())]
    return [line]


def _caps_title(raw_lines: list[str], at: int) -> tuple[str, int, int] | None:
    """A title printed in capitals over several lines after the type word, as one line: (title, its
    first source line, the index after it)."""
    parts: list[str] = []
    first = 0
    i = at
    while i < len(raw_lines) and len(parts) < 8:
        raw = raw_lines[i].strip()
        if not raw or _PIPE_ONLY.match(raw):
            i += 1
            continue
        key = _key(raw)
        if _RULE.match(raw) and parts:
            i += 1
            break
        if not _is_caps(raw) or AUTHORITY_LINE.match(key) or _DECIDES.match(key) or _LABEL.match(key) or _is_grammatical(raw):
            break
        parts.append(raw.replace("|", " ").strip())
        first = first or i + 1
        i += 1
    if len(parts) < 2:
        return None
    return " ".join(parts), first, i


def _printed_lines(raw_lines: list[str], start: int, end: int) -> list[tuple[str, int]]:
    """The header's printed lines with their source line: cells apart, broken lines joined."""
    out: list[tuple[str, int]] = []
    for i in range(start, end):
        raw = raw_lines[i]
        if not raw.strip() or _PIPE_ONLY.match(raw):
            continue
        for cell in _pieces(raw):
            joined = _joinable(out[-1][0], cell) if out else None
            if joined is not None:
                out[-1] = (joined, out[-1][1])
            else:
                out.append((cell, i + 1))
    return out


def _right_column(line: str) -> bool:
    key = _key(line)
    return is_motto_letters(key) or motto_prefix(key) or _is_date_line(line)


def _header_end(printed: list[tuple[str, int]]) -> int:
    """Where the header's two columns end: at the type word or "Kính gửi"; at the first line of
    neither column once the number and the date have both been printed; or at a line in running
    text that is not the subject under a công văn's number."""
    number = date = subject = issuer = False
    for i, (text, _) in enumerate(printed):
        right = _right_column(text)
        if (_type_word(text) or _key(text).startswith("kinh gui")) and not right:
            return i
        if not right and not _RULE.match(text):
            if number and date or date and issuer and _is_caps(text) and text != "*" \
                    and not (not number and _number_follows(printed, i)):
                # The issuer is printed above the place and date, never after them; but a column
                # the extraction put after the date ("VĂN PHÒNG" / "Số: 21-HD/VPTW" under "BAN CHẤP
                # HÀNH TRUNG ƯƠNG") still leads to the header's number.
                return i
            issuer = issuer or _is_caps(text) and not _is_number_line(text)
            if not _is_caps(text) and not _is_number_line(text) and not subject:
                return i
        if _is_number_line(text):
            number = subject = True  # the lines under a number may hold the subject ("V/v …")
        elif right or _is_caps(text):
            subject = False
        date = date or _is_date_line(text)
    return len(printed)


def _number_follows(printed: list[tuple[str, int]], i: int) -> bool:
    """Whether the header's number comes within the next two printed lines after line ``i``."""
    return any(_is_number_line(text) for text, _ in printed[i + 1:i + 3])


def _in_column_order(printed: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The header's left column (issuer, number, subject of a công văn) before its right column
    (motto, place and date), as a reader takes a two-column table; what follows the header stays
    after it."""
    cut = _header_end(printed)
    head, tail = printed[:cut], printed[cut:]
    left = [p for p in head if not _right_column(p[0])]
    right = [p for p in head if _right_column(p[0])]
    return left + right + tail


# A table as pandoc's plain and Markdown writers print it: a grid table ("+----+----+" borders, "| a | b |"
# rows, each cell spread over several lines side by side with its neighbours), or a simple or multiline
# table (rules of dashes, one run of dashes a column, cells under them separated by spaces).
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DASH_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})*\s*$")


@dataclass(frozen=True)
class _Column:
    """Where a table's column stands on its lines, in display cells, and how wide its text may run."""

    start: int
    end: int

    @property
    def width(self) -> int:
        return self.end - self.start


@dataclass
class _Paragraph:
    """A cell's paragraph: the lines pandoc wrapped it over, and the source line of the first."""

    lines: list[str]
    line: int


def _display(raw: str) -> list[str]:
    """The line as display cells: a combining mark belongs to the cell of the letter before it, so that
    offsets measured on a border line (which has none) fall on the same columns of a row line."""
    cells: list[str] = []
    for ch in raw:
        if cells and unicodedata.combining(ch):
            cells[-1] += ch
        else:
            cells.append(ch)
    return cells


def _runs(rule: str, mark: str) -> list[_Column]:
    """The columns of a border or dashed rule: each run of characters other than ``mark`` (a grid's
    "+") or each run of dashes (a simple table's rule)."""
    if mark == "+":
        cuts = [i for i, ch in enumerate(rule) if ch == "+"]
        return [_Column(a + 1, b) for a, b in zip(cuts, cuts[1:])]
    return [_Column(m.start(), m.end()) for m in re.finditer(r"-+", rule)]


def _cell_text(cells: list[str], col: _Column) -> str:
    return "".join(cells[col.start:col.end]).strip(" |")


def _wrapped(line: str, following: str, width: int) -> bool:
    """Whether pandoc broke ``line`` only because ``following``'s first word would not fit beside it;
    a break that leaves room was in the document (a line break or a new paragraph)."""
    word = following.split()[0] if following.split() else ""
    return len(_display(line.strip())) + 1 + len(_display(word)) > width


def _column_paragraphs(rows: list[list[tuple[str, int]]], width: int) -> list[_Paragraph]:
    """One column's paragraphs, row by row: a blank cell line or a row's end closes a paragraph, a
    line pandoc wrapped continues it."""
    out: list[_Paragraph] = []
    for row in rows:
        open_: _Paragraph | None = None
        for text, line in row:
            if not text:
                open_ = None
            elif open_ is not None and _wrapped(open_.lines[-1], text, width):
                open_.lines.append(text)
            else:
                open_ = _Paragraph([text], line)
                out.append(open_)
    return out


def _grid_table(raw_lines: list[str], at: int) -> tuple[list[_Column], list[list[int]], int] | None:
    """The grid table whose top border is line ``at``: its columns, its rows (the indices of each
    row's lines), and the index after its last border."""
    columns = _runs("".join(_display(raw_lines[at].rstrip())), "+")
    rows: list[list[int]] = []
    current: list[int] = []
    i = at + 1
    while i < len(raw_lines):
        raw = raw_lines[i].rstrip()
        if _GRID_BORDER.match(raw):
            if current:
                rows.append(current)
            current = []
        elif _GRID_ROW.match(raw):
            current.append(i)
        else:
            break
        i += 1
    if current or not rows or len(columns) < 2:
        return None  # a table left open or of one column is not a header's grid
    return columns, rows, i


def _dash_table(raw_lines: list[str], at: int) -> tuple[list[_Column], list[list[int]], int] | None:
    """The simple or multiline table whose first dashed rule is line ``at``: its columns (taken from
    the first rule that has two or more runs), its rows (blank lines between rows of a multiline
    table, each line a row in a simple one), and the index after its closing rule."""
    columns = _runs(raw_lines[at].rstrip(), "-")
    rows: list[list[int]] = []
    current: list[int] = []
    i = at + 1
    while i < min(len(raw_lines), at + 40):
        raw = raw_lines[i].rstrip()
        if _DASH_RULE.match(raw):
            runs = _runs(raw, "-")
            if len(columns) < 2 and len(runs) >= 2:
                columns = runs
            if current:
                rows.append(current)
            current = []
            if i + 1 >= len(raw_lines) or not raw_lines[i + 1].strip():
                if len(columns) >= 2 and rows:
                    return columns, rows, i + 1
        elif not raw.strip():
            if current:
                rows.append(current)
            current = []
        else:
            current.append(i)
        i += 1
    return None


def _table_lines(raw_lines: list[str], columns: list[_Column], rows: list[list[int]],
                 simple: bool) -> list[tuple[str, int]]:
    """The table's cells as printed lines: the left column's paragraphs, then the next column's, each
    with the 1-based source line it starts on."""
    out: list[tuple[str, int]] = []
    for k, col in enumerate(columns):
        # a simple table's last column may run past its rule; a grid's cell is padded by a space each side
        end = 10**6 if simple and k == len(columns) - 1 else col.end
        span = _Column(col.start, end)
        cells = [[(_cell_text(_display(raw_lines[i]), span), i + 1) for i in row] for row in rows]
        width = col.width - (2 if not simple else 0)
        out += [(" ".join(p.lines), p.line) for p in _column_paragraphs(cells, width)]
    return out


def _untable(raw_lines: list[str]) -> tuple[list[str], list[int]] | None:
    """The lines with each two-column layout table of a pandoc export put back as one cell paragraph
    a line, left column first: the header table opening the text, a second header (the plan a
    decision carries), and the signing block beside "Nơi nhận"; the 1-based source line of each.
    None when there is no such table. The body's own tables stay tables; a task table printed one
    cell a line, or laid out in columns by pdftotext, is put back one line a row (:mod:`.cell_table`)."""
    lines: list[str] = []
    origin: list[int] = []
    done = 0  # index of the first source line not yet copied
    at = 0
    while at < len(raw_lines):
        raw = raw_lines[at]
        cell_table = find_cell_table(raw_lines, at) or find_layout_table(raw_lines, at)
        if cell_table is not None:
            lines += raw_lines[done:at] + [t for t, _ in cell_table.rows]
            origin += list(range(done + 1, at + 1)) + [n for _, n in cell_table.rows]
            done = at = cell_table.end
            continue
        simple = bool(_DASH_RULE.match(raw))
        found = None
        if simple or _GRID_BORDER.match(raw):
            found = _dash_table(raw_lines, at) if simple else _grid_table(raw_lines, at)
        if found is None:
            at += 1
            continue
        columns, rows, end = found
        cells = _table_lines(raw_lines, columns, rows, simple)
        if _layout_table(cells):
            printed = cells
        elif simple:
            printed = _tab_rows(raw_lines, columns, rows)  # a body's table: its rows, cells apart
        else:
            at = end
            continue
        lines += raw_lines[done:at] + [t for t, _ in printed]
        origin += list(range(done + 1, at + 1)) + [n for _, n in printed]
        done = at = end
    if done == 0:
        return None
    return lines + raw_lines[done:], origin + list(range(done + 1, len(raw_lines) + 1))


def _tab_rows(raw_lines: list[str], columns: list[_Column], rows: list[list[int]]) -> list[tuple[str, int]]:
    """A table of the body printed by pandoc as a simple or multiline table, one line a row with its
    cells joined by tabs, as a Word table's rows are read: each cell's lines joined."""
    out: list[tuple[str, int]] = []
    for row in rows:
        texts = []
        for k, col in enumerate(columns):
            span = _Column(col.start, 10**6 if k == len(columns) - 1 else col.end)
            texts.append(" ".join(t for t in (_cell_text(_display(raw_lines[i]), span) for i in row) if t))
        out.append(("\t".join(texts), row[0] + 1))
    return out


# What opens a signing block's cell: "Nơi nhận:", a marker ("TM.", "KT.", "T/M").
_SIGNING_CELL = re.compile(r"^(?:n\w{1,2}i nh\w{1,2}n\s*:?|(?:tm|kt|tl|tuq|q)\.|t/m|k/t|t/l)", re.IGNORECASE)


def _layout_table(cells: list[tuple[str, int]]) -> bool:
    """Whether a table's cells lay out a header (the grammar of the number, the motto, the place and
    date) or a signing block ("Nơi nhận" beside the signer), not content of the body."""
    texts = [text for text, _ in cells]
    if any(_is_grammatical(p) for text in texts for p in _pieces(text)):
        return True
    return any(_SIGNING_CELL.match(_key(text)) for text in texts)


def tidy_opening(raw_lines: list[str]) -> Opening | None:
    """The source lines with a header printed as a table taken out of it (see :func:`_untable`) and the
    opening put back into its printed lines; None when they need nothing."""
    untabled = _untable(raw_lines)
    if untabled is None:
        return _tidy(raw_lines)
    lines, source = untabled
    tidied = _tidy(lines)
    if tidied is None:
        return Opening(lines, source)
    return Opening(tidied.lines, [source[n - 1] for n in tidied.origin], [source[n - 1] for n in tidied.skipped])


def _opening_reach(raw_lines: list[str]) -> int:
    """How many lines the opening may span: the first ``_SEARCH`` printed lines, and the 40 after
    the last of them that :func:`_end_of_opening` may look at."""
    seen = 0
    for i, raw in enumerate(raw_lines):
        seen += bool(raw.strip())
        if seen > _SEARCH:
            return i + 41
    return len(raw_lines)


def _tidy(raw_lines: list[str]) -> Opening | None:
    """The source lines with the opening put back into its printed lines (see the module's text);
    None when they need nothing.

    Each printed line of the header stands apart (a blank line after it), as the cells of the header
    table do on the page: lines of one cell broken by the extraction are joined first."""
    if any(_MARKDOWN_TABLE.match(raw) for raw in raw_lines[:_SEARCH]):
        return None  # a Markdown table's cells are read as such by the layout reader
    keys = [_key(r) for r in raw_lines[:_opening_reach(raw_lines)]]  # the rest of the text is not looked at
    anchor = _anchor(keys, raw_lines)
    if anchor is None:
        return None
    start = _header_start(keys, raw_lines, anchor)
    end = _end_of_opening(keys, anchor, raw_lines)
    skipped = [i + 1 for i in range(start) if raw_lines[i].strip()]
    out: list[str] = [""] * start  # site text set apart, as blank lines, so line numbers hold
    origin: list[int] = list(range(1, start + 1))
    printed = _in_column_order(_printed_lines(raw_lines, start, end))
    title = _caps_title(raw_lines, end) if printed and _type_word(printed[-1][0]) else None
    if title is not None:
        printed.append(title[:2])
        end = title[2]
    for text, line in printed:
        out += [text, ""]
        origin += [line, line]
    out += raw_lines[end:]
    origin += range(end + 1, len(raw_lines) + 1)
    if [ln for ln in out if ln.strip()] == [ln.strip() for ln in raw_lines if ln.strip()] and not skipped:
        return None  # nothing but blank lines would change: the text is read as given
    return Opening(out, origin, skipped)
