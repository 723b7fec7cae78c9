"""Addressees ("Kính gửi:") and recipients ("Nơi nhận:"), one entry per printed item (SPEC §10)."""

from __future__ import annotations

import re

from khth.schema.codelists import RecipientPurpose

from .common import clean, fold

NOI_NHAN = re.compile(r"^n\w{1,2}i nh\w{1,2}n\s*:?", re.IGNORECASE)
KINH_GUI = re.compile(r"^k\w{1,2}nh g\w{1,2}i\s*:?")
_BULLET = re.compile(r"^(?P<b>[-–+•])\s*")
# A note in brackets after the name says why the copy is sent (Nghị định 30/2020/NĐ-CP, Appendix I:
# "(để báo cáo)", "(để thực hiện)", "(để biết)"; Hướng dẫn 36-HD/VPTW prints "(để b/c)"), with or
# without "để", the verb written out or abbreviated. A copy sent "để phối hợp" asks the recipient
# to act together with the issuer: `action`. Matched on the folded key; each vowel may be any
# one or two letters, as OCR prints it.
_FOR = r"\(\s*(?:d\w{1,2}\s+)?"
_END = r"\s*\)"
_PURPOSES = (
    (re.compile(_FOR + r"(?:b\w{1,2}o c\w{1,2}o|b\s?/\s?c\w{0,3}|b\.\s?c\.?)" + _END), RecipientPurpose.REPORT),
    (re.compile(_FOR + r"(?:th\w{1,2}c hi\w{1,2}n|t\s?/\s?h\w{0,4}|ph\w{1,2}i h\w{1,2}p(?: th\w{1,2}c hi\w{1,2}n)?"
                r"|p\s?/\s?h)" + _END), RecipientPurpose.ACTION),
    (re.compile(r"\(\s*(?:d\w{1,2}\s+bi\w{1,2}t|d\s?/\s?b)" + _END), RecipientPurpose.INFORMATION),
)
_ARCHIVE = re.compile(r"^l\w{1,2}u\s*:?\s*(?P<name>.*)$")
_AS_ADDRESSED = re.compile(r"^nh\w{1,2} (?:k\w{1,2}nh g\w{1,2}i|tr\w{1,2}n)\b")


def recipient(label: str | None, text: str) -> dict:
    """One entry: text as printed (bullet excluded), name without purpose and punctuation."""
    text = clean(text)
    out: dict = {}
    if label:
        out["label"] = label
    out["text"] = text
    key = fold(text)
    purpose = None
    name = text
    for rx, code in _PURPOSES:
        m = rx.search(key)
        if m:
            purpose = code
            name = (text[: m.start()] + text[m.end():])
            break
    if _AS_ADDRESSED.match(key):
        out["purpose"] = RecipientPurpose.AS_ADDRESSED
        return out
    m = _ARCHIVE.match(key)
    if m and purpose is None:
        purpose = RecipientPurpose.ARCHIVE
        name = text[m.start("name"):]
    name = re.sub(r"[\s,;.:]+$", "", clean(name))
    if name:
        out["name"] = name
    if purpose:
        out["purpose"] = purpose
    return out


def parse_items(lines: list[str]) -> list[dict]:
    """Items of a list: a bullet opens an item, any other line continues the one before."""
    items: list[tuple[str | None, str]] = []
    for text in lines:
        m = _BULLET.match(text)
        if m:
            items.append((m["b"], text[m.end():]))
        elif items:
            items[-1] = (items[-1][0], items[-1][1] + " " + text)
        else:
            items.append((None, text))
    return [recipient(b, t) for b, t in items if clean(t)]
