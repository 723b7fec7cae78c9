"""PDF with a text layer, read with its geometry: columns, wrapped lines, table cells, running
heads; and the PDFs it refuses (encrypted, damaged, without pages, without text, too long) with a
bilingual message, exit 1 and nothing written."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from khth import api
from khth.cli.convert import main as convert_main
from khth.converters import pdf_input
from khth.converters.pdf_input import pdf_lines, pdf_pages
from khth.input.errors import KhthInputError
from pdf_files import Placed, pdf, width

EXAMPLES = Path(__file__).parent.parent / "examples"
LEFT = 72.0
MEASURE = 60  # characters of Courier a line holds


def _texts(data: bytes) -> list[str]:
    return [line.text for line in pdf_lines(pdf_pages(data))]


def test_a_two_column_header_is_read_column_by_column():
    page = [Placed(90, 80, "UBND TINH BINH DINH"), Placed(330, 80, "CONG HOA XA HOI", True),
            Placed(110, 96, "SO TAI CHINH", True), Placed(340, 96, "Doc lap - Tu do", True),
            Placed(100, 114, "So: 12/KH-STC"), Placed(330, 114, "Binh Dinh, ngay 2 thang 3"),
            Placed(LEFT, 160, "Body text of the plan, one line of it.")]
    assert _texts(pdf([page])) == ["UBND TINH BINH DINH", "SO TAI CHINH", "So: 12/KH-STC", "CONG HOA XA HOI",
                                   "Doc lap - Tu do", "Binh Dinh, ngay 2 thang 3",
                                   "Body text of the plan, one line of it."]


def test_running_heads_and_page_numbers_are_dropped():
    pages = [[Placed(LEFT, 40, "Ke hoach 12/KH-STC"), Placed(LEFT + 24, 200, f"Paragraph on page {n}."),
              Placed(LEFT, 216, "Another line, at the margin and wider than the first."),
              Placed(290, 800, f"- {n} -")] for n in range(1, 4)]
    assert _texts(pdf(pages)) == [text for n in range(1, 4) for text in (
        f"Paragraph on page {n}.", "Another line, at the margin and wider than the first.")]


def _wrapped(paragraphs: list[list[str]]) -> list[Placed]:
    """The paragraphs set in Courier, wrapped greedily at :data:`MEASURE` characters, each opening
    with a first-line indent of four characters, a line every 16 points."""
    placed, y = [], 60.0
    for words in paragraphs:
        line, indent = "", 4
        for word in words:
            if line and indent + len(line) + 1 + len(word) > MEASURE:
                placed.append(Placed(LEFT + width(" " * indent), y, line, mono=True))
                y, line, indent = y + 16, "", 0
            line = f"{line} {word}" if line else word
        placed.append(Placed(LEFT + width(" " * indent), y, line, mono=True))
        y += 16
    return placed


words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, min_size=12, max_size=40), min_size=1, max_size=4))
def test_wrapped_lines_join_into_their_paragraphs(paragraphs):
    # With no line at the margin (every paragraph one indented line) a first-line indent cannot be
    # told from the margin: the page itself does not say where its paragraphs begin.
    assume(any(4 + len(" ".join(p)) > MEASURE for p in paragraphs))
    placed = _wrapped(paragraphs)
    assert _texts(pdf([placed])) == [" ".join(p) for p in paragraphs]


def test_a_table_row_keeps_the_words_wrapped_in_its_cells():
    page = [Placed(LEFT, 100, "TT"), Placed(120, 100, "Noi dung"), Placed(330, 100, "Co quan"),
            Placed(460, 100, "Thoi gian"),
            Placed(LEFT, 130, "1"), Placed(120, 130, "Trien khai cong tac"), Placed(330, 130, "So Noi vu"),
            Placed(460, 130, "Thuong"),
            Placed(120, 144, "tuyen truyen"), Placed(460, 144, "xuyen"),
            Placed(LEFT, 160, "2"), Placed(120, 160, "Kiem tra"), Placed(330, 160, "Cong an"),
            Placed(460, 160, "Hang nam")]
    assert _texts(pdf([page])) == ["TT\tNoi dung\tCo quan\tThoi gian",
                                   "1\tTrien khai cong tac tuyen truyen\tSo Noi vu\tThuong xuyen",
                                   "2\tKiem tra\tCong an\tHang nam"]


# --- PDFs refused ------------------------------------------------------------------------------

def _convert(tmp_path: Path, data: bytes, lang: str = "both"):
    src, out = tmp_path / "plan.pdf", tmp_path / "out.json"
    src.write_bytes(data)
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out), "--lang", lang])
    assert result.exit_code == 1 and not out.exists(), result.output
    assert "Traceback" not in result.output
    return result.output


ONE_PAGE = [[Placed(LEFT, 100, "Ke hoach so 12/KH-UBND")]]


@pytest.mark.parametrize(("data", "en", "vi"), [
    (pdf(ONE_PAGE, encrypt=True), "the file is password-protected (a PDF with an opening password)",
     "Tệp được bảo vệ bằng mật khẩu (tệp PDF có mật khẩu mở)"),
    (pdf([]), "cannot read the PDF file: damaged, cut short or without pages", "Không đọc được tệp PDF"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "cannot read the PDF file: damaged, cut short",
     "tệp hỏng, bị cắt cụt"),
    (pdf(ONE_PAGE)[:300], "cannot read the PDF file", "Không đọc được tệp PDF"),
    (pdf(ONE_PAGE, image_only=True), "the PDF (1 pages) has no text layer, likely a scan: it needs character "
     "recognition (OCR), for example the Debian packages tesseract-ocr and tesseract-ocr-vie",
     "cần nhận dạng ký tự (OCR), ví dụ cài gói Debian tesseract-ocr và tesseract-ocr-vie"),
], ids=["encrypted", "no-pages", "corrupt", "truncated", "no-text-layer"])
def test_a_bad_pdf_is_refused_in_each_language(tmp_path, monkeypatch, data, en, vi):
    monkeypatch.setattr("khth.converters.ocr.tesseract", lambda: None)  # a scan is refused, not read
    assert en in _convert(tmp_path, data, "en")
    assert vi in _convert(tmp_path, data, "vi")


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(tmp_path, monkeypatch):
    many = pdf([[Placed(LEFT, 100, "x")]] * (pdf_input.MAX_PAGES + 1))
    read = []
    monkeypatch.setattr(pdf_input, "_page_words", lambda *a: read.append(a))
    start = time.monotonic()
    output = _convert(tmp_path, many, "en")
    assert time.monotonic() - start < 10 and read == []
    assert f"the PDF is too long: {pdf_input.MAX_PAGES + 1} pages (limit {pdf_input.MAX_PAGES} pages" in output


def test_five_hundred_pages_are_read_in_bounded_time():
    pages = [[Placed(LEFT, 100 + 16 * i, f"Line {i} of page {n}, with some words in it.") for i in range(40)]
             for n in range(500)]
    start = time.monotonic()
    got = pdf_pages(pdf(pages))
    assert len(got) == 500 and time.monotonic() - start < 60


def test_text_over_the_character_limit_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_input, "MAX_CHARS", 100)
    with pytest.raises(KhthInputError) as caught:
        pdf_pages(pdf([[Placed(LEFT, 100 + 16 * i, "twenty characters !!") for i in range(6)]]))
    assert caught.value.code == "input.pdf-too-long"


# --- PDFs LibreOffice exports from rendered records --------------------------------------------

SEEDS = ("ke-hoach-ubnd-tinh-binh-dinh.json", "164-KH-HU_huyen-uy-son-ha.json",
         "cong-van-cho-chu_145-KH-HU.bundle.json")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[bytes, bytes]]:
    """Each seed as KHTH renders it (.docx) and as LibreOffice exports that to PDF."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    work = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    docx = {}
    for seed in SEEDS:
        docx[seed] = api.to_docx(api.load(EXAMPLES / seed))
        (work / f"{Path(seed).stem}.docx").write_bytes(docx[seed])
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), *(str(work / f"{Path(s).stem}.docx") for s in SEEDS)],
                   capture_output=True, timeout=600, check=False)
    return {seed: (docx[seed], (work / f"{Path(seed).stem}.pdf").read_bytes()) for seed in SEEDS}


def _documents(record: api.Record) -> list[dict]:
    return record.data["documents"] if record.root == "bundle" else [record.data]


def _facts(doc: dict) -> tuple:
    return (doc["issuer"]["name"], (doc.get("number") or {}).get("printed"), doc.get("issueDate"), doc.get("title"),
            (doc.get("signature") or {}).get("name"), [r.get("number", {}).get("printed") for r in doc.get("references", [])],
            [r.get("text") for r in doc.get("recipients", [])], len(doc.get("body", [])))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_pdf_reads_as_the_word_document_it_was_exported_from(exported, seed):
    docx, data = exported[seed]
    from_pdf, from_docx = api.convert(data, name="plan"), api.convert(docx, name="plan.docx")
    assert [_facts(d) for d in _documents(from_pdf)] == [_facts(d) for d in _documents(from_docx)]
    assert {d["provenance"]["sourceFormat"] for d in _documents(from_pdf)} == {"pdf"}


def test_plan_convert_reads_a_pdf_named_anything(exported, tmp_path):
    src, out = tmp_path / "van-ban.bin", tmp_path / "out.json"
    src.write_bytes(exported[SEEDS[0]][1])
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert api.load(out).data["issuer"]["name"] == api.load(EXAMPLES / SEEDS[0]).data["issuer"]["name"]


def test_a_text_quoting_the_pdf_header_is_still_text():
    from khth.input.containers import document_kind

    assert document_kind(b"Notes on the format: every file starts with %PDF-1.7 and more.\n") is None
    assert document_kind(b"\n\n%PDF-1.4\n...") is not None
