"""Input plan-report cannot work from: a clear message, whole in each language, exit 2, no traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main
from report_corpus import record, root_record
from test_message_language import assert_in_language, has_vietnamese, record_strings

ROOT = "28-CT/TW@2023-12-25"


def _refused(args: list[str], lang: str) -> str:
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [ln for ln in result.output.splitlines() if ln.startswith("plan-report: ")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0].removeprefix("plan-report: ")


def _two_plans_numbered_alike(tmp_path):
    root = root_record()
    for day in ("2024-02-01", "2025-02-01"):
        doc = record(7, "TU", day, "TỈNH ỦY QUẢNG NGÃI", "Ban Thường vụ Tỉnh ủy", "province", None, root)
        (tmp_path / f"7-{day}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "root.json").write_text(json.dumps(root, ensure_ascii=False), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_number_several_documents_have_lists_them(tmp_path, lang):
    folder = _two_plans_numbered_alike(tmp_path)
    message = _refused(["tree", "--root", "7-KH/TU", str(folder)], lang)
    assert "2024-02-01" in message and "2025-02-01" in message and message.count("khth:KH:7-KH/TU:") == 2
    assert_in_language("report.root-ambiguous", message, lang, record_strings(folder))
    assert ("matches 2 documents" in message) == (lang == "en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_root_that_matches_nothing_names_the_same_number_on_other_dates(lang):
    message = _refused(["coverage", "--root", "260-KH/TU@2024-03-05", str(EXAMPLES)], lang)
    assert "(260-KH/TU (2024-03-04))" in message
    assert has_vietnamese(message) == (lang == "vi")
    nothing = _refused(["tree", "--root", "999-KH/TU@2024-01-01", str(EXAMPLES)], lang)
    assert has_vietnamese(nothing) == (lang == "vi") and "999-KH/TU@2024-01-01" in nothing


@pytest.mark.parametrize("root", ["28-CT/TW@25/12/2023", "@2023-12-25", "Chỉ thị"])
def test_a_root_that_cannot_be_read_is_refused_before_any_file_is(root):
    message = _refused(["tree", "--root", root, "no-such-folder"], "en")
    assert message.startswith(f"{root}: expected NUMBER@YYYY-MM-DD")


def test_paths_that_do_not_exist_or_hold_no_record(tmp_path):
    assert _refused(["deadlines", str(tmp_path / "nowhere")], "en") == f"{tmp_path / 'nowhere'}: no such file or folder"
    (tmp_path / "notes.json").write_text("{not json", encoding="utf-8")
    message = _refused(["deadlines", str(tmp_path)], "vi")
    assert message.startswith("Không đọc được bản ghi KHTH nào") and "(1 tệp" in message


BAD_LISTS = {
    "report.responders-columns": ("Đơn vị,Ghi chú\nTỉnh ủy Quảng Ngãi,\n".encode("utf-8"),
                                  "missing column(s) \"Tên đơn vị\""),
    "report.responders-encoding": ("Tên đơn vi\nTinh uy Quang Ngai\n".encode("cp1258"), "not UTF-8 (byte "),
    "report.responders-row": ("Tên đơn vị,Loại đơn vị\n,tỉnh\n".encode("utf-8"), "line 2: the unit's name is missing"),
    "report.responders-empty": ("\ufeffTên đơn vị,Loại đơn vị\n".encode("utf-8"), "lists no unit"),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("code", BAD_LISTS)
def test_a_malformed_list_of_responders_is_refused(tmp_path, code, lang):
    data, english = BAD_LISTS[code]
    listed = tmp_path / "đơn-vị.csv"
    listed.write_bytes(data)
    message = _refused(["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(listed)], lang)
    assert message.startswith(str(listed))
    assert (english in message) == (lang == "en")
    assert_in_language(code, message, lang, {str(listed), "Tên đơn vị", "Loại đơn vị", "Mã đơn vị (không bắt buộc)"})


def test_a_list_that_cannot_be_opened(tmp_path):
    missing = tmp_path / "gone.csv"
    message = _refused(["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(missing)], "en")
    assert message.startswith(f"{missing}: cannot read the list of units: No such file")


def test_a_report_that_cannot_be_written_leaves_no_file(tmp_path):
    target = tmp_path / "no-such-folder" / "out.csv"
    message = _refused(["tree", "--root", ROOT, str(EXAMPLES), "-o", str(target)], "en")
    assert "cannot write the report" in message and not target.parent.exists()


def test_a_fault_of_the_tool_is_a_message_not_a_traceback(monkeypatch):
    def fault(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr("khth.report.views.coverage", fault)
    assert _refused(["coverage", "--root", ROOT, str(EXAMPLES)], "en") == "internal error: RuntimeError: injected"


def test_the_template_has_the_vietnamese_titles_a_list_is_read_with(tmp_path):
    out = tmp_path / "don-vi.csv"
    assert CliRunner().invoke(main, ["template", "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8-sig")
    assert text == "Tên đơn vị,Loại đơn vị,Mã đơn vị (không bắt buộc)\n"
    with out.open("a", encoding="utf-8") as fh:
        fh.write("Tỉnh ủy Quảng Ngãi,tỉnh,51\n")
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(out),
                                       "--format", "json"])
    assert result.exit_code == 0
    [row] = json.loads(result.output)["responders"]
    assert (row["name"], row["status"], row["plan"]["number"]) == ("Tỉnh ủy Quảng Ngãi", "answered", "260-KH/TU")


EXERCISED = {"report.root-ambiguous", "report.root-not-found", "report.root-syntax", "report.path-missing",
             "report.no-records", "report.responders-unreadable", *BAD_LISTS,
             "report.index-foreign"}  # tests/test_report_index.py


def test_every_report_rule_is_exercised_here():
    from khth.schema.catalogue import RULES

    assert {r.code for r in RULES if r.category == "report"} == EXERCISED
