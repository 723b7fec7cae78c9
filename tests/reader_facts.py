"""Facts about a reader's record, stated as ``path|operator: value`` (tests/fixtures/reader/README.md).

A path walks the record: ``issuer.name``, ``recipients[-1].name``, ``references[number=28-CT/TW].relation``,
``blocks[text^=Tổng hợp].reporting.to``, ``blocks[?role=task][*].label``. Each fact is checked on its own, so
that a failing case reports every fact that differs, not only the first."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

READER = Path(__file__).parent / "fixtures" / "reader"
SOURCE_SUFFIXES = (".txt", ".md", ".docx.py")

# Keys of a facts file that are no path.
ABSENT, VALID, COMMENT = "absent", "valid", "_comment"


class Absent(Exception):
    """A path names nothing in the record."""


@dataclass(frozen=True)
class Step:
    """One step of a path: a field name, an index, ``*`` (every element), or a selection by a key."""

    name: str | None = None
    index: int | None = None
    every: bool = False
    key: str | None = None
    value: str | None = None
    prefix: bool = False  # ``^=``: the key's text opens with the value
    many: bool = False  # ``[?…]``: every element selected, not exactly one


@dataclass(frozen=True)
class Outcome:
    """A fact and whether the record bears it out."""

    fact: str
    expected: Any
    got: Any
    ok: bool

    def line(self) -> str:
        return f"  {self.fact}\n      expected {_show(self.expected)}\n      got      {_show(self.got)}"


_SEL = re.compile(r"^(?P<many>\?)?(?P<key>[A-Za-z_][\w.]*)(?:(?P<op>\^?=)(?P<value>.*))?$", re.S)


def parse_path(path: str) -> list[Step]:
    steps: list[Step] = []
    i = 0
    while i < len(path):
        if path[i] == ".":
            i += 1
        elif path[i] == "[":
            end = path.index("]", i)
            steps.append(_selector(path[i + 1:end], path))
            i = end + 1
        else:
            m = re.match(r"[^.\[]+", path[i:])
            steps.append(Step(name=m.group(0)))
            i += m.end()
    return steps


def _selector(inside: str, path: str) -> Step:
    if inside == "*":
        return Step(every=True)
    if re.fullmatch(r"-?\d+", inside):
        return Step(index=int(inside))
    m = _SEL.match(inside)
    if not m:
        raise ValueError(f"bad selector [{inside}] in {path!r}")
    return Step(key=m["key"], value=m["value"], prefix=m["op"] == "^=", many=bool(m["many"]))  # no value: has the key


def walk_blocks(blocks):
    for block in blocks or []:
        yield block
        yield from walk_blocks(block.get("children"))


def _field(value: Any, name: str) -> Any:
    if not isinstance(value, dict) or name not in value:
        raise Absent(name)
    return value[name]


def _key_text(element: Any, key: str) -> Any:
    """The value a selector compares: a dotted key inside the element; a number compares by its printed form."""
    value = element
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    if isinstance(value, dict) and "printed" in value:
        value = value["printed"]
    return value


def _matches(element: Any, step: Step) -> bool:
    got = _key_text(element, step.key)
    if step.value is None:
        return got is not None
    if isinstance(got, int) and not isinstance(got, bool):
        got = str(got)
    if not isinstance(got, str):
        return False
    return got.startswith(step.value) if step.prefix else got == step.value


def _select(value: Any, step: Step) -> tuple[Any, bool]:
    """Apply a bracket step to a list; the flag says whether the result is a projection over elements."""
    if not isinstance(value, list):
        raise Absent(f"[{step}] of a non-list")
    if step.every:
        return value, True
    if step.index is not None:
        if not -len(value) <= step.index < len(value):
            raise Absent(f"[{step.index}] of {len(value)}")
        return value[step.index], False
    chosen = [e for e in value if _matches(e, step)]
    if step.many:
        return chosen, True
    if not chosen:
        raise Absent(f"[{step.key}{'^=' if step.prefix else '='}{step.value}]")
    if len(chosen) > 1:
        raise AssertionError(f"[{step.key}{'^=' if step.prefix else '='}{step.value}] selects {len(chosen)}, not one")
    return chosen[0], False


def resolve(record: dict, path: str) -> Any:
    """The value at ``path``; raises Absent when the path names nothing."""
    steps = parse_path(path)
    if steps and steps[0].name == "blocks":  # every block of the body, at any depth, in reading order
        value, many = list(walk_blocks(record.get("body"))), False
        steps = steps[1:]
    else:
        value, many = record, False
    for step in steps:
        if many:
            if step.index is not None:  # an index after a projection picks from the projected list
                value, many = _select(value, step)
            elif step.every:
                continue
            else:
                value = [_project(v, step) for v in value]
        elif step.name is not None:
            value = _field(value, step.name)
        else:
            value, many = _select(value, step)
    return value


def _project(element: Any, step: Step) -> Any:
    """One element of a projection: a field it lacks is null, so that positions stay."""
    try:
        if step.name is not None:
            return _field(element, step.name)
        return _select(element, step)[0]
    except Absent:
        return None


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _all(expected: Any) -> list:
    return expected if isinstance(expected, list) else [expected]


def _strings(got: Any) -> list[str]:
    return [g for g in (got if isinstance(got, list) else [got]) if isinstance(g, str)]


def _contains(got: Any, item: Any) -> bool:
    return item in got if isinstance(got, (str, list)) else False


OPERATORS = {
    "": lambda got, want: got == want,
    "len": lambda got, want: isinstance(got, (list, dict, str)) and len(got) == want,
    "startswith": lambda got, want: isinstance(got, str) and got.startswith(want),
    "endswith": lambda got, want: isinstance(got, str) and got.endswith(want),
    "contains": lambda got, want: all(_contains(got, w) for w in _all(want)),
    "notcontains": lambda got, want: not any(_contains(got, w) for w in _all(want)),
    "anycontains": lambda got, want: all(any(w in g for g in _strings(got)) for w in _all(want)),
    "nonecontains": lambda got, want: not any(w in g for w in _all(want) for g in _strings(got)),
    "anystartswith": lambda got, want: all(any(g.startswith(w) for g in _strings(got)) for w in _all(want)),
    "nonestartswith": lambda got, want: not any(g.startswith(w) for w in _all(want) for g in _strings(got)),
    "onecontains": lambda got, want: sum(all(w in g for w in _all(want)) for g in _strings(got)) == 1,
    "oneof": lambda got, want: got in want,
    "sameset": lambda got, want: isinstance(got, list) and sorted(map(_key, got)) == sorted(map(_key, want)),
}


# Operators that hold of a path naming nothing, as of an empty list.
NEGATIVE = {"notcontains", "nonecontains", "nonestartswith"}


def split_fact(fact: str) -> tuple[str, str]:
    tag = re.search(r"#[\w-]*$", fact)
    if tag and tag.start() > fact.rfind("]"):  # "#name" only tells two facts on one path apart
        fact = fact[: tag.start()]
    depth, cut = 0, len(fact)
    for i, ch in enumerate(fact):  # the operator's bar stands outside any selector
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            cut = i
            break
    path, op = fact[:cut], fact[cut + 1:]
    if op not in OPERATORS:
        raise ValueError(f"unknown operator {op!r} in {fact!r}")
    return path, op


def check(record: dict, facts: dict, errors_of=None) -> list[Outcome]:
    """Every fact of a facts file checked against a record. ``errors_of`` gives a record's validation errors."""
    out: list[Outcome] = []
    for fact, expected in facts.items():
        if fact == COMMENT:
            continue
        if fact == ABSENT:
            for path in expected:
                try:
                    got = resolve(record, path)
                except Absent:
                    out.append(Outcome(f"absent {path}", "absent", "absent", True))
                else:
                    out.append(Outcome(f"absent {path}", "absent", got, False))
            continue
        if fact == VALID:
            errors = errors_of(record)
            out.append(Outcome("valid", [] if expected else "errors", errors, (errors == []) is expected))
            continue
        path, op = split_fact(fact)
        if isinstance(expected, dict) and set(expected) == {"@"}:  # the value another path names
            try:
                expected = resolve(record, expected["@"])
            except Absent:
                expected = f"<absent: {expected['@']}>"
        try:
            got = resolve(record, path)
        except Absent as e:
            if op not in NEGATIVE:
                out.append(Outcome(fact, expected, f"<absent: {e}>", False))
                continue
            got = []  # nothing there holds nothing
        except AssertionError as e:
            out.append(Outcome(fact, expected, f"<absent: {e}>", False))
            continue
        out.append(Outcome(fact, expected, got, OPERATORS[op](got, expected)))
    return out


def count(facts: dict) -> int:
    """How many facts a file states: one per key, one per absent path."""
    return sum(len(v) if k == ABSENT else 1 for k, v in facts.items() if k != COMMENT)


def cases() -> list[Path]:
    """Every source with a facts file beside it."""
    found = []
    for facts_path in sorted(READER.rglob("*.facts.json")):
        stem = facts_path.name[: -len(".facts.json")]
        sources = [facts_path.with_name(stem + s) for s in SOURCE_SUFFIXES if facts_path.with_name(stem + s).exists()]
        if len(sources) != 1:
            raise AssertionError(f"{facts_path}: {len(sources)} sources beside it, not one")
        found.append(sources[0])
    return found


def facts_of(source: Path) -> dict:
    stem = source.name.split(".")[0]
    return json.loads(source.with_name(stem + ".facts.json").read_text(encoding="utf-8"))


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 400 else text[:400] + " …"
