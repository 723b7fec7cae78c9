"""The shortcuts plan-validate takes on well-formed input decide exactly as the plain ways do.

* duplicate keys and nesting depth are read off orjson's serialisation of the form; indented
  (canonical) and compact texts, with and without a repeated key, at every depth around the limit;
* a text proven canonical while it is read is located as one proven again by the positions scan;
* a tree the XSD has accepted is read by a plan made once per model, giving what the element walk
  gives, key order included, and giving way to it (and its error) on what it does not expect;
* files are read at their size, whatever it is, and refused past the limit.
"""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from khth.input import xml_form
from khth.input.errors import KhthInputError
from khth.input.loading import MAX_DEPTH, parse_json, parse_xml, read_json, read_limited
from khth.validator.positions import locate

from strategies import json_objects

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
JSON_EXAMPLES = sorted(EXAMPLES.rglob("*.json"))
XML_EXAMPLES = sorted(EXAMPLES.rglob("*.xml"))

# characters XML can carry (a control character is refused before keys are counted)
_chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff")
_keys = st.text(_chars, max_size=6)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(_chars, max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(value=st.dictionaries(_keys, json_values, min_size=1, max_size=4), data=st.data())
def test_a_repeated_key_is_found_in_indented_text_as_in_compact(value, data):
    indented = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    record = read_json(indented + b"\n")
    assert record.form == value and record.canonical
    assert not read_json(orjson.dumps(value)).canonical  # compact text is read, never proven canonical
    pointer, target = data.draw(st.sampled_from([(p, o) for p, o in json_objects(value) if o]))
    key = data.draw(st.sampled_from(sorted(target)))
    marker = "a marker longer than any key"
    target[marker] = 0
    for option in (orjson.OPT_INDENT_2, None):
        text = orjson.dumps(value, option=option).decode()
        separator = ": " if option else ":"
        text = text.replace(json.dumps(marker) + separator + "0", json.dumps(key, ensure_ascii=False) + separator + "0")
        with pytest.raises(KhthInputError) as exc:
            parse_json(text.encode())
        assert exc.value.code == "input.duplicate-key"


@settings(max_examples=60, deadline=None)
@given(depth=st.integers(MAX_DEPTH - 3, MAX_DEPTH + 3) | st.integers(1, 3 * MAX_DEPTH),
       kinds=st.lists(st.sampled_from(["array", "object"]), min_size=1),
       innermost=st.sampled_from([0, "x", [], {}]), indented=st.booleans())
def test_nesting_in_indented_text_is_refused_exactly_past_the_limit(depth, kinds, innermost, indented):
    value: object = innermost
    for level in range(depth):
        value = [value] if kinds[level % len(kinds)] == "array" else {"k": value}
    containers = depth + (1 if isinstance(innermost, (list, dict)) else 0)
    text = json.dumps(value, indent=2 if indented else None, ensure_ascii=False).encode()
    if containers <= MAX_DEPTH:
        assert parse_json(text) == value
    else:
        with pytest.raises(KhthInputError, match="nested deeper"):
            parse_json(text)


@pytest.mark.parametrize("path", JSON_EXAMPLES, ids=lambda p: p.name)
def test_a_canonical_text_is_located_as_when_proven_again(path):
    data = path.read_bytes()
    record = read_json(data)
    pointers = {""}
    stack = [("", record.form)]
    while stack:
        pointer, node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            here = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
            pointers.add(here)
            stack.append((here, child))
    pointers.discard("")
    assert locate(data, pointers, record.form, record.canonical) == locate(data, pointers, record.form)


def _ordered(form):
    return orjson.dumps(form)  # key order included


@pytest.mark.parametrize("path", XML_EXAMPLES, ids=lambda p: p.name)
def test_the_reading_plan_gives_what_the_walk_gives(path):
    tree = parse_xml(path.read_bytes())
    root = etree.QName(tree).localname
    fast = xml_form.from_tree(tree, trusted=True)[1]
    walked = xml_form._walk_trusted(tree, xml_form.root_model(root), (root,))
    checked = xml_form.from_tree(tree, trusted=False)[1]
    assert _ordered(fast) == _ordered(walked) == _ordered(checked)


@pytest.mark.parametrize("element, text", [("serial", "12a"), ("serial", ""), ("printed", None)])
def test_what_the_plan_does_not_expect_is_left_to_the_walk_and_its_error(element, text):
    tree = parse_xml(XML_EXAMPLES[0].read_bytes())
    target = next(e for e in tree.iter() if isinstance(e.tag, str) and etree.QName(e).localname == element)
    if text is None:
        etree.SubElement(target, target.tag)  # an element inside a value
    else:
        target.text = text
    root = etree.QName(tree).localname
    outcomes = []
    for read in (lambda: xml_form.from_tree(tree, trusted=True)[1],
                 lambda: xml_form._walk_trusted(tree, xml_form.root_model(root), (root,))):
        try:
            outcomes.append(("read", _ordered(read())))
        except KhthInputError as exc:
            outcomes.append(("refused", exc.code, exc.params))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == "refused"


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 3000), limit=st.integers(1, 3000))
def test_a_file_is_read_whole_or_refused_past_the_limit(tmp_path_factory, size, limit):
    path = tmp_path_factory.mktemp("read") / "f.json"
    content = bytes(range(256)) * (size // 256 + 1)
    path.write_bytes(content[:size])
    if size > limit:
        with pytest.raises(KhthInputError) as exc:
            read_limited(path, limit)
        assert exc.value.code == "input.too-large"
    else:
        assert read_limited(path, limit) == content[:size]


_nfc_alphabet = st.sampled_from(["e", "n", "a", "\u0301", "\u0323", "\u0300", "\n", "\t", '"', "\\", "é", "ệ", " "])
_nfc_strings = st.lists(_nfc_alphabet, max_size=6).map("".join)


@settings(max_examples=120, deadline=None)
@given(value=st.dictionaries(_nfc_strings, _nfc_strings | st.lists(_nfc_strings, max_size=3), min_size=1, max_size=4),
       writing=st.sampled_from(["canonical", "compact", "ascii"]))
def test_a_string_not_in_nfc_is_found_however_the_text_escapes_it(value, writing):
    import unicodedata

    from khth.validator.engine import Validator

    if writing == "canonical":
        data = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    else:
        data = json.dumps(value, ensure_ascii=writing == "ascii").encode()
    # values are what the rule looks at (keys are the model's names, which the schema checks)
    strings = [s for v in value.values() for s in (v if isinstance(v, list) else [v])]
    expected = any(not unicodedata.is_normalized("NFC", s) for s in strings)
    found = [f.code for f in Validator().check_bytes(data, "x.json").findings]
    assert ("input.not-nfc" in found) == expected
