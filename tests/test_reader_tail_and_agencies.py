"""Rules for the end of a document and the agencies of sentences: where an appendix after the signing
block starts, lists of local levels that share one organ, the words that end a subject, and the
partners of "X chủ trì, phối hợp với Y". The plans of tests/fixtures/reader/tail/ and agencies/ state
their facts in their facts files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text.agencies import opens_body, split_agencies, subject_of, task_agencies
from khth.converters.text.common import Context
from khth.converters.text.layout import Line
from khth.converters.text.tail import appendix_start, parse_tail, split_appendix


def _lines(texts: list[str], first: int = 1) -> list[Line]:
    return [Line(first + i, t) for i, t in enumerate(texts)]


# --- an appendix after the signing block (Nghị định 30/2020/NĐ-CP, Appendix I) ----------------


@pytest.mark.parametrize("texts", [
    # A footer with no appendix: nothing is cut.
    ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"],
    # A recipient that mentions an appendix is a recipient.
    ["Nơi nhận:", "- Các xã (kèm theo Phụ lục);", "- Lưu: VT.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn Bình"],
    # The signer's name in capitals under the post is the name, not an appendix's title.
    ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "LÊ THỊ HOA", "Nơi nhận:", "- Lưu: VT."],
    # "Phụ lục" inside a sentence, in lower case, opens nothing.
    ["Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường", "phụ lục gửi sau"],
])
def test_no_appendix_where_none_is_printed(texts):
    assert appendix_start(_lines(texts)) is None
    body, appendix = split_appendix(_lines(texts))
    assert appendix == [] and [ln.text for ln in body] == texts


@pytest.mark.parametrize("head", ["PHỤ LỤC", "Phụ lục", "PHỤ LỤC I", "Phụ lục số 02", "PHỤ LỤC 1: DANH MỤC NHIỆM VỤ",
                                  "Phụ lục II.", "PHỤ LỤC III - BIỂU TỔNG HỢP"])
def test_appendix_heads(head):
    texts = ["Nơi nhận:", "- Sở Tài chính;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
             head, "- Đơn vị chủ trì: Sở Tài chính."]
    assert appendix_start(_lines(texts)) == 6
    tail = parse_tail(_lines(texts), Context(None, "text"))
    assert [r.get("name") for r in tail.recipients] == ["Sở Tài chính", "VT"]
    assert tail.signature["name"] == "Nguyễn Văn An"


_ITEM = st.sampled_from(["Sở Tài chính", "Ban Tuyên giáo Tỉnh ủy", "UBND các xã, thị trấn", "Công an huyện",
                         "Như trên", "Lưu: VT"])
_APPENDIX_LINE = st.sampled_from(["- Đơn vị chủ trì: Sở Nội vụ.", "- Thời gian: Quý III/2024.", "1. Tập huấn cán bộ",
                                  "| 1 | Tuyên truyền | Đài Truyền thanh xã | Quý II |", "- Đơn vị phối hợp: các xã."])


@settings(max_examples=60, deadline=None)
@given(items=st.lists(_ITEM, min_size=1, max_size=6), rows=st.lists(_APPENDIX_LINE, min_size=0, max_size=8),
       numbered=st.booleans())
def test_appendix_never_adds_recipients(items, rows, numbered):
    """Whatever an appendix holds, the recipients are the items under "Nơi nhận" and the signer stays."""
    footer = ["Nơi nhận:"] + [f"- {x};" for x in items] + ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    appendix = (["PHỤ LỤC I" if numbered else "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
                 "(Kèm theo Kế hoạch số 18/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân xã)"] + rows)
    tail = parse_tail(_lines(footer + appendix), Context(None, "text"))
    assert len(tail.recipients) == len(items)
    assert tail.signature["name"] == "Nguyễn Văn An"
    assert [ln.text for ln in split_appendix(_lines(footer + appendix))[1]] == appendix


# --- agencies --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, agencies", [
    ("Các huyện, thị, thành Đoàn", ["Các huyện, thị, thành Đoàn"]),
    ("Ban Dân vận các huyện ủy, thị ủy, thành ủy", ["Ban Dân vận các huyện ủy, thị ủy, thành ủy"]),
    ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    # Must not change: a capitalised name after the list is a body of its own. "đảng ủy trực
    # thuộc" closes the list of committees "Các" governs.
    ("Các huyện ủy, thị ủy, Thành ủy Vinh", ["Các huyện ủy, thị ủy", "Thành ủy Vinh"]),
    ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
     ["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]),
    ("Sở Nội vụ, Ban Tuyên giáo Tỉnh ủy", ["Sở Nội vụ", "Ban Tuyên giáo Tỉnh ủy"]),
    ("Công an huyện, Đội Quản lý thị trường số 5", ["Công an huyện", "Đội Quản lý thị trường số 5"]),
])
def test_split_agencies(text, agencies):
    assert split_agencies(text) == agencies


@pytest.mark.parametrize("text, subject", [
    ("Đảng đoàn Hội đồng nhân dân huyện lãnh đạo việc giám sát thực hiện chính sách.",
     "Đảng đoàn Hội đồng nhân dân huyện"),
    ("Các khu phố phối hợp tuyên truyền đến Nhân dân.", "Các khu phố"),
    ("Trạm Chăn nuôi và Thú y huyện chủ trì tổ chức tiêm phòng.", "Trạm Chăn nuôi và Thú y huyện"),
    ("Yêu cầu Ủy ban nhân dân các xã thường xuyên kiểm tra.", "Ủy ban nhân dân các xã"),
    ("Giao cho Văn phòng Huyện ủy theo dõi, đôn đốc.", "Văn phòng Huyện ủy"),
    ("Đài Truyền thanh huyện mở chuyên mục tuyên truyền.", "Đài Truyền thanh huyện"),
    # Must not change: task prose that opens with a word spelt like a body's head names no body.
    ("Sơ kết 02 năm thực hiện Đề án, báo cáo Ban Thường vụ.", None),
    ("Bố trí kinh phí thực hiện Kế hoạch.", None),
    ("Phong trào thi đua được triển khai sâu rộng.", None),
    ("Đại hội Đoàn các cấp tổ chức đúng tiến độ.", None),
    ("Giao thông nông thôn được đầu tư.", None),
    # "Mô hình" is no verb "mở": the name runs on.
    ("Trung tâm Mô hình giáo dục chủ trì tổ chức.", "Trung tâm Mô hình giáo dục"),
])
def test_subject_of(text, subject):
    assert subject_of(text) == subject


def test_unmarked_text_keeps_the_folded_reading():
    """A text printed without marks has no spelling to check: "So Tai chinh" still opens a body."""
    assert opens_body("So Tai chinh chu tri")
    assert not opens_body("Sơ kết việc thực hiện")


@pytest.mark.parametrize("text, lead, partners", [
    ("Công an huyện chủ trì, phối hợp với Phòng Tư pháp huyện và Ủy ban nhân dân các xã, thị trấn thực hiện "
     "trong Quý II/2025.", ["Công an huyện"], ["Phòng Tư pháp huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Kho bạc Nhà nước Thành phố, các chủ đầu tư báo cáo tiến độ "
     "giải ngân hằng tháng.", ["Sở Kế hoạch và Đầu tư"], ["Kho bạc Nhà nước Thành phố", "các chủ đầu tư"]),
    ("Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ; thời gian hoàn thành: Quý II/2025.",
     ["Sở Thông tin và Truyền thông"], ["Sở Nội vụ"]),
    ("Trạm Chăn nuôi và Thú y huyện chủ trì, phối hợp với Công an huyện, Đội Quản lý thị trường số 5 kiểm tra, "
     "kiểm soát việc vận chuyển.", ["Trạm Chăn nuôi và Thú y huyện"], ["Công an huyện", "Đội Quản lý thị trường số 5"]),
    ("Ban Tuyên giáo Hội LHPN tỉnh phối hợp với Báo Thanh Hóa tuyên truyền kết quả thực hiện.",
     ["Ban Tuyên giáo Hội LHPN tỉnh"], ["Báo Thanh Hóa"]),
    ("UBND các xã, thị trấn chủ trì, tổ chức phun hóa chất tại các chợ.", ["UBND các xã, thị trấn"], []),
    ("Tổ chức tiêm phòng vắc xin đợt I năm 2024.", [], []),
])
def test_task_agencies(text, lead, partners):
    assert task_agencies(text) == (lead, partners)


_LEVEL = st.sampled_from(["huyện", "thị", "thị xã", "thành phố", "thành", "quận", "xã", "phường"])
_ORGAN = st.sampled_from(["", " ủy", " Đoàn", " Hội"])


@settings(max_examples=80, deadline=None)
@given(levels=st.lists(_LEVEL, min_size=2, max_size=5), organ=_ORGAN, head=st.sampled_from(["Các ", "Ban Dân vận các "]))
def test_level_lists_are_one_agency(levels, organ, head):
    """A list of levels after "các", the organ printed once or after each, is one agency, printed as is."""
    text = head + ", ".join(levels) + organ
    assert split_agencies(text) == [text]


@settings(max_examples=80, deadline=None)
@given(text=st.lists(st.sampled_from(["Sở", "Sơ", "Bộ", "Vụ", "Trạm", "Phòng", "các", "Các", "huyện", "thị",
                                        "thành", "ủy", "Đoàn", "và", "phối hợp với", "chủ trì", "mở", ",", ";",
                                        ".", "kết", "Nội vụ"]), max_size=14).map(" ".join))
def test_agencies_are_substrings(text):
    for a in split_agencies(text):
        assert a in text
    lead, partners = task_agencies(text)
    assert all(a in text for a in lead + partners)
