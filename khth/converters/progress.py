"""Progress through a long document's pages, shown on a terminal: reading a PDF of hundreds of
pages, or recognising a scan (seconds a page), says where it is. Shown on standard error, and only
when it is a terminal: a pipe, a log file or a test sees nothing."""

from __future__ import annotations

import sys
from typing import TextIO

MIN_PAGES = 10  # a shorter text layer is read in a blink; OCR shows every count (seconds a page)


class PageProgress:
    """``trang 3/500 / page 3/500`` rewritten in place after each page, the line cleared at the end."""

    def __init__(self, total: int, *, min_pages: int = MIN_PAGES, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.shown = total >= min_pages and _is_terminal(self.stream)
        self.width = 0

    def page(self, number: int) -> None:
        if self.shown:
            self._write(f"trang {number}/{self.total} / page {number}/{self.total}")

    def done(self) -> None:
        if self.shown and self.width:
            self._write("")
            self.width = 0

    def _write(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.width) + ("\r" if not text else ""))
        self.stream.flush()
        self.width = max(self.width, len(text))

    def __enter__(self) -> "PageProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.done()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream shows nothing
        return False
