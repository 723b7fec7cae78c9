"""Schema layer: JSON Schema (jsonschema-rs, formats on) and XSD (lxml), with bilingual messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from khth.schema.files import SCHEMA_FILES, SCHEMA_IDS, XSD_FILE

from .findings import Finding, make
from .registry import checks


def _schema_bytes(name: str) -> bytes:
    """A file shipped in khth.schema. Read beside the package's modules when it is installed as
    files (importlib.resources, which a zipped install needs, costs a tenth of plan-validate's
    start-up to import)."""
    import khth.schema

    here = Path(khth.schema.__file__).parent / name
    try:
        # opened directly: the reads of records a run makes are counted through Path.read_bytes
        # (tests/test_validation_work.py), and the schema is not one of them
        with open(here, "rb") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files("khth.schema").joinpath(name).read_bytes()


def load_schema(root: str) -> dict[str, Any]:
    return json.loads(_schema_bytes(SCHEMA_FILES[root]))


if TYPE_CHECKING:
    from lxml import etree


def load_xsd() -> etree.XMLSchema:
    from lxml import etree

    from importlib import resources

    with resources.as_file(resources.files("khth.schema").joinpath(XSD_FILE)) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def compile_json_validators() -> dict[str, Any]:
    """The bundle schema refers to the document schema by its $id, so both are given to the registry."""
    registry = jsonschema_rs.Registry([(SCHEMA_IDS[root], load_schema(root)) for root in SCHEMA_FILES])
    return {root: jsonschema_rs.Draft202012Validator(load_schema(root), validate_formats=True, registry=registry)
            for root in SCHEMA_FILES}


def pointer_of(parts: list[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


_FORMAT_NAMES = {"date": "ngày", "date-time": "ngày giờ", "time": "giờ", "uri": "URI", "email": "địa chỉ email"}


def vietnamese(kind: Any, instance: Any) -> str:
    """A Vietnamese message for a jsonschema-rs error, built from its kind."""
    name = type(kind).__name__
    if name == "Required":
        return f"thiếu trường bắt buộc \"{kind.property}\""
    if name == "AdditionalProperties":
        return f"trường không có trong mô hình: {', '.join(kind.unexpected)}"
    if name == "Enum":
        return f"{_short(instance)} không thuộc danh mục ({', '.join(map(str, kind.options))})"
    if name == "Pattern":
        return f"{_short(instance)} sai định dạng"
    if name == "Format":
        return f"{_short(instance)} không phải {_FORMAT_NAMES.get(kind.format, kind.format)} hợp lệ"
    if name == "Type":
        return f"{_short(instance)} sai kiểu dữ liệu, cần {', '.join(map(str, kind.types))}"
    if name == "MinItems":
        return "danh sách không được rỗng"
    if name == "Minimum":
        return f"{_short(instance)} nhỏ hơn giá trị tối thiểu {kind.limit}"
    if name == "Constant":
        return f"{_short(instance)} phải là {_short(kind.expected_value)}"
    return f"không đúng lược đồ ({name})"


@checks("schema.json")
def json_schema_findings(validator: Any, data: Any, file: str) -> list[Finding]:
    """All violations, de-duplicated, in document order (jsonschema-rs reports them depth-first)."""
    if validator.is_valid(data):  # most records are valid: spare collecting what is not there
        return []
    seen: set[tuple[str, str]] = set()
    out = []
    for err in validator.iter_errors(data):
        pointer = pointer_of(list(err.instance_path))
        if (pointer, err.message) in seen:
            continue
        seen.add((pointer, err.message))
        f = make("schema.json", file, pointer=pointer or "/", detail=err.message)
        out.append(f.at(vi=vietnamese(err.kind, err.instance)))
    return out


def named_path(elem: etree._Element) -> str:
    from lxml import etree

    """/document/body/block[3]/text: local names, with a position where siblings share a name."""
    steps = []
    while elem is not None:
        name = etree.QName(elem).localname
        parent = elem.getparent()
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and etree.QName(c).localname == name]
            if len(same) > 1:
                name += f"[{same.index(elem) + 1}]"
        steps.append(name)
        elem = parent
    return "/" + "/".join(reversed(steps))


@checks("schema.xsd")
def xsd_findings(xsd: etree.XMLSchema, tree: etree._Element, file: str) -> list[Finding]:
    from lxml import etree

    if xsd.validate(tree):
        return []
    out = []
    for e in xsd.error_log:  # type: ignore[attr-defined]
        # libxml2 gives a positional, namespace-blind path (/*/*[5]/*[3]); name it.
        try:
            found = tree.getroottree().xpath(e.path) if e.path else []
        except etree.XPathError:  # a path through a foreign namespace's prefix (<w:x xmlns:w=…>)
            found = []
        xpath = named_path(found[0]) if found and isinstance(found[0], etree._Element) else e.path
        f = make("schema.xsd", file, xpath=xpath, line=e.line, column=e.column or None, detail=e.message)
        out.append(f.at(vi=f"Không đúng XSD: {e.message}"))
    return out
