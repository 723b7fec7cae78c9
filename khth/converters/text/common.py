"""Shared pieces of the text converter: folded keys, paragraphs, source spans.

A *folded key* is the text with every letter reduced to its base letter and lower-cased, one
character for one character. Patterns are matched on the key, so the same rule reads
"Kế hoạch số", "KẾ HOẠCH SỐ" and the OCR reading "Ke hoach so", and every match position is
also a position in the printed text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from khth.schema.grammar.letters import FOLD_LIST
from khth.schema.identifiers import normalise_text


_PER_CONVERSION: list = []


def per_conversion(maxsize: int = 8192):
    """A cache that serves one conversion: ``start_conversion`` empties every such cache, so the
    time and memory of a conversion do not depend on what was converted before."""
    def wrap(func):
        cached = lru_cache(maxsize=maxsize)(func)
        _PER_CONVERSION.append(cached)
        return cached
    return wrap


def start_conversion() -> None:
    for cached in _PER_CONVERSION:
        cached.cache_clear()


@per_conversion()
def fold(text: str) -> str:
    """Base letters, lower case, same length as ``text``."""
    return text.translate(FOLD_LIST)


def fold_text(text: str) -> str:
    """``fold`` for a whole source text, once, outside the cache: the keys of its lines and
    paragraphs are cut from this one result (folding is character for character)."""
    return text.translate(FOLD_LIST)


def key_of_part(text: str, key: str, part: str) -> str:
    """The key of ``part``: cut from ``key`` when ``part`` ends ``text``, else folded."""
    if text.endswith(part):
        return key[len(text) - len(part):]
    return fold(part)


def clean(text: str) -> str:
    """NFC, white space folded, trimmed (SPEC §2)."""
    if is_clean(text):
        return text
    return normalise_text(text)


def is_clean(text: str) -> bool:
    """``clean(text) == text``, decided without building a new string: NFC (quick check), no
    white space but single spaces (every other white space character is unprintable), nothing
    to trim. Most printed units already are."""
    return (text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" ")
            and unicodedata.is_normalized("NFC", text))


def reorder(record: dict, fields: tuple[str, ...]) -> None:
    """Put ``record``'s keys in model order, in place (the object may be referenced elsewhere):
    records are built in model order, and a fact added later must not break it."""
    items = {k: record.pop(k) for k in fields if k in record}
    rest = dict(record)
    record.clear()
    record.update(items)
    record.update(rest)


@dataclass
class Para:
    """A printed unit re-joined from one or more source lines."""

    text: str
    start: int  # first source line (1-based), or paragraph index for .docx
    end: int
    bold: bool = False  # .docx: the whole paragraph is bold
    numbering: str | None = None  # .docx: the label Word's automatic numbering prints
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (character offset, source line)
    key: str = ""  # the folded text, shared by every rule family; joined from the lines' keys

    def __post_init__(self) -> None:
        if not self.key:
            self.key = fold(self.text)

    def line_at(self, offset: int) -> int:
        """The source line that holds character ``offset`` of the joined text."""
        line = self.start
        for pos, num in self.offsets:
            if pos > offset:
                break
            line = num
        return line

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        return self.line_at(start), self.line_at(max(start, end - 1))


@dataclass
class Context:
    """What the converter knows about the source while it reads one file."""

    source_file: str | None
    source_format: str  # text | markdown | docx | scan
    docx: bool = False
    ocr: bool = False
    notes: list[str] = field(default_factory=list)
    printed_text: str | None = None  # an OCR layer's text, kept in each document's provenance
    _printed_lines: list[str] | None = field(default=None, repr=False)

    def printed_lines(self, first: int, last: int) -> str | None:
        """The OCR layer's lines ``first``–``last``: each document of a bundle keeps its own text.
        Blanks after a line's last word are how the layer was saved, not what was printed."""
        if self.printed_text is None:
            return None
        if self._printed_lines is None:
            self._printed_lines = [ln.rstrip() for ln in self.printed_text.split("\n")]
        return "\n".join(self._printed_lines[first - 1:last])

    def span(self, start: int, end: int | None = None) -> dict:
        if self.docx:
            return {"paragraph": start}
        return {"startLine": start, "endLine": end if end is not None else start}
