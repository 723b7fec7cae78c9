"""plan-convert: convert KHTH documents between JSON and XML, and read the documents offices
already have (plain text, Markdown, Word .docx) into standard records; render a record as text
in the official layout. A thin layer over :mod:`khth.api`.

Exit codes: 0 converted; 1 the input cannot be read or converted, or the output cannot be written
(nothing is written); 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from khth import api
from khth.schema.catalogue import MESSAGE_LANGUAGES
from khth.input.loading import MAX_BYTES, read_limited, too_large
from khth.schema.version import __version__

from .files import write_atomically

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TARGETS = ("json", "xml", "text")


def convert_bytes(data: bytes, to: str, name: str | None = None) -> bytes:
    """Convert one input to ``to`` (one of :data:`TARGETS`); raises :class:`api.InputError`."""
    record = api.convert(data, name=name)
    if to == "text":
        return api.to_text(record).encode("utf-8")
    return api.to_json(record) if to == "json" else api.to_xml(record)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(TARGETS), required=True,
              help="Output format: KHTH JSON, KHTH XML, or text in the official layout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file (default: standard output).")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="both", show_default=True,
              help="Language of messages.")
@click.version_option(__version__, prog_name="plan-convert")
def main(input_path: str, to: str, output: str | None, lang: str) -> None:
    """Convert a plan: text, Markdown or Word (.docx) in, KHTH JSON or XML out; KHTH JSON and
    XML between each other; and any of them to text in the official layout.

    Chuyển đổi kế hoạch: văn bản thuần, Markdown hoặc Word (.docx) sang bản ghi KHTH JSON/XML;
    JSON và XML qua lại; và in ra văn bản theo thể thức.

    \b
    Exit codes / Mã thoát:
      0  converted / đã chuyển đổi
      1  input cannot be converted; nothing written / không chuyển đổi được, không ghi gì
      2  usage error / sai cú pháp lệnh
    """
    try:
        data = _read(input_path)
        result = convert_bytes(data, to, None if input_path == "-" else Path(input_path).name)
    except api.InputError as exc:
        _refuse(input_path, exc, lang)
    except Exception as exc:  # noqa: BLE001 - a fault of the tool on this input: a message, never a traceback
        name = type(exc).__name__
        words = {"vi": f"lỗi nội bộ, không chuyển đổi được ({name})",
                 "en": f"internal error, not converted ({name})"}
        click.echo(f"plan-convert: {input_path}: {words.get(lang) or words['vi'] + ' / ' + words['en']}", err=True)
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
    sys.exit(EXIT_OK)


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
