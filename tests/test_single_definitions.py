"""Each fact of the standard is written once and the tools derive it: the reform date, the
published profile's facts, the names of the document types, the commands' choices."""

from __future__ import annotations

import ast
from pathlib import Path

import click

import khth
from khth.cli.convert import TARGETS
from khth.cli.convert import main as convert_main
from khth.cli.validate import main as validate_main
from khth.schema.catalogue import MESSAGE_LANGUAGES, rule
from khth.schema import units
from khth.schema.codelists import DISTRICT_LEVEL_END, AdminUnitScheme, DocumentType, Profile
from khth.schema.identifiers import CITATION_NAMES, citation_name
from khth.schema.profiles import PUBLISHED_FACTS, REQUIRED_FACTS
from khth.validator import document_rules
from khth.validator.reports import FORMATS

PACKAGE = Path(khth.__file__).parent


def _string_literals(value: str) -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and value in node.value:
                out.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return out


def test_the_administrative_unit_lists_are_read_in_one_module():
    # The reader, the OCR restoration and plan-report all take their units from khth.schema.units.
    for data_file in ("nested-divisions.json", "dataset.db", "converter_2025.json"):
        assert {p.split(":")[0] for p in _string_literals(data_file)} == {"schema/units.py"}


def test_the_reform_date_is_written_once():
    assert _string_literals(DISTRICT_LEVEL_END) == [f"schema/codelists.py:{_line_of('DISTRICT_LEVEL_END = ')}"]
    assert document_rules.DISTRICT_END == DISTRICT_LEVEL_END
    assert units.scheme_of_document(DISTRICT_LEVEL_END) == units.scheme_on(DISTRICT_LEVEL_END) == AdminUnitScheme.GSO_2025
    r = rule("document.district-abolished")
    assert DISTRICT_LEVEL_END in r.message_en and "01/7/2025" in r.message_vi


def _line_of(text: str) -> int:
    lines = (PACKAGE / "schema" / "codelists.py").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def test_the_published_facts_are_listed_once():
    assert PUBLISHED_FACTS == {f.pointer for f in REQUIRED_FACTS[Profile.PUBLISHED]}
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                pointers = {e.value for e in node.elts if isinstance(e, ast.Constant)} & PUBLISHED_FACTS
                if len(pointers) >= 4:
                    copies.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert copies == []


def test_type_names_come_from_the_codelist():
    labels = DocumentType.labels()
    assert set(CITATION_NAMES) == set(labels)
    for code, (vi, _en, _note) in labels.items():
        assert citation_name(code) == vi.split(" / ")[0]
    assert citation_name("TT", "party") == "Thông tri" and citation_name("TT", "state") == "Thông tư"


def _choices(command: click.Command, name: str) -> tuple[str, ...]:
    option = next(p for p in command.params if p.name == name)
    return tuple(option.type.choices)  # type: ignore[attr-defined]


def test_the_commands_choices_come_from_their_tables():
    assert _choices(validate_main, "profile") == tuple(p.value for p in Profile if p is not Profile.CITATION)
    assert _choices(validate_main, "fmt") == FORMATS
    assert _choices(validate_main, "lang") == _choices(convert_main, "lang") == MESSAGE_LANGUAGES
    assert _choices(convert_main, "to") == TARGETS
