"""Shared paths and loaders for the test suite."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SOURCES = EXAMPLES / "sources"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

EXAMPLE_JSON = sorted(p for p in EXAMPLES.rglob("*.json"))
EXAMPLE_XML = sorted(p for p in EXAMPLES.rglob("*.xml"))


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def documents(data) -> list[dict]:
    return data["documents"] if "documents" in data else [data]


def all_records() -> list[tuple[Path, dict]]:
    return [(p, doc) for p in EXAMPLE_JSON for doc in documents(load(p))]


def squash(text: str) -> str:
    """Text with white space and Markdown emphasis removed, for locating printed text in a source."""
    return re.sub(r"[\s*]+", "", text)


READER = ROOT / "tests" / "fixtures" / "reader"


def facts(record):
    """A record without source spans and provenance: what a second reading must reproduce."""
    if isinstance(record, dict):
        return {k: facts(v) for k, v in record.items() if k not in ("source", "provenance")}
    if isinstance(record, list):
        return [facts(v) for v in record]
    return record


def source_text(family: str, case: str) -> str:
    """The text of ``tests/fixtures/reader/<family>/<case>``."""
    return (READER / family / case).read_text(encoding="utf-8")


def docx_bytes(path: Path) -> bytes:
    """The .docx a ``<case>.docx.py`` builder makes (its ``build()``)."""
    namespace: dict = {"__name__": path.stem}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["build"]()


_READ: dict[Path, dict] = {}


def read_case(family: str, case: str) -> dict:
    """The record the reader gives for ``tests/fixtures/reader/<family>/<case>``, read once."""
    return read_path(READER / family / case)


def read_path(path: Path) -> dict:
    if path not in _READ:
        if path.name.endswith(".docx.py"):
            from khth.converters.sources import read_source

            _READ[path] = read_source(docx_bytes(path), path.name[: -len(".py")])[1]
        else:
            from khth.converters.text import text_to_record

            _READ[path] = text_to_record(path.read_text(encoding="utf-8"), path.name)
    return _READ[path]


def walk_blocks(blocks):
    for block in blocks or []:
        yield block
        yield from walk_blocks(block.get("children"))


@pytest.fixture(scope="session")
def validator():
    from khth.validator.engine import Options, Validator

    return Validator(Options(today="2026-11-22"))


def ids(paths):
    return [str(p.relative_to(EXAMPLES)) for p in paths]


def reference_validators() -> dict:
    """python-jsonschema (formats on) for each root; the bundle schema refers to the document schema by $id."""
    import jsonschema
    from referencing import Registry, Resource

    from khth.schema.files import SCHEMA_FILES, SCHEMA_IDS

    schemas = {root: json.loads((ROOT / "khth" / "schema" / f).read_text(encoding="utf-8"))
               for root, f in SCHEMA_FILES.items()}
    registry = Registry().with_resources((SCHEMA_IDS[r], Resource.from_contents(s)) for r, s in schemas.items())
    return {root: jsonschema.Draft202012Validator(s, registry=registry,
                                                  format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            for root, s in schemas.items()}
