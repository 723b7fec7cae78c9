"""Reading KHTH documents from bytes: format detection, safe decoding, hardened XML parsing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

import orjson

from khth.schema.catalogue import Text

from .errors import KhthInputError
from .legacy_encodings import NAMES, guess_legacy

MAX_BYTES = 100 * 1024 * 1024
_TOO_DEEP = re.compile(r"depth|recursion", re.IGNORECASE)
_BOMS = {b"\xef\xbb\xbf": "UTF-8", b"\xff\xfe": "UTF-16 LE", b"\xfe\xff": "UTF-16 BE"}


def read_limited(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, refused past ``max_bytes`` without reading further, whatever the file
    claims to be (a device such as /dev/zero, a pipe, a file that grows while it is read)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise KhthInputError.of("input.unreadable", reason=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise KhthInputError.of("input.too-large", limit=max_bytes)
    return data


def detect_format(data: bytes) -> str | None:
    """'json' or 'xml' by the first significant byte; None when neither."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return "json"
    if head == b"<":
        return "xml"
    return None


def check_bytes(data: bytes) -> str:
    """Problems that make any reading pointless: empty, BOM, binary, not UTF-8, too large.

    Returns the text, decoded once, for the callers that need it."""
    if len(data) > MAX_BYTES:
        raise KhthInputError.of("input.too-large", limit=MAX_BYTES)
    if not data.strip():
        raise KhthInputError.of("input.empty")
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise KhthInputError.of("input.encoding", line=1, column=1, encodings=name,
                                    where=Text(f"dấu BOM {name}", f"a {name} byte-order mark"))
    if b"\x00" in data[:8192]:
        raise KhthInputError.of("input.binary", expected="JSON, XML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = guess_legacy(data)
        byte = f"0x{data[exc.start]:02x}"
        raise KhthInputError.of(
            "input.encoding", line=line, column=column,
            encodings=NAMES[guess[0]] if guess else "Windows-1258, TCVN3, VNI",
            where=Text(f"byte {byte}, dòng {line}", f"byte {byte}, line {line}")) from None


def _json_position(data: bytes, message: str) -> tuple[int | None, int | None]:
    m = re.search(r"line (\d+) column (\d+)", message)
    if m:
        return int(m[1]), int(m[2])
    m = re.search(r"char (\d+)", message)
    if m:
        pos = int(m[1])
        text = data.decode("utf-8", "replace")[:pos]
        return text.count("\n") + 1, pos - (text.rfind("\n") + 1) + 1
    return None, None


def parse_json(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        line, column = _json_position(data, str(exc))
        if _TOO_DEEP.search(str(exc)):  # the parser's own words for its nesting limit
            raise KhthInputError.of("input.too-deep", line=line, column=column, form="JSON") from None
        raise KhthInputError.of("input.json-syntax", line=line, column=column, reason=str(exc)) from None
    except RecursionError:
        raise KhthInputError.of("input.too-deep", form="JSON") from None


_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


if TYPE_CHECKING:
    from lxml import etree


def _parser() -> etree.XMLParser:
    from lxml import etree  # imported on first XML input: JSON-only runs start faster

    # No DTD, no entity resolution, no network, no huge-tree relaxation: hostile XML cannot
    # reach files or the network and cannot expand entities.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False, collect_ids=False)


def parse_xml(data: bytes) -> etree._Element:
    from lxml import etree

    root_start = re.search(rb"<[A-Za-z_]", data)
    prolog = data[: root_start.start()] if root_start else data
    if _DTD.search(prolog):
        line = prolog[: _DTD.search(prolog).start()].count(b"\n") + 1  # type: ignore[union-attr]
        raise KhthInputError.of("input.xml-doctype", line=line, column=1)
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        if _TOO_DEEP.search(exc.msg or ""):  # libxml2's own words for its nesting limit
            raise KhthInputError.of("input.too-deep", line=line, column=column, form="XML") from None
        raise KhthInputError.of("input.xml-syntax", line=line, column=column, reason=exc.msg) from None
