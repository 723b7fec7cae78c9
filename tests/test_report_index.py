"""plan-report index: an SQLite index that every view reads as it reads files, updated by file hash."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main
from khth.report.index import SCHEMA

ROOT = "28-CT/TW@2023-12-25"
TODAY = "2026-01-01"


def _index(paths, out, lang="en") -> str:
    result = CliRunner().invoke(main, ["index", *map(str, paths), "-o", str(out), "--lang", lang, "--today", TODAY])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def _view(*args) -> str:
    result = CliRunner().invoke(main, [*map(str, args), "--format", "json", "--today", TODAY])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("view", [("tree", "--root", ROOT), ("coverage", "--root", ROOT), ("deadlines",)])
def test_every_view_reads_the_index_as_it_reads_the_files(tmp_path, view):
    index = tmp_path / "corpus.sqlite"
    _index([EXAMPLES], index)
    assert _view(*view, index) == _view(*view, EXAMPLES)


def test_only_changed_files_are_checked_again_and_gone_ones_dropped(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus, ignore=shutil.ignore_patterns("sources"))
    index = tmp_path / "corpus.sqlite"
    files = len(list(corpus.rglob("*.json"))) + len(list(corpus.rglob("*.xml")))
    assert _index([corpus], index).endswith(f"{files} file(s) ({files} new, 0 changed, 0 unchanged), 0 removed; "
                                            "26 record(s)")
    plan = corpus / "192-KH-TU_thi-uy-duc-pho.json"
    doc = json.loads(plan.read_text("utf-8"))
    doc["title"] += " (sửa)"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (corpus / "164-KH-HU_huyen-uy-son-ha.xml").unlink()
    assert f"({0} new, 1 changed, {files - 2} unchanged), 1 removed; 25 record(s)" in _index([corpus], index)
    with sqlite3.connect(index) as db:
        [(title,)] = db.execute("SELECT title FROM records WHERE file = ?", (str(plan),)).fetchall()
    assert title.endswith("(sửa)")


def test_a_file_that_is_no_index_is_refused_and_left_untouched(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")
    db.close()
    record = tmp_path / "record.json"
    shutil.copy(EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json", record)
    for target in (other, record):
        before = hashlib.sha256(target.read_bytes()).hexdigest()
        for args in (["index", str(EXAMPLES), "-o", str(target)], ["tree", "--root", ROOT, str(target)]):
            if target == record and args[0] == "tree":
                continue  # a record given as a path is read as a record
            result = CliRunner().invoke(main, [*args, "--lang", "en"])
            assert result.exit_code == 2, result.output
            assert f"{target}: not a KHTH index (schema 1) or damaged" in result.output
        assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_the_schema_is_plain_sql():
    # types and clauses PostgreSQL runs as well: no SQLite-only type, no AUTOINCREMENT, no WITHOUT ROWID
    assert not any(word in SCHEMA.upper() for word in ("AUTOINCREMENT", "WITHOUT ROWID", " BLOB", " REAL"))
    with sqlite3.connect(":memory:") as db:
        db.executescript(SCHEMA)
        db.executescript(SCHEMA)  # and again: it only creates what is missing
