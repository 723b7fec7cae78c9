"""One bad file never costs the run: a fault on a file is a finding on it, the report is always
written (atomically), and what is not a record file is refused or skipped without being read."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from khth.cli import convert as convert_cli
from khth.cli import files as files_module
from khth.cli.validate import main
from khth.validator import engine

from conftest import EXAMPLES, ROOT

PLAN = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"
PLAN_XML = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.xml"
TODAY = "2026-11-22"
WORD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>\n')


def _validate(*args: str):
    return CliRunner().invoke(main, ["--today", TODAY, *args])


def _report(result) -> dict[str, list[str]]:
    report = json.loads(result.output)
    return {os.path.basename(f["file"]): [x["code"] for x in f["findings"]] for f in report["files"]}


def _faulting_on(marker: str):
    """Document rules that fail, as a bug would, on the record whose place is ``marker``."""
    original = engine.check_document

    def check(doc, *args, **kwargs):
        if doc.get("place") == marker:
            raise RecursionError("maximum recursion depth exceeded")
        return original(doc, *args, **kwargs)

    return check


def _plan_with_place(place: str) -> bytes:
    return PLAN.read_bytes().replace('"place": "Đức Phổ"'.encode(), f'"place": "{place}"'.encode())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fault_on_one_file_is_a_finding_and_the_run_goes_on(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(engine, "check_document", _faulting_on("BOOM"))
    (tmp_path / "a-good.json").write_bytes(PLAN.read_bytes())
    (tmp_path / "b-faulty.json").write_bytes(_plan_with_place("BOOM"))
    (tmp_path / "c-good.xml").write_bytes(PLAN_XML.read_bytes())
    result = _validate("--jobs", jobs, "--format", "json", "--lang", "en", str(tmp_path))
    assert result.exit_code == 1
    codes = _report(result)
    assert set(codes) == {"a-good.json", "b-faulty.json", "c-good.xml"}
    assert codes["b-faulty.json"] == ["input.internal-fault"]
    assert "input.internal-fault" not in codes["a-good.json"] + codes["c-good.xml"]
    fault = next(f for f in json.loads(result.output)["files"] if f["file"].endswith("b-faulty.json"))["findings"][0]
    assert fault["severity"] == "error" and "RecursionError" in fault["en"] and "RecursionError" in fault["vi"]
    assert "Traceback" not in result.output and "File \"" not in result.output


def test_the_report_file_is_written_when_a_file_faults(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "check_document", _faulting_on("BOOM"))
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "faulty.json").write_bytes(_plan_with_place("BOOM"))
    (folder / "good.json").write_bytes(PLAN.read_bytes())
    out = tmp_path / "report.json"
    result = _validate("--format", "json", "-o", str(out), str(folder))
    assert result.exit_code == 1
    codes = {os.path.basename(f["file"]): [x["code"] for x in f["findings"]]
             for f in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert codes["faulty.json"] == ["input.internal-fault"] and "good.json" in codes


def test_deep_records_are_too_deep_and_the_rest_of_the_folder_is_reported(tmp_path):
    (tmp_path / "deep-256.json").write_bytes(b"[" * 256 + b"]" * 256)  # D01
    # D01b: deep enough to reach the interpreter's limit in a recursive walk, with an escape that
    # sends the text to the NFC check
    (tmp_path / "deep-995.json").write_bytes(b"[" * 995 + b'"e\\u0301"' + b"]" * 995)
    (tmp_path / "deep.xml").write_bytes(b"<document xmlns='urn:khth:xml:1'>" + b"<body>" * 100
                                        + b"</body>" * 100 + b"</document>")
    (tmp_path / "good.json").write_bytes(PLAN.read_bytes())
    result = _validate("--format", "json", str(tmp_path))
    codes = _report(result)
    assert codes["deep-256.json"] == ["input.too-deep"]
    assert codes["deep-995.json"] == ["input.too-deep"]
    assert codes["deep.xml"] == ["input.too-deep"]
    assert "good.json" in codes and "input.too-deep" not in codes["good.json"]


def _nested_blocks(levels: int) -> dict:
    record = json.loads(PLAN.read_text(encoding="utf-8"))
    block = {"text": "Nội dung"}
    for _ in range(levels - 1):
        block = {"text": "Nội dung", "children": [block]}
    record["body"] = [block]
    return record


def test_the_depth_limit_leaves_room_for_any_real_nesting_of_blocks(tmp_path):
    """Plans print 5 or 6 levels of sub-blocks; 29 pass the depth limit, 40 do not."""
    (tmp_path / "ok.json").write_text(json.dumps(_nested_blocks(29), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "deep.json").write_text(json.dumps(_nested_blocks(40), ensure_ascii=False), encoding="utf-8")
    codes = _report(_validate("--format", "json", str(tmp_path)))
    assert "input.too-deep" not in codes["ok.json"]
    assert codes["deep.json"] == ["input.too-deep"]


def test_plan_convert_refuses_a_deep_record_with_a_message(tmp_path):  # D02
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 256 + b"]" * 256)
    result = CliRunner().invoke(convert_cli.main, [str(deep), "--to", "xml"])
    assert result.exit_code == 1
    assert "JSON nested deeper than 64 levels" in result.output and "lồng nhau sâu hơn 64 cấp" in result.output
    assert "Traceback" not in result.output


def test_xml_in_a_foreign_namespace_is_not_a_record(tmp_path):
    (tmp_path / "word.xml").write_text(WORD, encoding="utf-8")
    (tmp_path / "plan.xml").write_text(PLAN_XML.read_text(encoding="utf-8")
                                       .replace(' xmlns="urn:khth:xml:1"', ""), encoding="utf-8")
    (tmp_path / "foreign-child.xml").write_text(
        PLAN_XML.read_text(encoding="utf-8").replace("<place>", '<w:x xmlns:w="urn:other"/><place>'),
        encoding="utf-8")
    result = _validate("--format", "json", "--lang", "en", str(tmp_path))
    codes = _report(result)
    assert codes["word.xml"] == ["input.not-khth"]
    assert codes["plan.xml"] == ["input.not-khth"]
    assert "schema.xsd" in codes["foreign-child.xml"]  # a foreign element inside a record: an XSD error
    assert "internal" not in result.output.lower()


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES, repo / "records", ignore=shutil.ignore_patterns("sources"))
    return repo


def test_a_repository_root_with_a_venv_is_validated_without_it(tmp_path, monkeypatch):
    repo = _repository(tmp_path)
    monkeypatch.chdir(repo)
    before = _validate("--format", "json", ".")
    for hidden in (".venv/lib/python3/site-packages/pkg", ".git", "node_modules/pkg"):
        (repo / hidden).mkdir(parents=True)
        (repo / hidden / "document.xml").write_text(WORD, encoding="utf-8")
        (repo / hidden / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (repo / "records" / ".draft.json").write_text('{"name": "x"}', encoding="utf-8")
    after = _validate("--format", "json", ".")
    assert after.exit_code == before.exit_code
    assert _report(after) == _report(before)
    assert "internal" not in after.output.lower()
    named = _validate("--format", "json", ".venv")  # a hidden folder named on the command line is searched
    assert _report(named) == {"document.xml": ["input.not-khth"], "package.json": _report(named)["package.json"]}


def test_the_pre_commit_hook_runs_at_a_repository_root_with_a_venv(tmp_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    published = hooks[hooks.index("- id: plan-validate-published"):]
    entry = published.split("entry:", 1)[1].splitlines()[0].split()
    args = json.loads(published.split("args:", 1)[1].splitlines()[0])
    repo = _repository(tmp_path)
    (repo / ".venv" / "lib").mkdir(parents=True)
    (repo / ".venv" / "lib" / "document.xml").write_text(WORD, encoding="utf-8")
    command = [str(Path(sys.executable).parent / entry[0]), *entry[1:], "--today", TODAY, *args]
    proc = subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    assert ".venv" not in proc.stdout and "records/" in proc.stdout


def test_a_path_with_no_record_file_exits_2_unless_allowed(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("không phải bản ghi", encoding="utf-8")
    (empty / ".hidden").mkdir()
    (empty / ".hidden" / "plan.json").write_bytes(PLAN.read_bytes())
    result = _validate(str(empty))
    assert result.exit_code == 2
    assert "không có tệp .json hay .xml nào để kiểm tra" in result.output
    assert "no .json or .xml file to check" in result.output
    allowed = _validate("--allow-empty", str(empty))
    assert allowed.exit_code == 0


def test_a_mistyped_path_among_others_exits_2_before_anything_is_checked(tmp_path):
    result = _validate(str(PLAN), str(tmp_path / "no-such-folder"), str(EXAMPLES))
    assert result.exit_code == 2
    assert "không có tệp hay thư mục này" in result.output and "no such file or folder" in result.output
    assert "192-KH-TU" not in result.output  # nothing was checked


def _run_validate(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khth.cli.validate", "--today", TODAY, *args],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_a_folder_is_skipped_not_read(tmp_path):  # D14
    os.mkfifo(tmp_path / "x.json")  # no writer: opening it for reading would wait for ever
    (tmp_path / "good.json").write_bytes(PLAN.read_bytes())
    proc = _run_validate("--format", "json", str(tmp_path), timeout=60)
    codes = {os.path.basename(f["file"]): [x["code"] for x in f["findings"]]
             for f in json.loads(proc.stdout)["files"]}
    assert codes["x.json"] == ["input.not-a-file"]
    assert "good.json" in codes


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_device_named_on_the_command_line_is_refused_without_blocking(tmp_path):  # D04, D14
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        proc = _run_validate(path, timeout=30)
        assert proc.returncode == 2
        assert "neither a regular file nor a folder" in proc.stderr and "không phải tệp thông thường" in proc.stderr
        conv = subprocess.run([sys.executable, "-m", "khth.cli.convert", path, "--to", "json"],
                              capture_output=True, text=True, timeout=30)
        assert conv.returncode == 1 and "not a regular file" in conv.stderr and not conv.stdout


def test_standard_input_is_read_up_to_the_limit():  # D04 through a pipe
    result = CliRunner().invoke(main, ["--format", "json", "--max-bytes", "1000", "-"], input=b"[" * 5000)
    assert _report(result) == {"<stdin>": ["input.too-large"]}


# --- writing outputs ---------------------------------------------------------------------------

def _full_disk(monkeypatch):
    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files_module.os, "fsync", fsync)


def test_a_failed_report_write_keeps_the_old_report(tmp_path, monkeypatch):  # D13
    out = tmp_path / "report.json"
    out.write_text("the previous report\n", encoding="utf-8")
    _full_disk(monkeypatch)
    result = _validate("--format", "json", "-o", str(out), str(PLAN))
    assert result.exit_code == 2
    assert "cannot write the report" in result.output and "không ghi được báo cáo" in result.output
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary file left behind


def test_a_failed_convert_write_keeps_the_old_output(tmp_path, monkeypatch):
    out = tmp_path / "plan.xml"
    out.write_text("old\n", encoding="utf-8")
    _full_disk(monkeypatch)
    result = CliRunner().invoke(convert_cli.main, [str(PLAN), "--to", "xml", "-o", str(out)])
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["plan.xml"]


def _write_report(out: Path) -> None:
    assert _validate("--format", "json", "-o", str(out), str(PLAN)).exit_code == 0


def _write_converted(out: Path) -> None:
    assert CliRunner().invoke(convert_cli.main, [str(PLAN), "--to", "xml", "-o", str(out)]).exit_code == 0


@pytest.mark.parametrize("write", [_write_report, _write_converted], ids=["plan-validate", "plan-convert"])
def test_outputs_keep_the_file_mode_and_write_through_links(tmp_path, write):  # D08
    out = tmp_path / "out"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    write(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text(encoding="utf-8") != "old"

    target = tmp_path / "target"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(target)
    write(link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") != "old"

    fresh = tmp_path / "fresh"
    previous = os.umask(0o027)
    try:
        write(fresh)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640  # 0666 less the umask, not 0600


def test_the_repository_hook_accepts_a_repository_with_no_record_yet(tmp_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    published = hooks[hooks.index("- id: plan-validate-published"):]
    entry = published.split("entry:", 1)[1].splitlines()[0].split()
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text("{}", encoding="utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / entry[0]), *entry[1:], "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
