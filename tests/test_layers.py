"""The layers run one way: standard ← input ← validator, converters ← reports ← API ← commands.

Every import of a ``khth`` module, at the top of a file or inside a function, is checked, so a
late import cannot hide a dependency against the arrows.
"""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

PACKAGE = ROOT / "khth"
# a layer may import its own and lower ranks; validator and converters share a rank but not each other
RANK = {"schema": 0, "input": 1, "validator": 2, "converters": 2, "report": 3, "api": 4, "cli": 5}
# pairs a lower rank still may not import: reports work on records, never on the readers of documents
APART = {("report", "converters")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "khth" else None


def _module_name(path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node.lineno, target))
    return out


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def test_every_module_belongs_to_a_layer():
    assert {_layer(_module_name(p)) for p in _modules()} <= set(RANK)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_arrows(path):
    mine = _layer(_module_name(path))
    against = []
    for line, target in _imports(path):
        theirs = _layer(target)
        if theirs is None or theirs == mine:
            continue
        if theirs not in RANK or RANK[theirs] >= RANK[mine] or (mine, theirs) in APART:
            against.append(f"line {line}: {mine} imports {target}")
    assert not against, "\n".join(against)


def test_the_check_sees_a_violation(tmp_path):
    # the checker itself must be able to fail: an input module importing the validator
    bad = PACKAGE / "input" / "_layer_probe.py"
    bad.write_text("def f():\n    from khth.validator import engine\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match="input imports khth.validator"):
            test_imports_follow_the_arrows(bad)
    finally:
        bad.unlink()


def test_reports_may_not_read_documents():
    bad = PACKAGE / "report" / "_layer_probe.py"
    bad.write_text("from khth.converters.text import gazetteer\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match="report imports khth.converters"):
            test_imports_follow_the_arrows(bad)
    finally:
        bad.unlink()
