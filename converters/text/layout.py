"""From source lines to printed units: layout marks removed, wrapped lines re-joined.

Text extracted from Word or PDF comes in two shapes, and the reader tells them apart by the
line lengths: *wrapped* text, where each printed line is a source line (often with blank lines
between them), and *paragraph-per-line* text, where each paragraph is one long line. The
joining rules (SPEC §2, docs/curation.md "Text") are the same for both; only the evidence that
a line ends its paragraph differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import Para, fold

# A label that opens a printed unit (SPEC §9.1): "I-", "II.", "1.", "1.1.", "a)", "đ)", "-", "+".
LABEL_RE = re.compile(
    r"^(?P<label>[IVXLC]{1,6}\s?[.\-–]|\d{1,2}(?:\.\d{1,2}){0,3}\.(?!\d)|[a-zđ]\)|[-–+•])(?:\s+|(?=[“\"(]))")
# OCR readings of Roman numerals ("11." for II., "I11." for III.).
OCR_ROMAN_RE = re.compile(r"^(?P<label>[IVXLC1l|!]{1,6}[.\-])\s+")
_PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
_RULE = re.compile(r"^[-_–=.*\s]{3,}$")
_RULE_OPENERS = "-_–=.*"  # what a trimmed line matching _RULE can open with (_PAGE_NUMBER: "-–" or \d)
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
# A stray mark in italics standing after the end of a sentence or item: "… dân vận. *k*".
_MD_STRAY = re.compile(r"(?<=[.;,:])\s+\*(?P<mark>[^*\s]{1,8})\*\s*$")
_MD_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(?P<inner>[^*]+?)(?<=\S)\*(?![*\w])")


@dataclass
class Line:
    num: int  # 1-based line number in the source (paragraph index for .docx)
    text: str  # printed text: layout marks removed, trimmed
    hard: bool = False  # the line ends with a forced break (two or more trailing spaces)
    gap: int = 0  # blank lines before it
    bold: bool = False
    numbering: str | None = None
    key: str = ""  # the folded text (common.fold)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = fold(self.text)


def prepare_lines(raw_lines: list[str], markdown: bool, notes: list[str],
                  key_lines: list[str] | None = None) -> list[Line]:
    """Source lines without layout: page numbers, rules, the Party asterisk, Markdown marks.

    ``key_lines`` are the folded source lines; each line's key is cut from them by the same
    steps as its text, so no line is folded again."""
    out: list[Line] = []
    gap = 0
    for i, raw in enumerate(raw_lines, start=1):
        text = raw.replace("\u00a0", " ").replace("\t", " ")
        hard = len(text) - len(text.rstrip(" ")) >= 2
        text = text.strip()
        key = ""
        if key_lines is not None and text:
            key = key_lines[i - 1].replace("\u00a0", " ").replace("\t", " ").strip()
        if markdown and text:
            key = ""
            m = _MD_STRAY.search(text)
            if m:
                notes.append(f"Line {i}: the stray italic mark \"*{m['mark']}*\" is a mark, not text, and is left out.")
                text = text[: m.start()].rstrip()
            text = _MD_BOLD.sub("", text)
            text = _MD_ITALIC.sub(lambda mm: mm["inner"], text).strip()
        if not text:
            gap += 1
            continue
        if text == "*":
            notes.append(f"Line {i}: the \"*\" under the issuer's name is the layout mark of a Party header, not text.")
            gap += 1
            continue
        first = text[0]  # not white space: the line is trimmed
        if first in _RULE_OPENERS and _RULE.match(text) and not LABEL_RE.match(text + " x"):
            gap += 1
            continue
        if (first in "-–" or first.isdecimal()) and _PAGE_NUMBER.match(text) and gap >= 1:
            notes.append(f"Line {i}: the page number \"{text}\" is not text.")
            gap += 1
            continue
        out.append(Line(i, text, hard, gap, key=key))
        gap = 0
    return out


def starts_with_label(text: str) -> bool:
    return bool(LABEL_RE.match(text))


def _lowercase_start(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _upper_start(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit() or ch in "“\"(":
            return True
    return False


class Joiner:
    """Decides where paragraphs end in one document's body."""

    def __init__(self, lines: list[Line]) -> None:
        lengths = sorted(len(ln.text) for ln in lines) or [0]
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        # Whole paragraphs on one line: the long lines run far past a printed line's width.
        self.per_line = self.width > 140
        # Word's text export marks the end of a paragraph with two spaces; where a document shows
        # that habit, a line without it is a wrapped line.
        self.hard_breaks = sum(ln.hard for ln in lines) >= 3
        # OCR layers and some exports keep a paragraph's lines together and put a blank line
        # between paragraphs: there a blank line is the paragraph break.
        self.blank_separates = bool(lines) and sum(ln.gap == 0 for ln in lines) > 0.5 * len(lines)

    def continues(self, prev: Line, cur: Line) -> bool:
        text = cur.text
        prev_text = prev.text
        if ends_word_hyphen(prev_text):
            return True  # "260-" / "KH/TU": a token broken after its hyphen
        m = LABEL_RE.match(text)
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


_WS = re.compile(r"\s+")


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
        piece, kp = piece.strip(), kp.strip()
        if length and not ends_word_hyphen(tail):
            pieces.append(" ")
            keys.append(" ")
            length += 1
            tail = tail[-1:] + " "
        offsets.append((length, ln.num))
        pieces.append(piece)
        keys.append(kp)
        length += len(piece)
        tail = (tail + piece)[-2:]
    return Para("".join(pieces), lines[0].num, lines[-1].num, bold=all(ln.bold for ln in lines),
                numbering=lines[0].numbering, offsets=offsets, key="".join(keys))


def is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def key_of(text: str) -> str:
    return fold(text)
