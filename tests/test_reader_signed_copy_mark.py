"""What counts as "(Đã ký)" printed where the signature stood on a published copy (the copy itself:
tests/fixtures/reader/signing/signed_copy_mark.txt)."""

from __future__ import annotations

import pytest

from khth.converters.text.common import fold
from khth.converters.text.signature import SIGNED_MARK


@pytest.mark.parametrize("printed,mark", [
    ("(Đã ký)", True), ("[Đã ký]", True), ("Đã ký", True), ("(Ký tên, đóng dấu)", True),
    ("(đã ký và đóng dấu)", True), ("(ký)", True),
    # Must not change: names and places that read "Ký"/"Kỳ".
    ("Kỳ Anh", False), ("Nguyễn Văn Ký", False), ("Ký Văn Tâm", False), ("Lê Thị Kỳ Duyên", False),
])
def test_what_counts_as_a_signed_copy_mark(printed, mark):
    assert bool(SIGNED_MARK.match(fold(printed))) is mark


