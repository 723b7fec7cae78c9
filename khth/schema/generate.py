"""Generate the JSON Schemas, the XSD and the reference sections of SPEC.md from the model.

    python -m khth.schema.generate          # rewrite the generated files
    python -m khth.schema.generate --check  # exit 1 if any generated file is out of date

The outputs are committed; tests/test_generated.py fails when they drift from the model.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .codelists import DESCRIPTIONS as CODELIST_DESCRIPTIONS
from .codelists import Codelist
from .files import ROOT_NAMES, SCHEMA_FILES, SCHEMA_IDS, SHAPE_FILE, XML_NAMESPACE, XSD_FILE
from .introspect import FieldSpec, ModelSpec, TypeSpec, all_codelists, all_models, all_simple_types, model_spec
from .model import KHTH_VERSION, Bundle, Document
from .profiles import REQUIRED_FACTS
from .types import FULL_DATE, SimpleType, render_pattern

SCHEMA_DIR = Path(__file__).resolve().parent
GENERATED_BEGIN = "<!-- BEGIN GENERATED: {name} (python -m khth.schema.generate) -->"
GENERATED_END = "<!-- END GENERATED: {name} -->"


# --- JSON Schema ----------------------------------------------------------------------------

# Keywords the schemas carry beyond JSON Schema 2020-12, all annotations (they never change a verdict).
# VS Code reads the first three; the x- ones keep what no standard keyword holds. SPEC.md lists them with
# the line that declares them to ajv, whose strict mode refuses unknown keywords.
ANNOTATION_KEYWORDS = {
    "markdownDescription": "The description in both languages, as Markdown; editors show it on hover.",
    "enumDescriptions": "For a codelist: each code's meaning, in the order of `enum` (English, then Vietnamese).",
    "markdownEnumDescriptions": "The same as Markdown; editors show it on hover and in completion lists.",
    "x-description-vi": "The Vietnamese description of a type or property (the English one is `description`).",
    "x-codelist": "For a codelist: each code's Vietnamese term, English term and note, as data.",
    "x-khth-version": "The KHTH version the schema describes.",
}
# What a string ending in a line feed is refused by: Python's `re` lets `$` match before a final line feed,
# so without it python-jsonschema would accept "2024-01-01\n" where ECMA-262 and Rust refuse it.
NO_FINAL_LINE_FEED = {"description": "Ends with a line feed (U+000A).", "pattern": "\n$"}
ACRONYMS = {"khth": "KHTH", "ocr": "OCR", "id": "ID"}


def _markdown(en: str, vi: str) -> str:
    return f"{en}\n\n*{vi}*"


def _described(en: str, vi: str) -> dict[str, Any]:
    return {"description": en, "x-description-vi": vi, "markdownDescription": _markdown(en, vi)}


def _defined(en: str, vi: str) -> dict[str, Any]:
    """The annotations of a definition under $defs: no `title` and no `markdownDescription`, because VS Code's
    language service copies a referenced definition's keys over those beside the `$ref`, and its hover shows
    the title and the Markdown text first found; so a property keeps its own (the definition's name is its
    key)."""
    return {"description": en, "x-description-vi": vi}


def _simple_def(t: SimpleType) -> dict[str, Any]:
    out: dict[str, Any] = {**_defined(t.description, t.vi), "type": t.base}
    if t.pattern:
        out["pattern"] = f"^{render_pattern(t.pattern, 'json')}$"
        out["not"] = dict(NO_FINAL_LINE_FEED)
    if t.min_length is not None:
        out["minLength"] = t.min_length
    if t.json_format:
        out["format"] = t.json_format
    if t.minimum is not None:
        out["minimum"] = t.minimum
    if t.maximum is not None:
        out["maximum"] = t.maximum
    return out


def _code_meaning(vi: str, en: str, note: str) -> str:
    return f"{en} — {vi}" + (f". {note}" if note else "")


def _codelist_def(c: type[Codelist]) -> dict[str, Any]:
    name = c.codelist_name()
    en, vi = CODELIST_DESCRIPTIONS.get(name, (f"Codelist {name}.", ""))
    labels = c.labels()
    return {
        **_defined(en, vi),
        "type": "string",
        "enum": [m.value for m in c],
        "enumDescriptions": [_code_meaning(*labels[m.value]) for m in c],
        "markdownEnumDescriptions": [_code_meaning(*labels[m.value]) for m in c],
        "x-codelist": {code: {"vi": vi, "en": en, **({"note": note} if note else {})}
                       for code, (vi, en, note) in labels.items()},
    }


def _ref(name: str, base: str) -> dict[str, Any]:
    return {"$ref": f"{base}#/$defs/{name}"}


def _type_schema(t: TypeSpec, base: str) -> dict[str, Any]:
    if t.kind == "simple":
        return _ref(t.simple.name, base)  # type: ignore[union-attr]
    if t.kind == "codelist":
        return _ref(t.codelist.codelist_name(), base)  # type: ignore[union-attr]
    if t.kind == "model":
        return _ref(t.model.__name__, base)  # type: ignore[union-attr]
    assert t.item is not None
    return {"type": "array", "minItems": 1, "items": _type_schema(t.item, base)}


def property_title(name: str) -> str:
    """issueDate → "Issue date": a short label of the property's own, so that an editor never shows the
    shared type's title in its place."""
    words = re.sub(r"([A-Z])", r" \1", name).lower().split()
    words = [ACRONYMS.get(w, w) for w in words]
    return (words[0][:1].upper() + words[0][1:] + "".join(" " + w for w in words[1:])) if words else name


def _property_schema(f: FieldSpec, base: str) -> dict[str, Any]:
    out: dict[str, Any] = {"title": property_title(f.name), **_described(f.description, f.vi)}
    out.update(_type_schema(f.type, base))
    return out


# Editors attach a schema to a JSON file through a "$schema" property; a record may carry one.
SCHEMA_PROPERTY = {
    "title": "Schema",
    **_described("The JSON Schema the record is written against (urn:khth:schema:…, a URL or a path), for "
                 "editors. It is no part of the record: converters drop it.",
                 "Lược đồ JSON mà bản ghi tuân theo (urn:khth:schema:…, một URL hoặc một đường dẫn), dùng cho "
                 "trình soạn thảo. Không thuộc nội dung bản ghi: bộ chuyển đổi bỏ trường này."),
    "type": "string",
}


def _model_def(spec: ModelSpec, base: str = "") -> dict[str, Any]:
    properties = {f.name: _property_schema(f, base) for f in spec.fields}
    if spec.cls in (Document, Bundle):
        properties = {"$schema": SCHEMA_PROPERTY, **properties}
    out: dict[str, Any] = {
        **_defined(spec.description, spec.vi),
        "type": "object",
        "properties": properties,
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
            # Inline and unannotated: an editor's hover then shows the property's own text, not the date's.
            node.setdefault("properties", {})[parts[-1]] = {
                k: v for k, v in _simple_def(FULL_DATE).items() if k not in ("description", "x-description-vi")}
    _typed(then)
    return {
        "if": {"type": "object", "properties": {"profile": {"const": profile}}, "required": ["profile"]},
        "then": then,
    }


def _typed(node: dict[str, Any]) -> None:
    """Each object-only subschema says it is an object: ajv's strict mode refuses `required` without it."""
    node["type"] = "object"
    for sub in node.get("properties", {}).values():
        if "required" in sub:
            _typed(sub)


def _document_defs() -> dict[str, Any]:
    defs: dict[str, Any] = {spec.name: _model_def(spec) for spec in all_models(Document)}
    for c in all_codelists(Document):
        defs[c.codelist_name()] = _codelist_def(c)
    for t in all_simple_types(Document):
        defs[t.name] = _simple_def(t)
    return defs


def json_schema(root: str) -> dict[str, Any]:
    """The document schema holds every definition; the bundle schema holds only Bundle and refers to the
    document schema by its $id, so that one type is defined once. The root is `allOf` + `required`: some
    engines drop keywords beside a `$ref`."""
    title = {"document": "KHTH document", "bundle": "KHTH bundle"}[root]
    description = {
        "document": ("One Vietnamese implementation plan or related document (Kế hoạch thực hiện), as a "
                     "stand-alone KHTH record. Normative text: SPEC.md.",
                     "Một kế hoạch thực hiện hoặc văn bản liên quan, là một bản ghi KHTH đứng riêng. "
                     "Văn bản quy chuẩn: SPEC.md."),
        "bundle": ("Several KHTH documents in one file; each refers to the document schema, "
                   f"{SCHEMA_IDS['document']}. Normative text: SPEC.md.",
                   f"Nhiều văn bản KHTH trong một tệp; mỗi văn bản theo lược đồ văn bản, {SCHEMA_IDS['document']}. "
                   "Văn bản quy chuẩn: SPEC.md."),
    }[root]
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_IDS[root],
        "title": title,
        **_described(*description),
        "x-khth-version": KHTH_VERSION,
        "type": "object",
        "allOf": [{"$ref": f"#/$defs/{ROOT_NAMES[root]}"}],
    }
    if root == "document":
        schema["required"] = ["khthVersion"]
        schema["$defs"] = _document_defs()
    else:
        schema["$defs"] = {"Bundle": _model_def(model_spec(Bundle), base=SCHEMA_IDS["document"])}
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
        # The template's own characters are escaped for XML first; the white space classes arrive as
        # character references, which must stay as they are.
        value = render_pattern(escape(t.pattern, {'"': "&quot;"}), "xsd")
        facets += f"      <xs:pattern value=\"{value}\"/>\n"
    if t.min_length is not None:
        facets += f"      <xs:minLength value=\"{t.min_length}\"/>\n"
    if t.base == "boolean":
        facets += "      <xs:pattern value=\"true|false\"/>\n"
    if t.minimum is not None:
        facets += f"      <xs:minInclusive value=\"{t.minimum}\"/>\n"
    if t.maximum is not None:
        facets += f"      <xs:maxInclusive value=\"{t.maximum}\"/>\n"
    return (f"  <xs:simpleType name={quoteattr(t.name)}>\n"
            + _doc(t.description, t.vi, "    ")
            + f"    <xs:restriction base=\"{base}\">\n{facets}    </xs:restriction>\n  </xs:simpleType>\n")


def _xsd_codelist(c: type[Codelist]) -> str:
    en, vi = CODELIST_DESCRIPTIONS.get(c.codelist_name(), (f"Codelist {c.codelist_name()}.", ""))
    out = (f"  <xs:simpleType name={quoteattr(c.codelist_name())}>\n" + _doc(en, vi, "    ")
           + "    <xs:restriction base=\"xs:string\">\n")
    for code, (vi, en, note) in c.labels().items():
        out += f"      <xs:enumeration value={quoteattr(code)}>\n"
        out += _doc(en + (f". {note}" if note else ""), vi, "        ")
        out += "      </xs:enumeration>\n"
    return out + "    </xs:restriction>\n  </xs:simpleType>\n"


# The root <document> must state khthVersion; a document inside a bundle need not. XSD 1.0 cannot make an
# element's occurrence depend on its parent, so the stand-alone document has a type of its own.
STANDALONE_DOCUMENT = "StandaloneDocument"


def _xsd_complex(spec: ModelSpec, name: str, description: tuple[str, str], required: set[str]) -> str:
    out = [f"  <xs:complexType name={quoteattr(name)}>\n", _doc(*description, "    "), "    <xs:sequence>\n"]
    for f in spec.fields:
        out.append(_xsd_element(replace(f, required=True) if f.name in required else f, "      "))
    out.append("    </xs:sequence>\n  </xs:complexType>\n")
    return "".join(out)


def xsd() -> str:
    names: list[str] = []
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           "<!-- Generated from the KHTH model by `python -m khth.schema.generate`. Do not edit. -->\n",
           f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{XML_NAMESPACE}"\n'
           f'           targetNamespace="{XML_NAMESPACE}" elementFormDefault="qualified" version="{KHTH_VERSION}">\n',
           _doc("KHTH XML profile: Vietnamese implementation plans (Kế hoạch thực hiện). Element names mirror the "
                "JSON property names; see SPEC.md, JSON and XML.",
                "Hồ sơ XML của KHTH: kế hoạch thực hiện. Tên phần tử trùng tên thuộc tính JSON.", "  "),
           f'  <xs:element name="document" type="{STANDALONE_DOCUMENT}"/>\n',
           '  <xs:element name="bundle" type="Bundle"/>\n']
    for spec in all_models(Bundle):
        names.append(spec.name)
        out.append(_xsd_complex(spec, spec.name, (spec.description, spec.vi), set()))
        if spec.cls is Document:
            names.append(STANDALONE_DOCUMENT)
            out.append(_xsd_complex(
                spec, STANDALONE_DOCUMENT,
                ("A document as the root element of a file: as Document, with khthVersion required.",
                 "Văn bản là phần tử gốc của một tệp: như Document, bắt buộc có khthVersion."),
                {"khthVersion"}))
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
        constraint = (f"`^{render_pattern(t.pattern, 'json')}$`" if t.pattern
                      else f"{t.minimum} to {t.maximum}" if t.minimum is not None and t.maximum is not None
                      else f"≥ {t.minimum}" if t.minimum is not None
                      else f"at least {t.min_length} character" if t.min_length else "")
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


def annotation_keywords() -> str:
    rows = [f"| `{k}` | {_md(v)} |" for k, v in ANNOTATION_KEYWORDS.items()]
    listed = ", ".join(json.dumps(k) for k in ANNOTATION_KEYWORDS)
    return "\n".join(["| Keyword | Holds |", "|---|---|", *rows, "", "```js",
                      f"const ajv = new Ajv2020({{ keywords: [{listed}] }});", "```", ""])


SPEC_SECTIONS = {
    "annotation-keywords": annotation_keywords,
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
