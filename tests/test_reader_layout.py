"""Layout rules beyond what one fixture's facts state: where a document starts (the motto phrase
put anywhere in a body), Markdown escapes, page numbers beside page breaks, two columns printed side by
side (pdftotext -layout), footers whose columns alternate line by line, paragraphs told by their
indentation, "a-" items.

Fixtures: tests/fixtures/reader/layout/, varied in place here."""

from __future__ import annotations

import re
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import text_to_record
from khth.converters.text.layout import Joiner, Line, prepare_lines
from khth.converters.text.segment import split_documents

from conftest import READER, SOURCES, read_case, walk_blocks

FIXTURES = READER / "layout"
MOTTO_IN_ITEM = "motto_phrase_in_an_item.txt"
MOTTO_IN_CLOSING = "motto_phrase_in_closing_sentence.txt"
FOOTER = "footer_columns_interleaved.txt"


def read(name: str) -> dict:
    return read_case("layout", name)


def blocks(doc: dict) -> list[dict]:
    return list(walk_blocks(doc.get("body")))


def texts(doc: dict) -> list[str]:
    return [" ".join(filter(None, [b.get("heading"), b.get("text")])) for b in blocks(doc)]


def recipient_texts(doc: dict) -> list[str]:
    return [r["text"] for r in doc.get("recipients", [])]


# --- #5 a document starts only where its header stands ----------------------------------------


@pytest.mark.parametrize("phrase", ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đảng Cộng sản Việt Nam", "đảng cộng sản việt nam",
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_a_caps_heading_with_the_motto_in_the_body_is_no_header(phrase):
    # A heading that holds the motto stands alone on its line, but no document has ended before it.
    text = (FIXTURES / MOTTO_IN_ITEM).read_text(encoding="utf-8")
    text = text.replace("II. NHIỆM VỤ TRỌNG TÂM", f"II. NHIỆM VỤ TRỌNG TÂM\n\n{phrase}\n")
    doc = text_to_record(text, "heading.txt")
    assert "documents" not in doc
    assert doc["signature"]["name"] == "Lê Hoàng Phúc"


def test_a_dispatch_carrying_a_plan_is_still_a_bundle_of_two():
    path = SOURCES / "001_11dcdf82ff36e281.txt"
    bundle = text_to_record(path.read_text(encoding="utf-8"), path.name)
    dispatch, plan = bundle["documents"]
    assert dispatch["signature"]["name"] == "Nguyễn Trung Kiên"
    assert plan["number"]["printed"] == "145-KH/HU"
    assert plan["issuer"]["name"] == "HUYỆN ỦY ĐỊNH HÓA"
    assert plan["provenance"]["source"]["startLine"] == 48  # the superior body over the issuer


def test_a_second_document_after_a_signature_starts_where_its_header_stands():
    first = (FIXTURES / MOTTO_IN_ITEM).read_text(encoding="utf-8")
    second = (FIXTURES / MOTTO_IN_CLOSING).read_text(encoding="utf-8")
    bundle = text_to_record(first + "\n\n" + second, "two.txt")
    a, b = bundle["documents"]
    assert a["number"]["printed"] == "86/KH-UBND" and b["number"]["printed"] == "27/KH-VHTT"
    assert b["issuer"]["superiorBody"] == "UBND HUYỆN CẨM XUYÊN"
    assert a["signature"]["name"] == "Lê Hoàng Phúc" and b["signature"]["name"] == "Trần Văn Bình"


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_the_motto_phrase_anywhere_in_a_body_sentence_keeps_one_document(data):
    text = (FIXTURES / MOTTO_IN_ITEM).read_text(encoding="utf-8")
    lines = text.split("\n")
    body = [i for i, ln in enumerate(lines) if 12 <= i < 40 and len(ln) > 20]
    at = data.draw(st.sampled_from(body))
    phrase = data.draw(st.sampled_from(["Đảng Cộng sản Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM",
                                        "Cộng hòa xã hội chủ nghĩa Việt Nam", "đảng cộng sản việt nam"]))
    where = data.draw(st.sampled_from(["start", "middle", "end"]))
    ln = lines[at]
    if where == "start":
        ln = f"{phrase} {ln}"
    elif where == "end":
        ln = f"{ln} {phrase}."
    else:
        cut = len(ln) // 2
        ln = f"{ln[:cut]} {phrase} {ln[cut:]}"
    lines[at] = ln
    doc = text_to_record("\n".join(lines), "motto.txt")
    assert "documents" not in doc
    assert doc["number"]["printed"] == "86/KH-UBND"


# --- #6 pandoc Markdown escapes ---------------------------------------------------------------


def test_escapes_without_any_emphasis_are_unescaped():
    # A pandoc export with no bold or italic: the escaped labels say it is Markdown.
    lines = prepare_lines(["1\\. Nội dung thứ nhất;", "\\- Ý thứ hai \\[ghi chú\\]", "\\*"], False, [])
    assert [ln.text for ln in lines] == ["1. Nội dung thứ nhất;", "- Ý thứ hai [ghi chú]"]


def test_backslashes_in_plain_text_stay():
    lines = prepare_lines(["Thư mục C:\\Tai lieu\\ke-hoach", "Tỷ lệ 5\\%"], False, [])
    assert [ln.text for ln in lines] == ["Thư mục C:\\Tai lieu\\ke-hoach", "Tỷ lệ 5\\%"]


_PUNCT = ".-[]()#+!:;,/"
# "# 0" is a Markdown heading and "\# 0" the text "# 0": escaping the mark of a heading changes
# what the line says, so such a line is no example of an escape undone.
_HEADING_MARK = re.compile(r"\s*#{1,6}[ \t]")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aăâbcdđêôơưxyzAĐÊ0123456789 " + _PUNCT, min_size=1, max_size=60)
       .filter(lambda t: not _HEADING_MARK.match(t)))
def test_markdown_escaping_is_undone(text):
    escaped = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)
    assert [ln.text for ln in prepare_lines([escaped], True, [])] == \
        [ln.text for ln in prepare_lines([text], True, [])]


# --- #13 page numbers beside a page break -----------------------------------------------------

PAGE_BREAKS = {
    "number after the break": "\f2",
    "number before the break": "2\f",
    "number over a break line": "2\n\f",
    "break then number": "\f\n2",
    "dashes": "- 2 -",
    "dashes after the break": "\f- 2 -",
}


@pytest.mark.parametrize("mark", PAGE_BREAKS.values(), ids=list(PAGE_BREAKS))
def test_page_numbers_beside_a_page_break_are_dropped(mark):
    text = ("I. NHIỆM VỤ\n1. Tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân.\n"
            f"{mark}\n2. Kiểm tra, giám sát việc thực hiện.")
    notes: list[str] = []
    lines = prepare_lines(text.split("\n"), False, notes)
    assert [ln.text for ln in lines] == ["I. NHIỆM VỤ", "1. Tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân.",
                                         "2. Kiểm tra, giám sát việc thực hiện."]
    assert any("page number" in n for n in notes)


def test_a_number_in_the_text_without_a_page_break_stays():
    lines = prepare_lines(["Số lượng đảng viên mới kết nạp:", "12", "- 3 đồng chí là đoàn viên;"], False, [])
    assert [ln.text for ln in lines] == ["Số lượng đảng viên mới kết nạp:", "12", "- 3 đồng chí là đoàn viên;"]


# --- #7, #17 pdftotext -layout ----------------------------------------------------------------


def test_two_columns_on_one_line_are_read_left_then_right():
    notes: list[str] = []
    lines = prepare_lines(["  ĐẢNG BỘ TỈNH NGHỆ AN                              ĐẢNG CỘNG SẢN VIỆT NAM",
                           "     THÀNH ỦY VINH",
                           "           *                                    Vinh, ngày 25 tháng 4 năm 2024"],
                          False, notes)
    assert [(ln.num, ln.text) for ln in lines] == [(1, "ĐẢNG BỘ TỈNH NGHỆ AN"), (1, "ĐẢNG CỘNG SẢN VIỆT NAM"),
                                                   (2, "THÀNH ỦY VINH"), (3, "Vinh, ngày 25 tháng 4 năm 2024")]
    assert any("two columns" in n for n in notes)


def test_a_body_line_with_a_wide_gap_is_not_split():
    # Spaces inside a sentence, or a table row of several cells, are no header columns.
    row = "1      Rà soát văn bản      Công chức Tư pháp      Quý II/2024"
    sentence = "      Các cơ quan báo cáo kết quả          về Ủy ban nhân dân xã trước ngày 18 hằng tháng."
    assert [ln.text for ln in prepare_lines([row, sentence], False, [])] == [
        row, sentence.strip()]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 8), st.integers(5, 40),
       st.sampled_from(["ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND", "Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT."]),
       st.sampled_from(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Tĩnh, ngày 3 tháng 5 năm 2024", "KT. CHỦ TỊCH",
                        "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]))
def test_splitting_columns_keeps_every_word_in_order(indent, gap, left, right):
    raw = " " * indent + left
    raw += " " * max(gap, 30 - len(raw)) + right
    lines = prepare_lines([raw], False, [])
    assert " ".join(ln.text for ln in lines).split() == raw.split()
    assert all(ln.num == 1 for ln in lines)


# --- #16 footer columns alternating line by line ----------------------------------------------


def test_interleaved_and_plain_footers_read_alike():
    interleaved = read(FOOTER)
    text = (FIXTURES / FOOTER).read_text(encoding="utf-8").split("\n")
    footer = [ln for ln in text[51:] if ln.strip()]
    left = [ln for ln in footer if not ln.startswith(("KT.", "PHÓ"))]  # "Nơi nhận" and its items, the name
    right = [ln for ln in footer if ln.startswith(("KT.", "PHÓ"))]
    assert left[-1] == "Nguyễn Thị Hạnh Nhân"
    plain = text_to_record("\n".join(text[:51] + left[:-1] + right + left[-1:]), "plain.txt")
    assert plain["signature"] == interleaved["signature"]
    assert plain["recipients"] == interleaved["recipients"]


def test_a_wrapped_recipient_stays_one_item_beside_the_signing_block():
    text = (FIXTURES / FOOTER).read_text(encoding="utf-8")
    text = text.replace("- Phòng GDĐT các huyện, thị xã, thành phố;", "- Phòng GDĐT các huyện,\nthị xã, thành phố;")
    doc = text_to_record(text, "wrapped.txt")
    assert "Phòng GDĐT các huyện, thị xã, thành phố;" in recipient_texts(doc)
    assert doc["signature"]["name"] == "Nguyễn Thị Hạnh Nhân"


# --- #11 "a-" items ---------------------------------------------------------------------------

def _paragraphs(raw: list[str]) -> list[str]:
    lines = prepare_lines(raw, False, [])
    return [p.text for p in Joiner(lines).paragraphs(lines)]


def test_letter_and_digit_hyphen_items_are_not_joined_to_the_line_above():
    raw = ["2- Tạo nguồn phát triển đảng viên trong các chi bộ trực thuộc gồm những việc cụ thể sau",
           "a- Rà soát, lập danh sách quần chúng ưu tú ở các thôn, xóm và đoàn viên thanh niên",
           "b- Phân công đảng viên chính thức giúp đỡ quần chúng phấn đấu vào Đảng, báo cáo kết",
           "quả hằng quý về Đảng ủy xã.",
           "3- Kiểm tra, giám sát"]
    assert _paragraphs(raw) == [
        raw[0],
        raw[1],
        raw[2] + " " + raw[3],
        raw[4],
    ]


def test_a_hyphen_inside_a_wrapped_sentence_still_joins():
    raw = ["Tổ chức các hoạt động văn hóa, văn nghệ, thể dục, thể thao chào mừng kỷ niệm ngày thành lập, phát triển kinh tế",
           "- xã hội của địa phương trong năm 2024 và các năm tiếp theo."]
    assert _paragraphs(raw) == [raw[0] + " " + raw[1]]


# --- indentation ------------------------------------------------------------------------------

def test_indentation_is_used_only_where_the_text_is_laid_out_that_way():
    # One indented line among lines at the margin (a seed's stray space) says nothing.
    lines = [Line(i + 1, t, indent=ind) for i, (ind, t) in enumerate(
        [(0, "I. MỤC ĐÍCH"), (1, "1. Mục đích"), (0, "Nâng cao nhận thức."), (0, "2. Yêu cầu"), (0, "Bám sát.")])]
    assert Joiner(lines).para_indent == 0


def test_split_documents_keeps_lines_in_order():
    text = (SOURCES / "001_11dcdf82ff36e281.txt").read_text(encoding="utf-8")
    lines = prepare_lines(text.split("\n"), True, [])
    parts = split_documents(lines)
    assert len(parts) == 2
    assert [ln for part in parts for ln in part] == lines


def test_layout_wrapped_lines_join_and_a_short_line_ends_its_paragraph():
    raw = ["      Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt",
           "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ",
           "chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030;",
           "      Thực hiện Kế hoạch số 321/KH-UBND ngày 22/9/2025 của Ủy ban nhân dân tỉnh Đắk",
           "Lắk về chuyển đổi số năm 2025.",
           "Kinh phí thực hiện từ nguồn ngân sách xã.",
           "      - Cơ quan chủ trì: Công an xã."]
    assert _paragraphs(raw) == [
        " ".join(t.strip() for t in raw[0:3]),
        " ".join(t.strip() for t in raw[3:5]),
        raw[5],
        raw[6].strip(),
    ]
