"""Spreadsheets: a list of expected responders read from .xlsx, and each view written as one.

openpyxl is imported only here and only when a spreadsheet is read or written, so the other formats
never pay for it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from .errors import ReportError

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive; a list is judged by its bytes, not its name


def read_rows(data: bytes, path: str) -> list[list[str]]:
    """The cells of the first sheet, as text, row by row."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ReportError.of("report.responders-unreadable", file=path, reason=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        return [["" if c is None else str(c).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def workbook(sheets: Sequence[tuple[str, list[str], list[list[str | int]]]]) -> bytes:
    """One sheet per (title, column titles, rows): the header row frozen and filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title[:31])  # Excel's limit on a sheet's name
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{max(len(rows) + 1, 1)}"
        for i, title_text in enumerate(columns, start=1):
            width = max([len(title_text)] + [len(str(r[i - 1])) for r in rows if i - 1 < len(r)])
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template() -> bytes:
    from .responders import CODE, KIND, NAME

    return workbook([("Đơn vị thực hiện", [NAME, KIND, CODE], [])])
