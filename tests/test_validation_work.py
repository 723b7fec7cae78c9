"""How much work a validation run does: each file read once, and linear in the records of a bundle.

Measured by counting (file reads, parses, Python and C calls), never by the clock.
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from khth.validator import engine
from khth.validator.engine import Options, collect, run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RULES = ROOT / "tests" / "rules"
TODAY = "2026-11-22"


@pytest.fixture
def reads(monkeypatch):
    """Every read of a file in the run (the engine's capped read, and any Path.read_bytes), by path."""
    counted: Counter[str] = Counter()
    original = Path.read_bytes

    def read_bytes(self):
        counted[str(self)] += 1
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    from khth.validator import engine

    limited = engine.read_limited

    def read_limited(path, *args, **kwargs):
        counted[str(path)] += 1
        return limited(path, *args, **kwargs)

    monkeypatch.setattr(engine, "read_limited", read_limited)
    return counted


def _corpus_with_findings(tmp_path: Path) -> Path:
    """The examples (JSON and XML forms of the same records, so identifiers collide) and records the
    corpus rules report on: a duplicate identifier, an unresolved parent, a child dated before its
    parent, in both forms."""
    folder = tmp_path / "run"
    shutil.copytree(EXAMPLES, folder / "examples", ignore=shutil.ignore_patterns("sources"))
    for code in ("corpus.duplicate-id", "corpus.parent-unresolved", "corpus.child-before-parent",
                 "corpus.parent-date-mismatch", "corpus.citation-superseded"):
        shutil.copytree(RULES / code / "fail", folder / code)
    return folder


def test_a_run_reads_each_file_once_and_places_every_later_finding(tmp_path, reads):
    folder = _corpus_with_findings(tmp_path)
    files, _ = collect([str(folder)])
    result = run(files, Options(today=TODAY)).placed()  # as --format json and --verbose report it
    assert {str(f) for f in files} == set(reads)
    assert set(reads.values()) == {1}
    corpus_codes = {f.code for f in result.corpus}
    assert {"corpus.duplicate-id", "corpus.child-before-parent", "corpus.parent-ambiguous"} <= corpus_codes
    assert all(f.line is not None for f in result.corpus), [f for f in result.corpus if f.line is None]
    info = [f for f in result.findings if f.severity == "info" and f.pointer]
    assert info and all(f.line is not None for f in info)


def test_records_of_one_identifier_are_compared_without_reading_their_files_again(tmp_path, reads):
    """A JSON file and its XML form hold the same record: it counts once, from the digests taken
    when the files were checked."""
    files = [EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json", EXAMPLES / "192-KH-TU_thi-uy-duc-pho.xml"]
    result = run(files, Options(today=TODAY))
    assert len(result.summaries) == 1
    assert set(reads.values()) == {1}


def test_records_with_keys_in_another_order_still_count_once(tmp_path):
    doc = json.loads((EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json").read_text(encoding="utf-8"))
    shuffled = dict(reversed(list(doc.items())))
    (tmp_path / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(shuffled, ensure_ascii=False), encoding="utf-8")
    result = run(sorted(tmp_path.iterdir()), Options(today=TODAY))
    assert len(result.summaries) == 1
    assert not [f for f in result.corpus if f.code == "corpus.duplicate-id"]


def _bundle(tmp_path: Path, copies: int, indent: int | None) -> Path:
    doc = json.loads((EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json").read_text(encoding="utf-8"))
    doc.pop("khthVersion")
    path = tmp_path / f"bundle-{copies}.json"
    bundle = {"khthVersion": "1.0", "title": "Một kế hoạch nhiều lần", "documents": [copy.deepcopy(doc)] * copies}
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def _calls_to_check(path: Path) -> tuple[int, list]:
    """Python and C function calls made to check ``path`` and report it with every finding placed."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        result = run([path], Options(today=TODAY)).placed()
    finally:
        sys.setprofile(None)
    return calls, result.findings


@pytest.mark.parametrize("indent", [2, None])
def test_a_bundle_of_many_copies_of_one_record_costs_work_linear_in_the_copies(tmp_path, reads, indent):
    """Defect D09: each record of a bundle used to read and parse the whole file again."""
    # indented as canonical files are, positions come from the indentation; otherwise from the scan
    small, large = _bundle(tmp_path, 50, indent), _bundle(tmp_path, 200, indent)
    work_small, found_small = _calls_to_check(small)
    work_large, found_large = _calls_to_check(large)
    assert reads[str(small)] == 1 and reads[str(large)] == 1
    assert len(found_large) == 4 * len(found_small) - 3  # the unresolved parent is reported once
    assert work_large < 4.6 * work_small, (work_small, work_large)
    placed = [f for f in found_large if f.pointer and f.pointer.startswith("/documents/199/")]
    assert placed and all(f.line for f in placed)
