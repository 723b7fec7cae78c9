"""Generate the JSON Schemas, the XSD and the reference sections of SPEC.md from the model.

    python -m khth.schema.generate          # rewrite the generated files
    python -m khth.schema.generate --check  # exit 1 if any generated file is out of date

The outputs are committed; tests/test_generated.py fails when they drift from the model.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .codelists import Codelist
from .files import SCHEMA_FILES, SCHEMA_IDS, SHAPE_FILE, XML_NAMESPACE, XSD_FILE
from .introspect import FieldSpec, ModelSpec, TypeSpec, all_codelists, all_models, all_simple_types
from .model import KHTH_VERSION, Bundle, Document
from .profiles import REQUIRED_FACTS
from .types import FULL_DATE, SimpleType

SCHEMA_DIR = Path(__file__).resolve().parent
GENERATED_BEGIN = "<!-- BEGIN GENERATED: {name} (python -m khth.schema.generate) -->"
GENERATED_END = "<!-- END GENERATED: {name} -->"


# --- JSON Schema ----------------------------------------------------------------------------

def _simple_def(t: SimpleType) -> dict[str, Any]:
    out: dict[str, Any] = {"title": t.name, "description": t.description, "type": t.base}
    if t.pattern:
        out["pattern"] = f"^{t.pattern}$"
    if t.json_format:
        out["format"] = t.json_format
    if t.minimum is not None:
        out["minimum"] = t.minimum
    return out


def _codelist_def(c: type[Codelist]) -> dict[str, Any]:
    return {
        "title": c.codelist_name(),
        "description": (c.__doc__ or f"Codelist {c.codelist_name()}.").strip()
        if c.__doc__ and c.__doc__ != Codelist.__doc__ else f"Codelist {c.codelist_name()}.",
        "type": "string",
        "enum": [m.value for m in c],
        "x-codelist": {code: {"vi": vi, "en": en, **({"note": note} if note else {})}
                       for code, (vi, en, note) in c.labels().items()},
    }


def _type_schema(t: TypeSpec) -> dict[str, Any]:
    if t.kind == "simple":
        return {"$ref": f"#/$defs/{t.simple.name}"}  # type: ignore[union-attr]
    if t.kind == "codelist":
        return {"$ref": f"#/$defs/{t.codelist.codelist_name()}"}  # type: ignore[union-attr]
    if t.kind == "model":
        return {"$ref": f"#/$defs/{t.model.__name__}"}  # type: ignore[union-attr]
    assert t.item is not None
    return {"type": "array", "minItems": 1, "items": _type_schema(t.item)}


def _property_schema(f: FieldSpec) -> dict[str, Any]:
    out = {"description": f.description, "x-description-vi": f.vi}
    out.update(_type_schema(f.type))
    return out


def _model_def(spec: ModelSpec) -> dict[str, Any]:
    out: dict[str, Any] = {
        "title": spec.name,
        "description": spec.description,
        "type": "object",
        "properties": {f.name: _property_schema(f) for f in spec.fields},
    }
    required = [f.name for f in spec.fields if f.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    if spec.cls is Document:
        out["allOf"] = [_profile_condition(p) for p, facts in REQUIRED_FACTS.items() if facts]
    return out


def _profile_condition(profile: str) -> dict[str, Any]:
    """if profile == P then every fact of REQUIRED_FACTS[P] is present (dates at full precision)."""
    then: dict[str, Any] = {}
    for fact in REQUIRED_FACTS[profile]:
        parts = fact.pointer.strip("/").split("/")
        node = then
        for part in parts[:-1]:
            node = node.setdefault("properties", {}).setdefault(part, {})
        node.setdefault("required", []).append(parts[-1])
        if fact.full_date:
            node.setdefault("properties", {})[parts[-1]] = {"$ref": f"#/$defs/{FULL_DATE.name}"}
    return {
        "if": {"properties": {"profile": {"const": profile}}, "required": ["profile"]},
        "then": then,
    }


def json_schema(root: str) -> dict[str, Any]:
    root_cls = {"document": Document, "bundle": Bundle}[root]
    defs: dict[str, Any] = {}
    for spec in all_models(Bundle):
        defs[spec.name] = _model_def(spec)
    for c in all_codelists(Bundle):
        defs[c.codelist_name()] = _codelist_def(c)
    for t in all_simple_types(Bundle) + [FULL_DATE]:
        defs[t.name] = _simple_def(t)
    title = {"document": "KHTH document", "bundle": "KHTH bundle"}[root]
    description = {
        "document": "One Vietnamese implementation plan or related document (Kế hoạch thực hiện), "
                    "as a stand-alone KHTH record. Normative text: SPEC.md.",
        "bundle": "Several KHTH documents in one file. Normative text: SPEC.md.",
    }[root]
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_IDS[root],
        "title": title,
        "description": description,
        "x-khth-version": KHTH_VERSION,
        "$ref": f"#/$defs/{root_cls.__name__}",
    }
    if root == "document":
        schema["required"] = ["khthVersion"]
    schema["$defs"] = defs
    return schema


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- XSD ------------------------------------------------------------------------------------

def _doc(en: str, vi: str, indent: str) -> str:
    return (f"{indent}<xs:annotation>\n"
            f"{indent}  <xs:documentation xml:lang=\"en\">{escape(en)}</xs:documentation>\n"
            f"{indent}  <xs:documentation xml:lang=\"vi\">{escape(vi)}</xs:documentation>\n"
            f"{indent}</xs:annotation>\n")


def _xsd_type_name(t: TypeSpec) -> str:
    if t.kind == "simple":
        return t.simple.name  # type: ignore[union-attr]
    if t.kind == "codelist":
        return t.codelist.codelist_name()  # type: ignore[union-attr]
    return t.model.__name__  # type: ignore[union-attr]


def _xsd_element(f: FieldSpec, indent: str) -> str:
    occurs = "" if f.required else ' minOccurs="0"'
    if f.type.kind != "list":
        return (f"{indent}<xs:element name={quoteattr(f.name)} type={quoteattr(_xsd_type_name(f.type))}{occurs}>\n"
                + _doc(f.description, f.vi, indent + "  ") + f"{indent}</xs:element>\n")
    item = f.type.item
    assert item is not None and f.xml_item
    return (f"{indent}<xs:element name={quoteattr(f.name)}{occurs}>\n"
            + _doc(f.description, f.vi, indent + "  ")
            + f"{indent}  <xs:complexType>\n{indent}    <xs:sequence>\n"
            + f"{indent}      <xs:element name={quoteattr(f.xml_item)} type={quoteattr(_xsd_type_name(item))}"
              f" maxOccurs=\"unbounded\"/>\n"
            + f"{indent}    </xs:sequence>\n{indent}  </xs:complexType>\n{indent}</xs:element>\n")


def _xsd_simple(t: SimpleType) -> str:
    base = {"string": "xs:string", "integer": "xs:integer", "boolean": "xs:boolean"}[t.base]
    facets = ""
    if t.pattern:
        facets += f"      <xs:pattern value={quoteattr(t.pattern)}/>\n"
    if t.base == "boolean":
        facets += "      <xs:pattern value=\"true|false\"/>\n"
    if t.minimum is not None:
        facets += f"      <xs:minInclusive value=\"{t.minimum}\"/>\n"
    return (f"  <xs:simpleType name={quoteattr(t.name)}>\n"
            + _doc(t.description, t.description, "    ")
            + f"    <xs:restriction base=\"{base}\">\n{facets}    </xs:restriction>\n  </xs:simpleType>\n")


def _xsd_codelist(c: type[Codelist]) -> str:
    out = f"  <xs:simpleType name={quoteattr(c.codelist_name())}>\n    <xs:restriction base=\"xs:string\">\n"
    for code, (vi, en, note) in c.labels().items():
        out += f"      <xs:enumeration value={quoteattr(code)}>\n"
        out += _doc(en + (f". {note}" if note else ""), vi, "        ")
        out += "      </xs:enumeration>\n"
    return out + "    </xs:restriction>\n  </xs:simpleType>\n"


def xsd() -> str:
    names: list[str] = []
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           "<!-- Generated from the KHTH model by `python -m khth.schema.generate`. Do not edit. -->\n",
           f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{XML_NAMESPACE}"\n'
           f'           targetNamespace="{XML_NAMESPACE}" elementFormDefault="qualified" version="{KHTH_VERSION}">\n',
           _doc("KHTH XML profile: Vietnamese implementation plans (Kế hoạch thực hiện). Element names mirror the "
                "JSON property names; see SPEC.md, JSON and XML.",
                "Hồ sơ XML của KHTH: kế hoạch thực hiện. Tên phần tử trùng tên thuộc tính JSON.", "  "),
           '  <xs:element name="document" type="Document"/>\n',
           '  <xs:element name="bundle" type="Bundle"/>\n']
    for spec in all_models(Bundle):
        names.append(spec.name)
        out.append(f"  <xs:complexType name={quoteattr(spec.name)}>\n")
        out.append(_doc(spec.description, spec.description, "    "))
        out.append("    <xs:sequence>\n")
        out.extend(_xsd_element(f, "      ") for f in spec.fields)
        out.append("    </xs:sequence>\n  </xs:complexType>\n")
    for c in all_codelists(Bundle):
        names.append(c.codelist_name())
        out.append(_xsd_codelist(c))
    for t in all_simple_types(Bundle):
        names.append(t.name)
        out.append(_xsd_simple(t))
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"XSD type names used twice: {sorted(duplicates)}")
    out.append("</xs:schema>\n")
    return "".join(out)


# --- the shape read by the tools ----------------------------------------------------------------

def _shape_of(t: TypeSpec) -> dict[str, Any]:
    if t.kind == "list":
        return {"kind": "list", "item": _shape_of(t.item)}  # type: ignore[arg-type]
    if t.kind == "simple":
        return {"kind": "simple", "name": t.simple.name, "base": t.simple.base}  # type: ignore[union-attr]
    if t.kind == "codelist":
        return {"kind": "codelist", "name": t.codelist.codelist_name()}  # type: ignore[union-attr]
    return {"kind": "model", "name": t.model.__name__}  # type: ignore[union-attr]


def shape() -> dict[str, Any]:
    """Each model's properties in order, with kind and XML item name: what the JSON↔XML mapping,
    canonical JSON and the validator need, without the model classes."""
    return {
        "khthVersion": KHTH_VERSION,
        "models": {spec.name: [{"name": f.name, "type": _shape_of(f.type), "required": f.required,
                                **({"xmlItem": f.xml_item} if f.xml_item else {})} for f in spec.fields]
                   for spec in all_models(Bundle)},
    }


# --- SPEC.md reference sections ----------------------------------------------------------------

def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_type(t: TypeSpec) -> str:
    if t.kind == "list":
        return f"list of {_md_type(t.item)}"  # type: ignore[arg-type]
    if t.kind == "model":
        return f"[{t.model.__name__}](#{t.model.__name__.lower()})"  # type: ignore[union-attr]
    if t.kind == "codelist":
        name = t.codelist.codelist_name()  # type: ignore[union-attr]
        return f"[{name}](#codelist-{name.lower()})"
    return f"[{t.simple.name}](#simple-types)"  # type: ignore[union-attr]


def field_reference() -> str:
    lines: list[str] = []
    for spec in all_models(Bundle):
        lines += [f"#### {spec.name}", "", spec.description, "",
                  "| JSON property / XML element | Type | Req. | Description | Mô tả |",
                  "|---|---|---|---|---|"]
        for f in spec.fields:
            name = f"`{f.name}`" + (f" (items `<{f.xml_item}>`)" if f.xml_item else "")
            lines.append(f"| {name} | {_md_type(f.type)} | {'yes' if f.required else ''} | "
                         f"{_md(f.description)} | {_md(f.vi)} |")
        lines.append("")
    lines += ["#### Simple types", "", "| Type | JSON | Pattern / constraint | Description |", "|---|---|---|---|"]
    for t in all_simple_types(Bundle) + [FULL_DATE]:
        constraint = f"`^{t.pattern}$`" if t.pattern else (f"≥ {t.minimum}" if t.minimum is not None else "")
        if t.json_format:
            constraint += f", format `{t.json_format}`"
        lines.append(f"| {t.name} | {t.base} | {_md(constraint)} | {_md(t.description)} |")
    lines.append("")
    return "\n".join(lines)


def codelist_reference() -> str:
    lines: list[str] = []
    for c in all_codelists(Bundle):
        lines += [f"#### Codelist {c.codelist_name()}", "", "| Code | Tiếng Việt | English | Note |", "|---|---|---|---|"]
        for code, (vi, en, note) in c.labels().items():
            lines.append(f"| `{code}` | {_md(vi)} | {_md(en)} | {_md(note)} |")
        lines.append("")
    return "\n".join(lines)


def profile_reference() -> str:
    lines = ["| Profile | Facts required by the schema |", "|---|---|"]
    for profile, facts in REQUIRED_FACTS.items():
        listed = ", ".join(f"`{f.pointer}`" + (" (full date)" if f.full_date else "") for f in facts)
        if not facts:
            listed = "none by the schema; every fact of the published list is present or listed in `provenance.missing`"
        lines.append(f"| `{profile}` | {listed} |")
    return "\n".join(lines) + "\n"


def rule_reference() -> str:
    # The validation rules are part of the normative text.
    from khth.schema.catalogue import rule_reference as rules

    return rules()


SPEC_SECTIONS = {
    "profiles": profile_reference,
    "rules": rule_reference,
    "field-reference": field_reference,
    "codelists": codelist_reference,
}


def render_spec(text: str) -> str:
    for name, fn in SPEC_SECTIONS.items():
        begin, end = GENERATED_BEGIN.format(name=name), GENERATED_END.format(name=name)
        pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"SPEC.md lacks the generated section markers for {name!r}")
        text = pattern.sub(lambda _m: f"{begin}\n\n{fn()}\n{end}", text)
    return text


# --- entry point ----------------------------------------------------------------------------

def outputs(spec_path: Path | None) -> dict[Path, str]:
    files = {SCHEMA_DIR / SCHEMA_FILES[root]: dump_json(json_schema(root)) for root in SCHEMA_FILES}
    files[SCHEMA_DIR / XSD_FILE] = xsd()
    files[SCHEMA_DIR / SHAPE_FILE] = dump_json(shape())
    if spec_path is not None and spec_path.exists():
        files[spec_path] = render_spec(spec_path.read_text(encoding="utf-8"))
    return files


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    spec = SCHEMA_DIR.parents[1] / "SPEC.md"
    stale = []
    for path, content in outputs(spec).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != content:
            stale.append(path)
            if not check:
                path.write_text(content, encoding="utf-8")
    for path in stale:
        print(("out of date: " if check else "wrote: ") + str(path))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
