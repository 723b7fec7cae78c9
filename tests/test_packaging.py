"""The wheel installs under the single import name `khth` and carries the schemas."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_layout(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__",
                                                             ".pytest_cache", ".hypothesis"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "dist").glob("khth-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"khth", next(t for t in top if t.endswith(".dist-info"))}
    for generic in ("validator", "converters", "schema", "tests", "examples"):
        assert generic not in top
    for needed in ("khth/schema/document.schema.json", "khth/schema/bundle.schema.json", "khth/schema/khth.xsd",
                   "khth/schema/model.py", "khth/cli/validate.py", "khth/input/xml_form.py",
                   "khth/converters/text/data/vi-words.txt", "khth/converters/text/data/README.md",
                   "khth/report/index.sql"):
        assert needed in names
    # every module of the three parts is in the wheel, subpackages included
    for module in (ROOT / "khth").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names, module
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "plan-validate = khth.cli.validate:main" in entry_points
    assert "plan-convert = khth.cli.convert:main" in entry_points
