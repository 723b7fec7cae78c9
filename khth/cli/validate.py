"""plan-validate: check KHTH records (JSON or XML) as offices and pipelines need.

Exit codes: 0 no errors (and no warnings with --fail-on warning); 1 findings at or above the
--fail-on severity; 2 usage error or a fault of the tool itself.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from khth.schema.catalogue import MESSAGE_LANGUAGES, SEVERITIES
from khth.schema.codelists import Profile
from khth.schema.version import __version__

from khth.validator.corpus_rules import tree_lines
from khth.validator.engine import FileResult, Options, RunResult, Validator, collect, corpus_pass, run
from khth.validator.reports import FORMATS, renderer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROGRESS_THRESHOLD = 50
# A citation-only record is not a full record held to fewer facts, so no record is checked as one.
PROFILES = tuple(p.value for p in Profile if p is not Profile.CITATION)
FAIL_ON = tuple(s for s in SEVERITIES if s != "info")  # info findings never fail a run


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("cần ngày YYYY-MM-DD / a YYYY-MM-DD date is expected") from None


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
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
@click.option("--tree", is_flag=True, help="Print the implementation tree of the checked records.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per core).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=100 * 1024 * 1024, show_default=True,
              help="Files larger than this are reported, not read.")
@click.option("--today", callback=_iso_date, metavar="YYYY-MM-DD",
              help="The date future dates are judged against (default: today), for reproducible runs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: findings only, no summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Text format: also list valid files, their records, and "
                                                    "info findings.")
@click.version_option(__version__, prog_name="plan-validate")
def main(paths: tuple[str, ...], fmt: str, lang: str, profile: str | None, require_parents: bool, fail_on: str,
         tree: bool, jobs: int, max_bytes: int, today: str | None, output: str | None, quiet: bool,
         verbose: bool) -> None:
    """Validate KHTH records (JSON or XML, files, folders, or - for standard input).

    Checks, in layers: input (encoding, NFC), schema (JSON Schema or XSD), document rules
    (numbers, dates, labels, citations, profiles) and corpus rules across every record of the
    run (parent links, levels, date order, cycles, duplicates). Each finding has a rule code
    documented in SPEC.md.

    \b
    Exit codes / Mã thoát:
      0  no errors / không có lỗi
      1  errors found (or warnings, with --fail-on warning) / có lỗi (hoặc cảnh báo)
      2  usage error or tool fault / sai cú pháp lệnh hoặc lỗi của công cụ
    """
    options = Options(today=today or date.today().isoformat(), max_bytes=max_bytes,
                      require_parents=require_parents, profile=profile)
    try:
        result = _validate(paths, options, jobs or os.cpu_count() or 1, quiet)
        if fmt != "text" or verbose:  # these reports show info findings: locate them too
            result = result.placed()
        describe = _describer(result)
        report = renderer(fmt)(result, lang=lang, colour=_colour(output), verbose=verbose, quiet=quiet,
                                describe=describe)
        if tree and fmt == "text":
            report += "\n".join(tree_lines(result.summaries, lang)) + "\n"
        if output:
            Path(output).write_text(report, encoding="utf-8")
        else:
            click.echo(report, nl=False)
    except Exception as exc:  # a fault of the tool, not of the input: exit 2, never a traceback
        click.echo(f"plan-validate: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if tree and fmt != "text":
        click.echo("\n".join(tree_lines(result.summaries, lang)), err=True)
    worst = {f.severity for f in result.all_findings()}
    failing = "error" in worst or (fail_on == "warning" and "warning" in worst)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _validate(paths: tuple[str, ...], options: Options, jobs: int, quiet: bool) -> RunResult:
    stdin = [p for p in paths if p == "-"]
    files, walk_findings = collect(p for p in paths if p != "-")
    show_progress = not quiet and sys.stderr.isatty() and len(files) >= PROGRESS_THRESHOLD
    if show_progress:
        with click.progressbar(length=len(files), label="plan-validate", file=sys.stderr) as bar:
            result = run(files, options, jobs, progress=bar.update)
    else:
        result = run(files, options, jobs)
    if stdin:  # standard input joins the corpus: the corpus rules run again over everything
        extra = Validator(options).check_bytes(sys.stdin.buffer.read(), "<stdin>")
        result = corpus_pass(result.results + [extra], options)
    for folder in reversed(dict.fromkeys(f.file for f in walk_findings)):
        result.results.insert(0, FileResult(folder, [f for f in walk_findings if f.file == folder], []))
    return result


def _describer(result: RunResult):
    records = {r.file: r.summaries for r in result.results}

    def describe(file: str) -> str:
        return "; ".join(f"{s.id} [{s.profile}]" for s in records.get(file, []))

    return describe


def _colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


if __name__ == "__main__":
    main()
