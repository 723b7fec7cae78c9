"""On a corpus with known gaps, coverage finds every responder that has not answered and invents none."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.cli.report import main
from khth.report.corpus import plan_of
from khth.report.coverage import ANSWERED, LATE, NOT_YET, OVERDUE, coverage
from khth.report.names import normalise_name, system_of
from khth.report.responders import Responder
from khth.report.tree import Tree
from khth.schema.units import units_under
from khth.validator.corpus_rules import summarise
from report_corpus import ROOT_DATE, ROOT_NUMBER, build, record, root_record

ROOT = f"{ROOT_NUMBER}@{ROOT_DATE}"
PROVINCES = [u.code for u in units_under(None, "central", ROOT_DATE)]


def _coverage_json(folder: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(folder), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def test_every_missing_province_and_district_is_found(tmp_path):
    built = build(tmp_path / "corpus", {"51": 30, "19": 40, "01": 80}, {"534": 10, "529": 20, "167": 5})
    data = _coverage_json(built.folder, "--today", "2024-06-01")
    by_code = {r["code"]: r for r in data["responders"]}
    answered = {c for c, r in by_code.items() if r["status"] in (ANSWERED, LATE)}
    assert answered == set(built.answered)
    missing = {c for c, r in by_code.items() if r["status"] in (NOT_YET, OVERDUE)}
    assert missing == (set(built.expected_provinces) | set(built.expected_districts)) - set(built.answered)
    assert data["notInList"] == [] and data["ambiguous"] == []
    counts = {c["level"]: c for c in data["counts"]}
    assert counts["province"]["expected"] == 63 and counts["province"]["answered"] == 3
    assert counts["district"]["expected"] == len(built.expected_districts)
    assert by_code["534"]["plan"]["date"] == built.answered["534"] and by_code["534"]["lagDays"] == 10


def test_a_due_date_splits_late_from_on_time_and_overdue_from_not_yet(tmp_path):
    built = build(tmp_path / "corpus", {"51": 30, "19": 90}, {})
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(built.folder), "--format", "json",
                                       "--due", "2024-03-01", "--today", "2024-06-01"])
    assert result.exit_code == 1  # responders overdue
    status = {r["code"]: r["status"] for r in json.loads(result.output)["responders"] if r["level"] == "province"}
    assert status["51"] == ANSWERED and status["19"] == LATE
    assert {c for c, s in status.items() if s == OVERDUE} == set(PROVINCES) - {"51", "19"}
    before = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(built.folder), "--format", "json",
                                       "--due", "2024-03-01", "--today", "2024-02-01"])
    assert before.exit_code == 0
    assert {r["status"] for r in json.loads(before.output)["responders"]} == {ANSWERED, LATE, NOT_YET}


def test_a_list_of_responders_is_matched_by_code_then_by_name(tmp_path):
    built = build(tmp_path / "corpus", {"51": 30, "19": 40}, {"534": 10})
    listed = tmp_path / "don-vi.csv"
    listed.write_text("Tên đơn vị,Loại đơn vị,Mã đơn vị (không bắt buộc)\n"
                      "Tỉnh ủy Quảng Ngãi,tỉnh,51\n"
                      "Tỉnh ủy Thái Nguyên,tỉnh,\n"
                      "Thị ủy Đức Phổ,thị xã,\n"
                      "Tỉnh ủy Bình Định,tỉnh,52\n", encoding="utf-8")
    data = _coverage_json(built.folder, "--responders", str(listed), "--today", "2024-06-01")
    status = {r["name"]: (r["status"], (r["plan"] or {}).get("date")) for r in data["responders"]}
    assert status == {"Tỉnh ủy Quảng Ngãi": (ANSWERED, built.answered["51"]),
                      "Tỉnh ủy Thái Nguyên": (ANSWERED, built.answered["19"]),
                      "Thị ủy Đức Phổ": (ANSWERED, built.answered["534"]),
                      "Tỉnh ủy Bình Định": (NOT_YET, None)}
    assert data["responderSource"] == "list"


def test_a_plan_two_listed_units_could_be_is_reported_not_guessed(tmp_path):
    built = build(tmp_path / "corpus", {"51": 30}, {})
    listed = tmp_path / "don-vi.csv"
    listed.write_text("name,kind\nTỈNH ỦY QUẢNG NGÃI,tỉnh\nTỉnh uỷ Quảng Ngãi,tỉnh\n", encoding="utf-8")
    data = _coverage_json(built.folder, "--responders", str(listed))
    assert [a["plan"]["number"] for a in data["ambiguous"]] == ["101-KH/TU"]
    assert {r["status"] for r in data["responders"]} == {NOT_YET}


# --- properties, on corpora built in memory ------------------------------------------------------

def _tree(provinces: dict[str, int], districts: dict[str, int]) -> Tree:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        built = build(Path(folder), provinces, districts)
        docs = [(p.name, json.loads(p.read_text("utf-8"))) for p in sorted(built.folder.iterdir())]
    plans = [plan_of(doc, summarise(doc, name, "")) for name, doc in docs]
    return Tree(plans)


_SOME_PROVINCES = st.dictionaries(st.sampled_from(["51", "19", "52", "01", "66"]), st.integers(0, 120), max_size=5)
_SOME_DISTRICTS = st.dictionaries(st.sampled_from(["534", "529", "522", "167", "164", "643", "540"]),
                                  st.integers(0, 120), max_size=7)


@settings(max_examples=25, deadline=None)
@given(_SOME_PROVINCES, _SOME_DISTRICTS, st.sampled_from([None, "2024-02-15", "2024-04-01"]))
def test_counts_add_up_and_no_plan_is_counted_twice(provinces, districts, due):
    tree = _tree(provinces, districts)
    root = next(p for p in tree.plans if p.number == ROOT_NUMBER)
    cov = coverage(tree, root, "2024-06-01", due)
    for c in cov.counts():
        s = c.by_status
        assert s[ANSWERED] + s[LATE] + s[NOT_YET] + s[OVERDUE] == c.expected
    counted = [p.id for r in cov.rows if r.answer for p in (r.answer, *r.others)]
    assert len(counted) == len(set(counted))
    answered = {r.responder.code for r in cov.rows if r.answer}
    assert answered == set(provinces) | {d for d in districts if _province_of(d) in provinces}
    for r in cov.rows:
        if r.status == LATE:
            assert due and r.answer.date > due
        if r.status == OVERDUE:
            assert r.due and r.due < "2024-06-01" and r.answer is None


def _province_of(district: str) -> str | None:
    for p in PROVINCES:
        if any(d.code == district for d in units_under(p, "province", ROOT_DATE)):
            return p
    return None


@given(st.lists(st.sampled_from(["Tỉnh ủy Quảng Ngãi", "TỈNH UỶ QUẢNG NGÃI", "UBND tỉnh Quảng Ngãi",
                                 "Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh ủy Thái Nguyên"]), min_size=1, max_size=5))
def test_a_plan_is_never_counted_for_two_listed_responders(names):
    plan = record(101, "TU", "2024-02-01", "TỈNH ỦY QUẢNG NGÃI", "Ban Thường vụ Tỉnh ủy", "province", None,
                  root_record())
    docs = [root_record(), plan]
    tree = Tree([plan_of(d, summarise(d, f"{i}.json", "")) for i, d in enumerate(docs)])
    root = next(p for p in tree.plans if p.number == ROOT_NUMBER)
    cov = coverage(tree, root, "2024-06-01", listed=[Responder(n, system=system_of(n)) for n in names])
    answered = [r for r in cov.rows if r.answer]
    party = [n for n in names if normalise_name(n) == "tỉnh ủy quảng ngãi"]
    assert len(answered) == (1 if len(party) == 1 else 0)
    assert len(cov.ambiguous) == (1 if len(party) > 1 else 0)
