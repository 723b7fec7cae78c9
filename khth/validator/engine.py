"""Run every layer of checks over files and folders and collect the findings.

Per file: input checks → parse (JSON or XML, detected by content) → schema (JSON Schema; for XML
the XSD first, then the JSON Schema on its JSON form) → document rules. Across the run: corpus
rules on small per-record summaries, so memory stays bounded however many files are checked,
and files can be checked in parallel worker processes.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from khth.input.errors import KhthInputError
from khth.input.loading import (MAX_BYTES, check_bytes, check_form, detect_format, parse_json, parse_xml,
                                read_json, read_limited, root_of)
from khth.schema.catalogue import CODES, rule
from khth.schema.codelists import Profile
from khth.schema.files import XML_NAMESPACE as NS

from .corpus_rules import Summary, check_corpus, summarise
from .document_rules import check_document
from .findings import Finding, make
from .positions import json_positions, locate
from .schema_checks import compile_json_validators, json_schema_findings, load_xsd, xsd_findings

if TYPE_CHECKING:
    from lxml import etree

# lxml and the XML reader are imported when the first XML file comes: JSON-only runs start faster.

SUFFIXES = {".json", ".xml"}
# Folders a search does not enter: hidden ones (.git, .venv, .tox hold tools' files, never records)
# and node_modules. A folder or file named on the command line is always checked.
_SKIPPED_FOLDERS = {"node_modules"}
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Options:
    today: str = field(default_factory=lambda: date.today().isoformat())
    max_bytes: int = MAX_BYTES
    require_parents: bool = False
    profile: str | None = None  # check every non-citation record against this profile


Anchor = tuple[str | None, int | None, int | None]  # (XPath, line, column) of a JSON Pointer


@dataclass
class FileResult:
    file: str
    findings: list[Finding]
    summaries: list[Summary]
    # Where findings made after the file was closed go (info findings a report places, corpus
    # findings), by JSON Pointer, found while the bytes were in hand; None: not known.
    anchors: dict[str, Anchor] | None = None
    # A digest of each record (by its pointer), so that records with the same identifier in
    # several files can be compared without reading the files again.
    digests: dict[str, bytes] = field(default_factory=dict)


def _from_loader(exc: KhthInputError, file: str) -> Finding:
    """The finding of an input error: the error names its catalogue rule and carries the parameters
    of the rule's messages."""
    if exc.worded_inline:  # a raise site that still words its own messages
        r = rule(exc.code if exc.code in CODES else "input.format")
        return Finding(file, r.code, r.severity, exc.vi, exc.en, line=exc.line, column=exc.column)
    params = dict(exc.params or {})
    pointer = params.pop("pointer", None)  # the templates that name a pointer take the finding's own
    return make(exc.code, file, pointer=pointer, line=exc.line, column=exc.column, **params)


def internal_fault(file: str, exc: BaseException) -> Finding:
    """A fault of the tool on one file, as a finding on that file: the run goes on without it."""
    return make("input.internal-fault", file, exception=type(exc).__name__)


def _not_khth(tag: str, file: str, line: int | None) -> Finding:
    namespace, _, root = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
    return make("input.not-khth", file, line=line, root=root,
                namespace_vi=f"thuộc không gian tên {namespace}" if namespace else "không có không gian tên",
                namespace=f"is in the namespace {namespace}" if namespace else "has no namespace")


def _first_not_nfc(node: Any, pointer: str = "") -> tuple[str, str] | None:
    if isinstance(node, str):
        return None if unicodedata.is_normalized("NFC", node) else (pointer, node)
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found = _first_not_nfc(value, f"{pointer}/{key}")
        if found:
            return found
    return None


class Validator:
    """Compiles the schemas once; checks any number of inputs."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._json = compile_json_validators()
        self._xsd: Any = None  # compiled on the first XML input

    # -- one input -------------------------------------------------------------------------------

    def check_path(self, path: Path) -> FileResult:
        """The findings of one file. Never raises: a fault of the tool is a finding on the file."""
        name = str(path)
        try:
            data = read_limited(path, self.options.max_bytes)
        except KhthInputError as exc:
            return FileResult(name, [_from_loader(exc, name)], [])
        except Exception as exc:  # noqa: BLE001 - one file must not end the run
            return FileResult(name, [internal_fault(name, exc)], [])
        return self.check_bytes(data, name)

    def check_bytes(self, data: bytes, name: str) -> FileResult:
        """The findings of one input. Never raises: a fault of the tool is a finding on the input."""
        try:
            return self._check_bytes(data, name)
        except Exception as exc:  # noqa: BLE001 - RecursionError and MemoryError included
            return FileResult(name, [internal_fault(name, exc)], [])

    def _check_bytes(self, data: bytes, name: str) -> FileResult:
        findings: list[Finding] = []
        if data.startswith(_UTF8_BOM):
            findings.append(make("input.bom", name, line=1, column=1, encoding="UTF-8"))
            data = data[len(_UTF8_BOM):]
        try:
            if len(data) > self.options.max_bytes:
                raise KhthInputError.of("input.too-large", limit=self.options.max_bytes)
            # the decoded text is only looked at here: dropped at once, a large file is not held twice
            nfc = unicodedata.is_normalized("NFC", check_bytes(data))
            fmt = detect_format(data)
            if fmt == "json":
                return self._check_json(data, nfc, name, findings)
            if fmt == "xml":
                return self._check_xml(data, nfc, name, findings)
            raise KhthInputError.of("input.format", line=1, column=1)
        except KhthInputError as exc:
            return FileResult(name, findings + [_from_loader(exc, name)], [])

    def check_data(self, data: Any, name: str = "<data>") -> list[Finding]:
        """Check an already parsed JSON form (no positions)."""
        return self.check_record(data, name).findings

    def check_record(self, data: Any, name: str = "<data>") -> FileResult:
        """Check an already parsed JSON form, keeping its summaries for the corpus rules. A form
        not read from bytes has not met the input layer: its depth and characters are checked here."""
        try:
            check_form(data)  # bounds the depth before any recursive walk
        except KhthInputError as exc:
            return FileResult(name, [_from_loader(exc, name)], [])
        try:
            findings, summaries = self._check_form(data, name)
        except Exception as exc:  # noqa: BLE001 - a fault of the tool is a finding, as for a file
            return FileResult(name, [internal_fault(name, exc)], [])
        return FileResult(name, findings, summaries)

    # -- JSON and XML ----------------------------------------------------------------------------

    def _check_json(self, data: bytes, nfc: bool, name: str, findings: list[Finding]) -> FileResult:
        record = read_json(data)
        form = record.form
        # an escaped combining mark (\\u0301) is invisible to a check of the text itself; canonical
        # text escapes only quotes, backslashes and control characters, none of which a mark joins
        if not nfc or (not record.canonical and b"\\u" in data):
            bad = _first_not_nfc(form)
            if bad:
                findings.append(make("input.not-nfc", name, pointer=bad[0] or "/", sample=repr(bad[1][:40])))
        checked = self._check_records(form, name)
        findings += checked.findings
        summaries = checked.summaries
        later = _later_pointers(form, summaries, findings)
        wanted = later | {f.pointer for f in findings if f.pointer and f.line is None}
        # one pass over the text, for the findings made now and those a report or the corpus rules make later
        positions = locate(data, wanted, form, record.canonical) if wanted else {}
        findings = [f.at(line=positions[f.pointer][0], column=positions[f.pointer][1])
                    if f.line is None and f.severity != "info" and f.pointer in positions else f for f in findings]
        anchors = {p: (None, *positions[p]) for p in later if p in positions}
        return FileResult(name, findings, summaries, anchors, checked.digests)

    def _check_xml(self, data: bytes, nfc: bool, name: str, findings: list[Finding]) -> FileResult:
        from khth.input.xml_form import from_tree, pointer_to_xpath

        if self._xsd is None:
            self._xsd = load_xsd()
        tree = parse_xml(data)
        if not tree.tag.startswith(f"{{{NS}}}"):  # a Word part, a build file: not a record at all
            return FileResult(name, findings + [_not_khth(tree.tag, name, tree.sourceline)], [])
        problems = xsd_findings(self._xsd, tree, name)
        if problems:
            return FileResult(name, findings + problems, [], {})
        root, form = from_tree(tree, trusted=True)  # the XSD has just accepted it
        if not nfc:
            bad = _first_not_nfc(form)
            if bad:
                findings.append(make("input.not-nfc", name, pointer=bad[0] or "/", sample=repr(bad[1][:40])))
        checked = self._check_records(form, name)
        more, summaries = checked.findings, checked.summaries
        anchors: dict[str, Anchor] = {}

        def anchor(pointer: str) -> Anchor:
            if pointer not in anchors:
                xpath = pointer_to_xpath(root, "" if pointer == "/" else pointer)
                anchors[pointer] = (xpath, _xml_line(tree, xpath), None)
            return anchors[pointer]

        out = []
        for f in findings + more:
            if f.pointer is not None and f.xpath is None and f.severity != "info":
                xpath, line, _ = anchor(f.pointer)
                f = f.at(xpath=xpath, line=line)
            out.append(f)
        later = _later_pointers(form, summaries, out)
        for pointer in later:
            anchor(pointer)
        return FileResult(name, out, summaries, {p: anchors[p] for p in later}, checked.digests)

    def _check_form(self, form: Any, name: str, raw: bytes | None = None) -> tuple[list[Finding], list[Summary]]:
        checked = self._check_records(form, name)
        return checked.findings, checked.summaries

    def _check_records(self, form: Any, name: str) -> _Checked:
        """Schema and document rules on a parsed form; a summary and a digest of each record."""
        root = root_of(form)
        checked = self._with_profile(form, root)
        problems = json_schema_findings(self._json[root], checked, name)
        if problems:
            return _Checked(problems, [], {})
        docs = checked["documents"] if root == "bundle" else [checked]
        raws = form["documents"] if root == "bundle" else [form]
        out = _Checked([], [], {})
        for i, (doc, raw) in enumerate(zip(docs, raws)):
            base = f"/documents/{i}" if root == "bundle" else ""
            # one serialisation of the record serves both the digest and the white-space rule's
            # quick look; the profile override and khthVersion, left out, hold no white space
            dumped = _dump(raw)
            for code, pointer, params in check_document(doc, base, self.options.today, compact=dumped):
                out.findings.append(make(code, name, pointer=pointer or "/", **params))
            out.summaries.append(summarise(doc, name, base, checked.get("khthVersion") if root == "bundle" else None))
            if dumped is not None:
                out.digests[base] = hashlib.sha1(dumped, usedforsecurity=False).digest()
        return out

    def _with_profile(self, form: Any, root: str) -> Any:
        profile = self.options.profile
        if not profile:
            return form

        def override(doc: dict[str, Any]) -> dict[str, Any]:
            return doc if doc.get("profile") == Profile.CITATION else {**doc, "profile": profile}

        if root == "bundle":
            return {**form, "documents": [override(d) for d in form.get("documents", [])]}
        return override(form) if isinstance(form, dict) else form


def _xml_line(tree: etree._Element, xpath: str) -> int | None:
    from lxml import etree

    steps = xpath.strip("/").split("/")
    path = "/" + "/".join(f"k:{s}" for s in steps)
    try:
        found = tree.getroottree().xpath(path, namespaces={"k": NS})
    except etree.XPathError:
        return None
    return found[0].sourceline if found else None


# --- many inputs -----------------------------------------------------------------------------------

def collect(paths: Iterable[str]) -> tuple[list[Path], list[Finding]]:
    """Files to check: named files as given; folders searched for .json and .xml, links followed
    once, loops skipped with a warning, hidden folders and files (a name starting with a dot:
    .git, .venv) and node_modules not entered, folders that cannot be read reported."""
    files: list[Path] = []
    findings: list[Finding] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            files.append(p)
            continue
        files += _search(p, findings)
    return files, findings


def _search(top: Path, findings: list[Finding]) -> list[Path]:
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        findings.append(make("input.unreadable", exc.filename or str(top), reason=exc.strerror or str(exc)))

    for folder, dirs, names in os.walk(top, followlinks=True, onerror=unreadable):
        try:
            st = os.stat(folder)
        except OSError as exc:
            unreadable(exc)
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            findings.append(make("input.symlink-loop", folder, target=folder))
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS)
        for n in sorted(names):
            if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES:
                files.append(Path(folder) / n)
    return files


def load_record(file: str, pointer: str) -> Any:
    """The JSON form of the record at ``pointer`` in ``file`` (JSON or XML)."""
    return _record_in(_load_form(file), pointer)


def _load_form(file: str) -> Any:
    from khth.input.xml_form import from_xml

    data = Path(file).read_bytes().removeprefix(_UTF8_BOM)
    return parse_json(data) if detect_format(data) == "json" else from_xml(data)[1]


def _record_in(form: Any, pointer: str) -> Any:
    return form["documents"][int(pointer.rsplit("/", 1)[1])] if pointer else form


def _comparable(doc: Any) -> Any:
    """A record without the properties that only a stand-alone file carries."""
    return {k: v for k, v in doc.items() if k != "khthVersion"} if isinstance(doc, dict) else doc


def _dump(doc: Any) -> bytes | None:
    """A record serialised so that equal records give equal bytes (keys sorted, khthVersion left out)."""
    try:
        return orjson.dumps(_comparable(doc), option=orjson.OPT_SORT_KEYS)
    except (orjson.JSONEncodeError, TypeError):
        return None


@dataclass
class _Checked:
    findings: list[Finding]
    summaries: list[Summary]
    digests: dict[str, bytes]  # by the record's pointer


# the pointers of a record that corpus rules point at (corpus_rules.check_corpus)
_CORPUS_POINTERS = ("/id", "/issueDate", "/parent", "/parent/issueDate")


def _later_pointers(form: Any, summaries: list[Summary], findings: list[Finding]) -> set[str]:
    """Pointers that findings made after the file is closed may need placed: those of info findings
    (placed when a report shows them) and those the corpus rules point at, where they exist."""
    out = {f.pointer for f in findings if f.severity == "info" and f.pointer and f.line is None}
    for s in summaries:
        try:
            doc = _record_in(form, s.pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            continue
        for pointer in _CORPUS_POINTERS:
            head, _, tail = pointer[1:].partition("/")
            value = doc.get(head) if isinstance(doc, dict) else None
            if value is not None and (not tail or isinstance(value, dict) and tail in value):
                out.add(s.pointer + pointer)
    return out


def distinct_records(summaries: list[Summary], digests: dict[tuple[str, str], bytes] | None = None) -> list[Summary]:
    """Summaries with the same record in several files (a JSON file and its XML form) kept once.

    Records are compared only when their identifiers collide, by the digests taken when their files
    were checked (``digests``, by file and pointer); a record without one is read again to compare.
    """
    digests = digests or {}
    by_id: dict[str, list[Summary]] = {}
    for s in summaries:
        by_id.setdefault(s.id, []).append(s)
    drop: set[int] = set()
    for group in (g for g in by_id.values() if len(g) > 1):
        seen: set[Any] = set()
        for s in group:
            key = digests.get((s.file, s.pointer))
            if key is None:
                key = _digest_read_again(s)
            if key in seen:
                drop.add(id(s))
            else:
                seen.add(key)
    return [s for s in summaries if id(s) not in drop]


def _digest_read_again(s: Summary) -> Any:
    try:
        dumped = _dump(load_record(s.file, s.pointer))
    except (OSError, KhthInputError, KeyError, IndexError, ValueError):
        dumped = None
    return dumped if dumped is not None else object()  # unreadable now: never equal to another record


_worker: Validator | None = None


def _init_worker(options: Options) -> None:
    global _worker
    _worker = Validator(options)


def _check_in_worker(path: str) -> FileResult:
    assert _worker is not None
    return _worker.check_path(Path(path))


@dataclass
class RunResult:
    results: list[FileResult]
    corpus: list[Finding]
    summaries: list[Summary]

    def all_findings(self) -> Iterator[Finding]:
        for r in self.results:
            yield from r.findings
        yield from self.corpus

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the run: each file's, then the corpus rules'."""
        return list(self.all_findings())

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.all_findings() if f.severity == "error"]

    def failed(self, fail_on: str = "error") -> bool:
        """Whether the run fails at ``fail_on`` ("error" or "warning"), as plan-validate's exit code says."""
        worst = {f.severity for f in self.all_findings()}
        return "error" in worst or (fail_on == "warning" and "warning" in worst)

    def placed(self) -> RunResult:
        """The same run with every finding located, info findings included."""
        results = []
        for r in self.results:
            unplaced = [f for f in r.findings if f.line is None and f.pointer]
            if unplaced:
                where = {id(f): g for f, g in zip(unplaced, _placed_or_not(unplaced, {r.file: r.anchors}))}
                r = FileResult(r.file, [where.get(id(f), f) for f in r.findings], r.summaries, r.anchors, r.digests)
            results.append(r)
        return RunResult(results, self.corpus, self.summaries)


def run(files: list[Path], options: Options, jobs: int = 1,
        progress: Callable[[int], None] | None = None) -> RunResult:
    results: list[FileResult] = []
    if jobs > 1 and len(files) > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        chunk = max(1, min(256, len(files) // (jobs * 8) or 1))
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
            for r in pool.imap(_check_in_worker, [str(f) for f in files], chunksize=chunk):
                results.append(r)
                if progress:
                    progress(1)
    else:
        validator = Validator(options)
        for f in files:
            results.append(validator.check_path(f))
            if progress:
                progress(1)
    return corpus_pass(results, options)


def corpus_pass(results: list[FileResult], options: Options) -> RunResult:
    """Run the corpus rules over every record of ``results`` and place their findings."""
    try:
        digests = {(r.file, pointer): d for r in results for pointer, d in r.digests.items()}
        summaries = distinct_records([s for r in results for s in r.summaries], digests)
        corpus = [make(code, record.file, pointer=record.pointer + pointer, severity=severity, **params)
                  for record, code, pointer, params, severity in check_corpus(summaries, options.require_parents)]
    except Exception as exc:  # noqa: BLE001 - the files' own findings are still reported
        summaries = [s for r in results for s in r.summaries]
        return RunResult(results, [internal_fault(CORPUS, exc)], summaries)
    anchors: dict[str, dict[str, Anchor] | None] = {}
    for r in results:
        if r.anchors is not None or r.file not in anchors:
            anchors[r.file] = r.anchors
    return RunResult(results, _placed_or_not(corpus, anchors), summaries)


CORPUS = "(corpus rules)"  # where a fault of the corpus rules is reported: it belongs to no one file


def _placed_or_not(findings: list[Finding], anchors: dict[str, dict[str, Anchor] | None]) -> list[Finding]:
    """``findings`` located, or as they are if locating them fails: a position is no reason to lose a report."""
    try:
        return place(findings, anchors)
    except Exception:  # noqa: BLE001
        return findings


def place(findings: list[Finding], anchors: dict[str, dict[str, Anchor] | None] | None = None) -> list[Finding]:
    """Give findings made after their file was closed a line (and column, or XPath for XML): from
    the anchors taken when the file was checked, else (a result made elsewhere) from the file."""
    anchors = anchors or {}
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    out = []
    for file, mine in by_file.items():
        known = anchors.get(file)
        out += _place_by_anchors(mine, known) if known is not None else _place_from_file(file, mine)
    return out


def _place_by_anchors(findings: list[Finding], anchors: dict[str, Anchor]) -> list[Finding]:
    out = []
    for f in findings:
        where = anchors.get(f.pointer) if f.pointer else None
        if where is not None:
            xpath, line, column = where
            f = f.at(xpath=xpath, line=line) if xpath is not None else f.at(line=line, column=column)
        out.append(f)
    return out


def _place_from_file(file: str, mine: list[Finding]) -> list[Finding]:
    try:
        data = Path(file).read_bytes().removeprefix(_UTF8_BOM)
        if detect_format(data) == "json":
            pos = json_positions(data.decode("utf-8"), {f.pointer for f in mine if f.pointer})
            return [f.at(line=pos[f.pointer][0], column=pos[f.pointer][1]) if f.pointer in pos else f
                    for f in mine]
        from khth.input.xml_form import pointer_to_xpath

        tree = parse_xml(data)
        root = tree.tag.rsplit("}", 1)[-1]
        return [f.at(xpath=(x := pointer_to_xpath(root, f.pointer if f.pointer != "/" else "")),
                     line=_xml_line(tree, x)) if f.pointer else f for f in mine]
    except (OSError, KhthInputError, UnicodeDecodeError):
        return mine  # the file changed or vanished: the finding keeps its pointer
