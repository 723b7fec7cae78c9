"""The header of a document (Nghị định 30/2020/NĐ-CP Appendix I; Hướng dẫn 36-HD/VPTW).

Layout of both systems, top of the first page:

    left column                         right column
    [superior body]                     national motto (State) / ĐẢNG CỘNG SẢN VIỆT NAM (Party)
    ISSUING BODY                        [Độc lập - Tự do - Hạnh phúc]
    [*]  (Party)
    Số: N/… (State)  Số N-… (Party)     Place, ngày DD tháng MM năm YYYY
    [V/v subject]  (State công văn)
                       TYPE NAME
                       subject line (trích yếu)

Extracted text flattens the two columns into lines in any order, sometimes both columns on one
line (OCR). Each line is therefore classified on its own; the motto and the date line are cut
out of a line that also holds the left column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khth.schema import units as code_lists
from khth.schema.codelists import AdminUnitScheme, Level, System
from khth.schema.grammar import CITATION_NAMES, PLACE_DATE_LINE, number_line, parse_place_date

from . import lexicon
from .common import clean, fold
from .agencies import opens_body
from .references import sector_body
from .layout import Line, Joiner, join, is_caps_line, starts_with_label

_MOTTOS = {
    "state": re.compile(r"c\w{1,2}ng\s*h\w{1,2}a\s+x\w\s+h\w{1,2}i\s+ch\w\s+ngh\w{1,2}a\s+vi\w{1,2}t\s+nam"),
    "state2": re.compile(r"d\w{1,2}c\s+l\w{1,2}p\s*[-–]\s*t\w\s+do\s*[-–]\s*h\w{1,2}nh\s+ph\w{1,2}c"),
    "party": re.compile(r"[dpb]{1,2}\w?ang\s+c\w{1,2}ng\s+s\w{1,2}n\s+vi\w{1,2}t\s+nam"),
}
# The youth organisations print their own name where the State prints its motto (the rules of the
# Trung ương Đoàn on the documents of the Đoàn, and of the Hội and the Đội it runs): "ĐOÀN TNCS HỒ
# CHÍ MINH" beside "BCH ĐOÀN TỈNH …". Matched at the end of a capitals line (folded), as a whole
# name: the left column may stand before it on the same line.
_FRONT_MOTTO = re.compile(
    r"(?:^|\s)(?:doan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh"
    r"|doi\s+(?:tntp|thieu\s+nien\s+tien\s+phong)\s+ho\s+chi\s+minh"
    r"|hoi\s+(?:lhtn|lien\s+hiep\s+thanh\s+nien)\s+viet\s+nam|hoi\s+sinh\s+vien\s+viet\s+nam)\s*$")
_BROKEN_NUMBER = re.compile(r"^S[ốo]\s*:?\s*(?P<number>\d{1,6}\s*/\s*\S.*[-–])\s*$")
_SYMBOL_TAIL = re.compile(r"[A-ZĐ][A-ZĐÀ-Ỹ0-9]{0,9}")
_VV = re.compile(r"^V/v\.?\s+(?P<subject>.+)$", re.IGNORECASE)
_UNIT_WORDS = ("tinh", "thanh pho", "huyen", "quan", "thi xa", "thi tran", "xa", "phuong", "dac khu")

TYPE_NAMES: dict[str, str] = {}
for _code, _names in CITATION_NAMES.items():
    for _name in _names:
        TYPE_NAMES.setdefault(fold(_name), _code)


@dataclass
class Header:
    superior: str | None = None
    issuer: str | None = None
    issuer_raw: str | None = None
    motto: str | None = None  # "state" | "party" | "front" (a youth organisation's name in its place)
    number: str | None = None
    number_raw: str | None = None
    place: str | None = None
    date: str | None = None  # ISO, reduced precision when blank
    date_raw: str | None = None
    document_type: str | None = None
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    subject_vv: bool = False
    body_start: int = 0  # index into the document's lines
    found_anything: bool = False
    lines_used: list[int] = field(default_factory=list)


def motto_in(text: str, key: str | None = None) -> tuple[str, int, int] | None:
    key = fold(text) if key is None else key
    # Both mottos of the Party and the State end in "vi…t nam" and the State's second line has
    # "do" and "ph": a line without them is not a motto, and most lines lack them.
    has_nam = "nam" in key and "vi" in key
    has_ph = "ph" in key and "do" in key
    if not has_nam and not has_ph:
        return None
    for name, rx in _MOTTOS.items():
        if not (has_ph if name == "state2" else has_nam):
            continue
        m = rx.search(key)
        if m:
            return (System.PARTY if name == System.PARTY else System.STATE), m.start(), m.end()
    return None


def type_of_line(text: str) -> str | None:
    """The document type a caps type-name line prints ("KẾ HOẠCH" → KH)."""
    if not is_caps_line(text):
        return None
    key = re.sub(r"\s+", " ", fold(text)).strip(" .:")
    return TYPE_NAMES.get(TYPE_QUALIFIER.sub("", key))


# What a type-name line may print after the type ("QUY ĐỊNH (BỔ SUNG)", "KẾ HOẠCH (SỬA ĐỔI)"): it
# qualifies the document, and is no part of its subject line.
TYPE_QUALIFIER = re.compile(r"\s*\((?:bo sung|sua doi(?:,? bo sung)?|du thao|thay the|lan \d+)\)$")


# A type name with the document's own number after it ("HƯỚNG DẪN 165-HD/BTGTW", "KẾ HOẠCH SỐ 12-KH/TU").
_TYPE_AND_NUMBER = re.compile(r"^(?P<type>[^\d]+?)\s+(?:S[ỐốO]\s*:?\s*)?(?P<number>\d{1,6}\s*[-/]\s*\S+)\s*$")


def type_and_number(text: str) -> tuple[str | None, str | None]:
    """The document type a type-name line prints, and the number printed after it, if any."""
    code = type_of_line(text)
    if code:
        return code, None
    m = _TYPE_AND_NUMBER.match(text.strip())
    if m and number_line(f"Số {m['number']}"):
        code = type_of_line(m["type"])
        if code:
            return code, m["number"]
    return None, None


# A Party superior's name ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "BAN CHẤP HÀNH TRUNG ƯƠNG") and the bodies
# printed after it on one line: each starts where a body's name starts again.
_SUPERIOR = re.compile(r"^(?:ĐẢNG BỘ|BAN CHẤP HÀNH)\b")
_NEXT_BODY = re.compile(
    r"(?<=[A-ZĐÀ-Ỹ])\s+(?=(?:ĐẢNG BỘ|ĐẢNG [UỦ][YỶ]|HUYỆN [UỦ][YỶ]|TỈNH [UỦ][YỶ]|THÀNH [UỦ][YỶ]|THỊ [UỦ][YỶ]|"
    r"QUẬN [UỦ][YỶ]|CHI BỘ|[UỦ][YỶ] BAN KIỂM TRA|VĂN PHÒNG|BAN (?:TUYÊN GIÁO|TỔ CHỨC|DÂN VẬN|NỘI CHÍNH|KINH TẾ))\b)")
# "TỈNH ỦY" with no name after it completes the body before it ("BAN TUYÊN GIÁO TỈNH ỦY").
_COMPLEMENT = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH|THỊ|QUẬN) [UỦ][YỶ]$")


# The mottos' letters: a line holding only the first letters of one ("ĐẢ", "CỘNG HÒA XÃ") is what
# a page or a column break left of it.
MOTTO_LETTERS = ("conghoaxahoichunghiavietnam", "dangcongsanvietnam", "doclaptudohanhphuc")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text).lower())


def motto_prefix(text: str) -> bool:
    """The first letters of a motto, and not the whole of it."""
    letters = _letters(text)
    return bool(letters) and any(m.startswith(letters) and m != letters for m in MOTTO_LETTERS)


def is_motto_letters(text: str) -> bool:
    """A whole motto, whatever its spacing and dashes."""
    return _letters(text) in MOTTO_LETTERS


def party_bodies(text: str) -> list[str]:
    """The bodies a Party header's issuer block prints on one line, superiors first:
    "ĐẢNG BỘ HUYỆN NGA SƠN ĐẢNG UỶ XÃ NGA HẢI" → the superior and the issuer."""
    if not _SUPERIOR.match(text):
        return [text]
    out: list[str] = []
    for piece in _NEXT_BODY.split(text):
        if out and _COMPLEMENT.match(piece.strip()):
            out[-1] = f"{out[-1]} {piece.strip()}"
        else:
            out.append(piece.strip())
    return out


def _split_unit_wrap(lines: list[str]) -> list[str]:
    """Re-join a body name the layout wrapped: a head without its unit ("ỦY BAN NHÂN DÂN" /
    "THỊ TRẤN CHỢ CHU", "ỦY BAN NHÂN DÂN" / "TP. HỒ CHÍ MINH"), or a unit's kind without its name
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ" / "HỒ CHÍ MINH")."""
    bodies: list[str] = []
    for text in lines:
        key = fold(text)
        starts_unit = any((key + " ").startswith(w + " ") for w in _UNIT_WORDS) or _UNIT_ABBREVIATION.match(key)
        if bodies and starts_unit and not _names_unit(fold(bodies[-1])):
            bodies[-1] = bodies[-1] + " " + text
        elif bodies and _ends_in_kind(fold(bodies[-1])) and not opens_body(text):
            bodies[-1] = bodies[-1] + " " + text
        elif bodies and (_CONTINUES_NAME.match(key) or _NAME_GOES_ON.search(fold(bodies[-1]))
                         or _BARE_KIND.fullmatch(fold(bodies[-1]).strip()) or _word_cut(bodies[-1], text)):
            # A name wrapped inside its own words: no body's name opens with "VÀ" ("BỘ NÔNG
            # NGHIỆP" / "VÀ PHÁT TRIỂN NÔNG THÔN"), and none ends with "VÀ", "," or "-".
            bodies[-1] = bodies[-1] + " " + text
        else:
            bodies.append(text)
    return bodies


def _word_cut(before: str, text: str) -> bool:
    """A name wrapped inside a word: a line of one syllable that, with the last syllable above it,
    makes a word or a place's name ("BỘ GIÁO DỤC VÀ ĐÀO" / "TẠO", "UBND THÀNH PHỐ CẦN" / "THƠ")."""
    syllables = text.split()
    if len(syllables) != 1 or not before.split():
        return False
    pair = f"{before.split()[-1]} {syllables[0]}"
    return pair.lower() in lexicon.known_words() or any(
        code_lists.name_key(pair) in code_lists.by_name_key(scheme) for scheme in AdminUnitScheme)


_CONTINUES_NAME = re.compile(r"(?:va|-|&)\s")
# A kind of body with no name of its own, the rest of its name on the next line ("BỘ" / "CHÍNH TRỊ").
_BARE_KIND = re.compile(r"bo|ban|so|cuc|vien|uy ban|van phong|hoi dong|dang uy|dang bo")
_NAME_GOES_ON = re.compile(r"(?:\bva|,|-)\s*$")
# "TP. HỒ CHÍ MINH", "TP.HCM", "TX. …": a unit's kind abbreviated (folded).
_UNIT_ABBREVIATION = re.compile(r"(?:tp|tx)\.\s?\w")


def _names_unit(key: str) -> bool:
    return any(f" {w} " in f" {key} " for w in _UNIT_WORDS) or _UNIT_ABBREVIATION.search(key) is not None


def _ends_in_kind(key: str) -> bool:
    """Whether a name ends with a unit's kind and no unit's name ("… THÀNH PHỐ")."""
    key = " " + re.sub(r"\s+", " ", key).strip()
    return any(key.endswith(" " + w) for w in _UNIT_WORDS)


def parse_header(lines: list[Line], ocr: bool = False) -> Header:
    h = Header()
    issuer_lines: list[str] = []
    pending: str | None = None  # a number line broken after a hyphen
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        text = ln.text
        if i == 0 and not is_caps_line(text) and not number_line(text) and not motto_in(text) \
                and not PLACE_DATE_LINE.search(text):
            break  # the header is lost: the file starts in the title or the body
        if text in ("-", "–") and h.found_anything and h.document_type is None:
            i += 1  # what is left of a rule under a name ("-------" / "-"): a header has no list
            continue
        m = motto_in(text)
        if m:
            h.motto = h.motto or m[0]
            h.found_anything = True
            h.lines_used.append(ln.num)
            left = text[: m[1]].strip()
            right = text[m[2]:].strip()
            if any(ch.isalpha() for ch in left):  # a rule read beside the motto ("— Độc lập …") names no body
                issuer_lines.append(left)
            if right and PLACE_DATE_LINE.search(right):
                _take_date(h, right, issuer_lines)
            i += 1
            continue
        num = number_line(text)
        if num:
            h.number, h.number_raw = clean(num[0]), num[1]
            h.found_anything = True
            h.lines_used.append(ln.num)
            i += 1
            continue
        broken = _BROKEN_NUMBER.match(text) if h.number is None else None
        if broken:
            # "Số: 255 / BC-BCĐPCGD-" with the symbol's last group in the other column's flow
            # ("XMC" after the date): joined when that group comes, else the number is not read.
            pending = broken["number"]
            h.found_anything = True
            i += 1
            continue
        if pending and _SYMBOL_TAIL.fullmatch(text):
            whole = number_line(f"Số: {pending}{text}")
            if whole:
                h.number, h.number_raw = clean(whole[0]), f"{pending} {text}"
                pending = None
                i += 1
                continue
        vv = _VV.match(text)
        if vv:
            parts = [ln]
            j = i + 1
            while j < n and not PLACE_DATE_LINE.search(lines[j].text) and not motto_in(lines[j].text) \
                    and not fold(lines[j].text).startswith("kinh gui") and not number_line(lines[j].text) \
                    and not is_caps_line(lines[j].text) and j - i < 5:
                parts.append(lines[j])
                j += 1
            para = join(parts)
            h.title = clean(_VV.match(para.text)["subject"])  # type: ignore[index]
            h.title_start, h.title_end = para.start, para.end
            h.subject_vv = True
            h.found_anything = True
            i = j
            continue
        dated = PLACE_DATE_LINE.search(text)
        if dated and (is_caps_line(text[:dated.start()]) or dated.start() == 0):
            _take_date(h, text, issuer_lines)
            h.found_anything = True
            h.lines_used.append(ln.num)
            i += 1
            continue
        code, own_number = type_and_number(text)
        if code:
            h.document_type = code
            h.found_anything = True
            if own_number and not h.number:
                h.number, h.number_raw = clean(own_number), text
            i += 1
            i = _take_title(h, lines, i)
            break
        front = _FRONT_MOTTO.search(fold(text)) if is_caps_line(text) else None
        if front:
            h.motto = h.motto or System.FRONT
            h.found_anything = True
            h.lines_used.append(ln.num)
            if text[: front.start()].strip():
                issuer_lines.append(text[: front.start()].strip())
            i += 1
            continue
        if h.number and h.date and is_caps_line(text) and _DECISION_SUBJECT.match(fold(text)):
            # A decision's subject line after its number and date, its type word dropped by the
            # page it was copied from ("BAN HÀNH KẾ HOẠCH …" with no "QUYẾT ĐỊNH" above it).
            i = _take_title(h, lines, i)
            break
        if is_caps_line(text) and h.document_type is None and motto_prefix(text):
            i += 1  # "ĐẢ": a motto the page cut short
            continue
        if h.date and h.motto and issuer_lines and text != issuer_lines[0] and is_caps_line(text):
            # The issuer is printed before the place and date: capitals after them are the text's,
            # a subject line whose type word the page dropped ("TRIỂN KHAI CÔNG TÁC …" under 1751/KH-…).
            if h.number and h.document_type is None and h.title is None and not starts_with_label(text) \
                    and not AUTHORITY_LINE.match(fold(text)):
                i = _take_title(h, lines, i)
            break
        if is_caps_line(text) and h.document_type is None and not starts_with_label(text):
            if issuer_lines and text == issuer_lines[0]:
                issuer_lines.clear()  # the header printed again (a page shows its copy twice)
            issuer_lines.append(text)
            h.found_anything = True
            h.lines_used.append(ln.num)
            i += 1
            continue
        if h.number and h.document_type is None and h.title is None:
            i = _unmarked_subject(h, lines, i)
        break
    h.body_start = i
    bodies = _split_unit_wrap([clean(t) for t in issuer_lines if clean(t)])
    if len(bodies) > 1 and _SUPERIOR.match(" ".join(bodies)):
        # "BAN CHẤP HÀNH" / "TRUNG ƯƠNG BAN TỔ CHỨC": a Party block wrapped inside its names.
        bodies = party_bodies(" ".join(bodies))
    if len(bodies) == 1:
        h.issuer = bodies[0]
    elif len(bodies) > 2 and all(_SUPERIOR.match(b) for b in bodies[:-1]):
        h.superior, h.issuer = bodies[-2], bodies[-1]  # the nearest superior of a chain
    elif len(bodies) >= 2:
        h.superior, h.issuer = bodies[0], " ".join(bodies[1:])
    h.issuer_raw = h.issuer
    return h


# What only a decision's subject line opens with.
_DECISION_SUBJECT = re.compile(r"(?:ve viec |v/v )?(?:ban hanh|phe duyet|thanh lap|kien toan|giao chi tieu)\b")


def _take_title(h: Header, lines: list[Line], i: int) -> int:
    """The subject line from line ``i``: the next printed unit, up to the first paragraph of the
    body; the index of the line after it."""
    n = len(lines)
    j = i
    parts: list[Line] = []
    joiner = Joiner(lines)
    if joiner.per_line:
        # A body written one paragraph a line says nothing of the subject line, which may
        # still be wrapped to the header's width: its own lines decide.
        joiner = Joiner(_title_block(lines, i))
    while j < n:
        cur = lines[j]
        if parts and not _title_continues(joiner, parts[-1], cur):
            break
        if not parts and (starts_with_label(cur.text) or fold(cur.text).startswith("kinh gui")):
            break
        parts.append(cur)
        j += 1
    if parts:
        para = join(parts)
        h.title = clean(para.text)
        h.title_start, h.title_end = para.start, para.end
    return j


def _unmarked_subject(h: Header, lines: list[Line], i: int) -> int:
    """A công văn's subject printed without "V/v" under its number, just before "Kính gửi"
    ("Hoãn tổ chức các hội nghị ngày 06/9/2020"); the index of the line after it."""
    end = next((j for j in range(i, min(len(lines), i + 4)) if fold(lines[j].text).startswith("kinh gui")), None)
    if end is None or end == i or any(starts_with_label(ln.text) or _OPENERS.match(fold(ln.text))
                                      for ln in lines[i:end]):
        return i
    para = join(lines[i:end])
    h.title = clean(para.text)
    h.title_start, h.title_end = para.start, para.end
    h.subject_vv = True
    return end


# A subject line longer than this many printed lines is not seen.
_TITLE_LINES = 8


def _title_block(lines: list[Line], i: int) -> list[Line]:
    """The lines that may print the subject line: from ``i`` up to the first blank line (or rule),
    a few at most."""
    end = i + 1
    while end < len(lines) and end - i < _TITLE_LINES and lines[end].gap == 0:
        end += 1
    return lines[i:end]


_OPENERS = re.compile(r"^(thuc hien|can cu|theo de nghi|trien khai|nham|de trien khai)\b")


# The authority that decides, printed in capitals on a line of its own between a decision's
# subject line and its bases ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "BỘ TRƯỞNG BỘ TƯ PHÁP").
AUTHORITY_LINE = re.compile(
    r"(?:pho )?(?:chu tich|bo truong|thu truong|giam doc|tong giam doc|thu tuong|uy ban nhan dan|"
    r"hoi dong nhan dan|truong ban|cuc truong|tong cuc truong|chanh van phong|ban thuong vu|ban chap hanh|"
    r"ban chi dao|vien truong)\b")


# A post that decides: it opens the authority line even where no blank line sets it apart.
_AUTHORITY_POST = re.compile(r"(?:pho )?(?:chu tich|bo truong|thu tuong|giam doc|tong giam doc|cuc truong|"
                             r"tong cuc truong|vien truong|truong ban|chanh van phong)\b")
# The small words a phrase cannot end with ("… của", "… và"): a line ending with one goes on.
_OPEN_WORDS = "cua|va|ve|cho|voi|tai"
_LINE_GOES_ON = re.compile(rf"(?:\b(?:{_OPEN_WORDS})|[,;-])\s*$")


# What ends a subject line: a rule under it ("—–", "-----"), or a part of the text lettered in
# capitals ("A- MỤC ĐÍCH, YÊU CẦU").
_RULE_UNDER = re.compile(r"^[-_–—=.*¯\s]+$")
_LETTERED_PART = re.compile(r"^[A-ZĐ]\s*[-.–)]\s*[A-ZĐÀ-Ỹ]{2}")


# What a subject line's last line may open with though it starts a capital: its term, period or
# date ("Nhiệm kỳ 2022 - 2025", "Giai đoạn 2021 - 2025", "Thời điểm tháng 10 năm 2020").
_TITLE_TAIL = re.compile(r"(?:nhiem ky|giai doan|thoi diem|thoi ky|dot (?:[ivx]+|\d+)\b|nam \d{4})")


def _title_continues(joiner: Joiner, prev: Line, cur: Line) -> bool:
    if _RULE_UNDER.match(cur.text) or _LETTERED_PART.match(cur.text):
        return False
    key = fold(cur.text)
    if _TITLE_TAIL.match(key) and len(cur.text) < 60:
        return True
    if is_caps_line(prev.text) and not is_caps_line(cur.text) and cur.text[:1].isupper() \
            and len(cur.text) > 60:
        return False  # a subject line in capitals, then the opening sentence in small letters
    if is_caps_line(cur.text) and (cur.gap >= 1 and AUTHORITY_LINE.match(key) or _AUTHORITY_POST.match(key)) \
            and not _LINE_GOES_ON.search(fold(prev.text)):
        return False  # the deciding authority, unless the subject line is cut mid-phrase ("…, CHỦ TỊCH NƯỚC")
    if starts_with_label(cur.text) and not cur.text.startswith("-"):
        return False
    if is_caps_line(prev.text) and is_caps_line(cur.text) and _LINE_GOES_ON.search(fold(prev.text)):
        return True  # a subject line in capitals cut mid-phrase, whatever the blank line between
    if _OPENERS.match(fold(cur.text)) and cur.text[:1].isupper() and not is_caps_line(cur.text) \
            and not re.search(r"\w-$", prev.text):
        return False  # the opening sentence ("Thực hiện …"); a wrapped subject goes on in small letters
    if fold(cur.text).startswith("kinh gui"):
        return False
    if _SUBJECT_GOES_ON.search(fold(prev.text)):
        return True  # no subject line ends "… ban hành kèm theo" or "… của": the next line finishes it
    if cur.text[:1].islower() and not is_caps_line(prev.text):
        return True  # a subject line goes on in small letters (centred, its lines indented); a sentence opens in capitals
    return joiner.continues(prev, cur)


# The words a subject line cannot end with: a line ending so is wrapped, however short.
_SUBJECT_GOES_ON = re.compile(rf"\b(?:{_OPEN_WORDS}|theo|so|trong|tren|nham|giua)\s*$")


# The abbreviated kind of a unit before its name ("TP.", "TX.", "TT."), or a place written as one
# abbreviation ("TP.HCM").
_PLACE_KIND = re.compile(r"(?:TP|Tp|TX|Tx|TT|Tt)\.?")
_PLACE_KIND_WHOLE = re.compile(r"(?:TP|Tp)\.\s?[A-ZĐ]{2,}")


def _take_date(h: Header, text: str, issuer_lines: list[str]) -> None:
    m = parse_place_date(text)
    if not m:
        return
    left = text[: m.start].strip()
    place = m.place or ""
    # In a flattened header the place follows the issuer on one line: keep only the title-case words.
    words = place.split()
    keep: list[str] = []
    for w in reversed(words):
        # An abbreviated kind belongs to the place ("TP. Hồ Chí Minh", "TP.HCM"), not to the issuer.
        kind = _PLACE_KIND_WHOLE if not keep else _PLACE_KIND
        if w.isupper() and len(w) > 1 and not kind.fullmatch(w):
            break
        keep.insert(0, w)
        if kind is _PLACE_KIND and w.isupper():
            break  # the kind opens the place: what stands before it is the issuer's
    extra = " ".join(words[: len(words) - len(keep)])
    if extra:
        left = (left + " " + extra).strip()
    if left and is_caps_line(left):
        issuer_lines.append(left)
    h.place = clean(" ".join(keep)) or None
    h.date = m.iso
    h.date_raw = clean(text[m.start:])


# Words that name an organisation of one system (folded). "Ủy ban nhân dân", "Sở", "Bộ": State;
# "Tỉnh ủy", "Đảng ủy", "Đảng đoàn": Party; the Fatherland Front and the mass organisations
# (Đoàn, Hội, Công đoàn): front (SPEC §6).
SYSTEM_WORDS = {
    System.PARTY: ("dang bo", "dang uy", "tinh uy", "huyen uy", "thi uy", "thanh uy", "quan uy", "chi bo",
                   "dang doan", "ban can su", "bo chinh tri", "ban bi thu", "dang cong san"),
    System.STATE: ("uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd", "so ", "phong ", "chinh phu", "bo ",
                   "thu tuong"),
    System.FRONT: ("mat tran to quoc", "uy ban mat tran", "ubmttq", "uy ban mttq", "ub mttq", "doan thanh nien",
                   "doan tncs", "tinh doan", "thanh doan", "huyen doan", "quan doan", "thi doan", "doan tinh",
                   "doan huyen", "doan xa",
                   "doan phuong", "doan thi tran", "doan thanh pho", "doan quan", "doan thi xa", "doan khoi",
                   "hoi lien hiep", "hoi lhpn", "hoi phu nu", "hoi lhtn", "hoi sinh vien", "hoi nong dan",
                   "hoi cuu chien binh", "hoi ccb", "lien doan lao dong", "cong doan", "doi tntp",
                   "doi thieu nien"),
}
# Heads that name a body only as the name's first word: "Sở …", "Phòng …", "Bộ …" ("cơ sở",
# "văn phòng" hold them too).
_HEAD_ONLY = ("so ", "phong ", "bo ")
# Organs the Party's committees have and the Đoàn and the Hội have too ("Ban Chấp hành", "Ban
# Thường vụ", "Ủy ban Kiểm tra", "Ban Tuyên giáo"): they name no organisation, and the name may go
# on to name one ("Ban Thường vụ Tỉnh Đoàn"). Alone they are the Party's, or the Đoàn's under its
# name in the motto's place. "Văn phòng" is every body's: alone, the motto decides.
_PARTY_ORGANS = ("ban thuong vu", "ban chap hanh", "bch", "ban tuyen giao", "ban dan van", "ban to chuc",
                 "uy ban kiem tra")
_SHARED_ORGANS = _PARTY_ORGANS + ("van phong",)


def system_of(name: str, motto: str | None = None, superior: str | None = None) -> str | None:
    """The system of a body: the first word of its name that names an organisation decides
    ("Đảng đoàn Hội LHPN tỉnh" is the Party's, "Ban Chấp hành Hội LHPN tỉnh" the Hội's).

    A name that names no organisation ("BAN THƯỜNG TRỰC", "VĂN PHÒNG", "BAN TUYÊN GIÁO") is an
    organ of the body printed above it (``superior``): the Ban Thường trực under "ỦY BAN MẶT TRẬN
    TỔ QUỐC VIỆT NAM TỈNH …" is the Front's, though the Front prints the national motto."""
    key = " " + re.sub(r"\s+", " ", fold(name)).strip() + " "
    party_organ = False
    for w in _SHARED_ORGANS:
        i = key.find(f" {w} ")
        if i >= 0:
            key = key[: i + 1] + " " * len(w) + key[i + 1 + len(w):]  # blanked: it names no system
            party_organ = party_organ or w in _PARTY_ORGANS
    first = len(key) - len(key.lstrip())
    found: list[tuple[int, int, str]] = []
    for system, words in SYSTEM_WORDS.items():
        for w in words:
            i = key.find(" " + w.strip() + " ")
            if i < 0 or (w in _HEAD_ONLY and i + 1 != first):
                continue
            found.append((i, -len(w), system))
    if found:
        return min(found)[2]
    above = system_of(superior) if superior else None
    if above:
        return above
    if party_organ:
        return System.FRONT if motto == System.FRONT else System.PARTY
    return motto


def level_of(name: str) -> Level | None:
    """Administrative level of a body from the unit its name ends with (or its committee); None
    when the name does not tell."""
    key = " " + re.sub(r"\s+", " ", fold(name)).strip() + " "
    sector = sector_body(name)
    if sector is not None:
        if sector[0] == "bo":
            return Level.CENTRAL  # a ministry is a body of the Government
        # A department's sector names no unit ("Sở Lao động - Thương binh và Xã hội"): what follows may.
        key = " " + key[1 + sector[1]:].lstrip()
    # The Đoàn's committee of a unit ("Tỉnh Đoàn", "Huyện Đoàn", "Thành Đoàn") is named as a Party committee is.
    key = re.sub(r" (tinh|huyen|quan|thanh|thi) doan (?!ket )", lambda m: f" {m.group(1)} uy ", key)
    if re.search(r" (tinh uy|tinh|thanh pho truc thuoc trung uong) ", key):
        if " thanh pho " not in key or " tinh " in key.replace(" tinh uy ", " "):
            return Level.PROVINCE
    if re.search(r" (huyen uy|thi uy|quan uy|huyen|quan|thi xa) ", key):
        return Level.DISTRICT
    if re.search(r" (xa|phuong|thi tran|dac khu) ", key):
        return Level.COMMUNE
    if re.search(r" (thanh uy|thanh pho) ", key):
        # A thành phố is a province (trực thuộc Trung ương) or a district (thuộc tỉnh): the name does
        # not say which, the code list does (the reader searches both levels).
        return None
    if re.search(r" (trung uong|chinh phu|quoc hoi|bo chinh tri|ban bi thu) ", key):
        return Level.CENTRAL
    return None
