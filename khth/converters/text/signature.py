"""The signing block (SPEC §11; Nghị định 30/2020/NĐ-CP Appendix I; Hướng dẫn 36-HD/VPTW).

Authority lines open with a marker, "TM." / "KT." / "TL." / "TUQ." / "Q." in State documents and
"T/M" / "K/T" / "T/L" / "T/UQ" in Party documents; the signer's position follows in capitals, then
the name. A digital signature may print its time ("21.08.2024 16:45:04").
"""

from __future__ import annotations

import re

from .common import clean, fold

MARKER_RE = re.compile(r"^(?P<marker>TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L|T/UQ)\s*(?P<of>\S.*)?$")
SIGNED_AT = re.compile(r"(?P<d>\d{2})[./-](?P<m>\d{2})[./-](?P<y>\d{4})\s+(?P<t>\d{2}:\d{2}:\d{2})")
# Posts printed under the markers (all in capitals on the page).
POSTS = (
    "BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
    "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
    "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "CỤC TRƯỞNG", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
    "TỔNG BÍ THƯ", "THƯỜNG TRỰC", "TRƯỞNG ĐOÀN", "BÍ THƯ ĐẢNG ỦY", "CHÁNH ÁN", "VIỆN TRƯỞNG",
)


_POST_KEYS = frozenset(fold(p) for p in POSTS)
# One anchored pattern for "the line is a post": white space and dots around it, any white space
# between its words. It fails on the first letters of almost every line.
_POST_RE = re.compile(r"[\s.]*(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_POST_KEYS))
                      + r")[\s.]*")


def is_post(text: str, key: str | None = None) -> bool:
    return _POST_RE.fullmatch(fold(text) if key is None else key) is not None


def signed_at(text: str) -> str | None:
    m = SIGNED_AT.search(text)
    if not m:
        return None
    return f"{m['y']}-{m['m']}-{m['d']}T{m['t']}"


# What a published copy prints where the signature stood: "(Đã ký)", "[Đã ký]", "Đã ký", "(Ký tên,
# đóng dấu)", "(đã ký và đóng dấu)". A mark of the copy, never the signer's name. Read on the key.
SIGNED_MARK = re.compile(r"^(?:[(\[]\s*(?:da\s+)?ky\b[^)\]]{0,40}[)\]]|da\s+ky\b[^a-z]{0,3}(?:va\s+dong\s+dau)?)\s*\.?$")


def looks_like_name(text: str) -> bool:
    """A personal name: two to five words in title case. A one-letter word stands in the names of
    the Central Highlands peoples ("Y Khuê Niê", "H Nguyên"); the other words carry lower case."""
    words = clean(text).split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isalpha() for w in words):
        return False
    title = [w for w in words if w[:1].isupper() and not w.isupper()]
    initials = [w for w in words if len(w) == 1 and w.isupper()]
    return len(title) + len(initials) == len(words) and len(title) >= 2


def build(markers: list[tuple[str, str]], position: str | None, name: str | None, when: str | None) -> dict:
    sig: dict = {}
    if markers:
        sig["authority"] = [{"marker": m, "of": clean(o)} for m, o in markers]
    if position:
        sig["position"] = clean(position)
    if name:
        sig["name"] = clean(name)
    if when:
        sig["signedAt"] = when
    return sig
