"""plan-convert decides by content whether a file opening with "<" or "[" is a record or text:
pandoc's gfm (a raw HTML <table> first), a saved web page and bracketed text reach the text reader,
while a KHTH XML record that is malformed is still reported as malformed XML."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from khth.converters.sources import html_as_text, read_source
from khth.input.errors import KhthInputError
from khth.input.loading import detect_format

# Invented content, laid out as pandoc writes a .docx header table to gfm.
GFM = """<table>
<colgroup>
<col style="width: 50%" />
<col style="width: 50%" />
</colgroup>
<thead>
<tr class="header">
<th><p>TỈNH ỦY BÌNH ĐỊNH</p>
<p><strong>HUYỆN ỦY PHÙ CÁT</strong></p>
<p>*</p>
<p>Số 58-KH/HU</p></th>
<th><p><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong></p>
<p>Phù Cát, ngày 14 tháng 3 năm 2024</p></th>
</tr>
</thead>
<tbody>
</tbody>
</table>

**KẾ HOẠCH**

thực hiện Kết luận số 70-KL/TW ngày 31/01/2024 của Bộ Chính trị

Thực hiện Kế hoạch số 201-KH/TU ngày 20/02/2024 của Ban Thường vụ Tỉnh
ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

1\\. Quán triệt nội dung Kết luận đến cán bộ, đảng viên.

**II. TỔ CHỨC THỰC HIỆN**

1\\. Văn phòng Huyện ủy theo dõi, tổng hợp kết quả thực hiện.
"""

PAGE = """<!DOCTYPE html>
<html><head><title>Văn bản</title></head><body>
<div><p>UBND TỈNH PHÚ YÊN</p><p>SỞ Y TẾ</p><p>Số: 112/KH-SYT</p></div>
<div><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>
<p>Phú Yên, ngày 08 tháng 5 năm 2024</p></div>
<p><b>KẾ HOẠCH</b></p>
<p>Triển khai công tác phòng, chống dịch bệnh năm 2024</p>
<p>Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2024 của UBND tỉnh Phú Yên;</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>1. Chủ động phòng, chống dịch bệnh trên địa bàn tỉnh.</p>
<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p>1. Các phòng chức năng triển khai Kế hoạch này.</p>
</body></html>
"""


def test_gfm_with_a_header_table_is_read_as_text():
    _, record = read_source(GFM.encode(), "plan.md")
    assert record["number"]["printed"] == "58-KH/HU"
    assert record["issueDate"] == "2024-03-14"
    assert record["place"] == "Phù Cát"
    assert record["issuer"]["name"] == "HUYỆN ỦY PHÙ CÁT"
    assert record["title"] == "thực hiện Kết luận số 70-KL/TW ngày 31/01/2024 của Bộ Chính trị"


def test_a_web_page_is_read_as_text():
    _, record = read_source(PAGE.encode(), "page.html")
    assert record["number"]["printed"] == "112/KH-SYT"
    assert record["issueDate"] == "2024-05-08"
    assert record["issuer"]["name"] == "SỞ Y TẾ"


def test_html_table_cells_become_lines_and_a_wide_row_one_tab_separated_line():
    text = html_as_text("<table><tr><td><p>A</p><p>B</p></td><td>C</td></tr>"
                        "<tr><td>1</td><td>Việc</td><td>Sở</td></tr></table>\nrest\n")
    assert text == "A\nB\n\nC\n\n1\tViệc\tSở\n\nrest\n"


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:khth:xml:1"><title>Ke hoach</document>',
    b'<k:document xmlns:k="urn:khth:xml:1"><k:title>x</k:title>',
    b"<bundle><document>",
])
def test_a_malformed_khth_record_is_still_malformed_xml(data):
    with pytest.raises(KhthInputError) as exc:
        read_source(data, "plan.xml")
    assert exc.value.code == "input.xml-syntax"


@pytest.mark.parametrize("data, expected", [
    (b"<table><tr><td>x</td></tr></table>", None),
    (b"<html><body><p>x</p>", None),
    (b"<p>x</p><p>y", None),
    (b"<3 l\xc3\xa0 \xc4\x91i\xe1\xbb\x81u", None),
    (b"<note>x</unclosed>", None),
    (b'<table xmlns="urn:khth:xml:1"><tr>', "xml"),
    (b"<other>x</other>", "xml"),
    (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "b">]><document/>', "xml"),
    (b"<!DOCTYPE html>\n<html><body>x", None),
    (b"[1, 2]", "json"),
    ("[Dự thảo] KẾ HOẠCH".encode(), None),
    (b'{"a": ', "json"),
])
def test_detect_format_by_content(data, expected):
    assert detect_format(data, by_content=True) == expected


def test_detect_format_by_default_still_goes_by_the_first_byte():
    # plan-validate and the API read records only: anything opening with "<" or "[" is one, to be
    # reported as malformed when it is not.
    assert detect_format(b"<table><tr>") == "xml"
    assert detect_format("[Dự thảo]".encode()) == "json"


@given(st.text(min_size=1).filter(lambda t: not t.lstrip().startswith(("[", "{", "<", "\ufeff"))))
def test_bracketed_text_is_never_json(tail):
    data = ("[" + tail).encode()
    try:
        import orjson

        orjson.loads(data)
    except orjson.JSONDecodeError:
        assert detect_format(data, by_content=True) is None
    else:
        assert detect_format(data, by_content=True) == "json"
