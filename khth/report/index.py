"""An index of a corpus in SQLite: each record's summary, recipients, duties and findings, by file.

``plan-report index PATHS -o corpus.sqlite`` checks only the files whose content changed since the
last run (by SHA-256) and drops the files no longer found; every view reads an index given among its
paths as it reads files. The schema (index.sql beside this module) is plain SQL (text, integers,
primary keys, no SQLite-only type) that PostgreSQL also runs, as it runs :data:`UNDER`, the query a
view of one root reads; lists are JSON text. One transaction per run: a failed run leaves the index
as it was. :func:`add` stores records a program holds (:func:`file_of_documents`) as ``plan-report
index`` stores the files it checks.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from khth.validator.corpus_rules import Summary, summarise
from khth.validator.engine import FileResult, Options, collect, load_record, run
from khth.validator.findings import Finding

from .corpus import Corpus, Duty, Plan, plan_of
from .errors import ReportError
from .tree import RootSpec

MAGIC = b"SQLite format 3\x00"
SCHEMA_VERSION = "1"

SCHEMA = (Path(__file__).with_name("index.sql")).read_text("utf-8")  # also what PostgreSQL is given

_COLUMNS = ("file, pointer, id, profile, digest, number, issue_date, level, system, issuer_code, display, "
            "issuer_names, "
            "issuer_name, acting_body, unit_code, unit_scheme, title, parent_id, parent_number, parent_date, "
            "parent_issuer, recipients, duties")

# The records a view of one root needs, without reading the rest of the index: the root (with every
# record of its number, to name them when the date differs), then each generation of plans that cite a
# number and date already reached (a cycle ends where UNION finds nothing new), and the plans without
# a number of their own that cite one of them. {seed} selects the root. Plain SQL: SQLite and
# PostgreSQL run it alike.
UNDER = f"""
WITH RECURSIVE under (number, issue_date) AS (
    SELECT number, issue_date FROM records WHERE {{seed}}
    UNION
    SELECT r.number, r.issue_date FROM records r
    JOIN under u ON r.parent_number = u.number AND r.parent_date = u.issue_date
    WHERE r.number IS NOT NULL AND r.issue_date IS NOT NULL)
SELECT {_COLUMNS} FROM records WHERE {{seed}} OR {{same}}
UNION
SELECT {_COLUMNS} FROM records WHERE (number, issue_date) IN (SELECT number, issue_date FROM under)
UNION
SELECT {_COLUMNS} FROM records WHERE (parent_number, parent_date) IN (SELECT number, issue_date FROM under)
ORDER BY file, pointer
"""


@dataclass(frozen=True)
class Stats:
    added: int
    changed: int
    unchanged: int
    removed: int
    records: int


def is_index(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _open(path: str, create: bool) -> sqlite3.Connection:
    """The index at ``path``, checked to be one of this schema before anything is written to it; a new
    one when ``create`` and the file is absent or empty. Any other file is refused and left untouched."""
    fresh = create and (not Path(path).exists() or Path(path).stat().st_size == 0)
    try:
        if fresh:
            db = sqlite3.connect(path, isolation_level=None)
            db.executescript(SCHEMA)
            db.execute("INSERT INTO khth_index VALUES ('schema', ?)", (SCHEMA_VERSION,))
            return db
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        with sqlite3.connect(uri, uri=True) as check:
            found = check.execute("SELECT value FROM khth_index WHERE key = 'schema'").fetchone()
        check.close()
    except sqlite3.Error:
        found = None
    if found is None or found[0] != SCHEMA_VERSION:
        raise ReportError.of("report.index-foreign", file=path, schema=SCHEMA_VERSION)
    return sqlite3.connect(path if create else uri, uri=not create, isolation_level=None)


@dataclass(frozen=True)
class IndexedFile:
    """What the index holds of one file: its hash and size, its records and the findings on it."""

    path: str
    sha256: str
    size: int
    plans: tuple[tuple[Plan, str | None], ...]  # each record and its digest (the same record in JSON and XML)
    findings: tuple[Finding, ...] = ()


def file_of_documents(path: str, data: bytes, documents: Iterable[tuple[str, dict[str, Any]]]) -> IndexedFile:
    """The index entry of a file from its bytes and its records as (pointer, record form), unchecked:
    what a program that makes or receives records (a registry, the benchmark's generator) stores
    without writing them to disk and reading them back."""
    plans = tuple((plan_of(doc, summarise(doc, path, pointer)), None) for pointer, doc in documents)
    return IndexedFile(path, hashlib.sha256(data).hexdigest(), len(data), plans)


def add(index: str, files: Iterable[IndexedFile], removed: Iterable[str] = ()) -> int:
    """Store ``files`` in ``index`` (created when absent), each replacing what the index held of the
    same path, and drop the paths ``removed``; one transaction, so a failure leaves the index as it
    was (a path given twice to a new index is such a failure). The number of records the index then
    holds. ``files`` is read lazily: a generator of a million records is stored in constant memory."""
    db = _open(index, create=True)
    try:
        db.execute("BEGIN")
        fresh = db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None  # nothing to replace: no deletes
        for entry in files:
            if not fresh:
                _forget(db, entry.path)
            _store(db, entry)
        for name in removed:
            _forget(db, name)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        records = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        db.close()
    return records


def update(index: str, paths: Iterable[str], today: str | None = None, jobs: int = 1) -> Stats:
    """Bring ``index`` up to date with the files under ``paths``, checking changed files in ``jobs``
    processes."""
    with closing(_open(index, create=True)) as db:  # a foreign file is refused before any file is checked
        known = dict(db.execute("SELECT path, sha256 FROM files").fetchall())
    files, _ = collect(paths)
    hashes: dict[str, tuple[str, int]] = {}
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        hashes.setdefault(str(path), (hashlib.sha256(data).hexdigest(), len(data)))
    stale = [Path(name) for name, (digest, _) in hashes.items() if known.get(name) != digest]
    checked = run(stale, Options(today=today or date.today().isoformat()), jobs).results if stale else []
    removed = [p for p in known if p not in hashes]
    records = add(index, (_checked_file(result, *hashes[result.file]) for result in checked), removed)
    added = sum(1 for p in stale if str(p) not in known)
    return Stats(added, len(stale) - added, len(hashes) - len(stale), len(removed), records)


def _checked_file(result: FileResult, digest: str, size: int) -> IndexedFile:
    plans = []
    for s in result.summaries:
        try:
            plan = plan_of(load_record(result.file, s.pointer), s)
        except Exception:  # noqa: BLE001 - changed since it was checked: the summary alone is kept
            plan = Plan(s, None, None, None, None)
        record_digest = result.digests.get(s.pointer)
        plans.append((plan, record_digest.hex() if record_digest else None))
    return IndexedFile(result.file, digest, size, tuple(plans), tuple(result.findings))


def _forget(db: sqlite3.Connection, name: str) -> None:
    for table, column in (("files", "path"), ("records", "file"), ("findings", "file")):
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))


def _store(db: sqlite3.Connection, entry: IndexedFile) -> None:
    name = entry.path
    db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (name, entry.sha256, entry.size, len(entry.plans)))
    db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(name, i, f.code, f.severity, f.vi, f.en, f.pointer, f.line, f.column)
                    for i, f in enumerate(entry.findings)])
    db.executemany("INSERT INTO records VALUES (" + ", ".join("?" * 23) + ")",
                   [record_row(name, plan, digest) for plan, digest in entry.plans])


def record_row(file: str, plan: Plan, digest: str | None) -> tuple:
    """The row of ``records`` that holds ``plan`` (in the order of the table's columns)."""
    s = plan.summary
    parent = s.parent or {}
    return (file, s.pointer, s.id, s.profile, digest, s.number, s.date, s.level, s.system, s.issuer_code, s.display,
            json.dumps(s.issuer_names, ensure_ascii=False),
            plan.issuer_name, plan.acting_body, plan.unit_code, plan.unit_scheme, plan.title,
            parent.get("id"), parent.get("number"), parent.get("date"), parent.get("issuer"),
            json.dumps(plan.recipients, ensure_ascii=False),
            json.dumps([d.__dict__ for d in plan.duties], ensure_ascii=False))


def under_query(spec: RootSpec) -> tuple[str, tuple[str, ...]]:
    """The query of :data:`UNDER` for the root ``spec`` names, and its parameters (``?`` style)."""
    if spec.identifier:
        return UNDER.format(seed="id = ?", same="1 = 0"), (spec.identifier,) * 2
    if spec.date:
        seed = "number = ? AND issue_date = ?"
        return UNDER.format(seed=seed, same="number = ?"), (spec.number, spec.date) * 2 + (spec.number,)
    return UNDER.format(seed="number = ?", same="1 = 0"), (spec.number,) * 2


def load_under(index: str, spec: RootSpec) -> Corpus:
    """The part of the corpus an index holds that a view of the root ``spec`` reads (see
    :data:`UNDER`), without the findings: a coverage of one directive among a million records reads
    only the plans under it. ``Corpus.total`` still counts every record."""
    db = _open(index, create=False)
    try:
        sql, params = under_query(spec)
        rows = db.execute(sql, params).fetchall()
        total = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        empty = [r[0] for r in db.execute("SELECT path FROM files WHERE records = 0 ORDER BY path")]
    except sqlite3.Error:
        raise ReportError.of("report.index-foreign", file=index, schema=SCHEMA_VERSION) from None
    finally:
        db.close()
    return Corpus(plans_of_rows(rows), empty, {}, total)


def plans_of_rows(rows: list[tuple]) -> list[Plan]:
    """The plans of rows of ``records`` (in its column order, as :data:`UNDER` selects them, from SQLite or
    any other server), a record held in several files (as its digest says) once."""
    plans, seen = [], set()
    for row in rows:
        key = (row[2], row[4]) if row[4] else None
        if key in seen:
            continue
        if key:
            seen.add(key)
        plans.append(_plan(row))
    return plans


def load(index: str) -> Corpus:
    """The corpus an index holds, each record once (a record held in several files, as its digest says)."""
    db = _open(index, create=False)
    try:
        rows = db.execute(f"SELECT {_COLUMNS} FROM records ORDER BY file, pointer").fetchall()
        finding_rows = db.execute("SELECT file, code, severity, vi, en, pointer, line, col FROM findings "
                                  "ORDER BY file, position").fetchall()
        empty = [r[0] for r in db.execute("SELECT path FROM files WHERE records = 0 ORDER BY path")]
    except sqlite3.Error:
        raise ReportError.of("report.index-foreign", file=index, schema=SCHEMA_VERSION) from None
    finally:
        db.close()
    plans = plans_of_rows(rows)
    findings: dict[str, list[Finding]] = {}
    for file, code, severity, vi, en, pointer, line, column in finding_rows:
        findings.setdefault(file, []).append(Finding(file, code, severity, vi, en, pointer, None, line, column))
    return Corpus(plans, empty, findings)


def _plan(row: tuple) -> Plan:
    (file, pointer, id_, profile, _, number, day, level, system, issuer_code, display, issuer_names, name, acting,
     unit_code, unit_scheme, title, parent_id, parent_number, parent_date, parent_issuer, recipients, duties) = row
    summary = Summary(file, pointer, id_, profile, number, day, tuple(json.loads(issuer_names)), level, system,
                      issuer_code, display,
                      None if parent_id is None else {"id": parent_id, "number": parent_number, "date": parent_date,
                                                      "issuer": parent_issuer or ""})
    return Plan(summary, name, acting, unit_code, unit_scheme,
                tuple((n, p) for n, p in json.loads(recipients)),
                tuple(Duty(**{**d, "who": tuple(d["who"]), "to": tuple(d["to"]),
                              "frequencies": tuple(d["frequencies"])}) for d in json.loads(duties)), title)
