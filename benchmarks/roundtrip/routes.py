"""The ways a Word document reaches a reader in practice, each a function from .docx files to the
bytes plan-convert is given.

Every route takes the rendered files (``{name: path}``) and a work folder, and returns
``{name: Output}``; a file a tool failed on is absent. A route whose tool is not installed raises
:class:`ToolMissing` naming the Debian package. LibreOffice converts many files per call (one
start-up for the batch) with its own profile in a temporary folder and a time limit.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

LIBREOFFICE_BATCH = 60
LIBREOFFICE_TIMEOUT = 900  # seconds per batch
TOOL_TIMEOUT = 120  # seconds per file for pandoc and pdftotext


class ToolMissing(Exception):
    """A route's tool is not installed; the message names the Debian package."""


@dataclass(frozen=True)
class Output:
    data: bytes
    filename: str  # what plan-convert is told the file is called (its suffix tells docx from text)


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise ToolMissing(f"{tool} not found: install the Debian package {package}")
    return path


def _soffice() -> str:
    return _need("soffice", "libreoffice-writer-nogui")


def libreoffice_convert(files: dict[str, Path], work: Path, target: str, suffix: str) -> dict[str, Path]:
    """``soffice --convert-to target`` in batches; {name: converted file} for those that came out."""
    soffice = _soffice()
    out = work / ("lo-" + "".join(c if c.isalnum() else "-" for c in target))
    out.mkdir(parents=True, exist_ok=True)
    names = sorted(files)
    with tempfile.TemporaryDirectory(prefix="khth-lo-profile-") as profile:
        for i in range(0, len(names), LIBREOFFICE_BATCH):
            batch = names[i:i + LIBREOFFICE_BATCH]
            try:
                subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                                "--convert-to", target, "--outdir", str(out), *(str(files[n]) for n in batch)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=LIBREOFFICE_TIMEOUT,
                               check=False)
            except subprocess.TimeoutExpired:
                continue  # the files of this batch that did not come out count as failed
    found = {}
    for name in names:
        path = out / (files[name].stem + suffix)
        if path.exists():
            found[name] = path
    return found


def _each(files: dict[str, Path], run: Callable[[Path], bytes | None]) -> dict[str, bytes]:
    """``run`` on every file, two at a time (the machine is shared)."""
    def one(name: str) -> tuple[str, bytes | None]:
        try:
            return name, run(files[name])
        except (subprocess.SubprocessError, OSError):
            return name, None

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {name: data for name, data in pool.map(one, sorted(files)) if data is not None}


def _tool(args: list[str]) -> bytes | None:
    done = subprocess.run(args, capture_output=True, timeout=TOOL_TIMEOUT, check=False)
    return done.stdout if done.returncode == 0 else None


# --- the routes ------------------------------------------------------------------------------------

def docx_itself(files: dict[str, Path], work: Path) -> dict[str, Output]:
    return {n: Output(p.read_bytes(), f"{n}.docx") for n, p in files.items()}


def libreoffice_resaved_docx(files: dict[str, Path], work: Path) -> dict[str, Output]:
    done = libreoffice_convert(files, work, 'docx:MS Word 2007 XML', ".docx")
    return {n: Output(p.read_bytes(), f"{n}.docx") for n, p in done.items()}


def libreoffice_odt(files: dict[str, Path], work: Path) -> dict[str, Output]:
    """The document saved as OpenDocument by LibreOffice: plan-convert has LibreOffice take it back to .docx."""
    done = libreoffice_convert(files, work, "odt", ".odt")
    return {n: Output(p.read_bytes(), f"{n}.odt") for n, p in done.items()}


def libreoffice_doc(files: dict[str, Path], work: Path) -> dict[str, Output]:
    """The document saved as Word 97 (.doc) by LibreOffice, as old office machines keep it."""
    done = libreoffice_convert(files, work, "doc:MS Word 97", ".doc")
    return {n: Output(p.read_bytes(), f"{n}.doc") for n, p in done.items()}


def libreoffice_text(files: dict[str, Path], work: Path) -> dict[str, Output]:
    done = libreoffice_convert(files, work, "txt:Text", ".txt")
    return {n: Output(p.read_bytes(), f"{n}.txt") for n, p in done.items()}


def _pandoc(files: dict[str, Path], to: str) -> dict[str, Output]:
    pandoc = _need("pandoc", "pandoc")
    got = _each(files, lambda p: _tool([pandoc, "-f", "docx", "-t", to, str(p)]))
    return {n: Output(d, f"{n}.{'md' if to == 'gfm' else 'txt'}") for n, d in got.items()}


def pandoc_plain(files: dict[str, Path], work: Path) -> dict[str, Output]:
    return _pandoc(files, "plain")


def pandoc_gfm(files: dict[str, Path], work: Path) -> dict[str, Output]:
    return _pandoc(files, "gfm")


def _pdfs(files: dict[str, Path], work: Path) -> dict[str, Path]:
    cached = work / "pdfs.done"
    if cached.exists():  # both PDF routes read the same export
        return {n: work / "lo-pdf" / (files[n].stem + ".pdf") for n in cached.read_text().split() if n in files}
    done = libreoffice_convert(files, work, "pdf", ".pdf")
    cached.write_text("\n".join(done))
    return done


def _pdftotext(files: dict[str, Path], work: Path, *flags: str) -> dict[str, Output]:
    pdftotext = _need("pdftotext", "poppler-utils")
    pdfs = _pdfs(files, work)
    got = _each(pdfs, lambda p: _tool([pdftotext, *flags, "-enc", "UTF-8", str(p), "-"]))
    return {n: Output(d, f"{n}.txt") for n, d in got.items()}


def pdf_layout(files: dict[str, Path], work: Path) -> dict[str, Output]:
    return _pdftotext(files, work, "-layout")


def pdf_plain(files: dict[str, Path], work: Path) -> dict[str, Output]:
    return _pdftotext(files, work)


def pdf_direct(files: dict[str, Path], work: Path) -> dict[str, Output]:
    """The PDF itself: plan-convert reads its words with their positions."""
    return {n: Output(p.read_bytes(), f"{n}.pdf") for n, p in _pdfs(files, work).items()}


SCAN_DPI = 300


def image_only_pdf(data: bytes, dpi: int = SCAN_DPI, angle: float = 0.0, noise: float = 0.0, seed: int = 0) -> bytes:
    """``data`` with each page replaced by a grey picture of it at ``dpi``: a scan without a text layer.
    ``angle`` turns each picture on its page by that many degrees (a sheet fed askew), ``noise`` sets
    that share of its pixels to black or white at random (dust, toner specks; ``seed`` fixes them)."""
    import io
    import random

    import pypdfium2 as pdfium

    rng = random.Random(seed)
    source, out = pdfium.PdfDocument(data), pdfium.PdfDocument.new()
    for index in range(len(source)):
        page = source[index]
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        if noise:
            _speckle(bitmap, noise, rng)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        matrix = pdfium.PdfMatrix().scale(width, height)
        if angle:  # about the page's centre
            matrix = matrix.translate(-width / 2, -height / 2).rotate(angle).translate(width / 2, height / 2)
        image.set_matrix(matrix)
        blank = out.new_page(width, height)
        blank.insert_obj(image)
        blank.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _speckle(bitmap, share: float, rng) -> None:
    pixels = memoryview(bitmap.buffer).cast("B")
    stride, w, h = bitmap.stride, bitmap.width, bitmap.height
    for _ in range(int(share * w * h)):
        pixels[rng.randrange(h) * stride + rng.randrange(w)] = rng.choice((0, 255))


# The scans of the pdf-scan route: a degree askew, one pixel in two hundred a speck.
SCAN_ANGLE = 1.0
SCAN_NOISE = 0.005


def pdf_ocr(files: dict[str, Path], work: Path) -> dict[str, Output]:
    """The PDF as a scan (its pages as pictures, no text layer): plan-convert reads it through Tesseract."""
    _need("tesseract", "tesseract-ocr tesseract-ocr-vie")
    return {n: Output(image_only_pdf(p.read_bytes()), f"{n}.pdf") for n, p in _pdfs(files, work).items()}


def pdf_scan(files: dict[str, Path], work: Path) -> dict[str, Output]:
    """The PDF as a poor scan: each page a degree askew and speckled, no text layer."""
    _need("tesseract", "tesseract-ocr tesseract-ocr-vie")
    return {n: Output(image_only_pdf(p.read_bytes(), angle=SCAN_ANGLE, noise=SCAN_NOISE, seed=i), f"{n}.pdf")
            for i, (n, p) in enumerate(sorted(_pdfs(files, work).items()))}


# A page of a document portal: navigation, the metadata table portals put over the text, a footer.
PORTAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<div class="top"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> |
<a href="/tin-tuc">Tin tức - Sự kiện</a> | <a href="/van-ban">Văn bản chỉ đạo điều hành</a> | <a href="/lien-he">Liên hệ</a></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/van-ban">Văn bản</a> &gt; Chi tiết văn bản</div>
<table class="meta">
<tr><th>Số hiệu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th><th>Trích yếu</th></tr>
<tr><td>{number}</td><td>{date}</td><td>{issuer}</td><td>{title}</td></tr>
</table>
<div class="content">{content}</div>
<div class="files">Tệp đính kèm: <a href="/files/{file}.docx">{file}.docx</a></div>
<div class="footer">Cổng thông tin điện tử - Địa chỉ: Số 1 đường Trung tâm. Điện thoại: 0200 3 800 000.
Bản quyền thuộc Văn phòng Ủy ban nhân dân. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>
</body></html>"""

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "center", "ul", "ol",
           "title", "th", "td"}


def html_text(page: bytes) -> str:
    """A page's text as a browser's "select all, copy" gives it: a line break at each block
    element, the text of inline elements run together, the head left out."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(page)
    for bad in root.xpath("//head|//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    # A line break in the HTML source is white space; only a block element breaks the line.
    brk = "\x00"

    def walk(el) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCKS
        if block:
            parts.append(brk)
        if el.text and isinstance(el.tag, str):
            parts.append(" ".join(el.text.split(" ")).replace("\n", " "))
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail.replace("\n", " "))
        if block:
            parts.append(brk)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split(brk))
    return "\n".join(line for line in lines if line) + "\n"


def html_page(files: dict[str, Path], work: Path, meta: dict[str, dict[str, str]] | None = None) -> dict[str, Output]:
    """The document as LibreOffice exports it to HTML (as portals paste Word), inside a portal page,
    taken back to text."""
    from lxml import html as lxml_html

    done = libreoffice_convert(files, work, "html", ".html")
    out = {}
    for name, path in done.items():
        body = lxml_html.fromstring(path.read_bytes()).find("body")
        content = "".join(lxml_html.tostring(child, encoding="unicode") for child in body) if body is not None \
            else ""
        m = (meta or {}).get(name, {})
        page = PORTAL.format(content=content, file=html.escape(name), **{
            k: html.escape(m.get(k, "")) for k in ("number", "date", "issuer", "title")})
        out[name] = Output(html_text(page.encode()).encode(), f"{name}.txt")
    return out


ROUTES: dict[str, Callable[..., dict[str, Output]]] = {
    "docx": docx_itself,
    "lo-docx": libreoffice_resaved_docx,
    "lo-text": libreoffice_text,
    "odt": libreoffice_odt,
    "doc": libreoffice_doc,
    "pandoc-plain": pandoc_plain,
    "pandoc-gfm": pandoc_gfm,
    "pdf-layout": pdf_layout,
    "pdf-plain": pdf_plain,
    "pdf-direct": pdf_direct,
    "pdf-ocr": pdf_ocr,
    "pdf-scan": pdf_scan,
    "html-page": html_page,
}
