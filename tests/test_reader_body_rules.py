"""Rules of the body reader, on sentences and on lines given to it directly: recipients' purpose
notes, captions, names of bodies and subjects of assignments, task tables. What the plans of
tests/fixtures/reader/body/ and tables/ read is stated in their facts files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text.agencies import split_agencies, subject_of
from khth.converters.text.body import add_duties, assign_roles, build_blocks
from khth.converters.text.common import Context, Para
from khth.converters.text.recipients import recipient

from conftest import READER, walk_blocks


def _by_role(blocks, role: str) -> list[dict]:
    return [b for b in walk_blocks(blocks) if b.get("role") == role]


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


# --- captions -----------------------------------------------------------------------------------


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
    source = (READER / "tables" / "tab_task_table_ward.txt").read_text(encoding="utf-8").split("\n")
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
