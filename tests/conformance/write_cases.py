"""Writes the conformance cases: each an example with one fault, named by what it breaks.

    python tests/conformance/write_cases.py

valid/            every engine must accept these (as it accepts the examples)
invalid/          every engine must refuse these (JSON: python-jsonschema, jsonschema-rs, ajv and
                  plan-validate's schema layer; XML: xmllint, xmlschema and plan-validate's XSD layer)
validator-only/   the schemas accept these and plan-validate refuses them by a rule SPEC.md lists

The files are committed; this script says how each was made. tests/test_conformance.py checks that
the committed files are what it writes.
"""

from __future__ import annotations

import copy
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLAN = ROOT / "examples" / "192-KH-TU_thi-uy-duc-pho.json"
BUNDLE = ROOT / "examples" / "cong-van-cho-chu_145-KH-HU.bundle.json"

Fault = Callable[[dict[str, Any]], None]


def _set(pointer: str, value: Any) -> Fault:
    def fault(doc: dict[str, Any]) -> None:
        *parents, last = pointer.strip("/").split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return fault


def _drop(pointer: str) -> Fault:
    def fault(doc: dict[str, Any]) -> None:
        *parents, last = pointer.strip("/").split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]
    return fault


def _edit_title(edit: Callable[[str], str]) -> Fault:
    def fault(doc: dict[str, Any]) -> None:
        doc["title"] = edit(doc["title"])
    return fault


def _inside(ch: str) -> Callable[[str], str]:
    return lambda t: t[:10] + ch + t[10:]


# name → fault on the published plan (192-KH/TU). Each name says what the record breaks.
PLAN_FAULTS: dict[str, Fault] = {
    "khth-version-missing": _drop("/khthVersion"),
    "khth-version-major-2": _set("/khthVersion", "2.0"),
    "khth-version-a-number": _set("/khthVersion", 1.1),
    "id-missing": _drop("/id"),
    "id-not-khth": _set("/id", "urn:other:KH:192"),
    "id-with-a-space": _set("/id", "khth:KH:192 KH/TU:2024-04-23:Ban_Thường_vụ_Thị_ủy"),
    "profile-missing": _drop("/profile"),
    "profile-unknown": _set("/profile", "draft"),
    "document-type-unknown": _set("/documentType", "XYZ"),
    "property-unknown": _set("/colour", "red"),
    "property-unknown-in-issuer": _set("/issuer/website", "https://example.org"),
    "schema-property-not-a-string": _set("/$schema", 5),
    "title-empty": _set("/title", ""),
    "title-not-a-string": _set("/title", 5),
    "title-trailing-line-feed": _edit_title(lambda t: t + "\n"),
    "title-trailing-crlf": _edit_title(lambda t: t + "\r\n"),
    "title-trailing-space": _edit_title(lambda t: t + " "),
    "title-trailing-tab": _edit_title(lambda t: t + "\t"),
    "title-trailing-ideographic-space": _edit_title(lambda t: t + "\u3000"),
    "title-leading-byte-order-mark": _edit_title(lambda t: "\ufeff" + t),
    "title-leading-no-break-space": _edit_title(lambda t: "\u00a0" + t),
    "title-leading-narrow-no-break-space": _edit_title(lambda t: "\u202f" + t),
    "title-leading-em-space": _edit_title(lambda t: "\u2003" + t),
    "title-line-feed-inside": _edit_title(_inside("\n")),
    "title-carriage-return-inside": _edit_title(_inside("\r")),
    "title-line-separator-inside": _edit_title(_inside("\u2028")),
    "title-paragraph-separator-inside": _edit_title(_inside("\u2029")),
    "title-next-line-inside": _edit_title(_inside("\u0085")),
    "title-vertical-tab-inside": _edit_title(_inside("\u000b")),
    "title-form-feed-inside": _edit_title(_inside("\u000c")),
    "title-record-separator-inside": _edit_title(_inside("\u001e")),
    "issue-date-trailing-line-feed": _set("/issueDate", "2024-04-23\n"),
    "issue-date-month-13": _set("/issueDate", "2024-13-01"),
    "issue-date-day-and-month-order": _set("/issueDate", "23/04/2024"),
    "issue-date-february-30-published": _set("/issueDate", "2024-02-30"),
    "issue-date-partial-published": _set("/issueDate", "2024-04"),
    "signature-missing-published": _drop("/signature"),
    "parent-number-missing-published": _drop("/parent/number"),
    "number-serial-zero": _set("/number/serial", 0),
    "number-serial-a-string": _set("/number/serial", "192"),
    "number-type-code-with-a-space": _set("/number/typeCode", "K H"),
    "number-system-unknown": _set("/number/system", "church"),
    "reference-year-before-1900": _set("/references/0/number/year", 1800),
    "references-empty": _set("/references", []),
    "body-empty": _set("/body", []),
    "block-role-unknown": _set("/body/0/role", "epilogue"),
    "block-agencies-not-a-list": _set("/body/2/children/0/children/2/agencies", "Ban Thường vụ Thị ủy"),
    "timeframe-kind-missing": _drop("/body/2/children/0/children/4/timeframe/kind"),
    "reporting-frequency-unknown": _set("/body/3/children/2/reporting/frequencies", ["fortnightly"]),
    "reporting-deadline-without-dashes": _set("/body/3/children/2/reporting/deadline", "11-20"),
    "recipient-purpose-unknown": _set("/recipients/0/purpose", "gossip"),
    "signature-marker-unknown": _set("/signature/authority/0/marker", "X."),
    "signature-signed-at-with-a-space": _set("/signature/signedAt", "2024-04-23 10:00:00"),
    "provenance-ocr-a-string": _set("/provenance/ocr", "yes"),
    "provenance-printed-text-empty": _set("/provenance/printedText", ""),
    "provenance-missing-pointer-without-slash": _set("/provenance/missing", [{"field": "number", "reason": "blank"}]),
    "source-line-zero": _set("/provenance/source/startLine", 0),
    # What 1.1 adds, written wrong.
    "block-partners-not-a-list": _set("/body/3/children/3/partners", "các cơ quan, ban, ngành"),
    "reporting-day-of-month-32": _set("/body/3/children/2/reporting/dayOfMonth", 32),
    "reporting-month-of-quarter-4": _set("/body/3/children/2/reporting/monthOfQuarter", 4),
    "reporting-weekday-unknown": _set("/body/3/children/2/reporting/weekday", "someday"),
    "reporting-due-days-without-dashes": _set("/body/3/children/2/reporting/dueDays", ["06-15", "12-15"]),
    "target-bound-unknown": _set("/body/2/children/0/children/4/targets",
                                 [{"bound": "roughly", "value": "90", "unit": "%", "printed": "Khoảng 90%."}]),
    "timeframe-period-without-end": _set("/body/2/children/0/children/4/timeframe/periods", [{"start": "2024"}]),
}

BUNDLE_FAULTS: dict[str, Fault] = {
    "bundle-khth-version-missing": _drop("/khthVersion"),
    "bundle-documents-empty": _set("/documents", []),
    "bundle-member-property-unknown": _set("/documents/0/colour", "red"),
    "bundle-member-title-trailing-line-feed": _set("/documents/1/title", "Thực hiện Chỉ thị\n"),
    "bundle-member-profile-unknown": _set("/documents/0/profile", "draft"),
}

# Faults the XML form can carry (XML 1.0 holds no VT, FF or RS; an XML value has no JSON type): the same
# change, written as KHTH XML. Every engine reads the XSD; plan-validate checks the JSON Schema too.
XML_FAULTS = [
    "khth-version-missing", "khth-version-major-2", "profile-unknown", "document-type-unknown",
    "property-unknown-in-issuer", "title-trailing-line-feed", "title-trailing-space",
    "title-leading-byte-order-mark", "title-leading-no-break-space", "title-line-separator-inside",
    "title-next-line-inside", "issue-date-month-13", "issue-date-day-and-month-order", "number-serial-zero",
    "number-type-code-with-a-space", "block-role-unknown", "timeframe-kind-missing",
    "provenance-printed-text-empty", "bundle-documents-empty", "reporting-day-of-month-32",
    "reporting-month-of-quarter-4", "reporting-weekday-unknown", "target-bound-unknown",
    "timeframe-period-without-end",
    "bundle-member-property-unknown",
]

# The serialiser refuses to write a property the model lacks, so these are edits of the valid XML.
XML_TEXT_EDITS: dict[str, tuple[str, str]] = {
    "property-unknown-in-issuer": ("<issuer>\n", "<issuer>\n    <website>https://example.org</website>\n"),
    "bundle-member-property-unknown": ("<document>\n", "<document>\n      <colour>red</colour>\n"),
}

# Accepted by every schema engine; plan-validate refuses them. name → (fault, the rule that refuses it).
VALIDATOR_ONLY: dict[str, tuple[Fault, str]] = {
    "lenient-issue-date-february-30": (
        lambda d: (_set("/profile", "lenient")(d), _set("/issueDate", "2024-02-30")(d)), "document.date-invalid"),
    "title-not-nfc": (_edit_title(lambda t: unicodedata.normalize("NFD", t)), "input.not-nfc"),
}


# Valid records every engine must accept beside the examples: what 1.1 adds to how a record may be written.
def _in_1_1(pointer: str, value: Any) -> Fault:
    """A 1.1 addition, in a record that declares 1.1."""
    def fault(doc: dict[str, Any]) -> None:
        doc["khthVersion"] = "1.1"
        _set(pointer, value)(doc)
    return fault


VALID: dict[str, Fault] = {
    "schema-property-for-editors": _set("/$schema", "urn:khth:schema:1.1:document"),
    "khth-version-1-1": _set("/khthVersion", "1.1"),
    "block-lead-and-partners": _in_1_1("/body/3/children/3/partners", ["các cơ quan, ban, ngành"]),
    "reporting-due-days": _in_1_1("/body/3/children/2/reporting",
                                  {"frequencies": ["semiannual"], "dueDays": ["--06-15", "--12-15"],
                                   "to": ["Ban Thường vụ Thị ủy"],
                                   "printed": "báo cáo Ban Thường vụ Thị ủy trước ngày 15/6 và 15/12 hằng năm."}),
    "reporting-day-of-the-last-month-of-each-quarter": _in_1_1(
        "/body/3/children/2/reporting",
        {"frequencies": ["quarterly"], "dayOfMonth": 25, "monthOfQuarter": 3, "to": ["Ban Thường vụ Thị ủy"],
         "printed": "báo cáo Ban Thường vụ Thị ủy trước ngày 25 của tháng cuối quý."}),
    "reporting-weekly-on-a-weekday": _in_1_1(
        "/body/3/children/2/reporting",
        {"frequencies": ["weekly"], "weekday": "friday", "to": ["Ban Thường vụ Thị ủy"],
         "printed": "báo cáo Ban Thường vụ Thị ủy hằng tuần (thứ Sáu)."}),
    "target-with-its-bound": _in_1_1("/body/2/children/0/children/4/targets",
                                     [{"bound": "atLeast", "value": "90", "unit": "%",
                                       "printed": "Phấn đấu ít nhất 90% trẻ em được tiêm chủng."}]),
    "timeframe-listing-periods": _in_1_1("/body/2/children/0/children/4/timeframe",
                                         {"kind": "period", "start": "2024-04", "end": "2024-12",
                                          "periods": [{"start": "2024-04", "end": "2024-06"},
                                                      {"start": "2024-10", "end": "2024-12"}],
                                          "printed": "Quý II và quý IV/2024."}),
    "reference-joint-number": _in_1_1("/references/0/number",
                                      {"printed": "02/CTrPH-MTTQ-UBND", "system": "state", "serial": 2,
                                       "typeCode": "CTrPH", "issuerCode": "MTTQ-UBND"}),
}


def fields_added_in(version: str) -> dict[str, list[str]]:
    """The fields a minor version added, by model name: those whose description ends "Since
    {version}." (the model states when each addition came)."""
    sys.path.insert(0, str(ROOT))
    from khth.schema.introspect import all_models
    from khth.schema.model import Bundle

    mark = f"Since {version}."
    out: dict[str, list[str]] = {}
    for spec in all_models(Bundle):
        added = [f.name for f in spec.fields if f.description.endswith(mark)]
        if added:
            out[spec.name] = added
    return out


def as_1_0(record: dict[str, Any]) -> dict[str, Any]:
    """The record as KHTH 1.0 wrote it: the fields 1.1 added taken out, khthVersion 1.0. The cases
    start from it, so that an engine of either version is held to them; what 1.1 adds has cases of
    its own."""
    added = {name for names in fields_added_in("1.1").values() for name in names}

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in added}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return {**strip(record), "khthVersion": "1.0"}


def _with(base: dict[str, Any], fault: Fault) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    fault(doc)
    return doc


def _json_text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def cases() -> dict[Path, bytes]:
    """Every case file, by path, with its bytes."""
    sys.path.insert(0, str(ROOT))
    from khth.input.xml_form import to_xml

    plan = as_1_0(json.loads(PLAN.read_text(encoding="utf-8")))
    bundle = as_1_0(json.loads(BUNDLE.read_text(encoding="utf-8")))
    out: dict[Path, bytes] = {}
    records: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, fault in PLAN_FAULTS.items():
        records[name] = ("document", _with(plan, fault))
    for name, fault in BUNDLE_FAULTS.items():
        records[name] = ("bundle", _with(bundle, fault))
    for name, (_root, doc) in records.items():
        out[HERE / "invalid" / f"{name}.json"] = _json_text(doc).encode("utf-8")
    for name in XML_FAULTS:
        root, doc = records[name]
        if name in XML_TEXT_EDITS:
            valid = to_xml(bundle if root == "bundle" else plan, root).decode("utf-8")
            old, new = XML_TEXT_EDITS[name]
            assert old in valid, name
            out[HERE / "invalid" / f"{name}.xml"] = valid.replace(old, new, 1).encode("utf-8")
        else:
            out[HERE / "invalid" / f"{name}.xml"] = to_xml(doc, root)
    for name, fault in VALID.items():
        out[HERE / "valid" / f"{name}.json"] = _json_text(_with(plan, fault)).encode("utf-8")
    for name, (fault, _rule) in VALIDATOR_ONLY.items():
        out[HERE / "validator-only" / f"{name}.json"] = _json_text(_with(plan, fault)).encode("utf-8")
    return out


def main() -> int:
    for path, data in cases().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
