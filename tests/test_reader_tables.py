"""Task tables beyond what one fixture's facts state: which lines are tab rows, tab-separated tables
generated and read back, the timeframes of captions in one plan printed many ways, a .docx merged
cell, table records rendered as pipe tables; Party hyphen labels kept apart by the joiner; a paragraph
that only looks like the preamble's closing sentence.

Fixtures: tests/fixtures/reader/tables/ (facts in their facts files) and the caption plan
tests/fixtures/reader/tables/caption_plan.txt.in, whose timeframe line each test fills in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.layout import Joiner, hyphen_label, is_tab_row, prepare_lines
from khth.converters.text.render import render

from conftest import READER, SOURCES, walk_blocks, facts as _facts

PHUONG = READER / "tables" / "tab_task_table_ward.txt"
HUYEN = READER / "tables" / "tab_task_table_party.txt"


def _read(path: Path) -> dict:
    return text_to_record(path.read_text(encoding="utf-8"), path.name)


def _table(doc: dict) -> dict:
    return next(b for b in walk_blocks(doc["body"]) if " | " in (b.get("heading") or ""))


def _cells(row: dict) -> dict:
    return {c["role"]: c for c in row.get("children", [])}


def _paragraphs(raw: list[str]) -> list[str]:
    lines = prepare_lines(raw, False, [])
    return [p.text for p in Joiner(lines).paragraphs(lines)]


# --- 1. tab-separated tables end to end ------------------------------------------------------------


def test_tab_rows_keep_their_tabs_and_stand_alone():
    raw = ["II. NHIỆM VỤ", "STT\tNội dung\tCơ quan chủ trì\tThời hạn", "1\tRà soát văn bản\tPhòng Tư pháp\tQuý II/2024",
           "2\tTuyên truyền\t\tThường xuyên", "\tNhiệm vụ không đánh số\tCông an xã\tNăm 2024"]
    lines = prepare_lines(raw, False, [])
    assert [ln.text for ln in lines] == raw  # tabs kept, the empty first cell too
    assert _paragraphs(raw) == raw  # no row is joined to a line above or below


@pytest.mark.parametrize("line, after_row, row", [
    ("STT\tNội dung\tCơ quan chủ trì\tThời hạn", False, True),
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, False),  # a header table: one tab
    ("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, False),  # around an empty column
    ("1.\tMục đích", False, False),  # Word's tab after a list label
    ("\t\tCăn cứ Luật Tổ chức chính quyền địa phương;", False, False),  # indentation
    ("5\tBáo cáo định kỳ\t\t", True, False),  # one tab inside: no row
    ("2\tTuyên truyền\t\tThường xuyên", True, True),
    ("2\t\t\tThường xuyên", True, True),
])
def test_which_lines_are_tab_rows(line, after_row, row):
    assert is_tab_row(line, after_row) is row


def test_a_header_printed_with_tabs_reads_as_before():
    """The two columns of a header exported with tabs (one tab, or two around an empty column) are
    no table: the line reader turns their tabs into spaces, as it always did."""
    text = PHUONG.read_text(encoding="utf-8")
    tabbed = text.replace("PHƯỜNG TÂN AN\n", "PHƯỜNG TÂN AN\t\tĐộc lập - Tự do - Hạnh phúc\n", 1)
    spaced = text.replace("PHƯỜNG TÂN AN\n", "PHƯỜNG TÂN AN  Độc lập - Tự do - Hạnh phúc\n", 1)
    assert _facts(text_to_record(tabbed, "x.txt")) == _facts(text_to_record(spaced, "x.txt"))


_CELL = st.text(alphabet=st.sampled_from("abc ĐƯỜNGđường.,;-/0123456789"), min_size=0, max_size=12)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4).map(lambda cells: "\t".join(cells)), min_size=1,
                max_size=8))
def test_lines_with_at_most_one_tab_read_as_with_spaces(lines):
    """Texts without tables are read as before: a line with fewer than two tabs (and any line without
    three named cells after no row) gives the same lines as with its tabs turned into spaces."""
    lines = [ln if ln.count("\t") < 2 else ln.replace("\t", " ", ln.count("\t") - 1) for ln in lines]
    spaced = [ln.replace("\t", " ") for ln in lines]
    got = [(ln.num, ln.text, ln.key, ln.gap, ln.hard) for ln in prepare_lines(lines, False, [])]
    assert got == [(ln.num, ln.text, ln.key, ln.gap, ln.hard) for ln in prepare_lines(spaced, False, [])]


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_have_no_tab_rows(path):
    # The seeds print no table: nothing the line reader keeps tabs for (their records are unchanged).
    assert not any(is_tab_row(ln) for ln in path.read_text(encoding="utf-8").split("\n"))


# --- 2. timeframes of table cells and captions -----------------------------------------------------

TIMEFRAMES = [
    ("Tháng 7/2024", {"kind": "period", "start": "2024-07", "end": "2024-07"}),
    ("Quý II/2024", {"kind": "period", "start": "2024-04", "end": "2024-06"}),
    ("Trước 30/6/2024", {"kind": "deadline", "deadline": "2024-06-30"}),
    ("Năm 2024", {"kind": "period", "start": "2024", "end": "2024"}),
    ("Năm 2024 - 2025", {"kind": "period", "start": "2024", "end": "2025"}),
    ("Thường xuyên", {"kind": "ongoing"}),
]


# A commune's plan whose first task's "Thời gian thực hiện:" line reads {when}.
_CAPTION_PLAN = (READER / "tables" / "caption_plan.txt.in").read_text(encoding="utf-8")


@pytest.mark.parametrize("printed, want", TIMEFRAMES)
def test_caption_timeframes(printed, want):
    doc = text_to_record(_CAPTION_PLAN.format(when=printed + "."), "caption.txt")
    [block] = [b for b in walk_blocks(doc["body"]) if b.get("role") == "timeframe"]
    assert block["timeframe"] == dict(want, printed=printed + ".")


@pytest.mark.parametrize("printed", ["Trước ngày 15 của tháng cuối quý.", "Theo chỉ đạo của cấp trên.", "Tháng 12."])
def test_a_caption_that_states_no_timeframe_gives_none(printed):
    doc = text_to_record(_CAPTION_PLAN.format(when=printed), "caption.txt")
    [block] = [b for b in walk_blocks(doc["body"]) if b.get("role") == "timeframe"]
    assert "timeframe" not in block and block["text"] == "Thời gian thực hiện: " + printed


def test_a_school_year_is_no_calendar_period():
    doc = text_to_record(_CAPTION_PLAN.format(when="Năm học 2024 - 2025."), "caption.txt")
    [block] = [b for b in walk_blocks(doc["body"]) if b.get("role") == "timeframe"]
    assert "timeframe" not in block


# --- 3. .docx task tables --------------------------------------------------------------------------


def test_docx_vertically_merged_cell_stands_in_each_row():
    docx = pytest.importorskip("docx")
    from khth.converters.docx_input import docx_lines

    d = docx.Document()
    table = d.add_table(rows=3, cols=4)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]):
        cell.text = text
    for i, row in enumerate(table.rows[1:], start=1):
        row.cells[0].text, row.cells[1].text, row.cells[3].text = str(i), f"Nhiệm vụ {i}", "Năm 2024"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Phòng Tư pháp"
    buf = io.BytesIO()
    d.save(buf)
    lines = docx_lines(buf.getvalue())
    assert [ln.text for ln in lines] == ["TT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
                                         "1\tNhiệm vụ 1\tPhòng Tư pháp\tNăm 2024",
                                         "2\tNhiệm vụ 2\tPhòng Tư pháp\tNăm 2024"]
    # Each paragraph is counted once: the merged cell's paragraph keeps its index in both rows.
    assert [ln.num for ln in lines] == [1, 5, 9]
    assert lines[1].offsets[1] == lines[2].offsets[1] == (len("1\tNhiệm vụ 1\t"), 7)


# --- 4. rendering a table record ------------------------------------------------------------------


def test_a_table_block_renders_as_a_pipe_table():
    doc = _read(HUYEN)
    lines = [ln.rstrip() for ln in render(doc).split("\n") if ln.startswith("|")]
    assert lines[:3] == ["| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
                         "|---|---|---|---|---|",
                         "| 1 | Tổ chức hội nghị quán triệt Kết luận số 69-KL/TW cho cán bộ chủ chốt | "
                         "Ban Tuyên giáo Huyện ủy | Văn phòng Huyện ủy | Tháng 7/2024 |"]
    assert lines[3] == "| 2 | Rà soát, bổ sung quy hoạch cán bộ các chi, đảng bộ | Ban Tổ chức Huyện ủy |  | Quý II/2024 |"


def test_a_heading_with_a_pipe_that_holds_no_rows_prints_as_a_heading():
    from khth.converters.text.render import render_document

    doc = {"documentType": "KH", "body": [{"label": "1.", "heading": "Thu | chi", "children": [
        {"label": "-", "text": "Nội dung."}]}]}
    assert "1. Thu | chi  \n" in render_document(doc)


_AGENCY = st.sampled_from(["Sở Tư pháp", "Công an huyện", "Phòng Y tế", "Văn phòng HĐND và UBND xã",
                           "Ban Tuyên giáo Huyện ủy"])
_WHEN = st.sampled_from([w for w, _ in TIMEFRAMES] + ["Hằng quý", "Trước ngày 15 của tháng cuối quý"])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(_AGENCY, st.lists(_AGENCY, max_size=2, unique=True), _WHEN), min_size=1, max_size=5))
def test_generated_tab_tables_read_and_read_back(rows):
    """A plan whose tasks stand in a tab-separated table: every row is a task with its cells, and
    text → record → text → record gives the same record."""
    text = HUYEN.read_text(encoding="utf-8")
    head, rest = text.split("TT\t", 1)
    tail = rest[rest.index("\n\nIII-"):]
    table = ["TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện"]
    table += [f"{i}\tNhiệm vụ số {i}\t{lead}\t{'; '.join(coord)}\t{when}"
              for i, (lead, coord, when) in enumerate(rows, start=1)]
    first = text_to_record(head + "\n".join(table) + tail, "gen.txt")
    got = _table(first)["children"]
    assert len(got) == len(rows)
    for row, (lead, coord, when) in zip(got, rows):
        cells = _cells(row)
        assert cells["leadAgencies"]["agencies"] == [lead]
        assert cells.get("coordinatingAgencies", {}).get("agencies", []) == coord
        assert cells["timeframe"]["text"] == when
    assert _facts(text_to_record(render(first), "gen.txt")) == _facts(first)


# --- 5. hyphen labels ------------------------------------------------------------------------------

def test_hyphen_items_are_not_glued_to_the_line_above():
    raw = ["1- Tạo nguồn phát triển đảng viên trong các chi bộ trực thuộc, gồm những việc cụ thể",
           "1.1- Rà soát, lập danh sách quần chúng ưu tú ở các thôn, xóm và đoàn viên thanh niên",
           "1.2- Phân công đảng viên chính thức giúp đỡ quần chúng phấn đấu vào Đảng, báo cáo kết",
           "quả hằng quý về Đảng ủy xã.",
           "a- Chú trọng tạo nguồn từ đoàn viên thanh niên, hội viên các đoàn thể, lực lượng dân quân",
           "b- “Dân vận khéo” trong phát triển đảng viên ở các thôn, xóm, nhất là thôn đặc biệt khó",
           "khăn."]
    assert _paragraphs(raw) == [raw[0], raw[1], raw[2] + " " + raw[3], raw[4], raw[5] + " " + raw[6]]


def test_a_range_or_a_lowercase_word_after_a_hyphen_still_joins():
    raw = ["Ủy ban Kiểm tra Đảng ủy đưa nội dung thực hiện Kết luận 69 vào chương trình kiểm tra, giám sát từ",
           "1- 2 lần mỗi năm.",
           "Phát triển kinh tế - xã hội gắn với củng cố quốc phòng, an ninh và xây dựng hệ thống chính trị ở",
           "a- ma, thôn bản theo đúng quy định."]
    assert _paragraphs(raw) == [raw[0] + " " + raw[1], raw[2] + " " + raw[3]]


@pytest.mark.parametrize("text, label", [("1- Tạo nguồn", "1-"), ("1.1- Rà soát", "1.1-"), ("a- Chú trọng", "a-"),
                                         ("đ- “Dân vận khéo”", "đ-"), ("1- 2 lần", None), ("a- ma", None),
                                         ("I- MỤC ĐÍCH", None)])
def test_hyphen_label(text, label):
    m = hyphen_label(text)
    assert (m["label"] if m else None) == label


# --- 6. the sentence that closes the preamble ------------------------------------------------------


def test_a_paragraph_ending_in_a_colon_without_the_formula_keeps_no_role():
    text = PHUONG.read_text(encoding="utf-8").replace(
        "Ủy ban nhân dân phường Tân An ban hành Kế hoạch thực hiện công tác cải cách hành chính năm 2024 như sau:",
        "Nội dung cụ thể gồm các phần sau:")
    doc = text_to_record(text, "x.txt")
    block = next(b for b in doc["body"] if (b.get("text") or "").startswith("Nội dung cụ thể"))
    assert "role" not in block


_cell = st.text(alphabet="abcdeghiklmnoprstuvxyđăâêôơưàáạảãĐ ,", min_size=1, max_size=40).map(str.strip).filter(
    lambda t: t and not t.rstrip(".").isdigit())


@given(st.integers(min_value=3, max_value=6).flatmap(
    lambda width: st.tuples(st.lists(_cell, min_size=width - 1, max_size=width - 1),
                            st.lists(st.lists(_cell, min_size=width - 1, max_size=width - 1), min_size=1, max_size=6))))
def test_a_table_printed_one_cell_a_line_is_put_back_one_row_a_line(table):
    from khth.converters.text.cell_table import find_cell_table

    titles, rows = table
    lines = ["TT", *titles]
    for n, cells in enumerate(rows, 1):
        lines += [str(n), *cells]
    lines += ["", "Nơi nhận:"]
    found = find_cell_table(lines, 0)
    assert found is not None
    assert [text for text, _ in found.rows] == ["\t".join(["TT", *titles])] + [
        "\t".join([str(n), *cells]) for n, cells in enumerate(rows, 1)]
    assert lines[found.end:] == ["", "Nơi nhận:"]
