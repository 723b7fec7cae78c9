"""Word input: fixtures built here with python-docx (no binary fixtures are committed): the
two-column header table, bold headings, automatic numbering, paragraphs as source maps."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

docx = pytest.importorskip("docx")

from khth.cli.convert import main
from khth.converters.sources import read_source  # noqa: E402


def _plan(numbered: bool = False) -> bytes:
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph("HUYỆN ĐỊNH HÓA").runs[0].bold = True
    left.add_paragraph("Số: 99/KH-UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Định Hóa, ngày 05 tháng 4 năm 2024")
    d.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    d.add_paragraph("Triển khai thực hiện Kế hoạch số 145-KH/HU ngày 27/3/2024 của Ban Thường vụ Huyện ủy")
    d.add_paragraph("Thực hiện Kế hoạch số 145-KH/HU ngày 27/3/2024 của Ban Thường vụ Huyện ủy Định Hóa, "
                    "Ủy ban nhân dân huyện ban hành Kế hoạch thực hiện như sau:")
    if numbered:
        d.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="List Number")
    else:
        d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU").runs[0].bold = True
    d.add_paragraph("1. Mục đích").runs[0].bold = True
    d.add_paragraph("- Nâng cao nhận thức về công tác chăm sóc, giáo dục và bảo vệ trẻ em.")
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN").runs[0].bold = True
    d.add_paragraph("1. Phòng Văn hóa và Thông tin chủ trì, phối hợp tuyên truyền Kế hoạch này; định kỳ hằng năm "
                    "báo cáo Ủy ban nhân dân huyện trước ngày 15/12.")
    d.add_paragraph("2. Công an huyện thực hiện tốt công tác phòng, chống xâm hại trẻ em.")
    sig = d.add_table(rows=1, cols=2)
    l2, r2 = sig.rows[0].cells
    l2.paragraphs[0].add_run("Nơi nhận:").bold = True
    l2.add_paragraph("- Thường trực Huyện ủy (báo cáo);")
    l2.add_paragraph("- Lưu: VT, VHTT.")
    r2.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    r2.add_paragraph("KT. CHỦ TỊCH")
    r2.add_paragraph("PHÓ CHỦ TỊCH")
    r2.add_paragraph("")
    r2.add_paragraph("Nguyễn Văn An")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_plan_is_read_with_header_table_and_paragraph_source_maps():
    root, doc = read_source(_plan(), "plan.docx")
    assert root == "document"
    assert doc["number"]["printed"] == "99/KH-UBND" and doc["issueDate"] == "2024-04-05"
    assert doc["place"] == "Định Hóa" and doc["issuer"]["name"] == "ỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA"
    assert doc["issuer"]["actingBody"] == "Ủy ban nhân dân huyện"
    assert doc["title"].startswith("Triển khai thực hiện Kế hoạch số 145-KH/HU")
    assert doc["parent"]["number"]["printed"] == "145-KH/HU"
    assert doc["provenance"]["sourceFormat"] == "docx"
    assert all(set(b["source"]) == {"paragraph"} for b in doc["body"])
    sections = [b for b in doc["body"] if b.get("label")]
    assert [(b["label"], b["role"]) for b in sections] == [("I.", "purposesAndRequirements"), ("II.", "organisation")]
    org = sections[1]["children"]
    assert org[0]["agencies"] == ["Phòng Văn hóa và Thông tin"]
    assert org[0]["reporting"]["frequencies"] == ["annual"] and org[0]["reporting"]["deadline"] == "--12-15"
    assert doc["signature"] == {"authority": [{"marker": "TM.", "of": "ỦY BAN NHÂN DÂN"},
                                              {"marker": "KT.", "of": "CHỦ TỊCH"}],
                                "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"}
    assert [r.get("purpose") for r in doc["recipients"]] == ["report", "archive"]
    assert doc["profile"] == "published"


def test_docx_automatic_numbering_gives_the_printed_label():
    _, doc = read_source(_plan(numbered=True), "numbered.docx")
    first = next(b for b in doc["body"] if b.get("label"))
    assert first["label"] == "1." and first["heading"] == "MỤC ĐÍCH, YÊU CẦU"


def test_docx_through_the_cli_to_xml_and_text(tmp_path):
    src = tmp_path / "plan.docx"
    src.write_bytes(_plan())
    out = tmp_path / "plan.xml"
    result = CliRunner().invoke(main, [str(src), "--to", "xml", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert b"<paragraph>" in out.read_bytes()
    result = CliRunner().invoke(main, [str(src), "--to", "text"], catch_exceptions=False)
    assert result.exit_code == 0 and "Nơi nhận:" in result.output and "Số: 99/KH-UBND" in result.output


def _numbered_docx(mutate) -> bytes:
    """A Word document of two "List Number" paragraphs, its numbering.xml passed through ``mutate``."""
    import io
    import zipfile

    import docx as python_docx

    document = python_docx.Document()
    for text in ("Mục tiêu", "Nhiệm vụ"):
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/numbering.xml":
                data = mutate(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("mutate", [
    lambda x: x.replace('w:ilvl="0"', 'w:ilvl="x"', 1),
    lambda x: x.replace('<w:start w:val="1"/>', '<w:start w:val="one"/>'),
    lambda x: x.replace('w:ilvl="0"', "", 1),
], ids=["level-not-a-number", "start-not-a-number", "level-without-index"])
def test_damaged_numbering_levels_number_nothing_and_the_text_is_read(mutate):
    from khth.converters.docx_input import docx_lines

    texts = [line.text for line in docx_lines(_numbered_docx(mutate))]
    assert [t.split(" ", 1)[-1] for t in texts] == ["Mục tiêu", "Nhiệm vụ"]
