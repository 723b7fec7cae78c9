"""plan-convert --to pdf exports the Word rendering through LibreOffice headless, and without LibreOffice
refuses (exit 1) naming the Debian package; --to docx|pdf refuses a record that fails validation with every
error plan-validate finds in it (exit 1, nothing written); outputs replace a file only when complete."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from khth import api
from khth.cli.convert import main
from khth.converters import pdf_export

from conftest import EXAMPLES, load

DUC_PHO = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _invalid_record(tmp_path):
    record = load(DUC_PHO)
    record["issueDate"] = "2024-02-30"
    record["signature"]["bogus"] = 1
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path, record


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed "
                    "(Debian package libreoffice-writer-nogui)")
def test_to_pdf_exports_the_official_layout(tmp_path):
    out = tmp_path / "plan.pdf"
    result = run(DUC_PHO, "--to", "pdf", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert not [p for p in tmp_path.iterdir() if p.name != "plan.pdf"]  # no temporary file left
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                              timeout=120, check=True).stdout
        first = next(line for line in text.splitlines() if line.strip())
        assert "ĐẢNG BỘ TỈNH QUẢNG NGÃI" in first and "ĐẢNG CỘNG SẢN VIỆT NAM" in first
        assert "Số 192-KH/TU" in text and "Đức Phổ, ngày 23 tháng 4 năm 2024" in text


def test_to_pdf_without_libreoffice_names_the_package_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_export, "soffice", lambda: None)
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"an older file")
    result = run(DUC_PHO, "--to", "pdf", "-o", out)
    assert result.exit_code == 1
    assert "libreoffice-writer-nogui" in result.stderr
    assert "cần LibreOffice để xuất PDF" in result.stderr and "LibreOffice is needed to export PDF" in result.stderr
    assert "nothing written" in result.stderr and "không ghi gì" in result.stderr
    assert out.read_bytes() == b"an older file"
    assert "Traceback" not in result.output


def test_a_failing_libreoffice_is_reported_not_raised(tmp_path, monkeypatch):
    def fail(*_args, **_kw):
        raise pdf_export.OfficeFailure(api.Text("quá 60 giây", "over 60 seconds"))

    monkeypatch.setattr(pdf_export, "soffice", lambda: "/bin/false")
    monkeypatch.setattr(pdf_export, "run_conversion", fail)
    out = tmp_path / "plan.pdf"
    result = run(DUC_PHO, "--to", "pdf", "-o", out)
    assert result.exit_code == 1 and "over 60 seconds" in result.stderr and "quá 60 giây" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("to", ["docx", "pdf"])
def test_an_invalid_record_is_refused_with_every_error(tmp_path, to):
    path, record = _invalid_record(tmp_path)
    errors = api.errors_of(record)
    assert len(errors) == 2  # the test's premise: what plan-validate finds
    out = tmp_path / f"plan.{to}"
    result = run(path, "--to", to, "-o", out)
    assert result.exit_code == 1
    for finding in errors:
        assert f"{path}:{finding.pointer}: [{finding.code}] {finding.vi} / {finding.en}" in result.stderr
    assert "nothing written: the record is not valid (2 error(s)" in result.stderr
    assert "không ghi gì: bản ghi không hợp lệ (2 lỗi" in result.stderr
    assert not out.exists()


def test_the_errors_are_those_plan_validate_reports(tmp_path):
    from khth.cli.validate import main as validate

    path, _ = _invalid_record(tmp_path)
    checked = CliRunner().invoke(validate, [str(path), "--format", "json"])
    assert checked.exit_code == 1
    found = json.loads(checked.stdout)
    codes = {(f["code"], f.get("pointer")) for r in found["files"] for f in r["findings"] if f["severity"] == "error"}
    refused = run(path, "--to", "docx", "-o", tmp_path / "x.docx").stderr
    assert codes and all(f"{path}:{pointer}: [{code}]" in refused for code, pointer in codes)


@pytest.mark.parametrize("to", ["docx", "pdf"])
def test_a_binary_output_needs_a_file(to):
    result = run(DUC_PHO, "--to", to)
    assert result.exit_code == 2 and f"--to {to} needs -o FILE" in result.stderr
