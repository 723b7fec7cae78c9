"""The conformance suite: every engine gives the same verdict on every case.

JSON: python-jsonschema (formats on), jsonschema-rs as pinned, the newest jsonschema-rs installed beside it
(`make conformance-tools`), ajv 8 with ajv-formats (npm, tests/conformance/js) and plan-validate's schema
layer. XML: xmllint (Debian libxml2-utils), xmlschema and plan-validate's XSD layer. Cases: the examples and
tests/conformance/valid (accepted by all), tests/conformance/invalid (refused by all), and
tests/conformance/validator-only (accepted by the schemas, refused by plan-validate by a rule SPEC.md lists).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from khth.input.canonical import root_of
from khth.schema import generate
from khth.schema.files import SCHEMA_FILES, XSD_FILE
from khth.validator.engine import Validator
from khth.validator.schema_checks import compile_json_validators, json_schema_findings

from conftest import EXAMPLE_JSON, EXAMPLE_XML, ROOT, reference_validators

CONFORMANCE = ROOT / "tests" / "conformance"
SCHEMA_DIR = ROOT / "khth" / "schema"
JS = CONFORMANCE / "js"
RS_NEWEST = ROOT / ".venv" / "jsonschema-rs-newest"
TODAY = "2026-11-22"

sys.path.insert(0, str(CONFORMANCE))
import write_cases  # noqa: E402

VALID_JSON = sorted(EXAMPLE_JSON) + sorted((CONFORMANCE / "valid").glob("*.json"))
VALID_XML = sorted(EXAMPLE_XML)
INVALID_JSON = sorted((CONFORMANCE / "invalid").glob("*.json"))
INVALID_XML = sorted((CONFORMANCE / "invalid").glob("*.xml"))
VALIDATOR_ONLY = sorted((CONFORMANCE / "validator-only").glob("*.json"))
ALL_JSON = VALID_JSON + INVALID_JSON + VALIDATOR_ONLY


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


# --- the engines --------------------------------------------------------------------------------

def python_jsonschema(path: Path) -> bool:
    data = _load(path)
    return reference_validators()[root_of(data)].is_valid(data)


@cache
def _pinned():
    return compile_json_validators()


def jsonschema_rs_pinned(path: Path) -> bool:
    data = _load(path)
    return _pinned()[root_of(data)].is_valid(data)


def plan_validate_schema_layer(path: Path) -> bool:
    data = _load(path)
    return json_schema_findings(_pinned()[root_of(data)], data, str(path)) == []


_NEWEST_SCRIPT = """
import json, sys, jsonschema_rs
schemas, cases = json.loads(sys.stdin.read())
loaded = {root: json.load(open(path, encoding="utf-8")) for root, path in schemas.items()}
registry = jsonschema_rs.Registry([(s["$id"], s) for s in loaded.values()])
validators = {root: jsonschema_rs.Draft202012Validator(s, validate_formats=True, registry=registry)
              for root, s in loaded.items()}
print(json.dumps([jsonschema_rs.__version__ if hasattr(jsonschema_rs, "__version__") else ""]
                 + [validators[root].is_valid(json.load(open(path, encoding="utf-8"))) for root, path in cases]))
"""


@cache
def _newest_verdicts() -> dict[str, bool]:
    if not (RS_NEWEST / "jsonschema_rs").is_dir():
        pytest.skip(f"the newest jsonschema-rs is not installed in {RS_NEWEST} (make conformance-tools)")
    schemas = {root: str(SCHEMA_DIR / f) for root, f in SCHEMA_FILES.items()}
    cases = [[root_of(_load(p)), str(p)] for p in ALL_JSON]
    out = subprocess.run([sys.executable, "-c", _NEWEST_SCRIPT], input=json.dumps([schemas, cases]),
                         capture_output=True, text=True, check=True, cwd=RS_NEWEST,
                         env={"PYTHONPATH": str(RS_NEWEST), "PATH": "/usr/bin:/bin"})
    verdicts = json.loads(out.stdout)[1:]
    return {str(p): v for p, v in zip(ALL_JSON, verdicts)}


def jsonschema_rs_newest(path: Path) -> bool:
    return _newest_verdicts()[str(path)]


@cache
def _ajv_verdicts() -> dict[str, bool]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed (Debian package nodejs; Node 20 or newer)")
    if not (JS / "node_modules" / "ajv").is_dir() or not (JS / "node_modules" / "ajv-formats").is_dir():
        pytest.skip("npm packages ajv and ajv-formats are not installed (npm ci in tests/conformance/js)")
    request = {"schemas": {root: str(SCHEMA_DIR / f) for root, f in SCHEMA_FILES.items()},
               "keywords": list(generate.ANNOTATION_KEYWORDS),
               "cases": [[root_of(_load(p)), str(p)] for p in ALL_JSON]}
    out = subprocess.run(["node", str(JS / "check.mjs")], input=json.dumps(request), capture_output=True,
                         text=True, check=True, cwd=JS)
    return {r["path"]: r["valid"] for r in json.loads(out.stdout)}


def ajv(path: Path) -> bool:
    return _ajv_verdicts()[str(path)]


JSON_ENGINES = [python_jsonschema, jsonschema_rs_pinned, jsonschema_rs_newest, ajv, plan_validate_schema_layer]


def xmllint(path: Path) -> bool:
    if shutil.which("xmllint") is None:
        pytest.skip("xmllint is not installed (Debian package libxml2-utils)")
    done = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(SCHEMA_DIR / XSD_FILE), str(path)],
                          capture_output=True)
    assert done.returncode in (0, 3, 4), done.stderr  # 3, 4: not valid; anything else: xmllint failed
    return done.returncode == 0


@cache
def _xmlschema():
    xmlschema = pytest.importorskip("xmlschema", reason="Python package xmlschema is not installed")
    return xmlschema.XMLSchema(str(SCHEMA_DIR / XSD_FILE))


def xmlschema_engine(path: Path) -> bool:
    return _xmlschema().is_valid(str(path))


def plan_validate_xsd_layer(path: Path) -> bool:
    findings = Validator().check_bytes(path.read_bytes(), str(path)).findings
    return not any(f.code == "schema.xsd" for f in findings)


XML_ENGINES = [xmllint, xmlschema_engine, plan_validate_xsd_layer]


def _ids(paths):
    return [_name(p) for p in paths]


# --- the verdicts -------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", JSON_ENGINES, ids=lambda e: e.__name__)
def test_every_json_engine_accepts_every_valid_record(engine):
    assert [_name(p) for p in VALID_JSON if not engine(p)] == []


@pytest.mark.parametrize("engine", JSON_ENGINES, ids=lambda e: e.__name__)
def test_every_json_engine_refuses_every_invalid_variant(engine):
    assert [_name(p) for p in INVALID_JSON if engine(p)] == []


@pytest.mark.parametrize("engine", XML_ENGINES, ids=lambda e: e.__name__)
def test_every_xml_engine_accepts_every_valid_record(engine):
    assert [_name(p) for p in VALID_XML if not engine(p)] == []


@pytest.mark.parametrize("engine", XML_ENGINES, ids=lambda e: e.__name__)
def test_every_xml_engine_refuses_every_invalid_variant(engine):
    assert [_name(p) for p in INVALID_XML if engine(p)] == []


@pytest.mark.parametrize("engine", JSON_ENGINES, ids=lambda e: e.__name__)
def test_validator_only_cases_pass_every_schema_engine(engine):
    assert [_name(p) for p in VALIDATOR_ONLY if not engine(p)] == []


@pytest.mark.parametrize("path", VALIDATOR_ONLY, ids=_ids(VALIDATOR_ONLY))
def test_plan_validate_refuses_each_validator_only_case_by_its_rule(path):
    rule = write_cases.VALIDATOR_ONLY[path.stem][1]
    errors = {f.code for f in Validator().check_bytes(path.read_bytes(), str(path)).findings
              if f.severity == "error"}
    assert rule in errors


@pytest.mark.parametrize("path", INVALID_JSON + INVALID_XML, ids=_ids(INVALID_JSON + INVALID_XML))
def test_plan_validate_reports_an_error_on_each_invalid_variant(path):
    findings = Validator().check_bytes(path.read_bytes(), str(path)).findings
    assert any(f.severity == "error" for f in findings)


def test_spec_lists_every_validator_only_rule_and_the_dialect():
    spec = (ROOT / "SPEC.md").read_text(encoding="utf-8")
    for _fault, rule in write_cases.VALIDATOR_ONLY.values():
        assert f"`{rule}`" in spec
    assert "ECMA-262" in spec and "Python `re`" in spec


# --- what an editor shows -----------------------------------------------------------------------

def _hover(record: Path, schema_uri: str, probes: list[tuple[int, int]]) -> list[str]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed (Debian package nodejs; Node 20 or newer)")
    if not (JS / "node_modules" / "vscode-json-languageservice").is_dir():
        pytest.skip("npm package vscode-json-languageservice is not installed (npm ci in tests/conformance/js)")
    request = {"schemas": {generate.SCHEMA_IDS[root]: str(SCHEMA_DIR / f) for root, f in SCHEMA_FILES.items()},
               "uri": schema_uri, "file": str(record), "probes": probes}
    out = subprocess.run(["node", str(JS / "hover.mjs")], input=json.dumps(request), capture_output=True,
                         text=True, check=True, cwd=JS)
    return json.loads(out.stdout)


def _position(path: Path, text: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text} not in {path}")


def test_vs_code_hover_shows_the_propertys_own_text_in_both_languages_and_the_codes_meaning():
    plan = write_cases.PLAN
    profile_key, profile_value = _position(plan, '"profile"'), _position(plan, '"published"')
    issue_date = _position(plan, '"issueDate"')
    key, value, date = _hover(plan, generate.SCHEMA_IDS["document"], [profile_key, profile_value, issue_date])
    schema = generate.json_schema("document")
    own = schema["$defs"]["Document"]["properties"]
    assert key.startswith("Profile\n\n" + own["profile"]["description"])
    assert own["profile"]["x-description-vi"] in key
    assert "Number, full date, issuer, title, parent link and signature are required" in value
    assert date.startswith("Issue date\n\n" + own["issueDate"]["description"])
    assert schema["$defs"]["PartialDate"]["description"] not in date


def test_vs_code_hover_in_a_bundle_reaches_the_document_schema():
    bundle = write_cases.BUNDLE
    profile = _position(bundle, '"lenient"')
    (text,) = _hover(bundle, generate.SCHEMA_IDS["bundle"], [profile])
    assert "Digitised legacy document — Văn bản số hóa" in text


# --- the suite itself ---------------------------------------------------------------------------

def test_the_suite_has_at_least_forty_invalid_variants_named_by_their_fault():
    assert len(INVALID_JSON) >= 40
    assert {p.stem for p in INVALID_JSON} == set(write_cases.PLAN_FAULTS) | set(write_cases.BUNDLE_FAULTS)
    assert {p.stem for p in INVALID_XML} == set(write_cases.XML_FAULTS)


def test_committed_cases_are_what_the_writer_writes():
    stale = [_name(p) for p, data in write_cases.cases().items() if not p.exists() or p.read_bytes() != data]
    assert stale == [], "run python tests/conformance/write_cases.py"


def test_each_invalid_variant_differs_from_its_example_in_one_place():
    """One fault each: the variant and the example differ at exactly one JSON Pointer."""
    def leaves(node, pointer=""):
        if isinstance(node, dict):
            return {k: v for key, value in node.items() for k, v in leaves(value, f"{pointer}/{key}").items()} or {
                pointer: "{}"}
        if isinstance(node, list):
            return {k: v for i, value in enumerate(node) for k, v in leaves(value, f"{pointer}/{i}").items()} or {
                pointer: "[]"}
        return {pointer: json.dumps(node)}

    for path in INVALID_JSON:
        variant = _load(path)
        example = write_cases.as_1_0(_load(write_cases.BUNDLE if path.stem.startswith("bundle-") else write_cases.PLAN))
        a, b = leaves(example), leaves(variant)
        changed = [k.split("/")[1:] for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
        common = changed[0]
        for steps in changed[1:]:
            same = 0
            while same < min(len(common), len(steps)) and common[same] == steps[same]:
                same += 1
            common = common[:same]
        assert common, (path.name, changed[:5])


def test_a_records_schema_property_passes_plan_validate_and_the_converter_drops_it():
    from khth.input.canonical import canonical_json
    from khth.input.xml_form import to_xml

    path = CONFORMANCE / "valid" / "schema-property-for-editors.json"
    data = _load(path)
    assert data["$schema"] == generate.SCHEMA_IDS["document"]
    assert not [f for f in Validator().check_bytes(path.read_bytes(), str(path)).findings if f.severity == "error"]
    plan = write_cases.as_1_0(_load(write_cases.PLAN))
    assert canonical_json(data, "document") == canonical_json(plan, "document")
    assert to_xml(data, "document") == to_xml(plan, "document")
