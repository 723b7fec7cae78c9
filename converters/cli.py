"""plan-convert: convert KHTH documents between JSON and XML.

Exit codes: 0 converted; 1 the input cannot be converted (nothing is written); 2 usage error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from khth.schema import __version__

from .canonical import canonical_json, root_of
from .errors import KhthInputError
from .loading import check_bytes, detect_format, parse_json
from .xml_form import from_xml, to_xml

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def convert_bytes(data: bytes, to: str) -> bytes:
    """Convert one input (KHTH JSON or XML) to ``to`` ('json' or 'xml'); raises KhthInputError."""
    # Imported here: the validator imports this package, and conversion refuses invalid input.
    from khth.validator.engine import Validator

    check_bytes(data)
    fmt = detect_format(data)
    if fmt == "json":
        form = parse_json(data)
        root = root_of(form)
    elif fmt == "xml":
        root, form = from_xml(data)
    else:
        raise KhthInputError("input-format", "Không nhận ra định dạng: cần JSON hoặc XML",
                             "unrecognised format: JSON or XML expected", line=1, column=1)
    errors = [f for f in Validator().validate_data(form) if f.severity == "error"]
    if errors:
        first = errors[0]
        raise KhthInputError("invalid-document",
                             f"Văn bản không hợp lệ ({len(errors)} lỗi), ví dụ {first.pointer}: {first.vi}",
                             f"document is not valid ({len(errors)} errors), e.g. {first.pointer}: {first.en}",
                             location=first.pointer)
    return canonical_json(form, root) if to == "json" else to_xml(form, root)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a failed run
    never leaves a partial file behind."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(["json", "xml"]), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file (default: standard output).")
@click.version_option(__version__, prog_name="plan-convert")
def main(input_path: str, to: str, output: str | None) -> None:
    """Convert a KHTH document or bundle between JSON and XML (canonical output).

    \b
    Exit codes / Mã thoát:
      0  converted / đã chuyển đổi
      1  input cannot be converted; nothing written / không chuyển đổi được, không ghi gì
      2  usage error / sai cú pháp lệnh
    """
    try:
        if input_path == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(input_path).read_bytes()
    except OSError as exc:
        click.echo(f"plan-convert: {input_path}: không đọc được / cannot read: {exc.strerror}", err=True)
        sys.exit(EXIT_FAILED)
    try:
        result = convert_bytes(data, to)
    except KhthInputError as exc:
        where = f"{exc.line}:{exc.column}:" if exc.line and exc.column else ""
        click.echo(f"plan-convert: {input_path}:{where} {exc.message()}", err=True)
        sys.exit(EXIT_FAILED)
    if output:
        try:
            write_atomically(Path(output), result)
        except OSError as exc:
            click.echo(f"plan-convert: {output}: không ghi được / cannot write: {exc.strerror}", err=True)
            sys.exit(EXIT_FAILED)
    else:
        sys.stdout.buffer.write(result)
    sys.exit(EXIT_OK)
