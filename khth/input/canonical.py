"""Canonical JSON: keys in model order, NFC text, UTF-8, two-space indent, newline at end.

Two records with the same facts have byte-identical canonical JSON, so files diff cleanly and
hash stably.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import orjson

from khth.schema.shape import Kind, Model, model, root_model

from khth.schema.catalogue import VALUE_KINDS

from .errors import KhthInputError
from .loading import root_of  # noqa: F401 - defined beside the reader, which needs no model to tell


def _order(value: Any, t: Kind, pointer: str) -> Any:
    if t.kind == "model":
        return order_model(value, model(t.name), pointer)
    if t.kind == "list":
        if not isinstance(value, list):
            raise KhthInputError.of("input.json-type", location=pointer, pointer=pointer,
                                    expected=VALUE_KINDS["array"])
        return [_order(v, t.item, f"{pointer}/{i}") for i, v in enumerate(value)]  # type: ignore[arg-type]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


# A record may name its JSON Schema for editors (SPEC §15.1); it is no fact of the record, so the ordered
# copy, canonical JSON and the XML form leave it out.
EDITOR_SCHEMA = "$schema"
RECORD_MODELS = ("Document", "Bundle")


def check_object(data: Any, spec: Model, pointer: str) -> None:
    """Raise unless ``data`` is an object whose properties all belong to ``spec``."""
    where = pointer or "/"
    if not isinstance(data, dict):
        raise KhthInputError.of("input.json-type", location=where, pointer=where,
                                expected=VALUE_KINDS["object"])
    unknown = [k for k in data if spec.field(k) is None and not (k == EDITOR_SCHEMA and spec.name in RECORD_MODELS)]
    if unknown:
        raise KhthInputError.of("input.json-unknown-property", location=f"{pointer}/{unknown[0]}", pointer=where,
                                name=unknown[0])


def order_model(data: Any, spec: Model, pointer: str = "") -> dict[str, Any]:
    check_object(data, spec, pointer)
    return {f.name: _order(data[f.name], f.type, f"{pointer}/{f.name}") for f in spec.fields if f.name in data}


def canonical_json(data: dict[str, Any], root: str) -> bytes:
    spec = root_model(root)
    if _in_model_order(data, spec.name):
        # Already canonical in shape: writing the record as it is gives the same bytes as
        # writing its ordered copy, provided no text needs NFC (checked on the output at once).
        try:
            out = orjson.dumps(data, option=orjson.OPT_INDENT_2)
        except orjson.JSONEncodeError:
            out = None  # let the ordered copy fail (or not) in its own way
        if out is not None and _is_nfc(out):
            return out + b"\n"
    return ordered_json(data, root)


def ordered_json(data: dict[str, Any], root: str) -> bytes:
    """Canonical JSON through an ordered, NFC copy of ``data``: the definition, for any input."""
    ordered = order_model(data, root_model(root))
    return orjson.dumps(ordered, option=orjson.OPT_INDENT_2) + b"\n"


# The fast path. A record the text reader builds is already in model order with NFC text, so
# ordering it would copy it unchanged; checking that costs a third of the copy. Exact types only
# (dict, list): anything else takes the ordered copy, which defines the result and the errors.

def _in_model_order(data: Any, name: str) -> bool:
    """True if ``data`` is an object of model ``name`` whose keys, and those of every object the
    model places in it, are known and in model order, and whose nested values have the model's
    kind (an object, a list). Text is not looked at. A loop with a stack, not recursion: this runs
    over every object of every record written."""
    stack = [(data, name)]
    pop, push = stack.pop, stack.append
    while stack:
        obj, name = pop()
        if type(obj) is not dict:
            return False
        keys = tuple(obj)
        known = _NESTED.get(name)
        nested = known.get(keys, _UNSEEN) if known is not None else _UNSEEN
        if nested is _UNSEEN:
            nested = _nested_fields(name, keys)
        if nested is None:
            return False
        for key, sub, is_list in nested:
            value = obj[key]
            if not is_list:
                push((value, sub))
            elif type(value) is not list:
                return False
            elif sub:
                stack.extend([(item, sub) for item in value])
    return True


_UNSEEN = object()
_NESTED: dict[str, dict[tuple[Any, ...], tuple[tuple[str, str, bool], ...] | None]] = {}


def _nested_fields(name: str, keys: tuple[Any, ...]) -> tuple[tuple[str, str, bool], ...] | None:
    """For an object of model ``name`` with properties ``keys`` (in that order): the properties
    that hold an object or a list, as (key, model of the object or of the list's items or "",
    is a list); None if a key is unknown or out of model order, or if a list holds lists (the
    model has none; such a record takes the slow path)."""
    fields = model(name).fields
    position = {f.name: i for i, f in enumerate(fields)}
    places = [position.get(k) if isinstance(k, str) else None for k in keys]
    nested: tuple[tuple[str, str, bool], ...] | None = None
    if None not in places and places == sorted(places):
        nested = ()
        for key, i in zip(keys, places):
            kind = fields[i].type
            if kind.kind == "model":
                nested += ((key, kind.name, False),)
            elif kind.kind == "list":
                item = kind.item
                if item.kind == "list":  # type: ignore[union-attr]
                    nested = None
                    break
                nested += ((key, item.name if item.kind == "model" else "", True),)  # type: ignore[union-attr]
    known = _NESTED.setdefault(name, {})
    if len(known) < 4096:  # key orders seen in the inputs; a hostile input must not grow it forever
        known[keys] = nested
    return nested


def _is_nfc(out: bytes) -> bool:
    """True if every string written in ``out`` is NFC. The JSON text is NFC exactly when each of
    its strings is: quotes, backslashes and the escapes orjson writes never compose with a
    neighbour's marks except to make the whole text non-NFC, which only sends us to the slow path."""
    if out.isascii():
        return True
    text = out.decode()
    normal = unicodedata.normalize("NFC", text)
    return normal is text or normal == text
