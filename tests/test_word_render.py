"""A record rendered as a Word document in the official layout: every example renders; read back
with python-docx the header is a borderless two-column table (issuer left, national or Party name
right), page and fonts are those of Nghị định 30/2020/NĐ-CP, labels are printed text, facts
marked blank stay blank; and, when LibreOffice is installed, the PDF it exports puts the issuer
and the national name on the first line band in two columns and the signer's name to the right
of "Nơi nhận" (read with pdftotext -bbox). The first page of each example is saved as PNG under
tests/artifacts/ for a person to look at."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from khth.converters.sources import read_source
from khth.converters.word import render_docx

from conftest import EXAMPLES, load

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
ARTIFACTS = Path(__file__).parent / "artifacts" / "word"
STATE_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


def _docs(record: dict) -> list[dict]:
    return record.get("documents", [record])


def _national_name(doc: dict) -> str:
    return PARTY_NAME if doc["issuer"]["system"] == "party" else STATE_NAME


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {p.stem: render_docx(load(p)) for p in EXAMPLE_FILES}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_every_example_renders_as_a_word_document(path, rendered):
    data = rendered[path.stem]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "word/document.xml" in z.namelist()
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs or document.tables


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_the_header_is_a_borderless_two_column_table_issuer_left_name_right(path, rendered):
    document = docx.Document(io.BytesIO(rendered[path.stem]))
    headers = [t for t in document.tables if len(t.columns) == 2 and
               any(n in t.cell(0, 1).text for n in (STATE_NAME, PARTY_NAME))]
    record = load(path)
    assert len(headers) == len(_docs(record))
    for table, doc in zip(headers, _docs(record)):
        left, right = table.cell(0, 0), table.cell(0, 1)
        assert doc["issuer"]["name"] in [p.text for p in left.paragraphs]
        issuer_runs = [r for p in left.paragraphs if p.text == doc["issuer"]["name"] for r in p.runs]
        assert issuer_runs and all(r.bold for r in issuer_runs)
        assert right.paragraphs[0].text == _national_name(doc)
        assert all(r.bold for r in right.paragraphs[0].runs)
        borders = table._tbl.tblPr.find(docx.oxml.ns.qn("w:tblBorders"))
        assert borders is not None and {b.get(docx.oxml.ns.qn("w:val")) for b in borders} == {"nil"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_page_margins_and_font_are_those_of_the_decree(path, rendered):
    document = docx.Document(io.BytesIO(rendered[path.stem]))
    for section in document.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297  # A4
        mm = {k: round(getattr(section, f"{k}_margin").mm, 1) for k in ("top", "bottom", "left", "right")}
        assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25, mm
        assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20, mm
    body = [p for p in document.paragraphs if p.text.strip()]
    assert {r.font.name for p in body for r in p.runs} == {"Times New Roman"}
    assert all(12 <= r.font.size.pt <= 14 for p in body for r in p.runs)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_labels_are_printed_text_never_word_numbering(path, rendered):
    with zipfile.ZipFile(io.BytesIO(rendered[path.stem])) as z:
        assert b"<w:numPr>" not in z.read("word/document.xml")
    record = load(path)
    texts = {p.text for p in docx.Document(io.BytesIO(rendered[path.stem])).paragraphs}
    for doc in _docs(record):
        for block in doc.get("body", []):
            if block.get("label") and block.get("heading"):
                printed = block.get("printedLabel") or block["label"]
                assert any(t.startswith(f"{printed} {block['heading']}") for t in texts), block["label"]


def test_a_blank_serial_and_a_blank_day_stay_blank():
    record = load(EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json")
    document = docx.Document(io.BytesIO(render_docx(record)))
    header = document.tables[0]
    assert header.cell(1, 0).paragraphs[0].text == "Số: /UBND - VHXX"
    assert re.fullmatch(r"Chợ Chu, ngày\s+tháng 4 năm 2024", header.cell(1, 1).paragraphs[0].text)
    assert header.cell(1, 0).paragraphs[1].text.startswith("V/v tuyên truyền")


def test_nothing_the_record_lacks_is_printed():
    """The Buôn Ma Thuột plan lost its number, date and place: no "Số", no date line; and a
    record without an issuer has no header, so no national name either."""
    record = load(EXAMPLES / "ke-hoach-ubnd-tp-buon-ma-thuot.json")
    document = docx.Document(io.BytesIO(render_docx(record)))
    header = document.tables[0]
    assert not any(p.text.startswith("Số") for p in header.cell(1, 0).paragraphs)
    assert not any("ngày" in p.text for p in header.cell(1, 1).paragraphs)
    bare = {k: v for k, v in record.items() if k not in ("issuer", "number", "issueDate", "place")}
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(bare))).paragraphs)
    assert STATE_NAME not in text and record["issuer"]["name"] not in text


def test_a_bundle_puts_each_document_on_a_new_page_the_dispatch_first():
    record = load(EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json")
    document = docx.Document(io.BytesIO(render_docx(record)))
    assert len(document.sections) == 2
    from docx.enum.section import WD_SECTION
    assert document.sections[1].start_type == WD_SECTION.NEW_PAGE
    issuers = [t.cell(0, 0).text for t in document.tables if len(t.columns) == 2][::2]
    assert [d["issuer"]["name"] in i for d, i in zip(_docs(record), issuers)] == [True, True]


@pytest.mark.parametrize("path", [p for p in EXAMPLE_FILES if "buon-ma-thuot" in p.name or "binh-dinh" in p.name],
                         ids=lambda p: p.stem)
def test_a_state_example_reads_back_from_its_word_rendering(path, rendered):
    """The .docx route of the reader: the header, body and signing block come back as the record
    holds them (the Party examples' lone "*" is measured in benchmarks/roundtrip)."""
    from record_compare import FAMILIES, compare

    record = load(path)
    _, got = read_source(rendered[path.stem], f"{path.stem}.docx")
    scores = compare(got, record)
    assert all(scores[f].score == 1.0 for f in FAMILIES), {f: scores[f].score for f in FAMILIES}


# --- LibreOffice: the layout as printed ---------------------------------------------------------

def _words(bbox_html: str) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of each page as (xMin, yMin, xMax, yMax, text), from pdftotext -bbox."""
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", bbox_html, re.S):
        pages.append([(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def _find(words, phrase: str) -> tuple[float, float, float, float] | None:
    """The box of the first run of consecutive words spelling ``phrase``."""
    tokens = phrase.split()
    for i in range(len(words) - len(tokens) + 1):
        if [w[4] for w in words[i:i + len(tokens)]] == tokens:
            run = words[i:i + len(tokens)]
            return min(w[0] for w in run), min(w[1] for w in run), max(w[2] for w in run), max(w[3] for w in run)
    return None


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, rendered) -> dict[str, Path]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    work = tmp_path_factory.mktemp("word-pdf")
    files = []
    for stem, data in rendered.items():
        (work / f"{stem}.docx").write_bytes(data)
        files.append(str(work / f"{stem}.docx"))
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), *files],
                   capture_output=True, timeout=600, check=False)
    out = {stem: work / f"{stem}.pdf" for stem in rendered}
    missing = [s for s, p in out.items() if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for stem, pdf in out.items():
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(ARTIFACTS / stem)], capture_output=True, timeout=120, check=False)
    return out


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_in_the_pdf_issuer_and_national_name_share_the_first_band_in_two_columns(path, pdfs):
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdfs[path.stem]), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    pages = _words(bbox)
    doc = _docs(load(path))[0]
    first = pages[0]
    issuer = doc["issuer"].get("superiorBody") or doc["issuer"]["name"]
    left = _find(first, issuer.split()[0] + " " + issuer.split()[1])
    right = _find(first, _national_name(doc))
    if right is None:  # the national name wraps in its column: its first two words
        right = _find(first, " ".join(_national_name(doc).split()[:2]))
    assert left is not None and right is not None
    assert abs(left[1] - right[1]) < 3, (left, right)  # the same first line band
    assert left[2] < right[0], (left, right)  # issuer's column left of the national name's
    assert right[1] < min(w[1] for w in first) + 20  # the very top of the page


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_in_the_pdf_the_signer_stands_right_of_noi_nhan(path, pdfs):
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdfs[path.stem]), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    pages = _words(bbox)
    doc = _docs(load(path))[0]
    name = doc["signature"]["name"]
    for words in pages:
        noi, signer = _find(words, "Nơi nhận:"), _find(words, name)
        if noi and signer:
            assert signer[0] > noi[2] + 50, (noi, signer)
            assert signer[1] > noi[1]  # below the top of Nơi nhận, beside its list
            return
    pytest.fail(f"no page holds both Nơi nhận and {name!r}")


def test_a_task_table_is_a_word_table_with_a_narrow_number_column_read_back_as_rows():
    record = load(EXAMPLES / "ke-hoach-ubnd-tp-buon-ma-thuot.json")
    rows = [["1", "Tuyên truyền, phổ biến pháp luật về trẻ em", "Phòng Tư pháp", "Thường xuyên"],
            ["2", "Kiểm tra, giám sát việc thực hiện", "Phòng Lao động - Thương binh và Xã hội", "Hằng năm"]]
    header = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    table = {"role": "tasks", "heading": " | ".join(header), "children": [
        {"label": n, "role": "task", "text": task, "children": [
            {"role": "leadAgencies", "heading": header[2], "text": lead, "agencies": [lead]},
            {"role": "timeframe", "heading": header[3], "text": when,
             "timeframe": {"kind": "ongoing", "printed": when} if when == "Thường xuyên" else
             {"kind": "recurring", "frequency": "annual", "printed": when}}]} for n, task, lead, when in rows]}
    record = dict(record, body=record["body"][:-1] + [table] + record["body"][-1:])
    data = render_docx(record)
    document = docx.Document(io.BytesIO(data))
    grid = [t for t in document.tables if len(t.columns) == 4][0]
    assert [c.text for c in grid.rows[0].cells] == header
    assert all(r.bold for c in grid.rows[0].cells for p in c.paragraphs for r in p.runs)
    assert round(grid.columns[0].width.mm) == 12 and grid.columns[1].width > grid.columns[2].width
    assert [[c.text for c in r.cells] for r in grid.rows[1:]] == rows
    _, got = read_source(data, "table.docx")

    def walk(blocks):
        for b in blocks:
            yield b
            yield from walk(b.get("children", []))

    read = [b for b in walk(got["body"]) if b.get("heading") == table["heading"]]
    assert read and [r["label"] for r in read[0]["children"]] == ["1", "2"]


def test_an_inferred_fact_carries_a_word_comment_saying_the_source_never_printed_it():
    """The Bình Định plan's issuer is inferred from its text: the header prints it in its place, with a
    comment; the Đức Phổ plan, whose header was printed, has none."""
    record = load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")
    document = docx.Document(io.BytesIO(render_docx(record)))
    comments = list(document.comments)
    assert len(comments) == 1 and "inferred, not printed in the source" in comments[0].text
    assert "Suy ra, không in trong văn bản nguồn" in comments[0].text
    with zipfile.ZipFile(io.BytesIO(render_docx(record))) as z:
        body = z.read("word/document.xml").decode("utf-8")
    start = body.index("commentRangeStart")
    assert record["issuer"]["name"] in body[start:body.index("commentRangeEnd")]
    assert not list(docx.Document(io.BytesIO(render_docx(load(EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json")))).comments)
