"""What a block asks for and by when: timeframes, deadlines, targets, reporting (SPEC §9.1).

- A timeframe line ("Thời gian thực hiện: Thường xuyên.", "Thời gian: tháng 12/2025.") gives a
  *Timeframe*; so does a task sentence that states one timeframe of its own ("…; thời gian thực
  hiện: thường xuyên.", "… thực hiện trong Quý II/2025.").
- A dated deadline ("hoàn thành trước ngày 07/5/2024") gives a *Deadline*; a day of the year
  without a year ("trước ngày 20/11") belongs to a reporting duty.
- A sentence with a percentage ("Đảm bảo 100% trẻ em …") gives a *Target*; under "CHỈ TIÊU" so
  does a count with its minimum ("ít nhất 150 ý tưởng").
- A reporting duty is a report that recurs: "định kỳ", "hằng năm", "06 tháng", "đột xuất",
  "báo cáo năm" next to "báo cáo". Its printed phrase runs from the first of those words in its
  clause to the end of the clause, with the sentence's closing stop. It goes to the body named
  after "báo cáo" or, further on, after "về"; a report to no body named is a duty only when it
  states its interval ("báo cáo tiến độ … hằng tháng"). Its deadline is the one day of the year
  it prints: two days, or a day of the month, are kept in the printed phrase only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khth.schema.grammar import NUMERIC_DATE, calendar_date
from khth.schema.codelists import Bound, DeadlineAnchor, Frequency, TimeframeKind, TimeUnit, Weekday

from . import lexicon
from .agencies import _opens_body, split_agencies, split_keyed
from .common import clean, fold, is_clean

DEADLINE_RE = re.compile(
    r"(?:(?:hoan thanh|xong|ket thuc|gui|nop|bao cao)[^.;,:]{0,40}?\s+)?(?:truoc|cham nhat|han chot)\s+(?:ngay\s+)?"
    + NUMERIC_DATE)
_PERCENT = re.compile(r"(?P<v>\d+(?:[.,]\d+)?)\s*%")
_FREQ = re.compile(
    r"dinh ky|hang nam|hang quy|hang thang|(?:0?6|sau) thang|dot xuat|moi (?:nam|quy|thang|tuan)|hang tuan"
    r"|thang (?:dau|giua|cuoi) (?:cua |moi )?quy"
    r"|(?:b\w{1,2}o c\w{1,2}o|tong ket)(?:\s+(?:ket qua|tong ket))?\s+nam\b(?!\s*(?:\d|hoc\b|nay\b))")
_REPORT = re.compile(r"b\w{1,2}o c\w{1,2}o")
# Each frequency above holds one of the words "thang", "dinh ky", "nam", "hang quy", "dot xuat",
# "tuan": a text with none of them has no frequency.

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
# A year joined to the dates before it ("… và năm 2020", "… đến năm 2025"): the whole year.
_JOINED_YEAR = re.compile(r"(?:,|\bva|\bden|-|–)\s*(?:het\s+)?nam\s+(?P<y>(?:19|20)\d\d)(?![\d/])")
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
        if calendar_date(d, mo, y or "2000"):  # a day of the calendar (29/02 checked when the year is known)
            spans.append(_Span(m.start(), (int(mo), int(d)), (int(mo), int(d)), int(y) if y else None))
            taken.append(m.span())
    outside = lambda pos: not any(a <= pos < b for a, b in taken)  # noqa: E731
    for rx, more, to_months in ((_MONTH, _MORE_MONTH, lambda v: (int(v), int(v))),
                                (_QUARTER, _MORE_QUARTER, lambda v: (3 * _QUARTERS[v] - 2, 3 * _QUARTERS[v]))):
        listed_to = 0  # where the last group ends: a month or quarter listed in it is not read again
        for m in rx.finditer(key):
            if not outside(m.start()) or m.start() < listed_to:
                continue
            group = [m]
            pos = m.end()
            while (nxt := more.match(key, pos)) is not None:
                group.append(nxt)
                pos = nxt.end()
            listed_to = pos
            year_m = _YEAR_AFTER.match(key, pos)
            year = int(year_m["y"]) if year_m else None
            if year_m:
                taken.append(year_m.span())  # ", năm 2024" is this group's year, no year of its own
            for i, g in enumerate(group):
                months = to_months(g.group(1))
                if 1 <= months[0] <= months[1] <= 12:
                    # Where its number stands, so that what joins it to the one before ("và", ",",
                    # "-") lies between the two positions.
                    spans.append(_Span(g.start(1), (months[0], None), (months[1], None),
                                       year if i == len(group) - 1 else None))
    if spans:
        # A whole year listed after them: "Quý IV/2019 và năm 2020" runs to the end of 2020.
        for m in _JOINED_YEAR.finditer(key):
            if outside(m.start()):
                spans.append(_Span(m.start(), (1, None), (12, None), int(m["y"])))
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
    return all(len(b) < 10 or calendar_date(b[8:], b[5:7], b[:4]) for b in (first, last))


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
            return {"kind": TimeframeKind.DEADLINE, "deadline": days[0].bounds()[1]}  # type: ignore[index]
        if limit.group(0) == "truoc":
            return None  # "trước tháng 6/2024": before the month, on no day the text gives
        return {"kind": TimeframeKind.DEADLINE, "deadline": max(sp.bounds()[1] for sp in spans)}  # type: ignore[index]
    starts = [sp.bounds()[0] for sp in spans]  # type: ignore[index]
    ends = [sp.bounds()[1] for sp in spans]  # type: ignore[index]
    tf: dict = {"kind": TimeframeKind.PERIOD, "start": min(starts), "end": max(ends)}
    if _listed(key, spans):
        tf["periods"] = [{"start": a, "end": b} for a, b in (sp.bounds() for sp in spans)]  # type: ignore[misc]
    return tf


# What joins the items of a list ("quý II và quý IV/2024", "tháng 5, tháng 9/2024"), and what joins
# the ends of a range ("từ tháng 6 đến tháng 8", "tháng 5 - 6/2024").
_LIST_JOIN = re.compile(r",|\bva\b")
_RANGE_JOIN = re.compile(r"\bden\b|-|–")


def _listed(key: str, spans: list[_Span]) -> bool:
    """The timeframe lists separate periods: two or more, each joined to the one before by "và" or
    a comma, none by a range's "đến" or dash."""
    if len(spans) < 2:
        return False
    joins = [key[a.pos:b.pos] for a, b in zip(spans, spans[1:])]
    return all(_LIST_JOIN.search(j) and not _RANGE_JOIN.search(j) for j in joins)


# Years listed one by one: "năm 2024 và 2025", "năm 2024, năm 2026".
_YEAR_LIST = re.compile(r"nam\s+(?:19|20)\d\d(?:\s*(?:,|va)\s*(?:nam\s+)?(?:19|20)\d\d)+(?![\d/])")
_LISTED_YEAR = re.compile(r"(?:19|20)\d\d")


def _years(key: str) -> dict | None:
    m = _YEAR_LIST.search(key)
    if m is None:
        return None
    years = _LISTED_YEAR.findall(m.group(0))
    return {"kind": TimeframeKind.PERIOD, "start": min(years), "end": max(years),
            "periods": [{"start": y, "end": y} for y in years]}


def timeframe(printed: str) -> dict | None:
    """The timeframe a "Thời gian thực hiện:" line prints, or None when it cannot be read: a
    timeframe's kind is a fact, and is not given to a text that does not state it."""
    key = fold(printed)
    tf: dict | None = None
    period = _PERIOD.search(key)
    if _ONGOING.search(key):
        tf = {"kind": TimeframeKind.ONGOING}
    elif period:
        tf = {"kind": TimeframeKind.PERIOD, "start": period["a"], "end": period["b"]}
    else:
        tf = _dated(key)
    if tf is None and _RECURRING.search(key):
        freq = next((code for rx, code in _FREQ_CODES if rx.search(key) and code != Frequency.AD_HOC),
                    Frequency.PERIODIC)
        tf = {"kind": TimeframeKind.RECURRING, "frequency": freq}
    if tf is None:
        tf = _years(key)
    if tf is None:
        year = _YEAR.search(key)
        if year:
            tf = {"kind": TimeframeKind.PERIOD, "start": year["y"], "end": year["y"]}
    if tf is None:
        return None
    tf["printed"] = clean(printed)
    return tf


# --- a task's timeframe stated in its own sentence ----------------------------------------------
#
# A task paragraph may state its timeframe in its text rather than on a line of its own: as an
# inline caption ("…; thời gian thực hiện: thường xuyên.", "…; thời gian từ ngày 01/5/2024 đến ngày
# 25/5/2024."), as a dated adverbial ("thực hiện trong Quý II/2025", "sơ kết vào tháng 12/2027",
# "từ tháng 4/2025 đến tháng 6/2025"), or as the value after the task's colon ("Tiêm phòng bổ sung
# …: hằng tháng."). It is read only where the text states one such phrase: two ("đợt I từ … đến …;
# đợt II từ … đến …") are two timeframes the model cannot hold in one. An adverb of manner
# ("thường xuyên đôn đốc", "báo cáo … hằng tháng") states no timeframe of the task and is not read.

# An inline caption: the timeframe runs from after it to the end of its clause. Without a colon the
# caption must be followed by the period it opens ("thời gian từ …").
_INLINE_CAPTION = re.compile(
    r"(?:^|[;,.]\s+)(?:th\w{1,2}i\s*(?:gian|h\w{1,2}n)|ti\w{1,2}n d[o06])"
    r"(?:\s+(?:th\w{1,2}c hi\w{1,2}n|ho\w{1,2}n th\w{1,2}nh|t\w ch\w{1,2}c|tri\w{1,2}n khai))?"
    r"(?:\s*:\s*|\s+(?=tu\s+(?:ngay|thang|nam)\b))")
_CLAUSE_END = re.compile(r";|[.!?](?=\s|$)|$")
# A dated adverbial: "trong|vào" a quarter, month or day up to its year, or "từ … đến …" up to the
# year after "đến". Neither crosses a clause's end.
# The unit is followed by its number: "vào quy hoạch … năm 2025" is no quarter.
_DATE_UNIT = r"(?:quy\s+(?:iv|iii|ii|i|[1-4])(?![a-z0-9])|thang\s+\d|ngay\s+\d)"
_IN_DATE = re.compile(r"\b(?:trong|vao)\s+(?:cac\s+)?" + _DATE_UNIT + r"[^;.]{0,30}?(?:19|20)\d\d(?![\d/])")
_FROM_TO = re.compile(r"\btu\s+(?:" + _DATE_UNIT + r"|nam\s+(?:19|20)\d\d)[^;]{0,40}?\bden\s[^;.]{0,30}?"
                      r"(?:19|20)\d\d(?![\d/])")
# The task's colon followed only by how often or how long: "…: hằng tháng.", "…: thường xuyên."
_AFTER_COLON = re.compile(r":\s*(?P<v>thu\w{0,2}ng\s+xuy\w{1,2}n|hang (?:thang|quy|nam))\s*\.?\s*$")
# The same matches as ``_IN_DATE`` and ``_FROM_TO`` from patterns that open with their first
# letter, so the engine skips ahead to a "t" or "v" instead of trying "\b" at every character:
# "t(?<!\wt)rong" is "\btrong" (the letter before "t" is no word character).
_IN_DATE_SCAN = re.compile(r"(?:t(?<!\wt)rong|v(?<!\wv)ao)\s+(?:cac\s+)?" + _DATE_UNIT
                           + r"[^;.]{0,30}?(?:19|20)\d\d(?![\d/])")
_FROM_TO_SCAN = re.compile(r"t(?<!\wt)u\s+(?:" + _DATE_UNIT + r"|nam\s+(?:19|20)\d\d)[^;]{0,40}?\bden\s[^;.]{0,30}?"
                           r"(?:19|20)\d\d(?![\d/])")
# Every inline caption holds its noun: a key without one has no caption (a cheap search that
# skips ahead to "t" before the caption pattern, which tries every character).
_CAPTION_NOUN = re.compile(r"th\w{1,2}i\s*(?:gian|h\w{1,2}n)|ti\w{1,2}n d[o06]")


_ANY_DIGIT = re.compile(r"\d")  # the patterns' own \d: a key without one holds no year


def _prose_phrases(key: str, captions_only: bool) -> list[tuple[int, int]]:
    """Where the text states a timeframe, each phrase once (an adverbial inside a caption's value
    is that value)."""
    found: list[tuple[int, int]] = []
    for m in (_INLINE_CAPTION.finditer(key) if _CAPTION_NOUN.search(key) else ()):
        end = _CLAUSE_END.search(key, m.end())
        found.append((m.end(), end.end() if end.group(0) == "." else end.start()))
    if not captions_only:
        for rx in (_IN_DATE_SCAN, _FROM_TO_SCAN):
            for m in rx.finditer(key):
                if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in found):
                    found.append(m.span())
        colon = _AFTER_COLON.search(key)
        if colon and not found:
            found.append((colon.start("v"), len(key.rstrip())))
    return found


def prose_timeframe(text: str, key: str | None = None, captions_only: bool = False) -> dict | None:
    """The timeframe a paragraph states in its own text (see above), or None: none, more than
    one, or one that gives no date or frequency. ``captions_only``: only an inline caption counts
    (a paragraph that is no task: its adverbials may time anything)."""
    key = fold(text) if key is None else key
    if ":" not in key and not _ANY_DIGIT.search(key):
        return None  # every phrase but a caption's or a colon's value prints a year
    phrases = _prose_phrases(key, captions_only)
    if len(phrases) != 1:
        return None
    a, b = phrases[0]
    return timeframe(text[a:b].strip())


def deadlines(text: str, key: str | None = None) -> list[dict]:
    key = fold(text) if key is None else key
    out: list[dict] = []
    if "truoc" not in key and "cham nhat" not in key and "han chot" not in key:
        return out  # every deadline names its limit with one of these words
    for m in DEADLINE_RE.finditer(key):
        iso = calendar_date(m["d"], m["m"], m["y"])
        if iso:
            out.append({"date": iso, "printed": clean(text[m.start(): m.end()])})
    return out


# A sentence break: white space after ".", "!", "?" or "…" (and "./.") before a capital, or "./." at
# the end. The pattern opens with the class of the break's first character (a space or the "." of
# "./."), so the engine skips ahead to those instead of trying a look-behind at every character;
# the break after "./." comes before the bare one.
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


def targets(text: str, objectives: bool = False) -> list[dict]:
    """The targets a block states, one per sentence: a percentage anywhere ("Đảm bảo 100% trẻ em
    …"); under an objectives section ("CHỈ TIÊU", "MỤC TIÊU") also a count with the minimum it
    must reach ("Hỗ trợ ít nhất 150 ý tưởng khởi nghiệp" → 150 ý tưởng)."""
    out: list[dict] = []
    if "%" not in text and not (objectives and any(c.isdigit() for c in text)):
        return out
    for a, b in _sentences(text):
        sentence = text[a:b].strip()
        m = _PERCENT.search(sentence)
        if m:
            out.append({**_bound(sentence, m.start(), m.end()), "value": m["v"].replace(",", "."), "unit": "%",
                        "printed": clean(sentence)})
        elif objectives:
            count = _count_target(sentence)
            if count:
                out.append(count)
    return out


# A count a target must reach: the number after a word that states a minimum ("ít nhất", "tối
# thiểu", "không dưới", "không ít hơn", "trên", "đạt", "phấn đấu đạt"), in Vietnamese print
# ("10.000": dots group thousands; "2,5": the comma is the decimal point), then the thing counted.
# A number that is a date, a year or a document's number has none of these words before it.
# Matched on the printed words, marks included: "đặt 05 thùng" places, "đạt" reaches.
_COUNT = re.compile(r"\b(?:ít nhất|tối thiểu|không dưới|không ít hơn|trên|đạt)\s+"
                    r"(?P<v>\d{1,3}(?:\.\d{3})+(?![\d.,])|\d+(?:,\d+)?(?![\d.,/]))\s+(?P<rest>[^\W\d_])")


_MULTIPLIERS = ("tram", "nghin", "ngan", "van", "trieu", "ty", "ti")


def _count_target(sentence: str) -> dict | None:
    key = sentence.lower()
    m = _COUNT.search(key) if len(key) == len(sentence) else None
    if not m:
        return None
    unit = _counted(sentence, m.start("rest"))
    if unit is None:
        return None  # the thing counted is not a word the reader knows: the count is not read
    after = key[m.start("rest") + len(unit):].lstrip()
    if fold(unit).split()[0] in _MULTIPLIERS or after.startswith("/"):
        return None  # "2,5 triệu lượt", "02 lần/tuần": a scale or a rate the model has no unit for
    whole, _, decimals = m["v"].replace(".", "").partition(",")
    value = (whole.lstrip("0") or "0") + ("." + decimals if decimals else "")
    return {**_bound(sentence, m.start("v"), m.end("v")), "value": value, "unit": unit, "printed": clean(sentence)}


# The words that bound a target's value, printed right before it ("ít nhất 90%", "không quá 5%",
# "giảm xuống dưới 12%", "đạt trên 95%"), matched on the folded text ending at the value; the longer
# phrase first ("không dưới" is at least, "dưới" less than).
_BOUND_BEFORE = re.compile(
    r"(?:^|\s)(?P<w>khong it hon|khong duoi|khong thap hon|it nhat|toi thieu|khong vuot qua|khong qua|khong cao hon"
    r"|khong vuot|toi da|cao hon|thap hon|nhieu hon|it hon|tren|duoi|hon)\s+$")
_BOUND_WORDS = {
    "khong it hon": Bound.AT_LEAST, "khong duoi": Bound.AT_LEAST, "khong thap hon": Bound.AT_LEAST,
    "it nhat": Bound.AT_LEAST, "toi thieu": Bound.AT_LEAST, "khong vuot qua": Bound.AT_MOST,
    "khong qua": Bound.AT_MOST, "khong cao hon": Bound.AT_MOST, "khong vuot": Bound.AT_MOST, "toi da": Bound.AT_MOST,
    "cao hon": Bound.MORE_THAN, "nhieu hon": Bound.MORE_THAN, "tren": Bound.MORE_THAN, "hon": Bound.MORE_THAN,
    "thap hon": Bound.LESS_THAN, "it hon": Bound.LESS_THAN, "duoi": Bound.LESS_THAN,
}
# "90% trở lên" is at least 90%, "5% trở xuống" at most 5%.
_BOUND_AFTER = re.compile(r"\s*%?\s*(?P<w>tro len|tro xuong)\b")


def _bound(sentence: str, start: int, end: int) -> dict:
    """The bound of the value printed at ``start``–``end`` of ``sentence``, as a target's field."""
    key = fold(sentence[:start])
    m = _BOUND_BEFORE.search(key, max(0, start - 30))  # "^" stands only at the sentence's start
    if m:
        return {"bound": _BOUND_WORDS[m["w"]]}
    after = _BOUND_AFTER.match(fold(sentence[end:end + 20]))
    if after:
        return {"bound": Bound.AT_LEAST if after["w"] == "tro len" else Bound.AT_MOST}
    return {}


_SYLLABLE = re.compile(r"[^\W\d_]+")


def _counted(sentence: str, pos: int) -> str | None:
    """The noun counted after a number: the longest run of up to three syllables from ``pos`` that
    is a word of the general word list ("ý tưởng" in "150 ý tưởng khởi nghiệp", "xã"), as printed."""
    words = lexicon.known_words()
    runs = list(re.finditer(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}", sentence[pos:pos + 40]))
    if not runs or runs[0].start() != 0:
        return None
    syllables = _SYLLABLE.findall(runs[0].group(0))
    for n in range(len(syllables), 0, -1):
        if " ".join(syllables[:n]).lower() in words:
            printed = re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+){%d}" % (n - 1), sentence[pos:])
            return printed.group(0) if printed else None
    return None


# A report named by the span it covers recurs with that span: "báo cáo năm", "báo cáo tổng kết
# năm", "tổng kết năm" (a year's report, each year). "báo cáo năm 2024", "năm học", "năm nay"
# name one year, not a frequency.
_YEAR_REPORT = r"(?:b\w{1,2}o c\w{1,2}o|tong ket)(?:\s+(?:ket qua|tong ket))?\s+nam\b(?!\s*(?:\d|hoc\b|nay\b))"
# "6 tháng (trước ngày 15/6) và năm (trước ngày 15/11)": the year's report listed after the
# half-year's, its noun "báo cáo" shared.
_AND_YEAR = r"(?:0?6|sau) thang(?:\s*\([^)]*\))?\s*(?:,|va)\s*nam\b(?!\s*(?:\d|hoc\b|nay\b))"
_FREQ_CODES = tuple((re.compile(pat), code) for pat, code in (
    (r"hang nam|moi nam|" + _YEAR_REPORT + "|" + _AND_YEAR, Frequency.ANNUAL),
    (r"(?:0?6|sau) thang", Frequency.SEMIANNUAL), (r"hang quy|moi quy|thang (?:dau|giua|cuoi) (?:cua |moi )?quy", Frequency.QUARTERLY),
    (r"hang thang|moi thang", Frequency.MONTHLY), (r"hang tuan|moi tuan", Frequency.WEEKLY), (r"dot xuat", Frequency.AD_HOC)))
# The frequencies that state how long the interval between reports is ("định kỳ" alone does not).
_INTERVALS = (Frequency.ANNUAL, Frequency.SEMIANNUAL, Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.WEEKLY)
# A day of the year a report is due: "trước ngày 20/11". A day with its year ("trước ngày
# 15/11/2024") is a dated deadline, read by ``deadlines``; the month is read whole ("15/11/2024"
# is not the 15th of January).
# "15 tháng 12" is the same day in words, unless its year follows ("15 tháng 12 năm 2024").
_DAY_MONTH = (r"(?P<d>\d{1,2})\s*(?:/\s*|\s+thang\s+)(?P<m>\d{1,2})"
              r"(?!\d|\s*/\s*\d|\s*,?\s*nam\s+\d)")
_YEARLY_DEADLINE = re.compile(r"truoc ngay\s*" + _DAY_MONTH)
# Further days of the year after the first: "trước ngày 15/6 và 15/12 hằng năm".
_MORE_DAYS = re.compile(r"\s*(?:,|va)\s*(?:ngay\s*)?" + _DAY_MONTH)
# "hằng năm" right after the days a report is due says those days recur each year: it is a
# frequency only when the clause states no other ("định kỳ 6 tháng … trước ngày 15/6 và 15/12
# hằng năm" is semiannual; "trước ngày 30/11 hằng năm" annual).
_YEARLY_AFTER_DAYS = re.compile(r"\s*(?:hang|moi)\s+nam\b")
_SHORTER = (Frequency.SEMIANNUAL, Frequency.QUARTERLY, Frequency.MONTHLY)


def _report_days(pk: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The days of the year reports are due ("--06-15"), each once, and each run of days as where
    it ends and how many days it lists ("trước ngày 10/6) và hằng năm (trước ngày 10/12)" names
    two runs of one day; "trước ngày 10/6 và ngày 10/12" one run of two)."""
    if "truoc ngay" not in pk:
        return [], []
    days: list[str] = []
    runs: list[tuple[int, int]] = []
    for m in _YEARLY_DEADLINE.finditer(pk):
        run = [(m["d"], m["m"])]
        pos = m.end()
        while (more := _MORE_DAYS.match(pk, pos)) is not None:
            run.append((more["d"], more["m"]))
            pos = more.end()
        runs.append((pos, len(run)))
        for d, mo in run:
            day = f"--{int(mo):02d}-{int(d):02d}"
            if calendar_date(d, mo, "2000") and day not in days:
                days.append(day)
    return days, runs


# A run of days due "hằng năm" states the interval by how many days a year it lists: two are a
# half-year's reports, four a quarter's, twelve a month's ("trước ngày 10/6 và ngày 10/12 hằng năm").
_DAYS_A_YEAR = {2: Frequency.SEMIANNUAL, 4: Frequency.QUARTERLY, 12: Frequency.MONTHLY}


def _frequencies(pk: str, day_runs: list[tuple[int, int]]) -> list[str]:
    """The frequencies a duty's clause states, longest interval first (the code list's order)."""
    freqs = [code for rx, code in _FREQ_CODES if rx.search(pk)]
    yearly_runs = [n for end, n in day_runs if _YEARLY_AFTER_DAYS.match(pk, end)]
    only_yearly = len(_FREQ_CODES[0][0].findall(pk)) == 1
    if Frequency.ANNUAL in freqs and yearly_runs and any(f in freqs for f in _SHORTER) and only_yearly:
        freqs.remove(Frequency.ANNUAL)
    elif freqs == [Frequency.ANNUAL] and only_yearly and len(yearly_runs) == 1 and yearly_runs[0] in _DAYS_A_YEAR:
        freqs = [_DAYS_A_YEAR[yearly_runs[0]]]
    if "dinh ky" in pk and not any(f in freqs for f in _INTERVALS):
        freqs.insert(0, Frequency.PERIODIC)
    return freqs


# A day of the month reports are due: "trước ngày 20 hằng tháng", "ngày 25 của tháng cuối quý",
# "trước ngày 15 tháng cuối mỗi quý". A day followed by its month ("ngày 15 tháng 12", "ngày 15/12")
# is a day of the year, read above.
_DAY_OF_MONTH = re.compile(
    r"ngay\s+(?P<d>\d{1,2})\s+(?:(?:cua\s+)?thang\s+(?P<q>dau|giua|cuoi)\s+(?:cua\s+|moi\s+)?quy\b(?!\s+(?:sau|tiep|truoc))"
    r"|(?:cua\s+)?(?:hang|moi)\s+thang\b)")
_MONTH_OF_QUARTER = {"dau": 1, "giua": 2, "cuoi": 3}
# The day of the week a weekly report is due: "hằng tuần (thứ Sáu)", "vào thứ Năm hằng tuần".
_WEEKDAY = re.compile(r"\b(?:thu\s+(?P<w>hai|ba|tu|nam|sau|bay|[2-7])|(?P<sun>chu nhat))\b")
_WEEKDAYS = {"hai": Weekday.MONDAY, "ba": Weekday.TUESDAY, "tu": Weekday.WEDNESDAY, "nam": Weekday.THURSDAY,
             "sau": Weekday.FRIDAY, "bay": Weekday.SATURDAY, "2": Weekday.MONDAY, "3": Weekday.TUESDAY,
             "4": Weekday.WEDNESDAY, "5": Weekday.THURSDAY, "6": Weekday.FRIDAY, "7": Weekday.SATURDAY}


def _day_in_period(pk: str, freqs: list[str]) -> dict:
    """The day of the month (and month of the quarter) or of the week a duty's clause says its
    reports are due, as Reporting fields; one of each at most (two are not told apart)."""
    out: dict = {}
    days = list(_DAY_OF_MONTH.finditer(pk))
    if len(days) == 1 and 1 <= int(days[0]["d"]) <= 31:
        out["dayOfMonth"] = int(days[0]["d"])
        if days[0]["q"]:
            out["monthOfQuarter"] = _MONTH_OF_QUARTER[days[0]["q"]]
    if Frequency.WEEKLY in freqs:
        weekdays = {(_WEEKDAYS[m["w"]] if m["w"] else Weekday.SUNDAY) for m in _WEEKDAY.finditer(pk)}
        if len(weekdays) == 1:
            out["weekday"] = weekdays.pop()
    return out


def reporting(text: str, ocr: bool = False, key: str | None = None) -> dict | None:
    key = fold(text) if key is None else key
    # A duty needs both words in one sentence, so first in the whole text: most blocks have neither.
    if "o c" not in key or not ("thang" in key or "dinh ky" in key or "nam" in key or "hang quy" in key
                                or "dot xuat" in key or "tuan" in key):
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
        days, day_runs = _report_days(pk)
        freqs = _frequencies(pk, day_runs)
        rep_out: dict = {}
        if freqs:
            rep_out["frequencies"] = freqs
        # One recurring day is the duty's deadline; several ("15/6 và 15/12", "6 tháng (trước ngày
        # 10/6) và hằng năm (trước ngày 10/12)") are its due days, none singled out. A day of the
        # month ("trước ngày 25 hằng tháng", "ngày 25 của tháng cuối quý") and a day of the week
        # ("hằng tuần (thứ Sáu)") are recorded as such.
        if len(days) == 1:
            rep_out["deadline"] = days[0]
        elif days:
            rep_out["dueDays"] = days
        rep_out.update(_day_in_period(pk, freqs))
        to, through = _recipients(printed, pk, ocr)
        # A report with no one named to receive it is a duty only when it states how often it is
        # due: "các chủ đầu tư báo cáo tiến độ giải ngân hằng tháng" is; "cơ chế thông tin, báo
        # cáo thường xuyên theo định kỳ" and a report's name ("Báo cáo … định kỳ") are not.
        if not to and not through and not any(f in freqs for f in _INTERVALS):
            continue
        if to:
            rep_out["to"] = to
        if through:
            rep_out["through"] = through
        rep_out["printed"] = printed
        return rep_out
    return None


# What may stand between "báo cáo" and the body it goes to: the report's kind ("sơ kết", "tổng
# kết", "kết quả thực hiện …"), its frequency, and the preposition.
_SKIP = re.compile(r"\s*(?:(?:so|tong) ket\s+)?(?:ket qua(?:\s+thuc hien)?(?:\s+ke hoach)?\s*)?"
                   r"(?:dinh ky[^a-z]*(?:\s*\w+){0,5}?\s+)?(?:(?:ve|cho|len|gui)\s+)?")
_FREQ_BEFORE = re.compile(r"(?:dinh ky|hang nam|(?:0?6|sau) thang|mot lan|hoac|dot xuat|\s)+(?:ve|cho|len)\s+")
# Where the name of the body ends: at what the report is about ("… Ban Bí thư kết quả thực hiện",
# "… tình hình thực hiện"), at its day, at a bracket, at the clause's end, and at the frequency printed after the body ("báo cáo UBND tỉnh định kỳ 6 tháng",
# "… Thành phố định kỳ hằng quý"): no name of a body holds these words.
_TO_END = re.compile(r"\s+(?:ve ket qua|ket qua|tinh hinh|theo quy dinh|de tong hop|truoc ngay|ve viec"
                     r"|dinh ky|hang (?:nam|quy|thang|tuan)|moi (?:nam|quy|thang|tuan)|vao (?:thu|chu nhat)|dot xuat|(?:0?6|sau) thang)\b"
                     r"|\s*\(|[.;]|$")
# The preposition that names where a report goes when something else follows "báo cáo": "báo cáo
# tình hình dịch bệnh về UBND huyện", "báo cáo … năm trước ngày 15/11/2024 về Ban Dân vận Tỉnh ủy".
_TO_PREP = re.compile(r"\b(?:ve|len|gui)\s+")
_THROUGH = re.compile(r"\((?:thong qua|qua)\s+(?P<b>[^)]+)\)")


def _bodies_from(printed: str, key: str, start: int, ocr: bool) -> list[str]:
    """The bodies named from ``start`` to the end of the name (``_TO_END``), if it opens one."""
    end_m = _TO_END.search(key, start)
    end = end_m.start() if end_m else len(key)
    to_text = printed[start:end]
    if not to_text.strip():
        return []
    return [t for t, tk in split_keyed(to_text, ocr, key[start:end]) if _opens_body(tk, ocr)]


def _recipients(printed: str, key: str, ocr: bool) -> tuple[list[str], list[str]]:
    """Who receives the report and through whom; the patterns run on ``key`` from a position, as
    they ran on the rest of the key (none of them looks back)."""
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
    to = _bodies_from(printed, key, start, ocr)
    if not to:
        # The body is named further on, after "về", "lên" or "gửi": the first that opens one.
        for prep in _TO_PREP.finditer(key, pos):
            to = _bodies_from(printed, key, prep.end(), ocr)
            if to:
                break
    through: list[str] = []
    tm = _THROUGH.search(key)
    if tm:
        through = split_agencies(printed[tm.start("b"): tm.end("b")], ocr)
    return to, through


# A deadline stated as a span after an event: "trong thời hạn 30 ngày kể từ ngày ban hành Kế hoạch
# này", "chậm nhất 15 ngày làm việc kể từ ngày nhận được", "trong vòng 10 (mười) ngày kể từ ngày ký".
_DOC = r"(?:ke hoach|quyet dinh|chi thi|van ban|cong van|huong dan|chuong trinh|thong bao|nghi quyet)"
_ANCHORS = (
    (rf"ngay (?:ban hanh|ky)(?: {_DOC}(?: nay)?)?", DeadlineAnchor.ISSUE),
    (rf"(?:ngay |khi )?nhan duoc(?: {_DOC}(?: nay)?)?", DeadlineAnchor.RECEIPT),
    (rf"ngay (?:{_DOC} nay )?co hieu luc(?: thi hanh)?", DeadlineAnchor.EFFECT),
)
_RELATIVE = re.compile(
    r"(?:trong (?:thoi han|vong)|cham nhat(?: la)?|truoc|sau)\s+\(?(?P<n>\d{1,3})\)?\s*(?:\([^)]{1,20}\)\s*)?"
    r"(?P<unit>ngay lam viec|ngay|tuan|thang)\s*,?\s*(?:ke tu|tinh tu|sau khi)\s+(?:"
    + "|".join(f"(?P<a{i}>{rx})" for i, (rx, _) in enumerate(_ANCHORS)) + r"|(?P<other>[^,.;:]{1,60}))")
_UNITS = {"ngay": TimeUnit.DAY, "ngay lam viec": TimeUnit.WORKING_DAY, "tuan": TimeUnit.WEEK, "thang": TimeUnit.MONTH}


def relative_deadlines(text: str, key: str | None = None) -> list[dict]:
    """The deadlines a block states as a time after an event, with what they count from."""
    key = fold(text) if key is None else key
    if "ke tu" not in key and "tinh tu" not in key and "sau khi" not in key:
        return []  # every such deadline names the event it counts from with one of these words
    out: list[dict] = []
    for m in _RELATIVE.finditer(key):
        anchor = next((a for i, (_, a) in enumerate(_ANCHORS) if m[f"a{i}"]), DeadlineAnchor.OTHER)
        out.append({"amount": int(m["n"]), "unit": _UNITS[m["unit"]], "after": anchor,
                    "printed": clean(text[m.start():m.end()].rstrip())})
    return out
