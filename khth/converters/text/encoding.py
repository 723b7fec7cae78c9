"""Bytes to text for the text reader: Unicode, Windows-1258 converted, legacy fonts named.

Old Vietnamese files are often not Unicode. Windows-1258 (a code page with combining tone
marks) converts exactly and is converted. TCVN3 (ABC, ".VnTime" fonts) and VNI (VNI-Times fonts)
map letters to the code points of Western fonts; the file is named as such and refused, since
a faithful record cannot be made from a guessed table: convert it to Unicode first (for
example with Unikey's "Chuyển mã" tool).
"""

from __future__ import annotations

import unicodedata

from khth.input.errors import KhthInputError
from khth.input.legacy_encodings import guess_legacy


def decode_text(data: bytes) -> tuple[str, str | None]:
    """The text and, when it was converted, a note saying from which encoding."""
    if not data.strip():
        raise KhthInputError.of("input.empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16")), "UTF-16 text converted to UTF-8."
        except UnicodeDecodeError:
            raise KhthInputError.of("input.utf16-damaged") from None
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > max(2, len(head) // 100):
        raise KhthInputError.of("input.binary", expected=".txt, .md, .docx, JSON, XML")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    guess = guess_legacy(data)
    if guess and guess[0] == "windows-1258":
        return guess[1], "Windows-1258 text converted to Unicode."
    if guess and guess[0] == "vni":
        raise KhthInputError.of("input.legacy-encoding", encoding="VNI (VNI-Times)")
    if guess and guess[0] == "tcvn3":
        raise KhthInputError.of("input.legacy-encoding", encoding="TCVN3 (ABC, .VnTime)")
    raise KhthInputError.of("input.unknown-encoding")
