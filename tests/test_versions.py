"""KHTH 1.1 is a minor version: every 1.0 record stays valid, plan-validate reads both and says which
version each record declares, and the tools write 1.1."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from khth.cli.validate import main as validate_main
from khth.schema.files import SCHEMA_IDS
from khth.schema.version import KHTH_VERSION
from khth.validator.schema_checks import compile_json_validators, load_schema

from conftest import EXAMPLE_JSON, EXAMPLE_XML, EXAMPLES, load, reference_validators
from conformance.write_cases import as_1_0
from strategies import bundles, standalone_documents

TODAY = "2026-11-22"
RS = compile_json_validators()
PY = reference_validators()
PLAN = EXAMPLES / "ke-hoach-ubnd-tinh-binh-dinh.json"  # a 1.0 record
BUNDLE = EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json"


def test_the_standard_is_at_1_1_and_so_are_the_schema_identifiers():
    assert KHTH_VERSION == "1.1"
    assert SCHEMA_IDS == {"document": "urn:khth:schema:1.1:document", "bundle": "urn:khth:schema:1.1:bundle"}
    assert load_schema("document")["x-khth-version"] == "1.1"


def test_every_1_0_example_is_valid_under_1_1():
    """The examples as 1.0 wrote them: those that declare 1.0, and those that declare 1.1 (their
    curated facts use a 1.1 addition) without their 1.1 additions."""
    declared = {load(p)["khthVersion"] for p in EXAMPLE_JSON}
    assert declared == {"1.0", "1.1"}
    for path in EXAMPLE_JSON:
        data = load(path)
        if data["khthVersion"] == "1.1":
            assert as_1_0(data) != {**data, "khthVersion": "1.0"}, f"{path.name} uses no 1.1 addition: declare 1.0"
            data = as_1_0(data)
        root = "bundle" if "documents" in data else "document"
        assert RS[root].is_valid(data) and PY[root].is_valid(data), path.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(standalone_documents)
def test_every_generated_1_0_document_is_valid_under_1_1(doc):
    assert doc["khthVersion"] == "1.0"
    assert list(RS["document"].iter_errors(doc)) == []
    assert list(PY["document"].iter_errors(doc)) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundles)
def test_every_generated_1_0_bundle_is_valid_under_1_1(bundle):
    assert bundle["khthVersion"] == "1.0"
    assert list(RS["bundle"].iter_errors(bundle)) == []


def _report(*paths) -> dict:
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--format", "json", *map(str, paths)])
    return json.loads(result.output)


def test_plan_validate_accepts_1_0_and_1_1_and_reports_which_each_record_declares(tmp_path):
    newer = tmp_path / "plan-1.1.json"
    newer.write_text(json.dumps({**load(PLAN), "khthVersion": "1.1"}, ensure_ascii=False), encoding="utf-8")
    report = _report(PLAN, BUNDLE, EXAMPLE_XML[0])
    assert report["valid"]
    versions = {f["file"]: [r.get("khthVersion") for r in f["records"]] for f in report["files"]}
    assert versions[str(PLAN)] == ["1.0"]
    # checked alone: the same record twice in one run counts once (its digest leaves khthVersion out)
    newer_report = _report(newer)
    assert newer_report["valid"] and [r["khthVersion"] for r in newer_report["files"][0]["records"]] == ["1.1"]
    assert versions[str(BUNDLE)] == ["1.0", "1.0"]  # members without their own take the bundle's
    assert versions[str(EXAMPLE_XML[0])] == ["1.0"]


def test_the_verbose_text_report_names_the_declared_version():
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--verbose", str(PLAN)])
    assert "[lenient] KHTH 1.0" in result.output
    result = CliRunner().invoke(validate_main, ["--today", TODAY, "--verbose", str(EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json")])
    assert "[published] KHTH 1.1" in result.output


def test_another_major_version_is_refused(tmp_path):
    path = tmp_path / "plan-2.json"
    path.write_text(json.dumps({**load(PLAN), "khthVersion": "2.0"}, ensure_ascii=False), encoding="utf-8")
    report = _report(path)
    assert not report["valid"]
    assert any(f["code"] == "schema.json" and f["pointer"] == "/khthVersion" for f in report["files"][0]["findings"])


def test_records_the_reader_writes_declare_1_1():
    from khth.cli.convert import main as convert_main

    result = CliRunner().invoke(
        convert_main, [str(EXAMPLES / "sources" / "001_11dcdf82ff36e281.txt"), "--to", "json"])
    assert json.loads(result.stdout)["khthVersion"] == "1.1"
