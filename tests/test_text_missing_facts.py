"""What the reader says of a fact it did not find: "lost", "blank" and "notPrinted" are claims about
the source and need evidence in it; a fact the reader merely did not find where the layout puts it
is "notFound", and the validator asks a clerk to check it (document.facts-not-found)."""

from __future__ import annotations

from khth.converters.text import text_to_record

from conftest import SOURCES, load, EXAMPLES

SEED = "000_a86e3adf03591467.txt"


def _reasons(record: dict) -> dict[str, str]:
    return {m["field"]: m["reason"] for m in record.get("provenance", {}).get("missing", [])}


def test_a_number_the_reader_does_not_find_is_not_claimed_unprinted(validator):
    text = (SOURCES / SEED).read_text(encoding="utf-8").replace("Số 192-KH/TU", "Sô' I92 - KH/TU")
    record = text_to_record(text, SEED)
    assert "number" not in record
    assert _reasons(record)["/number"] == "notFound"
    assert "notPrinted" not in _reasons(record).values()
    findings = validator.check_data(dict(record, khthVersion="1.0"))
    hit = next(f for f in findings if f.code == "document.facts-not-found")
    assert hit.severity == "warning" and "/number" in hit.en
    assert not [f for f in findings if f.severity == "error"]


def test_facts_read_in_full_leave_nothing_not_found():
    record = text_to_record((SOURCES / SEED).read_text(encoding="utf-8"), SEED)
    assert record["profile"] == "published"
    assert "notFound" not in _reasons(record).values()


def test_a_lost_header_is_still_said_lost():
    """The Bình Định plan starts inside its title: the loss is evidenced by the source itself."""
    source = "003_4acd1c6e1ea57221.txt"
    record = text_to_record((SOURCES / source).read_text(encoding="utf-8"), source)
    curated = load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")
    assert {f: r for f, r in _reasons(record).items() if not f.startswith("/references/")} == \
        {f: r for f, r in _reasons(curated).items() if not f.startswith("/references/")}
    assert set(_reasons(record).values()) <= {"lost", "notPrinted"}
