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
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from khth.input.errors import KhthInputError
from khth.schema.catalogue import Text

from .pdf_input import Page, Word

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
            for index in range(len(pdf)):
                image, scale = _render(pdf, index, Path(work))
                pages.append(_ocr_page(program, image, index + 1, scale))
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


def _kept(word: str, confidence: float) -> bool:
    """Whether a word is text rather than a speck, a stroke of a signature or a rule's end."""
    return confidence >= MIN_CONFIDENCE or any(c.isalnum() for c in word) and confidence >= MIN_CONFIDENCE / 3


def _corrected(word: str) -> str:
    return _PARTY_CENTRAL.sub("TW", word) if "/" in word else word


def _words_of(tsv: str, number: int, scale: float) -> _ScannedPage:
    """Tesseract's TSV as words: each word takes its line's top and bottom (ink boxes differ from
    letter to letter; the reader groups words by baseline)."""
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    words: list[_Scanned] = []
    width = height = 0.0
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        level, key = cells[0], tuple(cells[1:5])
        left, top, w, h = (float(c) * scale for c in cells[6:10])
        if level == "1":
            width, height = w, h
        elif level == "4":
            lines[key] = (top, top + h)
        elif level == "5" and cells[11].strip() and _kept(cells[11].strip(), float(cells[10])):
            line_top, line_bottom = lines.get(key, (top, top + h))
            words.append(_Scanned(Word(number, left, line_top, left + w, line_bottom, _corrected(cells[11].strip()), False,
                                       line_bottom), max(float(cells[10]), 0.0)))
    return _ScannedPage(number, width, height, words)
