"""The body on plans the reader had not seen: recipients' purpose notes, agency and timeframe
captions, Party labels "1-" / "a-", names of bodies and subjects of assignments, task tables.

Fixtures (tests/fixtures/unseen/body/) are realistic plans, cut down from a review's probe
inputs or written in the same layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.agencies import split_agencies, subject_of
from khth.converters.text.body import add_duties, assign_roles, build_blocks
from khth.converters.text.common import Context, Para
from khth.converters.text.recipients import recipient
from khth.converters.text.render import render

from conftest import walk_blocks, facts as _facts

FIXTURES = Path(__file__).parent / "fixtures" / "unseen" / "body"


def _read(name: str) -> dict:
    return text_to_record((FIXTURES / name).read_text(encoding="utf-8"), name)


def _by_role(blocks, role: str) -> list[dict]:
    return [b for b in walk_blocks(blocks) if b.get("role") == role]


def _section(doc: dict, label: str) -> dict:
    return next(b for b in doc["body"] if b.get("label") == label)


# --- recipients -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, purpose", [
    ("Bộ Chính trị (để b/c),", "Bộ Chính trị", "report"),
    ("UBND tỉnh (để báo cáo);", "UBND tỉnh", "report"),
    ("Phòng Nội vụ thành phố (b/c);", "Phòng Nội vụ thành phố", "report"),
    ("Thường trực Tỉnh ủy (b/cáo);", "Thường trực Tỉnh ủy", "report"),
    ("Ban Chỉ đạo Trung ương về phát triển KHCN, ĐMST và CĐS (để b/c),",
     "Ban Chỉ đạo Trung ương về phát triển KHCN, ĐMST và CĐS", "report"),
    ("Các cơ quan, đơn vị (để thực hiện);", "Các cơ quan, đơn vị", "action"),
    ("UBND các xã, thị trấn (để t/h);", "UBND các xã, thị trấn", "action"),
    ("Công an huyện (để phối hợp);", "Công an huyện", "action"),
    ("Phòng Y tế (để biết);", "Phòng Y tế", "information"),
])
def test_recipient_notes_give_the_purpose_and_leave_the_name(text, name, purpose):
    entry = recipient("-", text)
    assert entry == {"label": "-", "text": text, "name": name, "purpose": purpose}


@pytest.mark.parametrize("text, name", [
    ("UBND huyện (để chỉ đạo);", "UBND huyện (để chỉ đạo)"),  # no purpose of the code list: kept as printed
    ("Website Sở;", "Website Sở"),
    ("Ban Thường vụ (khóa XX);", "Ban Thường vụ (khóa XX)"),
])
def test_other_brackets_stay_in_the_name(text, name):
    entry = recipient("-", text)
    assert entry["name"] == name and "purpose" not in entry


_NAMES = st.sampled_from(["Bộ Chính trị", "UBND tỉnh", "Sở Tư pháp", "Ban Tuyên giáo Tỉnh ủy",
                          "Văn phòng HĐND và UBND xã", "Các đồng chí Huyện ủy viên"])
_NOTES = st.sampled_from([("(để b/c)", "report"), ("(để báo cáo)", "report"), ("(b/c)", "report"),
                          ("(để thực hiện)", "action"), ("(để t/h)", "action"), ("(để phối hợp)", "action"),
                          ("(để biết)", "information")])


@settings(max_examples=100, deadline=None)
@given(_NAMES, _NOTES, st.sampled_from([",", ";", ".", ""]))
def test_a_purpose_note_is_read_and_the_text_keeps_it(name, note, stop):
    printed, purpose = note
    text = f"{name} {printed}{stop}"
    entry = recipient("-", text)
    assert entry["text"] == text  # the note stays where it was printed
    assert entry["name"] == name and entry["purpose"] == purpose


def test_probe_recipients_with_notes():
    doc = _read("huyen_uy_pipe_table.md")
    first = doc["recipients"][0]
    assert first == {"label": "-", "text": "Ban Thường vụ Tỉnh ủy (để b/c),", "name": "Ban Thường vụ Tỉnh ủy",
                     "purpose": "report"}
    assert [r.get("purpose") for r in doc["recipients"]] == ["report", None, None, None, "archive"]


# --- captions -----------------------------------------------------------------------------------

def test_unit_captions_of_a_department_plan():
    doc = _read("so_gddt_unit_captions.txt")
    tasks = _section(doc, "II.")["children"]
    first = {b["role"]: b for b in tasks[0]["children"] if b.get("role") != "task"}
    assert first["leadAgencies"]["agencies"] == ["Phòng Giáo dục Mầm non - Tiểu học"]
    assert first["coordinatingAgencies"]["agencies"] == ["Phòng Giáo dục Trung học - Giáo dục thường xuyên",
                                                          "Văn phòng Sở"]
    assert first["timeframe"]["text"] == "Thời gian thực hiện: Tháng 5 và tháng 6 năm 2024."
    second = {b["role"]: b for b in tasks[1]["children"] if b.get("role") != "task"}
    assert second["leadAgencies"]["agencies"] == ["Phòng Giáo dục Thể chất - Công tác học sinh"]
    assert second["coordinatingAgencies"]["agencies"] == ["Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố"]
    third = {b["role"]: b for b in tasks[2]["children"] if b.get("role") != "task"}
    assert third["leadAgencies"]["agencies"] == ["Thanh tra Sở"]
    assert third["timeframe"]["timeframe"] == {"kind": "ongoing", "printed": "Thường xuyên."}
    # A sentence that opens with the verb "Phối hợp" is a task, not a caption.
    assert tasks[1]["children"][0]["role"] == "task"


def test_caption_lines_of_every_form():
    doc = _read("ubnd_huyen_caption_lines.txt")
    tasks = _section(doc, "II.")["children"]
    roles = [(b.get("label"), b.get("role"), b.get("agencies") or b.get("timeframe", {}).get("kind"))
             for b in tasks]
    assert roles == [
        ("1.", "task", None),
        # "Chủ trì: …; phối hợp: …" is two captions: two units, each with its role.
        ("-", "leadAgencies", ["Phòng Nông nghiệp và Phát triển nông thôn"]),
        (None, "coordinatingAgencies", ["Văn phòng HĐND và UBND huyện", "Công an huyện"]),
        ("-", "timeframe", "deadline"),
        ("2.", "task", None),
        ("-", "leadAgencies", ["Ban Chỉ huy Quân sự huyện"]),
        ("-", "coordinatingAgencies", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("-", "timeframe", "deadline"),
        ("3.", "task", None),
        ("-", "leadAgencies", ["Trung tâm Văn hóa - Truyền thông huyện"]),
        ("-", "implementingAgencies", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("-", "timeframe", "ongoing"),
    ]
    # The two units of one printed line put together are the line as printed.
    assert tasks[1]["text"] + " " + tasks[2]["text"] == \
        "Chủ trì: Phòng Nông nghiệp và Phát triển nông thôn; phối hợp: Văn phòng HĐND và UBND huyện, Công an huyện."
    assert tasks[1]["source"] == tasks[2]["source"] == {"startLine": 18, "endLine": 18}
    assert tasks[3]["timeframe"] == {"kind": "deadline", "deadline": "2024-05-30", "printed": "Trước ngày 30/5/2024."}
    # "Cơ quan chủ trì, tham mưu:" is one caption, not cut at its comma.
    assert tasks[5]["text"] == "Cơ quan chủ trì, tham mưu: Ban Chỉ huy Quân sự huyện."


def test_caption_lines_read_back_from_their_rendering():
    first = _read("ubnd_huyen_caption_lines.txt")
    second = text_to_record(render(first), "rendered.txt")
    assert _facts(second) == _facts(first)


@pytest.mark.parametrize("line", [
    "- Chủ trì, phối hợp với Trung tâm Văn hóa - Truyền thông huyện xây dựng nội dung khẩu hiệu.",
    "- Cơ quan chủ trì xây dựng kế hoạch và báo cáo kết quả.",
    "- Thời gian qua, công tác tuyên truyền còn hạn chế.",
])
def test_sentences_that_open_like_captions_are_not_captions(line):
    ctx = Context(None, "text")
    paras = [Para("II. NHIỆM VỤ, GIẢI PHÁP", 1, 1), Para("1. Tuyên truyền", 2, 2), Para(line, 3, 3)]
    blocks, _ = build_blocks(paras, ctx)
    assign_roles(blocks, ctx)
    item = blocks[0]["children"][0]["children"][0]
    assert item["role"] == "task" and "agencies" not in item


# --- Party labels -------------------------------------------------------------------------------

def test_hyphen_labels_and_their_nesting():
    doc = _read("dang_uy_xa_hyphen_labels.txt")

    def shape(blocks):
        return [(b.get("label"), shape(b.get("children", []))) for b in blocks if b.get("label")]

    assert shape(doc["body"]) == [
        ("I-", [("1-", []), ("2-", [])]),
        ("II-", [("1-", [("a-", []), ("b-", []), ("-", []), ("-", [])]), ("2-", [])]),
        ("III-", [("1-", []), ("2-", [])]),
    ]
    task = _section(doc, "II-")["children"][0]
    assert task["heading"] == "Tạo nguồn phát triển đảng viên" and task["role"] == "task"
    # "b-" opened a line that the line joining had taken for the rest of "… và": its own item.
    assert task["children"][0]["text"].endswith("lực lượng dân quân, công an viên và")
    assert task["children"][1]["text"].startswith("Giao chỉ tiêu phát triển đảng viên")
    assert task["children"][1]["source"] == {"startLine": 23, "endLine": 24}
    # A range inside a sentence ("từ 1- 2 lần") is no label.
    check = _section(doc, "II-")["children"][1]["children"][0]
    assert check["text"].endswith("thời gian từ 1- 2 lần mỗi năm.")
    assignments = _section(doc, "III-")["children"]
    assert [a["agencies"] for a in assignments] == [["Bộ phận Tổ chức - Kiểm tra Đảng ủy"], ["Các chi bộ trực thuộc"]]


def test_hyphen_labels_read_back_from_their_rendering():
    first = _read("dang_uy_xa_hyphen_labels.txt")
    second = text_to_record(render(first), "rendered.txt")
    assert _facts(second) == _facts(first)


# --- agencies -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, agencies", [
    ("Phòng Văn hóa - Xã hội; Văn phòng HĐND và UBND xã.", ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã"]),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh, Sở Tư pháp", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Tư pháp"]),
    # Not one office: the standing committee of the council and the people's committee.
    ("Thường trực HĐND và UBND xã", ["Thường trực HĐND", "UBND xã"]),
    ("Văn phòng Tỉnh ủy và UBND tỉnh", ["Văn phòng Tỉnh ủy", "UBND tỉnh"]),
    ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thị xã",
     ["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội thị xã"]),
])
def test_one_office_of_two_organs(text, agencies):
    assert split_agencies(text) == agencies


@pytest.mark.parametrize("text, subject", [
    ("Công chức Văn phòng - Thống kê là đầu mối tham mưu UBND phường theo dõi, đôn đốc việc thực hiện Kế hoạch.",
     "Công chức Văn phòng - Thống kê"),
    ("Văn phòng HĐND và UBND xã là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch.",
     "Văn phòng HĐND và UBND xã"),
    ("Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao, xây dựng kế "
     "hoạch cụ thể để triển khai thực hiện.", "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố"),
    ("Các công chức chuyên môn căn cứ nhiệm vụ được giao tại Kế hoạch này chủ động triển khai thực hiện.",
     "Các công chức chuyên môn"),
    ("Bộ phận Tổ chức - Kiểm tra Đảng ủy tham mưu Ban Thường vụ Đảng ủy hướng dẫn việc thực hiện.",
     "Bộ phận Tổ chức - Kiểm tra Đảng ủy"),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể xã giới thiệu đoàn viên ưu tú cho Đảng xem xét.",
     "Ủy ban Mặt trận Tổ quốc và các đoàn thể xã"),
    ("Sở Kế hoạch và Đầu tư chủ trì, theo dõi, đôn đốc việc thực hiện.", "Sở Kế hoạch và Đầu tư"),
])
def test_the_subject_of_an_assignment_ends_at_its_predicate(text, subject):
    assert subject_of(text) == subject


def test_assignments_of_the_caption_plan():
    doc = _read("ubnd_huyen_caption_lines.txt")
    assert [a.get("agencies") for a in _section(doc, "III.")["children"]] == [
        ["Phòng Nông nghiệp và Phát triển nông thôn"], ["Các cơ quan, đơn vị"]]


_ORGANS = st.sampled_from(["Sở Tư pháp", "Công an huyện", "Văn phòng HĐND và UBND xã", "UBND các xã, thị trấn",
                           "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                           "Phòng Văn hóa - Xã hội", "các cơ quan, đơn vị liên quan"])


@settings(max_examples=100, deadline=None)
@given(st.lists(_ORGANS, min_size=1, max_size=4), st.sampled_from(["; ", ", "]))
def test_a_list_of_bodies_gives_each_body_whole(organs, sep):
    text = sep.join(organs) + "."
    got = split_agencies(text)
    assert all(a in text for a in got)  # exact substrings of the printed text
    if sep == "; ":
        assert got == organs


# --- task tables --------------------------------------------------------------------------------

def _rows(row) -> list[tuple]:
    out = []
    for cell in row.get("children", []):
        value = cell.get("agencies") or cell.get("timeframe")
        out.append((cell.get("role"), cell["heading"], value))
    return out


def test_pipe_table_rows_are_tasks_with_their_columns():
    doc = _read("huyen_uy_pipe_table.md")
    section = _section(doc, "II.")
    [table] = section["children"]
    assert table["heading"] == "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"
    assert table["role"] == "tasks" and table["source"] == {"startLine": 24, "endLine": 24}
    rows = table["children"]
    assert [(r["label"], r["role"]) for r in rows] == [(str(i), "task") for i in range(1, 6)]
    assert rows[0]["text"] == "Tổ chức quán triệt Chỉ thị 31 cho cán bộ chủ chốt của huyện"
    assert rows[0]["source"] == {"startLine": 26, "endLine": 26}
    assert rows[0]["cites"] == ["khth:CT:31-CT/TW:2024-03-19:Ban_Bí_thư"]  # "Chỉ thị 31", its short name
    assert _rows(rows[1])[:2] == [
        ("leadAgencies", "Cơ quan chủ trì", ["Đảng đoàn HĐND - Ban cán sự đảng UBND huyện"]),
        ("coordinatingAgencies", "Cơ quan phối hợp", ["Phòng Kinh tế - Hạ tầng"])]
    assert _rows(rows[1])[2] == ("timeframe", "Thời gian hoàn thành",
                                 {"kind": "deadline", "deadline": "2024-06-30", "printed": "Trước ngày 30/6/2024"})
    assert _rows(rows[2])[1][2] == ["Đội Quản lý thị trường số 5", "Phòng Y tế"]
    assert _rows(rows[2])[2][2] == {"kind": "ongoing", "printed": "Thường xuyên"}
    assert _rows(rows[3])[2][2] == {"kind": "recurring", "frequency": "quarterly", "printed": "Hằng quý"}
    assert _rows(rows[4])[0][2] == ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]
    # The rule under the header is layout; the sections after the table are read as before.
    assert any("rule under a table's header" in n for n in doc["provenance"].get("notes", []))
    assert [a.get("agencies") for a in _section(doc, "III.")["children"]] == [
        ["Các chi, đảng bộ trực thuộc Huyện ủy"], ["Ban Tuyên giáo Huyện ủy"]]


def _blocks_of_lines(lines: list[str]) -> list[dict]:
    """The body reader on source lines as they stand (tabs kept), one unit per line."""
    ctx = Context(None, "text")
    paras = [Para(t, i, i, offsets=[(0, i)]) for i, t in lines if t.strip()]
    blocks, _ = build_blocks(paras, ctx)
    assign_roles(blocks, ctx)
    add_duties(blocks, ctx)
    return blocks


def test_tab_separated_table_rows_are_tasks():
    """The body reads a tab-separated table when the tabs reach it (a .docx row, or a text line
    whose tabs the line reader keeps)."""
    source = (FIXTURES / "ubnd_phuong_tab_table.txt").read_text(encoding="utf-8").split("\n")
    lines = [(i, t.strip()) for i, t in enumerate(source, start=1) if 25 <= i <= 40]
    blocks = _blocks_of_lines(lines)
    section = blocks[0]
    table = section["children"][-1]
    assert table["heading"] == "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành"
    rows = table["children"]
    assert [r["label"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert [_rows(r)[0][2] for r in rows] == [["Công chức Tư pháp - Hộ tịch"], ["Bộ phận Một cửa"],
                                               ["Công chức Văn phòng - Thống kê"], ["Công chức Văn hóa - Xã hội"],
                                               ["Công chức Văn phòng - Thống kê"]]
    assert _rows(rows[0])[1][2] == ["Văn phòng HĐND và UBND phường"]
    assert _rows(rows[2])[1][2] == ["Bộ phận Một cửa", "Công an phường"]
    assert _rows(rows[3])[1][2] == ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "các tổ dân phố"]
    assert _rows(rows[1])[2][2] == {"kind": "deadline", "deadline": "2024-03-31", "printed": "Trước ngày 31/3/2024"}
    assert blocks[1]["heading"] == "TỔ CHỨC THỰC HIỆN"  # the table ends where its rows end


def test_a_table_without_agency_or_time_columns_stays_text():
    lines = [(1, "II. KẾT QUẢ"), (2, "| Chỉ tiêu | Năm 2023 | Năm 2024 |"), (3, "|---|---|---|"),
             (4, "| Tỷ lệ hồ sơ đúng hạn | 92% | 95% |")]
    blocks = _blocks_of_lines(lines)
    assert not any(b.get("role") in ("tasks", "leadAgencies", "timeframe") for b in walk_blocks(blocks))


_AGENCY = st.sampled_from(["Sở Tư pháp", "Công an huyện", "Phòng Y tế", "Văn phòng HĐND và UBND xã",
                           "Ban Tuyên giáo Huyện ủy"])
_WHEN = st.sampled_from(["Thường xuyên", "Trước ngày 30/6/2024", "Hằng quý", "Năm 2025"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_AGENCY, st.lists(_AGENCY, max_size=2, unique=True), _WHEN), min_size=1, max_size=6),
       st.sampled_from(["|", "\t"]))
def test_every_row_keeps_its_cells(rows, sep):
    def line(cells):
        return f"| {' | '.join(cells)} |" if sep == "|" else "\t".join(cells)

    lines = [(1, "II. NHIỆM VỤ"), (2, line(["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]))]
    for i, (lead, coord, when) in enumerate(rows, start=1):
        lines.append((len(lines) + 1, line([str(i), f"Nhiệm vụ số {i}", lead, "; ".join(coord), when])))
    table = _blocks_of_lines(lines)[0]["children"][0]
    assert len(table["children"]) == len(rows)
    for row, (lead, coord, when) in zip(table["children"], rows):
        cells = {c["role"]: c for c in row["children"]}
        assert cells["leadAgencies"]["agencies"] == [lead]
        assert cells.get("coordinatingAgencies", {}).get("agencies", []) == coord
        assert cells["timeframe"]["text"] == when


def test_docx_with_a_task_table_keeps_its_header_table():
    """A .docx hands the two-column header table over cell by cell, paragraph by paragraph: the
    header is read as before. A task table's row is one unit (its cells joined by tabs): its cells
    take their roles under their row, none outside it."""
    docx = pytest.importorskip("docx")
    import io

    from khth.converters.sources import read_source

    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].add_run("HUYỆN ỦY HƯƠNG KHÊ").bold = True
    left.add_paragraph("Số 301-KH/HU")
    right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    right.add_paragraph("Hương Khê, ngày 03 tháng 6 năm 2024")
    d.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    d.add_paragraph("thực hiện Chỉ thị số 31-CT/TW ngày 19/3/2024 của Ban Bí thư")
    d.add_paragraph("Thực hiện Kế hoạch số 265-KH/TU ngày 10/5/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh, "
                    "Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:")
    d.add_paragraph("I. NHIỆM VỤ, GIẢI PHÁP").runs[0].bold = True
    table = d.add_table(rows=2, cols=5)
    for row, values in zip(table.rows, [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
                                        ["1", "Quán triệt Chỉ thị 31", "Ban Tuyên giáo Huyện ủy", "", "Tháng 7/2024"]]):
        for cell, value in zip(row.cells, values):
            cell.paragraphs[0].add_run(value)
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN").runs[0].bold = True
    d.add_paragraph("1. Ban Tuyên giáo Huyện ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.")
    buf = io.BytesIO()
    d.save(buf)
    _, doc = read_source(buf.getvalue(), "plan.docx")
    assert doc["number"]["printed"] == "301-KH/HU" and doc["issueDate"] == "2024-06-03"
    [table] = doc["body"][1]["children"]
    [row] = table["children"]
    assert [(c["role"], c["text"]) for c in row["children"]] == [
        ("leadAgencies", "Ban Tuyên giáo Huyện ủy"), ("timeframe", "Tháng 7/2024")]
    assert sum(b.get("role") in ("leadAgencies", "coordinatingAgencies", "timeframe")
               for b in walk_blocks(doc["body"])) == 2
    assert doc["body"][-1]["children"][0]["agencies"] == ["Ban Tuyên giáo Huyện ủy"]
