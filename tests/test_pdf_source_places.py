"""A fact read from a PDF points at the page and the lines it stands on: each paragraph's place
(first and last line, counted on their page from its top) goes into the source spans of the
record, beside the paragraph's number in reading order."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth import api
from khth.converters.pdf_input import Place, pdf_lines, pdf_pages, visual_lines
from pdf_files import Placed, pdf

EXAMPLES = Path(__file__).parent.parent / "examples"
LEFT = 72.0


def _places(data: bytes) -> tuple[list[str], dict[int, Place]]:
    places: dict[int, Place] = {}
    texts = [line.text for line in pdf_lines(pdf_pages(data), places=places)]
    return texts, places


def test_each_paragraph_knows_its_page_and_lines():
    first = [Placed(LEFT, 100, "Opening paragraph on the first page."), Placed(LEFT, 300, "Second paragraph.")]
    second = [Placed(LEFT, 120, "A paragraph alone on page two."), Placed(LEFT, 200, "And one below it.")]
    texts, places = _places(pdf([first, second]))
    assert texts == ["Opening paragraph on the first page.", "Second paragraph.", "A paragraph alone on page two.",
                     "And one below it."]
    assert [places[n] for n in range(1, 5)] == [Place(1, 1, 1, 1), Place(1, 2, 1, 2), Place(2, 1, 2, 1),
                                                Place(2, 2, 2, 2)]


def test_a_table_row_running_on_to_the_next_page_ends_there():
    top = [Placed(LEFT, 700, "1"), Placed(120, 700, "Trien khai"), Placed(330, 700, "So Noi vu"),
           Placed(460, 700, "Thuong")]
    below = [Placed(120, 100, "tuyen truyen"), Placed(460, 100, "xuyen")]
    texts, places = _places(pdf([top, below]))
    assert texts == ["1\tTrien khai tuyen truyen\tSo Noi vu\tThuong xuyen"]
    assert places[1] == Place(1, 1, 2, 1)
    assert places[1].span() == {"page": 1, "startLine": 1, "endLine": 1, "endPage": 2}


WIDE = "A line far wider than the numbered paragraphs opens each page: a page's last line is not continued."


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=4))
def test_lines_are_counted_from_the_top_of_each_page(per_page):
    """A wide line, then short paragraphs set far apart, a number a page: each is on the page and
    at the line it was put."""
    # clear of the bands at the top and bottom where running heads are dropped
    pages = [[Placed(LEFT, 150, WIDE)] + [Placed(LEFT, 230 + 80 * i, f"Paragraph {p}.{i}.") for i in range(n)]
             for p, n in enumerate(per_page)]
    texts, places = _places(pdf(pages))
    expected = [(p, 1, WIDE) for p in range(1, len(per_page) + 1)]
    expected += [(p + 1, i + 2, f"Paragraph {p}.{i}.") for p, n in enumerate(per_page) for i in range(n)]
    expected.sort()
    assert texts == [text for _, _, text in expected]
    assert [(places[n].page, places[n].line) for n in range(1, len(texts) + 1)] == [(p, i) for p, i, _ in expected]


@pytest.fixture(scope="module")
def exported_pdf(tmp_path_factory) -> bytes:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    work = tmp_path_factory.mktemp("places")
    (work / "plan.docx").write_bytes(api.to_docx(api.load(EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json")))
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), str(work / "plan.docx")],
                   capture_output=True, timeout=600, check=False)
    if not (work / "plan.pdf").exists():
        pytest.skip("LibreOffice did not export the PDF")
    return (work / "plan.pdf").read_bytes()


def _printed(data: bytes, span: dict) -> str:
    """The text of the lines a span points at, as the page shows them."""
    pages = pdf_pages(data)
    out = []
    for number in range(span["page"], span.get("endPage", span["page"]) + 1):
        lines = visual_lines(pages[number - 1])
        first = span["startLine"] if number == span["page"] else 1
        last = span["endLine"] if number == span.get("endPage", span["page"]) else len(lines)
        out += [ln.text for ln in lines if first <= ln.number <= last]
    return " ".join(out)


def test_a_citation_read_from_a_pdf_points_at_the_lines_that_print_it(exported_pdf):
    record = api.convert(exported_pdf, name="plan.pdf").data
    references = [r for r in record["references"] if r.get("number")]
    assert references
    for ref in references:
        span = ref["source"]
        assert {"paragraph", "page", "startLine", "endLine"} <= span.keys()
        printed = _printed(exported_pdf, span).replace(" ", "")
        assert ref["number"]["printed"].replace(" ", "") in printed, (ref, span)
    assert record["provenance"]["source"]["page"] == 1 and record["provenance"]["source"]["startLine"] == 1


def test_a_pdf_record_with_places_is_valid_and_survives_xml(exported_pdf):
    record = api.convert(exported_pdf, name="plan.pdf")
    assert [(f.code, f.en) for f in api.validate(record).findings if str(f.severity) == "error"] == []
    again = api.load(api.to_xml(record))
    assert again.data["references"][0]["source"] == record.data["references"][0]["source"]
