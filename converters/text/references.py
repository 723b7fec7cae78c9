"""Citations of other documents (SPEC §7, §8.3, §9.4).

A citation is "*Type name* [số] *number* [[,] ngày *date*] [của *issuer*] [*subject*]"
(Nghị định 30/2020/NĐ-CP: the first citation of a document gives its type, number, date, issuer
and subject), or, for a submission, "*issuer* tại Tờ trình số …". Laws and codes are also cited
by name ("Luật Trẻ em năm 2016", "Bộ luật hình sự"). Matching runs on the folded key of the text
so that capitals and OCR readings without diacritics are read by the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khth.schema.identifiers import (
    CITATION_NAMES, format_citation_date, make_identifier, number_key, parse_number,
)

from .agencies import opens_body
from .common import Para, clean, fold, per_conversion

_NAMES = sorted({fold(n) for names in CITATION_NAMES.values() for n in names if n != "Luật"}, key=len, reverse=True)
_NAME_CODES: dict[str, list[str]] = {}
for _code, _names in CITATION_NAMES.items():
    for _n in _names:
        _NAME_CODES.setdefault(fold(_n), []).append(_code)


def _ocr_alt(name: str) -> str:
    # "Hudéng dan", "Huéng dan" for "Hướng dẫn": one to three letters for each vowel group.
    return re.sub(r"(?<=[b-df-hj-np-tv-z])[aeiouy]+", r"\\w{1,3}", re.escape(name).replace(r"\ ", r"\s+"))


_TYPE = r"(?P<type>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES) + r")"
_TYPE_OCR = r"(?P<type>" + "|".join(_ocr_alt(n) for n in _NAMES) + r")"
_NUM = (r"(?P<number>\d{1,6}\s*-\s*[a-zđ]{1,6}\s*/\s*[a-z0-9đ&]+(?:\s*-\s*[a-z0-9đ&]+)*"
        r"|\d{1,6}(?:\s*/\s*(?:19|20)\d\d)?\s*/\s*[a-z0-9đ&]+(?:\s*-\s*[a-z0-9đ&]+)*)")
_DATE = (r"(?:\s*,?\s*ng\w{1,2}y\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
         r"|\d{1,2}\s+th\w{1,2}ng\s+\d{1,2}\s+n\w{1,2}m\s+\d{4}))?")
CITE_RE = re.compile(r"(?<![\w])" + _TYPE + r"\s+(?:s\w{0,2}\s*:?\s+)?" + _NUM + _DATE)
CITE_OCR_RE = re.compile(r"(?<![\w])" + _TYPE_OCR + r"\s+(?:s\w{0,2}\s*:?\s+|\d\s+)?" + _NUM + _DATE)
# A number printed alone ("Chỉ thị số 28-CT/TW" without date still names the document).
NUMBER_RE = re.compile(r"(?<![\w/])" + _NUM.replace("?P<number>", "?:") + r"(?![\w/])")
# The same pattern opening with its first digit, so the engine skips ahead to digits: "\d(?<![\w/]\d)"
# is "(?<![\w/])\d", and the rest of each "\d{1,6}" is "\d{0,5}".
NUMBER_SCAN = re.compile(r"\d(?<![\w/]\d)" + _NUM.replace("?P<number>", "?:").replace(r"\d{1,6}", r"\d{0,5}")
                         + r"(?![\w/])")
# "B(?<![\w]B)" is "(?<![\w])B" with the letter first, so the engine skips ahead to "B" and "L".
LAW_RE = re.compile(r"(?P<kind>B(?<![\w]B)\w\s+lu\w{1,2}t|L(?<![\w]L)u\w{1,2}t)\s+(?P<name>[^\s,;.()“”\"]+(?:\s+[^\s,;.()“”\"]+)*?)"
                    r"(?:\s+(?:n\w{1,2}m\s+)?(?P<year>(?:19|20)\d\d))?"
                    r"(?=\s*[,;.()“”\"]|\s+(?:v\w|v\w{1,2}|đ\w|d\w|theo|c\w{1,2}a|t\w{1,2}i|hi\w{1,2}n\s+h\w{1,2}nh|"
                    r"quy\s+đ\w{1,2}nh|đ\w{1,2}\s|tr\w{1,2}n|năm)\b|\s*$)")
# Cheap tests run before the patterns above: every number has a "/" and a digit before "-" or
# "/"; every law citation has "Lu", or "B" and "lu"; every abbreviation note has "sau". Most paragraphs
# cite nothing.
NUMBER_HINT = re.compile(r"\d\s*[-/]")


def may_hold_number(key: str) -> bool:
    return "/" in key and NUMBER_HINT.search(key) is not None
ABBR_RE = re.compile(r"\(\s*sau\s+d\w{1,2}y\s+(?:g\w{1,2}i\s+)?(?:vi\w{1,2}t\s+)?t\w{1,2}t\s*(?:l\w\s+|:\s*)?(?P<abbr>[^)]+?)\s*\)")

_ISSUER_END = re.compile(
    r"\s+(?:ve|v/v|th\w{1,2}c\s+hi\w{1,2}n|tri\w{1,2}n\s+khai|quy\s+d\w{1,2}nh|theo|tai|tren|den|va|ban\s+hanh"
    r"|da|phe\s+duyet|huong\s+dan|tr\w{1,2}n\s+d\w{1,2}a)(?=\s|$)|\s*[,;.()“”\"]|\s*$")
_ISSUER_WORDS = _ISSUER_END.pattern[len("\\s+"): _ISSUER_END.pattern.index("(?=")]
# Where ``_ISSUER_END`` first matches, when it matches before the end of the key (at the end its
# "\s*$" always does): every match there opens with a space or a stop, and a pattern that opens
# with that class lets the engine skip every other character instead of trying three
# alternatives at each.
_ISSUER_END_SCAN = re.compile(
    r"[\s,;.()“”\"](?:(?<=\s)\s*(?:" + _ISSUER_WORDS + r"(?=\s|$)|[,;.()“”\"]|$)|(?<=[,;.()“”\"]))")
_TITLE_OPENERS = re.compile(
    r"(?:v\w\s|v/v\s|th\w{1,2}c\s+hi\w{1,2}n\s|tri\w{1,2}n\s+khai\s|quy\s+d\w{1,2}nh\s|huong\s+dan\s|phe\s+duyet\s"
    r"|ban\s+hanh\s|sua\s+doi\s)")
# ``_TITLE_OPENERS`` matched at a position of the key as it matched the rest of the key with a
# space appended: each opener's closing space may be the end of the key.
_TITLE_OPENERS_END = re.compile(_TITLE_OPENERS.pattern.replace(r"\s|", r"(?:\s|\Z)|").replace(r"\s)", r"(?:\s|\Z))"))
_TITLE_END = re.compile(r"\s+\(|\s*;|\.\s|\.$|\./\.|,\s+(?:de\s+nghi|cu\s+the)\b|\s+va\s+cac\s"
                        r"|\s+va\s+(?:ke\s+hoach|chi\s+thi)\s|:\s")
# ``_TITLE_END`` opening with the class of its first characters, so the engine skips ahead to
# them; the start of the first match is the same (the alternatives sorted by their first character).
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
    number_evidence: str | None = None
    position: int = 0  # order of appearance in the document

    @property
    def lines(self) -> tuple[int, int]:
        assert self.para is not None
        return self.para.span_of(self.start, self.end)

    @property
    def facts(self) -> int:
        return sum(x is not None for x in (self.number, self.date, self.issuer))


_DATE_PARTS = re.compile(r"(\d{1,2})\D+?(\d{1,2})\D+?(\d{4})")
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
    from datetime import date

    m = _DATE_PARTS.match(text)
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def _type_code(name_key: str, number: str | None) -> str:
    name_key = _WS_RUN.sub(" ", name_key)
    codes = _NAME_CODES.get(name_key)
    if codes is None:  # an OCR reading of the name: the closest name of the same length
        codes = _NAME_CODES[_closest_name(name_key)]
    parsed = parse_number(number) if number else None
    if parsed and parsed.type_code in codes:
        return parsed.type_code
    if parsed and parsed.type_code is None and "CV" in codes:
        return "CV"
    return codes[0]


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
    bit-parallel form of the table ``_distance_table`` fills cell by cell): a few integer
    operations per character of ``b`` instead of one Python step per cell."""
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


def _distance_table(a: str, b: str) -> int:
    """Levenshtein distance, the table filled cell by cell: the definition ``_distance`` follows."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _restore_number(number: str, codes: list[str]) -> tuple[str, bool]:
    """OCR loses the stroke of Đ: "1456/QD-TTg" under "Quyết định" is "1456/QĐ-TTg"."""
    parsed = parse_number(number)
    if parsed and (parsed.type_code in codes or parsed.system == "party"):
        return number, False
    for code in codes:
        plain = code.replace("Đ", "D")
        if plain != code and re.search(rf"(?<![A-Za-z]){plain}(?![a-z])", number):
            fixed = re.sub(rf"(?<![A-Za-z]){plain}(?![a-z])", code, number, count=1)
            if parse_number(fixed) and parse_number(fixed).type_code == code:  # type: ignore[union-attr]
                return fixed, True
    return number, False


def clean_number(raw: str) -> str:
    """White space around "-" and "/" removed, as the identifier and the reader do."""
    cleaned = clean(raw)
    return cleaned if " " not in cleaned else _SEP_SPACE.sub(r"\1", cleaned)


def _issuer_extent(text: str, key: str, pos: int) -> tuple[int, int] | None:
    m = _OPEN_ISSUER.match(key, pos)
    if not m:
        return None
    start = m.end()
    end_m = _ISSUER_END_SCAN.search(key, start)
    end = end_m.start() if end_m else len(key)  # _ISSUER_END's "\s*$" at the end of the key
    if end <= start:
        return None
    return start, end


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


def find_citations(para: Para, ocr: bool = False) -> list[Citation]:
    text = para.text
    key = para.key
    out: list[Citation] = []
    numbered = may_hold_number(key)
    named = "Lu" in text or ("lu" in text and "B" in text)
    if not numbered and not named:
        return out
    rx = CITE_OCR_RE if ocr else CITE_RE
    for m in (rx.finditer(key) if numbered else ()):
        number = clean_number(text[m.start("number"): m.end("number")])
        name_key = m["type"]
        codes = _NAME_CODES.get(_WS_RUN.sub(" ", name_key)) or [_type_code(name_key, None)]
        restored = False
        evidence = None
        if ocr:
            fixed, restored = _restore_number(number, codes)
            if restored:
                evidence = clean(text[m.start(): m.end("number")])
                number = fixed
        if parse_number(number) is None:
            continue
        code = _type_code(name_key, number)
        date = _parse_date(text[m.start("date"): m.end("date")]) if m["date"] else None
        end = m.end()
        issuer = None
        ext = _issuer_extent(text, key, end)
        if ext:
            issuer = clean(text[ext[0]: ext[1]])
            end = ext[1]
        start = m.start()
        # "của Sở … tại Tờ trình số …": the issuer printed before the document.
        if issuer is None:
            before = key[max(0, start - 160): start]
            mm = _ISSUER_BEFORE.search(before) if _issuer_before(before) else None
            if mm:
                who_start = max(0, start - 160) + mm.start("who")
                who = clean(text[who_start: max(0, start - 160) + mm.end("who")])
                if opens_body(who, ocr):
                    issuer = who
                    start = who_start
        cit = Citation("number", code, _number_key(number), number=number, date=date, issuer=issuer,
                       printed=clean(text[start:end]), start=start, end=end, para=para,
                       number_restored=restored, number_evidence=evidence)
        t = _title_extent(text, key, end)
        if t:
            cit.title = clean(text[t[0]: t[1]])
            cit.title_start, cit.title_end = t
        out.append(cit)
    for m in (LAW_RE.finditer(text) if named else ()):
        kind = m["kind"]
        if not (kind[0] == "L" or fold(kind).startswith("bo")):
            continue
        if fold(kind) == "luat" and m.start() > 0 and fold(text[max(0, m.start() - 5): m.start()]).endswith("phap "):
            continue
        name = clean(f"{kind} {m['name']}")
        if len(m["name"]) < 2 or not m["name"][0].isalpha():
            continue
        year = m["year"]
        out.append(Citation("law", "L", re.sub(r"\s+", " ", fold(name)), date=year, title=name,
                            printed=clean(text[m.start(): m.end()]), start=m.start(), end=m.end(), para=para))
    out.sort(key=lambda c: c.start)
    # Drop a citation found inside the number part of another (cannot happen) or duplicates by span.
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
    from khth.schema.identifiers import citation_name

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
    refers_to: str | None = None
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
