"""plan-report on the examples: the tree under Chỉ thị 28-CT/TW, who answered it, and the duties stated."""

from __future__ import annotations

import csv
import hashlib
import io
import json

from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main

ROOT = "28-CT/TW@2023-12-25"
TODAY = "2026-01-01"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--today", TODAY])
    return result.exit_code, result.output


def test_the_tree_gives_each_plan_its_date_and_lag_after_its_parent():
    code, out = _run("tree", "--root", ROOT, str(EXAMPLES), "--format", "json")
    assert code == 0
    rows = {r["number"]: r for r in json.loads(out)["tree"]}
    assert rows["28-CT/TW"]["depth"] == 0 and rows["28-CT/TW"]["lagDays"] is None
    assert (rows["260-KH/TU"]["depth"], rows["260-KH/TU"]["lagDays"]) == (1, 70)  # 2023-12-25 → 2024-03-04
    assert (rows["192-KH/TU"]["depth"], rows["192-KH/TU"]["lagDays"]) == (2, 50)  # 2024-03-04 → 2024-04-23
    assert (rows["164-KH/HU"]["lagDays"], rows["145-KH/HU"]["lagDays"]) == (169, 26)
    assert rows["192-KH/TU"]["parent"] == rows["260-KH/TU"]["id"]
    ids = [r["id"] for r in json.loads(out)["tree"]]
    assert len(ids) == len(set(ids)) == 13  # a record held in JSON and in XML is listed once


def test_the_root_may_be_named_by_identifier_or_by_a_number_only_one_document_has():
    _, by_date = _run("tree", "--root", ROOT, str(EXAMPLES), "--format", "csv")
    _, by_id = _run("tree", "--root", "khth:CT:28-CT/TW:2023-12-25:Bộ_Chính_trị", str(EXAMPLES), "--format", "csv")
    _, by_number = _run("tree", "--root", "28-CT/TW", str(EXAMPLES), "--format", "csv")
    assert by_date == by_id == by_number
    rows = list(csv.reader(io.StringIO(by_date)))
    assert rows[0][:3] == ["Văn bản / Document", "Ngày / Date", "Sau cấp trên (ngày) / Lag (days)"]
    assert rows[1][0] == "28-CT/TW"


def test_coverage_shows_the_provincial_plans_and_the_district_plans_under_them():
    code, out = _run("coverage", "--root", ROOT, str(EXAMPLES), "--format", "json")
    assert code == 0
    data = json.loads(out)
    answered = {r["name"]: (r["plan"]["number"], r["plan"]["date"], r["lagDays"], r["answers"].split(":")[2])
                for r in data["responders"] if r["plan"]}
    assert answered == {
        "Tỉnh Quảng Ngãi": ("260-KH/TU", "2024-03-04", 70, "28-CT/TW"),
        "Tỉnh Thái Nguyên": ("156-KH/TU", "2024-03-01", 67, "28-CT/TW"),
        "Tỉnh Bình Định": ("91-KH/TU", "2024-03-07", 73, "28-CT/TW"),
        "Thị xã Đức Phổ": ("192-KH/TU", "2024-04-23", 50, "260-KH/TU"),
        "Huyện Sơn Hà": ("164-KH/HU", "2024-08-20", 169, "260-KH/TU"),
        "Huyện Định Hóa": ("145-KH/HU", "2024-03-27", 26, "156-KH/TU"),
    }
    counts = {c["level"]: (c["expected"], c["answered"]) for c in data["counts"]}
    assert counts["province"] == (63, 3)
    # the districts of the three provinces that answered: Quảng Ngãi 13, Thái Nguyên 9, Bình Định 11
    assert counts["district"] == (13 + 9 + 11, 3)
    assert data["responderSource"] == "units"
    # plans that answer no province: a central department's guidance and a city's plans
    assert {p["number"] for p in data["notInList"]} >= {"136-HD/BTGTW", "144-KH/TU"}


def test_the_text_table_speaks_the_language_asked(tmp_path):
    _, en = _run("coverage", "--root", ROOT, str(EXAMPLES), "--lang", "en")
    _, vi = _run("coverage", "--root", ROOT, str(EXAMPLES), "--lang", "vi")
    assert "province: 3/63 answered (0 late), 60/63 not yet (0 overdue)" in en
    assert "tỉnh: 3/63 đã ban hành (0 muộn), 60/63 chưa (0 quá hạn)" in vi
    assert "answered" not in vi and "đã ban hành" not in en


def test_the_report_is_written_atomically_and_the_corpus_is_left_as_it_was(tmp_path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLES.rglob("*") if p.is_file()}
    out = tmp_path / "coverage.csv"
    out.write_text("old", encoding="utf-8")
    code, _ = _run("coverage", "--root", ROOT, str(EXAMPLES), "--format", "csv", "-o", str(out))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == 1 + 63 + 33 and [p.name for p in tmp_path.iterdir()] == ["coverage.csv"]
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLES.rglob("*") if p.is_file()}
    assert after == before


def test_deadlines_list_every_duty_with_its_status_on_the_day():
    code, out = _run("deadlines", str(EXAMPLES), "--format", "json")
    assert code == 1  # the Buôn Ma Thuột plan's 07/5/2024 deadline has passed with nothing to show for it
    duties = json.loads(out)
    dated = [d for d in duties if d["by"] and not d["recurring"]]
    assert [(d["by"], d["status"]) for d in dated] == [("2024-05-07", "overdue")]
    annual = next(d for d in duties if d["by"] == "--11-20")
    assert annual["status"] == "recurring" and annual["nextDue"] == "2026-11-20" and annual["to"] == ["UBND tỉnh"]
    assert sum(d["reporting"] for d in duties) == 6
    early = CliRunner().invoke(main, ["deadlines", str(EXAMPLES), "--today", "2024-05-01", "--format", "json"])
    assert early.exit_code == 0
    assert [d["status"] for d in json.loads(early.output) if d["by"] == "2024-05-07"] == ["due"]


def test_the_python_api_gives_the_views_as_data():
    import khth

    rows = khth.implementation_tree(EXAMPLES, root=ROOT)
    assert [(r.depth, r.plan.number, r.lag) for r in rows[:3]] == [(0, "28-CT/TW", None), (1, "136-HD/BTGTW", 21),
                                                                   (1, "156-KH/TU", 67)]
    cov = khth.coverage([EXAMPLES], root=ROOT, today=TODAY)
    assert [(c.level, c.expected, c.by_status["answered"]) for c in cov.counts()] == [("province", 63, 3),
                                                                                      ("district", 33, 3)]
    assert len(khth.deadlines(str(EXAMPLES), today=TODAY)) == 7
    try:
        khth.coverage(EXAMPLES, root="28-CT/TW@2023-12-26")
    except khth.ReportError as exc:
        assert exc.code == "report.root-not-found" and "28-CT/TW (2023-12-25)" in exc.en
    else:
        raise AssertionError("a root that matches nothing must raise")


def test_a_deadline_the_roots_text_sets_for_plans_makes_silence_overdue():
    city = json.loads((EXAMPLES / "ke-hoach-ubnd-tp-buon-ma-thuot.json").read_text("utf-8"))["id"]
    code, out = _run("coverage", "--root", city, str(EXAMPLES), "--format", "json")
    assert code == 1
    data = json.loads(out)
    communes = [r for r in data["responders"] if r["level"] == "commune"]
    # "UBND các phường, xã" of Buôn Ma Thuột (643), asked to build their plans "trước ngày 07/5/2024"
    assert communes and {r["due"] for r in communes} == {"2024-05-07"}
    assert {r["status"] for r in communes} == {"overdue"}
    early = CliRunner().invoke(main, ["coverage", "--root", city, str(EXAMPLES), "--format", "json",
                                      "--today", "2024-05-01"])
    assert early.exit_code == 0 and {r["status"] for r in json.loads(early.output)["responders"]} == {"not-yet"}


def test_which_districts_under_quang_ngai_have_not_yet_answered_260_kh_tu():
    from khth.schema.units import units_under

    code, out = _run("coverage", "--root", "260-KH/TU@2024-03-04", str(EXAMPLES), "--depth", "1",
                     "--status", "not-yet", "--status", "overdue", "--format", "json")
    assert code == 0
    data = json.loads(out)
    districts = {u.code for u in units_under("51", "province", "2024-03-04")}  # 260-KH/TU's unit, from its plans
    assert {r["code"] for r in data["responders"]} == districts - {"534", "529"}  # Đức Phổ and Sơn Hà answered
    assert data["counts"] == [{"level": "district", "expected": 13, "answered": 2, "answeredLate": 0,
                               "notYet": 11, "overdue": 0}]


def test_a_deadline_counted_from_the_roots_issue_falls_that_many_days_after_it(tmp_path):
    import shutil

    corpus = tmp_path / "examples"
    shutil.copytree(EXAMPLES, corpus)
    (corpus / "cited" / "260-KH-TU.xml").unlink()  # the JSON form below is the record
    path = corpus / "cited" / "260-KH-TU.json"
    record = json.loads(path.read_text("utf-8"))
    phrase = "trong thời hạn 30 ngày kể từ ngày ban hành Kế hoạch này"
    record["khthVersion"] = "1.1"
    record["body"] = [{"text": f"Các huyện ủy, thị ủy, thành ủy trực thuộc xây dựng kế hoạch thực hiện {phrase}.",
                       "relativeDeadlines": [{"amount": 30, "unit": "day", "after": "issue", "printed": phrase}]}]
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    result = CliRunner().invoke(main, ["coverage", "--root", "260-KH/TU@2024-03-04", str(corpus), "--depth", "1",
                                       "--today", TODAY, "--format", "json"])
    responders = json.loads(result.output)["responders"]
    assert {r["due"] for r in responders} == {"2024-04-03"}  # 2024-03-04 and 30 days
    answered = {r["code"]: r["status"] for r in responders if r["plan"]}
    assert answered == {"534": "answered-late", "529": "answered-late"}  # on 2024-04-23 and 2024-08-20
    assert {r["status"] for r in responders if not r["plan"]} == {"overdue"}
