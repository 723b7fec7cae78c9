"""plan-convert: convert KHTH documents between JSON and XML, and read the documents offices
already have (plain text, Markdown, Word .docx) into standard records; render a record as text
or as a Word document in the official layout. A thin layer over :mod:`khth.api`.

After reading a document (not a KHTH record) it names on standard error the facts of the
``published`` profile the reader could not read, and apart from them those the document shows
blank (rules ``convert.facts-not-read`` and ``convert.facts-blank``).

Exit codes: 0 converted; 1 the input cannot be read or converted, or lacks facts ``--require``
asks for, or the output cannot be written (nothing is written); 2 usage error (``--to docx``
without ``-o``).
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
TARGETS = ("json", "xml", "text", "docx")
REQUIRABLE = ("published",)  # profiles --require can hold a conversion to


def render(record: api.Record, to: str) -> bytes:
    """The record in ``to``, one of :data:`TARGETS`."""
    if to == "text":
        return api.to_text(record).encode("utf-8")
    if to == "docx":
        return api.to_docx(record)
    return api.to_json(record) if to == "json" else api.to_xml(record)


def _is_record(data: bytes) -> bool:
    """Whether the input is already a KHTH record (JSON or XML), whose gaps are its author's, not the reader's."""
    return detect_format(data.lstrip(b"\xef\xbb\xbf")) in ("json", "xml")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(TARGETS), required=True,
              help="Output format: KHTH JSON, KHTH XML, text or a Word document (docx, needs -o) in the "
                   "official layout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file (default: standard output; required with --to docx).")
@click.option("--require", "require", type=click.Choice(REQUIRABLE),
              help="Refuse (exit 1, nothing written) a document lacking facts this profile requires, "
                   "whether not read or left blank.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True,
              help="Language of messages.")
@click.version_option(__version__, prog_name="plan-convert")
def main(input_path: str, to: str, output: str | None, lang: str, require: str | None) -> None:
    """Convert a plan: text, Markdown or Word (.docx) in, KHTH JSON or XML out; KHTH JSON and
    XML between each other; and any of them to text or Word (.docx) in the official layout.

    Chuyển đổi kế hoạch: văn bản thuần, Markdown hoặc Word (.docx) sang bản ghi KHTH JSON/XML;
    JSON và XML qua lại; và in ra văn bản hoặc tệp Word (.docx) theo thể thức.

    After reading a document, the facts of the published profile it could not read, and those it
    shows blank, are named on standard error; --require published refuses such a document.
    Sau khi đọc một văn bản, các thông tin hồ sơ published yêu cầu mà không đọc được, và các thông
    tin văn bản để trống, được nêu ở luồng lỗi; --require published từ chối văn bản như vậy.

    \b
    Exit codes / Mã thoát:
      0  converted / đã chuyển đổi
      1  input cannot be converted, or lacks facts --require asks for; nothing written /
         không chuyển đổi được, hoặc thiếu thông tin --require yêu cầu; không ghi gì
      2  usage error, --to docx without -o / sai cú pháp lệnh, --to docx thiếu -o
    """
    if to == "docx" and not output:
        _say(input_path, {"vi": "--to docx cần -o TỆP: tệp Word là dữ liệu nhị phân, không ghi ra màn hình "
                                "hay luồng ra chuẩn",
                          "en": "--to docx needs -o FILE: a Word document is binary and is not written to the "
                                "terminal or standard output"}, lang)
        sys.exit(EXIT_USAGE)
    try:
        data = _read(input_path)
        name = None if input_path == "-" else Path(input_path).name
        record = api.convert(data, name=name)
        gaps = [] if _is_record(data) and not require else api.facts_not_read(record)
        if require and gaps:
            _name_gaps(input_path, gaps, lang)
            _say(input_path, {"vi": f"không ghi gì: hồ sơ {require} cần các thông tin trên",
                              "en": f"nothing written: the {require} profile needs the facts above"}, lang)
            sys.exit(EXIT_FAILED)
        result = render(record, to)
    except api.InputError as exc:
        _refuse(input_path, exc, lang)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool on this input: a message, never a traceback
        fault = type(exc).__name__
        _say(input_path, {"vi": f"lỗi nội bộ, không chuyển đổi được ({fault})",
                          "en": f"internal error, not converted ({fault})"}, lang)
        sys.exit(EXIT_FAILED)
    if output:
        try:
            write_atomically(Path(output), result)
        except OSError as exc:
            words = {"vi": "không ghi được", "en": "cannot write"}.get(lang, "không ghi được / cannot write")
            click.echo(f"plan-convert: {output}: {words}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_FAILED)
    else:
        sys.stdout.buffer.write(result)
    _name_gaps(input_path, gaps, lang)  # once the conversion has succeeded
    sys.exit(EXIT_OK)


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
