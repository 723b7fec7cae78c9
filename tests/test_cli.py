"""plan-validate and plan-convert as users and pipelines run them: exit codes, messages, files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from click.testing import CliRunner

from khth.cli.convert import main as convert_main
from khth.cli.validate import main as validate_main

from conftest import EXAMPLES, load

PLAN = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"
BUNDLE = EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json"


def run(cmd, *args):
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


def test_valid_examples_exit_0_and_list_their_records():
    result = run(validate_main, "--verbose", "--today", "2026-11-22", EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "24 file(s), 0 with errors: 0 error(s), 2 warning(s)" in result.output
    assert "khth:KH:192-KH/TU:2024-04-23:Ban_Thường_vụ_Thị_ủy [published]" in result.output
    # the one printed numbering slip of the seeds (1.1–1.5 under task 3) is a warning, not an error
    assert "document.label-parent" in result.output and "label 1.1. stands under 3" in result.output


def _write(tmp_path, name, doc):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_invalid_document_exits_1_and_names_file_pointer_and_line(tmp_path):
    doc = load(PLAN)
    doc["issueDate"] = "2024-02-30"
    del doc["parent"]["number"]
    bad = _write(tmp_path, "bad.json", doc)
    result = run(validate_main, "--lang", "en", "--format", "json", bad)
    assert result.exit_code == 1
    findings = {(f["code"], f["pointer"]): f for f in json.loads(result.output)["files"][0]["findings"]}
    assert ("schema.json", "/issueDate") in findings  # full date required by the published profile
    located = findings[("schema.json", "/parent")]
    assert "number" in located["en"] and located["line"] > 1 and located["doc"].startswith("SPEC.md#rule-")


def test_invalid_xml_names_the_xpath_and_line(tmp_path):
    xml = (EXAMPLES / "192-KH-TU_thi-uy-duc-pho.xml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(xml.replace("<serial>192</serial>", "<serial>một</serial>"), encoding="utf-8")
    result = run(validate_main, "--format", "json", bad)
    assert result.exit_code == 1
    (finding,) = json.loads(result.output)["files"][0]["findings"]
    assert finding["code"] == "schema.xsd" and finding["line"] == 10 and "serial" in finding["xpath"]


def test_lenient_record_with_an_unexplained_gap(tmp_path):
    doc = load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")
    doc["provenance"]["missing"] = [m for m in doc["provenance"]["missing"] if m["field"] != "/number"]
    result = run(validate_main, "--format", "json", _write(tmp_path, "gap.json", doc))
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["standardVersion"] == "1.1" and report["valid"] is False
    assert report["ruleCatalogue"].startswith("sha256:")
    errors = [f for f in report["files"][0]["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["pointer"]) for f in errors] == [("profile.unexplained-gap", "/number")]


def test_profile_option_holds_lenient_records_to_the_published_profile():
    lenient = EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json"
    assert run(validate_main, lenient).exit_code == 0
    result = run(validate_main, "--profile", "published", "--format", "json", lenient)
    assert result.exit_code == 1
    pointers = {f["pointer"] for f in json.loads(result.output)["files"][0]["findings"] if f["severity"] == "error"}
    assert {"/"} <= pointers  # number, issueDate, title … are required by the published profile


def test_fail_on_warning():
    assert run(validate_main, PLAN).exit_code == 0
    assert run(validate_main, "--fail-on", "warning", PLAN).exit_code == 1


def test_require_parents_turns_an_unresolved_parent_into_an_error():
    assert run(validate_main, PLAN).exit_code == 0
    result = run(validate_main, "--require-parents", "--lang", "en", PLAN)
    assert result.exit_code == 1 and "corpus.parent-unresolved" in result.output


def test_tree_of_the_examples():
    result = run(validate_main, "--tree", "-q", EXAMPLES)
    lines = result.output.splitlines()
    start = lines.index("28-CT/TW (2023-12-25) [citation]")
    tree = "\n".join(lines[start:])
    assert "├── 260-KH/TU (2024-03-04) [citation]\n│   ├── 192-KH/TU (2024-04-23)\n│   └── 164-KH/HU (2024-08-20)" in tree
    assert "│       └── 1761/UBND-VP (2024-03-28) [citation]" in tree


def test_usage_errors_exit_2(tmp_path):
    assert run(validate_main).exit_code == 2
    assert run(validate_main, tmp_path / "nope.json").exit_code == 2
    assert run(validate_main, "--format", "yaml", PLAN).exit_code == 2
    assert run(validate_main, "--today", "22/11/2026", PLAN).exit_code == 2
    assert run(convert_main, PLAN).exit_code == 2  # --to is required
    assert run(convert_main, tmp_path / "nope.json", "--to", "xml").exit_code == 2


def test_help_documents_the_exit_codes():
    text = run(validate_main, "--help").output
    assert "0  no errors" in text and "1  errors found" in text and "2  usage error" in text


def test_standard_input():
    result = CliRunner().invoke(validate_main, ["--format", "json", "-"], input=PLAN.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.output)["files"][0]["file"] == "<stdin>"


def test_convert_to_stdout_and_atomically_to_file(tmp_path):
    result = CliRunner().invoke(convert_main, [str(BUNDLE), "--to", "xml"])
    assert result.exit_code == 0
    assert result.stdout_bytes == BUNDLE.with_suffix(".xml").read_bytes()
    out = tmp_path / "plan.json"
    assert run(convert_main, BUNDLE.with_suffix(".xml"), "--to", "json", "-o", out).exit_code == 0
    assert out.read_bytes() == BUNDLE.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_failed_conversion_writes_nothing(tmp_path):
    doc = load(PLAN)
    doc["profile"] = "official"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out.xml"
    out.write_text("previous content", encoding="utf-8")
    result = run(convert_main, bad, "--to", "xml", "-o", out)
    assert result.exit_code == 1
    assert "/profile" in result.output
    assert out.read_text(encoding="utf-8") == "previous content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out.xml"]


def test_convert_reads_standard_input():
    result = CliRunner().invoke(convert_main, ["-", "--to", "json"], input=PLAN.with_suffix(".xml").read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes == PLAN.read_bytes()


def test_installed_console_scripts_run():
    exe = shutil.which("plan-validate", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "plan-validate is not installed next to the interpreter"
    proc = subprocess.run([exe, str(PLAN)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = subprocess.run([sys.executable, "-m", "khth.cli.convert", str(PLAN), "--to", "xml"], capture_output=True)
    assert proc.returncode == 0 and proc.stdout.startswith(b"<?xml")


def test_jobs_give_the_same_findings_as_one_process():
    args = ["--format", "json", "--today", "2026-11-22", str(EXAMPLES), str(EXAMPLES.parent / "tests" / "rules")]
    one = json.loads(CliRunner().invoke(validate_main, args).output)
    two = json.loads(CliRunner().invoke(validate_main, ["--jobs", "2", *args]).output)
    assert one["summary"] == two["summary"] and one["files"] == two["files"]
