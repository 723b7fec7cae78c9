"""Canonical JSON: keys in model order, NFC text, UTF-8, two-space indent, newline at end.

Two records with the same facts have byte-identical canonical JSON, so files diff cleanly and
hash stably.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import orjson

from khth.schema.shape import Kind, Model, model, root_model

from .errors import KhthInputError


def _order(value: Any, t: Kind, pointer: str) -> Any:
    if t.kind == "model":
        return order_model(value, model(t.name), pointer)
    if t.kind == "list":
        if not isinstance(value, list):
            raise KhthInputError("json-type", f"{pointer}: cần một mảng", f"{pointer}: an array is expected",
                                 location=pointer)
        return [_order(v, t.item, f"{pointer}/{i}") for i, v in enumerate(value)]  # type: ignore[arg-type]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def check_object(data: Any, spec: Model, pointer: str) -> None:
    """Raise unless ``data`` is an object whose properties all belong to ``spec``."""
    where = pointer or "/"
    if not isinstance(data, dict):
        raise KhthInputError("json-type", f"{where}: cần một đối tượng", f"{where}: an object is expected",
                             location=where)
    unknown = [k for k in data if spec.field(k) is None]
    if unknown:
        raise KhthInputError("json-unknown-property", f"{where}: thuộc tính không có trong mô hình: {unknown[0]}",
                             f"{where}: property not in the model: {unknown[0]}", location=f"{pointer}/{unknown[0]}")


def order_model(data: Any, spec: Model, pointer: str = "") -> dict[str, Any]:
    check_object(data, spec, pointer)
    return {f.name: _order(data[f.name], f.type, f"{pointer}/{f.name}") for f in spec.fields if f.name in data}


def canonical_json(data: dict[str, Any], root: str) -> bytes:
    ordered = order_model(data, root_model(root))
    return orjson.dumps(ordered, option=orjson.OPT_INDENT_2) + b"\n"


def root_of(data: Any) -> str:
    """'bundle' for a bundle, 'document' otherwise (the JSON form has no root name)."""
    return "bundle" if isinstance(data, dict) and "documents" in data else "document"
