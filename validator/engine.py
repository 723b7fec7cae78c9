"""Validate KHTH documents in JSON or XML against the generated schemas and the profiles.

JSON is checked with the JSON Schema (jsonschema-rs, formats on). XML is checked with the XSD,
then mapped to its JSON form and checked with the same JSON Schema, so both forms meet the same
requirements, including the profile conditions that XSD 1.0 cannot express.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema_rs
from lxml import etree

from khth.converters.canonical import root_of
from khth.converters.errors import KhthInputError
from khth.converters.loading import check_bytes, detect_format, parse_json, parse_xml
from khth.converters.xml_form import from_xml, pointer_to_xpath
from khth.schema.generate import SCHEMA_FILES, XSD_FILE
from khth.schema.profiles import profile_gaps

from .findings import Finding


def load_schema(root: str) -> dict[str, Any]:
    return json.loads(resources.files("khth.schema").joinpath(SCHEMA_FILES[root]).read_text(encoding="utf-8"))


def _xsd() -> etree.XMLSchema:
    with resources.as_file(resources.files("khth.schema").joinpath(XSD_FILE)) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def _pointer(parts: list[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Validator:
    """Compiles the schemas once; validates any number of inputs."""

    def __init__(self) -> None:
        self._json = {root: jsonschema_rs.Draft202012Validator(load_schema(root), validate_formats=True)
                      for root in SCHEMA_FILES}
        self._xsd = _xsd()

    # -- entry points ------------------------------------------------------------------------

    def validate_bytes(self, data: bytes, name: str) -> list[Finding]:
        try:
            check_bytes(data)
            fmt = detect_format(data)
            if fmt == "json":
                return self._validate_json(parse_json(data), name, None)
            if fmt == "xml":
                return self._validate_xml(data, name)
            raise KhthInputError("input-format", "Không nhận ra định dạng: cần JSON hoặc XML",
                                 "unrecognised format: JSON or XML expected", line=1, column=1)
        except KhthInputError as exc:
            return [Finding(name, exc.code, "error", exc.vi, exc.en, line=exc.line, column=exc.column,
                            pointer=exc.location if exc.location and exc.location.startswith("/") else None)]

    def validate_data(self, data: Any, name: str = "<data>") -> list[Finding]:
        """Validate an already parsed JSON form."""
        return self._validate_json(data, name, None)

    # -- JSON --------------------------------------------------------------------------------

    def schema_findings(self, data: Any, name: str = "<data>", xml_root: str | None = None) -> list[Finding]:
        """JSON Schema errors only (no profile cross-checks)."""
        findings = []
        for err in self._json[root_of(data)].iter_errors(data):
            pointer = _pointer(list(err.instance_path))
            findings.append(self._at(name, "schema", "error", f"Không đúng lược đồ: {err.message}",
                                     f"schema: {err.message}", pointer, xml_root))
        return findings

    def _validate_json(self, data: Any, name: str, xml_root: str | None) -> list[Finding]:
        root = root_of(data)
        findings = self.schema_findings(data, name, xml_root)
        if findings:
            return findings
        documents = data["documents"] if root == "bundle" else [data]
        for i, doc in enumerate(documents):
            base = f"/documents/{i}" if root == "bundle" else ""
            for gap in profile_gaps(doc):
                what = {"absent": ("vắng mà không được ghi trong provenance.missing",
                                   "is absent and not listed in provenance.missing"),
                        "partial-date": ("là ngày chưa đủ mà không được ghi trong provenance.missing",
                                         "is a partial date and not listed in provenance.missing"),
                        "listed-but-present": ("được ghi là thiếu trong provenance.missing nhưng lại có giá trị",
                                               "is listed in provenance.missing but has a value")}[gap.problem]
                code = "profile-missing-but-present" if gap.problem == "listed-but-present" else "profile-unexplained-gap"
                findings.append(self._at(name, code, "error", f"{gap.pointer} {what[0]}",
                                         f"{gap.pointer} {what[1]}", base + gap.pointer, xml_root))
        return findings

    def _at(self, name: str, code: str, severity: str, vi: str, en: str, pointer: str,
            xml_root: str | None) -> Finding:
        if xml_root is None:
            return Finding(name, code, severity, vi, en, pointer=pointer or "/")
        return Finding(name, code, severity, vi, en, pointer=pointer or "/", xpath=pointer_to_xpath(xml_root, pointer))

    # -- XML ---------------------------------------------------------------------------------

    def _validate_xml(self, data: bytes, name: str) -> list[Finding]:
        tree = parse_xml(data)
        if not self._xsd.validate(tree):
            out = []
            for e in self._xsd.error_log:  # type: ignore[attr-defined]
                out.append(Finding(name, "xsd", "error", f"Không đúng XSD: {e.message}", f"XSD: {e.message}",
                                   xpath=e.path, line=e.line, column=e.column or None))
            return out
        root, json_form = from_xml(data)
        return self._validate_json(json_form, name, root)
