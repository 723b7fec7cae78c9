"""Every input rule that plan-convert or the Python API raises, and plan-validate does not, is
raised by its input, worded from the catalogue in both languages. (plan-validate's rules have
fixtures under tests/rules/, checked by test_rules.py.)"""

from __future__ import annotations

import io
import sys
import warnings
import zipfile

import pytest

import khth
from khth.converters import sources
from khth.schema.catalogue import RULES, VALIDATE, rule

NS = "xmlns='urn:khth:xml:1'"
_VNI = b"Co\xe4ng hoa\xf8 xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam, \xf1a\xfap \xf6\xf9ng.\n" * 20


def _broken_docx() -> bytes:
    """A ZIP that names a Word body but holds no Word document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "not xml")
    return out.getvalue()


def _zip(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the duplicate name is the point
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)


def _document(**fields):
    return {"khthVersion": "1.0", **fields}


# rule → what is given to khth.convert (bytes) or to khth.to_xml (a record)
CONVERTED = {
    "input.xml-root": f"<plan {NS}/>".encode(),
    "input.xml-namespace": f"<document {NS}><title xmlns='urn:other'>x</title></document>".encode(),
    "input.xml-attribute": f"<document {NS} lang='vi'/>".encode(),
    "input.xml-text": f"<document {NS}>stray<title>x</title></document>".encode(),
    "input.xml-structure": f"<document {NS}><title><b>x</b></title></document>".encode(),
    "input.xml-value": f"<document {NS}><number><serial>twelve</serial></number></document>".encode(),
    "input.xml-unknown-element": f"<document {NS}><colour>x</colour></document>".encode(),
    "input.xml-duplicate": f"<document {NS}><title>a</title><title>b</title></document>".encode(),
    "input.xml-order": f"<document {NS}><id>x</id><khthVersion>1.0</khthVersion></document>".encode(),
    "input.utf16-damaged": b"\xff\xfe" + b"\x00\xd8" * 3,
    "input.legacy-encoding": _VNI,
    "input.unknown-encoding": bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 30,
    "input.text-empty": b"* * *\n",
    "input.not-a-plan": "Hôm nay trời đẹp.\nChúng tôi đi chơi công viên.\n".encode(),
    "input.docx-invalid": _broken_docx(),
    "input.zip-invalid": b"PK\x03\x04" + bytes(200),
    "input.zip-bomb": _zip(("word/document.xml", bytes(4 * 1024 * 1024))),
    "input.zip-duplicate": _zip(("word/document.xml", b"<a/>"), ("word/document.xml", b"<b/>")),
    "input.encrypted": _OLE2 + "EncryptedPackage".encode("utf-16-le"),
    "input.archive-unknown": _zip(("notes.txt", b"x")),
    "input.office-unsupported": _OLE2,
    "input.invalid-document": b'{"khthVersion": "1.0"}',
}
WRITTEN = {
    "input.json-type": _document(title=5),
    "input.json-unknown-property": _document(colour="red"),
    "input.xml-char": _document(title="a\x01b"),
}


def _raised(call) -> khth.InputError:
    with pytest.raises(khth.InputError) as caught:
        call()
    return caught.value


def _assert_worded(exc: khth.InputError, code: str) -> None:
    assert exc.code == code and not exc.worded_inline
    assert exc.vi and exc.en and exc.vi != exc.en and "{" not in exc.vi + exc.en
    assert exc.message("en") == rule(code).message("en", exc.params or {})


@pytest.mark.parametrize("code", CONVERTED)
def test_converted_input_is_refused_by_its_rule(code):
    _assert_worded(_raised(lambda: khth.convert(CONVERTED[code])), code)


@pytest.mark.parametrize("code", WRITTEN)
def test_a_record_that_cannot_be_written_is_refused_by_its_rule(code):
    _assert_worded(_raised(lambda: khth.to_xml(WRITTEN[code])), code)


def test_a_reader_fault_is_reported_not_raised(monkeypatch):
    def fail(text, name=None, docx_lines=None):
        raise ValueError("boom")

    monkeypatch.setattr("khth.converters.text.text_to_record", fail)
    exc = _raised(lambda: sources.read_source("Kế hoạch số 12-KH/TU".encode(), "x.txt"))
    _assert_worded(exc, "input.text-unreadable")
    assert exc.params == {"reason": "ValueError"}


def test_docx_without_python_docx(monkeypatch):
    from khth.converters.docx_input import docx_lines

    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    _assert_worded(_raised(lambda: docx_lines(b"PK\x03\x04")), "input.docx-unavailable")


def test_every_rule_only_plan_convert_or_the_api_raises_is_exercised():
    # report.* rules are plan-report's, exercised by tests/test_report_bad_input.py
    others = {r.code for r in RULES if VALIDATE not in r.tools and r.category != "report"}
    exercised = set(CONVERTED) | set(WRITTEN) | {"input.text-unreadable", "input.docx-unavailable"} \
        | {"convert.facts-not-read", "convert.facts-blank"} \
        | {"input.converter-missing", "input.converter-failed"} \
        | {"input.pdf-invalid", "input.pdf-too-long", "input.pdf-no-text"} \
        | {"input.ocr-missing", "input.ocr-failed"}  # tests/test_pdf_input.py, tests/test_ocr_input.py
    assert others <= exercised
