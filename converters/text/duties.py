"""What a block asks for and by when: timeframes, deadlines, targets, reporting (SPEC §9.1).

- A timeframe line ("Thời gian thực hiện: Thường xuyên.") gives a *Timeframe*.
- A dated deadline ("hoàn thành trước ngày 07/5/2024") gives a *Deadline*; a day of the year
  without a year ("trước ngày 20/11") belongs to a reporting duty.
- A sentence with a percentage ("Đảm bảo 100% trẻ em …") gives a *Target*.
- A reporting duty is a report that recurs: "định kỳ", "hằng năm", "06 tháng", "đột xuất"
  next to "báo cáo". Its printed phrase runs from the first of those words in its clause to the
  end of the clause, with the sentence's closing stop.
"""

from __future__ import annotations

import re
from datetime import date

from .agencies import _opens_body, split_agencies, split_keyed
from .common import clean, fold, is_clean

_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
DEADLINE_RE = re.compile(
    r"(?:(?:hoan thanh|xong|ket thuc|gui|nop|bao cao)[^.;,:]{0,40}?\s+)?(?:truoc|cham nhat|han chot)\s+(?:ngay\s+)?"
    + _DATE)
_PERCENT = re.compile(r"(?P<v>\d+(?:[.,]\d+)?)\s*%")
_FREQ = re.compile(
    r"dinh ky|hang nam|hang quy|hang thang|(?:0?6|sau) thang|dot xuat|hang nam|moi nam|hang tuan")
_REPORT = re.compile(r"b\w{1,2}o c\w{1,2}o")
# Each frequency above holds one of the words "thang", "dinh ky", "hang nam", "hang quy", "dot xuat",
# "moi nam", "hang tuan": a text with none of them has no frequency.


def _full(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_DATE_RE = re.compile(_DATE)
_PERIOD = re.compile(r"(?:giai doan|tu nam)\s*(?P<a>(?:19|20)\d\d)\s*(?:-|–|den)\s*(?:nam\s*)?(?P<b>(?:19|20)\d\d)")
_YEAR = re.compile(r"nam\s+(?P<y>(?:19|20)\d\d)")
_ONGOING = re.compile(r"thu\w{0,2}ng\s+xuy\w{1,2}n")
_LIMIT = re.compile(r"truoc|cham nhat|hoan thanh|xong")
_RECURRING = re.compile(r"hang nam|hang quy|hang thang|dinh ky")


def timeframe(printed: str) -> dict:
    key = fold(printed)
    tf: dict = {"kind": "ongoing"}
    m = _DATE_RE.search(key)
    period = _PERIOD.search(key)
    year = _YEAR.search(key)
    if _ONGOING.search(key):
        tf = {"kind": "ongoing"}
    elif m and _LIMIT.search(key):
        iso = _full(m["d"], m["m"], m["y"])
        tf = {"kind": "deadline", **({"deadline": iso} if iso else {})}
    elif period:
        tf = {"kind": "period", "start": period["a"], "end": period["b"]}
    elif _RECURRING.search(key):
        freq = "annual" if "nam" in key else "quarterly" if "quy" in key else "monthly" if "thang" in key else "periodic"
        tf = {"kind": "recurring", "frequency": freq}
    elif year:
        tf = {"kind": "period", "start": year["y"], "end": year["y"]}
    tf["printed"] = clean(printed)
    return tf


def deadlines(text: str, key: str | None = None) -> list[dict]:
    key = fold(text) if key is None else key
    out: list[dict] = []
    if "truoc" not in key and "cham nhat" not in key and "han chot" not in key:
        return out  # every deadline names its limit with one of these words
    for m in DEADLINE_RE.finditer(key):
        iso = _full(m["d"], m["m"], m["y"])
        if iso:
            out.append({"date": iso, "printed": clean(text[m.start(): m.end()])})
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?:\./\.)?\s+(?=[A-ZĐÀ-Ỹ“\"])|\./\.$")
# The same matches from a pattern that opens with the class of their first character (a space or
# the "." of "./."), so the engine skips ahead to those instead of trying the look-behind at
# every character. The alternatives keep their order: the break after "./." before the bare one.
_SENTENCE_BREAK_SCAN = re.compile(r"[\s.](?:(?<=[.!?…]\.)/\.\s+(?=[A-ZĐÀ-Ỹ“\"])|(?<=[.!?…]\s)\s*(?=[A-ZĐÀ-Ỹ“\"])"
                                  r"|(?<=\.)/\.$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_BREAK_SCAN.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def targets(text: str) -> list[dict]:
    out: list[dict] = []
    if "%" not in text:
        return out
    for a, b in _sentences(text):
        sentence = text[a:b].strip()
        m = _PERCENT.search(sentence)
        if m:
            out.append({"value": m["v"].replace(",", "."), "unit": "%", "printed": clean(sentence)})
    return out


_FREQ_CODES = tuple((re.compile(pat), code) for pat, code in (
    (r"hang nam|moi nam", "annual"), (r"(?:0?6|sau) thang", "semiannual"), (r"hang quy", "quarterly"),
    (r"hang thang", "monthly"), (r"dot xuat", "adHoc")))
_YEARLY_DEADLINE = re.compile(r"truoc ngay\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\s*/\s*\d)")


def reporting(text: str, ocr: bool = False, key: str | None = None) -> dict | None:
    key = fold(text) if key is None else key
    # A duty needs both words in one sentence, so first in the whole text: most blocks have neither.
    if "o c" not in key or not ("thang" in key or "dinh ky" in key or "hang nam" in key or "hang quy" in key
                                or "dot xuat" in key or "moi nam" in key or "hang tuan" in key):
        return None
    if not _REPORT.search(key):
        return None  # (the frequency is looked for sentence by sentence below)
    for a, b in _sentences(text):
        # Searched within the sentence's bounds (neither pattern looks outside its match).
        rep = _REPORT.search(key, a, b)
        if not rep:
            continue
        freq = _FREQ.search(key, a, b)
        if not freq:
            continue
        # The clause that holds the duty: bounded by ";" (or the sentence).
        first, last = min(rep.start(), freq.start()), max(rep.start(), freq.start())
        semi = key.rfind(";", a, first)
        clause_start = semi + 1 if semi >= 0 else a
        semi = key.find(";", last, b)
        clause_end = semi if semi >= 0 else b
        begin = max(first, clause_start)
        raw = text[begin:clause_end]
        if is_clean(raw):
            printed, pk = raw, key[begin:clause_end]
        else:
            printed = clean(raw)
            pk = fold(printed)
        freqs = [code for rx, code in _FREQ_CODES if rx.search(pk)]
        if "dinh ky" in pk and not any(f in freqs for f in ("annual", "semiannual", "quarterly", "monthly")):
            freqs.insert(0, "periodic")
        rep_out: dict = {}
        if freqs:
            rep_out["frequencies"] = freqs
        dl = _YEARLY_DEADLINE.search(pk) if "truoc ngay" in pk else None
        if dl:
            rep_out["deadline"] = f"--{int(dl['m']):02d}-{int(dl['d']):02d}"
        to, through = _recipients(printed, pk, ocr)
        to = [t for t, tk in to if _opens_body(tk, ocr)]
        if not to and not through:
            continue  # "cơ chế thông tin, báo cáo": a report with no one to receive it is no duty
        if to:
            rep_out["to"] = to
        if through:
            rep_out["through"] = through
        rep_out["printed"] = printed
        return rep_out
    return None


_SKIP = re.compile(r"\s*(?:ket qua(?:\s+thuc hien)?(?:\s+ke hoach)?\s*)?(?:dinh ky[^a-z]*(?:\s*\w+){0,5}?\s+)?"
                   r"(?:(?:ve|cho|len|gui)\s+)?")
_FREQ_BEFORE = re.compile(r"(?:dinh ky|hang nam|(?:0?6|sau) thang|mot lan|hoac|dot xuat|\s)+(?:ve|cho|len)\s+")
_TO_END = re.compile(r"\s+(?:ve ket qua|theo quy dinh|de tong hop|truoc ngay|ve viec)|\s*\(|[.;]|$")
# Where ``_TO_END`` first matches before the end of the key (at the end, "$" always does), from a
# pattern that opens with the class of its first characters ("$" before the end: a closing "\n").
_TO_END_SCAN = re.compile(r"[\s(.;](?:(?<=\s)\s*(?:ve ket qua|theo quy dinh|de tong hop|truoc ngay|ve viec|\()"
                          r"|(?<=\n)\Z|(?<=[(.;]))")
_THROUGH = re.compile(r"\((?:thong qua|qua)\s+(?P<b>[^)]+)\)")


def _recipients(printed: str, key: str, ocr: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """Who receives the report (each with its key) and through whom; the patterns run on ``key``
    from a position, as they ran on the rest of the key (none of them looks back)."""
    m = _REPORT.search(key)
    if not m:
        return [], []
    pos = m.end()
    # "báo cáo [tổng hợp] [kết quả [thực hiện]] [về|cho|lên] X"
    skip = _SKIP.match(key, pos)
    start = pos + (skip.end() - pos if skip else 0)
    # Frequency words between "báo cáo kết quả" and the body: "định kỳ 06 tháng một lần hoặc đột xuất về".
    fm = _FREQ_BEFORE.match(key, start)
    if fm:
        start = fm.end()
    end_m = _TO_END_SCAN.search(key, start)
    end = end_m.start() if end_m else len(key)
    to_text = printed[start:end]
    to = split_keyed(to_text, ocr, key[start:end]) if to_text.strip() else []
    through: list[str] = []
    tm = _THROUGH.search(key)
    if tm:
        through = split_agencies(printed[tm.start("b"): tm.end("b")], ocr)
    return to, through
