"""JUnit XML, for CI test reports: one test case per file, failed when the file has an error."""

from __future__ import annotations

from lxml import etree

from ..engine import RunResult
from .provenance import TOOL, by_file, provenance


def render_junit(run: RunResult, lang: str = "both", **_: object) -> str:
    groups = by_file(run)
    failures = sum(1 for fs in groups.values() if any(f.severity == "error" for f in fs))
    suites = etree.Element("testsuites", name=TOOL, tests=str(len(groups)), failures=str(failures), errors="0")
    suite = etree.SubElement(suites, "testsuite", name=TOOL, tests=str(len(groups)), failures=str(failures),
                             errors="0", skipped="0")
    props = etree.SubElement(suite, "properties")
    for key, value in provenance().items():
        etree.SubElement(props, "property", name=key, value=value)
    for file, findings in groups.items():
        case = etree.SubElement(suite, "testcase", classname="khth", name=file)
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            body = "\n".join(f"{f.location()} [{f.code}] {f.message(lang)}" for f in errors)
            failure = etree.SubElement(case, "failure", type=errors[0].code,
                                       message=f"{len(errors)} error(s): {errors[0].message(lang)}")
            failure.text = body
        others = [f for f in findings if f.severity != "error"]
        if others:
            out = etree.SubElement(case, "system-out")
            out.text = "\n".join(f"{f.severity} {f.location()} [{f.code}] {f.message(lang)}" for f in others)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
