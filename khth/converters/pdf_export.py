"""A record's Word rendering exported to PDF by LibreOffice headless, run as
:mod:`khth.converters.office` runs it for reading (a profile of its own in a temporary folder,
macros off, a time limit after which its process group is killed)."""

from __future__ import annotations

from khth.schema.catalogue import Text

from .office import TIMEOUT, OfficeFailure, run_conversion, soffice

PDF_FILTER = "pdf:writer_pdf_Export"
DEBIAN_PACKAGE = "libreoffice-writer-nogui"


class PdfExportError(Exception):
    """No PDF could be made; ``text`` says why in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def missing_office() -> PdfExportError:
    return PdfExportError(Text(
        f"cần LibreOffice để xuất PDF: hãy cài gói Debian {DEBIAN_PACKAGE} (sudo apt-get install "
        f"{DEBIAN_PACKAGE}), hoặc dùng --to docx rồi mở tệp trong Word và lưu thành PDF",
        f"LibreOffice is needed to export PDF: install the Debian package {DEBIAN_PACKAGE} (sudo apt-get install "
        f"{DEBIAN_PACKAGE}), or use --to docx and save the file as PDF from Word"))


def docx_to_pdf(docx: bytes, *, timeout: float | None = None) -> bytes:
    """The PDF LibreOffice prints ``docx`` as; raises :class:`PdfExportError` without LibreOffice,
    or when it fails or exceeds ``timeout`` seconds (default :data:`TIMEOUT`)."""
    program = soffice()
    if program is None:
        raise missing_office()
    try:
        pdf = run_conversion(program, docx, ".docx", PDF_FILTER, ".pdf", TIMEOUT if timeout is None else timeout)
    except OfficeFailure as exc:
        raise PdfExportError(Text(f"LibreOffice không xuất được PDF ({exc.why.vi})",
                                  f"LibreOffice could not export the PDF ({exc.why.en})")) from None
    if not pdf.startswith(b"%PDF-"):
        raise PdfExportError(Text("LibreOffice không xuất được PDF (kết quả không phải tệp PDF)",
                                  "LibreOffice could not export the PDF (the result is not a PDF file)"))
    return pdf
