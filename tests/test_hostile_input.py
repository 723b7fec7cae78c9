"""Hostile input: every case is a finding with a clear message, and the run goes on."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

from click.testing import CliRunner

from khth.cli.validate import main

from conftest import EXAMPLES

PLAN = EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json"


def test_a_folder_of_hostile_files_is_reported_file_by_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    (tmp_path / "xxe.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<document xmlns="urn:khth:xml:1"><id>&s;</id></document>', encoding="utf-8")
    (tmp_path / "network.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/khth.dtd"><document/>', encoding="utf-8")
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "binary.xml").write_bytes(b"<\x00\x01\x02")
    (tmp_path / "truncated.json").write_bytes(PLAN.read_bytes()[:5000])
    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "deep.xml").write_bytes(b"<document xmlns='urn:khth:xml:1'>" + b"<a>" * 10_000 + b"</a>" * 10_000
                                        + b"</document>")
    with open(tmp_path / "huge.json", "wb") as fh:  # sparse: 101 MB on paper, nothing on disk
        fh.truncate(101 * 1024 * 1024)
    (tmp_path / "ok.json").write_bytes(PLAN.read_bytes())
    os.symlink(".", tmp_path / "loop")

    result = CliRunner().invoke(main, ["--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    codes = {os.path.basename(f["file"]): [x["code"] for x in f["findings"]] for f in report["files"]}
    assert codes["xxe.xml"] == ["input.xml-doctype"]
    assert codes["network.xml"] == ["input.xml-doctype"]
    assert codes["empty.json"] == ["input.empty"]
    assert codes["binary.xml"] == ["input.binary"]
    assert codes["truncated.json"] == ["input.json-syntax"]
    assert codes["deep.json"] == ["input.too-deep"]
    assert codes["deep.xml"] == ["input.too-deep"]
    assert codes["huge.json"] == ["input.too-large"]
    assert "input.symlink-loop" in [c for cs in codes.values() for c in cs]
    ok = [f for f in report["files"] if f["file"].endswith("ok.json")]
    assert ok and ok[0]["valid"] is True  # the run went on to the good file
    assert "TOP-SECRET-CONTENT" not in result.output
    assert "Traceback" not in result.output


def test_billion_laughs_is_refused_fast_and_in_bounded_memory(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "ha">{entities}]>'
                    '<document xmlns="urn:khth:xml:1"><title>&l11;</title></document>', encoding="utf-8")
    # The child's own peak: VmHWM belongs to its address space. ru_maxrss is no measure here, since
    # Linux carries the forking test process's resident size over into it across exec.
    code = ("import resource, sys; from click.testing import CliRunner; from khth.cli.validate import main; "
            f"r = CliRunner().invoke(main, ['--format', 'json', {str(bomb)!r}]); "
            "hwm = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')] "
            "if sys.platform.startswith('linux') else []; "
            "print(r.exit_code, hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    exit_code, peak_kb = map(int, proc.stdout.split())
    assert exit_code == 1
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb} KB"


def test_max_bytes_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(20 * 1024 * 1024 * 1024)  # 20 GB, sparse
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = CliRunner().invoke(main, ["--lang", "en", str(big)])
    assert result.exit_code == 1 and "input.too-large" in result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


def test_legacy_vietnamese_encodings_are_named(tmp_path):
    import unicodedata

    text = '{"title": "Kế hoạch thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về trẻ em"}'

    def windows_1258(s: str) -> bytes:
        # Windows-1258 keeps â ê ô ă ơ ư precomposed and writes the tone as a combining mark.
        out = []
        for ch in s:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
            out.append(unicodedata.normalize("NFC", base + shape) + "".join(m for m in marks if m not in shape))
        return "".join(out).encode("cp1258")

    (tmp_path / "cp1258.json").write_bytes(windows_1258(text))
    # VNI writes a vowel and a separate mark byte ("Keá hoaïch thöïc hieän")
    (tmp_path / "vni.json").write_bytes('{"title": "Keá hoaïch thöïc hieän Chæ thò cuûa Ban Thöôøng vuï"}'
                                        .encode("latin-1"))
    result = CliRunner().invoke(main, ["--format", "json", "--lang", "en", str(tmp_path)])
    messages = {os.path.basename(f["file"]): f["findings"][0] for f in json.loads(result.output)["files"]}
    assert messages["cp1258.json"]["code"] == "input.encoding" and "Windows-1258" in messages["cp1258.json"]["en"]
    assert messages["vni.json"]["code"] == "input.encoding" and "VNI" in messages["vni.json"]["en"]
