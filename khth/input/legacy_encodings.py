"""Naming the encoding of Vietnamese text that is not UTF-8.

Windows-1258 (a code page with combining tone marks) converts exactly. TCVN3 (ABC, ".VnTime"
fonts) and VNI (VNI-Times fonts) map letters to the code points of Western fonts; they are
recognised by their typical byte patterns so that a message can name them.
"""

from __future__ import annotations

import re
import unicodedata

_VIETNAMESE = set("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz")
# VNI writes a vowel followed by a separate mark byte ("Vieät" for "Việt", "ñ" for "đ").
_VNI = re.compile(r"[aeiouyAEIOUY][øùûõïâáàåãäêéèúüëÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑ][aeiouôö]|ö[ôoø]")
# TCVN3 puts precomposed lower-case letters at 0xA1–0xFE ("ViÖt", "®", "µ", "·").
_TCVN3_BYTES = set(range(0xA8, 0xAF)) | set(range(0xB5, 0xBF)) | set(range(0xC6, 0xD0)) | set(range(0xD1, 0xFF))


def _vietnamese_share(text: str) -> float:
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _VIETNAMESE for c in letters) / len(letters)


def guess_legacy(data: bytes) -> tuple[str, str] | None:
    """('windows-1258', text) when the bytes are Windows-1258 Vietnamese, ('vni', '') or
    ('tcvn3', '') for the legacy font encodings, None when none fits."""
    latin = data.decode("latin-1")
    words = max(1, len(re.findall(r"\w+", latin)))
    try:
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        cp1258 = ""
    if cp1258 and _vietnamese_share(cp1258) > 0.995:
        return "windows-1258", cp1258
    if len(_VNI.findall(latin)) >= max(3, words * 0.05):
        return "vni", ""
    if sum(1 for b in data if b in _TCVN3_BYTES) >= max(3, words * 0.1):
        return "tcvn3", ""
    return None


NAMES = {"windows-1258": "Windows-1258", "vni": "VNI (VNI-Times)", "tcvn3": "TCVN3 (ABC, .VnTime)"}
