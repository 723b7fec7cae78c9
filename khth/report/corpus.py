"""The records a report works on, read through the validator's loader and summary.

Files are found and checked as ``plan-validate`` finds and checks them (:func:`collect`,
:func:`run`); a record held in several files (a JSON file and its XML form) is kept once
(:func:`distinct_records`). A record the validator could not read (bad encoding, broken schema)
has no summary and is counted, not guessed at. Nothing is ever written to the corpus.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from khth.schema.codelists import DeadlineAnchor, TimeUnit
from khth.validator.corpus_rules import Summary
from khth.validator.engine import Options, collect, load_record, run
from khth.validator.findings import Finding


@dataclass(frozen=True)
class Duty:
    """A dated deadline or a reporting duty stated in one block of a record."""

    who: tuple[str, ...]  # the agencies the block names, as printed
    what: str  # the sentence as printed
    to: tuple[str, ...] = ()
    by: str | None = None  # ISO date, or a recurring month-day "--11-20"
    frequencies: tuple[str, ...] = ()
    reporting: bool = False
    context: str = ""  # the block's text, which says what the deadline is for

    @property
    def recurring(self) -> bool:
        return bool(self.frequencies) or bool(self.by and self.by.startswith("--"))


@dataclass(frozen=True)
class Plan:
    """One record as the reports see it: the validator's summary and the facts it does not keep."""

    summary: Summary
    issuer_name: str | None
    acting_body: str | None
    unit_code: str | None  # adminUnit code, when the record gives one
    unit_scheme: str | None
    recipients: tuple[tuple[str, str | None], ...] = ()  # (name as printed, purpose)
    duties: tuple[Duty, ...] = ()
    title: str | None = None

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def date(self) -> str | None:
        return self.summary.date

    @property
    def number(self) -> str | None:
        return self.summary.number

    @property
    def level(self) -> str | None:
        return self.summary.level

    @property
    def system(self) -> str | None:
        return self.summary.system

    @property
    def display(self) -> str:
        return self.summary.display

    @property
    def file(self) -> str:
        return self.summary.file

    @property
    def citation(self) -> bool:
        return self.summary.profile == "citation"

    @property
    def name(self) -> str:
        return self.issuer_name or self.acting_body or ""


@dataclass
class Corpus:
    plans: list[Plan]
    unreadable: list[str] = field(default_factory=list)  # files the validator could not summarise
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # plan-validate's, by file
    total: int | None = None  # records in the whole corpus, when ``plans`` holds only the part a view reads


def load(paths: Iterable[str], today: str | None = None) -> Corpus:
    """Every record under ``paths`` (files, folders, and indexes made by ``plan-report index``), each once."""
    from . import index

    paths = list(paths)
    indexes = [index.load(p) for p in paths if index.is_index(p)]
    files, _ = collect([p for p in paths if not index.is_index(p)])
    corpus = _checked(files, today) if files or not indexes else Corpus([])
    for other in indexes:
        known = {p.id for p in corpus.plans}
        corpus.plans += [p for p in other.plans if p.id not in known]  # a file named beside its index wins
        corpus.unreadable += other.unreadable
        corpus.findings.update(other.findings)
    return corpus


def _checked(files: list[Path], today: str | None) -> Corpus:
    result = run(files, Options(today=today or date.today().isoformat()))
    summarised = {r.file for r in result.results if r.summaries}
    unreadable = sorted(r.file for r in result.results if not r.summaries)
    plans = [_plan(s) for s in result.summaries if s.file in summarised]
    findings: dict[str, list[Finding]] = {}
    for f in result.all_findings():
        findings.setdefault(f.file, []).append(f)
    return Corpus(plans, unreadable, findings)


def _plan(s: Summary) -> Plan:
    try:
        doc = load_record(s.file, s.pointer)
    except Exception:  # noqa: BLE001 - the file changed since it was checked: the summary alone serves
        return Plan(s, None, None, None, None)
    return plan_of(doc, s)


def plan_of(doc: dict[str, Any], s: Summary) -> Plan:
    issuer = doc.get("issuer") or {}
    unit = issuer.get("adminUnit") or {}
    recipients = tuple((r.get("name") or r["text"], r.get("purpose")) for r in doc.get("recipients") or ())
    return Plan(s, issuer.get("name"), issuer.get("actingBody"), unit.get("code"), unit.get("scheme"),
                recipients, tuple(_duties(doc.get("body") or (), doc.get("issueDate"))), doc.get("title"))


def _duties(blocks: list[dict[str, Any]], issued: str | None, agencies: tuple[str, ...] = ()) -> Iterator[Duty]:
    """The duties of ``blocks`` and their sub-blocks; a block that names no agency is its heading's duty
    ("Phòng Văn hóa …: a) … hoàn thành trước ngày 07/5/2024"). A deadline counted from the record's
    own issue ("trong thời hạn 30 ngày kể từ ngày ban hành") falls on the day it reaches from the issue
    date; one counted from another event (receipt, taking effect) has no date a corpus can tell."""
    for b in blocks:
        who = tuple(b.get("agencies") or ()) or agencies
        context = b.get("text") or b.get("heading") or ""
        for d in b.get("deadlines") or ():
            yield Duty(who, d["printed"], by=d["date"], context=context)
        for d in b.get("relativeDeadlines") or ():
            yield Duty(who, d["printed"], by=_after_issue(d, issued), context=context)
        timeframe = b.get("timeframe") or {}
        if timeframe.get("deadline") and not b.get("deadlines"):
            yield Duty(who, timeframe["printed"], by=timeframe["deadline"], context=context)
        reporting = b.get("reporting")
        if reporting:
            yield Duty(who, reporting["printed"], tuple(reporting.get("to") or ()), reporting.get("deadline"),
                       tuple(reporting.get("frequencies") or ()), reporting=True)
        yield from _duties(b.get("children") or (), issued, who)


def _after_issue(span: dict[str, Any], issued: str | None) -> str | None:
    """The day a span counted from the document's issue reaches (ISO), when the issue date is whole."""
    if span.get("after") != DeadlineAnchor.ISSUE or not issued or len(issued) != 10:
        return None
    day, n, unit = date.fromisoformat(issued), span["amount"], span["unit"]
    if unit == TimeUnit.DAY:
        return (day + timedelta(days=n)).isoformat()
    if unit == TimeUnit.WEEK:
        return (day + timedelta(weeks=n)).isoformat()
    if unit == TimeUnit.WORKING_DAY:
        while n:
            day += timedelta(days=1)
            n -= day.weekday() < 5  # Saturday and Sunday are no working days (holidays are not known here)
        return day.isoformat()
    month = day.month - 1 + n
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])).isoformat()


def days_between(earlier: str | None, later: str | None) -> int | None:
    """Days from ``earlier`` to ``later``, both full ISO dates; None when either is not."""
    if not earlier or not later or len(earlier) != 10 or len(later) != 10:
        return None
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def missing_paths(paths: Iterable[str]) -> list[str]:
    """The paths named that do not exist."""
    return [p for p in paths if not Path(p).exists()]
