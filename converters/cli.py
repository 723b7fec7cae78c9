"""plan-convert: convert KHTH documents between JSON and XML, and read the documents offices
already have (plain text, Markdown, Word .docx) into standard records; render a record as text
in the official layout.

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


def _validated(form: dict, root: str, what: str) -> None:
    # Imported here: the validator imports this package.
    from khth.validator.engine import Validator

    errors = [f for f in Validator().validate_data(form) if f.severity == "error"]
    if errors:
        first = errors[0]
        raise KhthInputError("invalid-document",
                             f"{what} không hợp lệ ({len(errors)} lỗi), ví dụ {first.pointer}: {first.vi}",
                             f"{what} is not valid ({len(errors)} errors), e.g. {first.pointer}: {first.en}",
                             location=first.pointer)


def read_source(data: bytes, name: str | None = None) -> tuple[str, dict]:
    """Any input plan-convert accepts → (root, JSON form): KHTH JSON or XML, .docx, text, Markdown."""
    from .docx_input import docx_lines, is_docx

    if is_docx(data):
        from .text import text_to_record

        record = text_to_record("", name, docx_lines=docx_lines(data))
        root = root_of(record)
        _validated(record, root, "Bản ghi chuyển từ .docx / The record read from .docx")
        return root, record
    fmt = detect_format(data.lstrip(b"\xef\xbb\xbf"))
    if fmt in ("json", "xml"):
        check_bytes(data)
        if fmt == "json":
            form = parse_json(data)
            root = root_of(form)
        else:
            root, form = from_xml(data)
        _validated(form, root, "Văn bản / The document")
        return root, form
    from .text import text_to_record
    from .text.encoding import decode_text

    text, note = decode_text(data)
    try:
        record = text_to_record(text, name)
    except KhthInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader fault on odd text is reported, never a traceback
        raise KhthInputError("text-unreadable", f"Không đọc được văn bản ({type(exc).__name__})",
                             f"the text could not be read ({type(exc).__name__})") from None
    if note:
        for doc in record.get("documents", [record]):
            doc["provenance"].setdefault("notes", []).append(note)
    root = root_of(record)
    _validated(record, root, "Bản ghi chuyển từ văn bản / The record read from the text")
    return root, record


def convert_bytes(data: bytes, to: str, name: str | None = None) -> bytes:
    """Convert one input to ``to`` ('json', 'xml' or 'text'); raises KhthInputError."""
    root, form = read_source(data, name)
    if to == "text":
        from .text.render import render

        return render(form).encode("utf-8")
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
@click.option("--to", "to", type=click.Choice(["json", "xml", "text"]), required=True,
              help="Output format: KHTH JSON, KHTH XML, or text in the official layout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file (default: standard output).")
@click.version_option(__version__, prog_name="plan-convert")
def main(input_path: str, to: str, output: str | None) -> None:
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
        if input_path == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(input_path).read_bytes()
    except OSError as exc:
        click.echo(f"plan-convert: {input_path}: không đọc được / cannot read: {exc.strerror}", err=True)
        sys.exit(EXIT_FAILED)
    try:
        result = convert_bytes(data, to, None if input_path == "-" else Path(input_path).name)
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
