"""Offices keep their lists in Excel: plan-report reads an .xlsx list and writes each view as a workbook."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES
from khth.cli.report import main

ROOT = "28-CT/TW@2023-12-25"


def test_a_list_kept_in_excel_is_read_codes_keeping_their_zeros(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị", "Loại đơn vị", "Mã đơn vị (không bắt buộc)"])
    sheet.append(["Tỉnh ủy Quảng Ngãi", "tỉnh", 51])
    sheet.append(["Thành ủy Hà Nội", "tỉnh", 1])  # Excel keeps "01" as the number 1
    sheet.append([None, None, None])  # a blank row is no unit
    sheet.append(["Thị ủy Đức Phổ", "thị xã", None])
    listed = tmp_path / "danh-sach.xlsx"
    book.save(listed)
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(listed),
                                       "--format", "json", "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: (r["code"], r["status"], (r["plan"] or {}).get("number")) for r in
            json.loads(result.output)["responders"]}
    assert rows == {"Tỉnh ủy Quảng Ngãi": ("51", "answered", "260-KH/TU"),
                    "Thành ủy Hà Nội": ("01", "not-yet", None),
                    "Thị ủy Đức Phổ": (None, "answered", "192-KH/TU")}


def test_the_workbook_template_has_the_titles_a_list_is_read_with(tmp_path):
    out = tmp_path / "don-vi.xlsx"
    assert CliRunner().invoke(main, ["template", "-o", str(out)]).exit_code == 0
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == ["Tên đơn vị", "Loại đơn vị", "Mã đơn vị (không bắt buộc)"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 1


def test_each_view_is_a_workbook_with_a_frozen_header_and_filters(tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(EXAMPLES), "--format", "xlsx", "-o",
                                       str(out), "--today", "2026-01-01"])
    assert result.exit_code == 0 and result.output == ""
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["Đơn vị", "Tổng hợp"]
    units, counts = book["Đơn vị"], book["Tổng hợp"]
    assert units.freeze_panes == "A2" and units.auto_filter.ref == f"A1:J{units.max_row}"
    assert [c.value for c in counts[2]] == ["tỉnh", 63, 3, 0, 60, 0]
    quang_ngai = next(r for r in units.iter_rows(values_only=True) if r[1] == "Tỉnh Quảng Ngãi")
    assert quang_ngai[2:7] == ("51", "đã ban hành", "260-KH/TU", "2024-03-04", 70)
    english = tmp_path / "report.xlsx"
    CliRunner().invoke(main, ["tree", "--root", ROOT, str(EXAMPLES), "--format", "xlsx", "-o", str(english),
                              "--lang", "en"])
    tree = load_workbook(english)["Tree"]
    assert [c.value for c in tree[1]][:3] == ["Document", "Date", "Lag (days)"]


def test_a_workbook_needs_a_file_to_go_to():
    result = CliRunner().invoke(main, ["deadlines", str(EXAMPLES), "--format", "xlsx"])
    assert result.exit_code == 2 and "needs -o FILE.xlsx" in result.output


def test_a_damaged_workbook_is_refused_with_a_message(tmp_path):
    listed = tmp_path / "hong.xlsx"
    listed.write_bytes(b"PK\x03\x04 not really a workbook")
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(listed),
                                       "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.startswith(f"plan-report: {listed}: cannot read the list of units: ")


def test_a_csv_saved_with_semicolons_and_a_byte_order_mark_is_read(tmp_path):
    listed = tmp_path / "don-vi.csv"
    listed.write_bytes("\ufeffTên đơn vị;Loại đơn vị;Mã đơn vị\r\nTỉnh ủy Quảng Ngãi;tỉnh;\r\n"
                       "Tỉnh ủy Thái Nguyên;tỉnh;\r\nTỉnh ủy Bình Định;tỉnh;52\r\n".encode("utf-8"))
    result = CliRunner().invoke(main, ["coverage", "--root", ROOT, str(EXAMPLES), "--responders", str(listed),
                                       "--format", "json", "--today", "2026-01-01"])
    rows = [(r["name"], r["status"], (r["plan"] or {}).get("number")) for r in
            json.loads(result.output)["responders"]]
    # 260-KH/TU is known only as cited, "Ban Thường vụ Tỉnh ủy": no place, and the list gives no code, so
    # nothing says it is Quảng Ngãi's; 156-KH/TU names Thái Nguyên; 91-KH/TU takes code 52 from the plan
    # under it
    assert rows == [("Tỉnh ủy Quảng Ngãi", "not-yet", None), ("Tỉnh ủy Thái Nguyên", "answered", "156-KH/TU"),
                    ("Tỉnh ủy Bình Định", "answered", "91-KH/TU")]
