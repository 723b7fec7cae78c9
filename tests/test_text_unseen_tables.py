"""Task tables on plans the reader had not seen, end to end: tab-separated rows kept by the line
reader, the timeframes of table cells and captions, .docx task tables (a row is one unit), table
records rendered as pipe tables and read back; Party hyphen labels kept apart by the joiner; the
sentence that closes a preamble.

Fixtures: tests/fixtures/unseen/tables/ (a Party plan with a tab-separated table) and the UBND
phường plan of tests/fixtures/unseen/body/ (probe input 03, lines 33–38); .docx files are built
here with python-docx, as tests/test_docx_input.py does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.layout import Joiner, hyphen_label, is_tab_row, prepare_lines
from khth.converters.text.render import render

from conftest import SOURCES, walk_blocks, facts as _facts

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
FIXTURES = UNSEEN / "tables"
PHUONG = UNSEEN / "body" / "ubnd_phuong_tab_table.txt"
HUYEN = FIXTURES / "huyen_uy_tab_table.txt"


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

def test_tab_table_rows_are_task_blocks_end_to_end():
    doc = _read(PHUONG)
    table = _table(doc)
    assert table["role"] == "tasks" and table["source"] == {"startLine": 33, "endLine": 33}
    assert table["heading"] == "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành"
    rows = table["children"]
    assert [(r["label"], r["role"], r["source"]["startLine"]) for r in rows] == [
        (str(i), "task", 33 + i) for i in range(1, 6)]
    assert rows[0]["text"] == "Rà soát, đánh giá văn bản quy phạm pháp luật"
    want = [  # lead | coordinating | timeframe, as the clerk reads them (probe expected/03)
        (["Công chức Tư pháp - Hộ tịch"], ["Văn phòng HĐND và UBND phường"],
         {"kind": "period", "start": "2024-04", "end": "2024-06", "printed": "Quý II/2024"}),
        (["Bộ phận Một cửa"], ["Công chức Văn phòng - Thống kê"],
         {"kind": "deadline", "deadline": "2024-03-31", "printed": "Trước ngày 31/3/2024"}),
        (["Công chức Văn phòng - Thống kê"], ["Bộ phận Một cửa", "Công an phường"],
         {"kind": "ongoing", "printed": "Thường xuyên"}),
        (["Công chức Văn hóa - Xã hội"], ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "các tổ dân phố"],
         {"kind": "recurring", "frequency": "quarterly", "printed": "Hằng quý"}),
        (["Công chức Văn phòng - Thống kê"], ["Các bộ phận chuyên môn"], None),
    ]
    for row, (lead, coord, when) in zip(rows, want):
        cells = _cells(row)
        assert cells["leadAgencies"]["agencies"] == lead
        assert cells["coordinatingAgencies"]["agencies"] == coord
        assert cells["timeframe"].get("timeframe") == when
    # "Trước ngày 15 của tháng cuối quý" states no date: the cell keeps its text and role, no timeframe.
    assert _cells(rows[4])["timeframe"]["text"] == "Trước ngày 15 của tháng cuối quý"
    # The table ends where its rows end; the sections around it are read as before.
    sections = [b.get("label") for b in doc["body"] if b.get("label")]
    assert sections == ["I.", "II.", "III."]
    assert [c["label"] for c in doc["body"][5]["children"][:4]] == ["1.", "2.", "3.", "4."]


def test_party_plan_with_a_tab_table():
    doc = _read(HUYEN)
    assert doc["number"]["printed"] == "212-KH/HU" and doc["signature"]["name"] == "Nguyễn Văn Hòa"
    table = _table(doc)
    assert table["heading"] == "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện"
    rows = table["children"]
    assert [r["label"] for r in rows] == ["1", "2", "3", "4", "5"]
    # An empty cell gives no block: row 2 has no coordinating agencies.
    assert "coordinatingAgencies" not in _cells(rows[1])
    assert _cells(rows[2])["coordinatingAgencies"]["agencies"] == ["Ban Tổ chức Huyện ủy", "các chi, đảng bộ trực thuộc"]
    assert _cells(rows[4])["leadAgencies"]["agencies"] == ["Các chi, đảng bộ trực thuộc"]


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


def test_table_cell_timeframes():
    rows = _table(_read(HUYEN))["children"]
    got = [_cells(r)["timeframe"]["timeframe"] for r in rows]
    assert got == [dict(want, printed=printed) for printed, want in TIMEFRAMES[:4] + TIMEFRAMES[5:]]


_CAPTION_PLAN = """ỦY BAN NHÂN DÂN
XÃ NAM HƯNG

Số: 41/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Nam Hưng, ngày 10 tháng 5 năm 2024

KẾ HOẠCH
Tuyên truyền phổ biến giáo dục pháp luật năm 2024

Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2024 của UBND huyện Nam Đàn, UBND xã ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Tổ chức tuyên truyền pháp luật cho Nhân dân trên hệ thống loa truyền thanh.
- Cơ quan chủ trì: Công chức Tư pháp - Hộ tịch.
- Thời gian thực hiện: {when}
2. Tổ chức Ngày Pháp luật Việt Nam.
- Cơ quan chủ trì: Công chức Văn hóa - Xã hội.

Nơi nhận:
- UBND huyện (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Nam
"""


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

def _docx_plan() -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells  # paragraphs 1–5
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph("PHƯỜNG TÂN AN").runs[0].bold = True
    left.add_paragraph("Số: 86/KH-UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Tân An, ngày 12 tháng 3 năm 2024")  # 6
    d.add_paragraph("KẾ HOẠCH").runs[0].bold = True  # 7
    d.add_paragraph("Thực hiện công tác cải cách hành chính năm 2024 trên địa bàn phường Tân An")  # 8
    d.add_paragraph("Thực hiện Kế hoạch số 31/KH-UBND ngày 10/01/2024 của UBND thành phố Buôn Ma Thuột;")  # 9
    d.add_paragraph("Ủy ban nhân dân phường Tân An ban hành Kế hoạch thực hiện như sau:")  # 10
    d.add_paragraph("I. NHIỆM VỤ TRỌNG TÂM").runs[0].bold = True  # 11
    values = [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],  # 12–16
              ["1", "Rà soát văn bản quy phạm pháp luật", "Công chức Tư pháp - Hộ tịch",
               "Văn phòng HĐND và UBND phường", "Quý II/2024"],  # 17–21
              ["2", "Niêm yết thủ tục hành chính", "Bộ phận Một cửa", "", "Trước ngày 31/3/2024"],  # 22–26
              ["3", "Số hóa hồ sơ", "Công chức Văn phòng - Thống kê", ["Bộ phận Một cửa;", "Công an phường"],
               "Thường xuyên"]]  # 27–29, 30–31, 32
    table = d.add_table(rows=len(values), cols=5)
    for row, cells in zip(table.rows, values):
        for cell, value in zip(row.cells, cells):
            for n, text in enumerate([value] if isinstance(value, str) else value):
                (cell.paragraphs[0] if n == 0 else cell.add_paragraph()).add_run(text)
            if row is table.rows[0]:
                cell.paragraphs[0].runs[0].bold = True
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN").runs[0].bold = True  # 33
    d.add_paragraph("1. Công chức Văn phòng - Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch.")  # 34
    sig = d.add_table(rows=1, cols=2)
    l2, r2 = sig.rows[0].cells
    l2.paragraphs[0].add_run("Nơi nhận:").bold = True
    l2.add_paragraph("- UBND thành phố (b/c);")
    l2.add_paragraph("- Lưu: VT.")
    r2.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    r2.add_paragraph("CHỦ TỊCH")
    r2.add_paragraph("")
    r2.add_paragraph("Lê Hoàng Phúc")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_task_table_rows_are_task_blocks():
    from khth.converters.sources import read_source

    _, doc = read_source(_docx_plan(), "plan.docx")
    # The header and signature tables are read paragraph by paragraph, as before.
    assert doc["number"]["printed"] == "86/KH-UBND" and doc["issueDate"] == "2024-03-12"
    assert doc["issuer"]["name"] == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN"
    assert doc["signature"]["name"] == "Lê Hoàng Phúc"
    assert [r["text"] for r in doc["recipients"]] == ["UBND thành phố (b/c);", "Lưu: VT."]
    table = _table(doc)
    assert table["heading"] == "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành"
    assert table["role"] == "tasks" and table["source"] == {"paragraph": 12}
    rows = table["children"]
    assert [(r["label"], r["text"]) for r in rows] == [
        ("1", "Rà soát văn bản quy phạm pháp luật"), ("2", "Niêm yết thủ tục hành chính"), ("3", "Số hóa hồ sơ")]
    # A row's source is its first paragraph; each cell's, the paragraph it is printed in.
    assert [r["source"] for r in rows] == [{"paragraph": 17}, {"paragraph": 22}, {"paragraph": 27}]
    first = _cells(rows[0])
    assert first["leadAgencies"]["agencies"] == ["Công chức Tư pháp - Hộ tịch"]
    assert first["leadAgencies"]["source"] == {"paragraph": 19}
    assert first["coordinatingAgencies"]["agencies"] == ["Văn phòng HĐND và UBND phường"]
    assert first["timeframe"]["timeframe"] == {"kind": "period", "start": "2024-04", "end": "2024-06",
                                               "printed": "Quý II/2024"}
    assert first["timeframe"]["source"] == {"paragraph": 21}
    assert "coordinatingAgencies" not in _cells(rows[1])  # an empty cell
    assert _cells(rows[1])["timeframe"]["timeframe"]["deadline"] == "2024-03-31"
    # A cell of two paragraphs is one cell, its paragraphs joined by a space.
    assert _cells(rows[2])["coordinatingAgencies"]["agencies"] == ["Bộ phận Một cửa", "Công an phường"]
    assert _cells(rows[2])["coordinatingAgencies"]["source"] == {"paragraph": 30}
    assert _cells(rows[2])["timeframe"]["source"] == {"paragraph": 32}
    # Paragraphs after the table keep their indices.
    section = doc["body"][-1]
    assert section["source"] == {"paragraph": 33} and section["children"][0]["source"] == {"paragraph": 34}


def test_docx_table_record_reads_back_from_its_rendering():
    from khth.converters.sources import read_source

    _, first = read_source(_docx_plan(), "plan.docx")
    second = text_to_record(render(first), "plan.txt")
    assert _facts(second["body"]) == _facts(first["body"])


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

@pytest.mark.parametrize("path", [PHUONG, HUYEN, UNSEEN / "body" / "huyen_uy_pipe_table.md"], ids=lambda p: p.stem)
def test_table_plans_text_record_text_record(path):
    first = _read(path)
    text = render(first)
    assert "| " + _table(first)["heading"] + " |  \n" in text  # the header row of a pipe table
    second = text_to_record(text, path.name)
    assert _facts(second) == _facts(first)


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


def test_hyphen_labels_nest_without_a_repair():
    doc = _read(UNSEEN / "body" / "dang_uy_xa_hyphen_labels.txt")
    tasks = next(b for b in doc["body"] if b.get("label") == "II-")
    first = tasks["children"][0]
    assert [c.get("label") for c in first["children"]] == ["a-", "b-", "-", "-"]
    assert first["children"][0]["text"].endswith("dân quân, công an viên và")


# --- 6. the sentence that closes the preamble ------------------------------------------------------

def test_issuing_sentence_after_the_preamble_is_preamble():
    doc = _read(PHUONG)
    opening = [b for b in doc["body"] if not b.get("label")][:4]
    assert [b.get("role") for b in opening] == ["preamble"] * 4
    assert opening[3]["text"].startswith("Ủy ban nhân dân phường Tân An ban hành Kế hoạch")
    assert doc["issuer"]["actingBody"] == "Ủy ban nhân dân phường Tân An"
    party = _read(HUYEN)
    assert [b.get("role") for b in party["body"][:2]] == ["preamble", "preamble"]
    assert party["issuer"]["actingBody"] == "Ban Thường vụ Huyện ủy"


def test_a_paragraph_ending_in_a_colon_without_the_formula_keeps_no_role():
    text = PHUONG.read_text(encoding="utf-8").replace(
        "Ủy ban nhân dân phường Tân An ban hành Kế hoạch thực hiện công tác cải cách hành chính năm 2024 như sau:",
        "Nội dung cụ thể gồm các phần sau:")
    doc = text_to_record(text, "x.txt")
    block = next(b for b in doc["body"] if (b.get("text") or "").startswith("Nội dung cụ thể"))
    assert "role" not in block
