"""The end of a document: "Nơi nhận" (left column) and the signing block (right column).

Flattened text prints the two columns one after the other, in either order. An OCR layer may
interleave them line by line, with marks of the seal between: a recipient item then ends at its
own closing punctuation, and what follows on the line belongs to the right column.

An appendix may follow the signing block (Nghị định 30/2020/NĐ-CP, Appendix I: "Phụ lục" and its
number, the appendix's title, then "(Kèm theo Kế hoạch số … ngày … của …)"). It is part of the
document's content, not of its footer: ``split_appendix`` tells where it begins, and nothing from
it is read as a recipient or a signer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khth.schema.grammar import PLACE_DATE_LINE
from khth.schema.codelists import System

from .common import Context, clean, fold
from .layout import Line, is_caps_line
from .recipients import _BULLET, NOI_NHAN, parse_items
from .signature import MARKER_RE, SIGNED_MARK, build, is_post, looks_like_name, signed_at


@dataclass
class Tail:
    signature: dict | None = None
    recipients: list[dict] = field(default_factory=list)
    marker_system: str | None = None
    right: list[str] = field(default_factory=list)  # OCR: right-column fragments, in order
    start: int | None = None
    end: int | None = None


# A token that is no part of a printed word: marks of a seal or a signature in an OCR layer.
_JUNK = re.compile(r"[\\{}\[\]<>=%|~^@#$“”\"]|^\d{1,2}$|^[^\w(]+$|^[A-Za-z]$")


def _split_ocr_line(text: str) -> tuple[str, str]:
    """A recipient item and what stands to its right on the same OCR line."""
    segments = re.findall(r"[^,;.]*[,;.]|[^,;.]+$", text)
    taken = ""
    pos = 0
    for seg in segments:
        tokens = seg.split()
        ends = seg.rstrip().endswith((",", ";", ".")) and re.search(r"[\w)]\s*[,;.]$", seg.rstrip())
        if not tokens or any(_JUNK.search(t.strip(",;.")) for t in tokens) or not ends:
            break
        taken += seg
        pos += len(seg)
    return taken.strip(), text[pos:].strip()


# "Phụ lục", "PHỤ LỤC I", "Phụ lục số 02", "PHỤ LỤC 1: DANH MỤC …" opening a line (folded key): the
# word and, where printed, the appendix's number; after a ":", ".", or a dash, its title.
_APPENDIX_HEAD = re.compile(r"ph\w{1,2} l\w{1,2}c(?:\s+(?:s\w\s+)?(?:[ivxlc]{1,5}|\d{1,3}[a-z]?))?"
                            r"(?:\s*[.:\-–]\s*\S.*|\s*[.:]?)")
# "(Kèm theo Kế hoạch số …)": the line under an appendix's title naming the document it goes with.
# "(Có Kế hoạch … kèm theo)" is the other way round: a document sent with this one (SPEC §9.2).
_ANNEXED_TO = re.compile(r"\(\s*k\w{1,2}m theo\s.*\)[.;]?")
# How many title lines may stand above "(Kèm theo …)" when no "Phụ lục" line opens the appendix.
_APPENDIX_TITLE_LINES = 3


def split_appendix(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The footer lines (Nơi nhận, signing block) and the lines of an appendix printed after them."""
    k = appendix_start(lines)
    if k is None:
        return lines, []
    return lines[:k], lines[k:]


def appendix_start(lines: list[Line]) -> int | None:
    """Where an appendix begins in the lines from "Nơi nhận" or the signing block to the end.

    The appendix opens with a line "Phụ lục …" printed with its capital, or with its title in
    capitals over "(Kèm theo …)". Neither can be the signer's name: the search starts after the
    line under the last post or marker (the name's place)."""
    first = _after_signer(lines)
    for i in range(first, len(lines)):
        ln = lines[i]
        key = ln.key or fold(ln.text)
        if ln.text[:1] == "P" and _APPENDIX_HEAD.fullmatch(key):
            return i
        if _ANNEXED_TO.fullmatch(key):
            j = i
            while j > first and i - j < _APPENDIX_TITLE_LINES and is_caps_line(lines[j - 1].text) \
                    and not _footer_line(lines[j - 1]):
                j -= 1
            return j
    return None


def _after_signer(lines: list[Line]) -> int:
    """The first line that may open an appendix: past the signing block's last post or marker and
    the name under it, and never the first line of the footer."""
    last = 0
    for i, ln in enumerate(lines):
        if MARKER_RE.match(ln.text) or is_post(ln.text, ln.key or None):
            last = i + 1
            if i + 1 < len(lines) and looks_like_name(lines[i + 1].text) or \
                    i + 1 < len(lines) and is_caps_line(lines[i + 1].text) and not _footer_line(lines[i + 1]):
                last = i + 2  # the name, as printed (title case or capitals)
    return max(last, 1)


def _footer_line(ln: Line) -> bool:
    key = ln.key or fold(ln.text)
    return bool(NOI_NHAN.match(key) or MARKER_RE.match(ln.text) or is_post(ln.text, key))


def parse_tail(lines: list[Line], ctx: Context) -> Tail:
    tail = Tail()
    if not lines:
        return tail
    # The document reader splits the appendix off first and notes where it stands; a footer read
    # on its own still keeps it apart from the recipients and the signer.
    lines, _appendix = split_appendix(lines)
    tail.start, tail.end = lines[0].num, lines[-1].num
    markers: list[tuple[str, str]] = []
    position = None
    name = None
    when = None
    mode = None
    listed = False  # "Nơi nhận" has been read: a dash item is a recipient wherever it stands
    rec_lines: list[str] = []
    for ln in lines:
        text = ln.text
        key = fold(text)
        m = NOI_NHAN.match(key)
        if m:
            mode = "recipients"
            listed = True
            rest = text[m.end():].strip()
            if rest:
                tail.right.append(rest)
            continue
        mm = MARKER_RE.match(text)
        if mm:
            mode = "signature"
            markers.append((mm["marker"], mm["of"] or ""))
            continue
        when = when or signed_at(text)
        if signed_at(text) and not re.sub(r"[\d.:/\s-]", "", text):
            continue  # the time of a digital signature, on its own line
        if mode == "signature" and SIGNED_MARK.match(key):
            ctx.notes.append(f"Line {ln.num}: \"{text}\" marks a signed copy; it is no part of the signer's name.")
            continue
        if mode == "recipients" and ctx.ocr:
            bullet = re.match(r"^[-–+•]\s*", text)
            body = text[bullet.end():] if bullet else text
            item, right = _split_ocr_line(body)
            if item:
                rec_lines.append((bullet.group(0).strip() + " " if bullet else "") + item)
            if right:
                tail.right.append(right)
            continue
        if not ctx.ocr and PLACE_DATE_LINE.search(text) and PLACE_DATE_LINE.search(text).start() == 0:
            continue  # the place and date of the header's right column, printed out of place
        # The two columns may come line by line in turn (a flattened or -layout footer): a dash
        # item after "Nơi nhận" is a recipient, a post or a name stands in the signing block.
        if listed and not ctx.ocr and _BULLET.match(text):
            rec_lines.append(text)
            mode = "recipients"
            continue
        if mode == "recipients":
            if is_post(text) and position is None:
                position = text
                mode = "signature"
                continue
            if (markers or position) and name is None and looks_like_name(text) \
                    and not (rec_lines and _item_open(rec_lines[-1])):
                name = text  # the signer's name below a footer whose columns alternate
                mode = "signature"
                continue
            rec_lines.append(text)  # a wrapped recipient item (parse_items joins it)
            continue
        if mode == "signature":
            if position is None and is_caps_line(text) and not looks_like_name(text):
                position = text
            elif name is None and looks_like_name(text):
                name = text
            elif name is None and position is not None and _may_be_name(text, ctx.ocr):
                name = text  # a name the OCR garbled, or printed in capitals
            continue
        if is_post(text):
            position, mode = text, "signature"
    if ctx.ocr and tail.right:
        markers, position, name, when = _right_column(tail.right, markers, position, name, when)
    tail.recipients = parse_items(rec_lines)
    sig = build(markers, position, name, when)
    tail.signature = sig or None
    if markers:
        tail.marker_system = System.PARTY if "/" in markers[0][0] else System.STATE
    return tail


def _may_be_name(text: str, ocr: bool) -> bool:
    """A line under the post that may still be the signer's name though not in title case: two to
    five words of letters, in capitals ("NGUYỄN VĂN AN") or garbled by OCR; never a heading of
    what follows ("KẾ HOẠCH", "TRIỂN KHAI THI HÀNH") nor a stray letter."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(w.isalpha() for w in words):
        return False
    return ocr or (text.isupper() and not _NOT_A_NAME.search(fold(text)))


# Words no personal name holds: a document's heading printed under a signing block.
_NOT_A_NAME = re.compile(r"\b(?:ke hoach|trien khai|thuc hien|thi hanh|quyet dinh|huong dan|bao cao|phu luc|"
                         r"chuong trinh|danh sach|thong bao|nghi quyet|de an|noi dung)\b")


def _item_open(item: str) -> bool:
    """A recipient item that goes on on the next line: no closing punctuation yet."""
    return not item.rstrip().endswith((",", ";", ".", ":", ")"))


def _right_column(fragments: list[str], markers, position, name, when):
    """Signature facts from the right-column fragments of an OCR layer."""
    for frag in fragments:
        when = when or signed_at(frag)
        frag_wo_time = re.sub(r"\d{2}[./-]\d{2}[./-]\d{4}\s+\d{2}:\d{2}:\d{2}", "", frag).strip()
        mm = MARKER_RE.match(frag_wo_time)
        if mm:
            markers.append((mm["marker"], _caps_run(mm["of"] or "")))
            continue
        caps = _caps_run(frag_wo_time)
        if caps and position is None and markers and len(caps) >= 3:
            position = caps
            continue
        candidate = _name_run(frag_wo_time)
        if candidate:
            name = candidate
    return markers, position, name, when


def _caps_run(text: str) -> str:
    """The leading words in capitals ("BAN THUONG MU o s" → "BAN THUONG MU")."""
    words = []
    for w in text.split():
        letters = re.sub(r"[^\w]", "", w)
        if letters and letters.isupper() and len(letters) >= 1 and re.match(r"^[\w\]\[“\"]+$", w):
            words.append(w)
        else:
            break
    return clean(" ".join(words))


def _name_run(text: str) -> str | None:
    """A personal name at the end of a fragment, marks of the seal before it dropped."""
    words = text.split()
    run: list[str] = []
    for w in reversed(words):
        core = re.sub(r"^[^\w]+", "", w)
        if core[:1].isalpha() and (core[:1].isupper() or w != core) and not core.isupper():
            run.insert(0, w)
        else:
            break
    if 2 <= len(run) <= 5:
        return " ".join(run)
    return None
