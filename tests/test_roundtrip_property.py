"""Property: for every valid record, JSON → XML → JSON is the identity, a second pass is stable,
and the XML produced is valid against the XSD."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from lxml import etree

from khth.input.canonical import canonical_json, order_model
from khth.input.xml_form import from_xml, to_xml
from khth.schema.files import XSD_FILE
from khth.schema.shape import root_model

from conftest import ROOT
from strategies import bundles, standalone_documents

XSD = etree.XMLSchema(etree.parse(str(ROOT / "khth" / "schema" / XSD_FILE)))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.filter_too_much])


def _round_trip(data: dict, root: str, validator) -> None:
    assert [f for f in validator.check_data(data) if f.code == "schema.json"] == [], "the strategy must build schema-valid records"
    xml = to_xml(data, root)
    assert XSD.validate(etree.fromstring(xml)), XSD.error_log
    root_back, back = from_xml(xml)
    assert root_back == root
    assert back == order_model(data, root_model(root))
    assert to_xml(back, root) == xml
    canonical = canonical_json(data, root)
    assert canonical_json(back, root) == canonical
    assert canonical_json(json.loads(canonical), root) == canonical


@SETTINGS
@given(standalone_documents)
def test_document_json_xml_json_is_identity(validator, doc):
    _round_trip(doc, "document", validator)


@SETTINGS
@given(bundles)
def test_bundle_json_xml_json_is_identity(validator, bundle):
    _round_trip(bundle, "bundle", validator)


@SETTINGS
@given(standalone_documents)
def test_trusted_reading_of_xsd_valid_xml_gives_the_same_record(validator, doc):
    from khth.input.xml_form import from_tree

    tree = etree.fromstring(to_xml(doc, "document"))
    assert XSD.validate(tree)
    assert from_tree(tree, trusted=True) == from_tree(tree)
