"""Agencies named in a block (SPEC §9.1): split where the text lists separate bodies.

A list of agencies is split at ";" always, and at ", " or " và " only where the next words open
a new body: a named organ ("Ban …", "Ủy ban …", "Sở …", "Phòng …", "UBND …") or a plural group
("các tổ chức …", "các cơ quan …"). Commas inside one group stay ("các cơ quan, đơn vị liên
quan", "UBND các xã, phường"), as do connecting words inside a name ("Sở Lao động - Thương binh
và Xã hội"). Every agency is an exact substring of the printed text.
"""

from __future__ import annotations

import re

from .common import fold

# Words that open the name of a body (folded). Party, State and Front organs, and their posts.
_ORGAN_HEADS = (
    "ban", "uy ban", "uy ban", "ubnd", "ubmttq", "ub mttq", "ubmt", "hoi dong", "hdnd", "mat tran", "so", "phong", "ubmttqvn",
    "cong an", "vien", "toa an", "thuong truc", "tt", "dai", "bao", "trung tam", "van phong", "thanh doan",
    "huyen doan", "tinh doan", "quan doan", "doan thanh nien", "dang uy", "bo", "cuc", "chi cuc",
    "hoi", "lien doan", "cong chuc", "truong", "benh vien", "kho bac", "ngan hang", "chi nhanh", "thu truong",
    "chu tich", "bo chi huy", "ban chi huy", "quan su", "lanh dao", "hoi lien hiep", "cac dong chi",
    "huyen uy", "tinh uy", "thi uy", "thanh uy", "quan uy", "chinh phu", "thu tuong",
)
# Nouns that, after "các", name a group of bodies.
_GROUP_NOUNS = (
    "co quan", "to chuc", "dang uy", "dang bo", "chi bo", "don vi", "so", "ban", "phong", "nganh", "doan the",
    "dia phuong", "hoi", "cap uy", "chi", "truong", "doanh nghiep", "xa", "phuong", "huyen", "thi tran",
    "ban nganh", "phong ban", "cap", "ngan", "co so",
)
_OCR_HEADS = ("bang uy", "pang uy")

VERBS = (
    "nghien cuu", "quan triet", "xay dung", "lanh dao", "chi dao", "giam sat", "tang cuong", "huong dan",
    "chu tri", "phoi hop", "to chuc", "trien khai", "thuc hien", "co ke hoach", "co trach nhiem", "cu the hoa",
    "tham muu", "day manh", "theo doi", "kiem tra", "bao cao", "tuyen truyen", "chu dong", "de xuat", "bo tri",
    "can doi", "ra soat", "kien toan", "dam bao", "bao dam", "nang cao", "huy dong", "cap nhat",
    "quan ly", "tiep tuc", "tich cuc", "ban hanh", "dieu hanh", "xem xet", "uu tien", "phat huy", "van dong",
    "co van ban", "nam bat", "dinh huong", "long ghep", "chiu trach nhiem", "tham gia", "the che hoa",
)
# "cơ quan (chuyên trách) tham mưu, giúp việc": part of a name, not the verb "tham mưu".
_NAME_PHRASES = re.compile(r"tham m\w{1,2}u,?\s+gi\w{1,2}p vi\w{1,2}c")


def _alternation(words) -> str:
    # Longest first is not needed for a yes/no answer: the engine tries every alternative.
    return "|".join(re.escape(w) for w in words)


_GROUP_OPEN = re.compile(r"cac\s+(?:" + _alternation(_GROUP_NOUNS) + r")(?=[ ,\n]|\Z)")
_CAC = re.compile(r"cac\s")
_NOT_PAPER = re.compile(r"bao (?:ve|cao|dam|tro|hiem)\b")
_HEAD_OPEN = re.compile(r"(?:" + _alternation(_ORGAN_HEADS) + r")(?= |\Z)")
_HEAD_OPEN_OCR = re.compile(r"(?:" + _alternation(_ORGAN_HEADS + _OCR_HEADS) + r")(?= |\Z)")
_NOT_PAPER_OCR = re.compile(r"b\w{2} (?:v\w|c\w{2}|d\w{2})\b")


def _opens_body(key: str, ocr: bool = False) -> bool:
    key = key.lstrip()
    if ocr:
        if _NOT_PAPER_OCR.match(key):
            return False
        return bool(_OCR_OPEN_RE.match(key))
    if _CAC.match(key):
        return bool(_GROUP_OPEN.match(key))
    if _NOT_PAPER.match(key):
        return False  # "bảo vệ", "báo cáo": words, not the newspaper "Báo …"
    return bool(_HEAD_OPEN.match(key))


def opens_body(text: str, ocr: bool = False) -> bool:
    return _opens_body(fold(text), ocr)


def _opens_body_at(key: str, pos: int, ocr: bool) -> bool:
    """``_opens_body(key[pos:])`` without copying the rest of the key (no pattern looks back)."""
    n = len(key)
    while pos < n and key[pos].isspace():
        pos += 1
    if ocr:
        if _NOT_PAPER_OCR.match(key, pos):
            return False
        return bool(_OCR_OPEN_RE.match(key, pos))
    if _CAC.match(key, pos):
        return bool(_GROUP_OPEN.match(key, pos))
    if _NOT_PAPER.match(key, pos):
        return False
    return bool(_HEAD_OPEN.match(key, pos))


_TRAILING = re.compile(r"[\s.;,:]+$")
_CUT = re.compile(r";\s*|,\s+|\s+(?:va|cung)\s+")
# ``_CUT`` opening with the class of its first characters, so the engine skips to them instead of
# trying three alternatives at every character; each alternative is chosen by the character it
# opened with, so the matches are the same.
_CUT_SCAN = re.compile(r"[;,\s](?:(?<=;)\s*|(?<=,)\s+|(?<=\s)\s*(?:va|cung)\s+)")


def split_agencies(text: str, ocr: bool = False, key: str | None = None) -> list[str]:
    """The agencies a list names, each an exact substring of ``text`` (``key``: its folded key)."""
    return [piece for piece, _ in split_keyed(text, ocr, key)]


def split_keyed(text: str, ocr: bool = False, key: str | None = None) -> list[tuple[str, str]]:
    """``split_agencies``, each agency with its folded key."""
    lead = len(text) - len(text.lstrip())
    end = len(text)
    # "[\s.;,:]+$" removed, read backwards from the end instead of tried at every space.
    while end > lead and (text[end - 1].isspace() or text[end - 1] in ".;,:"):
        end -= 1
    text = text[lead:end]
    key = fold(text) if key is None else key[lead:end]
    cuts = [0]
    for m in (_CUT_SCAN.finditer(key) if ";" in key or "," in key or " " in key else ()):
        if m.group(0).startswith(";") or _opens_body_at(key, m.end(), ocr):
            cuts.append(m.start())
            cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts[0::2], cuts[1::2]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;"))
        piece = piece.strip(" ,;")
        if piece:
            out.append((piece, key[a + lead: a + lead + len(piece)]))
    return out


_REQUEST = re.compile(r"(?:đ|Đ)ề nghị\s+|De nghi\s+", re.IGNORECASE)


def _strip_request(text: str) -> tuple[int, str]:
    m = _REQUEST.match(text)
    if m:
        return m.end(), text[m.end():]
    return 0, text


def agencies_of_heading(heading: str, ocr: bool = False) -> list[str]:
    _, rest = _strip_request(heading)
    if not opens_body(rest, ocr):
        return []
    return split_agencies(rest, ocr)


def _skeleton(phrase: str) -> str:
    """An OCR-tolerant pattern: consonants kept, each vowel after a consonant any one letter.

    OCR replaces a marked vowel by another letter ("nghién cau" for "nghiên cứu") but rarely
    changes the number of letters, so the pattern keeps the length of the word. A vowel that
    opens a word keeps its letter and may be followed by its mark printed as a digit ("a4n" for
    "án").
    """
    pattern = re.sub(r"(?<=[b-df-hj-np-tv-zđ])[aeiouy]+", lambda m: "#" * len(m.group(0)), phrase)
    pattern = re.sub(r"(?<![a-zđ#])([aeiouy]+)", r"\1[0346]?", pattern)
    return pattern.replace("#", r"\w")


_OCR_OPEN_RE = re.compile(
    r"(?:c\w{1,2}c\s+(?:" + "|".join(_skeleton(g) for g in _GROUP_NOUNS) + r")"
    r"|(?:" + "|".join(_skeleton(h) for h in _ORGAN_HEADS + _OCR_HEADS) + r"))(?=[\s,]|$)")
# The patterns open with a literal (" ", "cac ") and look back after it, so the engine skips ahead
# to that literal instead of trying every position: " (?<=[\w)] )" is "(?<=[\w)]) ", and
# "cac (?<!\wcac )" is "\bcac ".
_VERB_RE = re.compile(r" (?<=[\w)] )(?:" + "|".join(VERBS) + r")(?=[\s,.;:]|$)")
_VERB_OCR_RE = re.compile(r" (?<=[\w)] )(?:" + "|".join(_skeleton(v) for v in VERBS) + r")(?=[\s,.;:]|$)")
_GROUPS_RE = re.compile(r"cac (?<!\wcac )(?:" + "|".join(_GROUP_NOUNS) + r")\b")
_GROUPS_OCR_RE = re.compile(r"\bc\w{1,2}c (?:" + "|".join(_skeleton(g) for g in _GROUP_NOUNS) + r")\b")


def subject_of(text: str, ocr: bool = False) -> str | None:
    """The agencies that open an assignment sentence, up to its first verb."""
    _, rest = _strip_request(text)
    key = fold(rest)
    masked = _NAME_PHRASES.sub(lambda m: "x" * len(m.group(0)), key)
    masked = (_GROUPS_OCR_RE if ocr else _GROUPS_RE).sub(lambda m: "x" * len(m.group(0)), masked)
    m = (_VERB_OCR_RE if ocr else _VERB_RE).search(masked)
    best = m.start() if m else None
    if best is None:
        return None
    subject = rest[:best].strip()
    if ":" in subject:
        after = subject.split(":", 1)[1].strip()
        if opens_body(after, ocr):
            subject = after
    if not opens_body(subject, ocr):
        return None
    return subject
