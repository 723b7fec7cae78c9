"""Positions of findings: the one-pass scanner gives the line and column the plain tokenizer gives.

The plain tokenizer below is the definition (it was the engine's scanner: it reads every token of
the text). The scanner in ``khth.validator.positions`` reads as little as it can; on every example,
every rule fixture, and generated JSON texts with random white space, both agree on every pointer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.validator.positions import json_positions, locate

ROOT = Path(__file__).resolve().parent.parent
JSON_FILES = sorted(p for p in [*(ROOT / "examples").rglob("*.json"), *(ROOT / "tests" / "rules").rglob("*.json")]
                    if p.name != "options.json" and p.is_file())

# --- the definition: a plain tokenizer over the whole text ---------------------------------------

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def oracle(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    found: dict[str, int] = {}

    def ws(i: int) -> int:
        return _WS.match(text, i).end()  # type: ignore[union-attr]

    def value(i: int, pointer: str) -> int:
        i = ws(i)
        if pointer in wanted:
            found[pointer] = i
        ch = text[i:i + 1]
        if ch == "{":
            i = ws(i + 1)
            if text[i:i + 1] == "}":
                return i + 1
            while True:
                m = _STRING.match(text, ws(i))
                assert m
                i = value(ws(m.end()) + 1, f"{pointer}/{_escape(json.loads(m.group()))}")
                i = ws(i)
                if text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1
        if ch == "[":
            i = ws(i + 1)
            if text[i:i + 1] == "]":
                return i + 1
            index = 0
            while True:
                i = ws(value(i, f"{pointer}/{index}"))
                index += 1
                if text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1
        m = _STRING.match(text, i) if ch == '"' else _SCALAR.match(text, i)
        assert m
        return m.end()

    value(0, "")
    return {p: (text.count("\n", 0, o) + 1, o - (text.rfind("\n", 0, o) + 1) + 1) for p, o in found.items()}


def pointers_of(node, pointer: str = ""):
    """Every pointer into ``node`` (the root itself aside), and a few that lead nowhere."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        here = f"{pointer}/{_escape(str(key))}"
        yield here
        yield from pointers_of(value, here)
    if isinstance(node, (dict, list)):
        yield f"{pointer}/absent~1key"
        yield f"{pointer}/999999"


def _agree(data: bytes, wanted: set[str]) -> None:
    text = data.decode("utf-8")
    expected = oracle(text, wanted)
    form = orjson.loads(data)
    assert locate(data, wanted, form) == expected
    assert locate(data, wanted) == expected
    assert json_positions(text, wanted) == expected


# --- examples and rule fixtures --------------------------------------------------------------------

@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_pointer_of_examples_and_fixtures_placed_as_the_plain_tokenizer_places_it(path):
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        form = orjson.loads(data)
    except orjson.JSONDecodeError:
        return  # not JSON (a fixture of the input rules): nothing to place
    every = set(pointers_of(form))
    _agree(data, every)
    for pointer in sorted(every)[::11]:  # alone, the scan stops as soon as it has it
        _agree(data, {pointer})


def test_the_fixtures_hold_canonical_and_hand_written_json():
    """Both ways of the scanner are exercised: canonical (indented by orjson) and other spellings."""
    canonical = other = 0
    for path in JSON_FILES:
        data = path.read_bytes()
        try:
            form = orjson.loads(data)
        except orjson.JSONDecodeError:
            continue
        if data.rstrip() == orjson.dumps(form, option=orjson.OPT_INDENT_2):
            canonical += 1
        else:
            other += 1
    assert canonical > 10 and other > 0


# --- generated texts with random white space --------------------------------------------------------

_keys = st.text(st.characters(blacklist_categories=["Cs"]), max_size=6) | st.sampled_from(["a/b", "~", "~1", "id"])
_scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6) |
            st.floats(allow_nan=False, allow_infinity=False, width=32) | st.text(max_size=8))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
                       max_leaves=25)
_blank = st.text(st.sampled_from(" \t\r\n"), max_size=3)


@st.composite
def json_texts(draw) -> tuple[str, object]:
    """A JSON text of a random value, with random white space between every two tokens, or indented
    as canonical files are."""
    value = draw(_values)
    style = draw(st.sampled_from(["random", "canonical", "compact", "ascii"]))
    if style == "canonical":
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode(), value
    if style == "compact":
        return orjson.dumps(value).decode(), value
    if style == "ascii":
        return json.dumps(value, indent=draw(st.sampled_from([None, 1, 2, 4]))), value

    def write(node) -> str:
        b = lambda: draw(_blank)  # noqa: E731
        if isinstance(node, dict):
            inner = ",".join(f"{b()}{json.dumps(k, ensure_ascii=draw(st.booleans()))}{b()}:{b()}{write(v)}{b()}"
                             for k, v in node.items())
            return "{" + (inner or b()) + "}"
        if isinstance(node, list):
            return "[" + (",".join(f"{b()}{write(v)}{b()}" for v in node) or b()) + "]"
        return json.dumps(node, ensure_ascii=draw(st.booleans()))

    return draw(_blank) + write(value) + draw(_blank), value


@settings(max_examples=300, deadline=None)
@given(json_texts(), st.data())
def test_generated_json_texts_placed_as_the_plain_tokenizer_places_them(case, data):
    text, value = case
    every = list(dict.fromkeys(pointers_of(value)))
    wanted = set(every) if not every else set(data.draw(st.lists(st.sampled_from(every), max_size=6))) | \
        (set(every) if data.draw(st.booleans()) else set())
    _agree(text.encode("utf-8"), wanted)
