"""Small PDF files written byte by byte for the PDF reader's tests: text placed where a test says
(Helvetica, bold or not, or Courier), pages without text, no pages, an encryption dictionary, many pages."""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


@dataclass(frozen=True)
class Placed:
    """Text drawn with its baseline's left end at (x, y), y from the top of the page."""

    x: float
    y: float
    text: str
    bold: bool = False
    size: float = 12
    mono: bool = False  # Courier: every character 0.6 of the size wide, so a test can place line ends


def width(text: str, size: float = 12) -> float:
    """The width of ``text`` in Courier."""
    return 0.6 * size * len(text)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(placed: list[Placed]) -> bytes:
    ops = []
    for p in placed:
        font = "F3" if p.mono else "F2" if p.bold else "F1"
        ops.append(f"BT /{font} {p.size} Tf {p.x:.2f} {PAGE_HEIGHT - p.y:.2f} Td ({_escape(p.text)}) Tj ET")
    return "\n".join(ops).encode("latin-1")


def pdf(pages: list[list[Placed]], *, encrypt: bool = False, image_only: bool = False) -> bytes:
    """A PDF of ``pages``, each a list of placed texts. ``image_only`` draws a filled rectangle on
    each page instead of text (a scan has pictures, not text); ``encrypt`` adds a standard
    encryption dictionary whose passwords no one knows."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    font1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    font3 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    tree = add(b"")
    kids = []
    for placed in pages:
        content = b"0.5 g 50 50 400 600 re f" if image_only else _content(placed)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>"
                        % (tree, PAGE_WIDTH, PAGE_HEIGHT, stream, font1, font2, font3)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    encryption = None
    if encrypt:
        encryption = add(b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if encryption:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encryption, b"ab" * 16, b"ab" * 16)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
