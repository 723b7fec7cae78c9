"""Agencies named in a block (SPEC §9.1): split where the text lists separate bodies.

A list of agencies is split at ";" always, and at ", " or " và " only where the next words open
a new body: a named organ ("Ban …", "Ủy ban …", "Sở …", "Phòng …", "UBND …") or a plural group
("các tổ chức …", "các cơ quan …"). Commas inside one group stay ("các cơ quan, đơn vị liên
quan", "UBND các xã, phường"), as do connecting words inside a name ("Sở Lao động - Thương binh
và Xã hội"), and a list of levels that share one organ ("Các huyện, thị, thành Đoàn" is the Đoàn of
every huyện, thị xã and thành phố; "Ban Dân vận các huyện ủy, thị ủy, thành ủy"). Every agency is
an exact substring of the printed text.
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
    "dang doan", "vu", "tram", "doi", "hat", "doan", "cong doan",
)
# Heads whose folded form is also a common word that opens a task ("Sơ kết" is no "Sở", "Bố trí"
# no "Bộ", "Phong trào" no "Phòng", "Đại hội" no "Đài"): where the word is printed with its marks,
# it must be the organ's word. A text printed without marks keeps the folded reading.
_HEAD_SPELLING = {
    "so": "sở", "bo": "bộ", "vu": "vụ", "tram": "trạm", "phong": "phòng", "dai": "đài", "vien": "viện",
    "hoi": "hội", "cuc": "cục", "doi": "đội", "hat": "hạt", "doan": "đoàn", "cong doan": "công đoàn",
}
# "Hạt Kiểm lâm" (the forest rangers of a district), "Đoàn Khối", "Công đoàn Viên chức tỉnh" are
# bodies; "đoàn kết", "đoàn viên", "đoàn thể" and "công đoạn" are words, told apart by the next
# word or the marks; "… thành Đoàn và Đoàn trực thuộc" goes on as one list of Đoàn. These heads
# open a body only printed with their capital, as a name is.
_PROPER_HEADS = frozenset({"hat", "doan", "cong doan"})
# Nouns that, after "các", name a group of bodies.
_GROUP_NOUNS = (
    "co quan", "to chuc", "dang uy", "dang bo", "chi bo", "don vi", "so", "ban", "phong", "nganh", "doan the",
    "dia phuong", "hoi", "cap uy", "chi", "truong", "doanh nghiep", "xa", "phuong", "huyen", "thi tran",
    "ban nganh", "phong ban", "cap", "ngan", "co so", "cong chuc", "khu pho", "to dan pho", "thon",
    "khu dan cu", "chu dau tu", "quan uy", "huyen uy", "thi uy", "thanh uy", "tinh uy",
)
_OCR_HEADS = ("bang uy", "pang uy")

VERBS = (
    "nghien cuu", "quan triet", "xay dung", "lanh dao", "chi dao", "giam sat", "tang cuong", "huong dan",
    "chu tri", "phoi hop", "to chuc", "trien khai", "thuc hien", "co ke hoach", "co trach nhiem", "cu the hoa",
    "tham muu", "day manh", "theo doi", "kiem tra", "bao cao", "tuyen truyen", "chu dong", "de xuat", "bo tri",
    "can doi", "ra soat", "kien toan", "dam bao", "bao dam", "nang cao", "huy dong", "cap nhat",
    "quan ly", "tiep tuc", "tich cuc", "ban hanh", "dieu hanh", "xem xet", "uu tien", "phat huy", "van dong",
    "co van ban", "nam bat", "dinh huong", "long ghep", "chiu trach nhiem", "tham gia", "the che hoa",
    "gioi thieu", "phan cong", "don doc", "tong hop", "phat dong", "phat song", "dua tin", "dang tai",
    "bien soan", "cung cap", "mo",
)
# Verbs whose folded form is short enough to stand in other words ("mô hình", "mỏ"): printed with
# their marks, they must be the verb's.
_VERB_SPELLING = {"mo": "mở"}
# Words that end the subject of an assignment without being one of its verbs: the copula ("X là
# đầu mối …", "X là cơ quan thường trực …") and "căn cứ" ("X căn cứ chức năng, nhiệm vụ được giao,
# xây dựng …"). No name of a body holds them.
PREDICATES = ("la", "can cu")
# Adverbs of time standing between the subject and its verb ("Sở Y tế … định kỳ 6 tháng, hằng năm
# báo cáo …", "X thường xuyên theo dõi …"): they end the subject; no name of a body holds them.
ADVERBIALS = ("dinh ky", "hang nam", "hang quy", "hang thang", "hang tuan", "thuong xuyen")
# "cơ quan (chuyên trách) tham mưu, giúp việc": part of a name, not the verb "tham mưu".
_NAME_PHRASES = re.compile(r"tham m\w{1,2}u,?\s+gi\w{1,2}p vi\w{1,2}c")


def _alternation(words) -> str:
    # Longest first is not needed for a yes/no answer: the engine tries every alternative.
    return "|".join(re.escape(w) for w in words)


_GROUP_OPEN = re.compile(r"cac\s+(?:" + _alternation(_GROUP_NOUNS) + r")(?=[ ,\n]|\Z)")
_CAC = re.compile(r"cac\s")
_NOT_PAPER = re.compile(r"bao (?:ve|cao|dam|tro|hiem)\b|doan (?:ket|vien|the|truc thuoc)\b")
_HEAD_OPEN = re.compile(r"(?:" + _alternation(_ORGAN_HEADS) + r")(?= |\Z)")
_HEAD_OPEN_OCR = re.compile(r"(?:" + _alternation(_ORGAN_HEADS + _OCR_HEADS) + r")(?= |\Z)")
_NOT_PAPER_OCR = re.compile(r"b\w{2} (?:v\w|c\w{2}|d\w{2})\b")


def _opens_body(key: str, ocr: bool = False, text: str | None = None) -> bool:
    """``key`` (the folded ``text``, when given) opens the name of a body."""
    return _opens_body_at(key, 0, ocr, text)


def opens_body(text: str, ocr: bool = False) -> bool:
    return _opens_body(fold(text), ocr, text)


def _opens_body_at(key: str, pos: int, ocr: bool, text: str | None = None) -> bool:
    """``_opens_body(key[pos:])`` without copying the rest of the key (no pattern looks back);
    ``text``: the printed text ``key`` folds, to check the spelling of an ambiguous head."""
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
        return False  # "bảo vệ", "báo cáo": words, not the newspaper "Báo …"
    m = _HEAD_OPEN.match(key, pos)
    if m is None:
        return False
    if text is not None and m.group(0) in _PROPER_HEADS and not text[m.start()].isupper():
        return False  # "các ban ngành, đoàn thể": a common noun, not "Đoàn Khối"
    return text is None or _spelt_as(_HEAD_SPELLING, text, m.start(), m.end())


def _spelt_as(spellings: dict, text: str, start: int, end: int) -> bool:
    """The printed word at ``start``–``end`` is the word meant, not another of the same letters
    ("Phong trào" is no "Phòng"): its marks are the expected ones, or the whole text is printed
    without marks and has no spelling to tell."""
    spelling = spellings.get(fold(text[start:end]))
    if spelling is None:
        return True
    word = text[start:end].lower()
    return word == spelling or (word == fold(word) and text.isascii())


_TRAILING = re.compile(r"[\s.;,:]+$")
# Where a list of agencies may be cut: "; ", ", ", " và ", " cùng ". Each alternative opens with
# the class of its first character, so the engine skips to those instead of trying three
# alternatives at every character.
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
        if m.group(0).startswith(";") or _bare_names(text, key, cuts[-1], m, ocr) \
                or (_opens_body_at(key, m.end(), ocr, text)
                    and not _joint_office(key, cuts[-1], m)
                    and not _next_level(text, key, cuts[-1], m)):
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


def _bare_names(text: str, key: str, start: int, cut: re.Match, ocr: bool) -> bool:
    """The comma ``cut`` separates two bodies named by their proper names alone, with no organ's
    word ("Viettel Lào Cai, VNPT Lào Cai": enterprises): both are printed with a capital and the
    piece from ``start`` opens no body. A piece that opens one ("Bộ Văn hóa, Thể thao và Du
    lịch", "Trung tâm Văn hóa, Thể thao") goes on through its own comma."""
    nxt = cut.end()
    if not cut.group(0).startswith(",") or ocr or not text[nxt:nxt + 1].isupper():
        return False
    while start < cut.start() and text[start] in " ,;":
        start += 1
    return text[start:start + 1].isupper() and not _opens_body_at(key, start, ocr, text) \
        and not _CAC.match(key, start)


# One office serves both elected and executive organs (Luật Tổ chức chính quyền địa phương): "Văn
# phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh". The "và" there joins the organs the
# office serves, inside one name; it does not open a second body.
_OFFICE_OF = re.compile(r"\s*van phong (?:hdnd|hoi dong nhan dan|doan dbqh|doan dai bieu quoc hoi)\s*$")
_SECOND_ORGAN = re.compile(r"\s*(?:hdnd|ubnd|hoi dong nhan dan|uy ban nhan dan)\b")


def _joint_office(key: str, start: int, cut: re.Match) -> bool:
    """The cut ``cut`` is the "và" of "Văn phòng HĐND và UBND …" (``start``: where the piece begins)."""
    return cut.group(0).strip() == "va" and _OFFICE_OF.match(key, start, cut.start()) is not None \
        and _SECOND_ORGAN.match(key, cut.end()) is not None


# The levels of local government (Luật Tổ chức chính quyền địa phương), printed in lower case where
# a list names them in turn: "các huyện, thị xã, thành phố", "các huyện ủy, thị ủy, thành ủy".
_LEVELS = r"(?:huyen|thi xa|thi tran|thi|thanh pho|thanh|quan|xa|phuong|tinh)"
# A list of levels after "các", up to the cut: each item a level, alone or with its organ in one
# word ("ủy", "Đoàn").
_LEVEL_LIST = re.compile(r"cac\s+" + _LEVELS + r"(?:\s+\w+)?(?:,\s+" + _LEVELS + r"(?:\s+\w+)?)*\s*")
# The last item may be the Party committees "directly under" the issuer, listed with the levels
# ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy": each committee of the level below).
_LEVEL_ITEM = re.compile(r"(?:" + _LEVELS + r"(?:\s+\w+)?|dang uy)(?=\s*(?:[,;.]|\s+va\s|$)|\s+truc thuoc\b)")


def _next_level(text: str, key: str, start: int, cut: re.Match) -> bool:
    """The cut ``cut`` is a comma inside a list of levels that share one organ: the piece from
    ``start`` holds "các" and a list of levels running up to the cut, and the next item, printed in
    lower case, is another level ("Các huyện, thị, | thành Đoàn"; "Ban Dân vận các huyện ủy, thị
    ủy, | thành ủy"). A name printed with its capital ("Thành ủy Vinh") is a body of its own."""
    if not cut.group(0).startswith(","):
        return False
    nxt = cut.end()
    if not text[nxt:nxt + 1].islower() or not _LEVEL_ITEM.match(key, nxt):
        return False
    at = key.rfind("cac ", start, cut.start())
    return at >= 0 and (at == 0 or not key[at - 1].isalpha()) \
        and _LEVEL_LIST.fullmatch(key, at, cut.start()) is not None


# Words that hand a task to the bodies named after them: "Đề nghị" (to bodies outside the issuer's
# authority), "Giao", "Giao cho" and "Yêu cầu" (to bodies under it).
_REQUEST = re.compile(r"(?:đề nghị|de nghi|giao(?: cho)?|yêu cầu|yeu cau)\s+(?=\S)", re.IGNORECASE)


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
# Not in the OCR form: "l\w" would stop at any short word.
_PREDICATE_RE = re.compile(r" (?<=[\w)] )(?:" + "|".join(PREDICATES + ADVERBIALS) + r")(?=[\s,.;:]|$)")
_VERB_OCR_RE = re.compile(r" (?<=[\w)] )(?:" + "|".join(_skeleton(v) for v in VERBS) + r")(?=[\s,.;:]|$)")
_GROUPS_RE = re.compile(r"cac (?<!\wcac )(?:" + "|".join(_GROUP_NOUNS) + r")\b")
_GROUPS_OCR_RE = re.compile(r"\bc\w{1,2}c (?:" + "|".join(_skeleton(g) for g in _GROUP_NOUNS) + r")\b")


def _first_verb(text: str, masked: str, verbs: re.Pattern) -> int | None:
    """Where the first verb of ``text`` stands (before its space). A word printed with a capital
    inside a sentence belongs to a name ("Bộ phận Tổ chức - Kiểm tra Đảng ủy"), not to the
    predicate, whose verbs are printed in lower case."""
    pos = 0
    while (m := verbs.search(masked, pos)) is not None:
        if not text[m.start() + 1:m.start() + 2].isupper() \
                and _spelt_as(_VERB_SPELLING, text, m.start() + 1, m.end()):
            return m.start()
        pos = m.start() + 1
    return None


def subject_of(text: str, ocr: bool = False) -> str | None:
    """The agencies that open an assignment sentence, up to its first verb."""
    _, rest = _strip_request(text)
    key = fold(rest)
    masked = _NAME_PHRASES.sub(lambda m: "x" * len(m.group(0)), key)
    masked = (_GROUPS_OCR_RE if ocr else _GROUPS_RE).sub(lambda m: "x" * len(m.group(0)), masked)
    best = _first_verb(rest, masked, _VERB_OCR_RE if ocr else _VERB_RE)
    if not ocr:
        p = _PREDICATE_RE.search(masked, 0, best if best is not None else len(masked))
        if p:
            best = p.start()
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


# The partners end at the work they share: a verb, printed after a space or after the comma that
# closes a list ("phối hợp với các cơ quan, ban, ngành phổ biến, tuyên truyền …"), and verbs of
# spreading the word, supporting and appraising that open no subject ("phổ biến", "thẩm định").
_PARTNERS_END_RE = re.compile(r" (?<=[\w),] )(?:" + "|".join(VERBS + ("pho bien", "ho tro", "tham dinh"))
                              + r")(?=[\s,.;:]|$)")
# "phối hợp với", "phối hợp chặt chẽ với": the partners of the subject follow.
_WITH_PARTNERS = re.compile(r" phoi hop(?: chat che)? voi\s+")


def task_agencies(text: str, ocr: bool = False) -> tuple[list[str], list[str]]:
    """The bodies a task sentence gives the work to, and those it is to work with: "X chủ trì,
    phối hợp với Y, Z thực hiện …" → ([X], [Y, Z]). X is the subject (``subject_of``); the partners
    run from "phối hợp với" to the next verb, ";" or the end of the sentence. Each is an exact
    substring of ``text``; a sentence that opens with no body gives ([], [])."""
    subject = subject_of(text, ocr)
    if not subject:
        return [], []
    lead = split_agencies(subject, ocr)
    key = fold(text)
    m = _WITH_PARTNERS.search(key, text.find(subject) + len(subject))
    if m is None:
        return lead, []
    rest, rest_key = text[m.end():], key[m.end():]
    end = min([i for i in (rest.find(";"), _sentence_end(rest)) if i >= 0], default=len(rest))
    # A space before the rest lets a verb at its very start be found; the index found is then
    # the verb's own position in ``rest``.
    verb = _first_verb(" " + rest, " " + rest_key, _VERB_OCR_RE if ocr else _PARTNERS_END_RE)
    if verb is not None:
        end = min(end, verb)
    partners = rest[:end]
    return lead, (split_agencies(partners, ocr) if opens_body(partners, ocr) else [])


def _sentence_end(text: str) -> int:
    """Where the sentence ends: a full stop followed by a space or the end (not "số 5.1")."""
    m = re.search(r"\.(?=\s|$)", text)
    return m.start() if m else -1
