"""Vietnamese letters reduced to their base: the key under which names and phrases are compared.

A *folded* text has every letter reduced to its base letter and lower-cased, one character for
one character ("Kế hoạch số", "KẾ HOẠCH SỐ" and an OCR reading "Ke hoach so" fold alike), so a
position in the key is a position in the print.
"""

from __future__ import annotations

import unicodedata


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else ch


# One table for every Latin letter Vietnamese print uses: str.translate runs in C.
FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250))
              + list(range(0x1E00, 0x1F00))}
# The same table as a list indexed by code point, through General Punctuation, currency signs and
# letterlike symbols: str.translate indexes a list about twice as fast as it looks up a dict. A
# character past its end raises IndexError inside translate, which leaves it unchanged, as the
# dict does for every character it lacks.
FOLD_LIST = list(range(0x2200))
for _cp, _ch in FOLD_TABLE.items():
    FOLD_LIST[_cp] = ord(_ch)


def fold(text: str) -> str:
    """Base letters, lower case, same length as ``text``."""
    return text.translate(FOLD_LIST)
