"""The Python API: load, validate and convert KHTH records; the two commands are thin layers over it.

>>> import khth
>>> record = khth.load("examples/192-KH-TU_thi-uy-duc-pho.json")
>>> report = khth.validate("examples/", today="2026-01-01")
>>> plan = khth.convert("examples/sources/000_a86e3adf03591467.txt")
>>> xml = khth.to_xml(plan)
>>> gaps = khth.facts_not_read(plan)  # published facts the reader could not read, per document
>>> answered = khth.coverage("examples/", root="28-CT/TW@2023-12-25", today="2026-01-01")
>>> tree = khth.implementation_tree("examples/", root="28-CT/TW@2023-12-25")
>>> duties = khth.deadlines("examples/", today="2026-01-01")

Errors in what is given raise :class:`InputError` (``code``, an ``input.*`` rule of the catalogue, its
message ``params``, ``vi``, ``en``, ``line``, ``column``);
findings about records are data, in the :class:`Report`. A root or a list of expected responders the
reports cannot work from raises :class:`ReportError` (a ``report.*`` rule, ``vi``, ``en``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Union

from khth.input.canonical import canonical_json, root_of
from khth.input.errors import KhthInputError as InputError
from khth.schema.catalogue import FACT_NAMES, Text, rule
from khth.schema.codelists import MissingReason
from khth.schema.profiles import PUBLISHED_FACTS
from khth.input.loading import MAX_BYTES, check_bytes, detect_format, parse_json, read_limited
from khth.input.xml_form import from_xml
from khth.input.xml_form import to_xml as _to_xml
from khth.converters.pdf_export import PdfExportError
from khth.report.coverage import Coverage
from khth.report.deadlines import DutyRow
from khth.report.errors import ReportError
from khth.report.tree import TreeRow
from khth.report.views import coverage_view, deadlines_view, tree_view
from khth.validator.engine import FileResult, Options, RunResult, Validator, collect, corpus_pass, run
from khth.validator.findings import Finding

__all__ = ["InputError", "Record", "Report", "Finding", "load", "validate", "convert", "to_json", "to_xml",
           "to_text", "to_docx", "to_pdf", "TEMPLATES", "template_docx", "PdfExportError", "errors_of", "facts_not_read", "ReportError", "implementation_tree", "coverage", "deadlines"]

Source = Union[str, "os.PathLike[str]", bytes]
Report = RunResult


@dataclass(frozen=True)
class Record:
    """A KHTH record in its JSON form: a document, or a bundle of documents."""

    root: str  # "document" or "bundle"
    data: dict[str, Any]

    @property
    def documents(self) -> list[dict[str, Any]]:
        return list(self.data["documents"]) if self.root == "bundle" else [self.data]


def _bytes_of(source: Source, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        return source, None
    path = Path(source)
    return read_limited(path, max_bytes), path.name


def load(source: Source, *, max_bytes: int = MAX_BYTES) -> Record:
    """A KHTH record from a path or bytes, JSON or XML (detected by content). Not validated."""
    data, _ = _bytes_of(source, max_bytes)
    data = data.removeprefix(b"\xef\xbb\xbf")
    check_bytes(data)
    fmt = detect_format(data)
    if fmt == "json":
        form = parse_json(data)
        return Record(root_of(form), form)
    if fmt == "xml":
        root, form = from_xml(data)
        return Record(root, form)
    raise InputError.of("input.format", line=1, column=1)


def _options(profile: str | None, require_parents: bool, today: str | date | None, max_bytes: int) -> Options:
    day = today.isoformat() if isinstance(today, date) else today or date.today().isoformat()
    return Options(today=day, max_bytes=max_bytes, require_parents=require_parents, profile=profile)


def validate(*items: Source | Record | Iterable[Source | Record], profile: str | None = None,
             require_parents: bool = False, today: str | date | None = None, jobs: int = 1,
             max_bytes: int = MAX_BYTES) -> Report:
    """Check records with the same layers and options as ``plan-validate``, corpus rules included.

    ``items`` are paths (files or folders), bytes, or :class:`Record` objects, or iterables of them.
    """
    options = _options(profile, require_parents, today, max_bytes)
    flat: list[Any] = []
    for item in items:
        if isinstance(item, (str, bytes, os.PathLike, Record)):
            flat.append(item)
        else:
            flat.extend(item)
    paths = [str(i) for i in flat if isinstance(i, (str, os.PathLike))]
    files, walk_findings = collect(paths)
    result = run(files, options, jobs or os.cpu_count() or 1)
    extra: list[FileResult] = []
    checker = Validator(options)
    for n, item in enumerate(i for i in flat if isinstance(i, (bytes, Record))):
        name = f"<record {n + 1}>"
        extra.append(checker.check_bytes(item, name) if isinstance(item, bytes) else
                     checker.check_record(item.data, name))
    if extra:
        result = corpus_pass(result.results + extra, options)
    by_folder: dict[str, list[Finding]] = {}
    for f in walk_findings:
        by_folder.setdefault(f.file, []).append(f)
    return RunResult([FileResult(folder, found, []) for folder, found in by_folder.items()] + result.results,
                     result.corpus, result.summaries)


def convert(source: Source, *, name: str | None = None, check: bool = True) -> Record:
    """Read any document ``plan-convert`` accepts (KHTH JSON or XML, .docx, text, Markdown) into a record.

    With ``check`` (the default) a record that is not valid raises :class:`InputError`
    (code ``input.invalid-document``), as ``plan-convert`` refuses it.
    """
    from khth.converters.sources import read_source

    data, file_name = _bytes_of(source)
    root, form = read_source(data, name or file_name)
    if check:
        _refuse_invalid(form, root)
    return Record(root, form)


def errors_of(record: Record | dict[str, Any]) -> list[Finding]:
    """The errors ``plan-validate`` finds in one record (schema and document rules; no corpus rules)."""
    return [f for f in Validator().check_data(_record(record).data) if f.severity == "error"]


def _refuse_invalid(form: dict[str, Any], root: str) -> None:
    errors = errors_of(Record(root, form))
    if errors:
        first = errors[0]
        raise InputError.of("input.invalid-document", location=first.pointer, count=len(errors),
                               pointer=first.pointer, first=Text(first.vi, first.en))


def _record(record: Record | dict[str, Any]) -> Record:
    return record if isinstance(record, Record) else Record(root_of(record), record)


def to_json(record: Record | dict[str, Any]) -> bytes:
    """Canonical KHTH JSON: keys in model order, NFC, two-space indent."""
    r = _record(record)
    return canonical_json(r.data, r.root)


def to_xml(record: Record | dict[str, Any]) -> bytes:
    """KHTH XML (namespace ``urn:khth:xml:1``)."""
    r = _record(record)
    return _to_xml(r.data, r.root)


def to_text(record: Record | dict[str, Any]) -> str:
    """The record as text in the official layout."""
    from khth.converters.text.render import render

    return render(_record(record).data)


def to_docx(record: Record | dict[str, Any]) -> bytes:
    """The record as a Word document (.docx) in the official layout; a bundle gives its documents in turn."""
    from khth.converters.word.render import render_docx

    return render_docx(_record(record).data)


TEMPLATES = ("party-plan", "state-plan", "cong-van")  # khth.converters.word.template.TEMPLATES


def template_docx(kind: str) -> bytes:
    """A blank Word document in the official layout to draft a record in: ``kind`` is one of
    :data:`TEMPLATES`; every fact is a placeholder in brackets ("[Số]", "[Trích yếu]")."""
    from khth.converters.word.template import template_docx as build

    return build(kind)


def to_pdf(record: Record | dict[str, Any], *, timeout: float | None = None) -> bytes:
    """The record's Word rendering (:func:`to_docx`) as PDF, exported by LibreOffice headless within
    ``timeout`` seconds; raises :class:`PdfExportError` (its ``text`` in both languages) when LibreOffice is
    not installed or fails."""
    from khth.converters.pdf_export import docx_to_pdf

    return docx_to_pdf(to_docx(record), timeout=timeout)


# A fact the source prints blank was read, as blank; every other reason means it was not read.
BLANK_REASON = MissingReason.BLANK.value


def facts_not_read(record: Record | dict[str, Any], file: str = "") -> list[Finding]:
    """The facts of the ``published`` profile each document of ``record`` lacks, as the reasons in its
    ``provenance.missing`` explain them: one ``convert.facts-not-read`` finding per document for the facts
    not read (lost, not found, not printed), and one ``convert.facts-blank`` for those the source shows
    blank. A document with none gives no finding. ``pointer`` is the document's place in the record."""
    r = _record(record)
    findings: list[Finding] = []
    for n, doc in enumerate(r.documents):
        place = f"/documents/{n}" if r.root == "bundle" else ""
        missing = [m for m in (doc.get("provenance") or {}).get("missing", []) if m.get("field") in PUBLISHED_FACTS]
        profile = str(doc.get("profile", ""))
        for code, chosen in (("convert.facts-not-read", [m for m in missing if m.get("reason") != BLANK_REASON]),
                             ("convert.facts-blank", [m for m in missing if m.get("reason") == BLANK_REASON])):
            if chosen:
                findings.append(_facts_finding(code, chosen, profile, file, place))
    return findings


def _facts_finding(code: str, missing: list[dict[str, Any]], profile: str, file: str, place: str) -> Finding:
    reasons = MissingReason.labels()

    def listed(lang: str) -> str:
        return "; ".join(f"{getattr(FACT_NAMES[m['field']], lang)} ({m['field']}" + _reason(m, reasons, lang) + ")"
                         for m in missing)

    params = {"facts": Text(listed("vi"), listed("en")), "profile": profile}
    r = rule(code)
    return Finding(file, code, r.severity, r.message("vi", params), r.message("en", params), place or None)


def _reason(missing: dict[str, Any], reasons: dict[str, tuple[str, str, str]], lang: str) -> str:
    """The reason worded in ``lang``; a blank goes without, the message already says the facts are blank."""
    reason = missing.get("reason")
    if reason == BLANK_REASON or reason not in reasons:
        return ""
    return ", " + reasons[reason][0 if lang == "vi" else 1].lower()


# --- reports over a corpus -------------------------------------------------------------------------

def _paths(paths: Source | Iterable[Source]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]  # type: ignore[arg-type]


def _day(today: str | date | None) -> str:
    return today.isoformat() if isinstance(today, date) else today or date.today().isoformat()


def implementation_tree(paths: Source | Iterable[Source], *, root: str,
                        today: str | date | None = None) -> list[TreeRow]:
    """The plans under ``root`` ("28-CT/TW@2023-12-25", a number, or an identifier), depth first,
    each with its date and its lag in days after its parent."""
    return tree_view(_paths(paths), root, _day(today))[1]


def coverage(paths: Source | Iterable[Source], *, root: str, today: str | date | None = None,
             due: str | None = None, responders: str | os.PathLike[str] | None = None, depth: int = 2) -> Coverage:
    """Who has answered ``root``: every expected responder (from the CSV list ``responders``, else the
    root's recipients, else the administrative units under its issuer) with its status on ``today``."""
    return coverage_view(_paths(paths), root, _day(today), due, os.fspath(responders) if responders else None, depth)


def deadlines(paths: Source | Iterable[Source], *, today: str | date | None = None) -> list[DutyRow]:
    """Every dated deadline and reporting duty the records state, with its status on ``today``."""
    return deadlines_view(_paths(paths), _day(today))
