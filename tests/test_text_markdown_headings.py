"""Markdown headings written with "#" (pandoc's export of Word heading styles): the marks are
layout, the labelled section under them is read as any other."""

from __future__ import annotations

import pytest

from khth.converters.text import text_to_record
from khth.converters.text.render import render

from conftest import facts, read_case

NAME = "atx_headings.md"


def test_the_rendering_reads_back_the_same(validator):
    record = read_case("markdown", NAME)
    assert facts(text_to_record(render(record), NAME)) == facts(record)
    assert not [f for f in validator.check_data(dict(record, khthVersion="1.0")) if f.severity != "info"
                and f.code.startswith("document.label")]


@pytest.mark.parametrize("line,kept", [
    ("## I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("### 1. Tuyên truyền ###", "1. Tuyên truyền"),
    ("#hashtag không phải đề mục", "#hashtag không phải đề mục"),  # no space: no heading
    ("####### bảy dấu", "####### bảy dấu"),  # more than six: no heading
])
def test_which_lines_are_headings(line, kept):
    from khth.converters.text.layout import prepare_lines

    (only,) = prepare_lines([line], True, [])
    assert only.text == kept
