"""The Python API: the README's example runs as printed, and the API agrees with the commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import khth
from conftest import EXAMPLES, ROOT


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    return code


def test_readme_example_runs(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_example(), "README.md#python-api", "exec"), {})
    assert "files," in capsys.readouterr().out


def test_version_is_the_package_version():
    from importlib.metadata import version

    assert khth.__version__ == version("khth")


def test_load_reads_json_and_xml_alike():
    for name in ("192-KH-TU_thi-uy-duc-pho", "cong-van-cho-chu_145-KH-HU.bundle"):
        from_json = khth.load(EXAMPLES / f"{name}.json")
        from_xml = khth.load((EXAMPLES / f"{name}.xml").read_bytes())
        assert from_json == from_xml


def test_load_refuses_what_is_not_a_record():
    with pytest.raises(khth.InputError) as caught:
        khth.load(b"Ke hoach so 12")
    assert caught.value.code == "input.format"


def test_validate_finds_what_the_command_finds(tmp_path):
    bad = tmp_path / "bad.json"
    record = khth.load(EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json").data
    bad.write_bytes(khth.to_json(dict(record, issueDate="2024-02-30")))
    report = khth.validate(bad, today="2026-01-01")
    assert report.failed() and {f.code for f in report.errors} & {"document.date-invalid", "schema.json"}
    cli = subprocess.run([sys.executable, "-m", "khth.cli.validate", "--format", "json", "--today", "2026-01-01",
                          str(bad)], capture_output=True, text=True)
    assert cli.returncode == 1
    from_cli = [f["code"] for file in json.loads(cli.stdout)["files"] for f in file["findings"]]
    assert sorted(f.code for f in report.findings) == sorted(from_cli)


def test_validate_takes_records_and_links_them_to_files():
    child = khth.load(EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json")
    alone = khth.validate(child, today="2026-01-01")
    linked = khth.validate(child, EXAMPLES / "cited", today="2026-01-01")
    unresolved = "corpus.parent-unresolved"
    assert unresolved in {f.code for f in alone.findings}
    assert unresolved not in {f.code for f in linked.findings if f.file.startswith("<record")}


def test_convert_then_write_every_form():
    plan = khth.convert(EXAMPLES / "sources" / "000_a86e3adf03591467.txt")
    assert plan.root == "document"
    again = khth.convert(khth.to_xml(plan))
    assert khth.to_json(again) == khth.to_json(plan)
    assert plan.data["number"]["printed"] in khth.to_text(plan)
