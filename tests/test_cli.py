"""plan-validate and plan-convert as users and pipelines run them: exit codes, messages, files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from khth.converters.cli import main as convert_main
from khth.validator.cli import main as validate_main

from conftest import EXAMPLES, load

PLAN = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"
BUNDLE = EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json"


def run(cmd, *args):
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


def test_valid_examples_exit_0():
    result = run(validate_main, "--verbose", EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "24 file(s) checked, 0 invalid" in result.output
    assert "khth:KH:192-KH/TU:2024-04-23:Ban_Thường_vụ_Thị_ủy [published] → khth:KH:260-KH/TU" in result.output


def test_invalid_document_exits_1_and_names_file_and_pointer(tmp_path):
    doc = load(PLAN)
    doc["issueDate"] = "2024-02-30"
    del doc["parent"]["number"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(validate_main, "--lang", "en", bad)
    assert result.exit_code == 1
    assert f"{bad}:/issueDate: error [schema]" in result.output
    assert f"{bad}:/parent: error [schema]" in result.output and "number" in result.output


def test_invalid_xml_names_the_xpath_and_line(tmp_path):
    xml = (EXAMPLES / "192-KH-TU_thi-uy-duc-pho.xml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(xml.replace("<serial>192</serial>", "<serial>một</serial>"), encoding="utf-8")
    result = run(validate_main, bad)
    assert result.exit_code == 1
    assert "/document/number/serial" in result.output or "serial" in result.output
    assert ":10:" in result.output  # the line of <serial>


def test_lenient_record_with_an_unexplained_gap(tmp_path):
    doc = load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")
    doc["provenance"]["missing"] = [m for m in doc["provenance"]["missing"] if m["field"] != "/number"]
    bad = tmp_path / "gap.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(validate_main, "--format", "json", bad)
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["khthVersion"] == "1.0" and report["valid"] is False
    (finding,) = report["files"][0]["findings"]
    assert (finding["code"], finding["pointer"]) == ("profile-unexplained-gap", "/number")


def test_missing_and_present_at_once_is_an_error(tmp_path):
    doc = load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")
    doc["provenance"]["missing"].append({"field": "/issuer/name", "reason": "lost"})
    bad = tmp_path / "both.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(validate_main, "--lang", "en", bad)
    assert result.exit_code == 1
    assert "profile-missing-but-present" in result.output


def test_usage_errors_exit_2(tmp_path):
    assert run(validate_main).exit_code == 2
    assert run(validate_main, tmp_path / "nope.json").exit_code == 2
    assert run(validate_main, "--format", "yaml", PLAN).exit_code == 2
    assert run(convert_main, PLAN).exit_code == 2  # --to is required
    assert run(convert_main, tmp_path / "nope.json", "--to", "xml").exit_code == 2


@pytest.mark.parametrize("content,code", [
    (b"", "input-empty"),
    (b"\xef\xbb\xbf{}", "input-bom"),
    (b"\x00\x01\x02binary", "input-binary"),
    ("{\"title\": \"Hà Giang\"}".encode("cp1258"), "input-encoding"),
    (b"{\"id\": ", "json-syntax"),
    (b"<document xmlns='urn:khth:xml:1'><id>", "xml-syntax"),
    (b"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><document>&x;</document>",
     "xml-doctype"),
    (b"just some text", "input-format"),
])
def test_bad_input_is_a_finding_not_a_traceback(tmp_path, content, code):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run(validate_main, "--format", "json", bad)
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.output)["files"][0]["findings"]] == [code]


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
    proc = subprocess.run([sys.executable, "-m", "khth.converters", str(PLAN), "--to", "xml"], capture_output=True)
    assert proc.returncode == 0 and proc.stdout.startswith(b"<?xml")
