"""Records are UTF-8 text in NFC that XML 1.0 can carry, with one value per key: both commands
refuse, or for NFC normalise, whatever else arrives, and say why in both languages."""

from __future__ import annotations

import json
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.cli import convert as convert_cli
from khth.cli.validate import main as validate_main
from khth.input.errors import KhthInputError
from khth.input.loading import MAX_DEPTH, parse_json, parse_xml

from conftest import EXAMPLES, SOURCES

from strategies import json_objects

PLAN = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"
PLAN_XML = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.xml"
TODAY = "2026-11-22"


def _codes(path) -> list[str]:
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--format", "json", str(path)])
    return [f["code"] for file in json.loads(result.output)["files"] for f in file["findings"]]


def _convert(path, to: str):
    return CliRunner().invoke(convert_cli.main, [str(path), "--to", to])


def _plan_xml() -> str:
    return PLAN_XML.read_text(encoding="utf-8")


# --- declared and actual encodings ---------------------------------------------------------------

def test_an_xml_declaration_naming_another_encoding_is_refused_by_both_tools(tmp_path):  # D05
    path = tmp_path / "latin1.xml"
    path.write_text(_plan_xml().replace("encoding='UTF-8'", "encoding='ISO-8859-1'"), encoding="utf-8")
    assert _codes(path) == ["input.xml-encoding"]
    result = _convert(path, "json")
    assert result.exit_code == 1
    assert "names the encoding ISO-8859-1; records are UTF-8" in result.output
    assert "ghi bảng mã ISO-8859-1; bản ghi KHTH là UTF-8" in result.output
    assert "TuyÃªn" not in result.output  # no mojibake


@pytest.mark.parametrize("declared", ["UTF-8", "utf-8", "UTF8"])
def test_a_utf8_declaration_in_any_spelling_is_accepted(tmp_path, declared):
    path = tmp_path / "plan.xml"
    path.write_text(_plan_xml().replace("encoding='UTF-8'", f'encoding="{declared}"'), encoding="utf-8")
    assert "input.encoding" not in _codes(path)


@pytest.mark.parametrize("codec,with_bom", [("utf-16-le", True), ("utf-16-be", False), ("utf-16-le", False)])
def test_utf16_xml_is_refused_never_read_as_text(tmp_path, codec, with_bom):  # D10
    path = tmp_path / "plan.xml"
    path.write_bytes(("\ufeff" if with_bom else "").encode(codec) + _plan_xml().encode(codec))
    result = _convert(path, "json")
    assert result.exit_code == 1
    assert "XML: records are UTF-8" in result.output and "bản ghi KHTH phải là UTF-8" in result.output
    assert _codes(path) == ["input.utf16-record"]


def test_utf16_plain_text_is_still_read_as_text(tmp_path):
    source = sorted(SOURCES.glob("*.txt"))[0]
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\xff\xfe" + source.read_text(encoding="utf-8").encode("utf-16-le"))
    assert _convert(path, "json").exit_code == 0


# --- NFC -------------------------------------------------------------------------------------------

def _nfd_plan(tmp_path):
    record = json.loads(PLAN.read_text(encoding="utf-8"))
    record["title"] = unicodedata.normalize("NFD", record["title"])
    path = tmp_path / "nfd.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path, record


def test_json_with_nfd_text_converts_to_nfc_xml_that_validates(tmp_path):  # D11
    path, record = _nfd_plan(tmp_path)
    result = CliRunner().invoke(convert_cli.main, [str(path), "--to", "xml", "-o", str(tmp_path / "out.xml")])
    assert result.exit_code == 0
    xml = (tmp_path / "out.xml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", xml)
    assert unicodedata.normalize("NFC", record["title"]) in xml
    assert "input.not-nfc" not in _codes(tmp_path / "out.xml")


def test_xml_with_nfd_text_converts_to_nfc_json(tmp_path):
    path = tmp_path / "nfd.xml"
    path.write_text(unicodedata.normalize("NFD", _plan_xml()), encoding="utf-8")
    result = _convert(path, "json")
    assert result.exit_code == 0 and unicodedata.is_normalized("NFC", result.output)


# --- DOCTYPE ---------------------------------------------------------------------------------------

def test_a_comment_mentioning_doctype_is_not_a_doctype(tmp_path):  # D15
    head, rest = _plan_xml().split("\n", 1)
    path = tmp_path / "comment.xml"
    path.write_text(f"{head}\n<!-- never write a <!DOCTYPE here -->\n<?note x?>\n{rest}", encoding="utf-8")
    assert "input.xml-doctype" not in _codes(path)
    assert _convert(path, "json").exit_code == 0


@pytest.mark.parametrize("prolog", ["<!DOCTYPE document>", "<!-- <document> -->\n<!doctype document>",
                                    "<?pi <document>?><!DOCTYPE document [<!ENTITY e 'x'>]>"])
def test_a_real_doctype_is_refused_wherever_it_stands_in_the_prolog(tmp_path, prolog):
    head, rest = _plan_xml().split("\n", 1)
    path = tmp_path / "doctype.xml"
    path.write_text(f"{head}\n{prolog}\n{rest}", encoding="utf-8")
    assert _codes(path) == ["input.xml-doctype"]
    assert _convert(path, "json").exit_code == 1


# --- control characters ----------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"])
def test_characters_xml_cannot_carry_are_refused_by_both_tools(tmp_path, char):
    record = json.loads(PLAN.read_text(encoding="utf-8"))
    record["place"] = f"Đức{char}Phổ"
    path = tmp_path / "control.json"
    path.write_text(json.dumps(record, ensure_ascii=True), encoding="utf-8")
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--format", "json", str(path)])
    found = json.loads(result.output)["files"][0]["findings"]
    assert [f["code"] for f in found] == ["input.control-character"]
    assert found[0]["pointer"] == "/place" and f"U+{ord(char):04X}" in found[0]["en"]
    for to in ("json", "xml"):
        converted = _convert(path, to)
        assert converted.exit_code == 1 and "/place" in converted.output and "Traceback" not in converted.output


def test_tab_and_line_breaks_are_not_control_characters_here(tmp_path):
    record = json.loads(PLAN.read_text(encoding="utf-8"))
    record["provenance"]["printedText"] = "dòng một\r\ndòng\thai"
    path = tmp_path / "breaks.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert "input.control-character" not in _codes(path)


def test_records_built_in_memory_meet_the_same_input_rules():
    import khth

    record = json.loads(PLAN.read_text(encoding="utf-8"))
    record["place"] = "Đức\x01Phổ"
    report = khth.validate(khth.api.Record("document", record), today=TODAY)
    assert [f.code for f in report.findings] == ["input.control-character"]


# --- duplicate keys --------------------------------------------------------------------------------

def test_a_repeated_key_is_an_error_with_its_pointer_in_both_tools(tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    path = tmp_path / "twice.json"
    path.write_text(text.replace('    "serial": 192,\n', '    "serial": 192,\n    "serial": 193,\n'), encoding="utf-8")
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--format", "json", str(path)])
    found = json.loads(result.output)["files"][0]["findings"]
    assert [(f["code"], f["pointer"]) for f in found] == [("input.duplicate-key", "/number/serial")]
    converted = _convert(path, "xml")
    assert converted.exit_code == 1 and "/number/serial" in converted.output


# text with quotes, backslashes and colons, which the fast count of keys must not be fooled by
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from('"\\: '), max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts.filter(lambda k: len(k) < 7), inner,
                                                                 max_size=4),
    max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(value=json_values, spaced=st.booleans(), data=st.data())
def test_repeated_keys_are_found_exactly(value, spaced, data):
    """Any JSON without a repeated key parses; repeating any key of any object is always found."""
    separators = (", ", " : ") if spaced else (",", ":")
    assert parse_json(json.dumps(value, separators=separators).encode()) == value
    objects = [(p, o) for p, o in json_objects(value) if o]
    if not objects:
        return
    pointer, target = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(target)))
    marker = "a marker longer than any key"
    target[marker] = 0
    text = json.dumps(value, separators=separators)
    encoded_key = json.dumps(key)
    text = text.replace(json.dumps(marker) + separators[1] + "0", encoded_key + separators[1] + "0")
    with pytest.raises(KhthInputError) as exc:
        parse_json(text.encode())
    assert exc.value.code == "input.duplicate-key"


# --- depth -----------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(depth=st.integers(1, 3 * MAX_DEPTH), kinds=st.lists(st.sampled_from(["array", "object"]), min_size=1))
def test_nesting_is_refused_exactly_past_the_limit(depth, kinds):
    json_text, xml_text = "0", "<v>0</v>"
    for level in range(depth):
        json_text = f"[{json_text}]" if kinds[level % len(kinds)] == "array" else f'{{"k": {json_text}}}'
    for _ in range(depth - 1):
        xml_text = f"<e>{xml_text}</e>"
    for text, parse in ((json_text, parse_json), (xml_text, parse_xml)):
        if depth <= MAX_DEPTH:
            parse(text.encode())
        else:
            with pytest.raises(KhthInputError, match="nested deeper"):
                parse(text.encode())
