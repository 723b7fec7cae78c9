"""Machine-readable reports are written by orjson, as the json module writes them, to the byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from khth.validator.reports.provenance import dump_json

_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)
_values = st.recursive(st.none() | st.booleans() | st.integers(-10**12, 10**12) | _text,
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
                       max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_text, _values, max_size=5))
def test_reports_are_written_as_the_json_module_writes_them(report):
    assert dump_json(report) == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_a_file_name_that_is_not_utf8_is_still_written():
    name = b"k\xe9-ho\xe1ch.json".decode("utf-8", errors="surrogateescape")
    report = {"files": [{"file": name, "findings": []}]}
    assert dump_json(report) == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
