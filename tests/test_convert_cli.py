"""plan-convert on the documents offices have: text and Markdown in, JSON, XML and text out."""

from __future__ import annotations

import json

from click.testing import CliRunner

from khth.cli.convert import main

from conftest import EXAMPLES, SOURCES


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_seed_to_json_is_a_valid_record(tmp_path, validator):
    out = tmp_path / "plan.json"
    result = run(SOURCES / "000_a86e3adf03591467.txt", "--to", "json", "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["id"] == "khth:KH:192-KH/TU:2024-04-23:Ban_Thường_vụ_Thị_ủy"
    errors = [f for f in validator.check_data(data) if f.severity == "error"]
    assert errors == []


def test_bundle_seed_to_xml(tmp_path):
    out = tmp_path / "bundle.xml"
    result = run(SOURCES / "001_11dcdf82ff36e281.txt", "--to", "xml", "-o", out)
    assert result.exit_code == 0, result.output
    xml = out.read_text(encoding="utf-8")
    assert xml.count("<document>") == 2 and "<sourceFormat>markdown</sourceFormat>" in xml


def test_record_to_text_in_the_official_layout():
    result = run(EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json", "--to", "text")
    assert result.exit_code == 0
    text = result.output
    lines = text.splitlines()
    # The Party plan's header: its two columns side by side, the issuer's left of the Party's name.
    top = next(ln for ln in lines if "ĐẢNG CỘNG SẢN VIỆT NAM" in ln)
    assert top.index("ĐẢNG BỘ TỈNH THÁI NGUYÊN") < top.index("ĐẢNG CỘNG SẢN VIỆT NAM")
    number = next(ln for ln in lines if "Số 145-KH/HU" in ln)
    assert number.index("Số 145-KH/HU") < number.index("Định Hóa, ngày 27 tháng 3 năm 2024")
    # The công văn's date has a blank day, whose spaces a reader would take for the gap between
    # columns: its header stands one line after another, the issuer first.
    assert "ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ CHU  " in lines and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  " in lines
    assert text.index("ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ CHU") < text.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_a_record_whose_header_was_lost_gets_no_motto_and_its_inferred_issuer_marked():
    """The Bình Định plan lost its first page: the source never printed the motto or the issuer's name,
    which the record infers from the text."""
    result = run(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json", "--to", "text")
    assert result.exit_code == 0
    text = result.output
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "Độc lập - Tự do" not in text
    assert text.startswith("[suy ra] ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH  \n")
    assert text.count("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH") == 1
    assert text.index("I. MỤC ĐÍCH, YÊU CẦU") < text.index("Nơi nhận:") < text.index("TM. ỦY BAN NHÂN DÂN")
    assert text.rstrip().endswith("Lâm Hải Giang")


def test_text_from_stdin():
    data = (SOURCES / "004_3e4cd0130b4e7b30.txt").read_bytes()
    result = CliRunner().invoke(main, ["-", "--to", "json"], input=data, catch_exceptions=False)
    assert result.exit_code == 0
    record = json.loads(result.stdout)  # the facts not read are named on standard error
    assert record["profile"] == "lenient" and "sourceFile" not in record["provenance"]


def test_usage_error_exits_2():
    assert run(SOURCES / "000_a86e3adf03591467.txt", "--to", "pdf").exit_code == 2
