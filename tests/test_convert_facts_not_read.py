"""plan-convert names the facts of the published profile it could not read, refuses them with
``--require published``, and writes a record as a Word document (``--to docx``)."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from docx import Document

import khth
from khth.cli.convert import main
from khth.schema.catalogue import FACT_NAMES, rule
from khth.schema.profiles import PUBLISHED_FACTS

from conftest import EXAMPLES, SOURCES

BLANK_SERIAL = SOURCES / "001_11dcdf82ff36e281.txt"  # a dispatch "Số: /UBND", day blank, and the plan it carries
LOST_HEADERS = sorted(SOURCES.glob("003_*")) + sorted(SOURCES.glob("004_*"))
WHOLE = SOURCES / "000_a86e3adf03591467.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line]


@pytest.mark.parametrize("path", LOST_HEADERS, ids=lambda p: p.name[:3])
def test_a_lost_header_is_named_fact_by_fact_with_its_reason(path, tmp_path):
    result = run(path, "--to", "json", "-o", tmp_path / "out.json")
    assert result.exit_code == 0 and (tmp_path / "out.json").exists()
    [line] = _stderr_lines(result)
    assert line.startswith(f"plan-convert: {path}: không đọc được: số, ký hiệu (/number, bị mất); "
                           "ngày ban hành (/issueDate, bị mất)")
    assert " / could not read: number (/number, lost); issue date (/issueDate, lost)" in line
    assert line.endswith("— lenient profile")


def test_a_blank_serial_is_said_to_be_blank_not_unread(tmp_path):
    result = run(BLANK_SERIAL, "--to", "json", "-o", tmp_path / "out.json")
    assert result.exit_code == 0
    [line] = _stderr_lines(result)
    # the dispatch, first in the bundle; the plan it carries has its whole header
    assert line.startswith(f"plan-convert: {BLANK_SERIAL}:/documents/0: văn bản để trống: "
                           "số thứ tự (/number/serial); ngày ban hành (/issueDate)")
    assert "không đọc được" not in line and "could not read" not in line
    assert "left blank in the document: serial (/number/serial); issue date (/issueDate)" in line


def test_a_whole_header_and_a_khth_record_give_no_message(tmp_path):
    for path in (WHOLE, EXAMPLES / "ke-hoach-ubnd-tp-buon-ma-thuot.json"):
        result = run(path, "--to", "json", "-o", tmp_path / "out.json")
        assert result.exit_code == 0 and result.stderr == "", path


def test_lang_en_says_it_in_english_only():
    result = run(LOST_HEADERS[0], "--to", "json", "--lang", "en")
    [line] = _stderr_lines(result)
    assert "could not read: number (/number, lost)" in line
    assert "không" not in line and "số" not in line and "hồ sơ" not in line


def test_lang_vi_says_it_in_vietnamese_only():
    [line] = _stderr_lines(run(BLANK_SERIAL, "--to", "json", "--lang", "vi"))
    assert "văn bản để trống" in line and "left blank" not in line and "serial (" not in line


@pytest.mark.parametrize("path", [*LOST_HEADERS, BLANK_SERIAL], ids=lambda p: p.name[:3])
def test_require_published_refuses_with_exit_1_and_writes_nothing(path, tmp_path):
    out = tmp_path / "out.json"
    result = run(path, "--to", "json", "--require", "published", "-o", out)
    assert result.exit_code == 1 and not out.exists()
    lines = _stderr_lines(result)
    assert lines[-1].endswith("nothing written: the published profile needs the facts above")
    assert any("/issueDate" in line for line in lines[:-1])


def test_require_published_refuses_on_standard_output_too():
    result = run(LOST_HEADERS[0], "--to", "json", "--require", "published")
    assert result.exit_code == 1 and result.stdout == ""


def test_require_published_passes_a_whole_header(tmp_path):
    out = tmp_path / "out.json"
    result = run(WHOLE, "--to", "json", "--require", "published", "-o", out)
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["number"]["printed"] == "192-KH/TU"


def test_require_published_holds_a_lenient_khth_record_to_it_too(tmp_path):
    out = tmp_path / "out.xml"
    result = run(EXAMPLES / "ke-hoach-ubnd-tp-buon-ma-thuot.json", "--to", "xml", "--require", "published", "-o", out)
    assert result.exit_code == 1 and not out.exists() and "/issueDate" in result.stderr


def test_help_documents_require_docx_and_the_exit_codes():
    text = run("--help").output
    assert "--require" in text and "docx" in text and "lacks facts --require asks for" in text


def test_every_published_fact_has_a_name_in_both_languages():
    assert set(FACT_NAMES) == PUBLISHED_FACTS
    assert all(name.vi and name.en for name in FACT_NAMES.values())


def test_the_api_gives_findings_of_the_catalogue_rules():
    findings = khth.facts_not_read(khth.convert(BLANK_SERIAL))
    assert [(f.code, f.severity, f.pointer) for f in findings] == [
        ("convert.facts-blank", rule("convert.facts-blank").severity, "/documents/0")]
    lost = khth.facts_not_read(khth.convert(LOST_HEADERS[0]), "plan.txt")
    assert [(f.code, f.file) for f in lost] == [("convert.facts-not-read", "plan.txt")]
    assert lost[0].severity == "warning" and lost[0].en.startswith("could not read: number (/number, lost)")
    assert khth.facts_not_read(khth.convert(WHOLE)) == []


# --- Word output --------------------------------------------------------------------------------

def _facts(record: dict) -> list[tuple]:
    return [(d.get("number", {}).get("printed"), d.get("issueDate"), d.get("title"))
            for d in record.get("documents", [record])]


def test_docx_output_opens_in_word_and_reads_back_with_the_same_facts(tmp_path):
    out, back = tmp_path / "plan.docx", tmp_path / "back.json"
    assert run(BLANK_SERIAL, "--to", "docx", "-o", out).exit_code == 0
    document = Document(str(out))
    assert any("KẾ HOẠCH" in p.text for p in document.paragraphs)
    assert run(out, "--to", "json", "-o", back).exit_code == 0
    first = json.loads(run(BLANK_SERIAL, "--to", "json").stdout)
    assert _facts(json.loads(back.read_text(encoding="utf-8"))) == _facts(first)
    assert _facts(first)[1] == ("145-KH/HU", "2024-03-27", _facts(first)[1][2]) and _facts(first)[1][2]


def test_docx_of_a_record_is_the_api_rendering(tmp_path):
    path = EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json"
    out = tmp_path / "plan.docx"
    assert run(path, "--to", "docx", "-o", out).exit_code == 0
    data = khth.to_docx(khth.load(path))
    assert data[:2] == b"PK"
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert texts == [p.text for p in Document(str(out)).paragraphs]


def test_docx_without_output_is_a_usage_error_and_nothing_is_written():
    result = run(WHOLE, "--to", "docx")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--to docx needs -o FILE: a Word document is binary" in result.stderr
    assert "--to docx cần -o TỆP" in result.stderr


def test_docx_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    assert run(WHOLE, "--to", "docx", "-o", out).exit_code == 0
    assert out.read_bytes()[:2] == b"PK" and list(tmp_path.iterdir()) == [out]


# --- every listed fact is named once, under the right rule ----------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from khth.schema.codelists import MissingReason  # noqa: E402

_MISSING = st.dictionaries(st.sampled_from(sorted(PUBLISHED_FACTS)), st.sampled_from([m.value for m in MissingReason]))


@given(_MISSING, st.sampled_from(["/title/x", "/annex", "/signature/position"]))
def test_each_published_fact_listed_is_named_once_by_its_kind(missing, other):
    doc = {"profile": "lenient", "provenance": {"missing": [{"field": f, "reason": r} for f, r in missing.items()]
                                                + [{"field": other, "reason": "lost"}]}}
    findings = {f.code: f for f in khth.facts_not_read(doc)}
    blank = {f for f, r in missing.items() if r == MissingReason.BLANK.value}
    for code, fields in (("convert.facts-blank", blank), ("convert.facts-not-read", set(missing) - blank)):
        finding = findings.pop(code, None)
        assert (finding is not None) == bool(fields)
        for field in fields:
            assert finding.en.count(f"({field},") + finding.en.count(f"({field})") == 1
    assert findings == {} and all(other not in f.en for f in khth.facts_not_read(doc))


def test_no_facts_are_named_when_the_output_cannot_be_written(tmp_path):
    result = run(LOST_HEADERS[0], "--to", "json", "-o", tmp_path / "no-such-folder" / "out.json")
    assert result.exit_code == 1 and "could not read" not in result.stderr and "cannot write" in result.stderr
