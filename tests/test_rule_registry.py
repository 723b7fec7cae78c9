"""Every rule of the catalogue is bound to exactly one check, and every check to rules of the catalogue.

Validator rules are bound by the ``@checks`` registration of :mod:`khth.validator.registry`; the
code literals each registered check (with the helpers it calls) reports must be the rules it
owns, or shares. Input rules are bound by their raise sites: ``KhthInputError.of(code, ...)``
in the input layer and the readers, and ``make(code, ...)`` where the engine itself reports them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import khth
import khth.validator.engine  # noqa: F401 - registers every check
from khth.input.errors import KhthInputError
from khth.schema.catalogue import CODES, RULES, VALIDATE, rule
from khth.validator.registry import CHECKS, SHARED, checks, owned_by

PACKAGE = Path(khth.__file__).parent
VALIDATOR = PACKAGE / "validator"
CHECK_MODULES = ("document_rules.py", "corpus_rules.py", "schema_checks.py")

# Codes still raised as KhthInputError(code, vi, en): their messages are written at the raise site,
# not taken from the catalogue. Convert each to KhthInputError.of("input.<rule>", **params) with a
# catalogue rule, then remove it here.
INLINE_WORDED: set[str] = set()


def _sources() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _first_string(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def _callee(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Attribute):
        base = f.value.id if isinstance(f.value, ast.Name) else ""
        return f"{base}.{f.attr}"
    return f.id if isinstance(f, ast.Name) else ""


def raise_sites() -> dict[str, list[str]]:
    """Rule codes named where an input error is raised or an input finding made, with where."""
    found: dict[str, list[str]] = {}
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name, code = _callee(node), _first_string(node)
            if code and (name.endswith("Error.of") or name in ("make", "_bad")):
                found.setdefault(code, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def inline_worded() -> dict[str, list[str]]:
    """Codes raised with messages written at the raise site: KhthInputError(code, vi, en, ...)."""
    found: dict[str, list[str]] = {}
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) in ("KhthInputError", "InputError") \
                    and len(node.args) >= 2:
                found.setdefault(_first_string(node) or "?", []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_validator_rule_has_one_registered_check():
    unbound = [r.code for r in RULES if r.category not in ("input", "convert", "report") and r.code not in CHECKS]
    assert unbound == []


def test_report_rules_are_raised_by_plan_report_not_checked():
    """A report.* rule is input plan-report cannot work from: raised as ReportError.of(code, ...)."""
    sites = raise_sites()
    report_rules = [r.code for r in RULES if r.category == "report"]
    assert report_rules and [c for c in report_rules if c not in sites] == []
    assert all(not any(s.startswith("validator") for s in sites[c]) for c in report_rules)
    assert [code for code in CHECKS if rule(code).category == "report"] == []


def test_convert_rules_are_worded_by_the_api_not_checked_by_the_validator():
    """A convert.* rule describes what a conversion could not read: the API words it
    (khth.api.facts_not_read), plan-validate never raises it."""
    convert_rules = [r for r in RULES if r.category == "convert"]
    api_source = (PACKAGE / "api.py").read_text(encoding="utf-8")
    assert convert_rules and all(VALIDATE not in r.tools and f'"{r.code}"' in api_source for r in convert_rules)
    assert [code for code in CHECKS if rule(code).category == "convert"] == []


def test_input_rules_are_raised_not_registered():
    sites = raise_sites()
    assert [r.code for r in RULES if r.category == "input" and r.code not in sites] == []
    assert [code for code in CHECKS if rule(code).category == "input"] == []


def test_every_raise_site_names_a_rule():
    unknown = {code: where for code, where in raise_sites().items() if code not in CODES}
    assert unknown == {}


def test_raise_sites_word_messages_from_the_catalogue():
    still_inline = {code: where for code, where in inline_worded().items() if code not in INLINE_WORDED}
    assert still_inline == {}, "convert these to KhthInputError.of(<catalogue code>, **params)"


def _module_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _reach(name: str, functions: dict[str, ast.FunctionDef]) -> set[str]:
    """``name`` and the module functions it calls, transitively, registered checks excepted."""
    seen, todo = {name}, [name]
    while todo:
        for node in ast.walk(functions[todo.pop()]):
            if isinstance(node, ast.Name) and node.id in functions and node.id not in seen:
                callee = functions[node.id]
                if not any(_is_registration(d) for d in callee.decorator_list):
                    seen.add(node.id)
                    todo.append(node.id)
    return seen


def _is_registration(decorator: ast.expr) -> bool:
    return isinstance(decorator, ast.Call) and _callee(decorator) == "checks"


def _codes_in(function: ast.FunctionDef) -> set[str]:
    body = [n for n in ast.walk(function) if n not in function.decorator_list]
    return {n.value for n in body if isinstance(n, ast.Constant) and n.value in CODES}


@pytest.mark.parametrize("module", CHECK_MODULES)
def test_each_check_reports_exactly_its_rules(module):
    tree = ast.parse((VALIDATOR / module).read_text(encoding="utf-8"))
    functions = _module_functions(tree)
    reported: set[str] = set()
    imported = __import__(f"khth.validator.{module[:-3]}", fromlist=["_"])
    for name, node in functions.items():
        if not any(_is_registration(d) for d in node.decorator_list):
            continue
        codes = set().union(*(_codes_in(functions[f]) for f in _reach(name, functions)))
        function = getattr(imported, name)
        owned, shared = owned_by(function), set(SHARED.get(function, ()))
        assert codes == owned | shared, f"{name} reports {sorted(codes)}, registered for {sorted(owned | shared)}"
        reported |= codes
    # a code reported outside every registered check would be a check with no registration
    stray = set().union(*(_codes_in(f) for f in functions.values())) - reported
    assert stray == set()


def test_shared_rules_have_an_owner_elsewhere():
    for function, shared in SHARED.items():
        for code in shared:
            assert CHECKS[code] is not function


def test_check_document_runs_every_document_check():
    from khth.validator import document_rules

    tree = ast.parse(Path(document_rules.__file__).read_text(encoding="utf-8"))
    run = _module_functions(tree)["check_document"]
    called = {n.id for n in ast.walk(run) if isinstance(n, ast.Name)}
    registered = {f.__name__ for f in CHECKS.values() if f.__module__ == document_rules.__name__}
    assert registered <= called


def test_registration_refuses_unknown_and_doubly_bound_rules():
    with pytest.raises(ValueError):
        checks("document.no-such-rule")
    with pytest.raises(ValueError):
        checks("document.id")(lambda doc, base: iter(()))


def test_the_older_constructor_still_raises_with_inline_words():
    exc = KhthInputError("input-something", "Tiếng Việt", "English", line=3)
    assert exc.worded_inline and exc.message("vi") == "Tiếng Việt" and exc.message("en") == "English"
    assert exc.message() == "Tiếng Việt / English" and exc.line == 3


def test_an_input_error_takes_its_words_from_the_catalogue():
    exc = KhthInputError.of("input.too-large", limit=10, line=1)
    assert not exc.worded_inline and exc.code == "input.too-large" and exc.params == {"limit": 10}
    assert exc.message("en") == "the file is over the 10-byte limit"
    assert exc.message("vi") == "Tệp vượt giới hạn 10 byte"


def test_an_input_error_worded_inline_still_becomes_a_finding(monkeypatch):
    from khth.validator import engine

    def refuse(data):
        raise KhthInputError("input-new-check", "Lỗi mới", "a new problem", line=2, column=3)

    monkeypatch.setattr(engine, "check_bytes", refuse)
    [finding] = engine.Validator().check_bytes(b"{}", "x.json").findings
    assert (finding.code, finding.vi, finding.en, finding.line) == ("input.format", "Lỗi mới", "a new problem", 2)
