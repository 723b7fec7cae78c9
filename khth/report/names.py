"""Names of bodies compared as offices write them: "UBND huyện Sơn Hà" is "Ủy ban nhân dân huyện Sơn Hà"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement on a final "oa", "oe", "uy" ("hoà", "uỷ") moved to the new style ("hòa",
# "ủy"), so that both spellings compare equal; "qu" is a consonant, so "quý" is left alone.
_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_OLD_TONE = re.compile(r"(?<!q)([ou])([aeyAEY][" + _MARKS + r"]?)(?!\w)")


def _moved(m: re.Match[str]) -> str:
    vowel, second = m[1], unicodedata.normalize("NFD", m[2])
    tone = second[1:]
    return unicodedata.normalize("NFC", vowel + tone + second[0]) if tone else m[0]


# Abbreviations offices print for the same body; expanded before names are compared.
_EXPANSIONS = (
    (re.compile(r"\bubnd\b"), "ủy ban nhân dân"),
    (re.compile(r"\bhđnd\b"), "hội đồng nhân dân"),
    (re.compile(r"\bub\b"), "ủy ban"),
    (re.compile(r"\btp\.\s*|\btp\b"), "thành phố "),
    (re.compile(r"\btx\.\s*|\btx\b"), "thị xã "),
    (re.compile(r"\btt\.\s*"), "thị trấn "),
)
# Words that name the organ rather than the place; what is left of a name is its place.
_ORGANS = re.compile(
    r"\b(?:ban thường vụ|ban chấp hành|thường trực|ủy ban nhân dân|hội đồng nhân dân|đảng ủy|đảng bộ|"
    r"tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|"
    r"thành phố|tỉnh|huyện|thị xã|quận|thị trấn|phường|xã|đặc khu)\b")


@lru_cache(maxsize=65536)  # the same issuers recur across a corpus
def normalise_name(name: str | None) -> str:
    """NFC, lower case, "uỷ" written "ủy", abbreviations expanded, punctuation and spacing folded."""
    if not name:
        return ""
    # the tone mark is moved on the decomposed text, where it is a separate character
    text = unicodedata.normalize("NFC", _OLD_TONE.sub(_moved, unicodedata.normalize("NFD", name).casefold()))
    text = text.replace("–", "-")
    for pattern, full in _EXPANSIONS:
        text = pattern.sub(full, text)
    text = re.sub(r"[,;:.()\"“”]+", " ", text)
    return " ".join(text.split())


def place_of(name: str | None) -> str:
    """The place a body's name names ("tỉnh ủy quảng ngãi" → "quảng ngãi"); "" when none."""
    return " ".join(_ORGANS.sub(" ", normalise_name(name)).split())


def system_of(name: str | None) -> str | None:
    """"party" for a Party committee's name, "state" for a People's Committee's or Council's, else None."""
    text = normalise_name(name)
    if "ủy ban nhân dân" in text or "hội đồng nhân dân" in text or text.startswith(("sở ", "phòng ")):
        return "state"
    if re.search(r"\b(?:tỉnh|thành|huyện|thị|quận|đảng) ủy\b", text):
        return "party"
    return None
