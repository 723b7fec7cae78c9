"""One source file, several documents: where each document's header begins (SPEC §14).

A document opens with its header: the national motto (State) or "ĐẢNG CỘNG SẢN VIỆT NAM"
(Party) beside the issuing body's name and the number. A second motto group starts a second
document only where a header stands:

- the motto stands as a header prints it: alone on its line, or beside the left column (issuer,
  number) or the place and date, never inside a sentence ("… Ngày thành lập Đảng Cộng sản Việt
  Nam và …" is body text, in any case);
- the document before it has ended: its "Nơi nhận", its signing block, or a marker that a
  document is carried with it ("(Có Kế hoạch số … kèm theo)") stands between the two headers.

The second header begins at the capital lines (issuer, superior body) and the number line just
above the motto.
"""

from __future__ import annotations

from khth.schema.grammar import ATTACHMENT_NOTE, PLACE_DATE_LINE, number_line

from .common import fold
from .header import motto_in
from .layout import Line, is_caps_line
from .recipients import NOI_NHAN
from .signature import MARKER_RE, is_post

# Anchors closer than this belong to one header (the motto's two lines, the date line).
_SAME_HEADER = 12
# How far above the motto the left column (issuer, superior body, number) may begin.
_LEFT_COLUMN = 6


def split_documents(lines: list[Line]) -> list[list[Line]]:
    anchors = [i for i, ln in enumerate(lines) if _header_motto(ln)]
    starts = [0]
    last_anchor = None
    for i in anchors:
        if last_anchor is not None and i - last_anchor <= _SAME_HEADER:
            last_anchor = i
            continue
        last_anchor = i
        start = _header_start(lines, i)
        if start <= starts[-1] or not _document_ended(lines[starts[-1]:start]):
            continue  # the first document's own header, or no end of a document before it
        starts.append(start)
    bounds = starts + [len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:]) if lines[a:b]]


def _header_motto(ln: Line) -> bool:
    """A motto standing where a header prints it, not a phrase inside a sentence."""
    m = motto_in(ln.text, ln.key)
    if not m:
        return False
    left, right = ln.text[: m[1]].strip(), ln.text[m[2]:].strip()
    left_ok = not left or is_caps_line(left) or not any(c.isalpha() for c in left)
    right_ok = (not right or not any(c.isalpha() for c in right) or PLACE_DATE_LINE.match(right) is not None
                or motto_in(right) is not None)
    return left_ok and right_ok


def _header_start(lines: list[Line], i: int) -> int:
    """The first line of the header whose motto stands at ``i``: the left column just above."""
    start = i
    while start > 0 and i - start < _LEFT_COLUMN:
        prev = lines[start - 1].text
        if is_caps_line(prev) or number_line(prev):
            start -= 1
        else:
            break
    return start


def _document_ended(lines: list[Line]) -> bool:
    """The lines hold the end of a document: recipients, a signing block or an attachment marker."""
    for ln in lines:
        key = ln.key or fold(ln.text)
        if NOI_NHAN.match(key) or MARKER_RE.match(ln.text) or ATTACHMENT_NOTE.match(key):
            return True
        if is_post(ln.text, key) and is_caps_line(ln.text):
            return True  # a signing post is printed in capitals; "Bí thư" may end a wrapped subject line
    return False
