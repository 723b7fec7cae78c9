"""The label grammar: every kind of label prints and parses back, labels follow one another in
the Vietnamese order, and the label-order rule reads every label the reader writes."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from khth.schema.grammar import (
    BULLETS, LABEL_AT_START, LETTERS, ROMAN, Label, LabelKind, format_label, next_label, next_ordinal,
    parse_label,
)
from khth.validator.document_rules import check_body

_roman = st.tuples(st.just(LabelKind.ROMAN), st.integers(1, 20).map(lambda n: (n,)),
                   st.sampled_from([".", "-", "–", ")"]))
_decimal = st.tuples(st.just(LabelKind.DECIMAL), st.lists(st.integers(1, 99), min_size=1, max_size=4).map(tuple),
                     st.sampled_from([".", ")", "-", ""]))
_letter = st.tuples(st.just(LabelKind.LETTER), st.integers(1, len(LETTERS)).map(lambda n: (n,)),
                    st.sampled_from([")", "-", "."]))
_any = st.one_of(_roman, _decimal, _letter)


@given(_any)
def test_format_then_parse_is_identity(spec):
    kind, ordinal, sep = spec
    mark = format_label(kind, ordinal, sep)
    assert parse_label(mark) == Label(kind, ordinal, mark, sep)


@pytest.mark.parametrize("bullet", BULLETS)
def test_bullets_parse_as_bullets(bullet):
    assert parse_label(format_label(LabelKind.BULLET, (), bullet)) == Label(LabelKind.BULLET, (), bullet)
    assert next_label(parse_label(bullet)) is None


@given(_any)
def test_next_label_is_the_next_ordinal_printed_the_same_way(spec):
    kind, ordinal, sep = spec
    label = parse_label(format_label(kind, ordinal, sep))
    following = next_label(label)
    limit = {LabelKind.ROMAN: 20, LabelKind.LETTER: len(LETTERS)}.get(kind)
    if limit is not None and ordinal[0] == limit:
        assert following is None
        return
    assert following == parse_label(format_label(kind, next_ordinal(ordinal), sep))
    assert following.separator == sep and following.depth == label.depth


@pytest.mark.parametrize("mark,kind,ordinal,value", [
    ("I.", LabelKind.ROMAN, (1,), "I"), ("II–", LabelKind.ROMAN, (2,), "II"), ("IV-", LabelKind.ROMAN, (4,), "IV"),
    ("IX)", LabelKind.ROMAN, (9,), "IX"), ("XIV.", LabelKind.ROMAN, (14,), "XIV"),
    ("XX.", LabelKind.ROMAN, (20,), "XX"), ("1.", LabelKind.DECIMAL, (1,), "1"),
    ("1)", LabelKind.DECIMAL, (1,), "1"), ("1.1.", LabelKind.DECIMAL, (1, 1), "1.1"),
    ("2.3.4.", LabelKind.DECIMAL, (2, 3, 4), "2.3.4"), ("3", LabelKind.DECIMAL, (3,), "3"),
    ("a)", LabelKind.LETTER, (1,), "a"), ("đ)", LabelKind.LETTER, (5,), "đ"), ("g)", LabelKind.LETTER, (7,), "g"),
    ("y)", LabelKind.LETTER, (23,), "y"), ("•", LabelKind.BULLET, (), "•"),
])
def test_printed_labels(mark, kind, ordinal, value):
    label = parse_label(mark)
    assert (label.kind, label.ordinal, label.value, label.mark) == (kind, ordinal, value, mark)


@pytest.mark.parametrize("mark", ["f)", "j)", "w)", "z)", "XXI.", "IIII.", "VX.", "A)", "", "Điều 1."])
def test_non_labels_are_refused(mark):
    assert parse_label(mark) is None


def test_the_vietnamese_alphabet_skips_f_j_w_z():
    assert [next_label(parse_label(f"{c})")).mark for c in "cdeikuv"] == ["d)", "đ)", "g)", "k)", "l)", "v)", "x)"]
    assert "".join(LETTERS).isalpha() and not set("fjwz") & set(LETTERS)
    assert ROMAN[-1] == "XX" and len(ROMAN) == 20


@pytest.mark.parametrize("line,label", [("II– NỘI DUNG", "II–"), ("III. TỔ CHỨC", "III."), ("IV- KINH PHÍ", "IV-"),
                                        ("1.2. Nhiệm vụ", "1.2."), ("đ) Sở Tư pháp", "đ)"), ("- Tuyên truyền", "-"),
                                        ("+ Hội nghị", "+"), ("• Báo cáo", "•")])
def test_the_reader_and_the_validator_agree_on_a_line_label(line, label):
    m = LABEL_AT_START.match(line)
    assert m is not None and m["label"] == label
    assert parse_label(m["label"]) is not None


def _order_findings(labels: list[str]) -> list[dict]:
    doc = {"body": [{"label": label, "text": "x"} for label in labels]}
    return [params for code, _, params in check_body(doc, "") if code == "document.label-order"]


@given(st.integers(1, 20), st.sampled_from([".", "-", "–", ")"]))
def test_a_run_of_roman_sections_is_in_order(n, sep):
    assert _order_findings([r + sep for r in ROMAN[:n]]) == []


@given(st.integers(2, 19), st.sampled_from([".", "-", "–", ")"]))
def test_a_skipped_roman_section_is_reported(n, sep):
    run = [r + sep for r in ROMAN[:n + 1]]
    del run[n - 1]  # the n-th section is missing
    hits = _order_findings(run)
    assert len(hits) == 1
    assert hits[0]["label"] == ROMAN[n] + sep and hits[0]["expected"] == ROMAN[n - 1]


def test_sections_with_an_en_dash_are_checked():
    assert _order_findings(["I–", "II–", "III–"]) == []
    assert _order_findings(["I–", "III–"]) == [{"label": "III–", "previous": "I–", "expected": "II"}]


def test_letters_run_in_the_vietnamese_order():
    assert _order_findings(["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]) == []
    assert _order_findings(["d)", "e)"])[0]["expected"] == "a"
    assert _order_findings(["a)", "b)", "c)", "d)", "e)"])[0]["expected"] == "đ"


@pytest.mark.parametrize("line, label", [("Điều 1. Ban hành kèm theo", "Điều 1."), ("Điều 12: Hiệu lực", "Điều 12:"),
                                          ("Điều 3 . Thi hành", "Điều 3 .")])
def test_a_decisions_article_opens_a_printed_unit(line, label):
    m = LABEL_AT_START.match(line)
    assert m is not None and m["label"] == label


def test_the_word_dieu_inside_a_sentence_is_no_label():
    assert LABEL_AT_START.match("Điều kiện bảo đảm thực hiện") is None
    assert LABEL_AT_START.match("Điều 2025 năm") is None
