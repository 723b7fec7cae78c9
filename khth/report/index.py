"""An index of a corpus in SQLite: each record's summary, recipients, duties and findings, by file.

``plan-report index PATHS -o corpus.sqlite`` checks only the files whose content changed since the
last run (by SHA-256) and drops the files no longer found; every view reads an index given among its
paths as it reads files. The schema is plain SQL (text, integers, primary keys, no SQLite-only type)
that PostgreSQL also runs; lists are JSON text. One transaction per run: a failed run leaves the
index as it was.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from khth.validator.corpus_rules import Summary
from khth.validator.engine import FileResult, Options, collect, load_record, run
from khth.validator.findings import Finding

from .corpus import Corpus, Duty, Plan, plan_of
from .errors import ReportError

MAGIC = b"SQLite format 3\x00"
SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS khth_index (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size BIGINT NOT NULL, records INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    file TEXT NOT NULL, pointer TEXT NOT NULL, id TEXT NOT NULL, profile TEXT NOT NULL, digest TEXT,
    number TEXT, issue_date TEXT, level TEXT, system TEXT, issuer_code TEXT, display TEXT NOT NULL,
    issuer_names TEXT NOT NULL,
    issuer_name TEXT, acting_body TEXT, unit_code TEXT, unit_scheme TEXT, title TEXT,
    parent_id TEXT, parent_number TEXT, parent_date TEXT, parent_issuer TEXT,
    recipients TEXT NOT NULL, duties TEXT NOT NULL,
    PRIMARY KEY (file, pointer));
CREATE INDEX IF NOT EXISTS records_number ON records (number);
CREATE INDEX IF NOT EXISTS records_parent ON records (parent_number, parent_date);
CREATE TABLE IF NOT EXISTS findings (
    file TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
    vi TEXT NOT NULL, en TEXT NOT NULL, pointer TEXT, line INTEGER, col INTEGER,
    PRIMARY KEY (file, position));
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


def update(index: str, paths: Iterable[str], today: str | None = None, jobs: int = 1) -> Stats:
    """Bring ``index`` up to date with the files under ``paths``, checking changed files in ``jobs``
    processes."""
    db = _open(index, create=True)
    files, _ = collect(paths)
    known = dict(db.execute("SELECT path, sha256 FROM files").fetchall())
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
    try:
        db.execute("BEGIN")
        for result in checked:
            _forget(db, result.file)
            _store(db, result, *hashes[result.file])
        for name in removed:
            _forget(db, name)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        records = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        db.close()
    added = sum(1 for p in stale if str(p) not in known)
    return Stats(added, len(stale) - added, len(hashes) - len(stale), len(removed), records)


def _forget(db: sqlite3.Connection, name: str) -> None:
    for table, column in (("files", "path"), ("records", "file"), ("findings", "file")):
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))


def _store(db: sqlite3.Connection, result: FileResult, digest: str, size: int) -> None:
    name = result.file
    db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (name, digest, size, len(result.summaries)))
    for i, f in enumerate(result.findings):
        db.execute("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (name, i, f.code, f.severity, f.vi, f.en, f.pointer, f.line, f.column))
    for s in result.summaries:
        try:
            plan = plan_of(load_record(name, s.pointer), s)
        except Exception:  # noqa: BLE001 - changed since it was checked: the summary alone is kept
            plan = Plan(s, None, None, None, None)
        parent = s.parent or {}
        record_digest = result.digests.get(s.pointer)
        db.execute("INSERT INTO records VALUES (" + ", ".join("?" * 23) + ")", (
            name, s.pointer, s.id, s.profile, record_digest.hex() if record_digest else None,
            s.number, s.date, s.level, s.system, s.issuer_code, s.display,
            json.dumps(s.issuer_names, ensure_ascii=False),
            plan.issuer_name, plan.acting_body, plan.unit_code, plan.unit_scheme, plan.title,
            parent.get("id"), parent.get("number"), parent.get("date"), parent.get("issuer"),
            json.dumps(plan.recipients, ensure_ascii=False),
            json.dumps([d.__dict__ for d in plan.duties], ensure_ascii=False)))


_COLUMNS = ("file, pointer, id, profile, digest, number, issue_date, level, system, issuer_code, display, "
            "issuer_names, "
            "issuer_name, acting_body, unit_code, unit_scheme, title, parent_id, parent_number, parent_date, "
            "parent_issuer, recipients, duties")


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
    plans, seen = [], set()
    for row in rows:
        key = (row[2], row[4]) if row[4] else None
        if key in seen:
            continue
        if key:
            seen.add(key)
        plans.append(_plan(row))
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
