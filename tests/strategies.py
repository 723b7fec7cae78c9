"""Hypothesis strategies that build valid KHTH records from the model itself.

The strategies walk :mod:`khth.schema.introspect`, so a field added to the model is generated
without touching this file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from hypothesis import strategies as st

from khth.schema import types as T
from khth.schema.identifiers import make_identifier
from khth.schema.introspect import ModelSpec, TypeSpec, model_spec
from khth.schema.model import Document
from khth.schema.profiles import REQUIRED_FACTS

VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
              "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ")
ALPHABET = VIETNAMESE + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,;:-/()“”\"'&<>%_]"


def _line(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    return (st.text(alphabet=ALPHABET, min_size=min_size, max_size=max_size)
            .map(lambda s: " ".join(unicodedata.normalize("NFC", s).split()))
            .filter(lambda s: len(s) >= 1))


dates = st.dates(min_value=date(1945, 9, 2), max_value=date(2030, 12, 31))
partial_dates = st.one_of(dates.map(date.isoformat), dates.map(lambda d: d.isoformat()[:7]),
                          dates.map(lambda d: d.isoformat()[:4]))
codes = st.from_regex(r"[A-ZĐ][A-Za-zĐđ0-9&]{0,5}(-[A-ZĐ][A-Za-z0-9]{0,4})?", fullmatch=True)
numbers = st.one_of(
    st.builds(lambda n, t, i: f"{n}-{t}/{i}", st.integers(1, 9999), st.sampled_from(["KH", "CT", "HD", "NQ"]),
              st.sampled_from(["TU", "HU", "TW", "ĐU", "BTGTW"])),
    st.builds(lambda n, t, i: f"{n}/{t}-{i}", st.integers(1, 9999), st.sampled_from(["KH", "QĐ", "TTr"]),
              st.sampled_from(["UBND", "SLĐTBXH", "TTg"])),
)
identifiers = st.builds(lambda t, n, d, i: make_identifier(t, n, d, i),
                        st.sampled_from(["KH", "CT", "CV", "L"]), st.one_of(st.none(), numbers),
                        st.one_of(st.none(), partial_dates), st.one_of(st.none(), _line(1, 30)))
long_text = st.lists(st.text(alphabet=ALPHABET + "  \t", max_size=15), min_size=1, max_size=3).map(
    lambda lines: unicodedata.normalize("NFC", "\n".join(lines) + "\r\n")).filter(str.strip)

SIMPLE = {
    T.TEXT.name: _line(),
    T.LONG_TEXT.name: long_text,
    T.PARTIAL_DATE.name: partial_dates,
    T.FULL_DATE.name: dates.map(date.isoformat),
    T.MONTH_DAY.name: dates.map(lambda d: d.strftime("--%m-%d")),
    T.DATE_TIME.name: st.builds(lambda dt, z: dt.isoformat(timespec="seconds") + z,
                                st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1)),
                                st.sampled_from(["", "Z", "+07:00"])),
    T.IDENTIFIER.name: identifiers,
    T.CODE.name: codes,
    T.POINTER.name: st.lists(st.sampled_from(["number", "serial", "issueDate", "0", "a~1b"]), min_size=1,
                             max_size=3).map(lambda p: "/" + "/".join(p)),
    T.VERSION.name: st.just("1.0"),
    T.DECIMAL.name: st.from_regex(r"-?[0-9]{1,4}(\.[0-9]{1,2})?", fullmatch=True),
    T.SERIAL.name: st.integers(1, 99999),
    T.YEAR.name: st.integers(1900, 2100),
    T.LINE.name: st.integers(1, 100000),
    T.BOOLEAN.name: st.booleans(),
    T.DAY_OF_MONTH.name: st.integers(1, 31),
    T.MONTH_OF_QUARTER.name: st.integers(1, 3),
    T.COUNT.name: st.integers(1, 400),
}


def value(t: TypeSpec, depth: int) -> st.SearchStrategy:
    if t.kind == "simple":
        return SIMPLE[t.simple.name]  # type: ignore[union-attr]
    if t.kind == "codelist":
        return st.sampled_from([m.value for m in t.codelist])  # type: ignore[union-attr]
    if t.kind == "model":
        return record(model_spec(t.model), depth + 1)  # type: ignore[arg-type]
    assert t.item is not None
    return st.lists(value(t.item, depth), min_size=1, max_size=2)


def record(spec: ModelSpec, depth: int = 0, force: frozenset[str] = frozenset()) -> st.SearchStrategy[dict]:
    required = {f.name: value(f.type, depth) for f in spec.fields if f.required or f.name in force}
    # Deeper than three levels, only required fields: keeps each example small enough for
    # hypothesis to shrink, while blocks still nest (body → block → children → block).
    optional = {} if depth > 2 else {
        f.name: value(f.type, depth) for f in spec.fields if not (f.required or f.name in force)}
    return st.fixed_dictionaries(required, optional=optional)


def _published(doc: dict, parts: dict) -> dict:
    """Give a record the facts the published profile requires."""
    doc = dict(doc, profile="published", **parts)
    return doc


published_parts = st.fixed_dictionaries({
    "number": st.fixed_dictionaries({"printed": numbers, "serial": st.integers(1, 999)}),
    "issueDate": dates.map(date.isoformat),
    "issuer": st.fixed_dictionaries({"name": _line()}),
    "title": _line(),
    "parent": st.fixed_dictionaries({"id": identifiers, "documentType": st.just("KH"),
                                     "number": st.fixed_dictionaries({"printed": numbers}),
                                     "issueDate": dates.map(date.isoformat)}),
    "signature": st.fixed_dictionaries({"name": _line()}),
})


def _not_published(doc: dict) -> bool:
    return doc["profile"] != "published"


citation_parts = st.fixed_dictionaries({
    "number": st.fixed_dictionaries({"printed": numbers}),
    "issueDate": partial_dates,
    "issuer": st.fixed_dictionaries({"name": _line()}),
})

_base_document = record(model_spec(Document))
documents = st.one_of(
    _base_document.filter(lambda d: d["profile"] == "lenient"),
    st.builds(_published, _base_document, published_parts),
    st.builds(lambda d, parts: dict(d, profile="citation", **parts), _base_document, citation_parts),
)
standalone_documents = documents.map(lambda d: {"khthVersion": "1.0", **d})
bundles = st.builds(lambda title, docs: {"khthVersion": "1.0", **({"title": title} if title else {}), "documents": docs},
                    st.one_of(st.none(), _line()), st.lists(documents, min_size=1, max_size=3))

assert set(REQUIRED_FACTS) == {"published", "lenient", "citation"}


# --- sentences that state the 1.1 facts, each with the facts a reader records from it ------------------------
#
# The reader reads a task's partners, a target's bound, a report's due days and a timeframe's periods
# from printed sentences; these strategies print such sentences in the forms plans use, so that a
# generated plan holds them and the text round trip (render, read again) is tested on them.

@dataclass(frozen=True)
class Phrase:
    """A printed sentence and the block fields a reader records from it."""

    text: str
    facts: dict


OFFICES = ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Công an huyện", "Phòng Văn hóa và Thông tin",
           "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự huyện"]
_ROMAN_QUARTERS = ["I", "II", "III", "IV"]
_BOUND_WORDS = [("ít nhất", "atLeast"), ("tối thiểu", "atLeast"), ("không dưới", "atLeast"), ("không quá", "atMost"),
                ("tối đa", "atMost"), ("trên", "moreThan"), ("dưới", "lessThan")]
_WEEKDAY_NAMES = [("thứ Hai", "monday"), ("thứ Ba", "tuesday"), ("thứ Tư", "wednesday"), ("thứ Năm", "thursday"),
                  ("thứ Sáu", "friday"), ("thứ Bảy", "saturday")]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


@st.composite
def lead_and_partners(draw) -> Phrase:
    """"X chủ trì, phối hợp với Y, Z …": X the lead (the block's agencies), Y and Z its partners."""
    offices = draw(st.lists(st.sampled_from(OFFICES), min_size=2, max_size=4, unique=True))
    lead, partners = offices[0], offices[1:]
    text = f"{lead} chủ trì, phối hợp với {_listed(partners)} triển khai thực hiện nhiệm vụ này."
    return Phrase(text, {"agencies": [lead], "partners": partners})


@st.composite
def bounded_targets(draw) -> Phrase:
    word, bound = draw(st.sampled_from(_BOUND_WORDS))
    value = draw(st.integers(1, 100))
    text = f"Phấn đấu {word} {value}% hộ gia đình được phổ biến kiến thức pháp luật."
    return Phrase(text, {"targets": [{"bound": bound, "value": str(value), "unit": "%", "printed": text}]})


@st.composite
def report_duties(draw) -> Phrase:
    """A report due on two days of each year, a day of each month, a day of a month of each quarter,
    or a day of each week."""
    office = draw(st.sampled_from(OFFICES))
    form = draw(st.sampled_from(["days", "month", "quarter", "week"]))
    if form == "days":
        m1, m2 = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True)))
        d1, d2 = draw(st.integers(1, 28)), draw(st.integers(1, 28))
        printed = f"báo cáo kết quả về UBND huyện trước ngày {d1}/{m1} và {d2}/{m2} hằng năm."
        extra = {"frequencies": ["semiannual"], "dueDays": [f"--{m1:02d}-{d1:02d}", f"--{m2:02d}-{d2:02d}"]}
    elif form == "month":
        d = draw(st.integers(1, 31))
        printed = f"báo cáo kết quả về UBND huyện trước ngày {d} hằng tháng."
        extra = {"frequencies": ["monthly"], "dayOfMonth": d}
    elif form == "quarter":
        d = draw(st.integers(1, 28))
        which, month = draw(st.sampled_from([("đầu", 1), ("giữa", 2), ("cuối", 3)]))
        printed = f"định kỳ hằng quý báo cáo UBND huyện trước ngày {d} của tháng {which} quý."
        extra = {"frequencies": ["quarterly"], "dayOfMonth": d, "monthOfQuarter": month}
    else:
        name, code = draw(st.sampled_from(_WEEKDAY_NAMES))
        printed = f"báo cáo tiến độ về UBND huyện hằng tuần ({name})."
        extra = {"frequencies": ["weekly"], "weekday": code}
    return Phrase(f"{office} {printed}", {"reporting": {**extra, "to": ["UBND huyện"], "printed": printed}})


@st.composite
def listed_periods(draw) -> Phrase:
    """A timeframe caption listing quarters of one year, or years."""
    year = draw(st.integers(2021, 2029))
    if draw(st.booleans()):
        q1, q2 = sorted(draw(st.lists(st.integers(1, 4), min_size=2, max_size=2, unique=True)))
        printed = f"Quý {_ROMAN_QUARTERS[q1 - 1]} và quý {_ROMAN_QUARTERS[q2 - 1]}/{year}."
        periods = [{"start": f"{year}-{3 * q - 2:02d}", "end": f"{year}-{3 * q:02d}"} for q in (q1, q2)]
    else:
        later = draw(st.integers(year + 1, year + 3))
        printed = f"Năm {year} và {later}."
        periods = [{"start": str(y), "end": str(y)} for y in (year, later)]
    timeframe = {"kind": "period", "start": periods[0]["start"], "end": periods[-1]["end"], "periods": periods,
                 "printed": printed}
    return Phrase(f"Thời gian thực hiện: {printed}", {"timeframe": timeframe})


# --- records as offices print them ----------------------------------------------------------------

_GEOGRAPHY: list = []


def _printed_record(rng) -> dict:
    import sys
    from pathlib import Path

    folder = str(Path(__file__).resolve().parents[1] / "benchmarks" / "roundtrip")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import records  # the round trip benchmark's generator: its vocabulary and layouts

    if not _GEOGRAPHY:
        _GEOGRAPHY.append(records.gc.build_geography(2026))
    return records.one(rng, _GEOGRAPHY[0]).record


# Plans, công văn and decisions carrying a plan, Party and State, central to commune, with task tables,
# appendices, signing chains and blank serials or days (benchmarks/roundtrip/records.py), every choice
# drawn from a Random hypothesis controls.
printed_records = st.randoms(use_true_random=False).map(_printed_record)


def json_objects(value, pointer=""):
    """Every object in a JSON form, with its pointer, depth first: where a test may repeat a key."""
    if isinstance(value, dict):
        yield pointer, value
        for k, v in value.items():
            yield from json_objects(v, f"{pointer}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_objects(v, f"{pointer}/{i}")
