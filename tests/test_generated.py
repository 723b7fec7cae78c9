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
                if "$ref" not in sub and "type" not in sub:
                    problems.append(f"{name}.{prop}: unconstrained")
                if sub.get("type") == "array" and ("items" not in sub or sub.get("minItems") != 1):
                    problems.append(f"{name}.{prop}: array without item schema or minItems")
        elif definition.get("type") == "string" and not (definition.get("pattern") or definition.get("enum")):
            problems.append(f"{name}: string type without pattern or enum")
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
    schema = generate.json_schema("bundle")
    xsd = etree.fromstring(generate.xsd().encode())
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    for spec in all_models(Bundle):
        props = list(schema["$defs"][spec.name]["properties"])
        elements = xsd.xpath(f"xs:complexType[@name='{spec.name}']/xs:sequence/xs:element/@name", namespaces=ns)
        assert props == [f.name for f in spec.fields] == elements


def test_profile_condition_requires_published_facts():
    schema = generate.json_schema("document")
    published = next(c for c in schema["$defs"]["Document"]["allOf"]
                     if c["if"]["properties"]["profile"]["const"] == "published")
    assert set(published["then"]["required"]) >= {"number", "issueDate", "issuer", "title", "parent", "signature"}
    assert published["then"]["properties"]["parent"]["required"] == ["number", "issueDate"]


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
