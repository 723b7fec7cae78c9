"""Property: each simple type's pattern gives the same verdict in Python `re` (python-jsonschema), Rust
`regex` (jsonschema-rs), XSD (libxml2) and ECMA-262 (Node), on strings rich in white space and line breaks."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from functools import cache

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from khth.schema import generate
from khth.schema.introspect import all_simple_types
from khth.schema.model import Document
from khth.schema.types import LINE_BREAKS, WHITE_SPACE

PATTERNED = [t for t in all_simple_types(Document) if t.pattern and t.base == "string"]
XS = "http://www.w3.org/2001/XMLSchema"
# Letters and the characters the patterns name, beside every white space and line-break character.
ALPHABET = "aĐđ0129KHT:/-.&+Zz~" + WHITE_SPACE + "\u200b\u00ad"
strings = st.text(alphabet=ALPHABET, max_size=14) | st.builds(
    lambda core, pre, post: pre + core + post, st.sampled_from(["Kế hoạch", "2024-04-23", "khth:KH:1:2024:x", "KH-TU",
                                                             "--11-20", "1.1", "-12.5", "2024-04-23T10:00:00Z"]),
    st.text(alphabet=WHITE_SPACE, max_size=2), st.text(alphabet=WHITE_SPACE, max_size=2))


def _schema(t) -> dict:
    return generate._simple_def(t)


@cache
def _python(name: str):
    t = next(t for t in PATTERNED if t.name == name)
    return jsonschema.Draft202012Validator(_schema(t))


@cache
def _rust(name: str):
    t = next(t for t in PATTERNED if t.name == name)
    return jsonschema_rs.Draft202012Validator(_schema(t))


@cache
def _xsd():
    """The generated XSD's simple types, each under an element of its own name."""
    source = etree.fromstring(generate.xsd().encode())
    schema = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    for t in PATTERNED:
        schema.append(source.find(f"{{{XS}}}simpleType[@name='{t.name}']"))
        etree.SubElement(schema, f"{{{XS}}}element", name=f"v{t.name}", type=t.name)
    return etree.XMLSchema(schema)


def _xml_can_carry(value: str) -> bool:
    # XML 1.0 holds no C0 control but tab, LF and CR; a parser also turns CR and CRLF into LF.
    return all(c in "\t\n" or ord(c) >= 0x20 for c in value)


def _xsd_accepts(name: str, value: str) -> bool:
    elem = etree.Element(f"v{name}")
    elem.text = value
    return _xsd().validate(elem)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([t.name for t in PATTERNED]), strings)
def test_python_rust_and_xsd_agree_on_every_pattern(name, value):
    python = _python(name).is_valid(value)
    assert _rust(name).is_valid(value) == python
    if _xml_can_carry(value):
        assert _xsd_accepts(name, value) == python


def test_text_refuses_every_line_break_and_white_space_at_either_end():
    text = _python("Text")
    for ch in LINE_BREAKS:
        assert not text.is_valid(f"a{ch}b"), repr(ch)
    for ch in WHITE_SPACE:
        assert not text.is_valid(f"{ch}ab") and not text.is_valid(f"ab{ch}"), repr(ch)
        assert text.is_valid(f"a{ch}b") == (ch not in LINE_BREAKS), repr(ch)


def test_ecma_262_agrees_with_python_on_a_sample():
    """Node's RegExp with and without the `u` flag, as ajv and other JavaScript validators compile patterns."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (Debian package nodejs)")
    rng = random.Random(20261203)
    cases = [[t.name, "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8)))] for t in PATTERNED
             for _ in range(300)]
    cases += [[t.name, sample + "\n"] for t in PATTERNED for sample in ("Kế hoạch", "2024-04-23", "1.1")]
    script = ("const {types, cases} = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const re = (p, f) => new RegExp(p, f);"
              "const ok = (t, v, f) => re(types[t].pattern, f).test(v) && !re(types[t].not.pattern, f).test(v);"
              "process.stdout.write(JSON.stringify(cases.map(([t, v]) => [ok(t, v, ''), ok(t, v, 'u')])));")
    types = {t.name: _schema(t) for t in PATTERNED}
    out = subprocess.run(["node", "-e", script], input=json.dumps({"types": types, "cases": cases}),
                         capture_output=True, text=True, check=True)
    verdicts = json.loads(out.stdout)
    differ = [(n, v) for (n, v), (plain, unicode) in zip(cases, verdicts)
              if not plain == unicode == _python(n).is_valid(v)]
    assert differ == []
