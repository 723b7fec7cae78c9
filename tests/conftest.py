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


UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


def facts(record):
    """A record without source spans and provenance: what a second reading must reproduce."""
    if isinstance(record, dict):
        return {k: facts(v) for k, v in record.items() if k not in ("source", "provenance")}
    if isinstance(record, list):
        return [facts(v) for v in record]
    return record


_UNSEEN_RECORDS: dict[tuple[str, str], dict] = {}


def read_unseen(area: str, name: str) -> dict:
    """The record the text reader gives for ``tests/fixtures/unseen/<area>/<name>``, read once."""
    from khth.converters.text import text_to_record

    if (area, name) not in _UNSEEN_RECORDS:
        text = (UNSEEN / area / name).read_text(encoding="utf-8")
        _UNSEEN_RECORDS[area, name] = text_to_record(text, name)
    return _UNSEEN_RECORDS[area, name]


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
