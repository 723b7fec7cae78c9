"""plan-report index: an SQLite index that every view reads as it reads files, updated by file hash."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main
from khth.report.index import SCHEMA, add, file_of_documents, load_under
from khth.report.index import load as load_index
from khth.report.tree import Tree, parse_root

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


def _subtree(tree, plan) -> set[tuple[str, str]]:
    return {(p.file, p.summary.pointer) for p in tree.descendants(plan)}


def test_a_view_of_one_root_reads_from_the_index_exactly_the_plans_under_it(tmp_path):
    index = tmp_path / "corpus.sqlite"
    _index([EXAMPLES], index)
    whole = Tree(load_index(str(index)).plans)
    numbered = {p.id for p in whole.plans if p.number and p.number[0].isdigit() and p.date and len(p.date) == 10}
    assert len(numbered) >= 10
    for plan in {p.id: p for p in whole.plans}.values():
        named = [parse_root(f"{plan.number}@{plan.date}")] if plan.id in numbered else []
        for spec in (*named, parse_root(plan.id)):
            part = load_under(str(index), spec)
            assert part.total == 26 and len(part.plans) <= len(whole.plans)
            tree = Tree(part.plans, part.total)
            found = tree.find(spec)
            assert found.id == plan.id
            assert _subtree(tree, found) == _subtree(whole, plan), spec
    province = load_under(str(index), parse_root("260-KH/TU@2024-03-04"))
    assert len(province.plans) == 1 + 2 < len(whole.plans)  # its plan, the two under it, nothing else


def test_records_a_program_holds_are_indexed_as_the_files_that_hold_them(tmp_path):
    from_files, from_records = tmp_path / "files.sqlite", tmp_path / "records.sqlite"
    _index([EXAMPLES], from_files)
    entries = []
    with sqlite3.connect(from_files) as db:
        indexed = [Path(p) for (p,) in db.execute("SELECT path FROM files WHERE path LIKE '%.json' ORDER BY path")]
    db.close()
    assert len(indexed) > 10
    for path in indexed:
        data = path.read_bytes()
        doc = json.loads(data)
        docs = [(f"/documents/{i}", d) for i, d in enumerate(doc["documents"])] if "documents" in doc else [("", doc)]
        entries.append(file_of_documents(str(path), data, docs))
    assert add(str(from_records), iter(entries)) == sum(len(e.plans) for e in entries)
    query = "SELECT * FROM records WHERE file LIKE '%.json' ORDER BY file, pointer"
    with sqlite3.connect(from_files) as a, sqlite3.connect(from_records) as b:
        expected = [row[:4] + row[5:] for row in a.execute(query)]  # the digest only plan-validate computes
        assert [row[:4] + row[5:] for row in b.execute(query)] == expected
        assert b.execute("SELECT path, sha256 FROM files ORDER BY path").fetchall() == \
            a.execute("SELECT path, sha256 FROM files WHERE path LIKE '%.json' ORDER BY path").fetchall()
    a.close()
    b.close()


def test_records_stored_again_replace_their_file_and_a_failed_store_changes_nothing(tmp_path):
    path = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"
    data = path.read_bytes()
    entry = file_of_documents(str(path), data, [("", json.loads(data))])
    index = tmp_path / "corpus.sqlite"
    assert add(str(index), [entry]) == 1
    assert add(str(index), [entry, entry]) == 1  # the index held the path: each store replaces it
    fresh = tmp_path / "fresh.sqlite"
    with pytest.raises(sqlite3.IntegrityError):  # a path given twice to a new index: nothing is kept
        add(str(fresh), [entry, entry])
    with sqlite3.connect(fresh) as db:
        assert db.execute("SELECT COUNT(*) FROM records").fetchone() == (0,)
    db.close()
