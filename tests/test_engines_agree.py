"""jsonschema-rs (the fast engine) and Python jsonschema (the reference) agree on every fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khth.input.canonical import root_of
from khth.input.xml_form import from_xml
from khth.validator.schema_checks import compile_json_validators, pointer_of

from conftest import EXAMPLES, reference_validators

FIXTURES = sorted(p for p in (Path(__file__).parent / "rules").rglob("*")
                  if p.suffix in (".json", ".xml") and p.is_file() and not p.is_symlink())
RS = compile_json_validators()
PY = reference_validators()


def _form(path: Path):
    data = path.read_bytes()
    try:
        return json.loads(data) if data.lstrip()[:1] in (b"{", b"[") else from_xml(data)[1]
    except Exception:
        return None


@pytest.mark.parametrize("path", FIXTURES + sorted(EXAMPLES.rglob("*.json")),
                         ids=lambda p: str(p.relative_to(p.parents[2])))
def test_both_engines_find_the_same_violations(path):
    form = _form(path)
    if not isinstance(form, dict):
        pytest.skip("not a parsable record (input-layer fixture)")
    root = root_of(form)
    fast = sorted({pointer_of(list(e.instance_path)) for e in RS[root].iter_errors(form)})
    reference = sorted({pointer_of(list(e.absolute_path)) for e in PY[root].iter_errors(form)})
    assert fast == reference
