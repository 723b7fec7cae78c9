"""plan-convert: convert KHTH documents between JSON and XML, and read the documents offices
already have (plain text, Markdown, Word .docx) into standard records; render a record as text
or as a Word document or PDF in the official layout, or write a blank drafting template. A thin
layer over :mod:`khth.api`.

After reading a document (not a KHTH record) it names on standard error the facts of the
``published`` profile the reader could not read, and apart from them those the document shows
blank (rules ``convert.facts-not-read`` and ``convert.facts-blank``).

Exit codes: 0 converted; 1 the input cannot be read or converted, or lacks facts ``--require``
asks for, or (``--to docx|pdf``) is not a valid record, or LibreOffice is missing for ``--to pdf``, or
the output cannot be written (nothing is written); 2 usage error (``--to docx|pdf`` without ``-o``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from khth import api
from khth.schema.catalogue import MESSAGE_LANGUAGES
from khth.input.loading import MAX_BYTES, detect_format, read_limited, too_large
from khth.schema.version import __version__

from .files import write_atomically

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TARGETS = ("json", "xml", "text", "docx", "pdf")
BINARY = ("docx", "pdf")  # written to a file only; rendered only from a valid record
REQUIRABLE = ("published",)  # profiles --require can hold a conversion to


def render(record: api.Record, to: str) -> bytes:
    """The record in ``to``, one of :data:`TARGETS`."""
    if to == "text":
        return api.to_text(record).encode("utf-8")
    if to == "docx":
        return api.to_docx(record)
    if to == "pdf":
        return api.to_pdf(record)
    return api.to_json(record) if to == "json" else api.to_xml(record)


def _is_record(data: bytes) -> bool:
    """Whether the input is already a KHTH record (JSON or XML), whose gaps are its author's, not the reader's."""
    return detect_format(data.lstrip(b"\xef\xbb\xbf")) in ("json", "xml")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", required=False,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(TARGETS),
              help="Output format: KHTH JSON, KHTH XML, text, or a Word document (docx) or PDF (pdf, through "
                   "LibreOffice) in the official layout; docx and pdf need -o.")
@click.option("--template", "template", type=click.Choice(api.TEMPLATES),
              help="Write a blank Word document in the official layout, its facts as placeholders such as "
                   "[Số] (needs -o, no INPUT).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file (default: standard output; required with --to docx|pdf and --template).")
@click.option("--require", "require", type=click.Choice(REQUIRABLE),
              help="Refuse (exit 1, nothing written) a document lacking facts this profile requires, "
                   "whether not read or left blank.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True,
              help="Language of messages.")
@click.version_option(__version__, prog_name="plan-convert")
def main(input_path: str | None, to: str | None, template: str | None, output: str | None, lang: str,
         require: str | None) -> None:
    """Convert a plan: text, Markdown or Word (.docx) in, KHTH JSON or XML out; KHTH JSON and
    XML between each other; and any of them to text, Word (.docx) or PDF in the official layout.
    With --template, a blank Word document to draft a plan or a công văn in.

    Chuyển đổi kế hoạch: văn bản thuần, Markdown hoặc Word (.docx) sang bản ghi KHTH JSON/XML;
    JSON và XML qua lại; và in ra văn bản, tệp Word (.docx) hoặc PDF theo thể thức. Với
    --template, một tệp Word trống theo thể thức để soạn kế hoạch hoặc công văn.

    After reading a document, the facts of the published profile it could not read, and those it
    shows blank, are named on standard error; --require published refuses such a document.
    Sau khi đọc một văn bản, các thông tin hồ sơ published yêu cầu mà không đọc được, và các thông
    tin văn bản để trống, được nêu ở luồng lỗi; --require published từ chối văn bản như vậy.

    \b
    Exit codes / Mã thoát:
      0  converted / đã chuyển đổi
      1  input cannot be converted, lacks facts --require asks for, is not a valid record
         (--to docx|pdf, its errors listed), or LibreOffice is missing (--to pdf); nothing written /
         không chuyển đổi được, thiếu thông tin --require yêu cầu, bản ghi không hợp lệ
         (--to docx|pdf, nêu từng lỗi), hoặc thiếu LibreOffice (--to pdf); không ghi gì
      2  usage error (--to docx|pdf or --template without -o; neither --to nor --template) /
         sai cú pháp lệnh
    """
    where = input_path or "plan-convert"
    _check_usage(input_path, to, template, output, lang)
    if template:
        _write(output, api.template_docx(template), lang)
        sys.exit(EXIT_OK)
    assert input_path is not None and to is not None
    try:
        data = _read(input_path)
        name = None if input_path == "-" else Path(input_path).name
        record = api.convert(data, name=name, check=to not in BINARY)
        gaps = [] if _is_record(data) and not require else api.facts_not_read(record)
        if require and gaps:
            _name_gaps(input_path, gaps, lang)
            _say(input_path, {"vi": f"không ghi gì: hồ sơ {require} cần các thông tin trên",
                              "en": f"nothing written: the {require} profile needs the facts above"}, lang)
            sys.exit(EXIT_FAILED)
        if to in BINARY:
            _refuse_errors(input_path, api.errors_of(record), lang)
        result = render(record, to)
    except api.InputError as exc:
        _refuse(input_path, exc, lang)
    except api.PdfExportError as exc:
        _say(where, {"vi": exc.text.vi + "; không ghi gì", "en": exc.text.en + "; nothing written"}, lang)
        sys.exit(EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool on this input: a message, never a traceback
        fault = type(exc).__name__
        _say(input_path, {"vi": f"lỗi nội bộ, không chuyển đổi được ({fault})",
                          "en": f"internal error, not converted ({fault})"}, lang)
        sys.exit(EXIT_FAILED)
    if output:
        _write(output, result, lang)
    else:
        sys.stdout.buffer.write(result)
    _name_gaps(input_path, gaps, lang)  # once the conversion has succeeded
    sys.exit(EXIT_OK)


def _check_usage(input_path: str | None, to: str | None, template: str | None, output: str | None,
                 lang: str) -> None:
    """Exit 2 on a combination of arguments that cannot run, saying why."""
    problem = None
    if template and (to or input_path):
        problem = {"vi": "--template không đi cùng INPUT hay --to", "en": "--template takes no INPUT and no --to"}
    elif not template and not (to and input_path):
        problem = {"vi": "cần INPUT và --to, hoặc --template", "en": "INPUT and --to are needed, or --template"}
    elif (template or to in BINARY) and not output:
        what = "--template" if template else f"--to {to}"
        problem = {"vi": f"{what} cần -o TỆP: tệp {'Word' if template or to == 'docx' else 'PDF'} là dữ liệu nhị "
                         "phân, không ghi ra màn hình hay luồng ra chuẩn",
                   "en": f"{what} needs -o FILE: a {'Word document' if template or to == 'docx' else 'PDF'} is "
                         "binary and is not written to the terminal or standard output"}
    if problem:
        _say(input_path or "plan-convert", problem, lang)
        sys.exit(EXIT_USAGE)


def _refuse_errors(input_path: str, errors: list[api.Finding], lang: str) -> None:
    """A record with validation errors is not rendered: each error named, exit 1, nothing written."""
    if not errors:
        return
    for finding in errors:
        where = f"{input_path}:{finding.pointer}" if finding.pointer else input_path
        click.echo(f"plan-convert: {where}: [{finding.code}] {_worded(finding, lang)}", err=True)
    _say(input_path, {"vi": f"không ghi gì: bản ghi không hợp lệ ({len(errors)} lỗi, như plan-validate báo)",
                      "en": f"nothing written: the record is not valid ({len(errors)} error(s), as plan-validate "
                            "reports them)"}, lang)
    sys.exit(EXIT_FAILED)


def _write(output: str | None, result: bytes, lang: str) -> None:
    assert output is not None
    try:
        write_atomically(Path(output), result)
    except OSError as exc:
        words = {"vi": "không ghi được", "en": "cannot write"}.get(lang, "không ghi được / cannot write")
        click.echo(f"plan-convert: {output}: {words}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_FAILED)


def _name_gaps(input_path: str, gaps: list[api.Finding], lang: str) -> None:
    for finding in gaps:
        where = f"{input_path}:{finding.pointer}" if finding.pointer else input_path
        click.echo(f"plan-convert: {where}: {_worded(finding, lang)}", err=True)


def _worded(finding: api.Finding, lang: str) -> str:
    return finding.vi if lang == "vi" else finding.en if lang == "en" else f"{finding.vi} / {finding.en}"


def _say(where: str, words: dict[str, str], lang: str) -> None:
    click.echo(f"plan-convert: {where}: {words.get(lang) or words['vi'] + ' / ' + words['en']}", err=True)


def _refuse(input_path: str, exc: api.InputError, lang: str) -> None:
    where = f"{exc.line}:{exc.column}:" if exc.line and exc.column else ""
    click.echo(f"plan-convert: {input_path}:{where} {exc.message(lang)}", err=True)
    sys.exit(EXIT_FAILED)


def _read(input_path: str) -> bytes:
    """The input's bytes, at most :data:`MAX_BYTES`: a regular file, or standard input for ``-``.
    A FIFO or a device named as input is refused without being read."""
    if input_path != "-":
        return read_limited(Path(input_path), MAX_BYTES)
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(MAX_BYTES)
    return data


if __name__ == "__main__":
    main()
