"""The model's shape, read from the generated ``shape.json``: which properties each object has,
in which order, of which kind, and the XML item name of each list.

The JSON↔XML mapping, canonical JSON and the validator walk this shape. It is generated from the
model (:mod:`khth.schema.generate`) and drift-tested like the schemas, and loading it costs a
fraction of importing the model's classes, so the command-line tools start quickly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .files import ROOT_NAMES, SHAPE_FILE


@dataclass(frozen=True)
class Kind:
    kind: str  # "simple" | "codelist" | "model" | "list"
    name: str = ""  # the simple type, codelist or model name
    base: str = "string"  # for simple types: "string" | "integer" | "boolean"
    item: Kind | None = None  # for lists


@dataclass(frozen=True)
class Field:
    name: str
    type: Kind
    required: bool
    xml_item: str | None


@dataclass(frozen=True)
class Model:
    name: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return _index(self.name).get(name)


def _kind(data: dict) -> Kind:
    item = data.get("item")
    return Kind(data["kind"], data.get("name", ""), data.get("base", "string"), _kind(item) if item else None)


@cache
def _shape() -> dict:
    return json.loads(resources.files("khth.schema").joinpath(SHAPE_FILE).read_text(encoding="utf-8"))


@cache
def model(name: str) -> Model:
    fields = tuple(Field(f["name"], _kind(f["type"]), f["required"], f.get("xmlItem"))
                   for f in _shape()["models"][name])
    return Model(name, fields)


@cache
def _index(name: str) -> dict[str, Field]:
    return {f.name: f for f in model(name).fields}


def root_model(root: str) -> Model:
    """The model of a root element: 'document' or 'bundle'."""
    return model(ROOT_NAMES[root])
