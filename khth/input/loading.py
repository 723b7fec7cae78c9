"""Reading KHTH documents from bytes: format detection, safe decoding, hardened XML parsing."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

import orjson

from khth.schema.catalogue import Text

from .errors import KhthInputError
from .legacy_encodings import NAMES, guess_legacy

MAX_BYTES = 100 * 1024 * 1024
# Arrays and objects (JSON) or elements (XML) nested deeper than this are refused before any walk
# of the record. The model nests 7 levels in a bundle (bundle, documents, document, body, block,
# deadlines, deadline) plus 2 per level of sub-blocks (children, block): 64 leaves room for 29
# levels of sub-blocks, where plans print at most 5 or 6 (I, 1, 1.1, a, -, +). Python code that
# walks a record recursively stays far from the interpreter's recursion limit.
MAX_DEPTH = 64
_TOO_DEEP = re.compile(r"depth|recursion", re.IGNORECASE)
_BOMS = {b"\xef\xbb\xbf": "UTF-8", b"\xff\xfe": "UTF-16 LE", b"\xfe\xff": "UTF-16 BE"}


def read_limited(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, refused past ``max_bytes`` without reading further.

    A FIFO, socket or device (/dev/zero, a pipe without writer) is refused without being read:
    it is opened without blocking and looked at through the open descriptor, so it cannot be
    swapped in after a check. A file that grows while it is read is cut at the limit and refused."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise not_a_file()  # a socket cannot even be opened; a FIFO would wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise unreadable(exc) from None
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped in after the first look
            raise not_a_file()
        if st.st_size > max_bytes:
            raise too_large(max_bytes, st.st_size)
        try:
            # a read asks for a buffer of the size it is given: ask for the file's size (and one
            # byte to see growth), not for the limit, then go on only if the file has grown
            data = _read_upto(fh, st.st_size + 1, max_bytes + 1)
        except OSError as exc:
            raise unreadable(exc) from None
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def _read_upto(fh: Any, expected: int, limit: int) -> bytes:
    """At most ``limit`` bytes of ``fh``, read in one call when the file holds fewer than ``expected``."""
    parts = []
    size = 0
    want = min(expected, limit)
    while size < limit:
        chunk = fh.read(want)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        want = min(max(want, 1 << 20), limit - size)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def unreadable(exc: OSError) -> KhthInputError:
    return KhthInputError.of("input.unreadable", reason=exc.strerror or str(exc))


def too_large(max_bytes: int, size: int | None = None) -> KhthInputError:
    return KhthInputError.of("input.too-large", limit=max_bytes)


def not_a_file() -> KhthInputError:
    return KhthInputError.of("input.not-a-file")


def detect_format(data: bytes, *, by_content: bool = False) -> str | None:
    """'json' or 'xml' by the first significant byte; None when neither.

    ``by_content`` (plan-convert, which reads text too): a text opening with "[" is JSON only when
    it parses as JSON, and one opening with "<" is XML only when its root element says so: an
    HTML root (pandoc's gfm opens with a raw ``<table>``, a saved web page with ``<html>``) without
    the KHTH namespace is text, and so is a text whose root is neither KHTH's nor well-formed. A
    KHTH record that is malformed (its namespace or root name) is still XML, to be reported as such."""
    head = data.lstrip()[:1]
    if head == b"[" and by_content:
        try:
            orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        return "json"
    if head in (b"{", b"["):
        return "json"
    if head == b"<":
        return _xml_by_content(data) if by_content else "xml"
    return None


# What may stand before the root element: declarations, comments, a DOCTYPE (parse_xml refuses it
# in a record; an HTML page's "<!DOCTYPE html>" is followed by its <html> root).
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*(?:\[.*?\])?\s*>)*", re.S | re.I)
_START_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?P<local>[A-Za-z_][\w.-]*)(?P<attrs>[^<>]*)")
_KHTH_NS = b"urn:khth:xml:1"
_KHTH_ROOTS = frozenset({b"document", b"bundle"})
_HTML_ROOTS = frozenset(n.encode() for n in (
    "html head body table thead tbody tr td th colgroup col div p span section article main header footer "
    "nav aside h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code br hr a b i u em strong img "
    "figure center font meta title link style script form").split())


def _xml_by_content(data: bytes) -> str | None:
    rest = data[_PROLOG.match(data).end():]  # type: ignore[union-attr]
    tag = _START_TAG.match(rest)
    if tag is None:
        return None  # "<" opens no element ("<3", "<<", "< 5 năm"): text
    if _KHTH_NS in tag["attrs"] or tag["local"] in _KHTH_ROOTS:
        return "xml"
    if tag["local"].lower() in _HTML_ROOTS:
        return None
    from lxml import etree

    try:
        etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError:
        return None
    return "xml"


def _utf16(data: bytes) -> str | None:
    """'UTF-16 LE' or 'UTF-16 BE' when ``data`` starts like UTF-16 text: a byte-order mark, or
    ASCII characters each paired with a NUL byte."""
    if data.startswith(b"\xff\xfe"):
        return "UTF-16 LE"
    if data.startswith(b"\xfe\xff"):
        return "UTF-16 BE"
    head = data[:16]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    low, high = head[0::2], head[1::2]
    if not high.strip(b"\x00") and low.isascii() and b"\x00" not in low:
        return "UTF-16 LE"
    if not low.strip(b"\x00") and high.isascii() and b"\x00" not in high:
        return "UTF-16 BE"
    return None


def utf16_record(data: bytes) -> tuple[str, str] | None:
    """(the encoding, "XML" or "JSON") when ``data`` is a JSON or XML text in UTF-16, which KHTH
    does not take (records are UTF-8); None otherwise, UTF-16 plain text included."""
    encoding = _utf16(data)
    if encoding is None:
        return None
    codec = "utf-16-le" if encoding.endswith("LE") else "utf-16-be"
    head = data[:256]
    head = head[: len(head) - len(head) % 2].decode(codec, "replace").lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return encoding, "XML"
    if head.startswith(("{", "[")):
        return encoding, "JSON"
    return None


def check_bytes(data: bytes) -> str:
    """Problems that make any reading pointless: empty, BOM, binary, not UTF-8, too large.

    Returns the text, decoded once, for the callers that need it."""
    if len(data) > MAX_BYTES:
        raise KhthInputError.of("input.too-large", limit=MAX_BYTES)
    if not data.strip():
        raise KhthInputError.of("input.empty")
    utf16 = utf16_record(data)
    if utf16:
        raise utf16_refusal(*utf16)
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


def utf16_refusal(encoding: str, form: str) -> KhthInputError:
    """A JSON or XML record written in UTF-16: named, never read as text."""
    return KhthInputError.of("input.utf16-record", line=1, column=1, encoding=encoding, form=form)


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


@dataclass(frozen=True)
class JsonRecord:
    """A JSON text read and checked: its form, and whether the text is exactly orjson's two-space
    indented writing of the form (canonical KHTH JSON), which lets positions be found by searching."""

    form: Any
    canonical: bool


def parse_json(data: bytes) -> Any:
    """The JSON form of ``data``, refused when it nests deeper than :data:`MAX_DEPTH`, repeats a key
    in an object, or holds a character XML 1.0 cannot carry."""
    return read_json(data).form


def read_json(data: bytes) -> JsonRecord:
    """:func:`parse_json`, telling also whether ``data`` is canonical."""
    try:
        form = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if _TOO_DEEP.search(str(exc)):  # orjson's own words for its nesting limit
            raise too_deep("JSON") from None
        line, column = _json_position(data, str(exc))
        raise KhthInputError.of("input.json-syntax", line=line, column=column, reason=str(exc)) from None
    except RecursionError:
        raise too_deep("JSON") from None
    canonical = _check_shape(form, data)
    if _ESCAPED_CONTROL.search(data):
        _refuse_control_characters(form)
    return JsonRecord(form, canonical)


# In orjson's indented writing, a line indented this much holds a value of a container nested
# MAX_DEPTH deep: only then can the form be too deep, and the exact walk decides.
_DEEP_LINE = b"\n" + b"  " * MAX_DEPTH
_INDENTED_KEY_END = b'": '
_UNSURE_INDENTED_KEY_END = b'\\": '


def _check_shape(form: Any, data: bytes) -> bool:
    """Refuse ``form`` when it nests deeper than :data:`MAX_DEPTH` or when ``data`` repeats a key;
    return whether ``data`` is orjson's indented writing of ``form``.

    Both are read off one C-speed serialisation of the form, which holds no repeated key: text equal
    to it repeats none, and otherwise the keys it holds are counted against the key ends of the
    text. Its indentation bounds the depth. Where the serialisation leaves either unsure (it
    fails, a line is indented deep enough, a key may end in an escaped quote) the exact walk runs."""
    if type(form) is not dict and type(form) is not list:
        return False
    try:
        shown: bytes | None = orjson.dumps(form, option=orjson.OPT_INDENT_2)
    except (orjson.JSONEncodeError, TypeError):
        shown = None
    if shown is None or _DEEP_LINE in shown:
        keys = _count_keys(form)  # raises when too deep
    elif data.startswith(shown) and not data[len(shown):].strip():
        return True
    elif _UNSURE_INDENTED_KEY_END in shown:
        keys = _count_keys(form)
    else:
        keys = shown.count(_INDENTED_KEY_END)
    if keys != _count_key_ends(data):
        _refuse_duplicate_keys(data)
    return False


def root_of(data: Any) -> str:
    """'bundle' for a bundle, 'document' otherwise (the JSON form has no root name)."""
    return "bundle" if isinstance(data, dict) and "documents" in data else "document"


def check_form(form: Any) -> None:
    """What :func:`parse_json` refuses, for a JSON form built in memory rather than read: nesting
    deeper than :data:`MAX_DEPTH`, characters XML cannot carry. Walks every string."""
    _count_keys(form)
    _refuse_control_characters(form)


def too_deep(form: str) -> KhthInputError:
    return KhthInputError.of("input.too-deep", form=form, limit=MAX_DEPTH)


def _count_keys(form: Any) -> int:
    """The number of keys in every object of ``form``; refused when it nests deeper than
    :data:`MAX_DEPTH`. A loop with a stack: this runs before anything walks the record recursively."""
    if type(form) is not dict and type(form) is not list:
        return 0
    keys = 0
    stack = [(form, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if type(node) is dict:
            keys += len(node)
            values: Any = node.values()
        else:
            values = node
        for value in values:
            if type(value) is dict or type(value) is list:
                if depth >= MAX_DEPTH:
                    raise too_deep("JSON")
                push((value, depth + 1))
    return keys


# Where a key ends: a closing quote, then a colon (white space between them in hand-written JSON;
# canonical JSON has none, and a byte count settles it). A backslash before such a quote leaves the
# count unsure (an escaped quote inside a string, or a key ending in an escaped backslash): the
# exact check then runs, so a repeated key can never hide behind a miscount.
_KEY_END = re.compile(rb'"[ \t\r\n]*:')
_SPACED_KEY_END = re.compile(rb'"[ \t\r\n]+:')
_UNSURE_KEY_END = re.compile(rb'\\"[ \t\r\n]*:')


def _count_key_ends(data: bytes) -> int:
    """The number of object keys in the JSON text ``data``, or -1 when the text leaves it unsure."""
    if _UNSURE_KEY_END.search(data):
        return -1
    if _SPACED_KEY_END.search(data):
        return len(_KEY_END.findall(data))
    return data.count(b'":')  # a byte count: a fraction of a regular expression's time


class _Pairs(dict):  # type: ignore[type-arg]
    """An object read with the keys it repeats."""

    repeated: str | None = None


def _pairs(pairs: list[tuple[str, Any]]) -> _Pairs:
    out = _Pairs(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        out.repeated = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return out


def _refuse_duplicate_keys(data: bytes) -> None:
    """Raise on the first object, in document order, that repeats a key. Only runs when the count
    of keys read differs from the count of key ends in the text, so valid records never pay for it."""
    import json

    form = json.loads(data, object_pairs_hook=_pairs)
    for pointer, node in _nodes(form):
        if isinstance(node, _Pairs) and node.repeated is not None:
            where = f"{pointer}/{_escape(node.repeated)}"
            raise KhthInputError.of("input.duplicate-key", location=where, pointer=where, key=node.repeated)


# A character XML 1.0 cannot carry, written as a JSON escape (a raw one is malformed JSON). Tab,
# line feed and carriage return are XML characters; whether a property allows them is the schema's
# business. The pattern also matches an escaped backslash before b, f or u00…: the exact check decides.
_ESCAPED_CONTROL = re.compile(rb"\\(?:u00[01][0-9A-Fa-f]|u[Ff]{3}[EeFf]|[bf])")
NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def first_not_xml_char(form: Any) -> tuple[str, str] | None:
    """(pointer, the character) of the first string, key or value, holding a character that XML 1.0
    cannot carry (U+0000–U+001F but tab, line feed and carriage return; U+FFFE, U+FFFF)."""
    for pointer, node in _nodes(form):
        texts = [(pointer, node)] if isinstance(node, str) else \
            [(f"{pointer}/{_escape(k)}", k) for k in node] if isinstance(node, dict) else []
        for where, text in texts:
            bad = NOT_XML_CHAR.search(text)
            if bad:
                return where, bad[0]
    return None


def _refuse_control_characters(form: Any) -> None:
    found = first_not_xml_char(form)
    if found:
        where, char = found
        raise KhthInputError.of("input.control-character", location=where, pointer=where, char=f"U+{ord(char):04X}")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _nodes(form: Any):  # type: ignore[no-untyped-def]
    """(pointer, value) of every value of ``form`` in document order, the containers included.
    Only for forms whose depth is already bounded."""
    stack = [("", form)]
    while stack:
        pointer, node = stack.pop()
        yield pointer, node
        if isinstance(node, dict):
            stack.extend((f"{pointer}/{_escape(k)}", v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in reversed(list(enumerate(node))))


_XML_SPACE = b" \t\r\n"
_ENCODING = re.compile(rb"""\sencoding\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Prolog:
    """What stands before the root element: the declared encoding, and where a DOCTYPE starts."""

    encoding: str | None
    doctype_at: int | None


def read_prolog(data: bytes) -> Prolog:
    """The XML declaration's encoding and the offset of a document type declaration, read by
    skipping white space, the declaration, comments and processing instructions as XML does: a
    comment that mentions <!DOCTYPE is not one. Stops at the root element or at anything else,
    which the parser then reports."""
    encoding = None
    i = 0
    while True:
        while data[i:i + 1] in (b" ", b"\t", b"\r", b"\n"):
            i += 1
        if data.startswith(b"<?", i):
            end = data.find(b"?>", i + 2)
            if end < 0:
                break
            if i == 0 and data.startswith(b"<?xml", i) and data[i + 5:i + 6] in (b" ", b"\t", b"\r", b"\n", b"?"):
                declared = _ENCODING.search(data, i, end)
                encoding = declared[1].decode("ascii", "replace") if declared else None
            i = end + 2
        elif data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            if end < 0:
                break
            i = end + 3
        elif data[i:i + 9].upper() == b"<!DOCTYPE" or data[i:i + 8].upper() == b"<!ENTITY":
            return Prolog(encoding, i)
        else:
            break
    return Prolog(encoding, None)


def _refuse_doctype(data: bytes, at: int) -> KhthInputError:
    return KhthInputError.of("input.xml-doctype", line=data.count(b"\n", 0, at) + 1,
                             column=at - (data.rfind(b"\n", 0, at) + 1) + 1)


if TYPE_CHECKING:
    from lxml import etree


def _parser() -> etree.XMLParser:
    from lxml import etree  # imported on first XML input: JSON-only runs start faster

    # No DTD, no entity resolution, no network, no huge-tree relaxation: hostile XML cannot
    # reach files or the network and cannot expand entities.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False, collect_ids=False)


def parse_xml(data: bytes) -> etree._Element:
    """The element tree of KHTH XML: UTF-8, no DOCTYPE, at most :data:`MAX_DEPTH` elements deep."""
    from lxml import etree

    prolog = read_prolog(data)
    if prolog.doctype_at is not None:
        raise _refuse_doctype(data, prolog.doctype_at)
    if prolog.encoding is not None and prolog.encoding.upper().replace("_", "-") not in ("UTF-8", "UTF8"):
        # the bytes are UTF-8 (checked before); read as the declared encoding they would be mojibake
        raise KhthInputError.of("input.xml-encoding", line=1, column=1, encoding=prolog.encoding)
    try:
        tree = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        if _TOO_DEEP.search(exc.msg or ""):  # libxml2's own words for its nesting limit
            raise KhthInputError.of("input.too-deep", line=line, column=column, form="XML", limit=MAX_DEPTH) from None
        raise KhthInputError.of("input.xml-syntax", line=line, column=column, reason=exc.msg) from None
    if tree.getroottree().docinfo.doctype:  # the prolog reader missed one: never let it through
        raise _refuse_doctype(data, 0)
    if _too_deep_xml()(tree):
        raise too_deep("XML")
    return tree


@cache
def _too_deep_xml() -> Any:
    from lxml import etree

    # an element at depth MAX_DEPTH + 1 exists: one step per level, each visiting its level once
    return etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")
