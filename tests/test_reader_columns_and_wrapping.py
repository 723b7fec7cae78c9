"""Columns and wrapped lines, beyond what one fixture's facts state: the two columns of a Word
"Plain Text" export separated by tabs, a header laid out as a Markdown pipe table, the Front's Ban
Thường trực under its Ủy ban, and a labelled heading over a paragraph that opens with a verb.

Fixtures: tests/fixtures/reader/layout/word_export_tab_columns.txt, markdown/pipe_table_header.md and
markdown/plain_header.md, header/front_standing_committee_under_its_committee.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.header import parse_header, system_of
from khth.converters.text.layout import Joiner, is_tab_row, prepare_lines

from conftest import READER

WORD = READER / "layout" / "word_export_tab_columns.txt"
PIPE = READER / "markdown" / "pipe_table_header.md"
PLAIN = READER / "markdown" / "plain_header.md"
MTTQ = READER / "header" / "front_standing_committee_under_its_committee.txt"


def _read(path: Path, text: str | None = None) -> dict:
    return text_to_record(path.read_text(encoding="utf-8") if text is None else text, path.name)


def _texts(raw: list[str], markdown: bool = False) -> list[tuple[int, str]]:
    return [(ln.num, ln.text) for ln in prepare_lines(raw, markdown, [])]


def _paragraphs(raw: list[str]) -> list[str]:
    lines = prepare_lines(raw, False, [])
    return [p.text for p in Joiner(lines).paragraphs(lines)]


def _header_facts(doc: dict) -> dict:
    return {"issuer": doc.get("issuer"), "number": doc.get("number"), "issueDate": doc.get("issueDate"),
            "place": doc.get("place"), "title": doc.get("title"), "documentType": doc.get("documentType"),
            "parent": {k: v for k, v in (doc.get("parent") or {}).items() if k != "source"}}


# --- 1. the two columns of a Word text export, separated by tabs -----------------------------------


def test_word_export_reads_as_with_line_breaks_at_its_tabs():
    """A clerk who replaces each one-tab separator by a line break gets the same facts."""
    text = WORD.read_text(encoding="utf-8")
    broken = "\n".join(ln.replace("\t", "\n") if ln.count("\t") == 1 else ln for ln in text.split("\n"))
    tabbed, lines = _read(WORD), _read(WORD, broken)
    for key in ("number", "issueDate", "place", "title", "issuer", "signature", "recipients"):
        assert tabbed.get(key) == lines.get(key), key


@pytest.mark.parametrize("line,pieces", [
    ("Số: 18/KH-UBND\tLong Xuyên, ngày 09 tháng 02 năm 2026",
     ["Số: 18/KH-UBND", "Long Xuyên, ngày 09 tháng 02 năm 2026"]),
    ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]),
    ("- UBND tỉnh (b/c);\t\tKT. CHỦ TỊCH", ["- UBND tỉnh (b/c);", "KT. CHỦ TỊCH"]),  # a tab run
    ("- Công an tỉnh (b/c);\tPHÓ CHỦ TỊCH", ["- Công an tỉnh (b/c);", "PHÓ CHỦ TỊCH"]),
    ("- Lưu: VT, CAP.\tLê Thị Mỹ Dung", ["- Lưu: VT, CAP.", "Lê Thị Mỹ Dung"]),
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    # Lines that must stay one line: a list label and its text, a body sentence, a name beside an
    # item that is not the archive, capitals that name no post.
    ("1.\tMục đích", ["1. Mục đích"]),
    ("I.\tMỤC ĐÍCH, YÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU"]),
    ("-\tTuyên truyền rộng rãi", ["- Tuyên truyền rộng rãi"]),
    ("Điều 1.\tPHÓ CHỦ TỊCH", ["Điều 1. PHÓ CHỦ TỊCH"]),
    ("Tuyên truyền trên Cổng thông tin\tSở Tư pháp", ["Tuyên truyền trên Cổng thông tin Sở Tư pháp"]),
    ("- Sở Y tế;\tNguyễn Văn An", ["- Sở Y tế; Nguyễn Văn An"]),
    ("ỦY BAN NHÂN DÂN\tTỈNH AN GIANG", ["ỦY BAN NHÂN DÂN TỈNH AN GIANG"]),
])
def test_which_tab_lines_are_two_columns(line, pieces):
    assert [t for _, t in _texts([line])] == pieces
    assert not is_tab_row(line)


_LEFT = st.sampled_from(["ỦY BAN NHÂN DÂN", "PHƯỜNG LONG XUYÊN", "Số: 18/KH-UBND", "Số 62-KH/ĐUK", "Nơi nhận:",
                         "- UBND tỉnh (b/c);", "- Như mục IV;", "- Lưu: VT, CAP.", "V/v triển khai Đề án 06"])
_RIGHT = st.sampled_from(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "ĐẢNG CỘNG SẢN VIỆT NAM", "Long Xuyên, ngày 09 tháng 02 năm 2026", "TM. ỦY BAN NHÂN DÂN",
                          "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "PHÓ BÍ THƯ"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_LEFT, _RIGHT, st.integers(1, 3)), min_size=1, max_size=6))
def test_tab_columns_read_as_the_same_lines_broken(rows):
    """A header or footer row of cells "left<TAB…>right" gives the lines "left", "right", one after
    the other, in the order the two cells print."""
    tabbed = [left + "\t" * tabs + right for left, right, tabs in rows]
    assert [t for _, t in _texts(tabbed)] == [p for left, right, _ in rows for p in (left, right)]


# --- 2. a header laid out as a Markdown pipe table ---------------------------------------------------

def test_pipe_table_header_reads_as_the_plain_header():
    """The header laid out as a pipe table and the same header printed line by line give one reading."""
    assert _header_facts(_read(PIPE)) == _header_facts(_read(PLAIN))


def test_pipe_table_header_cells_are_lines_row_by_row():
    raw = PIPE.read_text(encoding="utf-8").split("\n")[:6]
    assert _texts(raw, markdown=True) == [
        (1, "THÀNH ỦY CẦN THƠ"), (1, "ĐẢNG CỘNG SẢN VIỆT NAM"),  # the Party asterisk of row 3 is a mark
        (4, "Số 287-KH/TU"), (4, "Cần Thơ, ngày 17 tháng 02 năm 2025"), (6, "KẾ HOẠCH")]


@pytest.mark.parametrize("rows", [
    ["| Chỉ tiêu | Năm 2025 |", "|---|---|", "| Tăng trưởng GRDP | 10% |"],  # two columns, no header content
    ["| TT | Nội dung | Cơ quan chủ trì |", "|---|---|---|", "| 1 | Số hóa hồ sơ | Công an phường |"],
])
def test_other_pipe_tables_keep_their_rows(rows):
    assert [t for _, t in _texts(rows, markdown=True)] == rows


# --- 3. a wrapped subject line in a document written one paragraph a line --------------------------


# --- 4. the Front's Ban Thường trực ------------------------------------------------------------------

def test_ban_thuong_truc_under_the_front_committee():
    lines = prepare_lines(MTTQ.read_text(encoding="utf-8").split("\n"), False, [])
    h = parse_header(lines)
    assert h.superior == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BẮC NINH"  # as printed, above the issuer
    assert h.issuer == "BAN THƯỜNG TRỰC"
    assert h.number == "24/KH-MTTQ-BTT"
    assert system_of(h.issuer, h.motto, h.superior) == "front"


@pytest.mark.parametrize("name,motto,superior,system", [
    ("BAN THƯỜNG TRỰC", "state", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BẮC NINH", "front"),
    ("BAN THƯỜNG TRỰC", "state", "ỦY BAN MTTQ VIỆT NAM HUYỆN ĐỨC TRỌNG", "front"),
    ("VĂN PHÒNG", "party", "TỈNH ỦY QUẢNG NGÃI", "party"),
    ("VĂN PHÒNG", "state", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "state"),
    ("BAN TUYÊN GIÁO", "party", "TỈNH ỦY QUẢNG TRỊ", "party"),
    ("BAN THƯỜNG VỤ", "front", "TỈNH ĐOÀN BÌNH DƯƠNG", "front"),
    # A name that names its own organisation keeps it, whatever is printed above.
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "state", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "state"),
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "party", "ĐẢNG BỘ TỈNH GIA LAI", "party"),
    # No superior: as before.
    ("BAN THƯỜNG TRỰC", "state", None, "state"),
    ("BAN TUYÊN GIÁO", "party", None, "party"),
])
def test_system_of_an_organ_is_its_superiors(name, motto, superior, system):
    assert system_of(name, motto, superior) == system


# --- 5. a labelled heading over a paragraph that opens with a verb ----------------------------------

_WRAPPED = ("Là cơ quan thường trực, tham mưu Ủy ban nhân dân phường theo dõi, đôn đốc việc thực hiện Kế hoạch"
            " và tổng hợp kết quả.")


def _body(*lines: str) -> list[str]:
    # Enough full lines around the case that the joiner learns the printed width (about 72).
    filler = ["- Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân phường và Công an",
              "tỉnh định kỳ hằng tháng hoặc đột xuất khi có yêu cầu của cấp có thẩm quyền.",
              "- Phân công rõ trách nhiệm, thời hạn hoàn thành; gắn trách nhiệm người",
              "đứng đầu với kết quả thực hiện nhiệm vụ được giao trong Kế hoạch này."]
    return _paragraphs(filler + list(lines))[2:]


def test_heading_over_a_paragraph_opening_with_a_verb():
    assert _body("4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường",
                 "Phối hợp tuyên truyền, vận động Nhân dân tham gia thực hiện Đề án 06.") == [
        "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        "Phối hợp tuyên truyền, vận động Nhân dân tham gia thực hiện Đề án 06."]
    assert _body("3. Các phòng chuyên môn, đơn vị sự nghiệp thuộc UBND phường",
                 "Căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện.") == [
        "3. Các phòng chuyên môn, đơn vị sự nghiệp thuộc UBND phường",
        "Căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện."]


@pytest.mark.parametrize("first,second", [
    # A body's name wrapped: its next line opens with a capital, not a verb.
    ("7. Phòng Văn hóa và Thông tin, Đài Truyền thanh – Truyền hình, Trung tâm", "Văn hóa, Thể thao và Du lịch"),
    # Name words that are verbs elsewhere: "Sở Xây dựng", "Ủy ban Kiểm tra".
    ("2. Văn phòng Ủy ban nhân dân phường, Phòng Kinh tế, Sở", "Xây dựng phối hợp thực hiện."),
    ("1. Đảng ủy phường chỉ đạo các chi bộ trực thuộc và Ủy ban", "Kiểm tra Đảng ủy phường giám sát việc thực hiện."),
    # A heading in capitals goes on in capitals.
    ("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ TRIỂN KHAI", "THỰC HIỆN ĐỀ ÁN 06 NĂM 2026"),
])
def test_wrapped_labelled_lines_still_join(first, second):
    assert _body(first, second) == [first + " " + second]
