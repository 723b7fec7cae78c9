"""No dead code: what nothing in the package reaches is removed, and every name vulture cannot see
used is listed, with its reason, in tests/dead_code/whitelist.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from khth.schema.codelists import Codelist

vulture = pytest.importorskip("vulture", reason="vulture (the test extra) finds dead code")


def _codelist_members() -> list[str]:
    # Every member is a code of the standard: the schemas, the XSD and SPEC list them, records carry them.
    return sorted({m.name for cls in Codelist.__subclasses__() for m in cls})


def test_nothing_unused_beyond_the_whitelist():
    proc = subprocess.run(
        [sys.executable, "-m", "vulture", "khth", "tests/dead_code/whitelist.py", "--min-confidence", "60",
         "--ignore-names", ",".join(_codelist_members())],
        cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout == "", proc.stdout
