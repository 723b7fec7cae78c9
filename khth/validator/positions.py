"""Line and column of JSON Pointers in JSON text, in one pass that reads only what it must.

orjson gives no positions. Positions are computed while a file's bytes are still in hand, once,
for every pointer a finding of the file has or could get later (see ``engine``). The scan
descends only along the wanted pointers and steps over every other value without looking into
it:

* when the caller has the parsed form, the length of a value is that of its orjson serialisation
  (compact, or indented two spaces as canonical files are) — checked against the bytes with one
  comparison, so any other spelling of the value falls back to the next way;
* otherwise the C scanner of the standard ``json`` module reads the value and returns its end.

The scan stops as soon as every wanted pointer is found. Positions are a courtesy: text the scan
cannot follow leaves the remaining pointers without a position.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Collection
from typing import Any

import orjson

_WS = re.compile(rb"[ \t\r\n]*")
_KEY = re.compile(rb'"((?:[^"\\]|\\.)*)"[ \t\r\n]*:[ \t\r\n]*', re.DOTALL)
_C_SCAN = json.scanner.make_scanner(json.JSONDecoder())
_MAX_DEPTH = 2000
_ABSENT = object()
_DIGITS = frozenset(b"0123456789")
_NUMBER_BYTES = frozenset(b"0123456789.eE+-")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _prefixes(pointers: Collection[str]) -> set[str]:
    """Every proper prefix of the pointers: the values the scan must enter."""
    out: set[str] = set()
    for p in pointers:
        end = p.rfind("/")
        while end >= 0:
            prefix = p[:end]
            if prefix in out:
                break
            out.add(prefix)
            end = p.rfind("/", 0, end)
    return out


class _Done(Exception):
    """Every wanted pointer is found: the rest of the text is not needed."""


class _Scan:
    def __init__(self, data: bytes, wanted: Collection[str]) -> None:
        self.data = data
        self.wanted = wanted
        self.enter = _prefixes(wanted)
        self.found: dict[str, int] = {}
        self._text: str | None = None  # the decoded text, only if the C scanner is needed
        self._at = (0, 0)  # a (byte, character) offset pair: skips move forward, so mapping is incremental

    def value(self, i: int, pointer: str, node: Any, depth: int) -> int:
        if pointer in self.wanted:
            self.found[pointer] = i
            if len(self.found) == len(self.wanted):
                raise _Done
        if pointer not in self.enter:
            return self.skip(i, node, depth)
        if depth > _MAX_DEPTH:
            raise ValueError("too deep")
        data, ws = self.data, _WS.match
        ch = data[i:i + 1]
        if ch == b"{":
            i = ws(data, i + 1).end()
            if data[i:i + 1] == b"}":
                return i + 1
            while True:
                m = _KEY.match(data, i)
                if not m:
                    raise ValueError("key expected")
                raw = m.group(1)
                key = json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode("utf-8")
                child = node.get(key, _ABSENT) if isinstance(node, dict) else _ABSENT
                i = ws(data, self.value(m.end(), f"{pointer}/{_escape(key)}", child, depth + 1)).end()
                if data[i:i + 1] == b",":
                    i = ws(data, i + 1).end()
                    continue
                return i + 1  # '}'
        if ch == b"[":
            i = ws(data, i + 1).end()
            if data[i:i + 1] == b"]":
                return i + 1
            index = 0
            items = node if isinstance(node, list) else ()
            while True:
                child = items[index] if index < len(items) else _ABSENT
                i = ws(data, self.value(i, f"{pointer}/{index}", child, depth + 1)).end()
                index += 1
                if data[i:i + 1] == b",":
                    i = ws(data, i + 1).end()
                    continue
                return i + 1  # ']'
        return self.skip(i, node, depth)

    def skip(self, i: int, node: Any, depth: int) -> int:
        """The end of the value at ``i``."""
        if node is not _ABSENT:
            try:
                compact = orjson.dumps(node)
            except (orjson.JSONEncodeError, TypeError):
                compact = b""
            if compact and self.data.startswith(compact, i):
                end = i + len(compact)
                # a number matched as the prefix of a longer one ("1" of "12") is no match
                if compact[-1] not in _DIGITS or end == len(self.data) or self.data[end] not in _NUMBER_BYTES:
                    return end
            if compact and compact[:1] in (b"{", b"[") and len(compact) > 2:
                indented = orjson.dumps(node, option=orjson.OPT_INDENT_2)
                if depth:
                    indented = indented.replace(b"\n", b"\n" + b"  " * depth)
                if self.data.startswith(indented, i):
                    return i + len(indented)
        return self._c_skip(i)

    def _c_skip(self, i: int) -> int:
        # the C scanner works on text: map the byte offset there and back
        if self._text is None:
            self._text = self.data.decode("utf-8")
        at_byte, at_char = self._at
        start = at_char + len(self.data[at_byte:i].decode("utf-8")) if i >= at_byte else \
            len(self.data[:i].decode("utf-8"))
        try:
            end = _C_SCAN(self._text, start)[1]
        except StopIteration:
            raise ValueError("value expected") from None
        stop = i + len(self._text[start:end].encode("utf-8"))
        self._at = (stop, end)
        return stop


# --- canonical text: positions from the indentation --------------------------------------------------
#
# In orjson's two-space indented output (canonical KHTH JSON), a key of an object at depth d is the
# only thing that starts a line with exactly 2(d+1) spaces and a quote inside that object, and an
# array element at depth d+1 starts after ",\n" and 2(d+1) spaces: JSON strings hold no raw newline.
# Once the text is known to be that output, every wanted value is found with a few C-level
# searches, whatever the size of what lies before it.

_ELEMENT_AT: dict[int, re.Pattern[bytes]] = {}


def _element_separator(indent: int) -> re.Pattern[bytes]:
    pattern = _ELEMENT_AT.get(indent)
    if pattern is None:
        pattern = _ELEMENT_AT[indent] = re.compile(b",\n" + b" " * indent + b"(?=[^ ])")
    return pattern


def _canonical_extent(data: bytes, form: dict[str, Any], keys: set[str]) -> int:
    """The length of the prefix of ``data`` that is proven to be orjson's indented writing of
    ``form`` and holds the values of ``keys`` (top-level keys of ``form``); 0 if there is none."""
    names = list(form)
    last = max(names.index(k) for k in keys)
    try:
        if last == len(names) - 1:
            whole = orjson.dumps(form, option=orjson.OPT_INDENT_2)
            return len(whole) if data.startswith(whole) and not data[len(whole):].strip() else 0
        head = orjson.dumps({k: form[k] for k in names[:last + 1]}, option=orjson.OPT_INDENT_2)
    except (orjson.JSONEncodeError, TypeError):
        return 0
    head = head[:-2] + b",\n"  # the object goes on: "\n}" becomes ",\n" before the next key
    return len(head) if data.startswith(head) else 0


def _array_index(part: str) -> int | None:
    if part.isascii() and part.isdigit() and (part == "0" or part[0] != "0"):
        return int(part)
    return None


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~") if "~" in part else part


class _Canonical:
    """Finds values in text proven to be orjson's indented writing of ``form``, up to ``end``."""

    def __init__(self, data: bytes, form: Any, end: int) -> None:
        self.data, self.form, self.end = data, form, end
        # the furthest element found in each array, so that a run of pointers into one array (the
        # documents of a bundle) walks it once: (index, offset) by the array's pointer
        self.cursor: dict[str, tuple[int, int]] = {}

    def offset(self, pointer: str) -> int | None:
        data, end = self.data, self.end
        node, at, depth, here = self.form, 0, 0, ""
        for part in pointer.split("/")[1:]:
            indent = 2 * (depth + 1)
            if isinstance(node, dict):
                key = _unescape(part)
                if key not in node:
                    return None
                label = b"\n" + b" " * indent + orjson.dumps(key) + b": "
                found = data.find(label, at, end)
                if found < 0:
                    return None
                at, node = found + len(label), node[key]
            elif isinstance(node, list):
                index = _array_index(part)
                if index is None or index >= len(node):
                    return None
                done, start = self.cursor.get(here, (0, at + 2 + indent))  # "[", newline, indent
                if done > index:
                    done, start = 0, at + 2 + indent
                separator = _element_separator(indent)
                for _ in range(index - done):
                    m = separator.search(data, start, end)
                    if m is None:
                        return None
                    start = m.end()
                self.cursor[here] = (index, start)
                at, node = start, node[index]
            else:
                return None
            depth += 1
            here = f"{here}/{part}"
        return at


def _pointer_order(pointer: str) -> tuple[tuple[int, int | str], ...]:
    # An array index is ASCII digits; "²" is a digit to str.isdigit but a key, never an index.
    return tuple((0, int(p)) if p.isascii() and p.isdigit() else (1, p) for p in pointer.split("/"))


def _canonical_offsets(data: bytes, pointers: Collection[str], form: Any,
                       canonical: bool = False) -> dict[str, int] | None:
    if not isinstance(form, dict) or not form or data[:2] != b"{\n":
        return None
    keys = {_unescape(p.split("/", 2)[1]) for p in pointers if p.startswith("/")}
    keys &= form.keys()
    if not keys:
        return {}
    # text the reader has already proven canonical needs no serialisation to prove it again
    end = len(data.rstrip()) if canonical else _canonical_extent(data, form, keys)
    if not end:
        return None
    finder = _Canonical(data, form, end)
    out = {}
    for pointer in sorted(pointers, key=_pointer_order):
        offset = finder.offset(pointer)
        if offset is not None:
            out[pointer] = offset
    return out


def _line_columns(data: bytes, offsets: dict[str, int]) -> dict[str, tuple[int, int]]:
    out = {}
    line, counted = 1, 0
    for pointer, offset in sorted(offsets.items(), key=lambda item: item[1]):
        line += data.count(b"\n", counted, offset)
        counted = offset
        line_start = data.rfind(b"\n", 0, offset) + 1
        out[pointer] = (line, len(data[line_start:offset].decode("utf-8", errors="replace")) + 1)
    return out


def locate(data: bytes, pointers: Collection[str], form: Any = _ABSENT,
           canonical: bool = False) -> dict[str, tuple[int, int]]:
    """1-based (line, column in characters) of each pointer's value in the JSON ``data``; pointers
    not found are left out. ``form``, the parsed ``data`` when the caller has it, spares reading
    most of the text; ``canonical``, that ``data`` is known to be orjson's indented writing of
    ``form`` (:class:`khth.input.loading.JsonRecord`), spares proving it."""
    if not pointers:
        return {}
    offsets = _canonical_offsets(data, pointers, form, canonical) if form is not _ABSENT else None
    if offsets is None:
        scan = _Scan(data, pointers)
        try:
            scan.value(_WS.match(data, 0).end(), "", form, 0)  # type: ignore[union-attr]
        except _Done:
            pass
        except (ValueError, IndexError, RecursionError, UnicodeDecodeError):
            pass  # positions are a courtesy: a scan that fails leaves findings without them
        offsets = scan.found
    return _line_columns(data, offsets)


def json_positions(text: str, pointers: Collection[str]) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of each pointer's value in ``text``; pointers not found are left out."""
    return locate(text.encode("utf-8"), pointers)
