"""Line and column of JSON Pointers in JSON text.

orjson gives no positions, so the text of a file with findings is scanned once more, here, to
place each finding. Files without findings never pay for this.
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class _Scanner:
    def __init__(self, text: str, wanted: set[str]) -> None:
        self.text = text
        self.wanted = wanted
        self.found: dict[str, int] = {}

    def ws(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int, pointer: str, depth: int) -> int:
        i = self.ws(i)
        if pointer in self.wanted:
            self.found[pointer] = i
        if depth > 2000:
            raise ValueError("too deep")
        ch = self.text[i:i + 1]
        if ch == "{":
            i = self.ws(i + 1)
            if self.text[i:i + 1] == "}":
                return i + 1
            while True:
                m = _STRING.match(self.text, self.ws(i))
                if not m:
                    raise ValueError("key expected")

                key = json.loads(m.group())
                i = self.ws(m.end())
                i = self.value(i + 1, f"{pointer}/{_escape(key)}", depth + 1)  # skip ':'
                i = self.ws(i)
                if self.text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1  # '}'
        if ch == "[":
            i = self.ws(i + 1)
            if self.text[i:i + 1] == "]":
                return i + 1
            index = 0
            while True:
                i = self.ws(self.value(i, f"{pointer}/{index}", depth + 1))
                index += 1
                if self.text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1  # ']'
        m = _STRING.match(self.text, i) if ch == '"' else _SCALAR.match(self.text, i)
        if not m:
            raise ValueError("value expected")
        return m.end()


def json_positions(text: str, pointers: set[str]) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of each pointer's value; pointers not found are left out."""
    scanner = _Scanner(text, pointers)
    try:
        scanner.value(0, "", 0)
    except (ValueError, IndexError, RecursionError):
        pass  # positions are a courtesy: a scan that fails leaves findings without them
    out = {}
    for pointer, offset in scanner.found.items():
        line = text.count("\n", 0, offset) + 1
        out[pointer] = (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)
    return out
