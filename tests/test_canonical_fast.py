"""Canonical JSON's fast path (a record already in model order is written as it is) gives the
same bytes, and the same errors, as the ordered copy that defines canonical JSON."""

from __future__ import annotations

import copy
import unicodedata
from collections import OrderedDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khth.input.canonical import _in_model_order, canonical_json, order_model, ordered_json, root_of
from khth.input.errors import KhthInputError
from khth.converters.text import text_to_record
from khth.schema.shape import root_model

from conftest import SOURCES, all_records
from strategies import bundles, standalone_documents

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


def _outcome(write, data, root):
    try:
        return write(data, root)
    except KhthInputError as e:
        return ("error", e.code, str(e), e.location)
    except Exception as e:  # noqa: BLE001 - any other failure must be the same too
        return ("error", type(e).__name__, str(e))


def _agree(data, root):
    assert _outcome(canonical_json, data, root) == _outcome(ordered_json, data, root)


def _places(value, path=()):
    """Every container and string in ``value``, with its path."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _places(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _places(v, path + (i,))


def _set(data, path, new):
    if not path:
        return new
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return data


MUTATIONS = ["reverse keys", "NFD text", "unknown key", "None", "number", "empty list", "empty object",
             "OrderedDict", "tuple", "combining mark after escape", "lone surrogate", "unchanged"]


def _mutate(data, draw):
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(0, 3))):
        places = list(_places(data))
        path, value = draw(st.sampled_from(places))
        how = draw(st.sampled_from(MUTATIONS))
        if how == "reverse keys" and isinstance(value, dict):
            data = _set(data, path, dict(reversed(list(value.items()))))
        elif how == "NFD text" and isinstance(value, str):
            data = _set(data, path, unicodedata.normalize("NFD", value))
        elif how == "unknown key" and isinstance(value, dict):
            value["notInTheModel"] = "x"
        elif how == "OrderedDict" and isinstance(value, dict):
            data = _set(data, path, OrderedDict(value))
        elif how == "tuple" and isinstance(value, list):
            data = _set(data, path, tuple(value))
        elif how == "combining mark after escape" and isinstance(value, str):
            data = _set(data, path, value + "\x1e\u0301")  # NFC, but its JSON escape "\u001e" + U+0301 is not
        elif how == "lone surrogate" and isinstance(value, str):
            data = _set(data, path, value + "\ud800")
        elif path and how in ("None", "number", "empty list", "empty object"):
            data = _set(data, path, {"None": None, "number": 7, "empty list": [], "empty object": {}}[how])
    return data


@SETTINGS
@given(st.one_of(standalone_documents, bundles), st.data())
def test_fast_path_agrees_with_the_ordered_copy(record, data):
    root = root_of(record)
    _agree(record, root)
    # the strategies build most records out of model order: put them in order, so the fast
    # path is taken, then break that order or the text in a few places
    ordered = order_model(record, root_model(root))
    _agree(ordered, root)
    mutated = _mutate(ordered, data.draw)
    _agree(mutated, root_of(mutated))
    _agree(mutated, "document")
    _agree(mutated, "bundle")


@pytest.mark.parametrize("value", [None, [], "text", 3, OrderedDict()])
def test_not_an_object(value):
    _agree(value, "document")


def test_records_of_the_text_reader_take_the_fast_path():
    """The reader builds records in model order: writing them must not need the ordered copy."""
    for path in sorted(SOURCES.glob("*.txt")):
        record = text_to_record(path.read_text(encoding="utf-8"), path.name)
        root = root_of(record)
        assert _in_model_order(record, "Bundle" if root == "bundle" else "Document"), path.name
        assert canonical_json(record, root) == ordered_json(record, root)


def test_example_records_agree():
    for path, record in all_records():
        _agree(record, "document")
        shuffled = dict(reversed(list(record.items())))
        _agree(shuffled, "document")


def test_text_that_is_not_nfc_is_normalised():
    record = {"khthVersion": "1.0", "title": unicodedata.normalize("NFD", "Kế hoạch")}
    out = canonical_json(record, "document")
    assert out == ordered_json(record, "document")
    assert "Kế hoạch".encode() in out
