"""Any document plan-convert accepts, read into a record's JSON form: KHTH JSON or XML, Word
.docx, plain text and Markdown (as extracted from Word or PDF, or an OCR layer).

Reading does not validate: :func:`khth.api.convert` checks what is read before it is used.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from khth.input.canonical import root_of
from khth.input.errors import KhthInputError
from khth.input.loading import check_bytes, detect_format, parse_json, utf16_record, utf16_refusal
from khth.input.xml_form import from_xml


def read_source(data: bytes, name: str | None = None) -> tuple[str, dict]:
    """(root, JSON form) of one input; raises :class:`KhthInputError` when it cannot be read."""
    from .docx_input import docx_lines, is_docx
    from .text import text_to_record

    if is_docx(data):
        try:
            record = text_to_record("", name, docx_lines=docx_lines(data))
        except KhthInputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged or odd .docx is reported, never a traceback
            raise KhthInputError.of("input.docx-invalid", reason=type(exc).__name__) from None
        return root_of(record), record
    utf16 = utf16_record(data)
    if utf16:  # never read as text: the tags would land in the record
        raise utf16_refusal(*utf16)
    fmt = detect_format(data.lstrip(b"\xef\xbb\xbf"))
    if fmt in ("json", "xml"):
        check_bytes(data)
        if fmt == "json":
            form = nfc(parse_json(data))
            return root_of(form), form
        root, form = from_xml(data)
        return root, nfc(form)
    from .text.encoding import decode_text

    text, note = decode_text(data)
    try:
        record = text_to_record(text, name)
    except KhthInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader fault on odd text is reported, never a traceback
        raise KhthInputError.of("input.text-unreadable", reason=type(exc).__name__) from None
    if note:
        for doc in record.get("documents", [record]):
            doc["provenance"].setdefault("notes", []).append(note)
    return root_of(record), record


def nfc(form: Any) -> Any:
    """``form`` with every string in NFC, keys included, as canonical JSON writes it: the XML form
    then carries the same text (plan-validate refuses text that is not NFC). ``form``'s depth is
    already bounded (:func:`parse_json`, :func:`from_xml`)."""
    if isinstance(form, str):
        return form if unicodedata.is_normalized("NFC", form) else unicodedata.normalize("NFC", form)
    if isinstance(form, dict):
        return {nfc(k): nfc(v) for k, v in form.items()}
    if isinstance(form, list):
        return [nfc(v) for v in form]
    return form
