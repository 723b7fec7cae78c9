"""Every rule plan-validate raises has passing and failing fixtures, and behaves on them.

A fixture is a file or a folder under tests/rules/<code>/pass or /fail; a folder, or a bundle,
is checked as one corpus. ``tests/rules/<code>/options.json`` holds run options for the rule's
fixtures (``today``, ``max_bytes``, ``require_parents``, ``profile``), and ``inject_fault_on_fail``
for a rule no input is known to trigger (input.internal-fault): its failing fixtures are checked
with the document rules made to raise, as a fault of the tool would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khth.schema.catalogue import RULES as ALL_RULES
from khth.schema.catalogue import VALIDATE
from khth.validator.engine import Options, collect, run

RULES_DIR = Path(__file__).parent / "rules"
TODAY = "2026-11-22"
RULES = [r for r in ALL_RULES if VALIDATE in r.tools]  # plan-convert's own input rules: test_input_rules.py


def _fixtures():
    for r in RULES:
        for kind in ("pass", "fail"):
            folder = RULES_DIR / r.code / kind
            for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
                yield pytest.param(r.code, kind, entry, id=f"{r.code}/{kind}/{entry.name}")


def _options(code: str) -> Options:
    path = RULES_DIR / code / "options.json"
    given = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return Options(today=given.get("today", TODAY), max_bytes=given.get("max_bytes", 100 * 1024 * 1024),
                   require_parents=given.get("require_parents", False), profile=given.get("profile"))


def findings_for(code: str, entry: Path):
    files, walk = collect([str(entry)])
    result = run(files, _options(code))
    return walk + list(result.all_findings())


def _injects_fault(code: str) -> bool:
    path = RULES_DIR / code / "options.json"
    return path.exists() and json.loads(path.read_text(encoding="utf-8")).get("inject_fault_on_fail", False)


@pytest.mark.parametrize("code,kind,entry", list(_fixtures()))
def test_rule_fixture(code, kind, entry, monkeypatch):
    if kind == "fail" and _injects_fault(code):
        def fault(*args, **kwargs):
            raise RuntimeError("injected")

        monkeypatch.setattr("khth.validator.engine.check_document", fault)
    found = findings_for(code, entry)
    codes = [f.code for f in found]
    if kind == "fail":
        assert code in codes, f"{entry.name}: {code} not reported; got {codes}"
        hit = next(f for f in found if f.code == code)
        assert hit.vi and hit.en and hit.vi != hit.en
        assert hit.pointer or hit.xpath or hit.line or hit.code.startswith("input.")
    else:
        assert code not in codes, f"{entry.name}: {code} reported on a passing fixture"


def test_every_rule_has_both_kinds_of_fixture():
    missing = [f"{r.code}/{kind}" for r in RULES for kind in ("pass", "fail")
               if not (RULES_DIR / r.code / kind).is_dir() or not any((RULES_DIR / r.code / kind).iterdir())]
    assert missing == []


def test_every_fixture_folder_names_a_rule():
    codes = {r.code for r in RULES}
    assert {p.name for p in RULES_DIR.iterdir() if p.is_dir()} <= codes
