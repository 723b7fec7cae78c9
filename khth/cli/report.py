"""plan-report: who has answered a directive, and what falls due, over a corpus of KHTH records.

Exit codes: 0 the report is written and shows nothing overdue; 1 the report is written and shows
expected responders that have not answered past their deadline (coverage) or duties past their
date (deadlines); 2 usage error or input the report cannot work from (a path that does not exist,
no record, a root that matches nothing or several documents, a responders list in the wrong shape
or encoding), the report cannot be written, or a fault of the tool. Nothing in the corpus is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from khth.report import index, xlsx
from khth.report.corpus import missing_paths
from khth.report.coverage import STATUSES
from khth.report.errors import ReportError
from khth.report.outputs import FORMATS
from khth.report.responders import TEMPLATE
from khth.report.views import (Rendered, coverage_view, deadlines_view, publish_view, render_coverage,
                               render_deadlines, render_tree, tree_view)
from khth.schema.catalogue import MESSAGE_LANGUAGES
from khth.schema.version import __version__

from .files import write_atomically, write_folder_atomically
from .options import CONTEXT, iso_date

EXIT_OK, EXIT_GAPS, EXIT_USAGE = 0, 1, 2




def _common(f: Callable) -> Callable:
    for option in reversed((
        click.argument("paths", nargs=-1, required=True, type=click.Path()),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="text: a table for the terminal; json; csv; xlsx (a workbook, one sheet per table, "
                          "with -o)."),
        click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True,
                     help="Language of column titles, statuses and messages."),
        click.option("--today", callback=iso_date, metavar="YYYY-MM-DD",
                     help="The day statuses are judged on (default: today), for reproducible reports."),
        click.option("-o", "--output", type=click.Path(dir_okay=False),
                     help="Write the report to this file (atomically) instead of standard output."),
    )):
        f = option(f)
    return f


_ROOT = click.option("--root", required=True, metavar="NUMBER@YYYY-MM-DD|ID",
                     help="The directive or plan: number and date (\"28-CT/TW@2023-12-25\"), a number alone "
                          "when only one document has it, or a khth: identifier.")


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="plan-report")
def main() -> None:
    """Reports over KHTH records (files and folders, JSON or XML): the implementation tree under a
    directive, who has answered it, and the deadlines and reporting duties the records state.

    \b
    Exit codes / Mã thoát:
      0  report written, nothing overdue / đã ghi báo cáo, không có gì quá hạn
      1  report written; it shows responders or duties overdue /
         đã ghi báo cáo; có đơn vị hoặc nhiệm vụ quá hạn
      2  usage error, input the report cannot work from (no such path, no record, root not found or
         ambiguous, responders list malformed), report not written, or tool fault /
         sai cú pháp lệnh, đầu vào không dùng được, không ghi được báo cáo, hoặc lỗi của công cụ
    """


@main.command(context_settings=CONTEXT)
@_common
@_ROOT
def tree(paths: tuple[str, ...], fmt: str, lang: str, today: str | None, output: str | None, root: str) -> None:
    """The implementation tree under ROOT: each plan with its date and its lag in days after its parent."""
    day = today or date.today().isoformat()
    _finish(lambda: render_tree(*tree_view(paths, root, day), fmt, lang), output, lang, fmt)


@main.command(context_settings=CONTEXT)
@_common
@_ROOT
@click.option("--responders", type=click.Path(dir_okay=False),
              help="CSV or XLSX list of the units expected to answer (see `plan-report template`). Default: the root's "
                   "recipients, else the administrative units under its issuer.")
@click.option("--due", callback=iso_date, metavar="YYYY-MM-DD",
              help="The date plans are due by (default: a date the root's text sets for plans, or the day a time "
                   "it counts from its own issue reaches, if any).")
@click.option("--depth", type=click.IntRange(min=1), default=2, show_default=True,
              help="Levels of administrative units assessed below the root, when no list is given.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="List only the responders with this status (repeat for several); the counts stay whole.")
def coverage(paths: tuple[str, ...], fmt: str, lang: str, today: str | None, output: str | None, root: str,
             responders: str | None, due: str | None, depth: int, statuses: tuple[str, ...]) -> None:
    """Every expected responder to ROOT with its status (answered, answered late, not yet, not yet and
    overdue), the answering plan's number, date and lag, and the counts by level."""
    day = today or date.today().isoformat()
    only = frozenset(statuses) or None
    _finish(lambda: render_coverage(coverage_view(paths, root, day, due, responders, depth), fmt, lang, only),
            output, lang, fmt)


@main.command(context_settings=CONTEXT)
@_common
def deadlines(paths: tuple[str, ...], fmt: str, lang: str, today: str | None, output: str | None) -> None:
    """Every deadline and reporting duty in the records: who, what, to whom, by when, recurring or not,
    and its status on --today."""
    day = today or date.today().isoformat()
    _finish(lambda: render_deadlines(deadlines_view(paths, day), fmt, lang), output, lang, fmt)


@main.command(name="index", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="FILE.sqlite",
              help="The index to create or bring up to date.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True)
@click.option("--today", callback=iso_date, metavar="YYYY-MM-DD")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes checking changed files (0: one per core).")
def index_command(paths: tuple[str, ...], output: str, lang: str, today: str | None, jobs: int) -> None:
    """Create or update an SQLite index of the records under PATHS: only files whose content changed
    are checked again, files no longer found are dropped. Every view reads the index given as a path."""
    try:
        for path in missing_paths(paths):
            raise ReportError.of("report.path-missing", path=path)
        stats = index.update(output, paths, today, jobs or os.cpu_count() or 1)
    except ReportError as exc:
        _stop(exc.vi, exc.en, lang)
    except OSError as exc:
        _stop(f"{output}: không ghi được chỉ mục: {exc.strerror or exc}",
              f"{output}: cannot write the index: {exc.strerror or exc}", lang)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool: exit 2, never a traceback
        _stop(f"lỗi nội bộ: {type(exc).__name__}: {exc}", f"internal error: {type(exc).__name__}: {exc}", lang)
    files = stats.added + stats.changed + stats.unchanged
    vi = (f"{output}: {files} tệp ({stats.added} mới, {stats.changed} đã đổi, {stats.unchanged} không đổi), "
          f"{stats.removed} tệp bỏ đi; {stats.records} bản ghi")
    en = (f"{output}: {files} file(s) ({stats.added} new, {stats.changed} changed, {stats.unchanged} unchanged), "
          f"{stats.removed} removed; {stats.records} record(s)")
    click.echo({"vi": vi, "en": en}.get(lang, f"{vi}\n{en}"))
    sys.exit(EXIT_OK)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_ROOT
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="The folder to write (replaced whole, atomically).")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True)
@click.option("--today", callback=iso_date, metavar="YYYY-MM-DD")
@click.option("--responders", type=click.Path(dir_okay=False))
@click.option("--due", callback=iso_date, metavar="YYYY-MM-DD")
@click.option("--depth", type=click.IntRange(min=1), default=2, show_default=True)
def publish(paths: tuple[str, ...], root: str, output: str, lang: str, today: str | None, responders: str | None,
            due: str | None, depth: int) -> None:
    """Write one self-contained HTML report of ROOT to a folder: the tree, who has answered (coloured by
    status), the deadlines, and a page per record with its findings and a copy of its file. No script and
    no address outside the folder: it opens from a file:// URL or any static host."""
    day = today or date.today().isoformat()
    try:
        pages = publish_view(paths, root, day, lang, due, responders, depth)
    except ReportError as exc:
        _stop(exc.vi, exc.en, lang)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool: exit 2, never a traceback
        _stop(f"lỗi nội bộ: {type(exc).__name__}: {exc}", f"internal error: {type(exc).__name__}: {exc}", lang)
    try:
        write_folder_atomically(Path(output), pages)
    except OSError as exc:
        _stop(f"{output}: không ghi được báo cáo, thư mục cũ (nếu có) được giữ nguyên: {exc.strerror or exc}",
              f"{output}: cannot write the report; an existing folder is left as it was: {exc.strerror or exc}",
              lang)
    sys.exit(EXIT_OK)


@main.command(context_settings=CONTEXT)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="don-vi-thuc-hien.csv",
              show_default=True, help="Where to write the empty list.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True)
def template(output: str, lang: str) -> None:
    """Write an empty list of expected responders to fill in, with Vietnamese column titles: a CSV file
    (UTF-8), or a workbook when the name ends in .xlsx."""
    _write(output, xlsx.template() if output.lower().endswith(".xlsx") else TEMPLATE, lang)


def _finish(make: Callable[[], Rendered], output: str | None, lang: str, fmt: str) -> NoReturn:
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx cần -o TỆP.xlsx / --format xlsx needs -o FILE.xlsx")
    try:
        rendered = make()
    except ReportError as exc:
        _stop(exc.vi, exc.en, lang)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool: exit 2, never a traceback
        _stop(f"lỗi nội bộ: {type(exc).__name__}: {exc}", f"internal error: {type(exc).__name__}: {exc}", lang)
    if output:
        _write(output, rendered.data, lang)
    else:
        click.echo(rendered.data.decode("utf-8"), nl=False)
    sys.exit(EXIT_GAPS if rendered.gaps else EXIT_OK)


def _write(output: str, data: bytes, lang: str) -> None:
    try:
        write_atomically(Path(output), data)
    except OSError as exc:
        _stop(f"{output}: không ghi được báo cáo, tệp cũ (nếu có) được giữ nguyên: {exc.strerror or exc}",
              f"{output}: cannot write the report; an existing file is left as it was: {exc.strerror or exc}", lang)


def _stop(vi: str, en: str, lang: str) -> NoReturn:
    """Stop with exit code 2 and a message whole in the language(s) asked for."""
    shown = {"vi": [vi], "en": [en]}.get(lang, [vi, en])
    click.echo("\n".join(f"plan-report: {m}" for m in shown), err=True)
    sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()
