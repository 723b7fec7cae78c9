"""A drafting template (`plan-convert --template …`) is a blank Word document in the official layout
whose facts are placeholders; filled in with python-docx as a clerk fills it in Word, it reads back as
exactly the record those facts make (the record the renderer prints the same way); a placeholder left
unfilled is not read as a fact."""

from __future__ import annotations

import io
from collections import defaultdict

import docx
import pytest
from click.testing import CliRunner

from khth.cli.convert import main
from khth.converters.marks import PLACEHOLDERS
from khth.converters.sources import read_source
from khth.converters.word import render_docx
from khth.converters.word.template import TEMPLATES, template_docx

from conftest import facts


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def fill(data: bytes, values: dict[str, list[str]]) -> bytes:
    """The template with each placeholder replaced, in reading order, by the next of its values; a
    placeholder without values is left as it is."""
    document = docx.Document(io.BytesIO(data))
    used: dict[str, int] = defaultdict(int)
    for paragraph in _paragraphs(document):
        for run in paragraph.runs:
            for placeholder, given in values.items():
                while placeholder in run.text and used[placeholder] < len(given):
                    run.text = run.text.replace(placeholder, given[used[placeholder]], 1)
                    used[placeholder] += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


STATE_VALUES = {
    "[CƠ QUAN CHỦ QUẢN]": ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"], "[TÊN CƠ QUAN BAN HÀNH]": ["SỞ Y TẾ"],
    "[Số]": ["57"], "[Ký hiệu]": ["SYT"], "[Địa danh]": ["Lâm Đồng"], "[ngày]": ["09"], "[tháng]": ["5"],
    "[năm]": ["2024"],
    "[Trích yếu]": ["thực hiện Kế hoạch số 12/KH-UBND ngày 02/4/2024 của Ủy ban nhân dân tỉnh về phòng, chống "
                    "dịch bệnh"],
    "[Căn cứ, mục đích ban hành]": ["Thực hiện Kế hoạch số 12/KH-UBND ngày 02/4/2024 của Ủy ban nhân dân tỉnh về "
                                    "phòng, chống dịch bệnh, Sở Y tế ban hành Kế hoạch thực hiện như sau:"],
    "[TÊN PHẦN]": ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"],
    "[Nội dung]": ["Nâng cao nhận thức của người dân về phòng, chống dịch bệnh.",
                   "Bảo đảm thuốc, vật tư y tế cho các cơ sở khám bệnh, chữa bệnh.",
                   "Các phòng, đơn vị thuộc Sở tổ chức thực hiện Kế hoạch này."],
    "[Nơi nhận]": ["UBND tỉnh (báo cáo)", "VT, NVY"], "[THẨM QUYỀN KÝ]": ["KT. GIÁM ĐỐC"],
    "[CHỨC VỤ]": ["PHÓ GIÁM ĐỐC"], "[Họ và tên]": ["Nguyễn Thị Hoa"],
}
STATE_MEANT = {
    "khthVersion": "1.0", "id": "", "profile": "lenient", "documentType": "KH",
    "number": {"printed": "57/KH-SYT", "system": "state"}, "issueDate": "2024-05-09", "place": "Lâm Đồng",
    "issuer": {"name": "SỞ Y TẾ", "superiorBody": "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "system": "state"},
    "title": STATE_VALUES["[Trích yếu]"][0],
    "body": [{"text": STATE_VALUES["[Căn cứ, mục đích ban hành]"][0]},
             {"label": "I.", "heading": "MỤC ĐÍCH, YÊU CẦU", "children": [
                 {"label": "1.", "text": STATE_VALUES["[Nội dung]"][0]},
                 {"label": "2.", "text": STATE_VALUES["[Nội dung]"][1]}]},
             {"label": "II.", "heading": "TỔ CHỨC THỰC HIỆN", "children": [
                 {"label": "1.", "text": STATE_VALUES["[Nội dung]"][2]}]}],
    "signature": {"authority": [{"marker": "KT.", "of": "GIÁM ĐỐC"}], "position": "PHÓ GIÁM ĐỐC",
                  "name": "Nguyễn Thị Hoa"},
    "recipients": [{"label": "-", "text": "UBND tỉnh (báo cáo);"}, {"label": "-", "text": "Lưu: VT, NVY."}],
}
PARTY_VALUES = dict(STATE_VALUES, **{
    "[ĐẢNG BỘ CẤP TRÊN]": ["ĐẢNG BỘ TỈNH NGHỆ AN"], "[TÊN CƠ QUAN BAN HÀNH]": ["HUYỆN ỦY YÊN THÀNH"],
    "[Số]": ["88"], "[Ký hiệu]": ["HU"], "[Địa danh]": ["Yên Thành"],
    "[Trích yếu]": ["thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về công tác trẻ em"],
    "[Căn cứ, mục đích ban hành]": ["Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về công tác "
                                    "trẻ em, Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:"],
    "[Nơi nhận]": ["Ban Thường vụ Tỉnh ủy (báo cáo)", "Văn phòng Huyện ủy"], "[THẨM QUYỀN KÝ]": ["T/M BAN THƯỜNG VỤ"],
    "[CHỨC VỤ]": ["BÍ THƯ"], "[Họ và tên]": ["Trần Văn Minh"],
})
PARTY_MEANT = dict(
    STATE_MEANT, number={"printed": "88-KH/HU", "system": "party"}, place="Yên Thành",
    issuer={"name": "HUYỆN ỦY YÊN THÀNH", "superiorBody": "ĐẢNG BỘ TỈNH NGHỆ AN", "system": "party"},
    title=PARTY_VALUES["[Trích yếu]"][0],
    body=[{"text": PARTY_VALUES["[Căn cứ, mục đích ban hành]"][0]}] + STATE_MEANT["body"][1:],
    signature={"authority": [{"marker": "T/M", "of": "BAN THƯỜNG VỤ"}], "position": "BÍ THƯ", "name": "Trần Văn Minh"},
    recipients=[{"label": "-", "text": "Ban Thường vụ Tỉnh ủy (báo cáo);"},
                {"label": "-", "text": "Lưu: Văn phòng Huyện ủy."}])
LETTER_VALUES = dict(STATE_VALUES, **{
    "[Ký hiệu]": ["SYT-NVY"], "[Trích yếu]": ["triển khai Kế hoạch số 12/KH-UBND ngày 02/4/2024 của Ủy ban nhân "
                                               "dân tỉnh"],
    "[Kính gửi]": ["Các bệnh viện tuyến tỉnh", "Trung tâm Y tế các huyện"],
    "[Căn cứ, mục đích ban hành]": ["Thực hiện Kế hoạch số 12/KH-UBND ngày 02/4/2024 của Ủy ban nhân dân tỉnh, Sở "
                                    "Y tế đề nghị các đơn vị thực hiện một số nội dung sau:"],
})
LETTER_MEANT = dict(
    STATE_MEANT, documentType="CV", number={"printed": "57/SYT-NVY", "system": "state"},
    title=LETTER_VALUES["[Trích yếu]"][0],
    addressees=[{"label": "-", "text": "Các bệnh viện tuyến tỉnh;"}, {"label": "-", "text": "Trung tâm Y tế các huyện."}],
    body=[{"text": LETTER_VALUES["[Căn cứ, mục đích ban hành]"][0]},
          {"label": "1.", "text": STATE_VALUES["[Nội dung]"][0]}, {"label": "2.", "text": STATE_VALUES["[Nội dung]"][1]}])
CASES = {"state-plan": (STATE_VALUES, STATE_MEANT), "party-plan": (PARTY_VALUES, PARTY_MEANT),
         "cong-van": (LETTER_VALUES, LETTER_MEANT)}


def _read(data: bytes) -> dict:
    return read_source(data, "draft.docx")[1]


@pytest.mark.parametrize("kind", TEMPLATES)
def test_every_placeholder_is_one_the_reader_knows(kind):
    document = docx.Document(io.BytesIO(template_docx(kind)))
    import re

    found = {m for p in _paragraphs(document) for m in re.findall(r"\[[^\]]+\]", p.text)}
    assert found and found <= set(PLACEHOLDERS)
    assert "[Số]" in found and ("[Trích yếu]" in found)


@pytest.mark.parametrize("kind", TEMPLATES)
def test_a_filled_template_reads_back_as_the_record_meant(kind):
    values, meant = CASES[kind]
    got = _read(fill(template_docx(kind), values))
    assert facts(got) == facts(_read(render_docx(meant)))
    for key in ("documentType", "number", "issueDate", "place", "title"):
        expected = meant[key]
        value = got[key]["printed"] if key == "number" else got[key]
        assert value == (expected["printed"] if key == "number" else expected), key
    assert got["issuer"]["name"] == meant["issuer"]["name"]
    assert got["issuer"]["superiorBody"] == meant["issuer"]["superiorBody"]
    assert {k: got["signature"][k] for k in ("authority", "position", "name")} == meant["signature"]
    assert [r["text"] for r in got["recipients"]] == [r["text"] for r in meant["recipients"]]


def test_unfilled_placeholders_are_not_read_as_facts():
    """The serial, the superior body and the date left as placeholders: not found, nothing read from them."""
    values = {k: v for k, v in STATE_VALUES.items() if k not in ("[Số]", "[CƠ QUAN CHỦ QUẢN]", "[ngày]")}
    got = _read(fill(template_docx("state-plan"), values))
    assert "number" not in got and "issueDate" not in got and "superiorBody" not in got["issuer"]
    assert got["issuer"]["name"] == "SỞ Y TẾ" and got["title"] == STATE_VALUES["[Trích yếu]"][0]
    missing = {m["field"]: m["reason"] for m in got["provenance"]["missing"]}
    assert missing["/number"] == missing["/issueDate"] == "notFound"
    assert not any(p in text for text in _strings(facts(got)) for p in PLACEHOLDERS)


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("kind", TEMPLATES)
def test_the_template_command_writes_the_template(kind, tmp_path):
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(main, ["--template", kind, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    text = "\n".join(p.text for p in _paragraphs(docx.Document(str(out))))
    assert "[Trích yếu]" in text and "[Họ và tên]" in text
    assert ("ĐẢNG CỘNG SẢN VIỆT NAM" in text) == (kind == "party-plan")


def test_the_template_command_needs_an_output_file_and_no_input(tmp_path):
    runner = CliRunner()
    no_out = runner.invoke(main, ["--template", "state-plan"])
    assert no_out.exit_code == 2 and "--template needs -o FILE" in no_out.output
    assert "--template cần -o TỆP" in no_out.output
    record = tmp_path / "r.json"
    record.write_text("{}", encoding="utf-8")
    both = runner.invoke(main, [str(record), "--template", "state-plan", "-o", str(tmp_path / "x.docx")])
    assert both.exit_code == 2 and "--template takes no INPUT" in both.output
    assert not (tmp_path / "x.docx").exists()


def test_a_serial_deleted_from_the_template_reads_as_blank():
    """A draft goes for registration with its serial blank: "Số: /KH-SYT" is read as a number whose serial
    the document leaves blank, not as a fact not found."""
    values = dict(STATE_VALUES, **{"[Số]": [""]})
    got = _read(fill(template_docx("state-plan"), values))
    assert got["number"]["printed"] == "/KH-SYT" and "serial" not in got["number"]
    missing = {m["field"]: m["reason"] for m in got["provenance"]["missing"]}
    assert missing["/number/serial"] == "blank"


def test_templates_and_filled_drafts_open_in_libreoffice(tmp_path):
    """LibreOffice converts every template, and a filled one, to PDF: the files need no repair."""
    import shutil

    from khth.converters.pdf_export import docx_to_pdf

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    drafts = [template_docx(k) for k in TEMPLATES] + [fill(template_docx("party-plan"), PARTY_VALUES)]
    for data in drafts:
        assert docx_to_pdf(data).startswith(b"%PDF-")
