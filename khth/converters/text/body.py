"""The body: printed units as blocks, nested as their labels nest, with their roles (SPEC §9).

Nesting follows the label hierarchy of Vietnamese plans: Roman sections (I., II-), numbered
items (1., then 1.1.), letters (a), b), … đ) …), dashes and pluses. A dash item or an unlabelled
paragraph belongs to the nearest block that introduces it: a heading, or a paragraph ending in
":". So "- Cơ quan chỉ đạo: …" after "1.1. …" and "1.2. …" stands under task "1.", not under 1.2.

Roles come from the section headings (NỘI DUNG / NHIỆM VỤ, GIẢI PHÁP → tasks, TỔ CHỨC THỰC
HIỆN → organisation, …) and from the captions of agency and timeframe lines.
"""

from __future__ import annotations

import re

from khth.schema.grammar import ATTACHMENT_NOTE, LABEL_AT_START, LETTERS, OCR_ROMAN_AT_START, ROMAN
from khth.schema.codelists import BlockRole

from .agencies import agencies_of_heading, opens_body, split_agencies, subject_of, task_agencies
from .common import Context, Para, clean, fold, key_of_part
from .duties import deadlines, prose_timeframe, relative_deadlines, reporting, targets, timeframe
from .layout import hyphen_label, is_caps_line

_TERMINAL = re.compile(r"(?:[.;:!?…]|\./\.)[”\"]?$")
_TERMINAL_STOPS = (".", ";", ":", "!", "?", "…")


def _terminal(text: str) -> bool:
    """``_TERMINAL`` read from the last two characters instead of a scan of the whole text."""
    if text.endswith("\n"):
        return _TERMINAL.search(text) is not None
    return text.endswith(_TERMINAL_STOPS) or (text.endswith(("”", '"')) and len(text) >= 2
                                              and text[-2] in ".;:!?…")


_OCR_ROMAN_DIGITS = re.compile(r"[1l|!]")

_SECTION_ROLES = (
    (re.compile(r"to ch\w{1,2}c th\w{1,2}c hi\w{1,2}n"), BlockRole.ORGANISATION),
    (re.compile(r"ch\w{1,2} d\w{1,2} (?:th\w{1,2}ng tin|b\w{1,2}o c\w{1,2}o)|th\w{1,2}ng tin,? b\w{1,2}o c\w{1,2}o"),
     BlockRole.REPORTING),
    (re.compile(r"^kinh ph\w"), BlockRole.FUNDING),
    (re.compile(r"m\w{1,2}c d\w{1,2}ch.*y\w{1,2}u c\w{1,2}u"), BlockRole.PURPOSES_AND_REQUIREMENTS),
    (re.compile(r"^m\w{1,2}c ti\w{1,2}u|ch\w ti\w{1,2}u"), BlockRole.OBJECTIVES),
    (re.compile(r"^m\w{1,2}c d\w{1,2}ch"), BlockRole.PURPOSES),
    (re.compile(r"^y\w{1,2}u c\w{1,2}u"), BlockRole.REQUIREMENTS),
    (re.compile(r"nhi\w{1,2}m v\w|gi\w{1,2}i ph\w{1,2}p|n\w{1,2}i dung"), BlockRole.TASKS),
)
# Captions of the agency and timeframe lines under a task (SPEC §9.2), matched on the folded key at
# the start of a line. The body named is "cơ quan" or "đơn vị", or is left out ("Chủ trì: …");
# the staff body that leads the work ("Cơ quan chủ trì, tham mưu:", "Cơ quan tham mưu:") is the
# lead, as the body that directs it ("Cơ quan chỉ đạo:") is in the seeds.
_BODY_NOUN = r"(?:c\w quan|d\w{1,2}n v\w)"
_LEAD_VERB = r"ch\w{1,2} (?:d\w{1,2}o|tr\w)"
_ADVISE = r"tham m\w{1,2}u"
_DO = r"th\w{1,2}c hi\w{1,2}n"
_LINE_ROLES = (
    (re.compile(r"^(?:" + _BODY_NOUN + r"\s+)?(?:" + _LEAD_VERB + r"(?:,?\s+(?:" + _ADVISE + r"|" + _DO + r"))?"
                r"|" + _ADVISE + r")\s*:"), BlockRole.LEAD_AGENCIES),
    (re.compile(r"^" + _BODY_NOUN + r"\s+" + _DO + r"\s*:"), BlockRole.IMPLEMENTING_AGENCIES),
    (re.compile(r"^(?:" + _BODY_NOUN + r"\s+)?ph\w{1,2}i h\w{1,2}p(?:\s+" + _DO + r")?\s*:"),
     BlockRole.COORDINATING_AGENCIES),
    (re.compile(r"^(?:th\w{1,2}\s*(?:gian|h\w{1,2}n)|ti\w{1,2}n d[o06])"
                r"(?:\s+(?:" + _DO + r"|ho\w{1,2}n th\w{1,2}nh|t\w ch\w{1,2}c|tri\w{1,2}n khai))?\s*:"),
     BlockRole.TIMEFRAME),
)
# A timeframe caption names the time ("Thời gian", "Thời hạn") or the schedule ("Tiến độ"), alone
# or with the work it times: "Thời gian thực hiện:", "Thời gian hoàn thành:", "Thời gian tổ
# chức:" (an event), "Tiến độ thực hiện:" (OCR prints ô as 6 or 0). The caption ends at the colon
# right after the noun or after one of the verbs: "Thời gian nghỉ hè: …" is no caption.
# Where a caption may open a line: "cơ quan", "đơn vị", "chủ trì", "chỉ đạo", "tham mưu", "phối
# hợp", "thời gian", "thời hạn", "tiến độ" (a cheap test before the patterns). Every caption ends
# with a colon: most paragraphs have none, and most open with one of those letters.
_CAPTION_STARTS = ("c", "d", "th", "ph", "ti")


def caption(key: str) -> tuple[re.Match, str] | None:
    """The caption that opens ``key`` and its role, if any."""
    if not key.startswith(_CAPTION_STARTS) or ":" not in key:
        return None
    for rx, role in _LINE_ROLES:
        m = rx.match(key)
        if m:
            return m, role
    return None


_CLOSING = re.compile(r"^tr\w{1,2}n d\w{1,2}y l\w\b|\./\.$|^(?:d\w{1,2} ngh\w|y\w{1,2}u c\w{1,2}u) .*tri\w{1,2}n khai th\w{1,2}c hi\w{1,2}n\.?/?\.?$")
# The same test without a scan of every position: two alternatives hold only at the start, the
# third ("./.") only at the end.
_CLOSING_AT_START = re.compile(r"tr\w{1,2}n d\w{1,2}y l\w\b|(?:d\w{1,2} ngh\w|y\w{1,2}u c\w{1,2}u) .*tri\w{1,2}n khai "
                               r"th\w{1,2}c hi\w{1,2}n\.?/?\.?$")
# The paragraphs that close a plan even under a section that holds blocks: "Trên đây là Kế hoạch
# …", and the request for feedback that ends the text ("Trong quá trình thực hiện, nếu có khó
# khăn, vướng mắc, … phản ánh về …./.", the usual closing clause of an administrative document).
_HERE_ENDS = re.compile(r"^(?:tr\w{1,2}n d\w{1,2}y l\w\b|trong qu\w{1,2} tr\w{1,2}nh (?:th\w{1,2}c hi\w{1,2}n|tri\w{1,2}n khai)"
                        r"\b[^.;]{0,40}?\bn\w{1,2}u c\w kh\w{1,2} kh\w{1,2}n)")


def _closing(key: str) -> bool:
    return key.endswith(("./.", "./.\n")) or _CLOSING_AT_START.match(key) is not None
_PREAMBLE = re.compile(r"^(?:th\w{1,2}c hi\w{1,2}n|c\w{1,2}n c\w|theo|tri\w{1,2}n khai|nh\w{1,2}m|tr\w{1,2}n c\w s\w)\b")
# The sentence that closes the preamble, printed as a paragraph of its own after the "Căn cứ …;"
# lines: "Ủy ban nhân dân phường ban hành Kế hoạch … như sau:" (the issuing formula, ending in ":").
_ISSUES = re.compile(r"\b(?:ban h\w{1,2}nh|x\w{1,2}y d\w{1,2}ng)\b")


def _closes_preamble(key: str, roots: list[dict]) -> bool:
    return bool(roots) and roots[-1].get("role") == BlockRole.PREAMBLE and key.rstrip().endswith(":") \
        and _ISSUES.search(key) is not None


def classify(text: str, ocr: bool) -> tuple[str | None, str | None, int, str]:
    """(label as printed, kind, depth, rest of the text)."""
    if ocr:
        m = OCR_ROMAN_AT_START.match(text)
        if m and _OCR_ROMAN_DIGITS.search(m["label"]) and is_caps_line(text[m.end():]):
            return m["label"], "ocr-roman", 0, text[m.end():]
    m = LABEL_AT_START.match(text)
    if m and m["label"].startswith("Điều"):
        return m["label"], "article", 0, text[m.end():]  # the label as printed ("Điều 3 .")
    if m:
        label = m["label"].replace(" ", "")
        rest = text[m.end():]
        # Of LABEL_AT_START's alternatives only the Roman one opens with one of "IVXLC" (the
        # _ROMAN_LABEL test), only the numbered one with a digit (_DIGIT_START, \d: isdecimal).
        first = label[0]
        if first in "IVXLC":
            return label, "roman", 0, rest
        if first.isdecimal():
            return label, "arabic", label.count("."), rest
        if label.endswith(")"):
            return label, "letter", 0, rest
        if label == "+":
            return label, "plus", 0, rest
        return label, "dash", 0, rest
    m = hyphen_label(text)
    if m:
        label, rest = m["label"], text[m.end():]
        if label[0].isdigit():
            return label, "arabic", 1 + label.count("."), rest
        return label, "letter", 0, rest
    if ocr:
        m = OCR_ROMAN_AT_START.match(text)
        if m and _OCR_ROMAN_DIGITS.search(m["label"]):
            return m["label"], "ocr-roman", 0, text[m.end():]
    return None, None, 0, text


_RANK = {"article": 0, "roman": 0, "arabic": 1, "letter": 6, "dash": 7, "plus": 8}


def _rank(b: dict) -> int:
    kind = b["_kind"]
    if kind == "arabic":
        return 1 + b["_depth"]
    return _RANK.get(kind, 9)


def _container(b: dict) -> bool:
    if b.get("heading") and not b.get("text"):
        return True
    return bool(b.get("text", "").endswith(":"))


# --- printed units the line joining could not see ----------------------------------------------


def _sub_para(para: Para, start: int, end: int, first: bool) -> Para:
    """Characters ``start``–``end`` of ``para`` as a unit of their own, with their source lines."""
    text = para.text[start:end]
    lead = len(text) - len(text.lstrip())
    start += lead
    end = start + len(text.strip())
    offsets = [(0, para.line_at(start))] + [(pos - start, num) for pos, num in para.offsets if start < pos < end]
    return Para(para.text[start:end], para.line_at(start), para.line_at(max(start, end - 1)), bold=para.bold,
                numbering=para.numbering if first else None, offsets=offsets, key=para.key[start:end])


def _cut(para: Para, cuts: list[int]) -> list[Para]:
    bounds = [0] + cuts + [len(para.text)]
    pieces = [_sub_para(para, a, b, i == 0) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    return [p for p in pieces if p.text]


# One caption after another on one line: "Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh."
_CAPTION_BREAK = re.compile(r"[;.,]\s+")


def _caption_cuts(para: Para, rest: str) -> list[int]:
    """Where further captions open in a caption line: each caption is a printed unit of its own,
    which keeps one role to a block. The text is cut after the separator, so the pieces put
    together are the line as printed."""
    offset = len(para.text) - len(rest)
    key = para.key[offset:]
    first = caption(key)
    if first is None:
        return []
    cuts = []
    for m in _CAPTION_BREAK.finditer(key, first[0].end()):
        if caption(key[m.end():]) is not None:
            cuts.append(offset + m.end())
    return cuts


def _units(paras: list[Para], ctx: Context) -> list:
    """The paragraphs as printed units: cut where captions open inside a joined paragraph, task
    tables gathered (see ``_read_tables``). Hyphen labels ("a- …") open units already: the line
    joining does not glue them to the line above (layout.hyphen_label)."""
    out: list = []
    for para in paras:
        cuts = _caption_cuts(para, classify(para.text, ctx.ocr)[3]) if ":" in para.text else []
        out.extend(_cut(para, cuts) if cuts else [para])
    return _read_tables(out, ctx)


# --- task tables ------------------------------------------------------------------------------
#
# A plan may assign its tasks in a table ("TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
# hợp | Thời gian hoàn thành"), printed as a Markdown pipe table or as tab-separated columns. Each
# row is a task: its number the label, its content the text, and each other cell a block under it,
# with the column's header as its heading and the role that header gives. The header row is a
# block of its own holding the rows, so that their numbers run on their own.

_PIPE = re.compile(r"(?<!\\)\|")
_ALIGN_CELL = re.compile(r"^:?-{3,}:?$")
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")


def _cells(text: str) -> list[str] | None:
    """The cells of a table row, or None for a line that is no row."""
    if "\t" in text:
        cells = text.split("\t")
    elif text.count("|") >= 2 and _PIPE.search(text):
        cells = _PIPE.split(text.strip())
        if not cells[0].strip():
            cells = cells[1:]  # "| a | b |": the outer pipes are the row's edges
        if cells and not cells[-1].strip():
            cells = cells[:-1]
        cells = [c.replace("\\|", "|") for c in cells]
    else:
        return None
    cells = [clean(c) for c in cells]
    return cells if len(cells) >= 2 else None


def _column_role(header: str) -> str | None:
    """What a column holds, by its header: a row number, the task, agencies or the timeframe."""
    key = fold(header).strip(" .:")
    if key in ("stt", "tt", "so tt", "so thu tu", "thu tu"):
        return "number"
    found = caption(key + ":")
    if found:
        return found[1]
    if key.startswith(("thoi gian", "thoi han", "tien do")):
        return "timeframe"
    if "phoi hop" in key:
        return BlockRole.COORDINATING_AGENCIES
    if "chu tri" in key or "chi dao" in key:
        return BlockRole.LEAD_AGENCIES
    if "noi dung" in key or "nhiem vu" in key or "cong viec" in key:
        return BlockRole.TASK
    return None


def _row_paras(para: Para) -> list[Para]:
    """A paragraph joined from table rows, each row a unit of its own again (a row is one line).
    A tab-separated row is never joined (layout.Joiner): its offsets are its cells' (.docx)."""
    if len(para.offsets) < 2 or "\t" in para.text or _cells(para.text) is None:
        return [para]
    starts = [pos for pos, _ in para.offsets] + [len(para.text)]
    is_row = [_cells(para.text[a:b]) is not None for a, b in zip(starts, starts[1:])]
    cuts = [starts[k] for k in range(1, len(is_row)) if is_row[k - 1] or is_row[k]]
    return _cut(para, cuts) if cuts else [para]


def _read_tables(units: list, ctx: Context) -> list:
    out: list = []
    i = 0
    rows = [r for u in units for r in _row_paras(u)] if any("|" in u.text or "\t" in u.text for u in units) \
        else units
    while i < len(rows):
        header = _cells(rows[i].text)
        roles = [_column_role(c) for c in header] if header else []
        # A task table names its agencies or timeframe in its header.
        if not any(r in (BlockRole.LEAD_AGENCIES, BlockRole.IMPLEMENTING_AGENCIES, BlockRole.COORDINATING_AGENCIES,
                         BlockRole.TIMEFRAME)
                   for r in roles):
            out.append(rows[i])
            i += 1
            continue
        table = _Table(rows[i], header, roles, [])
        i += 1
        while i < len(rows) and (cells := _cells(rows[i].text)) is not None:
            if all(_ALIGN_CELL.match(c) for c in cells if c):
                ctx.notes.append(f"Line {rows[i].start}: the rule under a table's header is layout, not text.")
            else:
                table.rows.append((rows[i], cells))
            i += 1
        out.append(table)
    return out


class _Table:
    def __init__(self, para: Para, header: list[str], roles: list, rows: list) -> None:
        self.para, self.header, self.roles, self.rows = para, header, roles, rows


def _table_blocks(table: _Table, ctx: Context, order: list) -> dict:
    """The header row's block, with a block for each row under it (roles set here, once)."""
    head = {"_kind": None, "_depth": 0, "_para": table.para, "_table": True,
            "heading": " | ".join(table.header), "children": []}
    if BlockRole.TASK in table.roles:
        head["role"] = BlockRole.TASKS
    order.append((head, table.para))
    for para, cells in table.rows:
        row: dict = {"_kind": None, "_depth": 0, "_para": para, "_table": True, "role": BlockRole.TASK, "children": []}
        order.append((row, para))
        units = _cell_units(para)
        for header, role, cell, unit in zip(table.header, table.roles, cells, units):
            if not cell:
                continue
            if role == "number" and _ROW_NUMBER.match(cell):
                row["label"] = cell
            elif role == BlockRole.TASK and "text" not in row:
                row["text"] = cell
            else:
                row["children"].append(_cell_block(para, header, role, cell, ctx, order, unit))
        if not row["children"]:
            del row["children"]
        head["children"].append(row)
    return head


def _cell_units(para: Para) -> list[int]:
    """The source unit of each cell of a row: a tab-separated row read from a .docx gives each cell
    the paragraph it comes from; a row printed on one line gives that line."""
    if "\t" not in para.text:
        return [para.start] * (para.text.count("|") + 1)
    starts = [0] + [i + 1 for i, ch in enumerate(para.text) if ch == "\t"]
    return [para.line_at(pos) for pos in starts]


def _cell_block(para: Para, header: str, role: str | None, cell: str, ctx: Context, order: list,
                unit: int) -> dict:
    cell_para = Para(cell, unit, unit, offsets=[(0, unit)])
    block: dict = {"_kind": None, "_depth": 0, "_para": cell_para, "_table": True, "heading": header,
                   "text": cell}
    if role == BlockRole.TIMEFRAME:
        block["role"] = role
        tf = timeframe(cell)
        if tf is not None:  # a cell that states no timeframe gives none ("Trước ngày 15 của tháng cuối quý")
            block["timeframe"] = tf
    elif role in (BlockRole.LEAD_AGENCIES, BlockRole.IMPLEMENTING_AGENCIES, BlockRole.COORDINATING_AGENCIES):
        block["role"] = role
        agencies = split_agencies(cell, ctx.ocr)
        if agencies:
            block["agencies"] = agencies
    order.append((block, cell_para))
    return block


def build_blocks(paras: list[Para], ctx: Context) -> tuple[list[dict], list[tuple[dict, Para]]]:
    roots: list[dict] = []
    stack: list[dict] = []
    order: list[tuple[dict, Para]] = []
    seen_label = False
    roman_seen: list[str] = []
    closed = False
    for para in _units(paras, ctx):
        if isinstance(para, _Table):
            # A table stands where an unlabelled paragraph would, and holds only its rows.
            while stack and not _container(stack[-1]):
                stack.pop()
            (stack[-1].setdefault("children", []) if stack else roots).append(_table_blocks(para, ctx, order))
            continue
        label, kind, depth, rest = classify(para.text, ctx.ocr)
        if para.numbering and not label:
            label, kind, depth, rest = classify(para.numbering + " " + para.text, ctx.ocr)
        block: dict = {"_kind": kind, "_depth": depth, "_para": para}
        if kind == "ocr-roman":
            expected = ROMAN[len(roman_seen)] if len(roman_seen) < len(ROMAN) else None
            reading = re.sub(r"[1l|!]", "I", label[:-1])  # type: ignore[index]
            if expected and (reading == expected or len(reading) == len(expected)):
                block["label"] = expected + label[-1]  # type: ignore[index]
                block["printedLabel"] = label
                kind = block["_kind"] = "roman"
            else:
                kind = block["_kind"] = None
                rest = para.text
        elif label:
            block["label"] = label
            if ctx.ocr and kind == "letter":
                _restore_letter(block, stack)
        if kind == "roman":
            roman_seen.append(block["label"][:-1])
        if label and kind:
            seen_label = True
        body_text = clean(rest)
        key = key_of_part(para.text, para.key, body_text)
        block["_text"], block["_key"] = body_text, key
        # Heading or text (docs/curation.md "Body").
        if kind in ("roman",) or (kind == "arabic" and not _terminal(body_text)) \
                or (para.bold and kind not in ("dash", "plus") and not _terminal(body_text)):
            block["heading"] = body_text
        else:
            block["text"] = body_text
        if not kind:
            if not seen_label and (_PREAMBLE.match(key) or _closes_preamble(key, roots)):
                block["role"] = BlockRole.PREAMBLE
                roots.append(block)
                order.append((block, para))
                continue
            if ATTACHMENT_NOTE.match(key):
                block["role"] = BlockRole.ATTACHMENT_NOTE
                roots.append(block)
                stack = []
                order.append((block, para))
                closed = True
                continue
            if seen_label and _closing(key) and not _container_on(stack):
                block["role"] = BlockRole.CLOSING
                roots.append(block)
                stack = []
                order.append((block, para))
                closed = True
                continue
            if seen_label and _closing(key) and _HERE_ENDS.match(key):
                block["role"] = BlockRole.CLOSING
                roots.append(block)
                stack = []
                order.append((block, para))
                continue
        # Where the block goes.
        if kind == "roman":
            stack = []
        elif kind == "arabic" or kind == "letter":
            rank = _rank(block)
            while stack and _rank(stack[-1]) >= rank:
                stack.pop()
        elif kind == "dash":
            rank = _rank(block)
            while stack and (_rank(stack[-1]) >= rank or not _container(stack[-1])):
                stack.pop()
        elif kind == "plus":
            rank = _rank(block)
            while stack and (_rank(stack[-1]) >= rank or
                             not (_container(stack[-1]) or stack[-1]["_kind"] == "dash")):
                stack.pop()
        else:
            while stack and not _container(stack[-1]):
                stack.pop()
        if stack:
            stack[-1].setdefault("children", []).append(block)
        else:
            roots.append(block)
        stack.append(block)
        order.append((block, para))
    del closed
    return roots, order


def _restore_letter(block: dict, stack: list[dict]) -> None:
    """OCR drops the stroke of đ: a second "d)" after "d)" is the label "đ)" (SPEC §9.3)."""
    prev = next((b for b in reversed(stack) if b.get("_kind") == "letter"), None)
    if prev is None or "label" not in prev:
        return
    letter = prev["label"][:-1]
    if letter not in LETTERS or LETTERS.index(letter) + 1 >= len(LETTERS):
        return
    expected = LETTERS[LETTERS.index(letter) + 1]
    printed = block["label"][:-1]
    if printed != expected and fold(printed) == fold(expected):
        block["printedLabel"] = block["label"]
        block["label"] = expected + block["label"][-1]


def _container_on(stack: list[dict]) -> bool:
    return any(_container(b) for b in stack)


def assign_roles(blocks: list[dict], ctx: Context) -> None:
    has_sections = any(b.get("_kind") == "roman" for b in blocks)
    for b in blocks:
        if b.get("role"):
            continue
        if b.get("_kind") == "roman":
            b["role"] = section_role(b.get("heading") or b.get("text", ""))
            _children_roles(b, b.get("role"), ctx)
        elif not has_sections and b.get("_kind") == "arabic":
            # A dispatch without sections: numbered items name who does what.
            head = b.get("heading") or b.get("text", "")
            b["role"] = BlockRole.ASSIGNMENT if opens_body(head, ctx.ocr) else BlockRole.TASK
            _children_roles(b, BlockRole.ORGANISATION if b["role"] == BlockRole.ASSIGNMENT else BlockRole.TASKS, ctx,
                            top=False)
            _assignment(b, ctx) if b["role"] == BlockRole.ASSIGNMENT else None
        else:
            _line_role(b, ctx)


def section_role(heading: str) -> str | None:
    if not heading:
        return None  # every role's pattern needs letters (items without a heading ask too)
    # OCR reads the Đ of "ĐÍCH" as P; Vietnamese has no syllable that opens with p and a vowel.
    key = re.sub(r"\bp(?=[aeiouy])", "d", fold(heading))
    for rx, role in _SECTION_ROLES:
        if rx.search(key):
            return role
    return None


def block_key(b: dict, text: str) -> str:
    """The key of a block's heading or text: the one build_blocks cut, unless the text changed since."""
    return b["_key"] if b.get("_text") is text else fold(text)


def _line_role(b: dict, ctx: Context) -> bool:
    text = b.get("text") or ""
    key = block_key(b, text)
    found = caption(key)
    if found is None:
        return False
    m, role = found
    b["role"] = role
    if role == BlockRole.TIMEFRAME:
        tf = timeframe(text[m.end():].strip())
        if tf is not None:  # a caption whose text states no timeframe gives none
            b["timeframe"] = tf
    else:
        b["agencies"] = split_agencies(text[m.end():], ctx.ocr, key[m.end():])
    return True


def _children_roles(parent: dict, section: str | None, ctx: Context, top: bool = True) -> None:
    for child in parent.get("children", []):
        if child.get("_table"):
            continue  # a table's roles come from its header, set when it was read
        if _line_role(child, ctx):
            continue
        if section == BlockRole.PURPOSES_AND_REQUIREMENTS:
            role = section_role(child.get("heading") or "")
            if role in (BlockRole.PURPOSES, BlockRole.REQUIREMENTS, BlockRole.OBJECTIVES):
                child["role"] = role
            _children_roles(child, None, ctx, top=False)
        elif section == BlockRole.TASKS:
            child["role"] = BlockRole.TASK
            _children_roles(child, BlockRole.TASKS, ctx, top=False)
        elif section == BlockRole.ORGANISATION and top:
            sub = section_role(child.get("heading") or "")
            if sub in (BlockRole.REPORTING, BlockRole.FUNDING):
                child["role"] = sub
            else:
                child["role"] = BlockRole.ASSIGNMENT
                _assignment(child, ctx)
            _children_roles(child, None, ctx, top=False)
        else:
            _children_roles(child, None, ctx, top=False)


def _assignment(b: dict, ctx: Context) -> None:
    """Who an assignment is given to: its heading, or the subject of its sentence."""
    if b.get("heading") and not b.get("text"):
        agencies = agencies_of_heading(b["heading"], ctx.ocr)
    else:
        text = b.get("text", "")
        # "5. Sở Du lịch: Tăng cường …": the agency as a heading before the work.
        m = re.match(r"^(?P<head>[^:]{3,120}):\s+(?P<rest>\S.*)$", text)
        if m and opens_body(m["head"], ctx.ocr) and not opens_body(m["rest"], ctx.ocr) \
                and caption(fold(text)) is None:
            b["heading"] = m["head"] + ":"
            b["text"] = m["rest"]
            agencies = agencies_of_heading(m["head"], ctx.ocr)
        else:
            subject = subject_of(text, ctx.ocr)
            agencies = split_agencies(subject, ctx.ocr) if subject else []
    if agencies:
        b["agencies"] = agencies


# The blocks whose own text may state their timeframe (duties.prose_timeframe): a task, and a
# paragraph with no other part in the structure or an assignment, where only an inline caption
# ("…; thời gian từ … đến …") says the time is the work's. A block with a dated deadline states
# its time already.
_TIMED_IN_PROSE = (BlockRole.TASK, BlockRole.ASSIGNMENT, None)


def add_duties(blocks: list[dict], ctx: Context) -> None:
    for b, objectives in _walk_objectives(blocks, False):
        text = b.get("text")
        if not text:
            continue
        key = block_key(b, text)
        if b.get("role") != BlockRole.TIMEFRAME:
            dl = deadlines(text, key)
            if dl:
                b["deadlines"] = dl
            relative = relative_deadlines(text, key)
            if relative:
                b["relativeDeadlines"] = relative
            elif b.get("role") in _TIMED_IN_PROSE and "timeframe" not in b:
                tf = prose_timeframe(text, key, captions_only=b.get("role") != BlockRole.TASK)
                if tf is not None:
                    b["timeframe"] = tf
        if b.get("role") in (BlockRole.TASK, BlockRole.ASSIGNMENT) and "phoi hop" in key:
            _lead_and_partners(b, text, ctx)
        tg = targets(text, objectives)
        if tg:
            b["targets"] = tg
        rep = reporting(text, ctx.ocr, key)
        if rep:
            b["reporting"] = rep


def _lead_and_partners(b: dict, text: str, ctx: Context) -> None:
    """"Sở X chủ trì, phối hợp với Sở Y, Sở Z …": the lead is the block's agencies, the others its
    partners. Recorded only where the sentence names partners: a task whose sentence names none
    gives no agencies (its agencies stand on caption lines, if anywhere)."""
    lead, partners = task_agencies(text, ctx.ocr)
    if not lead or not partners:
        return
    if b.get("agencies", lead) != lead:
        return  # an assignment's agencies read from its heading: the sentence's subject is another's
    b["agencies"] = lead
    b["partners"] = partners


def _walk_objectives(blocks, inside: bool) -> list[tuple[dict, bool]]:
    """Each block, each before its children, with whether it stands in an objectives section
    ("CHỈ TIÊU", "MỤC TIÊU"): one loop over a stack, not a generator per level (a block would pass
    up through every level above it)."""
    out: list[tuple[dict, bool]] = []
    stack = [(b, inside) for b in reversed(blocks)]
    while stack:
        b, inside = stack.pop()
        here = inside or b.get("role") == BlockRole.OBJECTIVES
        out.append((b, here))
        children = b.get("children")
        if children:
            stack.extend((c, here) for c in reversed(children))
    return out


def _walk(blocks):
    """Every block, each before its children, from one loop instead of a generator per level
    (each block would pass up through every level above it)."""
    stack = blocks[::-1]
    while stack:
        b = stack.pop()
        yield b
        children = b.get("children")
        if children:
            stack.extend(children[::-1])


walk = _walk
