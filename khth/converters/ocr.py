"""Scanned PDFs and images read through Tesseract OCR with its Vietnamese model.

Each page of a PDF without a text layer is rendered at 300 dpi (pdfium) to a grey image; an image
file is given to Tesseract as it is. Tesseract's words, with their boxes and confidences, become the
PDF reader's words (:mod:`.pdf_input`), so the same geometry rebuilds columns, paragraphs and table
rows. Tesseract runs in a session of its own with a time limit per page (its process group is
killed after it) and a memory limit, which also bounds what an image bomb can cost.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from khth.input.errors import KhthInputError
from khth.schema.catalogue import Text

from .pdf_input import Page, Word
from .progress import PageProgress

DPI = 300
MAX_PIXELS = 60_000_000  # a page larger than A3 at 300 dpi is rendered at a lower resolution
MAX_PAGES = 100  # a scanned plan runs to a few pages; Tesseract takes seconds a page
PAGE_TIMEOUT = 180  # seconds for one page
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space for Tesseract
LANGUAGE = "vie"


@dataclass(frozen=True)
class OcrResult:
    pages: list[Page]
    words: int
    confidence: float  # the mean of Tesseract's word confidences, 0 to 100


def tesseract() -> str | None:
    """The Tesseract program when it and its Vietnamese model are installed; None otherwise."""
    program = shutil.which("tesseract")
    return program if program and LANGUAGE in _languages(program) else None


@cache
def _languages(program: str) -> frozenset[str]:
    try:
        done = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:])


def require_tesseract(what: Text) -> str:
    program = tesseract()
    if program is None:
        raise KhthInputError.of("input.ocr-missing", what=what)
    return program


def ocr_pdf(data: bytes) -> OcrResult:
    """The words of every page of a scanned PDF."""
    import pypdfium2 as pdfium

    program = require_tesseract(Text("tệp PDF không có lớp chữ (bản quét)", "a PDF without a text layer (a scan)"))
    pdf = pdfium.PdfDocument(data)
    try:
        if len(pdf) > MAX_PAGES:
            raise KhthInputError.of("input.pdf-too-long", pages=len(pdf), limit=MAX_PAGES)
        with tempfile.TemporaryDirectory(prefix="khth-ocr-") as work:
            pages = []
            with PageProgress(len(pdf), min_pages=2) as progress:
                for index in range(len(pdf)):
                    image, scale = _render(pdf, index, Path(work))
                    pages.append(_ocr_page(program, image, index + 1, scale))
                    image.unlink()  # one page's picture on disk at a time
                    progress.page(index + 1)
    finally:
        pdf.close()
    return _result(pages)


def ocr_image(data: bytes) -> OcrResult:
    """The words of an image file (PNG, JPEG, TIFF), taken as one page at 300 dpi."""
    program = require_tesseract(Text("ảnh chụp hoặc quét", "an image"))
    with tempfile.TemporaryDirectory(prefix="khth-ocr-") as work:
        image = Path(work) / "page"
        image.write_bytes(data)
        page = _ocr_page(program, image, 1, 72 / DPI)
    return _result([page])


def _result(pages: list[Page]) -> OcrResult:
    confidences = [w.confidence for p in pages for w in p.words]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult([Page(p.number, p.width, p.height, [w.word for w in p.words]) for p in pages],
                     len(confidences), mean)


def _render(pdf, index: int, work: Path) -> tuple[Path, float]:
    """Page ``index`` as a grey PGM image at :data:`DPI` (less for a page past :data:`MAX_PIXELS`),
    and the points per pixel."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = DPI / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = memoryview(bitmap.buffer)
        path = work / f"page-{index + 1}.pgm"
        with path.open("wb") as out:
            out.write(b"P5 %d %d 255\n" % (w, h))
            for row in range(h):
                out.write(buffer[row * stride:row * stride + w])
    finally:
        page.close()
    return path, 1 / scale


@dataclass(frozen=True)
class _Scanned:
    word: Word
    confidence: float


@dataclass
class _ScannedPage:
    number: int
    width: float
    height: float
    words: list[_Scanned]


def _ocr_page(program: str, image: Path, number: int, scale: float) -> _ScannedPage:
    """Tesseract's words on one image, in points (``scale`` points a pixel)."""
    args = [program, str(image), "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", "3", "tsv"]
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=_limit_memory, env={**os.environ,
                                                                                        "OMP_THREAD_LIMIT": "1"})
    except OSError as exc:
        raise KhthInputError.of("input.ocr-failed", why=Text(f"không chạy được Tesseract: {exc.strerror}",
                                                             f"cannot run Tesseract: {exc.strerror}")) from None
    try:
        out, _ = proc.communicate(timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise KhthInputError.of("input.ocr-failed", why=Text(f"trang {number} quá {PAGE_TIMEOUT} giây",
                                                             f"page {number} took over {PAGE_TIMEOUT} seconds")) from None
    if proc.returncode != 0:
        raise KhthInputError.of("input.ocr-failed", why=Text(f"Tesseract không đọc được trang {number}",
                                                             f"Tesseract could not read page {number}"))
    return _words_of(out.decode("utf-8", "replace"), number, scale)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


# Tesseract reads the T of "TW" (the Party's Central Committee, the commonest issuer code of a cited
# number) as I in the serif fonts of plans: "05-CT/IW". A code after a type and a slash is never "IW".
_PARTY_CENTRAL = re.compile(r"(?<=[A-ZĐ]{2}/)IW\b")


MIN_CONFIDENCE = 30  # Tesseract's confidence below which a word holding no letter or digit is a speck


MARK_HEIGHT = 0.6  # of the page's typical line height: a word alone on its line and lower is a mark


def _kept(word: str, confidence: float) -> bool:
    """Whether a word is text rather than a speck, a stroke of a signature or a rule's end. Two
    letters or digits are text at any confidence: Tesseract doubts the first word of a line now and
    then ("24-CT/TW" at 9/100, "KẾ" of a title askew at 0, both read right); a mark read as letters
    is dropped by its size (:func:`_without_marks`)."""
    letters = sum(c.isalnum() for c in word)
    return confidence >= MIN_CONFIDENCE or letters >= 2 or letters > 0 and confidence >= MIN_CONFIDENCE / 3


def _corrected(word: str) -> str:
    return _PARTY_CENTRAL.sub("TW", word) if "/" in word else word


@dataclass(frozen=True)
class _Box:
    """A word as Tesseract gives it: its ink box in points, its text and confidence, its line."""

    left: float
    top: float
    right: float
    bottom: float
    text: str
    confidence: float
    line: tuple[str, ...]

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


def _words_of(tsv: str, number: int, scale: float) -> _ScannedPage:
    """Tesseract's TSV as words, each taking its line's top and bottom (ink boxes differ from letter
    to letter; the reader groups words by baseline); turned back level where the page was scanned
    askew (see :func:`_skew`)."""
    boxes: list[_Box] = []
    line_boxes: dict[tuple[str, ...], tuple[float, float, float, float]] = {}
    width = height = 0.0
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        left, top, w, h = (float(c) * scale for c in cells[6:10])
        text = cells[11].strip()
        if cells[0] == "1":
            width, height = w, h
        elif cells[0] == "4":
            line_boxes[tuple(cells[1:5])] = (left, top, left + w, top + h)
        elif cells[0] == "5" and (text := text.strip(_RULE)) and _kept(text, float(cells[10])):
            boxes.append(_Box(left, top, left + w, top + h, _corrected(text), max(float(cells[10]), 0.0),
                              tuple(cells[1:5])))
    lines: dict[tuple[str, ...], list[_Box]] = {}
    for box in boxes:
        lines.setdefault(box.line, []).append(box)
    slope = _skew(list(lines.values()))
    cx, cy = width / 2, height / 2
    words: list[_Scanned] = []
    keys: list[tuple[str, ...]] = []
    for key, line in lines.items():
        left, top, right, bottom = line_boxes.get(key, (line[0].left, min(b.top for b in line), line[-1].right,
                                                        max(b.bottom for b in line)))
        # a tilted line's box is taller than the line by its rise; turned level about the page's centre
        middle = (top + bottom) / 2 - slope * ((left + right) / 2 - cx)
        half = max(bottom - top - abs(slope) * (right - left), 1.0) / 2
        for b in line:
            if _speck(b, 2 * half, opens=b is line[0]):
                continue
            dx = slope * ((b.top + b.bottom) / 2 - cy)  # a word low on a page turned clockwise stands to the left
            word = Word(number, b.left + dx, middle - half, b.right + dx, middle + half, b.text, False, middle + half)
            words.append(_Scanned(word, b.confidence))
            keys.append(key)
    return _ScannedPage(number, width, height, _without_marks(words, keys))


def _speck(box: _Box, line_height: float, opens: bool) -> bool:
    """A dot of dust or toner read as punctuation: no letter or digit, and small both ways next to
    its line (a printed dash is wider, a full stop belongs to its word)."""
    if any(c.isalnum() for c in box.text):
        return False
    if opens and box.text.strip(_DASHES) == "":  # a list's dash: as thin as a speck, in small italics as short
        return box.right - box.left < SPECK * line_height / 2
    return max(box.right - box.left, box.bottom - box.top) < SPECK * line_height


SPECK = 0.2  # of a line's height
SKEW_LEVEL = 0.003  # a fifth of a degree: below it, the slopes measured are the ink's, the page is level
SKEW_LIMIT = 0.09  # about five degrees: a page fed further askew is read as it stands


def _skew(lines: list[list[_Box]]) -> float:
    """The page's tilt, as the median slope (points down a point right) of its lines of four words
    or more: the line through their first and last words' centres. Tesseract finds a tilted page's
    lines, but boxes them level, so the two columns of a header no longer share their lines."""
    slopes = []
    for line in lines:
        if len(line) >= 4 and line[-1].centre[0] - line[0].centre[0] > 100:
            (x0, y0), (x1, y1) = line[0].centre, line[-1].centre
            slopes.append((y1 - y0) / (x1 - x0))
    slope = statistics.median(slopes) if slopes else 0.0
    return slope if SKEW_LEVEL <= abs(slope) <= SKEW_LIMIT else 0.0


_DASHES = "-–—•"
# A short rule under an issuer's name or a title, read as underscores, alone or stuck to a word's end.
_RULE = "_"


def _without_marks(words: list[_Scanned], keys: list[tuple[str, ...]]) -> list[_Scanned]:
    """The words but marks alone on their line: one or two characters that are no letter or digit
    ("+%"), or that stand less than :data:`MARK_HEIGHT` of the page's lines high (the star under a
    Party issuer's name read "zk" or "3k"; a word of two letters in a title is as high as its line)."""
    per_line = Counter(keys)
    heights = sorted(w.word.bottom - w.word.top for w in words)
    typical = heights[len(heights) // 2] if heights else 0.0

    def mark(w: _Scanned) -> bool:
        text = w.word.text
        if len(text) > 2 or text.strip(_DASHES) == "":
            return False  # a dash alone on Tesseract's line: a list item's, its text on a line of its own
        return not any(c.isalnum() for c in text) or w.word.bottom - w.word.top < MARK_HEIGHT * typical

    return [w for w, key in zip(words, keys) if not (per_line[key] == 1 and mark(w))]
