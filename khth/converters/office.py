""".doc, .odt and .rtf files, converted to .docx by LibreOffice headless and then read as Word documents;
and the .docx a record renders as, exported to PDF the same way (:mod:`khth.converters.word.pdf`).

LibreOffice runs as a separate process in a session of its own, with a profile made for the one
conversion in a temporary folder (so it never shares or waits on a user's running office, and
leaves nothing behind), macros disabled in that profile, and a time limit after which the whole
process group is killed (soffice starts a child process that would outlive its parent).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from khth.input.containers import Kind
from khth.input.errors import KhthInputError
from khth.schema.catalogue import Text

TIMEOUT = 60  # seconds: a plan of a few pages converts in two to five
SOFFICE_NAMES = ("soffice", "libreoffice")
SUFFIXES = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}

# Macros off whatever the document asks: the highest security level, and macro execution disabled.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return next((p for p in map(shutil.which, SOFFICE_NAMES) if p), None)


class OfficeFailure(Exception):
    """LibreOffice did not convert: why, in both languages."""

    def __init__(self, why: Text) -> None:
        super().__init__(why.en)
        self.why = why


def convert_to_docx(data: bytes, kind: Kind, *, timeout: float | None = None) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a .doc, .odt or .rtf file), within ``timeout``
    seconds (default :data:`TIMEOUT`)."""
    program = soffice()
    if program is None:
        raise KhthInputError.of("input.converter-missing", kind=kind.label)
    try:
        return run_conversion(program, data, SUFFIXES.get(kind.name, ""), "docx:MS Word 2007 XML", ".docx",
                              TIMEOUT if timeout is None else timeout)
    except OfficeFailure as exc:
        raise KhthInputError.of("input.converter-failed", kind=kind.label, why=exc.why) from None


def run_conversion(program: str, data: bytes, suffix: str, target: str, out_suffix: str, timeout: float) -> bytes:
    """The file LibreOffice (``program``) makes of ``data`` (a file ending in ``suffix``) with
    ``--convert-to target``; raises :class:`OfficeFailure` when none comes out in ``timeout`` seconds."""
    with tempfile.TemporaryDirectory(prefix="khth-office-") as work:
        folder = Path(work)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        args = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
                "--nodefault", "--nolockcheck", "--convert-to", target, "--outdir", str(out), str(source)]
        _run(args, timeout)
        result = out / f"input{out_suffix}"
        if not result.is_file() or result.stat().st_size == 0:
            raise OfficeFailure(Text("không có tệp kết quả", "no file came out"))
        return result.read_bytes()


def _run(args: list[str], timeout: float) -> None:
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp", "HOME": os.environ.get("HOME", "/tmp")}
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True, env=env)
    except OSError as exc:
        raise OfficeFailure(Text(f"không chạy được: {exc.strerror}", f"cannot run: {exc.strerror}")) from None
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise OfficeFailure(Text(f"quá {timeout:g} giây", f"over {timeout:g} seconds")) from None
    finally:
        if proc.poll() is None:  # interrupted (Ctrl+C): never leave an office running
            _kill_group(proc)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
