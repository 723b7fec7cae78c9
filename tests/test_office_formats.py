""".odt, .doc and .rtf files are told by their content and read through LibreOffice's conversion to
.docx; without LibreOffice, or when it fails or hangs, plan-convert says what to do, exits 1 and
writes nothing."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from khth import api
from khth.cli.convert import main as convert_main
from khth.converters import office
from khth.input.containers import document_kind

EXAMPLES = Path(__file__).parent.parent / "examples"
SEEDS = ("ke-hoach-ubnd-tinh-binh-dinh.json", "164-KH-HU_huyen-uy-son-ha.json")
FORMATS = {"odt": "odt", "doc": "doc:MS Word 97", "rtf": "rtf"}


def _facts(record: api.Record) -> tuple:
    doc = record.data if record.root == "document" else record.data["documents"][0]
    return (doc["issuer"]["name"], (doc.get("number") or {}).get("printed"), doc.get("issueDate"),
            doc.get("title"), (doc.get("signature") or {}).get("name"),
            [r.get("number", {}).get("printed") for r in doc.get("references", [])], len(doc.get("body", [])))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[tuple[str, str], bytes]:
    """Each seed, rendered as .docx by KHTH, then saved by LibreOffice as .odt, .doc and .rtf."""
    soffice = office.soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    work = tmp_path_factory.mktemp("office")
    profile = tmp_path_factory.mktemp("lo-profile")
    sources = []
    for seed in SEEDS:
        path = work / (Path(seed).stem + ".docx")
        path.write_bytes(api.to_docx(api.load(EXAMPLES / seed)))
        sources.append(str(path))
    out = {}
    for fmt, target in FORMATS.items():
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", str(work / fmt), *sources],
                       capture_output=True, timeout=600, check=False)
        for seed in SEEDS:
            out[(seed, fmt)] = (work / fmt / (Path(seed).stem + "." + fmt)).read_bytes()
    for seed in SEEDS:
        out[(seed, "docx")] = (work / (Path(seed).stem + ".docx")).read_bytes()
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_an_office_file_reads_as_its_docx_does(converted, seed, fmt):
    data = converted[(seed, fmt)]
    assert document_kind(data).name == fmt
    got = api.convert(data, name="plan.bin")  # the name says nothing: the content does
    assert _facts(got) == _facts(api.convert(converted[(seed, "docx")], name="plan.docx"))
    assert _facts(got)[0] and _facts(got)[4] and _facts(got)[6]


def test_plan_convert_reads_an_odt_named_as_text(converted, tmp_path):
    src, out = tmp_path / "ke-hoach.txt", tmp_path / "out.json"
    src.write_bytes(converted[(SEEDS[0], "odt")])
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert api.load(out).data["issuer"]["name"] == api.load(EXAMPLES / SEEDS[0]).data["issuer"]["name"]


RTF = rb"{\rtf1\ansi K\'e9 ho\'e1ch s\'f4 12}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_libreoffice_the_message_names_the_package_and_save_as_docx(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(office, "soffice", lambda: None)
    src, out = tmp_path / "plan.rtf", tmp_path / "out.json"
    src.write_bytes(RTF)
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out), "--lang", lang])
    assert result.exit_code == 1 and not out.exists()
    assert "libreoffice-writer-nogui" in result.output and ".docx" in result.output
    expected = "lưu thành .docx" if lang == "vi" else "save it as .docx"
    assert expected in result.output and "Traceback" not in result.output


def test_a_hanging_converter_is_killed_with_its_children(tmp_path, monkeypatch):
    child = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 120 &\necho $! > {child}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setattr(office, "soffice", lambda: str(fake))
    monkeypatch.setattr(office, "TIMEOUT", 2)
    src, out = tmp_path / "plan.doc", tmp_path / "out.json"
    src.write_bytes(RTF)
    start = time.monotonic()
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out), "--lang", "en"])
    assert time.monotonic() - start < 30
    assert result.exit_code == 1 and not out.exists()
    assert "LibreOffice could not convert the RTF file to .docx (over 2 seconds)" in result.output
    status = Path(f"/proc/{int(child.read_text())}/status")
    time.sleep(0.2)
    # the whole group went, not only the shell: the child is gone, or a zombie left for init to reap
    assert not status.exists() or "\nState:\tZ" in status.read_text()


def test_a_converter_that_makes_nothing_is_named(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setattr(office, "soffice", lambda: str(fake))
    with pytest.raises(api.InputError) as caught:
        api.convert(RTF)
    assert caught.value.code == "input.converter-failed" and "no file came out" in caught.value.en


def test_soffice_is_looked_up_on_the_path():
    assert office.soffice() == (shutil.which("soffice") or shutil.which("libreoffice"))
