"""Long PDFs: progress on a terminal (standard error, only when it is one), and a 500-page PDF
read page by page, its memory growing with its text, not with its pages' drawings."""

from __future__ import annotations

import io
import sys
import tracemalloc

from khth.converters import pdf_input
from khth.converters.pdf_input import pdf_pages, read_pdf
from khth.converters.progress import PageProgress
from pdf_files import Placed, pdf

LEFT = 72.0


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _pages(count: int) -> bytes:
    """A plan's number, then twelve short paragraphs a page."""
    pages = [[Placed(LEFT, 150 + 40 * i, f"Dong {i + 1} cua trang {n + 1}, mot cau ngan.") for i in range(12)]
             for n in range(count)]
    pages[0].insert(0, Placed(LEFT, 110, "So: 12/KH-UBND"))
    return pdf(pages)


def test_progress_counts_pages_on_a_terminal_and_clears_its_line():
    out = Terminal()
    with PageProgress(500, stream=out) as progress:
        for n in range(1, 501):
            progress.page(n)
    text = out.getvalue()
    assert "\rtrang 3/500 / page 3/500" in text and "trang 500/500 / page 500/500" in text
    assert text.endswith("\r" + " " * len("trang 500/500 / page 500/500") + "\r")


def test_progress_shows_nothing_off_a_terminal_or_for_a_short_document():
    off = io.StringIO()
    with PageProgress(500, stream=off) as progress:
        progress.page(1)
    short = Terminal()
    with PageProgress(3, stream=short) as progress:
        progress.page(1)
    assert off.getvalue() == "" and short.getvalue() == ""


def test_reading_a_long_pdf_shows_its_pages_on_a_terminal(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    pdf_pages(_pages(12))
    assert "trang 12/12 / page 12/12" in terminal.getvalue()


def test_reading_a_pdf_shows_nothing_when_standard_error_is_not_a_terminal(capsys):
    pdf_pages(_pages(12))
    assert capsys.readouterr().err == ""


def _peak(data: bytes) -> int:
    tracemalloc.start()
    try:
        read_pdf(data, "long.pdf")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_500_page_pdf_is_read_with_memory_in_proportion_to_its_text():
    long, short = _pages(500), _pages(50)
    root, record = read_pdf(long, "long.pdf")
    assert root and record["provenance"]["sourceFormat"] == "pdf"
    assert len(pdf_pages(long)) == 500 <= pdf_input.MAX_PAGES
    # ten times the text: at most about ten times the memory (the reader's work is linear in it;
    # nothing is kept of a page but its words)
    assert _peak(long) < 13 * _peak(short)
