"""Tesseract's words made fit for the PDF reader's geometry, from its TSV output (no Tesseract
needed): a tilted page turned level, marks and specks dropped, doubted words kept, a list's dash kept."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.ocr import _words_of
from khth.converters.pdf_input import SCAN_PIECE_GAP, Page, pdf_lines, visual_lines

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 dpi


def _tsv(lines: list[list[tuple[float, float, float, float, str, float]]], angle: float = 0.0) -> str:
    """A TSV page of ``lines``, each a list of words (left, top, width, height, text, confidence) in
    pixels, turned by ``angle`` degrees about the page's centre as a sheet fed askew is."""
    rows = [HEAD, f"1\t1\t0\t0\t0\t0\t0\t0\t{PAGE_W}\t{PAGE_H}\t-1\t"]
    t = math.radians(angle)
    cx, cy = PAGE_W / 2, PAGE_H / 2

    def turn(x: float, y: float) -> tuple[float, float]:
        return cx + (x - cx) * math.cos(t) - (y - cy) * math.sin(t), cy + (x - cx) * math.sin(t) + (y - cy) * math.cos(t)

    for n, words in enumerate(lines, 1):
        boxes = []
        for left, top, w, h, text, conf in words:
            corners = [turn(x, y) for x in (left, left + w) for y in (top, top + h)]
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys), text, conf))
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
        rows.append(f"4\t1\t1\t1\t{n}\t0\t{x0:.0f}\t{y0:.0f}\t{x1 - x0:.0f}\t{y1 - y0:.0f}\t-1\t")
        rows += [f"5\t1\t1\t1\t{n}\t{i}\t{b[0]:.0f}\t{b[1]:.0f}\t{b[2]:.0f}\t{b[3]:.0f}\t{b[5]}\t{b[4]}"
                 for i, b in enumerate(boxes, 1)]
    return "\n".join(rows) + "\n"


def _line(left: float, top: float, words: str, conf: float = 95.0, size: float = 50) -> list:
    out, x = [], left
    for word in words.split():
        w = 0.55 * size * len(word)
        out.append((x, top, w, size, word, conf))
        x += w + 0.3 * size
    return out


def _texts(tsv: str) -> list[str]:
    scanned = _words_of(tsv, 1, 72 / 300)
    page = Page(1, scanned.width, scanned.height, [w.word for w in scanned.words])
    return [line.text for line in pdf_lines([page], weights=False)]


def _centred(centre: float, top: float, words: str) -> list:
    line = _line(0, top, words)
    shift = centre - (line[0][0] + line[-1][0] + line[-1][2]) / 2
    return [(x + shift, t, w, h, text, conf) for x, t, w, h, text, conf in line]


# Each column's line a line of Tesseract's own, as it finds them on a header
HEADER = [
    _centred(600, 300, "ỦY BAN NHÂN DÂN"), _centred(1700, 300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
    _centred(600, 370, "TỈNH BÌNH ĐỊNH"), _centred(1700, 370, "Độc lập - Tự do"),
    _centred(600, 440, "Số: 12/KH-UBND"), _centred(1700, 440, "Bình Định, ngày 2 tháng 3 năm 2024"),
    _line(300, 700, "Thực hiện Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy, một câu dài"),
]


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=0.3, max_value=3.0), st.sampled_from([1, -1]))
def test_a_page_scanned_askew_is_read_as_a_level_one(degrees, sign):
    level = _texts(_tsv(HEADER))
    assert _texts(_tsv(HEADER, sign * degrees)) == level
    # the header column by column: the left column's lines before the national name
    assert level.index("Số: 12/KH-UBND") < level.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")


def test_without_turning_it_level_a_tilted_header_mixes_its_columns(monkeypatch):
    from khth.converters import ocr

    monkeypatch.setattr(ocr, "SKEW_LIMIT", 0.0)
    assert _texts(_tsv(HEADER, 2.0)) != _texts(_tsv(HEADER))


def test_a_mark_alone_on_its_line_is_dropped_and_a_title_word_kept():
    lines = [_line(300, 300, "TỈNH ỦY BẮC KẠN"), [(560, 360, 21, 20, "zk", 60.0)], [(580, 420, 21, 20, "+%", 80.0)],
             _line(300, 480, "Số 272-KH/TU"), _line(1000, 700, "KẾ", conf=0.0, size=60),
             _line(300, 800, "thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về một việc dài dòng")]
    texts = _texts(_tsv(lines))
    assert "zk" not in " ".join(texts) and "+%" not in " ".join(texts)
    assert "KẾ" in texts and "Số 272-KH/TU" in texts


def test_specks_and_rules_go_and_a_list_dash_stays():
    lines = [_line(300, 300, "Nơi nhận:"), [(300, 360, 12, 4, "-", 40.0)] + _line(330, 360, "Như trên;"),
             _line(300, 420, "- Lưu: VT.") + [(700, 440, 3, 3, ".", 40.0)],
             [(300, 480, 60, 6, "__", 90.0)]]
    vl = visual_lines(Page(1, 595, 842, [w.word for w in _words_of(_tsv(lines), 1, 72 / 300).words]),
                      SCAN_PIECE_GAP)
    assert [line.text for line in vl] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]


def test_a_doubted_number_at_a_line_start_is_kept():
    lines = [_line(300, 300, "24-CT/TW", conf=9.0) + _line(560, 300, "ngày 04/7/2023 của Ban Bí thư")]
    assert _texts(_tsv(lines)) == ["24-CT/TW ngày 04/7/2023 của Ban Bí thư"]


def test_a_superior_body_as_wide_as_its_cell_stays_apart_from_the_issuer_below():
    lines = [_centred(600, 300, "ĐẢNG BỘ TỈNH QUẢNG NGÃI"), _centred(1700, 300, "ĐẢNG CỘNG SẢN VIỆT NAM"),
             _centred(600, 370, "HUYỆN ỦY SƠN HÀ"), _centred(1700, 440, "Sơn Hà, ngày 20 tháng 8 năm 2024"),
             _centred(600, 440, "Số 164-KH/HU"),
             _line(300, 700, "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị, một câu dài")]
    assert _texts(_tsv(lines))[:3] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "HUYỆN ỦY SƠN HÀ", "Số 164-KH/HU"]
