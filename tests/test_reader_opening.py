"""The opening of a document put back into its printed lines: what must always hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text.opening import tidy_opening
from conftest import EXAMPLES

SEEDS = sorted((EXAMPLES / "sources").glob("*.txt"))


def _words(lines: list[str]) -> list[str]:
    return sorted(w for ln in lines for w in ln.replace("|", " ").split())


def test_the_seeds_keep_every_printed_word():
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").split("\n")
        opening = tidy_opening(lines)
        if opening is None:
            continue
        assert not opening.skipped, seed.name  # no seed has site text before its header
        assert _words(opening.lines) == _words(lines), seed.name  # lines reordered or cut, never changed


_HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Số: 15/KH-UBND", "Lai Châu, ngày 25 tháng 4 năm 2024", "KẾ HOẠCH", "Thực hiện công tác năm 2024"]
_CHROME = st.lists(st.sampled_from(["Trang chủ", "Đăng nhập", "Lượt xem: 12", "Số hiệu | 15/KH-UBND |",
                                    "Ngày ban hành | 25/04/2024 |", "Tin tức - Sự kiện", ""]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_CHROME, st.sampled_from(["", "|"]))
def test_site_text_before_the_header_is_set_apart_and_every_line_keeps_its_source(chrome, separator):
    lines = chrome + [x for h in _HEADER for x in (h, separator)] + ["I. MỤC ĐÍCH", "1. Mục đích"]
    opening = tidy_opening(lines)
    assert opening is not None or not any(c.strip() for c in chrome)
    if opening is None:
        return
    kept = [ln for ln in opening.lines if ln.strip()]
    assert set(_HEADER) <= set(kept)  # nothing of the document is dropped
    assert not any(c.strip() and c in kept for c in chrome if c not in _HEADER)
    assert len(opening.origin) == len(opening.lines)
    for text, origin in zip(opening.lines, opening.origin):
        if text.strip() and text.strip() in lines:
            assert lines[origin - 1].strip() == text.strip()  # a line that stands as given points at itself
