"""Reading KHTH documents from bytes: format detection, safe decoding, hardened XML parsing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

import orjson

from .errors import KhthInputError
from .legacy_encodings import NAMES, guess_legacy

MAX_BYTES = 100 * 1024 * 1024
_BOMS = {b"\xef\xbb\xbf": "UTF-8", b"\xff\xfe": "UTF-16 LE", b"\xfe\xff": "UTF-16 BE"}


def read_limited(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, refused past ``max_bytes`` without reading further, whatever the file
    claims to be (a device such as /dev/zero, a pipe, a file that grows while it is read)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise KhthInputError("input-unreadable", f"Không đọc được tệp: {exc.strerror or exc}",
                             f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise KhthInputError("input-too-large", f"Tệp vượt giới hạn {max_bytes} byte",
                             f"the file is over the {max_bytes}-byte limit")
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
        raise KhthInputError("input-too-large", f"Tệp lớn hơn giới hạn {MAX_BYTES // 1048576} MB",
                             f"file is larger than the {MAX_BYTES // 1048576} MB limit")
    if not data.strip():
        raise KhthInputError("input-empty", "Tệp rỗng", "file is empty")
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise KhthInputError("input-bom", f"Tệp bắt đầu bằng dấu BOM {name}; KHTH dùng UTF-8 không BOM",
                                 f"file starts with a {name} byte-order mark; KHTH files are UTF-8 without BOM",
                                 line=1, column=1)
    if b"\x00" in data[:8192]:
        raise KhthInputError("input-binary", "Tệp nhị phân, không phải văn bản JSON hay XML",
                             "binary file, not JSON or XML text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = guess_legacy(data)
        vi, en = ((f"tệp có vẻ dùng bảng mã {NAMES[guess[0]]}: hãy lưu lại dạng UTF-8 (Unicode)",
                   f"the file looks like {NAMES[guess[0]]}: save it as UTF-8 (Unicode)") if guess else
                  ("có thể là Windows-1258, TCVN3 hoặc VNI", "possibly Windows-1258, TCVN3 or VNI"))
        raise KhthInputError(
            "input-encoding", f"Không phải UTF-8 (byte 0x{data[exc.start]:02x}, dòng {line}); {vi}",
            f"not UTF-8 (byte 0x{data[exc.start]:02x}, line {line}); {en}", line=line, column=column) from None


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
        raise KhthInputError("json-syntax", f"JSON sai cú pháp: {exc}", f"malformed JSON: {exc}",
                             line=line, column=column) from None
    except RecursionError:
        raise KhthInputError("json-too-deep", "JSON lồng nhau quá sâu", "JSON nested too deeply") from None


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
        raise KhthInputError("xml-doctype",
                             "XML có khai báo DOCTYPE/ENTITY; KHTH không cho phép (chống XXE, bom thực thể)",
                             "XML declares a DOCTYPE or entities, which KHTH forbids (XXE and entity-expansion defence)",
                             line=line, column=1)
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise KhthInputError("xml-syntax", f"XML sai cú pháp: {exc.msg}", f"malformed XML: {exc.msg}",
                             line=line, column=column) from None
