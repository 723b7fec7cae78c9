"""Citations of other documents (SPEC §7, §8.3, §9.4).

A citation is "*Type name* [số] *number* [[,] ngày *date*] [của *issuer*] [*subject*]"
(Nghị định 30/2020/NĐ-CP: the first citation of a document gives its type, number, date, issuer
and subject), or, for a submission, "*issuer* tại Tờ trình số …". Laws and codes are also cited
by name ("Luật Trẻ em năm 2016", "Bộ luật hình sự"). Matching runs on the folded key of the text
so that capitals and OCR readings without diacritics are read by the same rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from khth.schema.codelists import DocumentType, System
from khth.schema.grammar import (
    CITATION_NAMES, DAY_WORD, MONTH_WORD, NATIONAL_ASSEMBLY_CODE, NUMBER_IN_KEY, YEAR_WORD, citation_name,
    format_citation_date, number_key, parse_day_month_year, parse_number, symbol_type,
)
from khth.schema.identifiers import make_identifier

from .agencies import opens_body
from .common import Para, clean, fold, per_conversion

# "Văn bản số 215/SNN-KL": a công văn is cited by the generic word as often as by its own name
# (Nghị định 30/2020/NĐ-CP names it "văn bản hành chính"); its symbol decides the type as for any
# other name ("Văn bản số 12/QĐ-UBND" is a Quyết định).
_GENERIC_NAMES = {"Văn bản": (DocumentType.CV,)}
_NAMES = sorted({fold(n) for names in (*CITATION_NAMES.values(), *_GENERIC_NAMES) for n in
                 ([names] if isinstance(names, str) else names) if n != "Luật"}, key=len, reverse=True)
_NAME_CODES: dict[str, list[str]] = {}
for _code, _names in CITATION_NAMES.items():
    for _n in _names:
        _NAME_CODES.setdefault(fold(_n), []).append(_code)
for _n, _codes in _GENERIC_NAMES.items():
    _NAME_CODES.setdefault(fold(_n), []).extend(_codes)


def _ocr_alt(name: str) -> str:
    # "Hudéng dan", "Huéng dan" for "Hướng dẫn": one to three letters for each vowel group.
    return re.sub(r"(?<=[b-df-hj-np-tv-z])[aeiouy]+", r"\\w{1,3}", re.escape(name).replace(r"\ ", r"\s+"))


_TYPE = r"(?P<type>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES) + r")"
_TYPE_OCR = r"(?P<type>" + "|".join(_ocr_alt(n) for n in _NAMES) + r")"
_NUM = r"(?P<number>" + NUMBER_IN_KEY + ")"
# A PDF's text layer may lose the space after "số" or "ngày" ("Quyết địnhsố 2216/QĐ-BTP ngày30/7/2012").
_DATE = (r"(?:\s*,?\s*" + DAY_WORD + r"\s*(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
         r"|\d{1,2}\s+" + MONTH_WORD + r"\s+\d{1,2}\s+" + YEAR_WORD + r"\s+\d{4}))?")
CITE_RE = re.compile(r"(?<![\w])" + _TYPE + r"(?:\s+(?:s\w{0,2}\s*:?\s+)?|so\s*:?\s+)" + _NUM + _DATE)
CITE_OCR_RE = re.compile(r"(?<![\w])" + _TYPE_OCR + r"\s+(?:s\w{0,2}\s*:?\s+|\d\s+)?" + _NUM + _DATE)
# A type name with a qualifier before "số": "Chương trình hành động số 07-CTr/TU", "Thông báo kết
# luận số 1234-TB/TU", "Kế hoạch liên tịch số …". It is a citation only where the number's symbol
# names the leading type (``_names_type``): "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW" is not one.
# Written as a lookahead so that matches may overlap: a rejected reading must not hide the next.
_QUALIFIER = r"(?P<qual>(?:\s+(?!so\b)[a-z]+){1,3}?)"
QUALIFIED_RE = re.compile(r"(?=(?<![\w])" + _TYPE + _QUALIFIER + r"\s+so\s*:?\s+" + _NUM + _DATE + ")")
# A number printed alone ("Chỉ thị số 28-CT/TW" without date still names the document), not inside
# a longer token: ``_NUM`` between "(?<![\w/])" and "(?![\w/])", written to open with its first digit
# so the engine skips ahead to digits ("\d(?<![\w/]\d)" is "(?<![\w/])\d"; the rest of each
# "\d{1,6}" is "\d{0,5}").
NUMBER_SCAN = re.compile(r"\d(?<![\w/]\d)" + _NUM.replace("?P<number>", "?:").replace(r"\d{1,6}", r"\d{0,5}")
                         + r"(?![\w/])")
# Where a law is cited by name: "Luật …" or "Bộ luật …" ("B(?<![\w]B)" is "(?<![\w])B" with the
# letter first, so the engine skips ahead to "B" and "L"). The name itself is read word by word by
# ``_read_law``: law names hold commas ("Luật Phòng, chống tham nhũng"), "và" ("Luật Khoa học và
# Công nghệ") and other laws ("Luật sửa đổi, bổ sung một số điều của Luật …"), which no single
# pattern tells from the running text around them.
LAW_RE = re.compile(r"(?P<kind>B(?<![\w]B)\w\s+lu\w{1,2}t|L(?<![\w]L)u\w{1,2}t)(?=\s)")
# Cheap tests run before the patterns above: every number has a "/" and a digit before "-" or
# "/"; every law citation has "Lu", or "B" and "lu"; every abbreviation note has "sau". Most paragraphs
# cite nothing.
NUMBER_HINT = re.compile(r"\d\s*[-/]")


def may_hold_number(key: str) -> bool:
    return "/" in key and NUMBER_HINT.search(key) is not None
ABBR_RE = re.compile(r"\(\s*sau\s+d\w{1,2}y\s+(?:g\w{1,2}i\s+)?(?:vi\w{1,2}t\s+)?t\w{1,2}t\s*(?:l\w\s+|:\s*)?(?P<abbr>[^)]+?)\s*\)")

_ISSUER_END = re.compile(
    r"\s+(?:ve|v/v|th\w{1,2}c\s+hi\w{1,2}n|tri\w{1,2}n\s+khai|quy\s+d\w{1,2}nh|theo|tai|tren|den|va|ban\s+hanh"
    r"|da|phe\s+duyet|huong\s+dan|tr\w{1,2}n\s+d\w{1,2}a|sua\s+doi|bo\s+sung)(?=[\s,;.:]|$)|\s*[,;.()“”\"]|\s*$")
_TITLE_OPENERS = re.compile(
    r"(?:ve\s|v/v\s|th\w{1,2}c\s+hi\w{1,2}n\s|tri\w{1,2}n\s+khai\s|quy\s+d\w{1,2}nh\s|huong\s+dan\s|phe\s+duyet\s"
    r"|ban\s+hanh\s|sua\s+doi,?\s)")
# ``_TITLE_OPENERS`` matched at a position of the key as it matched the rest of the key with a
# space appended: each opener's closing space may be the end of the key.
_TITLE_OPENERS_END = re.compile(_TITLE_OPENERS.pattern.replace(r"\s|", r"(?:\s|\Z)|").replace(r"\s)", r"(?:\s|\Z))"))
# Where a cited title ends: a bracket, ";", a stop, "./.", ", đề nghị"/", cụ thể", " và các", " và
# kế hoạch/chỉ thị", ": ". Each alternative opens with the class of its first character, so the
# engine skips ahead to those instead of trying every alternative at every character.
_TITLE_END_SCAN = re.compile(r"[\s;.,:](?:(?<=\s)\s*(?:\(|;|va\s+cac\s|va\s+(?:ke\s+hoach|chi\s+thi)\s)|(?<=;)"
                             r"|(?<=\.)(?:\s|$|/\.)|(?<=,)\s+(?:de\s+nghi|cu\s+the)\b|(?<=:)\s)")
# ", " followed by a capital opens a new clause ("…, Ủy ban nhân dân tỉnh ban hành …").
_CLAUSE = re.compile(r",\s+(?=[A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])")


@dataclass
class Citation:
    kind: str  # "number" | "law"
    document_type: str
    key: str  # number key, or the folded law name
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    printed: str = ""
    start: int = 0
    end: int = 0  # end of the printed part
    title_start: int | None = None
    title_end: int | None = None
    para: Para | None = None
    number_restored: bool = False
    position: int = 0  # order of appearance in the document

    @property
    def lines(self) -> tuple[int, int]:
        assert self.para is not None
        return self.para.span_of(self.start, self.end)

    @property
    def facts(self) -> int:
        return sum(x is not None for x in (self.number, self.date, self.issuer))


_WS_RUN = re.compile(r"\s+")
_SEP_SPACE = re.compile(r"\s*([/-])\s*")
_OPEN_ISSUER = re.compile(r"\s+c\w{1,3}a\s+")
_OPEN_TITLE = re.compile(r"\s*,?\s*")
_ISSUER_BEFORE = re.compile(r"(?:de\s+nghi\s+)?c\w{1,3}a\s+(?P<who>[^,;.()]+?)\s+t\w{1,2}i\s+$")
_number_key = per_conversion(4096)(number_key)  # a document cites the same numbers again and again


def _issuer_before(before: str) -> bool:
    """What ``_ISSUER_BEFORE`` needs at the end of ``before`` ("… tại "), read before its scan."""
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped.endswith("i"):
        return False
    return stripped[-3:-2] == "t" or stripped[-4:-3] == "t"


def _parse_date(text: str) -> str | None:
    """The date a citation's date group prints (its form matched already), as ISO."""
    found = parse_day_month_year(text)
    return found.iso if found else None


def _name_codes(name_key: str) -> list[str]:
    """The type codes a printed type name may stand for."""
    name_key = _WS_RUN.sub(" ", name_key)
    codes = _NAME_CODES.get(name_key)
    if codes is None:  # an OCR reading of the name: the closest name of the same length
        codes = _NAME_CODES[_closest_name(name_key)]
    return codes


def _names_type(name_key: str, number: str) -> bool:
    """Whether the symbol of ``number`` names the type the printed name stands for."""
    return symbol_type(number, _name_codes(name_key)) in _name_codes(name_key)


def _type_code(name_key: str, number: str | None) -> str:
    codes = _name_codes(name_key)
    return (symbol_type(number, codes) if number else None) or codes[0]


@per_conversion(256)
def _closest_name(name_key: str) -> str:
    """The type name nearest to an OCR reading (fewest edits, then the shortest). A name whose
    length differs by more edits than the best so far cannot be nearer and is not measured."""
    best: tuple[int, int, int] | None = None
    chosen = ""
    for order, n in enumerate(_NAME_CODES):
        if best is not None and abs(len(n) - len(name_key)) > best[0]:
            continue
        score = (_distance(n, name_key), len(n), order)
        if best is None or score < best:
            best, chosen = score, n
    return chosen


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (OCR adds, drops and swaps letters).

    Computed a column at a time with the column held in the bits of two integers (Hyyrö's
    bit-parallel form of the dynamic-programming table): a few integer operations per character
    of ``b`` instead of one Python step per cell."""
    m = len(a)
    if not m:
        return len(b)
    where: dict[str, int] = {}  # the positions of each character of ``a``, as bits
    for i, ch in enumerate(a):
        where[ch] = where.get(ch, 0) | 1 << i
    mask = (1 << m) - 1
    top = 1 << (m - 1)
    plus, minus = mask, 0  # vertical differences +1 / -1 down the current column
    score = m
    for ch in b:
        eq = where.get(ch, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        hplus = minus | ~(xh | plus) & mask
        hminus = plus & xh
        if hplus & top:
            score += 1
        elif hminus & top:
            score -= 1
        hplus = (hplus << 1 | 1) & mask  # row 0 of the table grows by one a column
        hminus = (hminus << 1) & mask
        plus = hminus | ~(xv | hplus) & mask
        minus = hplus & xv
    return score


# Letters OCR reads for others in a type code: the stroke of Đ lost, a T read as I or l.
_OCR_LETTERS = {"Đ": "[ĐD]", "T": "[TIl]"}


@lru_cache(maxsize=64)
def _misread(code: str) -> re.Pattern[str] | None:
    """The forms OCR may give ``code`` in a symbol; None when it has no letter OCR misreads."""
    read = "".join(_OCR_LETTERS.get(ch, re.escape(ch)) for ch in code)
    return None if read == re.escape(code) else re.compile(rf"(?<![A-Za-z]){read}(?![a-z])")


def _restore_number(number: str, codes: list[str]) -> tuple[str, bool]:
    """OCR loses the stroke of Đ and reads T as I: "1456/QD-TTg" under "Quyết định" is
    "1456/QĐ-TTg", "124/TIr-SLĐTBXH" under "Tờ trình" is "124/TTr-SLĐTBXH"."""
    parsed = parse_number(number)
    if parsed and (parsed.type_code in codes or parsed.system == System.PARTY):
        return number, False
    for code in codes:
        seen = _misread(code)
        if seen is not None and seen.search(number):
            fixed = seen.sub(code, number, count=1)
            if fixed != number and parse_number(fixed) and parse_number(fixed).type_code == code:  # type: ignore[union-attr]
                return fixed, True
    return number, False


def clean_number(raw: str) -> str:
    """White space around "-" and "/" removed, as the identifier and the reader do."""
    cleaned = clean(raw)
    return cleaned if " " not in cleaned else _SEP_SPACE.sub(r"\1", cleaned)


# The sectors of the ministries and of the departments that mirror them in provinces (Sở) and
# districts (Phòng): Luật Tổ chức Chính phủ and the Government's decrees on its ministries,
# Nghị định 24/2014/NĐ-CP and 37/2014/NĐ-CP on the departments of People's Committees. Their names
# hold "và", commas, hyphens and small words ("Bộ Văn hóa, Thể thao và Du lịch", "Sở Lao động -
# Thương binh và Xã hội", "Bộ Giao thông vận tải") that end a name anywhere else, and "Tài" folds
# to "tại": a body of one of these sectors is read with its whole sector name.
_SECTORS = (
    "Quốc phòng", "Công an", "Ngoại giao", "Nội vụ", "Tư pháp", "Kế hoạch và Đầu tư", "Tài chính",
    "Công Thương", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Giao thông vận tải",
    "Xây dựng", "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Văn hóa - Thể thao", "Văn hóa và Thông tin",
    "Văn hóa - Thông tin", "Văn hóa, Khoa học và Thông tin", "Khoa học và Công nghệ", "Giáo dục và Đào tạo",
    "Y tế", "Dân tộc và Tôn giáo", "Ngoại vụ", "Du lịch", "Tài chính - Kế hoạch", "Kinh tế và Hạ tầng",
    "Kinh tế - Hạ tầng", "Kinh tế, Hạ tầng và Đô thị", "Quản lý đô thị", "Kinh tế",
)


def _sector_pattern(name: str) -> str:
    words = [re.escape(w) for w in fold(name).replace(",", " , ").replace("-", " - ").split()]
    rx = r"\s+".join(words)
    return rx.replace(r"\s+,\s+", r"\s*,\s*").replace(r"\s+\-\s+", r"\s*[-–]\s*")


# "Bộ …", "Sở …", "Phòng …", and their heads ("Giám đốc Sở …"), with the longest sector first.
_SECTOR_BODY = re.compile(
    r"(?:(?:pho\s+)?(?:bo\s+truong|giam\s+doc|truong\s+phong)\s+)?(?:bo|so|phong)\s+(?:"
    + "|".join(_sector_pattern(n) for n in sorted(_SECTORS, key=len, reverse=True)) + r")(?![\w])")
def sector_body(name: str) -> tuple[str, int] | None:
    """A ministry or department named by its sector at the start of ``name`` ("BỘ Y TẾ", "Sở Lao
    động - Thương binh và Xã hội tỉnh …"): its head ("bo", "so", "phong") and where its name ends in
    the folded, space-normalised name."""
    key = re.sub(r"\s+", " ", fold(name)).strip()
    m = _SECTOR_BODY.match(key)
    if m is None:
        return None
    head = next(w for w in m.group(0).split() if w in ("bo", "so", "phong"))
    return head, m.end()


# "và" that goes on inside a name: the next word is capitalised and opens no body or citation
# ("Đài Phát thanh và Truyền hình tỉnh"), unlike "… của UBND tỉnh và Sở Y tế".
_AND = re.compile(r"\s+va\s+(?=\S)")


def _issuer_extent(text: str, key: str, pos: int, issuers: int = 1) -> tuple[int, int] | None:
    """Where the issuer named after "của" stands; ``issuers``: how many bodies the number says
    issued the document (a joint number prints a code for each), so that "của Bộ Tư pháp và Bộ Nội
    vụ" after "…/TTLT-BTP-BNV" is one issuer of two bodies."""
    m = _OPEN_ISSUER.match(key, pos)
    if not m:
        return None
    start = m.end()
    sector = _SECTOR_BODY.match(key, start)
    end = _issuer_end(text, key, sector.end() if sector else start, issuers - 1)
    if end <= start:
        return None
    return start, end


# Stop words whose folded form is also that of a word in names: "tại" and "Tài" (Sở Tài chính),
# "đã" and "Đà" (thành phố Đà Nẵng). Others open a subject even when capitalised ("Quy định …").
_FOLDED_NAME_WORDS = ("tai ", "da ")


def _issuer_end(text: str, key: str, pos: int, joined: int = 0) -> int:
    """Where an issuer's name read from ``pos`` ends: at a word that cannot belong to a name.

    Those words are matched on the folded key, so a capitalised word that folds to one of them as
    a name's word does is part of the name ("Tài" is not "tại"), and "và" goes on into a capitalised word that opens
    neither another body nor another citation; ``joined``: how many more bodies a joint number's
    issuer names, each after a "và" (or a comma) that opens one."""
    while True:
        m = _ISSUER_END.search(key, pos)
        if m is None:
            return len(text)
        word = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if key.startswith(_FOLDED_NAME_WORDS, word) and _capitalised(text, word):
            pos = m.end()  # "Tài", "Đà": a name's word, not "tại", "đã"
            continue
        if _AND.match(key, m.start()) and _and_goes_on(text, key, _AND.match(key, m.start()).end()):
            pos = m.end()
            continue
        and_word = _AND.match(key, m.start()) or _JOINT_COMMA.match(key, m.start())
        if joined > 0 and and_word and _capitalised(text, and_word.end()) and opens_body(text[and_word.end():]):
            joined -= 1  # the next issuer of a jointly issued document
            pos = and_word.end()
            continue
        return m.start()


# The comma between the first issuers of a document issued by three or more ("của Sở Nội vụ, Sở Y
# tế và Sở Tài chính").
_JOINT_COMMA = re.compile(r",\s+(?=\S)")


def _capitalised(text: str, i: int) -> bool:
    """Whether the word at ``i`` is capitalised as a name's words are ("Tài"), not printed in
    capitals as a whole title may be ("VỀ")."""
    if not (text[i: i + 1].isalpha() and text[i].isupper()):
        return False
    return not (text[i + 1: i + 2].isalpha() and text[i + 1].isupper())


def _and_goes_on(text: str, key: str, nxt: int) -> bool:
    if not _capitalised(text, nxt):
        return False
    if opens_body(text[nxt:]):
        return False
    two = key[nxt:].split()[:2]
    return " ".join(two) not in _TYPE_HEADS and (two[:1] != ["luat"])


# "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII", "Hội nghị Trung ương 4 khóa XII":
# a plenum is a session of the body, which issues the document (Hướng dẫn 36-HD/VPTW); the term
# ("khóa XIII") numbers the session. The issuer is the body named after the session.
_PLENUM = re.compile(r"hoi\s+nghi\s+(?:lan\s+thu\s+\S+|trung\s+uong\s+\S+)\s+(?:cua\s+)?")
_TERM = re.compile(r"\s+khoa\s+[ivxlc\d]+$")


def _plenum_body(issuer: str, ocr: bool) -> str:
    key = fold(issuer)
    m = _PLENUM.match(key)
    if m is None or not opens_body(issuer[m.end():], ocr):
        return issuer
    body = issuer[m.end():]
    term = _TERM.search(fold(body))
    return body[: term.start()] if term else body


def _title_extent(text: str, key: str, pos: int) -> tuple[int, int] | None:
    m = _OPEN_TITLE.match(key, pos)
    start = m.end() if m else pos
    if not _TITLE_OPENERS_END.match(key, start):
        return None
    end = len(text)
    e1 = _TITLE_END_SCAN.search(key, start)
    if e1:
        end = e1.start()
    e2 = _CLAUSE.search(text, start)
    if e2 and e2.start() < end:
        end = e2.start()
    title = text[start:end].rstrip()
    return (start, start + len(title)) if title else None


def _number_matches(key: str, text: str, ocr: bool) -> list[re.Match]:
    """Citations by number, one per number: the plain form "Type [số] number", or a qualified
    form ("Thông báo kết luận số …") where the symbol names the qualified type and not the plain."""
    rx = CITE_OCR_RE if ocr else CITE_RE
    by_number = {m.start("number"): m for m in rx.finditer(key)}
    if "so" in key:
        for q in QUALIFIED_RE.finditer(key):
            number = clean_number(text[q.start("number"): q.end("number")])
            if not _names_type(q["type"], number):
                continue
            plain = by_number.get(q.start("number"))
            if plain is None or not _names_type(plain["type"], number):
                by_number[q.start("number")] = q
    return [by_number[k] for k in sorted(by_number)]


def _match_end(m: re.Match) -> int:
    # A qualified match is a lookahead: its own span is empty.
    return max(m.end(), m.end("number"), m.end("date") if m["date"] else -1)


# "Giám đốc Sở … tại Tờ trình số …": a submission is made by the head of a body, who is its issuer.
_HEAD_POST = re.compile(r"(?:pho\s+)?(?:giam\s+doc|chu\s+tich|truong\s+ban|truong\s+phong|thu\s+truong"
                        r"|chanh\s+van\s+phong|chanh\s+thanh\s+tra|bi\s+thu)\s+")


def _names_issuer(who: str, ocr: bool) -> bool:
    """Whether ``who`` names a body, or the head of one ("Giám đốc Sở Kế hoạch và Đầu tư")."""
    if opens_body(who, ocr):
        return True
    m = _HEAD_POST.match(fold(who))
    return m is not None and opens_body(who[m.end():], ocr)


def find_citations(para: Para, ocr: bool = False) -> list[Citation]:
    text = para.text
    key = para.key
    out: list[Citation] = []
    numbered = may_hold_number(key)
    named = "Lu" in text or ("lu" in text and "B" in text)
    if not numbered and not named:
        return out
    for m in (_number_matches(key, text, ocr) if numbered else ()):
        number = clean_number(text[m.start("number"): m.end("number")])
        name_key = m["type"]
        codes = _name_codes(name_key)
        restored = False
        if ocr:
            fixed, restored = _restore_number(number, codes)
            if restored:
                number = fixed
        code = symbol_type(number, codes)
        if code is None:
            continue  # no grammar reads the number, or no type the standard knows agrees with it
        date = _parse_date(text[m.start("date"): m.end("date")]) if m["date"] else None
        end = _match_end(m)
        issuer = None
        parsed = parse_number(number)
        ext = _issuer_extent(text, key, end, max(1, len(parsed.joint_issuers)) if parsed else 1)
        if ext:
            issuer = _plenum_body(clean(text[ext[0]: ext[1]]), ocr)
            end = ext[1]
        start = m.start()
        # "của Sở … tại Tờ trình số …": the issuer printed before the document.
        if issuer is None:
            before = key[max(0, start - 160): start]
            mm = _ISSUER_BEFORE.search(before) if _issuer_before(before) else None
            if mm:
                who_start = max(0, start - 160) + mm.start("who")
                who = clean(text[who_start: max(0, start - 160) + mm.end("who")])
                if _names_issuer(who, ocr):
                    issuer = who
                    start = who_start
        cit = Citation("number", code, _number_key(number), number=number, date=date, issuer=issuer,
                       printed=clean(text[start:end]), start=start, end=end, para=para,
                       number_restored=restored)
        t = _title_extent(text, key, end)
        if t:
            cit.title = clean(text[t[0]: t[1]])
            cit.title_start, cit.title_end = t
        out.append(cit)
    if named:
        out.extend(_find_laws(para, ocr))
    out.sort(key=lambda c: c.start)
    return out


# --- laws cited by name -------------------------------------------------------------------------

# What may follow a law's name: its date ("năm 2024", "2019", "ngày 19 tháng 6 năm 2015", "ngày
# 22/11/2019") or its number ("số 47/2019/QH14", then perhaps a date). Matched on the folded key.
_LAW_DATE = re.compile(r"\s*,?\s+ngay\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d"
                       r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(?:19|20)\d\d)(?![\d/])")
_LAW_YEAR = re.compile(r"\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d)(?![\d/])")
_LAW_NUMBER = re.compile(r"\s*,?\s+so\s*:?\s+(?P<number>\d{1,6}\s*/\s*(?:19|20)\d\d\s*/\s*"
                         + NATIONAL_ASSEMBLY_CODE.lower() + r")(?![\w/])")
# Where a name ends for certain: a stop, a bracket, a quote or a colon.
_LAW_HARD_STOP = re.compile(r"\s*(?:[;.:()“”\"…!?]|$)")
_LAW_WORD = re.compile(r"\s*(?P<word>[^\s,;.:()“”\"…!?]+)")
_LAW_COMMA = re.compile(r",\s*")
# Words that end a law's name in running text: prepositions, verbs and determiners no law's name
# holds after its first word ("theo quy định của Luật Đất đai về …", "Luật Giáo dục đã …"). Pairs
# are listed by their first word and checked with the next ("quy định", not "quy phạm").
_LAW_STOPS = frozenset("""của về theo tại đã được để do trong trên đến các những này thì là khi với cùng nhằm
    sau có như nhưng hoặc vào từ mà nên vì bởi sẽ đang phải cần nêu gồm số ngày năm tháng""".split())
_LAW_STOP_PAIRS = {"hiện": "hành", "quy": "định", "hướng": "dẫn", "đồng": "thời", "ban": "hành"}
_MAX_LAW_WORDS = 16
_MAX_AMENDING_WORDS = 48
# After a comma the name goes on only for a few words ("Luật Phòng, chống tham nhũng", "Luật Thể
# dục, thể thao"); a longer run is the sentence going on.
_MAX_AFTER_COMMA = 4


# An OCR layer has lost the marks: its words are compared folded.
_LAW_STOPS_OCR = frozenset(fold(w) for w in _LAW_STOPS)
_LAW_STOP_PAIRS_OCR = {fold(a): fold(b) for a, b in _LAW_STOP_PAIRS.items()}
# The first two words of every type name ("nghi dinh", "cong van"): a capitalised pair of these
# opens another citation; one word alone does not ("Luật Khoa học và Công nghệ").
_TYPE_HEADS = frozenset(" ".join(n.split()[:2]) for n in _NAMES) | {"bo luat"}


@dataclass
class _LawName:
    end: int  # end of the name in the text
    stop: int  # end of the printed citation (name and date or number)
    date: str | None = None
    number: str | None = None


def _is_stop(word: str, nxt: str | None, ocr: bool) -> bool:
    """Whether ``word`` (followed by ``nxt``) ends a name: a stop word, or a stop pair."""
    stops, pairs = (_LAW_STOPS_OCR, _LAW_STOP_PAIRS_OCR) if ocr else (_LAW_STOPS, _LAW_STOP_PAIRS)
    low = (lambda w: fold(w)) if ocr else (lambda w: w.lower())  # noqa: E731
    w = low(word)
    if w in stops:
        return True
    follow = pairs.get(w)
    return follow is not None and nxt is not None and low(nxt) == follow


def _opens_citation(word: str, nxt: str | None) -> bool:
    """Whether a capitalised ``word`` opens another citation ("Luật", "Nghị định", "Bộ luật")."""
    if not word[:1].isupper():
        return False
    head = fold(word)
    return head == "luat" or (nxt is not None and f"{head} {fold(nxt)}" in _TYPE_HEADS)


def _opens_other_than_law(word: str, nxt: str | None) -> bool:
    return _opens_citation(word, nxt) and fold(word) not in ("luat", "bo")


def _law_marker(text: str, key: str, pos: int) -> _LawName | None:
    """A law's number or date right after its name, at ``pos``."""
    m = _LAW_NUMBER.match(key, pos)
    if m:
        number = clean_number(text[m.start("number"): m.end("number")])
        d = _LAW_DATE.match(key, m.end())
        date = _parse_date(text[d.start("date"): d.end("date")]) if d else None
        return _LawName(pos, d.end() if d else m.end(), date, number)
    m = _LAW_DATE.match(key, pos)
    if m:
        return _LawName(pos, m.end(), _parse_date(text[m.start("date"): m.end("date")]))
    m = _LAW_YEAR.match(key, pos)
    if m:
        return _LawName(pos, m.end(), m["year"])
    return None


def _goes_on(ahead: list[str | None], amending: bool, ocr: bool) -> bool:
    """Whether the next word (``ahead``: it and the two after it) still belongs to the name."""
    word, nxt, after = ahead
    assert word is not None
    if amending:
        return not _opens_other_than_law(word, nxt)  # "…, Nghị định số …": the next citation
    if _is_stop(word, nxt, ocr) or _opens_citation(word, nxt):
        return False
    if fold(word) == "va":
        # "Luật Khoa học và Công nghệ"; not "… và Luật …", "… và các …", "… và phân cấp hiện hành"
        return nxt is not None and nxt[:1].isupper() and not _opens_citation(nxt, after)
    return True


def _and_runs_to_marker(text: str, key: str, and_word: re.Match, ocr: bool) -> int | None:
    """Where a name that goes on through a lower-case "và" ends: "Luật Sử dụng năng lượng tiết
    kiệm và hiệu quả ngày 17 tháng 6 năm 2010". The words after "và" belong to the name only when
    they run, without a stop, a comma or another citation, straight to the law's full date or its
    number; "Luật Đầu tư công và triển khai năm 2024" goes on into the sentence and ends before "và"."""
    if fold(and_word["word"]) != "va":
        return None
    pos = and_word.end()
    for _ in range(_MAX_AFTER_COMMA):
        w = _LAW_WORD.match(text, pos)
        if w is None or w.start("word") == pos or not w["word"][:1].isalpha():
            return None
        nxt_m = _LAW_WORD.match(text, w.end())
        nxt = nxt_m["word"] if nxt_m else None
        if _is_stop(w["word"], nxt, ocr) or _opens_citation(w["word"], nxt) or fold(w["word"]) == "va":
            return None
        pos = w.end()
        # Its full date or number: a bare year ("… và triển khai năm 2024") may time the sentence.
        if _LAW_DATE.match(key, pos) or _LAW_NUMBER.match(key, pos):
            return pos
    return None


def _read_law(text: str, key: str, pos: int, ocr: bool) -> _LawName | None:
    """The name of a law that starts at ``pos`` (after "Luật"), read word by word.

    A name ends at its date or number, at a stop, or before a word that cannot belong to it. A
    comma goes on only into a few lower-case words ("Luật Phòng, chống tham nhũng"). An amending
    law ("Luật sửa đổi, bổ sung một số điều của Luật …") names the laws it amends, so its name runs
    on, through "của", "và" and commas, to its date, number or a stop.
    """
    amending = key.startswith(" sua doi", pos)
    limit = _MAX_AMENDING_WORDS if amending else _MAX_LAW_WORDS
    words: list[str] = []
    end = pos  # end of the name read so far
    before_comma: int | None = None  # end of the name before a comma, while what follows is on trial
    after_comma = 0
    while len(words) <= limit:
        marker = _law_marker(text, key, end)
        if marker is not None:
            return marker if words or marker.number else None  # "Luật số 47/2019/QH14": no name
        if _LAW_HARD_STOP.match(text, end):
            break
        comma = _LAW_COMMA.match(text, end)
        w = _LAW_WORD.match(text, comma.end() if comma else end)
        if w is None:
            break
        word = w["word"]
        nxt_m = _LAW_WORD.match(text, w.end())
        nxt = nxt_m["word"] if nxt_m else None
        after_m = _LAW_WORD.match(text, nxt_m.end()) if nxt_m else None
        if not words:
            if comma or not word[:1].isalpha() or _is_stop(word, nxt, ocr):
                return None  # "Luật này", "Luật số …": no name
        elif comma and not amending:
            if before_comma is not None or not word[:1].islower() or _is_stop(word, nxt, ocr):
                break
            before_comma, after_comma = end, 0
        elif not _goes_on([word, nxt, after_m["word"] if after_m else None], amending, ocr):
            dated = _and_runs_to_marker(text, key, w, ocr)
            if dated is None:
                break
            words.append(word)
            end = dated
            continue
        if before_comma is not None:
            after_comma += 1
            if after_comma > _MAX_AFTER_COMMA:
                end = before_comma
                break
        words.append(word)
        end = w.end()
    else:
        return None  # too long for a name: the pattern has run into the sentence
    return _LawName(end, end) if words else None


# A law the plan asks to draft is no document it cites: "Xây dựng dự án Luật sửa đổi, bổ sung …",
# "dự thảo Luật …", "soạn thảo Luật …", "xây dựng Luật …" (the words right before "Luật").
_DRAFTED = re.compile(r"(?:\bdu\s+an|\bdu\s+thao|\bsoan\s+thao|\bxay\s+dung)\s+$")


def _find_laws(para: Para, ocr: bool) -> list[Citation]:
    """Laws cited by name. A law named inside another law's name (the laws an amending law
    amends) is part of that name, not a citation of its own."""
    text, key = para.text, para.key
    out: list[Citation] = []
    covered = -1
    for m in LAW_RE.finditer(text):
        kind = m["kind"]
        if m.start() < covered:
            continue
        if not (kind[0] == DocumentType.L or fold(kind).startswith("bo")):
            continue
        if fold(kind) == "luat" and m.start() > 0 and fold(text[max(0, m.start() - 5): m.start()]).endswith("phap "):
            continue
        law = _read_law(text, key, m.end(), ocr)
        if law is None:
            continue
        if _DRAFTED.search(key, max(0, m.start() - 24), m.start()):
            covered = law.stop  # a law still to be drafted, and the laws its name amends
            continue
        name = clean(text[m.start(): law.end]) if law.end > m.end() else None
        printed = clean(text[m.start(): law.stop])
        covered = law.stop
        if law.number and parse_number(law.number):
            out.append(Citation("number", DocumentType.L, _number_key(law.number), number=law.number, date=law.date,
                                title=name, printed=printed, start=m.start(), end=law.stop, para=para))
        else:
            assert name is not None
            out.append(Citation("law", DocumentType.L, re.sub(r"\s+", " ", fold(name)), date=law.date, title=name,
                                printed=printed, start=m.start(), end=law.stop, para=para))
    return out


class Mentions:
    """What a document's blocks may name: its references by number or law name, and the short
    names that refer to them. Built once per document, then asked once per block."""

    def __init__(self, refs: list[dict], abbreviations: list[dict]) -> None:
        self.by_number: dict[str, str] = {}
        self.laws: list[tuple[str, re.Pattern, str]] = []
        for ref in refs:
            if "number" in ref:
                self.by_number[fold(_number_key(ref["number"]["printed"]))] = ref["id"]
            elif ref.get("title"):
                law_key = re.sub(r"\s+", " ", fold(ref["title"]))
                self.laws.append((law_key, re.compile(rf"(?<![\w]){re.escape(law_key)}(?![\w])"), ref["id"]))
        self.abbrs: list[tuple[str, re.Pattern, str]] = []
        for abbr in abbreviations:
            if not abbr.get("refersTo"):
                continue
            ak = fold(abbr["abbreviation"])
            self.abbrs.append((ak, re.compile(rf"(?<![\w]){re.escape(ak)}(?![\w-])"), abbr["refersTo"]))

    def find(self, key: str) -> list[str]:
        """Identifiers the folded text ``key`` names, in order of first mention, each once."""
        found: list[tuple[int, str]] = []
        if self.by_number and may_hold_number(key):
            for m in NUMBER_SCAN.finditer(key):
                k = _WS_RUN.sub("", m.group(0))
                if k in self.by_number:
                    found.append((m.start(), self.by_number[k]))
        # A pattern runs only where its literal occurs.
        for literal, rx, ident in self.laws:
            if literal in key:
                m = rx.search(key)
                if m:
                    found.append((m.start(), ident))
        for literal, rx, ident in self.abbrs:
            if literal in key:
                m = rx.search(key)
                if m:
                    found.append((m.start(), ident))
        if not found:
            return []
        out: list[str] = []
        for _, ident in sorted(found):
            if ident not in out:
                out.append(ident)
        return out


def mentions(text: str, refs: list[dict], abbreviations: list[dict], ocr: bool = False) -> list[str]:
    """Identifiers of the references a block's text names, in order of first mention, each once."""
    return Mentions(refs, abbreviations).find(fold(text))


def reference_record(c: Citation, span: dict) -> dict:
    ref: dict = {"id": "", "documentType": c.document_type}
    if c.number:
        parts = parse_number(c.number)
        assert parts is not None
        ref["number"] = parts.as_json()
    if c.date:
        ref["issueDate"] = c.date
    if c.issuer:
        ref["issuer"] = c.issuer
    if c.title:
        ref["title"] = c.title
    if c.printed:
        ref["printed"] = c.printed
    ref["source"] = span
    ref["id"] = make_identifier(c.document_type, c.number, c.date, c.issuer, c.title)
    return ref


def citation_text(ref: dict) -> str:
    """A citation as the renderer prints it: type, number, date, issuer (SPEC §8.3)."""
    if "number" not in ref:
        words = [ref.get("title") or citation_name(ref["documentType"])]
        if ref.get("issueDate"):
            words.append(format_citation_date(ref["issueDate"]))
        return " ".join(words)
    words = [citation_name(ref["documentType"], ref["number"].get("system")), "số", ref["number"]["printed"]]
    if ref.get("issueDate"):
        words.append(format_citation_date(ref["issueDate"]))
    if ref.get("issuer"):
        words += ["của", ref["issuer"]]
    return " ".join(words)


@dataclass
class Abbrev:
    abbreviation: str
    printed: str
    start: int
    para: Para
    restored: bool = False


def find_abbreviations(para: Para) -> list[Abbrev]:
    key = para.key
    out: list[Abbrev] = []
    if "sau" not in key:
        return out
    for m in ABBR_RE.finditer(key):
        abbr = clean(para.text[m.start("abbr"): m.end("abbr")])
        out.append(Abbrev(abbr, clean(para.text[m.start(): m.end()]), m.start(), para))
    return out


def parse_short(abbr: str, ocr: bool = False) -> tuple[str | None, str | None, str | None]:
    """Type code, number key and serial a short name gives ("Chỉ thị 28" → CT, None, "28")."""
    key = fold(abbr)
    rx = CITE_OCR_RE if ocr else CITE_RE
    m = rx.match(key)
    if m is None:
        q = QUALIFIED_RE.match(key)  # "Chương trình hành động số 07-CTr/TU"
        if q and _names_type(q["type"], clean_number(abbr[q.start("number"): q.end("number")])):
            m = q
    if m:
        number = clean_number(abbr[m.start("number"): m.end("number")])
        return _type_code(m["type"], number), number_key(number), None
    for name in _NAMES:
        mm = re.match(rf"{re.escape(name).replace(chr(92) + ' ', chr(92) + 's+')}\s+(?:so\s+)?(?P<serial>\d+)\b", key)
        if mm:
            return _NAME_CODES[name][0], None, mm["serial"]
    return None, None, None


__all__ = ["Citation", "Mentions", "find_citations", "mentions", "reference_record", "citation_text", "find_abbreviations",
           "parse_short", "clean_number", "field"]
