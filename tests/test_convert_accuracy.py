"""Accuracy is measured, not eyeballed: every seed converted and compared, field family by field
family, with its curated record in examples/. Every family of every seed must match in full."""

from __future__ import annotations

import pytest

from record_compare import FAMILIES, compare, differences
from khth.converters.text import lexicon, ocr, text_to_record

from conftest import EXAMPLES, SOURCES, load

SEEDS = {
    "000_a86e3adf03591467.txt": "192-KH-TU_thi-uy-duc-pho.json",
    "001_11dcdf82ff36e281.txt": "cong-van-cho-chu_145-KH-HU.bundle.json",
    "002_3841236f9fcb01ee.txt": "164-KH-HU_huyen-uy-son-ha.json",
    "003_4acd1c6e1ea57221.txt": "ke-hoach-ubnd-tinh-binh-dinh.json",
    "004_3e4cd0130b4e7b30.txt": "ke-hoach-ubnd-tp-buon-ma-thuot.json",
}


def _pairs():
    for source, example in SEEDS.items():
        got = text_to_record((SOURCES / source).read_text(encoding="utf-8"), source)
        expected = load(EXAMPLES / example)
        got_docs = got.get("documents", [got])
        expected_docs = expected.get("documents", [expected])
        assert len(got_docs) == len(expected_docs), source
        for i, (g, e) in enumerate(zip(got_docs, expected_docs)):
            yield source, i, g, e


PAIRS = list(_pairs())


def test_print_scores_per_family(capsys):
    with capsys.disabled():
        print("\nconversion accuracy per field family (1.00 = identical to the curated record)")
        print(f"{'seed':28} {'doc':>3} " + " ".join(f"{f:>10}" for f in FAMILIES))
        for source, i, g, e in PAIRS:
            scores = compare(g, e)
            print(f"{source:28} {i:>3} " + " ".join(f"{scores[f].score:>10.2f}" for f in FAMILIES))


@pytest.mark.parametrize("source,index,got,expected", PAIRS, ids=[f"{s[:3]}-{i}" for s, i, _, _ in PAIRS])
def test_every_family_matches_the_curated_record(source, index, got, expected):
    scores = compare(got, expected)
    for family in FAMILIES:
        missing, extra = differences(got, expected, family)
        assert scores[family].score == 1.0, (family, missing[:5], extra[:5])


def test_without_general_words_an_unreadable_subject_stays_as_printed(monkeypatch):
    """The reader claims only what its vocabulary reads: with the general word list taken away,
    the OCR seed's three subject lines (its title, its parent's and the root directive's) need
    words no administrative phrase holds ("chăm sóc", "trẻ em"), so they keep the OCR's text, are
    not listed as inferred, and every other fact is still read."""
    source, example = "002_3841236f9fcb01ee.txt", SEEDS["002_3841236f9fcb01ee.txt"]
    monkeypatch.setattr(lexicon, "words", lambda: ())
    ocr._index.cache_clear()
    ocr._vocabulary.cache_clear()
    try:
        got = text_to_record((SOURCES / source).read_text(encoding="utf-8"), source)
    finally:
        ocr._index.cache_clear()
        ocr._vocabulary.cache_clear()
    expected = load(EXAMPLES / example)
    printed = (SOURCES / source).read_text(encoding="utf-8")
    subjects = ["/title", "/parent/title", "/references/0/title"]
    for family in FAMILIES:
        missing, extra = differences(got, expected, family)
        assert {f for f, _ in missing} == {f for f, _ in extra} <= set(subjects), family
    assert got["title"].startswith("thuc hién Chi thi so 28-CT/TW")
    assert " ".join(got["parent"]["title"].split()[:3]) in " ".join(printed.split())
    inferred = {f["field"] for f in got["provenance"]["inferred"]}
    assert not inferred & set(subjects)
    assert {"/place", "/issuer/name", "/signature/position"} <= inferred


def test_every_converted_seed_is_valid_in_its_profile(validator):
    for source, _, got, expected in PAIRS:
        errors = [f for f in validator.check_data(dict(got, khthVersion="1.0")) if f.severity == "error"]
        assert errors == [], (source, errors[:3])
        assert got["profile"] == expected["profile"], source


def test_source_maps_point_into_the_source():
    for source, _, got, _ in PAIRS:
        lines = (SOURCES / source).read_text(encoding="utf-8").split("\n")

        def check(node):
            if isinstance(node, dict):
                span = node.get("source")
                if isinstance(span, dict) and "startLine" in span:
                    assert 1 <= span["startLine"] <= span["endLine"] <= len(lines)
                    assert "".join(lines[span["startLine"] - 1: span["endLine"]]).strip()
                for v in node.values():
                    check(v)
            elif isinstance(node, list):
                for v in node:
                    check(v)

        check(got)
        for ref in ([got["parent"]] if "parent" in got else []) + got.get("references", []):
            assert "source" in ref


def test_ocr_facts_are_marked_for_the_validator():
    got = next(g for s, _, g, _ in PAIRS if s.startswith("002"))
    prov = got["provenance"]
    assert prov["ocr"] is True and prov["sourceFormat"] == "scan"
    assert "S6 164-KH/HU" in prov["printedText"]
    inferred = {f["field"] for f in prov["inferred"]}
    assert {"/place", "/issuer/name", "/issuer/superiorBody", "/references/2/number",
            "/references/2/issuer"} <= inferred
    labels = [b["label"] for b in got["body"] if b.get("label")]
    assert labels == ["I.", "II.", "III."]
    assert [b.get("printedLabel") for b in got["body"] if b.get("label")] == [None, "11.", "I11."]
    # Facts read beyond what the words give one by one say how they were read.
    notes = {f["field"]: f for f in prov["inferred"]}
    assert "another printing" in notes["/title"]["note"] and notes["/title"]["evidence"].startswith("thuc hién")
    assert "closed list" in notes["/signature/position"]["note"]
    assert notes["/signature/position"]["evidence"] == "PHO B]T“THUY"
    assert notes["/signature/authority"]["evidence"] == "T/M BAN THUONG MU"
