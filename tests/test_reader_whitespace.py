"""How a tool saved a text (its line ends, blanks at line ends, blank lines holding spaces) never
changes what is read; an OCR layer of any size is read in linear memory; each document of a
bundle keeps its own printed text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record

from conftest import SOURCES

def _read(text: str) -> dict:
    return text_to_record(text, "s.txt")


SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))}
CLEAN = {name: _read(text) for name, text in SEEDS.items()}
OCR_SEED = next(name for name, rec in CLEAN.items() if rec.get("provenance", {}).get("ocr"))


def _saved(text: str, line_end: str = "\n", pad: str = "", blank: str = "") -> str:
    """``text`` as another tool saves it: its line ends, ``pad`` after every line, blank lines
    holding ``blank``."""
    lines = [ln + pad if ln.strip() else blank for ln in text.split("\n")]
    return line_end.join(lines)


@pytest.mark.parametrize("name", sorted(SEEDS))
@pytest.mark.parametrize("how", [{"line_end": "\r\n"}, {"line_end": "\r"}, {"pad": " "}, {"blank": " \t"},
                                 {"line_end": "\r\n", "pad": " "}],
                         ids=["crlf", "cr", "space-after-each-line", "spaces-on-blank-lines", "crlf-and-space"])
def test_how_a_text_was_saved_never_changes_the_record(name, how):
    assert _read(_saved(SEEDS[name], **how)) == CLEAN[name]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SEEDS)), line_end=st.sampled_from(["\n", "\r\n", "\r"]),
       pad=st.sampled_from(["", " ", "  ", "\t"]), blank=st.sampled_from(["", " ", "\t", "   "]))
def test_whitespace_only_changes_to_any_seed_give_the_same_record(name, line_end, pad, blank):
    assert _read(_saved(SEEDS[name], line_end, pad, blank)) == CLEAN[name]


def test_forced_breaks_are_still_read_where_only_some_lines_carry_them():
    # Two blanks end a line that is not wrapped; a copy that pads every line must not lose them,
    # and a text where no line is padded reads them as before.
    name = next(n for n, t in SEEDS.items() if re.search(r"\S  $", t, re.M))
    text = SEEDS[name]
    unpadded = "\n".join(ln[:-1] if ln.endswith(" ") and not ln.endswith("  ") else ln for ln in text.split("\n"))
    assert _read(unpadded)["body"] == CLEAN[name]["body"]


def test_each_document_of_an_ocr_bundle_keeps_its_own_printed_text():
    one = SEEDS[OCR_SEED].rstrip("\n")
    bundle = _read(one + "\n\n" + one + "\n")
    docs = bundle["documents"]
    assert len(docs) == 2
    texts = [d["provenance"]["printedText"] for d in docs]
    assert all(t.strip() for t in texts)
    # Together no longer than the file: a document never carries its neighbour's text.
    assert sum(len(t) for t in texts) <= len(one) * 2 + 2
    for doc in docs:
        span = doc["provenance"]["source"]
        assert doc["provenance"]["printedText"].count("\n") == span["endLine"] - span["startLine"]


def test_a_long_ocr_paragraph_without_marks_is_read_and_the_header_kept():
    # An OCR layer whose body holds one very long paragraph (a page of words run together): the
    # header reads as without it. Time and memory on such a layer are in benchmarks/bench_convert.py.
    lines = SEEDS[OCR_SEED].split("\n")
    at = next(i for i, ln in enumerate(lines) if re.match(r"\s*I+\.\s", ln))
    long = " ".join(["ke hoach thuc hien"] * 3000)
    got = _read("\n".join(lines[:at] + [long, ""] + lines[at:]))
    want = CLEAN[OCR_SEED]
    for key in ("number", "issueDate", "place", "issuer", "title", "parent"):
        assert got.get(key) == want.get(key), key
