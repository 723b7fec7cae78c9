"""A neutral description of the model, read from the pydantic classes.

The JSON Schema generator, the XSD generator, the field reference in SPEC.md and the JSON↔XML
mapping all walk this description, so they cannot disagree about a field's name, type, order,
optionality or documentation.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Union

from pydantic import BaseModel

from .codelists import Codelist
from .types import SimpleType


@dataclass
class TypeSpec:
    """The type of a value: a simple type, a codelist, a model, or a list of one of those."""

    kind: str  # "simple" | "codelist" | "model" | "list"
    simple: SimpleType | None = None
    codelist: type[Codelist] | None = None
    model: type[BaseModel] | None = None
    item: TypeSpec | None = None


@dataclass
class FieldSpec:
    name: str  # JSON property and XML element name
    type: TypeSpec
    required: bool
    description: str
    vi: str
    xml_item: str | None = None


@dataclass
class ModelSpec:
    name: str
    cls: type[BaseModel]
    description: str
    vi: str = ""
    fields: list[FieldSpec] = field(default_factory=list)

    def field(self, name: str) -> FieldSpec | None:
        return self._by_name.get(name)

    def __post_init__(self) -> None:
        self._by_name: dict[str, FieldSpec] = {}


def _type_spec(annotation: Any) -> tuple[TypeSpec, bool]:
    """Returns the type and whether None was allowed (the field may be absent)."""
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) != len(typing.get_args(annotation))
        if len(args) != 1:
            raise TypeError(f"unions other than Optional are not part of the KHTH model: {annotation}")
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        simple = next((m for m in meta if isinstance(m, SimpleType)), None)
        if simple is None:
            raise TypeError(f"annotated type without a SimpleType marker: {annotation}")
        return TypeSpec("simple", simple=simple), optional
    if origin is list:
        (item,) = typing.get_args(annotation)
        item_spec, _ = _type_spec(item)
        return TypeSpec("list", item=item_spec), optional
    if isinstance(annotation, type) and issubclass(annotation, Codelist):
        return TypeSpec("codelist", codelist=annotation), optional
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return TypeSpec("model", model=annotation), optional
    raise TypeError(f"type not supported by the KHTH model: {annotation!r}")


@cache
def model_spec(cls: type[BaseModel]) -> ModelSpec:
    from .model import DESCRIPTIONS_VI  # the model module imports this one

    spec = ModelSpec(cls.__name__, cls, (cls.__doc__ or "").strip(), DESCRIPTIONS_VI.get(cls.__name__, ""))
    for py_name, info in cls.model_fields.items():
        # pydantic lifts Annotated metadata of a non-optional field into ``info.metadata``.
        marker = next((m for m in info.metadata if isinstance(m, SimpleType)), None)
        if marker is not None:
            tspec, optional = TypeSpec("simple", simple=marker), False
        else:
            tspec, optional = _type_spec(info.annotation)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if not info.description or not extra.get("vi"):
            raise TypeError(f"{cls.__name__}.{py_name} needs an English and a Vietnamese description")
        f = FieldSpec(name=info.alias or py_name, type=tspec,
                      required=info.is_required() and not optional, description=info.description,
                      vi=str(extra["vi"]), xml_item=extra.get("xmlItem"))  # type: ignore[arg-type]
        if tspec.kind == "list" and not f.xml_item:
            raise TypeError(f"{cls.__name__}.{py_name}: a list field needs an XML item name")
        spec.fields.append(f)
        spec._by_name[f.name] = f
    return spec


def all_models(root: type[BaseModel]) -> list[ModelSpec]:
    """Every model reachable from ``root``, root first, then in order of first use."""
    seen: dict[type[BaseModel], ModelSpec] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        spec = model_spec(cls)
        seen[cls] = spec
        for f in spec.fields:
            t = f.type.item if f.type.kind == "list" else f.type
            if t and t.kind == "model" and t.model:
                visit(t.model)

    visit(root)
    return list(seen.values())


def _leaves(root: type[BaseModel], kind: str) -> list[Any]:
    """The codelists or simple types used anywhere below ``root``, in order of first use."""
    out: list[Any] = []
    for spec in all_models(root):
        for f in spec.fields:
            t = f.type.item if f.type.kind == "list" else f.type
            leaf = {"codelist": t.codelist, "simple": t.simple}.get(kind) if t and t.kind == kind else None
            if leaf is not None and leaf not in out:
                out.append(leaf)
    return out


def all_codelists(root: type[BaseModel]) -> list[type[Codelist]]:
    return _leaves(root, "codelist")


def all_simple_types(root: type[BaseModel]) -> list[SimpleType]:
    return _leaves(root, "simple")
