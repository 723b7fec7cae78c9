"""Office files by their content: ZIP containers (.docx, .odt, any zip), OLE2 compound files
(.doc, a password-protected Word file), RTF, PDF and images (PNG, JPEG, TIFF), told apart by magic bytes and structure
rather than by file name, and a ZIP container checked from its central directory before any
member is unpacked.

A ZIP archive declares every member's compressed and uncompressed size in its central directory;
Python's :mod:`zipfile` never yields more than the declared size of a member, so refusing on the
declared sizes bounds what unpacking can cost. A zip bomb (a small file unpacking to gigabytes) is
refused here, from a few hundred bytes read, instead of after the parser has filled the memory.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from khth.schema.catalogue import Text

from .errors import KhthInputError

# What the members of one document may unpack to, in all: a Word or OpenDocument file of a plan
# unpacks to a few hundred kilobytes, pictures included; the XML parsers need several times the
# unpacked size in memory.
MAX_UNPACKED = 100 * 1024 * 1024
# Deflate compresses XML ten to thirty times, a page of one repeated character at most about a
# thousand times: a large member past this ratio is built to expand, not written by an office suite.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # members below this size are never refused for their ratio
MAX_MEMBERS = 10_000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# A password-protected .docx is not a ZIP: Office wraps the encrypted package in an OLE2 file
# whose directory names these streams (UTF-16 LE).
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_WORD_STREAM = "WordDocument".encode("utf-16-le")


@dataclass(frozen=True)
class Kind:
    """What an input is by its content: ``name`` is one of docx, odt, zip, doc, ole2-encrypted,
    ole2, rtf, pdf, image; ``label`` is what a message calls it."""

    name: str
    label: str


DOCX = Kind("docx", "Word (.docx)")
ODT = Kind("odt", "OpenDocument (.odt)")
ZIP = Kind("zip", "ZIP")
DOC = Kind("doc", "Word 97-2003 (.doc)")
OLE2_ENCRYPTED = Kind("ole2-encrypted", "Word (.docx)")
OLE2 = Kind("ole2", "OLE2")
RTF = Kind("rtf", "RTF")
PDF = Kind("pdf", "PDF")
IMAGE = Kind("image", "PNG, JPEG, TIFF")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def document_kind(data: bytes) -> Kind | None:
    """The kind of an office file, by its bytes; None for text (JSON, XML, plain text, Markdown,
    HTML), which :func:`khth.input.loading.detect_format` tells apart.

    A ZIP container is checked (:func:`check_zip`) before its members are listed, so asking what
    a zip bomb is refuses it."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(OLE2_MAGIC):
        return _ole2_kind(data)
    if data.startswith(b"{\\rtf"):
        return RTF
    if data.startswith(_IMAGE_MAGIC):
        return IMAGE
    # A PDF's header may follow up to 1 KB of other bytes (as readers apply PDF 32000-1, 7.5.2); a text
    # that quotes "%PDF-" near its start is still text unless it also ends as a PDF does.
    if data.lstrip().startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]):
        return PDF
    return None


def _zip_kind(data: bytes) -> Kind:
    archive = open_zip(data)
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return DOCX
    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
        return ODT  # "mimetype" was checked with the rest: its declared size is bounded
    return ZIP


def _ole2_kind(data: bytes) -> Kind:
    if any(s in data for s in _ENCRYPTED_STREAMS):
        return OLE2_ENCRYPTED
    if _WORD_STREAM in data:
        return DOC
    return OLE2


def open_zip(data: bytes) -> zipfile.ZipFile:
    """``data`` as a ZIP archive whose central directory has been checked: no member listed twice,
    none encrypted, at most :data:`MAX_MEMBERS` members declaring at most :data:`MAX_UNPACKED`
    bytes in all, no large member compressed more than :data:`MAX_RATIO` times. Nothing is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise KhthInputError.of("input.zip-invalid", reason=str(exc) or type(exc).__name__) from None
    check_zip(archive.infolist())
    return archive


def check_zip(members: list[zipfile.ZipInfo]) -> None:
    """Refuse what the central directory declares: see :func:`open_zip`."""
    if len(members) > MAX_MEMBERS:
        raise KhthInputError.of("input.zip-bomb", why=Text(f"có {len(members)} mục, quá giới hạn {MAX_MEMBERS}",
                                         f"{len(members)} members, over the limit of {MAX_MEMBERS}"))
    seen: set[str] = set()
    total = 0
    for info in members:
        if info.filename in seen:
            raise KhthInputError.of("input.zip-duplicate", member=info.filename)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise KhthInputError.of("input.encrypted", what=Text(f"mục {info.filename} của tệp nén bị mã hóa",
                                                                 f"the archive member {info.filename} is encrypted"))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise KhthInputError.of("input.zip-bomb", why=Text(
                f"mục {info.filename} giải nén ra {info.file_size} byte, gấp {ratio} lần (giới hạn {MAX_RATIO})",
                f"the member {info.filename} unpacks to {info.file_size} bytes, {ratio} times its size "
                f"(limit {MAX_RATIO})"))
        total += info.file_size
        if total > MAX_UNPACKED:
            raise KhthInputError.of("input.zip-bomb", why=Text(
                f"các mục đến {info.filename} giải nén ra hơn {MAX_UNPACKED} byte",
                f"the members up to {info.filename} unpack to more than {MAX_UNPACKED} bytes"))
