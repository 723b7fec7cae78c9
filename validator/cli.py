"""plan-validate: check KHTH documents (JSON or XML) against the standard.

Exit codes: 0 no errors; 1 at least one document has an error; 2 usage error or a fault of the
tool itself.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from khth.schema import KHTH_VERSION, __version__

from .engine import Validator
from .findings import Finding

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
SUFFIXES = {".json", ".xml"}


def collect(paths: tuple[str, ...]) -> list[Path]:
    """Files to check: named files as given, folders searched recursively for .json and .xml."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            files.append(p)
    return files


def describe(data: bytes) -> list[str]:
    """One line per document of a valid file: identifier, profile, parent."""
    from khth.converters.canonical import root_of
    from khth.converters.loading import detect_format, parse_json
    from khth.converters.xml_form import from_xml

    form = parse_json(data) if detect_format(data) == "json" else from_xml(data)[1]
    docs = form["documents"] if root_of(form) == "bundle" else [form]
    out = []
    for doc in docs:
        parent = doc.get("parent", {}).get("id")
        out.append(f"{doc['id']} [{doc['profile']}]" + (f" → {parent}" if parent else ""))
    return out


def _read(path: Path) -> bytes | Finding:
    try:
        return path.read_bytes()
    except OSError as exc:
        return Finding(str(path), "input-unreadable", "error", f"Không đọc được tệp: {exc.strerror}",
                       f"cannot read file: {exc.strerror}")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format.")
@click.option("--lang", type=click.Choice(["vi", "en", "both"]), default="both", show_default=True,
              help="Language of messages.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every valid file and the documents it holds.")
@click.version_option(__version__, prog_name="plan-validate")
def main(paths: tuple[str, ...], fmt: str, lang: str, quiet: bool, verbose: bool) -> None:
    """Validate KHTH plans in JSON or XML (files or folders).

    \b
    Exit codes / Mã thoát:
      0  no errors / không có lỗi
      1  a document has errors / có văn bản lỗi
      2  usage error or tool fault / sai cú pháp lệnh hoặc lỗi của công cụ
    """
    try:
        validator = Validator()
        files = collect(paths)
        results: list[tuple[Path, list[Finding]]] = []
        for path in files:
            data = _read(path)
            findings = [data] if isinstance(data, Finding) else validator.validate_bytes(data, str(path))
            results.append((path, findings))
            if verbose and fmt == "text" and not isinstance(data, Finding) and not findings:
                for line in describe(data):
                    click.echo(f"{path}: ok {line}")
    except Exception as exc:  # a fault of the tool, not of the input: exit 2, never a traceback
        click.echo(f"plan-validate: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    errors = sum(1 for _, fs in results for f in fs if f.severity == "error")
    invalid = sum(1 for _, fs in results if any(f.severity == "error" for f in fs))
    if fmt == "json":
        report = {
            "khthVersion": KHTH_VERSION,
            "toolVersion": __version__,
            "valid": errors == 0,
            "summary": {"files": len(results), "invalidFiles": invalid, "errors": errors},
            "files": [{"file": str(p), "valid": not any(f.severity == "error" for f in fs),
                       "findings": [f.as_dict() for f in fs]} for p, fs in results],
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for path, findings in results:
            for f in findings:
                loc = f.location()
                click.echo(f"{path}:{loc + ':' if loc else ''} {f.severity} [{f.code}] {f.message(lang)}")
        if not quiet:
            click.echo(f"{len(results)} file(s) checked, {invalid} invalid, {errors} error(s) "
                       f"/ đã kiểm tra {len(results)} tệp, {invalid} tệp lỗi, {errors} lỗi")
    sys.exit(EXIT_INVALID if errors else EXIT_OK)
