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

def _bad(code: str, vi: str, en: str) -> KhthInputError:
    return KhthInputError(code, vi, en)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """The text and, when it was converted, a note saying from which encoding."""
    if not data.strip():
        raise _bad("input-empty", "Tệp rỗng", "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16")), "UTF-16 text converted to UTF-8."
        except UnicodeDecodeError:
            raise _bad("input-encoding", "Tệp UTF-16 bị hỏng", "damaged UTF-16 file") from None
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > max(2, len(head) // 100):
        raise _bad("input-binary", "Tệp nhị phân, không phải văn bản (cần .txt, .md, .docx, JSON hoặc XML)",
                   "binary file, not text (expected .txt, .md, .docx, JSON or XML)")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    guess = guess_legacy(data)
    if guess and guess[0] == "windows-1258":
        return guess[1], "Windows-1258 text converted to Unicode."
    if guess and guess[0] == "vni":
        raise _bad("input-legacy-vni",
                   "Tệp dùng bảng mã VNI (phông VNI-Times), không phải Unicode: hãy chuyển sang Unicode "
                   "(ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại",
                   "the file is in the legacy VNI encoding (VNI-Times fonts), not Unicode: convert it to Unicode "
                   "(for example with Unikey's converter) and run again")
    if guess and guess[0] == "tcvn3":
        raise _bad("input-legacy-tcvn3",
                   "Tệp dùng bảng mã TCVN3 (ABC, phông .VnTime), không phải Unicode: hãy chuyển sang Unicode "
                   "(ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại",
                   "the file is in the legacy TCVN3 (ABC, .VnTime fonts) encoding, not Unicode: convert it to "
                   "Unicode (for example with Unikey's converter) and run again")
    raise _bad("input-encoding", "Không phải UTF-8 và không nhận ra bảng mã tiếng Việt",
               "not UTF-8, and not a known Vietnamese encoding")
