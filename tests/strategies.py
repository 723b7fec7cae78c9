"""Hypothesis strategies that build valid KHTH records from the model itself.

The strategies walk :mod:`khth.schema.introspect`, so a field added to the model is generated
without touching this file.
"""

from __future__ import annotations

import unicodedata
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
