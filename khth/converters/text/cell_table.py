"""A task table whose cells reach the reader one a line.

LibreOffice's text export, plain pdftotext and a browser's copy of a web page print a Word table's
cells each on a line of its own, row after row:

    TT
    Nội dung nhiệm vụ
    Cơ quan chủ trì
    Thời gian hoàn thành
    1
    Chú trọng công tác xây dựng gia đình …
    Công an xã
    Thường xuyên
    2
    …

The column titles open with "TT" (or "STT"), and each row with its number, one more than the row
before. ``pdftotext -layout`` prints the same table in columns, each cell's lines under its title
(:func:`find_layout_table`). Such a table is put back one line a row, cells apart by tabs, as Word's own text export
and pandoc's tables reach the reader; a row whose cells cannot be told apart (a cell of several
paragraphs, an empty cell left out) stays as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khth.schema.grammar.letters import fold

# "TT", "STT", "Số TT", "Số thứ tự": the first column's title.
_ROW_NUMBER_TITLE = re.compile(r"(?:s\s*)?tt|so (?:tt|thu tu)")
# A column's title: a few words, no sentence.
_MAX_TITLE = 60
_MAX_COLUMNS = 8


@dataclass
class CellTable:
    rows: list[tuple[str, int]]  # each row as a line of tab-separated cells, with its 1-based source line
    end: int  # index of the first source line after the table


def _key(line: str) -> str:
    return " ".join(fold(line).split()).strip(" .:")


def _row_number(line: str, number: int) -> bool:
    return line.strip().rstrip(".") == str(number)


# What a line opening such a table starts with, checked before anything else (every line is asked).
_OPENS = re.compile(r"\s{0,3}(?:S\S\s*)?S?TT\b|\s{0,3}S\S th", re.IGNORECASE)


def find_cell_table(lines: list[str], at: int) -> CellTable | None:
    """The table whose column titles start at ``lines[at]``, when it is one."""
    if not _OPENS.match(lines[at]) or not _ROW_NUMBER_TITLE.fullmatch(_key(lines[at])):
        return None
    titles = [lines[at].strip()]
    i = at + 1
    while i < len(lines) and len(titles) < _MAX_COLUMNS and not _row_number(lines[i], 1):
        text = lines[i].strip()
        if not text or len(text) > _MAX_TITLE or text.endswith((".", ";")):
            return None
        titles.append(text)
        i += 1
    width = len(titles)
    if width < 3 or i >= len(lines):
        return None
    rows = [("\t".join(titles), at + 1)]
    number = 1
    while i < len(lines) and _row_number(lines[i], number):
        cells, j = _cells(lines, i + 1, number + 1, width - 1)
        if cells is None:
            break
        rows.append(("\t".join([str(number), *cells]), i + 1))
        number += 1
        i = j
    if number == 1:
        return None
    return CellTable(rows, i)


def _cells(lines: list[str], start: int, following: int, count: int) -> tuple[list[str] | None, int]:
    """The ``count`` cells of a row from ``lines[start]``; None when the lines there are not exactly
    its cells: the next row's number comes sooner or later than after them (the last row is
    followed by the text after the table, with no number in reach)."""
    end = start + count
    cells = [ln.strip() for ln in lines[start:end]]
    if len(cells) != count or not all(cells) or any(_row_number(c, following) for c in cells):
        return None, start
    if end < len(lines) and not _row_number(lines[end], following):
        if any(_row_number(ln, following) for ln in lines[end:end + 2 * count]):
            return None, start
    return cells, end


_ROW_START = re.compile(r"\s{0,3}(\d{1,3})\.?(?=\s{2,}\S)")


def find_layout_table(lines: list[str], at: int) -> CellTable | None:
    """The table laid out in columns whose titles start at ``lines[at]`` ("TT   Nội dung nhiệm vụ
    Cơ quan chủ trì   Thời gian", as pdftotext -layout prints a Word table), when it is one: its
    columns are what the gutters blank on every line of it leave, and each row opens with its
    number in the first column, its cells' lines under their titles."""
    if not _OPENS.match(lines[at]) or "\t" in lines[at]:
        return None  # no row-number title, or already one row a line, its cells apart by tabs
    first = lines[at]
    if not _ROW_NUMBER_TITLE.fullmatch(_key(first.split("  ")[0])) or not re.search(r"\S\s{2,}\S", first):
        return None
    end = at + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    region = lines[at:end]
    spans = _columns(region)
    if len(spans) < 3:
        return None
    titles: list[list[str]] = [[] for _ in spans]
    rows: list[tuple[list[list[str]], int]] = []
    for n, line in enumerate(region):
        cells = [line[a:b].strip() for a, b in spans]
        if n > 0 and re.fullmatch(r"\d{1,3}\.?", cells[0]) and int(cells[0].rstrip(".")) == len(rows) + 1:
            rows.append(([[] for _ in spans], at + n + 1))
        elif n > 0 and cells[0] and rows:
            return None  # a first column that is no row number: no task table
        target = rows[-1][0] if rows else titles
        for k, text in enumerate(cells):
            if text:
                target[k].append(text)
    if not rows:
        return None
    out = [("\t".join(" ".join(t) for t in titles), at + 1)]
    out += [("\t".join(" ".join(c) for c in cells), line) for cells, line in rows]
    return CellTable(out, end)


def _columns(region: list[str]) -> list[tuple[int, int]]:
    """The spans of text between the gutters (two positions or more blank on every line), each
    reaching to the next one's start."""
    width = max(len(ln) for ln in region)
    used = [any(i < len(ln) and not ln[i].isspace() for ln in region) for i in range(width)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < width:
        if not used[i]:
            i += 1
            continue
        j = i
        while j < width and (used[j] or (j + 1 < width and used[j + 1])):
            j += 1
        spans.append((i, j))
        i = j
    return [(a, b if k + 1 == len(spans) else spans[k + 1][0]) for k, (a, b) in enumerate(spans)]
