"""The reader's record of each fixture under tests/fixtures/reader/<family>/<case> bears out the facts in
<case>.facts.json (path syntax: tests/fixtures/reader/README.md). A case that fails lists every fact that
differs, not only the first."""

from __future__ import annotations

import pytest

from conftest import READER, read_path
from reader_facts import NEGATIVE, Absent, cases, check, count, facts_of, resolve, split_fact

CASES = cases()

# Assert statements (times their parametrized cases) of the tests these facts files replaced, counted
# by reading them; the facts may grow, never shrink below this.
ASSERTIONS_BEFORE = 371


def _errors(validator):
    def errors(record: dict) -> list[str]:
        record = record if "khthVersion" in record else dict(record, khthVersion="1.0")
        return [f"{f.code}: {f.message}" for f in validator.check_data(record) if f.severity == "error"]
    return errors


@pytest.mark.parametrize("source", CASES, ids=lambda p: str(p.relative_to(READER)))
def test_reader_states_the_facts(source, validator):
    outcomes = check(read_path(source), facts_of(source), _errors(validator))
    wrong = [o for o in outcomes if not o.ok]
    assert not wrong, f"{len(wrong)} of {len(outcomes)} facts differ in {source.relative_to(READER)}:\n" + \
        "\n".join(o.line() for o in wrong)


def test_every_fixture_has_its_facts():
    sources = {p for p in READER.rglob("*") if p.is_file() and p.name.endswith((".txt", ".md", ".docx.py"))
               and p.name != "README.md"}
    assert sources == set(CASES)


def test_no_facts_dropped():
    total = sum(count(facts_of(p)) for p in CASES)
    print(f"{total} facts in {len(CASES)} cases")
    assert total >= ASSERTIONS_BEFORE


def _holds_of_nothing(fact: str, expected) -> bool:
    """A fact an empty record bears out: that something is absent, or empty."""
    return fact in ("absent", "valid", "_comment") or split_fact(fact)[1] in NEGATIVE or expected in (0, [], None)


@pytest.mark.parametrize("source", CASES, ids=lambda p: str(p.relative_to(READER)))
def test_every_fact_can_fail(source):
    """Checked against an empty record, every fact that states something present fails."""
    facts = facts_of(source)
    outcomes = check({"body": []}, {k: v for k, v in facts.items() if not _holds_of_nothing(k, v)})
    assert [o.fact for o in outcomes if o.ok] == []


_RECORD = {
    "number": {"printed": "164-KH/HU"}, "issueDate": "2024-08-20",
    "references": [{"number": {"printed": "28-CT/TW"}, "relation": "root"},
                   {"title": "Luật Trẻ em", "relation": "basis"}],
    "recipients": [{"name": "UBND tỉnh", "purpose": "report"}, {"name": "Lưu: VT"}],
    "provenance": {"missing": [{"field": "/signature", "reason": "notFound"}], "notes": ["Line 3: a note"]},
    "body": [{"label": "I.", "heading": "MỤC ĐÍCH", "children": [{"label": "1.", "text": "Quán triệt Chỉ thị."}]},
             {"label": "II.", "heading": "NHIỆM VỤ", "children": [
                 {"label": "1.", "role": "task", "text": "Tuyên truyền.", "source": {"startLine": 9}},
                 {"label": "2.", "role": "task", "text": "Kiểm tra."}]}],
}


@pytest.mark.parametrize("path, value", [
    ("number.printed", "164-KH/HU"),
    ("references[number=28-CT/TW].relation", "root"),  # a number selects by its printed form
    ("references[title=Luật Trẻ em].relation", "basis"),
    ("recipients[-1].name", "Lưu: VT"),
    ("recipients[*].purpose", ["report", None]),  # a projection keeps positions
    ("body[label=II.].children[label=2.].text", "Kiểm tra."),
    ("blocks[text^=Tuyên].label", "1."),  # every block at any depth, selected by how its text opens
    ("blocks[?role=task][*].label", ["1.", "2."]),
    ("blocks[?role=task].text", ["Tuyên truyền.", "Kiểm tra."]),
    ("blocks[?role=task][1].text", "Kiểm tra."),
    ("blocks[source.startLine=9].text", "Tuyên truyền."),
    ("provenance.missing[field=/signature].reason", "notFound"),
])
def test_paths(path, value):
    assert resolve(_RECORD, path) == value


@pytest.mark.parametrize("path", ["parent", "references[number=99-CT/TW]", "recipients[5]", "issuer.name",
                                  "blocks[text^=Không có]"])
def test_paths_that_name_nothing(path):
    with pytest.raises(Absent):
        resolve(_RECORD, path)


def test_a_selector_that_matches_two_is_an_error():
    [outcome] = check(_RECORD, {"blocks[label=1.].text": "Quán triệt Chỉ thị."})
    assert not outcome.ok and "selects 2" in outcome.got


def test_operators():
    facts = {"recipients|len": 2, "issueDate|startswith": "2024", "provenance.notes|anycontains": "a note",
             "provenance.missing[*].field|contains": "/signature", "provenance.missing[*].field|notcontains": "/parent",
             "parent.number|notcontains": "x", "blocks[*].text|nonestartswith": "Lưu", "blocks[*].text|anystartswith":
             ["Quán", "Kiểm"], "references[number=28-CT/TW].relation|oneof": ["basis", "root"],
             "recipients[*].name|sameset": ["Lưu: VT", "UBND tỉnh"], "provenance.notes|onecontains": ["Line 3", "note"],
             "issueDate#again": {"@": "issueDate"}, "absent": ["parent", "recipients[1].purpose"]}
    assert [o.fact for o in check(_RECORD, facts) if not o.ok] == []


def test_every_differing_fact_is_reported_at_once():
    facts = {"number.printed": "165-KH/HU", "issueDate": "2024-08-20", "recipients|len": 3,
             "references[number=28-CT/TW].relation": "basis", "absent": ["issueDate", "parent"]}
    wrong = [o for o in check(_RECORD, facts) if not o.ok]
    assert [o.fact for o in wrong] == ["number.printed", "recipients|len", "references[number=28-CT/TW].relation",
                                       "absent issueDate"]
    assert "expected \"165-KH/HU\"" in wrong[0].line() and "got      \"164-KH/HU\"" in wrong[0].line()
