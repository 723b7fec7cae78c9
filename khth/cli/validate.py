"""plan-validate: check KHTH records (JSON or XML) as offices and pipelines need.

Exit codes: 0 no errors (and no warnings with --fail-on warning); 1 findings at or above the
--fail-on severity; 2 usage error (a path that does not exist, is not a file or folder, or holds no
record), the report cannot be written, or a fault of the tool that stops the whole run. A fault on
one file is a finding on that file (input.internal-fault): the run goes on and the report is written.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import NoReturn
from datetime import date
from pathlib import Path

import click

from khth.schema.catalogue import MESSAGE_LANGUAGES, SEVERITIES
from khth.schema.codelists import Profile
from khth.schema.version import __version__
from khth.validator.corpus_rules import tree_lines
from khth.validator.engine import FileResult, Options, RunResult, Validator, collect, corpus_pass, run
from khth.validator.findings import Finding, make
from khth.validator.reports import FORMATS, renderer

from .options import CONTEXT, iso_date

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROGRESS_THRESHOLD = 50
# A citation-only record is not a full record held to fewer facts, so no record is checked as one.
PROFILES = tuple(p.value for p in Profile if p is not Profile.CITATION)
FAIL_ON = tuple(s for s in SEVERITIES if s != "info")  # info findings never fail a run




@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format: text for people; json, sarif (2.1.0), junit, github for pipelines.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True,
              help="Language of messages.")
@click.option("--profile", type=click.Choice(PROFILES),
              help="Check every record (citation-only records aside) against this profile instead of the one "
                   "it declares.")
@click.option("--require-parents", is_flag=True, help="A parent missing from the checked files is an error.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--allow-empty", is_flag=True,
              help="A folder with no .json or .xml file to check is not an error (exit 0 when nothing else fails).")
@click.option("--tree", is_flag=True, help="Print the implementation tree of the checked records.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per core).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=100 * 1024 * 1024, show_default=True,
              help="Files larger than this are reported, not read.")
@click.option("--today", callback=iso_date, metavar="YYYY-MM-DD",
              help="The date future dates are judged against (default: today), for reproducible runs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: findings only, no summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Text format: also list valid files, their records, and "
                                                    "info findings.")
@click.version_option(__version__, prog_name="plan-validate")
def main(paths: tuple[str, ...], fmt: str, lang: str, profile: str | None, require_parents: bool, fail_on: str,
         allow_empty: bool, tree: bool, jobs: int, max_bytes: int, today: str | None, output: str | None, quiet: bool,
         verbose: bool) -> None:
    """Validate KHTH records (JSON or XML, files, folders, or - for standard input).

    Checks, in layers: input (encoding, NFC), schema (JSON Schema or XSD), document rules
    (numbers, dates, labels, citations, profiles) and corpus rules across every record of the
    run (parent links, levels, date order, cycles, duplicates). Each finding has a rule code
    documented in SPEC.md. Folders are searched for .json and .xml files; hidden folders and files
    (.git, .venv) and node_modules are not searched, but a path named here is always checked.

    \b
    Exit codes / Mã thoát:
      0  no errors / không có lỗi
      1  errors found (or warnings, with --fail-on warning) / có lỗi (hoặc cảnh báo)
      2  usage error (no such path, nothing to check), report not written, or tool fault /
         sai cú pháp lệnh (đường dẫn không có, không có gì để kiểm tra), không ghi được báo cáo,
         hoặc lỗi của công cụ
    """
    options = Options(today=today or date.today().isoformat(), max_bytes=max_bytes,
                      require_parents=require_parents, profile=profile)
    files, walk_findings = _files_to_check(paths, allow_empty, lang)
    try:
        result = _validate(files, walk_findings, "-" in paths, options, jobs or os.cpu_count() or 1, quiet)
        if fmt != "text" or verbose:  # these reports show info findings: locate them too
            result = result.placed()
        describe = _describer(result)
        report = renderer(fmt)(result, lang=lang, colour=_colour(output), verbose=verbose, quiet=quiet,
                                describe=describe)
        if tree and fmt == "text":
            report += "\n".join(tree_lines(result.summaries, lang)) + "\n"
    except Exception as exc:  # a fault of the tool, not of the input: exit 2, never a traceback
        _usage(f"lỗi nội bộ: {type(exc).__name__}: {exc}", f"internal error: {type(exc).__name__}: {exc}", lang)
    if output:
        from .files import write_atomically  # tempfile and shutil: only a run that writes a file needs them

        try:
            write_atomically(Path(output), report.encode("utf-8"))
        except OSError as exc:
            _usage(f"{output}: không ghi được báo cáo, tệp cũ (nếu có) được giữ nguyên: {exc.strerror or exc}",
                   f"{output}: cannot write the report; an existing file is left as it was: {exc.strerror or exc}", lang)
    else:
        click.echo(report, nl=False)
    if tree and fmt != "text":
        click.echo("\n".join(tree_lines(result.summaries, lang)), err=True)
    worst = {f.severity for f in result.all_findings()}
    failing = "error" in worst or (fail_on == "warning" and "warning" in worst)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _usage(vi: str, en: str, lang: str) -> NoReturn:
    """Stop with exit code 2 and a message whole in the language(s) asked for."""
    shown = {"vi": [vi], "en": [en]}.get(lang, [vi, en])
    click.echo("\n".join(f"plan-validate: {m}" for m in shown), err=True)
    sys.exit(EXIT_USAGE)


def _files_to_check(paths: tuple[str, ...], allow_empty: bool, lang: str) -> tuple[list[Path], list[Finding]]:
    """The files of every path argument. A path that does not exist or is neither a file nor a
    folder (a FIFO, a device) is refused before anything is read, as is a folder with no record
    file unless ``allow_empty``."""
    files: list[Path] = []
    findings: list[Finding] = []
    for raw in paths:
        if raw == "-":
            continue
        try:
            mode = os.stat(raw).st_mode
        except OSError as exc:
            _usage(f"{raw}: không có tệp hay thư mục này ({exc.strerror or exc})",
                   f"{raw}: no such file or folder ({exc.strerror or exc})", lang)
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            _usage(f"{raw}: không phải tệp thông thường hay thư mục (ống FIFO, socket, thiết bị); không đọc. "
                   "Đọc từ đầu vào chuẩn: dùng -",
                   f"{raw}: neither a regular file nor a folder (a FIFO, socket or device); not read. "
                   "To read standard input, give -", lang)
        found, walked = collect([raw])
        if not found and not allow_empty:
            _usage(f"{raw}: không có tệp .json hay .xml nào để kiểm tra (thư mục ẩn và node_modules không được "
                   "tìm). Dùng --allow-empty nếu thư mục rỗng là bình thường",
                   f"{raw}: no .json or .xml file to check (hidden folders and node_modules are not searched). "
                   "Give --allow-empty if an empty folder is expected", lang)
        files += found
        findings += walked
    return files, findings


def _validate(files: list[Path], walk_findings: list[Finding], stdin: bool, options: Options, jobs: int,
              quiet: bool) -> RunResult:
    show_progress = not quiet and sys.stderr.isatty() and len(files) >= PROGRESS_THRESHOLD
    if show_progress:
        with click.progressbar(length=len(files), label="plan-validate", file=sys.stderr) as bar:
            result = run(files, options, jobs, progress=bar.update)
    else:
        result = run(files, options, jobs)
    if stdin:  # standard input joins the corpus: the corpus rules run again over everything
        result = corpus_pass(result.results + [_check_stdin(options)], options)
    for folder in reversed(dict.fromkeys(f.file for f in walk_findings)):
        result.results.insert(0, FileResult(folder, [f for f in walk_findings if f.file == folder], []))
    return result


def _check_stdin(options: Options) -> FileResult:
    data = sys.stdin.buffer.read(options.max_bytes + 1)  # a pipe from /dev/zero ends at the limit
    if len(data) > options.max_bytes:
        return FileResult("<stdin>", [make("input.too-large", "<stdin>", limit=options.max_bytes)], [])
    return Validator(options).check_bytes(data, "<stdin>")


def _describer(result: RunResult):
    records = {r.file: r.summaries for r in result.results}

    def describe(file: str) -> str:
        return "; ".join(f"{s.id} [{s.profile}] KHTH {s.khth_version or '?'}" for s in records.get(file, []))

    return describe


def _colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


if __name__ == "__main__":
    main()
