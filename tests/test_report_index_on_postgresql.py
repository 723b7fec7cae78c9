"""The index schema and the query a view of one root reads, on a real PostgreSQL server.

A registry with many writers holds the index in PostgreSQL: the schema is the same SQL file the SQLite
index is made from (khth/report/index.sql), and the query of the records under a root
(khth.report.index.UNDER) returns there what it returns in SQLite. The test starts a throwaway server
in a temporary folder with Debian's postgresql binaries (as an unprivileged user when run as root,
since initdb refuses root) and skips when they are absent or cannot start.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main
from khth.report.coverage import coverage
from khth.report.index import SCHEMA, plans_of_rows, under_query
from khth.report.tree import Tree, parse_root

NULL = "\u2400"  # how psql prints NULL here (SYMBOL FOR NULL), so that it is told from an empty text
ROOTS = ("28-CT/TW@2023-12-25", "260-KH/TU@2024-03-04", "khth:KH:145-KH/HU:2024-03-27:Ban_Thường_vụ_Huyện_ủy")


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found and shutil.which("psql") else None


class Server:
    """A PostgreSQL server of its own, listening only on a socket in its folder."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="khth-pg-"))
        self.user = None
        if os.geteuid() == 0:  # initdb refuses root: the server runs as nobody, in a folder nobody owns
            self.user = "nobody"
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self.folder.chmod(0o755)

    def _as_owner(self, *command: str, timeout: int = 60) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=timeout,
                              cwd=self.folder)

    def start(self) -> str | None:
        """None once it is up, else why it could not start."""
        data = self.folder / "data"
        made = self._as_owner(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "khth", "-E", "UTF8",
                              "--locale=C", "--no-sync")
        if made.returncode:
            return f"initdb failed: {made.stderr.strip()[-300:]}"
        started = self._as_owner(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
                                 "-o", f"-k {self.folder} -c listen_addresses='' -F", "start")
        if started.returncode:
            return f"pg_ctl start failed: {started.stderr.strip()[-300:]}"
        return None

    def psql(self, sql: str) -> list[list[str]]:
        script = f"\\pset format csv\n\\pset null '{NULL}'\n\\pset tuples_only on\n{sql}\n"
        done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(self.folder), "-U", "khth",
                               "-d", "postgres", "-f", "-"], input=script, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return list(csv.reader(io.StringIO(done.stdout)))

    def stop(self) -> None:
        self._as_owner(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server():
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip("needs a PostgreSQL server: apt-get install postgresql (Debian package)")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: initdb refuses root, so no PostgreSQL server can start")
    pg = Server(bin_dir)
    why = pg.start()
    if why:
        pg.stop()
        pytest.skip(f"PostgreSQL could not start here: {why}")
    yield pg
    pg.stop()


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _bind(sql: str, params: tuple) -> str:
    """``sql`` with each ``?`` replaced by its parameter as a literal (psql has no ``?`` parameters)."""
    parts = sql.split("?")
    assert len(parts) == len(params) + 1
    return "".join(p + _literal(v) for p, v in zip(parts, params)) + parts[-1]


def _text(row: tuple) -> list[str]:
    return [NULL if v is None else str(v) for v in row]


@pytest.fixture(scope="module")
def sqlite_index(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("index") / "corpus.sqlite"
    result = CliRunner().invoke(main, ["index", str(EXAMPLES), "-o", str(index), "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture(scope="module")
def registry(server, sqlite_index) -> dict[str, list[tuple]]:
    """The server with the index schema and the rows plan-report index wrote, as a registry inserts them."""
    server.psql(SCHEMA)
    server.psql(SCHEMA)  # again: it only creates what is missing
    with sqlite3.connect(sqlite_index) as db:
        copied = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in ("khth_index", "files", "records",
                                                                           "findings")}
    db.close()
    server.psql("\n".join(f"INSERT INTO {t} VALUES ({', '.join(map(_literal, row))});"
                          for t, rows in copied.items() for row in rows))
    return copied


def test_the_index_schema_and_the_query_of_a_root_run_on_postgresql(server, registry, sqlite_index):
    tables = {row[0] for row in server.psql("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'public'")}
    assert tables == set(registry)
    counts = server.psql("SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM findings)")
    assert counts == [[str(len(registry["records"])), str(len(registry["findings"]))]]
    with sqlite3.connect(sqlite_index) as db:
        expected = {root: db.execute(*under_query(parse_root(root))).fetchall() for root in ROOTS}
    db.close()
    for root in ROOTS:
        rows = server.psql(_bind(*under_query(parse_root(root))) + ";")
        assert rows == [_text(r) for r in expected[root]] and rows, root


def test_the_coverage_from_postgresql_is_the_coverage_from_sqlite(server, registry, sqlite_index):
    spec = parse_root(ROOTS[0])
    with sqlite3.connect(sqlite_index) as db:
        local = plans_of_rows(db.execute(*under_query(spec)).fetchall())
    db.close()
    remote = plans_of_rows([tuple(None if v == NULL else v for v in row)
                        for row in server.psql(_bind(*under_query(spec)) + ";")])
    covered = []
    for plans in (local, remote):
        tree = Tree(plans)
        cov = coverage(tree, tree.find(spec), "2026-01-01", "2024-06-30")
        covered.append([(r.responder.name, r.status, r.answer and r.answer.id, r.lag) for r in cov.rows])
    assert covered[0] == covered[1] and any(status == "answered" for _, status, _, _ in covered[0])
