"""The curated examples: valid in both forms, round-tripping, linked, and faithful to their sources."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

from khth.input.canonical import canonical_json, root_of
from khth.input.xml_form import from_xml, to_xml
from khth.schema.files import XSD_FILE
from khth.schema.identifiers import (
    document_identifier, number_key, parse_citation, parse_number, reference_identifier,
)
from khth.schema.model import Bundle, Document

from conftest import (
    EXAMPLE_JSON, EXAMPLE_XML, EXAMPLES, ROOT, SHARED_SEEDS, SOURCES, all_records, ids, load,
    reference_validators, squash, walk_blocks,
)

REFERENCE = reference_validators()
XSD = etree.XMLSchema(etree.parse(str(ROOT / "khth" / "schema" / XSD_FILE)))


def test_every_seed_document_has_an_example():
    sources = {doc.get("provenance", {}).get("sourceFile") for _, doc in all_records()}
    assert {p.name for p in SOURCES.glob("*.txt")} <= sources
    # six documents in five files: seed 001 holds a dispatch and the plan it carries
    assert sum(1 for _, d in all_records() if d["profile"] != "citation") == 6


def test_sources_are_the_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in SHARED_SEEDS.glob("*.txt"):
        assert (SOURCES / seed.name).read_bytes() == seed.read_bytes()


@pytest.mark.parametrize("path", EXAMPLE_JSON, ids=ids(EXAMPLE_JSON))
def test_json_example_is_valid_and_both_engines_agree(path, validator):
    data = load(path)
    assert [f for f in validator.check_bytes(path.read_bytes(), str(path)).findings
            if f.severity == "error"] == []
    assert list(REFERENCE[root_of(data)].iter_errors(data)) == []
    (Bundle if root_of(data) == "bundle" else Document).model_validate(data)


@pytest.mark.parametrize("path", EXAMPLE_JSON, ids=ids(EXAMPLE_JSON))
def test_json_example_is_canonical(path):
    data = load(path)
    assert path.read_bytes() == canonical_json(data, root_of(data))


@pytest.mark.parametrize("path", EXAMPLE_XML, ids=ids(EXAMPLE_XML))
def test_xml_example_is_valid(path, validator):
    assert XSD.validate(etree.parse(str(path))), XSD.error_log
    assert [f for f in validator.check_bytes(path.read_bytes(), str(path)).findings
            if f.severity == "error"] == []


@pytest.mark.parametrize("path", EXAMPLE_JSON, ids=ids(EXAMPLE_JSON))
def test_json_and_xml_forms_round_trip(path):
    """decode, encode, compare, then do it again."""
    data = load(path)
    root = root_of(data)
    xml_path = path.with_suffix(".xml")
    xml = to_xml(data, root)
    assert xml == xml_path.read_bytes()
    root_back, back = from_xml(xml)
    assert (root_back, back) == (root, data)
    assert canonical_json(back, root) == path.read_bytes()
    assert to_xml(back, root) == xml


@pytest.mark.parametrize("path,doc", all_records(), ids=[d["id"][:60] for _, d in all_records()])
def test_identifiers_follow_the_rule(path, doc):
    assert doc["id"] == document_identifier(doc)
    for ref in ([doc["parent"]] if "parent" in doc else []) + doc.get("references", []):
        assert ref["id"] == reference_identifier(ref)
        if "number" in ref:
            parts = parse_number(ref["number"]["printed"])
            assert parts is not None
            assert ref["number"] == parts.as_json()


def _resolve(ref, records):
    """Records a reference can mean: same number and date (the issuer only breaks ties)."""
    return [d for d in records if "number" in d and "number" in ref and d.get("issueDate") == ref.get("issueDate")
            and number_key(d["number"]["printed"]) == number_key(ref["number"]["printed"])]


def test_examples_form_one_linked_implementation_tree():
    records = [doc for _, doc in all_records()]
    parent_of = {}
    for doc in records:
        if "parent" in doc:
            found = _resolve(doc["parent"], records)
            assert len(found) == 1, f"{doc['id']}: parent {doc['parent']['id']} resolves to {len(found)} records"
            parent_of[doc["id"]] = found[0]["id"]
            assert found[0].get("issueDate", "") <= doc.get("issueDate", "9999"), "parent dated after child"

    def chain(doc_id):
        out = [doc_id]
        while out[-1] in parent_of:
            out.append(parent_of[out[-1]])
            assert len(out) < 20, "cycle"
        return [i.split(":")[2] or i for i in out]

    by_number = {number_key(d["number"]["printed"]): d["id"] for d in records
                 if "number" in d and d["number"].get("serial")}
    assert chain(by_number["192-KH/TU"]) == ["192-KH/TU", "260-KH/TU", "28-CT/TW"]
    assert chain(by_number["164-KH/HU"]) == ["164-KH/HU", "260-KH/TU", "28-CT/TW"]
    assert chain(by_number["145-KH/HU"]) == ["145-KH/HU", "156-KH/TU", "28-CT/TW"]
    assert chain(by_number["136-HD/BTGTW"]) == ["136-HD/BTGTW", "28-CT/TW"]
    dispatch = next(d for d in records if d["documentType"] == "CV" and d["profile"] == "lenient")
    assert chain(dispatch["id"]) == ["/UBND-VHXX", "1761/UBND-VP", "145-KH/HU", "156-KH/TU", "28-CT/TW"]
    # every document we hold reaches the Politburo directive
    for doc in records:
        if doc["profile"] != "citation" or "parent" in doc:
            assert chain(doc["id"])[-1] == "28-CT/TW", doc["id"]


def test_every_cited_id_in_a_record_is_a_reference_of_that_record():
    for _, doc in all_records():
        known = {r["id"] for r in ([doc["parent"]] if "parent" in doc else []) + doc.get("references", [])}
        for block in walk_blocks(doc.get("body")):
            assert set(block.get("cites", [])) <= known, block
        for abbr in doc.get("abbreviations", []):
            assert abbr.get("refersTo") is None or abbr["refersTo"] in known


def test_bundle_links_the_dispatch_to_the_plan_it_carries():
    bundle = load(EXAMPLES / "cong-van-cho-chu_145-KH-HU.bundle.json")
    dispatch, plan = bundle["documents"]
    attachments = [r for r in dispatch["references"] if r["relation"] == "attachment"]
    assert [a["id"] for a in attachments] == [plan["id"]]
    assert dispatch["provenance"]["source"]["endLine"] < plan["provenance"]["source"]["startLine"]


# --- faithfulness to the printed source -------------------------------------------------------

def _source_text(doc) -> str:
    prov = doc["provenance"]
    if prov.get("ocr"):
        return prov["printedText"]
    text = (SOURCES / prov["sourceFile"]).read_text(encoding="utf-8")
    lines = text.splitlines()
    span = prov.get("source")
    if span:
        lines = lines[span["startLine"] - 1: span["endLine"]]
    return "\n".join(lines)


HELD = [(p, d) for p, d in all_records() if d["profile"] != "citation"]


@pytest.mark.parametrize("path,doc", HELD, ids=[d["id"][:50] for _, d in HELD])
def test_body_is_printed_text_in_reading_order(path, doc):
    """Every block's label, heading and text stand in the source, in the record's order."""
    source = squash(_source_text(doc))
    pos = 0
    ocr = doc["provenance"].get("ocr", False)
    for block in walk_blocks(doc.get("body")):
        label = block.get("printedLabel", block.get("label", "")) if ocr else block.get("label", "")
        needle = squash(label + block.get("heading", "") + block.get("text", ""))
        found = source.find(needle, pos)
        assert found >= 0, f"not in the source after position {pos}: {needle[:80]}"
        pos = found + len(needle)


@pytest.mark.parametrize("path,doc", HELD, ids=[d["id"][:50] for _, d in HELD])
def test_header_references_recipients_and_signature_are_printed(path, doc):
    source = squash(_source_text(doc))
    if doc["provenance"].get("ocr"):
        # restored facts are listed as inferred; the number, date and labels are checked elsewhere
        inferred = {f["field"] for f in doc["provenance"]["inferred"]}
        assert {"/issuer/name", "/title", "/signature/name", "/recipients"} <= inferred
        return
    printed = [doc.get("title"), doc.get("place"), (doc.get("number") or {}).get("printed")]
    issuer = doc.get("issuer", {})
    inferred = {f["field"] for f in doc["provenance"].get("inferred", [])}
    if "/issuer/name" not in inferred:
        printed.append(issuer.get("name"))
    printed += [issuer.get("superiorBody"), issuer.get("actingBody")]
    for ref in ([doc["parent"]] if "parent" in doc else []) + doc.get("references", []):
        printed += [ref.get("printed"), ref.get("title")]
    printed += [r["text"] for r in doc.get("addressees", []) + doc.get("recipients", [])]
    sig = doc.get("signature", {})
    printed += [sig.get("position"), sig.get("name")] + [a["marker"] + a["of"] for a in sig.get("authority", [])]
    printed += [a["printed"] for a in doc.get("abbreviations", [])]
    for block in walk_blocks(doc.get("body")):
        for agency in block.get("agencies", []):
            assert agency in block.get("heading", "") + " " + block.get("text", ""), agency
    for text in filter(None, printed):
        assert squash(text) in source, text


def test_dates_and_numbers_match_the_printed_header():
    found = {d["id"]: d for _, d in HELD}
    plan = next(d for d in found.values() if d.get("number", {}).get("printed") == "192-KH/TU")
    assert (plan["issueDate"], plan["place"]) == ("2024-04-23", "Đức Phổ")
    ocr = next(d for d in found.values() if d.get("number", {}).get("printed") == "164-KH/HU")
    assert ocr["issueDate"] == "2024-08-20" and ocr["signature"]["signedAt"] == "2024-08-21T16:45:04"
    assert "S6 164-KH/HU" in ocr["provenance"]["printedText"]
    dispatch = next(d for d in found.values() if d["documentType"] == "CV")
    assert dispatch["issueDate"] == "2024-04" and "serial" not in dispatch["number"]
    assert {m["field"] for m in dispatch["provenance"]["missing"]} == {"/number/serial", "/issueDate"}


def test_ocr_labels_are_established_in_vietnamese_order():
    doc = next(d for _, d in HELD if d["provenance"].get("ocr"))
    sections = [b["label"] for b in doc["body"] if b.get("label")]
    assert sections == ["I.", "II.", "III."]
    task3 = next(b for b in walk_blocks(doc["body"]) if b.get("label") == "3." and b.get("role") == "task")
    letters = [c["label"] for c in task3["children"] if c.get("label", "").endswith(")")]
    assert letters == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]
    assert [c.get("printedLabel") for c in task3["children"] if c.get("label") == "đ)"] == ["d)"]


def test_citations_in_the_seeds_parse_to_the_recorded_identifiers():
    for _, doc in HELD:
        if doc["provenance"].get("ocr"):
            continue
        for ref in ([doc["parent"]] if "parent" in doc else []) + doc.get("references", []):
            if "number" not in ref or "issuer" not in ref or not ref["printed"].startswith(ref["printed"].split()[0]):
                continue
            parts = parse_citation(ref["printed"])
            if parts is None or parts.date is None:
                continue
            assert parts.identifier() == ref["id"], ref["printed"]


# Layout the model records by structure rather than as text: the "Số" prefix, national and Party
# headings, the date line's words, the type name, rules, and the list captions.
_LAYOUT = re.compile(r"Số:?|ĐẢNGCỘNGSẢNVIỆTNAM|CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAMĐộclập-Tựdo-Hạnhphúc|V/v|Nơinhận:"
                     r"|Kínhgửi:|-{3,}|,?ngày\d*tháng\d+năm\d{4}|KẾHOẠCH|CÔNGVĂN")


def _covered_runs(doc) -> list[str]:
    """Parts of the source that no recorded fact accounts for (white space ignored)."""
    src = squash(_source_text(doc))
    covered = bytearray(len(src))

    def mark(text):
        if not text:
            return
        needle = squash(text)
        i = src.find(needle)
        while needle and i >= 0:
            covered[i:i + len(needle)] = b"\x01" * len(needle)
            i = src.find(needle, i + len(needle))

    ocr = doc["provenance"].get("ocr", False)
    for b in walk_blocks(doc.get("body")):
        label = b.get("printedLabel", b.get("label", "")) if ocr else b.get("label", "")
        mark(label + b.get("heading", "") + b.get("text", ""))
    for text in (doc.get("title"), doc.get("place"), (doc.get("number") or {}).get("printed"),
                 doc.get("issuer", {}).get("name"), doc.get("issuer", {}).get("superiorBody")):
        mark(text)
    for r in doc.get("addressees", []) + doc.get("recipients", []):
        mark(r.get("label", "") + r["text"])
    sig = doc.get("signature", {})
    for a in sig.get("authority", []):
        mark(a["marker"] + a["of"])
    mark(sig.get("position"))
    mark(sig.get("name"))
    return [src[m.start():m.end()] for m in re.finditer(rb"\x00+", bytes(covered))]


@pytest.mark.parametrize("path,doc", HELD, ids=[d["id"][:50] for _, d in HELD])
def test_nothing_printed_is_left_out(path, doc):
    prov = doc["provenance"]
    explained = squash(" ".join([m.get("note", "") for m in prov.get("missing", [])] + prov.get("notes", [])))
    body = squash(" ".join(b.get("text", "") for b in walk_blocks(doc.get("body"))))
    leftovers = []
    for run in _covered_runs(doc):
        rest = _LAYOUT.sub("", run)
        if len(rest) <= 3 or rest in explained:
            continue  # page numbers, a drafter's initials, a lost title fragment quoted in a note
        if prov.get("ocr") and rest not in body:
            # the OCR header and signature/recipient block are restored, not kept as text
            inferred = {f["field"] for f in prov.get("inferred", [])}
            if {"/title", "/issuer/name", "/recipients", "/signature/name"} <= inferred:
                continue
        leftovers.append(rest[:120])
    assert leftovers == []
