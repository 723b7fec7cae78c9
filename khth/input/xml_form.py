"""The XML form of KHTH, mapped from the model (SPEC.md, "JSON and XML").

Rules, applied to every model class alike:
- an object is an element whose children are its properties, in model order;
- a scalar property is an element holding its value as text (booleans ``true``/``false``);
- a list property is a wrapper element named after the property, holding one element per
  entry, named by the field's item name (``<body><block>…</block></body>``);
- an absent property is an absent element; there are no attributes and no mixed content.

The mapping is driven by the model's generated shape (:mod:`khth.schema.shape`), so it covers
every field the model has.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lxml import etree

from khth.schema.files import ROOT_NAMES, XML_NAMESPACE
from khth.schema.shape import Kind, Model, model, root_model

from .canonical import check_object
from khth.schema.catalogue import VALUE_KINDS

from .errors import KhthInputError
from .loading import parse_xml

NS = XML_NAMESPACE
_Q = "{" + NS + "}"


def _bad(code: str, elem: etree._Element, path: str, **params: Any) -> KhthInputError:
    return KhthInputError.of(code, location=path, line=elem.sourceline, pointer=path, **params)


# --- JSON → XML -------------------------------------------------------------------------------

def _scalar_text(value: Any, t: Kind, pointer: str) -> str:
    if t.kind == "codelist":
        if not isinstance(value, str):
            raise KhthInputError.of("input.json-type", location=pointer, pointer=pointer,
                                    expected=VALUE_KINDS["code"])
        return value
    base = t.base
    if base == "boolean":
        if not isinstance(value, bool):
            raise KhthInputError.of("input.json-type", location=pointer, pointer=pointer,
                                    expected=VALUE_KINDS["boolean"])
        return "true" if value else "false"
    if base == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise KhthInputError.of("input.json-type", location=pointer, pointer=pointer,
                                    expected=VALUE_KINDS["integer"])
        return str(value)
    if not isinstance(value, str):
        raise KhthInputError.of("input.json-type", location=pointer, pointer=pointer,
                                expected=VALUE_KINDS["string"])
    return value


def _emit(parent: etree._Element, name: str, value: Any, t: Kind, pointer: str) -> None:
    if t.kind == "model":
        _emit_model(etree.SubElement(parent, _Q + name), value, model(t.name), pointer)
        return
    elem = etree.SubElement(parent, _Q + name)
    text = _scalar_text(value, t, pointer)
    try:
        elem.text = text
    except ValueError:
        raise KhthInputError.of("input.xml-char", location=pointer, pointer=pointer) from None


def _emit_model(elem: etree._Element, data: Any, spec: Model, pointer: str) -> None:
    check_object(data, spec, pointer)
    for f in spec.fields:
        if f.name not in data:
            continue
        value, here = data[f.name], f"{pointer}/{f.name}"
        if f.type.kind == "list":
            if not isinstance(value, list):
                raise KhthInputError.of("input.json-type", location=here, pointer=here,
                                        expected=VALUE_KINDS["array"])
            wrapper = etree.SubElement(elem, _Q + f.name)
            for i, item in enumerate(value):
                _emit(wrapper, f.xml_item, item, f.type.item, f"{here}/{i}")  # type: ignore[arg-type]
        else:
            _emit(elem, f.name, value, f.type, here)


def to_xml(data: dict[str, Any], root: str) -> bytes:
    """Serialise a document or bundle (JSON form) as KHTH XML, indented, UTF-8."""
    elem = etree.Element(_Q + root, nsmap={None: NS})
    _emit_model(elem, data, root_model(root), "")
    etree.indent(elem, space="  ")
    return etree.tostring(elem, xml_declaration=True, encoding="UTF-8") + b"\n"


# --- XML → JSON -------------------------------------------------------------------------------
# Paths are kept as tuples of steps and joined only when an error is raised: a valid file never
# pays for building them.

Path = tuple[str, ...]


def _where(path: Path) -> str:
    return "/" + "/".join(path)


def _local(elem: etree._Element, path: Path) -> str:
    tag = elem.tag
    if not isinstance(tag, str):
        return ""
    if tag.startswith(_Q):
        return tag[len(_Q):]
    name = etree.QName(elem).localname
    raise _bad("input.xml-namespace", elem, _where(path), name=name, namespace=NS)


def _check_plain(elem: etree._Element, path: Path, *, allow_text: bool) -> None:
    if elem.attrib:
        name = next(iter(elem.attrib))
        raise _bad("input.xml-attribute", elem, _where(path), name=name)
    if allow_text:
        return
    if elem.text and not elem.text.isspace():
        raise _bad("input.xml-text", elem, _where(path))
    for child in elem:
        if child.tail and not child.tail.isspace():
            raise _bad("input.xml-text", elem, _where(path))


def _children(elem: etree._Element) -> list[etree._Element]:
    return [c for c in elem if isinstance(c.tag, str)]


def _read_scalar(elem: etree._Element, t: Kind, path: Path, trusted: bool = False) -> Any:
    if not trusted:
        _check_plain(elem, path, allow_text=True)
    if len(elem) and _children(elem):
        raise _bad("input.xml-structure", elem, _where(path))
    text = elem.text or ""
    if t.kind == "simple":
        if t.base == "boolean":
            if text not in ("true", "false"):
                raise _bad("input.xml-value", elem, _where(path), expected=VALUE_KINDS["boolean"])
            return text == "true"
        if t.base == "integer":
            try:
                return int(text)
            except ValueError:
                raise _bad("input.xml-value", elem, _where(path), expected=VALUE_KINDS["integer"]) from None
    return text


def _read(elem: etree._Element, t: Kind, path: Path, trusted: bool) -> Any:
    if t.kind == "model":
        return _read_model(elem, model(t.name), path, trusted)
    return _read_scalar(elem, t, path, trusted)


def _read_model(elem: etree._Element, spec: Model, path: Path, trusted: bool = False) -> dict[str, Any]:
    """``trusted``: the XSD has accepted the tree, so namespace, order, repetition, attributes and
    stray text need no second check."""
    if trusted:
        return _read_trusted(elem, spec, path)
    _check_plain(elem, path, allow_text=False)
    out: dict[str, Any] = {}
    order = _order(spec.name)
    last = -1
    for child in _children(elem):
        name = _local(child, path)
        f = spec.field(name)
        if f is None:
            here = _where(path + (name,))
            raise _bad("input.xml-unknown-element", child, here, model=spec.name)
        if name in out:
            here = _where(path + (name,))
            raise _bad("input.xml-duplicate", child, here)
        if order[name] < last:
            here = _where(path + (name,))
            raise _bad("input.xml-order", child, here, model=spec.name)
        last = order[name]
        if f.type.kind == "list":
            list_path = path + (name,)
            _check_plain(child, list_path, allow_text=False)
            items = []
            item_type = f.type.item
            for i, item in enumerate(_children(child), start=1):
                item_name = _local(item, list_path)
                if item_name != f.xml_item:
                    here = _where(list_path + (f"{item_name}[{i}]",))
                    raise _bad("input.xml-unknown-element", item, here,
                               model=f"{spec.name}.{name} (<{f.xml_item}>)")
                items.append(_read(item, item_type, list_path + (f"{item_name}[{i}]",), False))  # type: ignore[arg-type]
            out[name] = items
        else:
            out[name] = _read(child, f.type, path + (name,), False)
    return out


def _read_trusted(elem: etree._Element, spec: Model, path: Path) -> dict[str, Any]:
    # The reading plan of each model, made once, does for a valid tree what the walk below does,
    # with no path kept and no model looked up per element. Anything it does not expect (a value
    # the XSD let through that the model's types refuse) makes it give way to the walk, which
    # then raises exactly as it always has.
    try:
        return _by_plan(elem, _plan(spec.name))
    except Exception:  # noqa: BLE001 - the walk below decides what the error is
        return _walk_trusted(elem, spec, path)


# How the reading plan reads a child: its text, as an integer, as a boolean, as an object (by the
# plan of its model), or as a list of one of those.
_TEXT, _INTEGER, _BOOLEAN, _OBJECT, _LIST = range(5)
_Step = tuple[str, int, Any]  # (property name, how, the item's how or the object's plan)


@cache
def _plan(model_name: str) -> dict[str, _Step]:
    """By qualified tag: how each property of ``model_name`` is read from a trusted tree."""
    plan: dict[str, _Step] = {}
    for f in model(model_name).fields:
        t = f.type
        if t.kind == "list":
            how, arg = _how(t.item)  # type: ignore[arg-type]
            plan[_Q + f.name] = (f.name, _LIST, (how, arg))
        else:
            how, arg = _how(t)
            plan[_Q + f.name] = (f.name, how, arg)
    return plan


def _how(t: Kind) -> tuple[int, Any]:
    if t.kind == "model":
        return _OBJECT, _LazyPlan(t.name)
    if t.kind == "simple" and t.base == "integer":
        return _INTEGER, None
    if t.kind == "simple" and t.base == "boolean":
        return _BOOLEAN, None
    return _TEXT, None


class _LazyPlan:
    """A model's plan, made when first needed: models refer to themselves (a block's children)."""

    __slots__ = ("name", "plan")

    def __init__(self, name: str) -> None:
        self.name, self.plan = name, None

    def get(self) -> dict[str, _Step]:
        if self.plan is None:
            self.plan = _plan(self.name)
        return self.plan


_BOOLEANS = {"true": True, "false": False}


def _value(elem: etree._Element, how: int, arg: Any) -> Any:
    if how == _TEXT:
        if len(elem) and any(isinstance(c.tag, str) for c in elem):
            raise ValueError("an element inside a value")
        return elem.text or ""
    if how == _OBJECT:
        return _by_plan(elem, arg.get())
    if len(elem) and any(isinstance(c.tag, str) for c in elem):
        raise ValueError("an element inside a value")
    text = elem.text or ""
    return int(text) if how == _INTEGER else _BOOLEANS[text]


def _by_plan(elem: etree._Element, plan: dict[str, _Step]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for child in elem:
        step = plan.get(child.tag)  # type: ignore[call-overload]
        if step is None:
            if isinstance(child.tag, str):
                raise ValueError("an element the model does not have")
            continue  # comments and processing instructions are not data
        name, how, arg = step
        if how == _LIST:
            item_how, item_arg = arg
            if item_how == _TEXT:
                out[name] = [item.text or "" if not len(item) else _value(item, _TEXT, None)
                             for item in child if isinstance(item.tag, str)]
            else:
                out[name] = [_value(item, item_how, item_arg) for item in child if isinstance(item.tag, str)]
        elif how == _TEXT and not len(child):
            out[name] = child.text or ""
        else:
            out[name] = _value(child, how, arg)
    return out


def _walk_trusted(elem: etree._Element, spec: Model, path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cut = len(_Q)
    for child in elem:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions are not data
        name = tag[cut:]
        f = spec.field(name)
        t = f.type  # type: ignore[union-attr]
        if t.kind == "list":
            item_type = t.item
            out[name] = [_read_walked(item, item_type, path + (name,))  # type: ignore[arg-type]
                         for item in child if isinstance(item.tag, str)]
        else:
            out[name] = _read_walked(child, t, path + (name,))
    return out


def _read_walked(elem: etree._Element, t: Kind, path: Path) -> Any:
    if t.kind == "model":
        return _walk_trusted(elem, model(t.name), path)
    return _read_scalar(elem, t, path, True)


@cache
def _order(model_name: str) -> dict[str, int]:
    return {f.name: i for i, f in enumerate(model(model_name).fields)}


def from_tree(root: etree._Element, trusted: bool = False) -> tuple[str, dict[str, Any]]:
    """The JSON form of an already parsed KHTH XML tree, with its root name. Pass ``trusted`` only
    for a tree the KHTH XSD has accepted."""
    name = _local(root, ())
    if name not in ROOT_NAMES:
        raise _bad("input.xml-root", root, "/" + name, name=name)
    return name, _read_model(root, root_model(name), (name,), trusted)


def from_xml(data: bytes) -> tuple[str, dict[str, Any]]:
    """Read KHTH XML: returns the root name ('document' or 'bundle') and the JSON form."""
    return from_tree(parse_xml(data))


def pointer_to_xpath(root: str, pointer: str) -> str:
    """Translate a JSON Pointer in the JSON form into the XPath of the same fact in the XML form."""
    spec: Model | None = root_model(root)
    out = [f"/{root}"]
    parts = [p for p in pointer.split("/")[1:]] if pointer else []
    i = 0
    while i < len(parts) and spec is not None:
        f = spec.field(parts[i])
        if f is None:
            out.append(parts[i])
            break
        out.append(f.name)
        t = f.type
        i += 1
        if t.kind == "list" and i < len(parts) and parts[i].isdigit():
            out.append(f"{f.xml_item}[{int(parts[i]) + 1}]")
            t = t.item  # type: ignore[assignment]
            i += 1
        spec = model(t.name) if t.kind == "model" else None
    out.extend(parts[i:])
    return "/".join(out)
