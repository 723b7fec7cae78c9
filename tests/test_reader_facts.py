"""The reader's record of each fixture under tests/fixtures/reader/<family>/<case> bears out the facts in
<case>.facts.json (path syntax: tests/fixtures/reader/README.md). A case that fails lists every fact that
differs, not only the first."""

from __future__ import annotations

import pytest

from conftest import READER, read_path
from reader_facts import cases, check, count, facts_of

CASES = cases()

# Assertions the tests replaced by these facts files made about the same fixtures (counted by reading
# them); the facts may grow, never shrink below this.
ASSERTIONS_BEFORE = 265


def _errors(validator):
    return lambda record: [f"{f.code}: {f.message}" for f in validator.check_data(dict(record, khthVersion="1.0"))
                           if f.severity == "error"]


@pytest.mark.parametrize("source", CASES, ids=lambda p: str(p.relative_to(READER)))
def test_reader_states_the_facts(source, validator):
    outcomes = check(read_path(source), facts_of(source), _errors(validator))
    wrong = [o for o in outcomes if not o.ok]
    assert not wrong, f"{len(wrong)} of {len(outcomes)} facts differ in {source.relative_to(READER)}:\n" + \
        "\n".join(o.line() for o in wrong)


def test_every_fixture_has_its_facts():
    sources = {p for p in READER.rglob("*") if p.is_file() and p.name.endswith((".txt", ".md", ".docx.py"))}
    assert sources == set(CASES)


def test_no_facts_dropped():
    total = sum(count(facts_of(p)) for p in CASES)
    print(f"{total} facts in {len(CASES)} cases")
    assert total >= ASSERTIONS_BEFORE
