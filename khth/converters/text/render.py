"""A record in the official layout, as text (Nghị định 30/2020/NĐ-CP Appendix I; Hướng dẫn 36-HD/VPTW).

Header (superior body and issuer beside the motto, number beside place and date), type name and
subject line, "Kính gửi", the body with its labels, "Nơi nhận" and the signing block. Nothing the
record does not hold as printed: an inferred fact is shown on a line opening with "[suy ra]"
(:data:`khth.converters.marks.INFERRED`), which the reader skips, and a record whose header was lost
gets no motto. Each
printed unit is one line ending in a forced break (two spaces, as Word's text export writes
it), with a blank line between units, so that reading the rendering gives the same record.
"""

from __future__ import annotations

from khth.schema.codelists import BlockRole, DocumentType, System
from khth.schema.identifiers import CITATION_NAMES, citation_name

from ..marks import INFERRED

_MOTTO = {System.PARTY: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
          System.STATE: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]}


def _date_line(doc: dict) -> str | None:
    iso = doc.get("issueDate")
    if not iso:
        return None
    parts = iso.split("-")
    y = parts[0]
    m = str(int(parts[1])) if len(parts) > 1 else "   "
    d = f"{int(parts[2]):02d}" if len(parts) > 2 else "   "
    place = doc.get("place")
    line = f"ngày {d} tháng {m} năm {y}"
    return f"{place}, {line}" if place else line


def render_document(doc: dict) -> str:
    out: list[str] = []

    def unit(text: str) -> None:
        out.append(text + "  ")
        out.append("")

    for line in _header_lines(doc):
        unit(line)
    title = _printed_title(doc)
    if doc["documentType"] == DocumentType.CV and title:
        unit(f"V/v {title}")
    elif title:
        name = citation_name(doc["documentType"], (doc.get("number") or {}).get("system")).upper()
        unit(f"{INFERRED} {name}" if "/documentType" in _inferred(doc) else name)
        unit(title)
    if doc.get("addressees"):
        unit("Kính gửi:")
        for r in doc["addressees"]:
            unit(f"{r.get('label', '-')} {r['text']}")
    body = doc.get("body", [])
    # An annex is printed after the signing block, where the layout puts it (Nghị định 30/2020/NĐ-CP).
    annexes = [b for b in body if b.get("role") == BlockRole.ANNEX]
    for block in body:
        if block.get("role") != BlockRole.ANNEX:
            _block(block, unit)
    if doc.get("recipients"):
        unit("Nơi nhận:")
        for r in doc["recipients"]:
            unit(f"{r['label']} {r['text']}" if r.get("label") else r["text"])
    sig = doc.get("signature") or {}
    for a in sig.get("authority", []):
        unit(f"{a['marker']} {a['of']}")
    if sig.get("position"):
        unit(sig["position"])
    if sig.get("signedAt"):
        d, t = sig["signedAt"][:10], sig["signedAt"][11:19]
        y, m, dd = d.split("-")
        unit(f"{dd}.{m}.{y} {t}")
    if sig.get("name"):
        unit(sig["name"])
    for block in annexes:
        # Its title and its "(Kèm theo …)" line stand on lines of their own, as printed.
        for part in (block.get("heading"), block.get("text")):
            if part:
                unit(part)
        for child in block.get("children", []):
            _block(child, unit)
    return "\n".join(out).rstrip() + "\n"


def _inferred(doc: dict) -> set[str]:
    """The fields the record's reader or curator inferred, the source never printing them. In an OCR
    record an inferred header fact is the printed one restored (its evidence is the OCR text), so it
    counts as printed."""
    prov = doc.get("provenance") or {}
    if prov.get("ocr"):
        return set()
    return {f.get("field", "") for f in prov.get("inferred", [])}


# The header's two columns stand side by side when both fit in this many characters; the right column
# starts past the middle of the line, where a reader of pdftotext -layout text looks for it.
HEADER_WIDTH = 100
_LEFT_MIN = 30
_GAP = 6


def _header_lines(doc: dict) -> list[str]:
    """The header as the record holds it printed, its two columns side by side where they fit in
    :data:`HEADER_WIDTH` characters, else one line after another (the left column first): the superior
    body and the issuer beside the national name and motto (or the Party's name), the number beside
    place and date. An issuer the source never printed (inferred) is shown on a line of its own opening
    with :data:`INFERRED`, before the header; the motto stands only beside a header the source printed
    (an issuer not inferred, a number or a date), so a record whose header was lost gets none."""
    issuer = doc.get("issuer") or {}
    inferred = _inferred(doc)
    marked: list[str] = []
    left_top: list[str] = []
    for key in ("superiorBody", "name"):
        if issuer.get(key):
            guessed = "/issuer" in inferred or f"/issuer/{key}" in inferred
            (marked if guessed else left_top).append(f"{INFERRED} {issuer[key]}" if guessed else issuer[key])
    number, date = doc.get("number"), _date_line(doc)
    if not (left_top or number or date):
        return marked
    system = issuer.get("system") or (number or {}).get("system") or System.STATE
    party = system == System.PARTY
    right_top = list(_MOTTO[System.PARTY if party else System.STATE])
    left_low = []
    if number:
        left_low.append(f"Số {number['printed']}" if number.get("system") == System.PARTY else f"Số: {number['printed']}")
    right_low = [date] if date else []
    return marked + _side_by_side([(left_top, right_top), (left_low, right_low)])


def _side_by_side(rows: list[tuple[list[str], list[str]]]) -> list[str]:
    """Lines of two columns, each row's pieces centred in their column; one piece a line, the left
    column first, when a row does not fit, a piece holds a run of spaces (a blank day) a reader
    would take for the gap between the columns or an apostrophe, or a line would not be read as its
    two pieces."""
    pieces = [t for left, right in rows for t in left + right]
    left_width = max([_LEFT_MIN] + [len(t) for left, _ in rows for t in left])
    right_width = max([0] + [len(t) for _, right in rows for t in right])
    # A place with an apostrophe ("Cư M'gar") in the date beside the number is not read back apart from it.
    if left_width + _GAP + right_width > HEADER_WIDTH or any("   " in t or "'" in t or "’" in t for t in pieces):
        return [t for left, right in rows for t in left + right]
    from .layout import _columns  # how a reader of the text takes a line apart into its two columns

    lines = []
    for left, right in rows:
        for n in range(max(len(left), len(right))):
            a = left[n].center(left_width) if n < len(left) else " " * left_width
            b = right[n].center(right_width) if n < len(right) else ""
            line = (a + " " * _GAP + b).rstrip() if b else a.rstrip()
            if a.strip() and b and [t for _, t in _columns(line) or []] != [a.strip(), b.strip()]:
                # A piece the reader would not take for a column ("Cư M'gar, ngày …"): one a line.
                return [t for left, right in rows for t in left + right]
            lines.append(line)
    return lines


def _printed_title(doc: dict) -> str | None:
    """The subject line. An OCR record prints it as the source printed it, like its labels and
    body: citations printed in it keep their printed form, and reading it again restores it."""
    prov = doc.get("provenance") or {}
    if prov.get("ocr"):
        for fact in prov.get("inferred", []):
            if fact.get("field") == "/title" and fact.get("evidence"):
                return fact["evidence"]
    return doc.get("title")


def _block(block: dict, unit) -> None:
    table = _table_rows(block)
    if table is not None:
        _table(table, unit)
        return
    # An OCR record prints the label as the source printed it; reading it again restores it.
    parts = [block.get("printedLabel") or block.get("label"), block.get("heading"), block.get("text")]
    unit(" ".join(p for p in parts if p))
    for child in block.get("children", []):
        _block(child, unit)


# --- task tables ----------------------------------------------------------------------------------
#
# The text reader reads a task table (a Markdown pipe table or tab-separated columns) as a block whose
# heading holds the column headers joined by " | ", with a block for each row: its number the label,
# its task the text, and each other cell a block under it headed by its column's header. Such a
# block prints as a pipe table again, so that reading the rendering gives the same blocks.

_COLUMN_SEP = " | "


def _table_rows(block: dict) -> list[list[str]] | None:
    """The table a block holds, header row first, as cell texts; None for a block that holds none
    or one whose blocks a table cannot print as they are."""
    heading = block.get("heading") or ""
    children = block.get("children") or []
    if _COLUMN_SEP not in heading or not children or any(k in block for k in ("label", "text")):
        return None
    header = heading.split(_COLUMN_SEP)
    table = [header]
    for row in children:
        cells = _row_cells(row, header)
        if cells is None:
            return None
        table.append(cells)
    return table


def _row_cells(row: dict, header: list[str]) -> list[str] | None:
    """A row block's cells in the columns of ``header``: the label in the row-number column, the
    text in the task column (as the reader took them), each cell block under its own header."""
    if row.get("heading") or row.get("printedLabel") or row.get("role") != BlockRole.TASK:
        return None
    from .body import _column_role  # the reader's reading of a column header

    cells = [""] * len(header)
    free = list(range(len(header)))
    for key, role in (("label", "number"), ("text", "task")):
        if row.get(key):
            col = next((i for i in free if _column_role(header[i]) == role), None)
            if col is None:
                return None
            cells[col] = row[key]
            free.remove(col)
    for child in row.get("children", []):
        if child.get("children") or child.get("label") or child.get("heading") not in header:
            return None
        col = next((i for i in free if header[i] == child["heading"]), None)
        if col is None:
            return None
        cells[col] = child.get("text", "")
        free.remove(col)
    return cells


def _table(rows: list[list[str]], unit) -> None:
    """A pipe table: the header row, the rule under it, a line for each row."""
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    unit(line(rows[0]))
    unit("|" + "|".join("---" for _ in rows[0]) + "|")
    for cells in rows[1:]:
        unit(line(cells))


def render(data: dict) -> str:
    if "documents" in data:
        return "\n\n".join(render_document(d) for d in data["documents"])
    return render_document(data)


__all__ = ["render", "render_document", "CITATION_NAMES"]
