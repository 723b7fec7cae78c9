"""Labels of the printed units of a body (SPEC §9.1, §9.3).

Sections carry Roman numerals ("I.", "II-", "III–", "IV)"), items numbers ("1.", "1)", "1.1.",
"1.1.1."; the Party prints "1-", "1.1-"), sub-items letters of the Vietnamese alphabet ("a)",
"đ)"; "a-" in Party documents) and list items bullets ("-", "–", "+", "•"). The Vietnamese
alphabet has no f, j, w or z: the letter after "d" is "đ", after "e" is "g".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
         "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")
LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
BULLETS = ("-", "–", "+", "•")
# The marks that close a label: a stop, a hyphen, an en dash, a bracket (a colon in some records).
SEPARATORS = (".", "-", "–", ")")


class LabelKind(str, Enum):
    ROMAN = "roman"
    DECIMAL = "decimal"
    LETTER = "letter"
    BULLET = "bullet"


@dataclass(frozen=True)
class Label:
    """A parsed label: its kind, its place in its sequence and the mark as printed.

    ``ordinal`` is (n,) for a Roman numeral or a letter (its position from 1), the numbers of a
    decimal label ((1, 2) for "1.2."), () for a bullet."""

    kind: LabelKind
    ordinal: tuple[int, ...]
    mark: str
    separator: str = ""

    @property
    def value(self) -> str:
        """The label without its separator: "II", "1.2", "đ", "-"."""
        return self.mark[: len(self.mark) - len(self.separator)] if self.separator else self.mark

    @property
    def depth(self) -> int:
        """How many numbers a decimal label holds (1 for "1.", 2 for "1.1."); 1 for the others."""
        return max(len(self.ordinal), 1)


# A whole label as a record keeps it; the separator may be absent ("1" in a table's number column).
_LABEL = re.compile(r"^(?P<body>[IVX]+|\d+(?:\.\d+)*|[a-zđ])(?P<sep>[.)\-–:]*)$")


def roman_value(numeral: str) -> int | None:
    """The number a Roman numeral I–XX stands for."""
    try:
        return ROMAN.index(numeral) + 1
    except ValueError:
        return None


def letter_value(letter: str) -> int | None:
    """The position of a letter in the Vietnamese alphabet (a=1, đ=5, y=23)."""
    try:
        return LETTERS.index(letter) + 1
    except ValueError:
        return None


@lru_cache(maxsize=4096)  # labels repeat ("-", "1.", "a)"): parse each form once
def parse_label(text: str) -> Label | None:
    """The label ``text`` is ("II–", "1.1.", "đ)", "+"), or None."""
    mark = text.strip()
    if mark in BULLETS:
        return Label(LabelKind.BULLET, (), mark)
    m = _LABEL.match(mark)
    if not m:
        return None
    body, sep = m["body"], m["sep"]
    if body[0].isdigit():
        return Label(LabelKind.DECIMAL, tuple(int(p) for p in body.split(".")), mark, sep)
    roman = roman_value(body)
    if roman is not None:
        return Label(LabelKind.ROMAN, (roman,), mark, sep)
    letter = letter_value(body)
    if letter is not None:
        return Label(LabelKind.LETTER, (letter,), mark, sep)
    return None


def format_label(kind: LabelKind, ordinal: tuple[int, ...], separator: str = ".") -> str:
    """The printed label: (ROMAN, (2,), "–") → "II–"; (DECIMAL, (1, 2), ".") → "1.2."; a bullet's
    ``separator`` is the bullet itself."""
    if kind is LabelKind.BULLET:
        return separator
    return ordinal_text(kind, ordinal) + separator


def ordinal_text(kind: LabelKind, ordinal: tuple[int, ...]) -> str:
    """A label's body for its ordinal: "II", "1.2", "đ"; the number itself past the table's end."""
    if kind is LabelKind.DECIMAL:
        return ".".join(map(str, ordinal))
    table = ROMAN if kind is LabelKind.ROMAN else LETTERS
    n = ordinal[0]
    return table[n - 1] if 0 < n <= len(table) else str(n)


def next_ordinal(ordinal: tuple[int, ...]) -> tuple[int, ...]:
    """The ordinal after ``ordinal`` at its own depth: (1, 2) → (1, 3), (4,) → (5,)."""
    return ordinal[:-1] + (ordinal[-1] + 1,)


def first_ordinal(ordinal: tuple[int, ...]) -> tuple[int, ...]:
    """The first ordinal of the sequence ``ordinal`` belongs to: (1, 4) → (1, 1)."""
    return ordinal[:-1] + (1,)


def next_label(label: Label) -> Label | None:
    """The label that follows ``label`` in its sequence, printed the same way; None after "XX."
    and "y)", and for a bullet (bullets do not count)."""
    if label.kind is LabelKind.BULLET:
        return None
    ordinal = next_ordinal(label.ordinal)
    limit = {LabelKind.ROMAN: len(ROMAN), LabelKind.LETTER: len(LETTERS)}.get(label.kind)
    if limit is not None and ordinal[0] > limit:
        return None
    return Label(label.kind, ordinal, format_label(label.kind, ordinal, label.separator), label.separator)


# --- labels opening a printed line (the reader) ------------------------------------------------
#
# A reader meets labels at the start of a line, before their text. It reads more loosely than
# ``parse_label``: a Roman numeral of any letters I, V, X, L, C (a list past XX or an OCR slip is
# still a section), a letter of the Latin alphabet, a space before the separator ("II ."). The
# label's kind is then told by ``parse_label`` or by its first character.

_ROMAN_AT_START = r"[IVXLC]{1,6}\s?[.\-–]"
_DECIMAL_AT_START = r"\d{1,2}(?:\.\d{1,2}){0,3}\.(?!\d)"
_LETTER_AT_START = r"[a-zđ]\)"
_BULLET_AT_START = "[" + "".join(BULLETS).replace("-", r"\-") + "]"
# The articles of a decision ("Điều 1.", "Điều 2:"), the top level of its own text.
ARTICLE_AT_START = r"Điều\s+\d{1,3}\s?[.:]"
# A label that opens a printed unit (SPEC §9.1): "I-", "II.", "1.", "1.1.", "a)", "đ)", "-", "+",
# and a decision's "Điều 1.".
LABEL_AT_START = re.compile(
    rf"^(?P<label>{_ROMAN_AT_START}|{_DECIMAL_AT_START}|{_LETTER_AT_START}|{_BULLET_AT_START}|{ARTICLE_AT_START})"
    r"(?:\s+|(?=[“\"(]))")
# OCR readings of Roman numerals ("11." for II., "I11." for III.).
OCR_ROMAN_AT_START = re.compile(r"^(?P<label>[IVXLC1l|!]{1,6}[.\-])\s+")
# Party documents print item and letter labels with a hyphen ("1-", "1.1-", "a-"), as "I-" for
# sections (Hướng dẫn 36-HD/VPTW).
HYPHEN_LABEL_AT = re.compile(r"(?P<label>\d{1,2}(?:\.\d{1,2}){0,3}-|[a-zđ]-)\s+")
# A label alone in a cell or before a tab ("1.", "I.", "a)", "-", "Điều 1.", "Phụ lục II").
BARE_LABEL = re.compile(r"(?:[IVXLC]{1,6}\s?[.\-–]|\d{1,2}(?:\.\d{1,2}){0,3}[.\-]?|[a-zđ][)\-]|[-–+•*]"
                        r"|(?:Điều|Mục|Chương|Phần|Phụ lục)\s+[\dIVXLC]+[.:]?)")
