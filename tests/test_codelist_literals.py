"""Codelist codes are named by their enum members, not written as string literals.

A literal denotes a code when it stands where a code goes: compared with a codelist-valued
property or variable (``block["role"] == "task"``, ``level in ("district", ...)``), assigned to
one, given as one in a dict (``{"role": "task"}``), a table keyed by codes of one codelist, a
collection of codes of one codelist, or a returned code. Codes that are also property names or
format names ("text", "timeframe", "json") count only where the context says they are codes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import khth
from khth.schema.codelists import Codelist

ALL_CODELISTS = tuple(Codelist.__subclasses__())
from khth.schema.shape import _shape

PACKAGE = Path(khth.__file__).parent
SCANNED = ("validator", "converters", "input", "api.py", "cli")

MEMBERS: dict[str, dict[str, str]] = {c.__name__: {m.value: m.name for m in c} for c in ALL_CODELISTS}
OWNER: dict[str, str] = {code: name for name, codes in MEMBERS.items() for code in codes}


def _codelist_fields() -> dict[str, str]:
    out: dict[str, str] = {}
    for fields in _shape()["models"].values():
        for f in fields:
            t = f["type"]["item"] if f["type"]["kind"] == "list" else f["type"]
            if t["kind"] == "codelist":
                out[f["name"]] = t["name"]
    return out


FIELDS = _codelist_fields()  # property name → codelist: role → BlockRole
# Variables and attributes that hold a code, by the name the code uses for them.
VARIABLES = {**FIELDS, "doc_type": "DocumentType", "document_type": "DocumentType", "section": "BlockRole",
             "sub": "BlockRole", "source_format": "SourceFormat"}
_PROPERTY_NAMES = {f["name"] for fields in _shape()["models"].values() for f in fields}
# Codes that are also property or format names: a code only where the context says so.
AMBIGUOUS = {code for code in OWNER if code in _PROPERTY_NAMES} | {"json", "xml", "text", "markdown", "docx", "pdf"}

# (file, code) pairs where a literal in a code's place is right, each with its reason. None is needed
# today: regex text, Vietnamese words and property names are not where codes go, and the motto
# table of header.py is keyed by pattern names ("state", "state2", "party"), not by codes.
ALLOWED: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Literal:
    file: str
    line: int
    col: int
    end_col: int
    code: str
    codelist: str

    @property
    def member(self) -> str:
        return f"{self.codelist}.{MEMBERS[self.codelist][self.code]}"


def _typed(node: ast.AST) -> str | None:
    """The codelist ``node`` holds, when its name says: x["role"], x.get("role"), role, s.level."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return FIELDS.get(node.slice.value) if isinstance(node.slice.value, str) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        return FIELDS.get(node.args[0].value)
    if isinstance(node, ast.Name):
        return VARIABLES.get(node.id)
    if isinstance(node, ast.Attribute):
        return VARIABLES.get(node.attr)
    return None


def _codes_of_one_list(nodes: list[ast.expr]) -> str | None:
    values = [n.value for n in nodes if not (isinstance(n, ast.Constant) and n.value is None)]
    if len(values) < 2 and not (len(values) == 1 and len(nodes) > 1):
        return None
    if not all(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in nodes if
               not (isinstance(n, ast.Constant) and n.value is None)):
        return None
    lists = {OWNER.get(v) for v in values}
    if all(v in AMBIGUOUS for v in values):  # ("json", "xml", "text"): formats the tools read or write
        return None
    return lists.pop() if len(lists) == 1 and None not in lists else None


def _row_codes(table: ast.Tuple | ast.List) -> str | None:
    """The codelist of a table whose rows each end with a code of it: ((pattern, "annual"), ...)."""
    rows = table.elts
    if len(rows) < 2 or not all(isinstance(r, (ast.Tuple, ast.List)) and r.elts for r in rows):
        return None
    return _codes_of_one_list([r.elts[-1] for r in rows])  # type: ignore[attr-defined]


def _context(node: ast.Constant, parents: dict[ast.AST, ast.AST]) -> str | None:
    """The codelist the literal ``node`` is a code of, or None when it is not used as a code."""
    code = node.value
    here: ast.AST = node
    up = parents.get(here)
    while isinstance(up, ast.IfExp) and here is not up.test or isinstance(up, ast.BoolOp):
        here, up = up, parents.get(up)
    container = None
    if isinstance(up, (ast.Tuple, ast.List, ast.Set)):
        container, here, up = up, up, parents.get(up)
        if isinstance(up, (ast.Tuple, ast.List)) and container.elts[-1] is node:  # type: ignore[attr-defined]
            return _row_codes(up)
    plain = None if code in AMBIGUOUS else OWNER[code]
    if isinstance(up, ast.Compare):
        typed = [t for t in map(_typed, [up.left, *up.comparators]) if t]
        if typed:
            return typed[0] if code in MEMBERS[typed[0]] else None
        return plain
    if isinstance(up, ast.Dict):
        if here in up.values:
            key = up.keys[up.values.index(here)]  # type: ignore[arg-type]
            typed = FIELDS.get(key.value) if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
            return (typed if code in MEMBERS.get(typed, {}) else None) if typed else plain
        return _codes_of_one_list([k for k in up.keys if k is not None])
    if isinstance(up, (ast.Assign, ast.AnnAssign)):
        targets = up.targets if isinstance(up, ast.Assign) else [up.target]
        typed = [t for t in map(_typed, targets) if t]
        if typed:
            return typed[0] if code in MEMBERS[typed[0]] else None
        if container is not None:
            return _codes_of_one_list(list(container.elts))  # type: ignore[attr-defined]
        return None
    if isinstance(up, ast.keyword):
        typed = VARIABLES.get(up.arg or "")
        return typed if typed and code in MEMBERS[typed] else None
    if isinstance(up, ast.Return) and container is None:
        return plain
    return None


def code_literals(path: Path) -> Iterator[Literal]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    in_fstring = {id(n) for j in ast.walk(tree) if isinstance(j, ast.JoinedStr) for n in ast.walk(j)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in OWNER \
                and id(node) not in in_fstring:
            codelist = _context(node, parents)
            if codelist:
                yield Literal(str(path.relative_to(PACKAGE)), node.lineno, node.col_offset, node.end_col_offset,
                              node.value, codelist)  # type: ignore[arg-type]


def scanned_files() -> list[Path]:
    out: list[Path] = []
    for part in SCANNED:
        p = PACKAGE / part
        out += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return out


def test_codes_are_named_by_their_members():
    found = [lit for p in scanned_files() for lit in code_literals(p) if (lit.file, lit.code) not in ALLOWED]
    assert [f"{lit.file}:{lit.line}: {lit.code!r} → {lit.member}" for lit in found] == []


def test_the_detector_sees_codes_where_codes_go(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(block, level, doc):\n'
        '    if block["role"] == "task" and level in ("district", "commune"):\n'
        '        block["role"] = "tasks" if doc else "task"\n'
        '    rank = {"central": 0, "province": 1}\n'
        '    row = {"role": "timeframe", "text": "district"}\n'
        '    word = "text"\n'
        '    doc_type = doc.get("t") or "KH"\n'
        '    return "notFound"\n'
        'TABLE = ((r"hang nam", "annual"), (r"hang quy", "quarterly"))\n', encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        found = sorted((lit.line, lit.code, lit.member) for lit in code_literals(sample))
    finally:
        PACKAGE = saved
    assert found == [
        (2, "commune", "Level.COMMUNE"), (2, "district", "Level.DISTRICT"), (2, "task", "BlockRole.TASK"),
        (3, "task", "BlockRole.TASK"), (3, "tasks", "BlockRole.TASKS"),
        (4, "central", "Level.CENTRAL"), (4, "province", "Level.PROVINCE"),
        (5, "district", "Level.DISTRICT"), (5, "timeframe", "BlockRole.TIMEFRAME"),
        (7, "KH", "DocumentType.KH"),
        (8, "notFound", "MissingReason.NOT_FOUND"),
        (9, "annual", "Frequency.ANNUAL"), (9, "quarterly", "Frequency.QUARTERLY"),
    ]
