"""The schemas and SPEC.md reference sections are generated from the model and must not drift."""

from __future__ import annotations

import json

import jsonschema
import pytest
from lxml import etree

from khth.schema import generate
from khth.schema.introspect import all_models
from khth.schema.model import Bundle

from conftest import ROOT


def test_generated_files_match_the_model():
    stale = [str(path.relative_to(ROOT)) for path, content in generate.outputs(ROOT / "SPEC.md").items()
             if not path.exists() or path.read_text(encoding="utf-8") != content]
    assert not stale, f"regenerate with `make generate`: {stale}"


def test_spec_has_every_generated_section():
    text = (ROOT / "SPEC.md").read_text(encoding="utf-8")
    for name in generate.SPEC_SECTIONS:
        assert generate.GENERATED_BEGIN.format(name=name) in text
        assert generate.GENERATED_END.format(name=name) in text


@pytest.mark.parametrize("root", sorted(generate.SCHEMA_FILES))
def test_json_schema_is_valid_2020_12(root):
    schema = json.loads((ROOT / "khth" / "schema" / generate.SCHEMA_FILES[root]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # No keyword beside a root $ref (some engines drop it): the root is allOf + required.
    assert "$ref" not in schema and schema["allOf"] == [{"$ref": f"#/$defs/{generate.ROOT_NAMES[root]}"}]
    assert schema["$id"] == generate.SCHEMA_IDS[root]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_xsd_is_a_valid_schema():
    etree.XMLSchema(etree.parse(str(ROOT / "khth" / "schema" / generate.XSD_FILE)))


def _lint(schema):
    """Every property documented, every value constrained by a type or a reference."""
    problems = []
    for name, definition in schema["$defs"].items():
        if not definition.get("description"):
            problems.append(f"{name}: no description")
        if definition.get("type") == "object":
            if definition.get("additionalProperties") is not False:
                problems.append(f"{name}: open to unknown properties")
            for prop, sub in definition["properties"].items():
                if not sub.get("description") or not sub.get("x-description-vi"):
                    problems.append(f"{name}.{prop}: needs English and Vietnamese descriptions")
                if not sub.get("title"):
                    problems.append(f"{name}.{prop}: needs a title of its own")
                if "$ref" not in sub and "type" not in sub:
                    problems.append(f"{name}.{prop}: unconstrained")
                if sub.get("type") == "array" and ("items" not in sub or sub.get("minItems") != 1):
                    problems.append(f"{name}.{prop}: array without item schema or minItems")
        elif definition.get("type") == "string" and not (definition.get("pattern") or definition.get("enum")
                                                          or definition.get("minLength")):
            problems.append(f"{name}: string type without pattern, enum or minLength")
    return problems


@pytest.mark.parametrize("root", sorted(generate.SCHEMA_FILES))
def test_schema_lint(root):
    schema = json.loads((ROOT / "khth" / "schema" / generate.SCHEMA_FILES[root]).read_text(encoding="utf-8"))
    assert _lint(schema) == []


def test_lint_catches_an_undocumented_property():
    schema = generate.json_schema("document")
    del schema["$defs"]["Issuer"]["properties"]["name"]["description"]
    schema["$defs"]["Issuer"]["properties"]["extra"] = {"description": "x", "x-description-vi": "x"}
    problems = _lint(schema)
    assert "Issuer.name: needs English and Vietnamese descriptions" in problems
    assert "Issuer.extra: unconstrained" in problems


def test_every_model_field_reaches_json_schema_and_xsd():
    defs = {**generate.json_schema("document")["$defs"], **generate.json_schema("bundle")["$defs"]}
    xsd = etree.fromstring(generate.xsd().encode())
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    for spec in all_models(Bundle):
        props = [p for p in defs[spec.name]["properties"] if p != "$schema"]
        elements = xsd.xpath(f"xs:complexType[@name='{spec.name}']/xs:sequence/xs:element/@name", namespaces=ns)
        assert props == [f.name for f in spec.fields] == elements


def test_profile_condition_requires_published_facts():
    schema = generate.json_schema("document")
    published = next(c for c in schema["$defs"]["Document"]["allOf"]  # noqa: E501
                     if c["if"]["properties"]["profile"]["const"] == "published")
    assert set(published["then"]["required"]) >= {"number", "issueDate", "issuer", "title", "parent", "signature"}
    assert published["then"]["properties"]["parent"]["required"] == ["number", "issueDate"]
    assert published["then"]["properties"]["issueDate"]["format"] == "date"


def test_shape_mirrors_the_model():
    from khth.schema.shape import model

    for spec in all_models(Bundle):
        shape = model(spec.name)
        assert [f.name for f in shape.fields] == [f.name for f in spec.fields]
        assert [f.required for f in shape.fields] == [f.required for f in spec.fields]
        assert [f.xml_item for f in shape.fields] == [f.xml_item for f in spec.fields]


def test_tools_start_without_the_model_classes():
    import subprocess
    import sys

    code = ("import sys, khth.cli.validate; print('lxml' in sys.modules); import khth.input.xml_form; "
            "print('pydantic' in sys.modules, 'khth.schema.model' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]  # lxml waits for the first XML file


def _refs(node, out):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            out.add(node["$ref"])
        for value in node.values():
            _refs(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs(value, out)
    return out


def test_no_orphan_definitions_and_the_bundle_refers_to_the_document_schema():
    document, bundle = generate.json_schema("document"), generate.json_schema("bundle")
    used = {ref.rsplit("/", 1)[-1] for ref in _refs(document, set()) | _refs(bundle, set())}
    assert set(document["$defs"]) <= used
    assert list(bundle["$defs"]) == ["Bundle"]
    outside = {ref.split("#")[0] for ref in _refs(bundle, set())} - {""}
    assert outside == {generate.SCHEMA_IDS["document"]}


def _annotation_pairs(node, path, out):
    """(where, English, Vietnamese) for every JSON Schema node described in both languages."""
    if isinstance(node, dict):
        if "x-description-vi" in node:
            out.append((path, node.get("description"), node["x-description-vi"]))
        for key, value in node.items():
            _annotation_pairs(value, f"{path}/{key}", out)
    return out


@pytest.mark.parametrize("root", sorted(generate.SCHEMA_FILES))
def test_every_type_and_property_is_described_in_vietnamese_not_copied_from_english(root):
    schema = generate.json_schema(root)
    pairs = _annotation_pairs(schema, "", [])
    assert len(pairs) > (40 if root == "document" else 3)
    assert [p for p in pairs if not p[2] or p[1] == p[2]] == []
    undescribed = [name for name, d in schema["$defs"].items() if not d.get("x-description-vi")]
    assert undescribed == []


def test_xsd_vietnamese_annotations_are_not_copies_of_the_english():
    xsd = etree.fromstring(generate.xsd().encode())
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    copies, count = [], 0
    for annotation in xsd.iter("{http://www.w3.org/2001/XMLSchema}annotation"):
        en = annotation.xpath("xs:documentation[@xml:lang='en']/text()", namespaces=ns)
        vi = annotation.xpath("xs:documentation[@xml:lang='vi']/text()", namespaces=ns)
        count += 1
        if not vi or vi == en:
            copies.append(annotation.getparent().get("name") or annotation.getparent().get("value"))
    assert count > 200
    assert copies == []


def test_the_check_fails_on_a_vietnamese_annotation_copied_from_english():
    schema = generate.json_schema("document")
    schema["$defs"]["Issuer"]["x-description-vi"] = schema["$defs"]["Issuer"]["description"]
    assert [p[0] for p in _annotation_pairs(schema, "", []) if p[1] == p[2]] == ["/$defs/Issuer"]


def test_each_code_meaning_is_in_annotations_editors_show():
    profile = generate.json_schema("document")["$defs"]["Profile"]
    assert len(profile["enumDescriptions"]) == len(profile["enum"]) == len(profile["markdownEnumDescriptions"])
    assert profile["enumDescriptions"][profile["enum"].index("citation")].startswith("Citation")


def test_property_titles_are_the_propertys_own():
    assert generate.property_title("issueDate") == "Issue date"
    assert generate.property_title("khthVersion") == "KHTH version"
    document = generate.json_schema("document")["$defs"]["Document"]["properties"]
    assert document["profile"]["title"] == "Profile" and document["profile"]["description"] != \
        generate.json_schema("document")["$defs"]["Profile"]["description"]
