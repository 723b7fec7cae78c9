"""One source file, several documents: where each document's header begins (SPEC §14).

A document opens with its header: the national motto (State) or "ĐẢNG CỘNG SẢN VIỆT NAM"
(Party) beside the issuing body's name and the number. A second motto group after the first
document's signature starts a second document; its header begins at the capital lines (issuer,
superior body) and the number line just above the motto.
"""

from __future__ import annotations

from .header import _number_of, motto_in
from .layout import Line, is_caps_line


def split_documents(lines: list[Line]) -> list[list[Line]]:
    anchors = [i for i, ln in enumerate(lines) if motto_in(ln.text, ln.key)]
    starts = [0]
    last_anchor = None
    for i in anchors:
        if last_anchor is not None and i - last_anchor <= 12:
            last_anchor = i
            continue
        last_anchor = i
        if i < 15 and starts == [0]:
            continue  # the first document's own header
        start = i
        while start > 0 and i - start < 6:
            prev = lines[start - 1].text
            if is_caps_line(prev) or _number_of(prev):
                start -= 1
            else:
                break
        if start > starts[-1]:
            starts.append(start)
    bounds = starts + [len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:]) if lines[a:b]]
