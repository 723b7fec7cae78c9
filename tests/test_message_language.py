"""--lang en prints English only and --lang vi Vietnamese only, in both commands.

Messages quote record text and file names, which may be Vietnamese whatever the language; every
string of the input is masked before a message is judged, so that only the words of the
template and of its worded parameters are.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from khth.cli.convert import main as convert_main
from khth.cli.validate import main as validate_main
from khth.schema.catalogue import RULES, VALIDATE, VALUE_KINDS, Text, rule
from khth.schema.codelists import Codelist
from pdf_files import Placed, pdf

ALL_CODELISTS = tuple(Codelist.__subclasses__())

RULES_DIR = Path(__file__).parent / "rules"
CODES = {m.value for c in ALL_CODELISTS for m in c}  # codes are the standard's, in neither language
TODAY = "2026-11-22"
# Vietnamese letters are the only ones carrying these marks (after NFD), or đ.
_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b") | {"đ", "Đ"}
# Rules whose message quotes a parser's or the system's own words, which are English.
_FOREIGN_WORDS = {"schema.xsd", "input.json-syntax", "input.xml-syntax", "input.unreadable", "input.docx-invalid",
                  "input.text-unreadable", "input.not-khth"}  # the last: a namespace URI is its parameter


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", " ", text))}


_VI_WORDS = set().union(*(_words(r.message_vi) for r in RULES), *(_words(t.vi) for t in VALUE_KINDS.values()))
ENGLISH_WORDS = set().union(*(_words(r.message_en) for r in RULES),
                            *(_words(t.en) for t in VALUE_KINDS.values())) - _VI_WORDS


def has_vietnamese(text: str) -> bool:
    return any(c in _MARKS for c in unicodedata.normalize("NFD", text))


def _strings(node) -> set[str]:
    if isinstance(node, str):
        return {node}
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    out: set[str] = set()
    for k, v in items:
        out |= _strings(v) | ({k} if isinstance(k, str) else set())
    return out


def record_strings(path: Path) -> set[str]:
    """Every string an input holds, and the names of its files."""
    below = list(path.rglob("*")) if path.is_dir() else []
    files = [p for p in below if p.is_file()] if path.is_dir() else [path]
    out = {str(path)} | {str(p) for p in below} | CODES
    for f in files:
        data = f.read_bytes().removeprefix(b"\xef\xbb\xbf")
        try:
            out |= _strings(json.loads(data))
        except (ValueError, RecursionError):
            try:
                out |= {t for t in etree.fromstring(data).itertext()}
            except (etree.XMLSyntaxError, ValueError):
                out |= set(data.decode("utf-8", "replace").splitlines())
    return out | {s[:40] for s in out}  # samples quote the start of a string


def masked(message: str, strings: set[str]) -> str:
    for s in sorted((s for s in strings if s.strip()), key=len, reverse=True):
        message = message.replace(s, " ")
    return message


def assert_in_language(code: str, message: str, lang: str, strings: set[str]) -> None:
    own = masked(message, strings)
    if lang == "en":
        assert not has_vietnamese(own), f"{code}: {message}"
    elif code not in _FOREIGN_WORDS:
        english = _words(own) & ENGLISH_WORDS
        assert not english, f"{code}: {message} has {english}"


# --- plan-validate over every failing fixture -------------------------------------------------

_LINE = re.compile(r"^  (?:.*?  )?(error|warning|info)  (\S+)  (.*)$")


def _validate_args(code: str) -> list[str]:
    path = RULES_DIR / code / "options.json"
    given = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    args = ["--today", given.get("today", TODAY), "-v"]
    if "max_bytes" in given:
        args += ["--max-bytes", str(given["max_bytes"])]
    if given.get("require_parents"):
        args.append("--require-parents")
    if given.get("profile"):
        args += ["--profile", given["profile"]]
    return args


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("code", [r.code for r in RULES if VALIDATE in r.tools])
def test_plan_validate_speaks_one_language(code, lang, monkeypatch):
    folder = RULES_DIR / code / "fail"
    if code == "input.internal-fault":  # no input is known to cause it: a fault is injected
        def fault(*args, **kwargs):
            raise RuntimeError("injected")

        monkeypatch.setattr("khth.validator.engine.check_document", fault)
    result = CliRunner().invoke(validate_main, [str(folder), "--lang", lang, *_validate_args(code)])
    assert result.exit_code in (0, 1), result.output
    strings = record_strings(folder)
    found = [m for m in map(_LINE.match, result.output.splitlines()) if m]
    assert code in {m[2] for m in found}, result.output
    for m in found:
        assert_in_language(m[2], m[3], lang, strings)
    summary = result.output.splitlines()[-1]
    assert ("file(s)" in summary) == (lang == "en") and ("tệp" in summary) == (lang == "vi")


def test_the_number_grammar_is_named_in_english(tmp_path):
    doc = json.loads((RULES_DIR / "document.number-grammar" / "pass").glob("*.json").__next__().read_text("utf-8"))
    doc["number"]["printed"] = "Số XYZ"
    path = tmp_path / "record.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    en = CliRunner().invoke(validate_main, [str(path), "--lang", "en", "--today", TODAY]).output
    vi = CliRunner().invoke(validate_main, [str(path), "--lang", "vi", "--today", TODAY]).output
    assert re.search(r"does not follow the (Party|State) \(N.TYPE.ISSUER\) grammar", en) and "Đảng" not in en, en
    assert re.search(r"quy cách (Đảng|Nhà nước) \(N.LOẠI.CƠ QUAN\)", vi) and "grammar" not in vi.split("number-grammar")[-1], vi


# --- plan-convert over bad input --------------------------------------------------------------

def _record(**changes) -> bytes:
    doc = json.loads(next((RULES_DIR / "document.id" / "pass").glob("*.json")).read_text("utf-8"))
    return json.dumps({**doc, **changes}, ensure_ascii=False).encode("utf-8")


def _zip_of(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def _zip_bomb() -> bytes:
    return _zip_of(("word/document.xml", bytes(4 * 1024 * 1024)))


_VNI = (b"Co\xe4ng hoa\xf8 xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam, \xf1a\xfap \xf6\xf9ng.\n") * 20
BAD_INPUT = {
    "input.empty": b"  \n",
    "input.binary": bytes(range(256)) * 4,
    "input.json-syntax": b'{"khthVersion": "1.0",}',
    "input.too-deep": b"[" * 5000,
    "input.xml-syntax": b"<document xmlns='urn:khth:xml:1'><title></document>",
    "input.xml-doctype": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "b">]><document/>',
    "input.encoding": b'{"title": "K\xe9 ho\xe1ch"}',
    "input.xml-root": b"<plan xmlns='urn:khth:xml:1'/>",
    "input.xml-namespace": b"<document xmlns='urn:khth:xml:1'><title xmlns='urn:other'>x</title></document>",
    "input.xml-attribute": b"<document xmlns='urn:khth:xml:1' lang='vi'/>",
    "input.xml-unknown-element": b"<document xmlns='urn:khth:xml:1'><colour>x</colour></document>",
    "input.legacy-encoding": _VNI,
    "input.unknown-encoding": bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 30,
    "input.utf16-damaged": b"\xff\xfe" + b"\x00\xd8" * 3,
    "input.not-a-plan": "Hôm nay trời đẹp.\nChúng tôi đi chơi công viên.\n".encode(),
    "input.invalid-document": _record(issueDate="2024-02-30"),
    "input.pdf-no-text": pdf([[Placed(72, 100, "x")]], image_only=True),
    "input.pdf-invalid": b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    "input.encrypted": pdf([[Placed(72, 100, "x")]], encrypt=True),
    "input.zip-bomb": _zip_bomb(),
    "input.archive-unknown": _zip_of(("notes.txt", b"x")),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("code", BAD_INPUT)
def test_plan_convert_speaks_one_language(tmp_path, monkeypatch, code, lang):
    if code == "input.pdf-no-text":  # refused only where no OCR is installed
        monkeypatch.setattr("khth.converters.ocr.tesseract", lambda: None)
    src = tmp_path / "đầu-vào.txt"
    src.write_bytes(BAD_INPUT[code])
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "--lang", lang])
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert line.startswith(f"plan-convert: {src}:")
    message = line.split(": ", 2)[2] if line.count(": ") >= 2 else line
    template = rule(code).message_en if lang == "en" else rule(code).message_vi
    first_words = re.split(r"\{", template)[0].strip()
    assert first_words in message or not first_words, message
    strings = {str(src), src.name}
    if code == "input.invalid-document":
        strings |= _strings(json.loads(BAD_INPUT[code])) | CODES
    assert_in_language(code, message, lang, strings)
    assert " / " not in message


def test_plan_convert_refusal_of_an_invalid_record_reads_as_one_sentence(tmp_path):
    src = tmp_path / "record.json"
    src.write_bytes(BAD_INPUT["input.invalid-document"])
    en = CliRunner().invoke(convert_main, [str(src), "--to", "xml", "--lang", "en"]).output
    assert "plan-convert: " in en and "the record read is not valid: 1 error(s), the first at /issueDate: " in en
    both = CliRunner().invoke(convert_main, [str(src), "--to", "xml"]).output
    assert both.count(" / ") == 1 and "Bản ghi đọc được không hợp lệ: 1 lỗi" in both.split(" / ")[0]


def test_the_catalogue_templates_are_each_in_their_language():
    for r in RULES:
        assert not has_vietnamese(r.message_en + r.title_en), r.code
        assert not (_words(r.message_vi) & ENGLISH_WORDS), r.code


_FIELD = re.compile(r"\{(\w+)\}")


@given(st.sampled_from(RULES), st.text(alphabet="abc", min_size=1, max_size=5))
def test_worded_parameters_follow_the_language(r, token):
    fields = set(_FIELD.findall(r.message_vi)) | set(_FIELD.findall(r.message_en))
    params = {f: Text(f"<vi:{token}>", f"<en:{token}>") for f in fields}
    vi, en = r.message("vi", params), r.message("en", params)
    assert "<en:" not in vi and "<vi:" not in en
    assert all(f"{{{f}}}" not in vi + en for f in fields)
    assert (f"<vi:{token}>" in vi) == bool(_FIELD.findall(r.message_vi))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_plan_validate_usage_errors_speak_one_language(tmp_path, lang):
    result = CliRunner().invoke(validate_main, [str(tmp_path), "--lang", lang])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.startswith("plan-validate:")]
    assert len(lines) == 1, result.output
    assert has_vietnamese(lines[0]) == (lang == "vi"), lines[0]
