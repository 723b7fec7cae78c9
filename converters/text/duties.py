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
from dataclasses import dataclass
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
# A run of years: "giai đoạn 2021 - 2030", "từ năm 2024 đến năm 2025", "Năm 2024 - 2025".
_PERIOD = re.compile(r"(?:giai doan|tu nam|\bnam(?=\s))\s*(?P<a>(?:19|20)\d\d)\s*(?:-|–|den)\s*(?:nam\s*)?(?P<b>(?:19|20)\d\d)")
_YEAR = re.compile(r"nam\s+(?P<y>(?:19|20)\d\d)")
_ONGOING = re.compile(r"thu\w{0,2}ng\s+xuy\w{1,2}n")
_LIMIT = re.compile(r"truoc|cham nhat|hoan thanh|xong")
_RECURRING = re.compile(r"hang nam|hang quy|hang thang|dinh ky")

# The dates a timeframe prints, each read at the precision it is printed with (SPEC §5: a month
# is YYYY-MM, a year YYYY). A day: "ngày 15/10/2024", "31/12/2024", "ngày 19 tháng 6 năm 2015",
# "ngày 15/10" (its year printed later: "từ ngày 15/10 đến ngày 31/12/2024"). The separator is
# the same on both sides and unspaced, so "tháng 5 - 6/2024" is not a day.
_DAY = re.compile(r"(?:ngay\s+(?P<d1>\d{1,2})\s*(?:(?P<s1>[/.-])|\s+thang\s+)\s*(?P<m1>\d{1,2})"
                  r"(?:\s*(?:(?P=s1)|,?\s*nam\s+)\s*(?P<y1>(?:19|20)\d\d))?"
                  r"|(?<![\d/.-])(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d))(?![\d/])")
# A month, and the months listed after it: "tháng 6/2024", "tháng 12 năm 2024", "tháng 5, 6/2024",
# "tháng 5 và tháng 6 năm 2024", "từ tháng 6 đến tháng 8 năm 2024".
_MONTH = re.compile(r"thang\s+(?P<m>\d{1,2})(?![\d])")
_MORE_MONTH = re.compile(r"\s*(?:,|va|-|–)\s*(?:thang\s+)?(?P<m>\d{1,2})(?![\d])")
_QUARTER = re.compile(r"quy\s+(?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9])")
_MORE_QUARTER = re.compile(r"\s*(?:,|va|-|–)\s*(?:quy\s+)?(?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9])")
_HALF = re.compile(r"(?:0?6|sau)\s+thang\s+(?P<h>dau|cuoi)\s+nam")
_YEAR_AFTER = re.compile(r"\s*(?:/|,?\s*(?:nam\s+)?)\s*(?P<y>(?:19|20)\d\d)(?![\d/])")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class _Span:
    """A date or run of months a timeframe prints; ``year`` None while it is printed later."""

    pos: int
    first: tuple[int, int | None]  # (month, day)
    last: tuple[int, int | None]
    year: int | None

    def bounds(self) -> tuple[str, str] | None:
        if self.year is None:
            return None
        return _partial(self.year, *self.first), _partial(self.year, *self.last)


def _partial(year: int, month: int, day: int | None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _year_after(key: str, pos: int) -> int | None:
    m = _YEAR_AFTER.match(key, pos)
    return int(m["y"]) if m else None


def _spans(key: str) -> list[_Span]:
    """Every day, month, quarter and half-year the text prints, in order, years filled from the
    next one that prints its year ("tháng 5 và tháng 6 năm 2024")."""
    spans: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for m in _DAY.finditer(key):
        d, mo, y = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
        if _full(d, mo, y or "2000"):  # a day of the calendar (29/02 checked when the year is known)
            spans.append(_Span(m.start(), (int(mo), int(d)), (int(mo), int(d)), int(y) if y else None))
            taken.append(m.span())
    outside = lambda pos: not any(a <= pos < b for a, b in taken)  # noqa: E731
    for rx, more, to_months in ((_MONTH, _MORE_MONTH, lambda v: (int(v), int(v))),
                                (_QUARTER, _MORE_QUARTER, lambda v: (3 * _QUARTERS[v] - 2, 3 * _QUARTERS[v]))):
        for m in rx.finditer(key):
            if not outside(m.start()):
                continue
            group = [m]
            pos = m.end()
            while (nxt := more.match(key, pos)) is not None:
                group.append(nxt)
                pos = nxt.end()
            year = _year_after(key, pos)
            for i, g in enumerate(group):
                months = to_months(g.group(1))
                if 1 <= months[0] <= months[1] <= 12:
                    spans.append(_Span(g.start(), (months[0], None), (months[1], None),
                                       year if i == len(group) - 1 else None))
    for m in _HALF.finditer(key):
        first, last = (1, 6) if m["h"] == "dau" else (7, 12)
        spans.append(_Span(m.start(), (first, None), (last, None), _year_after(key, m.end())))
    spans.sort(key=lambda sp: sp.pos)
    year = None
    for sp in reversed(spans):
        if sp.year is None:
            sp.year = year
        year = sp.year
    return [sp for sp in spans if sp.bounds() is not None and _valid(sp)]


def _valid(sp: _Span) -> bool:
    first, last = sp.bounds()  # type: ignore[misc]
    return all(len(b) < 10 or _full(b[8:], b[5:7], b[:4]) for b in (first, last))


def _dated(key: str) -> dict | None:
    """A timeframe read from the dates it prints: a deadline, or the period they span."""
    spans = _spans(key)
    if not spans:
        return None
    limit = _LIMIT.search(key)
    if limit:
        days = [sp for sp in spans if sp.first[1] is not None and sp.pos > limit.start()] or \
            [sp for sp in spans if sp.first[1] is not None]
        if days:
            return {"kind": "deadline", "deadline": days[0].bounds()[1]}  # type: ignore[index]
        if limit.group(0) == "truoc":
            return None  # "trước tháng 6/2024": before the month, on no day the text gives
        return {"kind": "deadline", "deadline": max(sp.bounds()[1] for sp in spans)}  # type: ignore[index]
    starts = [sp.bounds()[0] for sp in spans]  # type: ignore[index]
    ends = [sp.bounds()[1] for sp in spans]  # type: ignore[index]
    return {"kind": "period", "start": min(starts), "end": max(ends)}


def timeframe(printed: str) -> dict | None:
    """The timeframe a "Thời gian thực hiện:" line prints, or None when it cannot be read: a
    timeframe's kind is a fact, and is not given to a text that does not state it."""
    key = fold(printed)
    tf: dict | None = None
    period = _PERIOD.search(key)
    if _ONGOING.search(key):
        tf = {"kind": "ongoing"}
    elif period:
        tf = {"kind": "period", "start": period["a"], "end": period["b"]}
    else:
        tf = _dated(key)
    if tf is None and _RECURRING.search(key):
        freq = next((code for rx, code in _FREQ_CODES if rx.search(key) and code != "adHoc"), "periodic")
        tf = {"kind": "recurring", "frequency": freq}
    if tf is None:
        year = _YEAR.search(key)
        if year:
            tf = {"kind": "period", "start": year["y"], "end": year["y"]}
    if tf is None:
        return None
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


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
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
# Further days of the year after the first: "trước ngày 15/6 và 15/12 hằng năm".
_MORE_DAYS = re.compile(r"\s*(?:,|va)\s*(?:ngay\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\s*/\s*\d)")
# "hằng năm" right after the days a report is due says those days recur each year: it is a
# frequency only when the clause states no other ("định kỳ 6 tháng … trước ngày 15/6 và 15/12
# hằng năm" is semiannual; "trước ngày 30/11 hằng năm" annual).
_YEARLY_AFTER_DAYS = re.compile(r"\s*(?:hang|moi)\s+nam\b")
_INTERVALS = ("semiannual", "quarterly", "monthly")


def _report_days(pk: str) -> tuple[list[str], int | None]:
    """The days of the year a report is due ("--06-15"), and where the phrase naming them ends."""
    m = _YEARLY_DEADLINE.search(pk) if "truoc ngay" in pk else None
    if not m:
        return [], None
    days = [(m["d"], m["m"])]
    pos = m.end()
    while (more := _MORE_DAYS.match(pk, pos)) is not None:
        days.append((more["d"], more["m"]))
        pos = more.end()
    valid = [f"--{int(mo):02d}-{int(d):02d}" for d, mo in days if _full(d, mo, "2000")]
    return valid, pos


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
        days, days_end = _report_days(pk)
        freqs = [code for rx, code in _FREQ_CODES if rx.search(pk)]
        if "annual" in freqs and days_end is not None and _YEARLY_AFTER_DAYS.match(pk, days_end) \
                and any(f in freqs for f in _INTERVALS) and len(_FREQ_CODES[0][0].findall(pk)) == 1:
            freqs.remove("annual")
        if "dinh ky" in pk and not any(f in freqs for f in ("annual", "semiannual", "quarterly", "monthly")):
            freqs.insert(0, "periodic")
        rep_out: dict = {}
        if freqs:
            rep_out["frequencies"] = freqs
        # One recurring day is the duty's deadline. Several ("15/6 và 15/12") cannot be told apart
        # in a single deadline: the printed phrase keeps them, and none is singled out.
        if len(days) == 1:
            rep_out["deadline"] = days[0]
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
    end_m = _TO_END.search(key, start)
    end = end_m.start() if end_m else len(key)
    to_text = printed[start:end]
    to = split_keyed(to_text, ocr, key[start:end]) if to_text.strip() else []
    through: list[str] = []
    tm = _THROUGH.search(key)
    if tm:
        through = split_agencies(printed[tm.start("b"): tm.end("b")], ocr)
    return to, through
