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

from .agencies import agencies_of_heading, opens_body, split_agencies, subject_of
from .common import Context, Para, clean, fold, key_of_part
from .duties import deadlines, reporting, targets, timeframe
from .layout import LABEL_RE, OCR_ROMAN_RE, is_caps_line

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_LETTERS = list("abcdđeghiklmnopqrstuvxy")
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
    (re.compile(r"to ch\w{1,2}c th\w{1,2}c hi\w{1,2}n"), "organisation"),
    (re.compile(r"ch\w{1,2} d\w{1,2} (?:th\w{1,2}ng tin|b\w{1,2}o c\w{1,2}o)|th\w{1,2}ng tin,? b\w{1,2}o c\w{1,2}o"),
     "reporting"),
    (re.compile(r"^kinh ph\w"), "funding"),
    (re.compile(r"m\w{1,2}c d\w{1,2}ch.*y\w{1,2}u c\w{1,2}u"), "purposesAndRequirements"),
    (re.compile(r"^m\w{1,2}c ti\w{1,2}u|ch\w ti\w{1,2}u"), "objectives"),
    (re.compile(r"^m\w{1,2}c d\w{1,2}ch"), "purposes"),
    (re.compile(r"^y\w{1,2}u c\w{1,2}u"), "requirements"),
    (re.compile(r"nhi\w{1,2}m v\w|gi\w{1,2}i ph\w{1,2}p|n\w{1,2}i dung"), "tasks"),
)
_LINE_ROLES = (
    (re.compile(r"^c\w quan ch\w{1,2} (?:d\w{1,2}o|tr\w)\s*:"), "leadAgencies"),
    (re.compile(r"^c\w quan th\w{1,2}c hi\w{1,2}n\s*:"), "implementingAgencies"),
    (re.compile(r"^c\w quan ph\w{1,2}i h\w{1,2}p\s*:"), "coordinatingAgencies"),
    (re.compile(r"^th\w{1,2}\s*gian (?:th\w{1,2}c hi\w{1,2}n|ho\w{1,2}n th\w{1,2}nh)\s*:"), "timeframe"),
)
_CLOSING = re.compile(r"^tr\w{1,2}n d\w{1,2}y l\w\b|\./\.$|^(?:d\w{1,2} ngh\w|y\w{1,2}u c\w{1,2}u) .*tri\w{1,2}n khai th\w{1,2}c hi\w{1,2}n\.?/?\.?$")
# The same test without a scan of every position: two alternatives hold only at the start, the
# third ("./.") only at the end.
_CLOSING_AT_START = re.compile(r"tr\w{1,2}n d\w{1,2}y l\w\b|(?:d\w{1,2} ngh\w|y\w{1,2}u c\w{1,2}u) .*tri\w{1,2}n khai "
                               r"th\w{1,2}c hi\w{1,2}n\.?/?\.?$")
_HERE_ENDS = re.compile(r"^tr\w{1,2}n d\w{1,2}y l\w\b")


def _closing(key: str) -> bool:
    return key.endswith(("./.", "./.\n")) or _CLOSING_AT_START.match(key) is not None
_ATTACHMENT = re.compile(r"^\(\s*(?:c\w|g\w{1,2}i) .*k\w{1,2}m theo\s*\)?\.?\)?\.?$")
_PREAMBLE = re.compile(r"^(?:th\w{1,2}c hi\w{1,2}n|c\w{1,2}n c\w|theo|tri\w{1,2}n khai|nh\w{1,2}m|tr\w{1,2}n c\w s\w)\b")


def classify(text: str, ocr: bool) -> tuple[str | None, str | None, int, str]:
    """(label as printed, kind, depth, rest of the text)."""
    if ocr:
        m = OCR_ROMAN_RE.match(text)
        if m and _OCR_ROMAN_DIGITS.search(m["label"]) and is_caps_line(text[m.end():]):
            return m["label"], "ocr-roman", 0, text[m.end():]
    m = LABEL_RE.match(text)
    if m:
        label = m["label"].replace(" ", "")
        rest = text[m.end():]
        # Of LABEL_RE's alternatives only the Roman one opens with one of "IVXLC" (the
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
    if ocr:
        m = OCR_ROMAN_RE.match(text)
        if m and _OCR_ROMAN_DIGITS.search(m["label"]):
            return m["label"], "ocr-roman", 0, text[m.end():]
    return None, None, 0, text


_RANK = {"roman": 0, "arabic": 1, "letter": 6, "dash": 7, "plus": 8}


def _rank(b: dict) -> int:
    kind = b["_kind"]
    if kind == "arabic":
        return 1 + b["_depth"]
    return _RANK.get(kind, 9)


def _container(b: dict) -> bool:
    if b.get("heading") and not b.get("text"):
        return True
    return bool(b.get("text", "").endswith(":"))


def build_blocks(paras: list[Para], ctx: Context) -> tuple[list[dict], list[tuple[dict, Para]]]:
    roots: list[dict] = []
    stack: list[dict] = []
    order: list[tuple[dict, Para]] = []
    seen_label = False
    roman_seen: list[str] = []
    closed = False
    for para in paras:
        label, kind, depth, rest = classify(para.text, ctx.ocr)
        if para.numbering and not label:
            label, kind, depth, rest = classify(para.numbering + " " + para.text, ctx.ocr)
        block: dict = {"_kind": kind, "_depth": depth, "_para": para}
        if kind == "ocr-roman":
            expected = _ROMAN[len(roman_seen)] if len(roman_seen) < len(_ROMAN) else None
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
            if not seen_label and _PREAMBLE.match(key):
                block["role"] = "preamble"
                roots.append(block)
                order.append((block, para))
                continue
            if _ATTACHMENT.match(key):
                block["role"] = "attachmentNote"
                roots.append(block)
                stack = []
                order.append((block, para))
                closed = True
                continue
            if seen_label and _closing(key) and not _container_on(stack):
                block["role"] = "closing"
                roots.append(block)
                stack = []
                order.append((block, para))
                closed = True
                continue
            if seen_label and _closing(key) and _HERE_ENDS.match(key):
                block["role"] = "closing"
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
    if letter not in _LETTERS or _LETTERS.index(letter) + 1 >= len(_LETTERS):
        return
    expected = _LETTERS[_LETTERS.index(letter) + 1]
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
            b["role"] = "assignment" if opens_body(head, ctx.ocr) else "task"
            _children_roles(b, "organisation" if b["role"] == "assignment" else "tasks", ctx, top=False)
            _assignment(b, ctx) if b["role"] == "assignment" else None
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


def _may_be_caption(key: str) -> bool:
    """What every ``_LINE_ROLES`` pattern needs, read without them: a caption opens with "cơ quan"
    ("c", a letter, " quan") or "thời gian" ("th" … "gian")."""
    if key.startswith("c"):
        return key[2:7] == " quan"
    return key.startswith("th") and "gian" in key


def _line_role(b: dict, ctx: Context) -> bool:
    text = b.get("text") or ""
    key = block_key(b, text)
    if not _may_be_caption(key):
        return False
    for rx, role in _LINE_ROLES:
        m = rx.match(key)
        if m:
            b["role"] = role
            if role == "timeframe":
                b["timeframe"] = timeframe(text[m.end():].strip())
            else:
                b["agencies"] = split_agencies(text[m.end():], ctx.ocr, key[m.end():])
            return True
    return False


def _children_roles(parent: dict, section: str | None, ctx: Context, top: bool = True) -> None:
    for child in parent.get("children", []):
        if _line_role(child, ctx):
            continue
        if section == "purposesAndRequirements":
            role = section_role(child.get("heading") or "")
            if role in ("purposes", "requirements", "objectives"):
                child["role"] = role
            _children_roles(child, None, ctx, top=False)
        elif section == "tasks":
            child["role"] = "task"
            _children_roles(child, "tasks", ctx, top=False)
        elif section == "organisation" and top:
            sub = section_role(child.get("heading") or "")
            if sub in ("reporting", "funding"):
                child["role"] = sub
            else:
                child["role"] = "assignment"
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
                and not _LINE_ROLES[0][0].match(fold(text)):
            b["heading"] = m["head"] + ":"
            b["text"] = m["rest"]
            agencies = agencies_of_heading(m["head"], ctx.ocr)
        else:
            subject = subject_of(text, ctx.ocr)
            agencies = split_agencies(subject, ctx.ocr) if subject else []
    if agencies:
        b["agencies"] = agencies


def add_duties(blocks: list[dict], ctx: Context) -> None:
    for b in _walk(blocks):
        text = b.get("text")
        if not text:
            continue
        key = block_key(b, text)
        if b.get("role") != "timeframe":
            dl = deadlines(text, key)
            if dl:
                b["deadlines"] = dl
        tg = targets(text)
        if tg:
            b["targets"] = tg
        rep = reporting(text, ctx.ocr, key)
        if rep:
            b["reporting"] = rep


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
