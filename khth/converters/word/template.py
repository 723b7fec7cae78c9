"""Blank drafting templates in the official layout: a Party plan (Hướng dẫn 36-HD/VPTW), a State
plan and a State công văn (Nghị định 30/2020/NĐ-CP), each fact a placeholder in brackets
(:data:`khth.converters.marks.PLACEHOLDERS`). The layout is the renderer's, so a template filled in
reads back as the record the same facts render from; a line whose placeholder is left unfilled is
not read, and its fact is not found."""

from __future__ import annotations

from ..marks import PLACEHOLDERS
from .render import (HeaderText, SigningText, Style, blank_document, print_addressees, print_header,
                     print_signing, print_subject, saved, _paragraph)

TEMPLATES = ("party-plan", "state-plan", "cong-van")

DATE = "[Địa danh], ngày [ngày] tháng [tháng] năm [năm]"
BODY = ("[Căn cứ, mục đích ban hành]",
        ("I.", "[TÊN PHẦN]"), ("1.", "[Nội dung]"), ("2.", "[Nội dung]"),
        ("II.", "[TÊN PHẦN]"), ("1.", "[Nội dung]"))
LETTER_BODY = ("[Căn cứ, mục đích ban hành]", ("1.", "[Nội dung]"), ("2.", "[Nội dung]"))


def template_docx(kind: str) -> bytes:
    """The .docx of template ``kind``, one of :data:`TEMPLATES`."""
    if kind not in TEMPLATES:
        raise ValueError(f"no template {kind!r}; one of {', '.join(TEMPLATES)}")
    party = kind == "party-plan"
    document = blank_document()
    if party:
        header = HeaderText(True, "[ĐẢNG BỘ CẤP TRÊN]", "[TÊN CƠ QUAN BAN HÀNH]", "Số [Số]-KH/[Ký hiệu]", None, DATE)
    elif kind == "state-plan":
        header = HeaderText(False, "[CƠ QUAN CHỦ QUẢN]", "[TÊN CƠ QUAN BAN HÀNH]", "Số: [Số]/KH-[Ký hiệu]", None,
                            DATE)
    else:
        header = HeaderText(False, "[CƠ QUAN CHỦ QUẢN]", "[TÊN CƠ QUAN BAN HÀNH]", "Số: [Số]/[Ký hiệu]",
                            "V/v [Trích yếu]", DATE)
    print_header(document, header)
    if kind == "cong-van":
        print_addressees(document, ["- [Kính gửi];", "- [Kính gửi]."])
    else:
        print_subject(document, "KẾ HOẠCH", "[Trích yếu]")
    for part in BODY if kind != "cong-van" else LETTER_BODY:
        _body_paragraph(document, part)
    print_signing(document, SigningText(party, ("- [Nơi nhận];", "- Lưu: [Nơi nhận]."), ("[THẨM QUYỀN KÝ]",),
                                        "[CHỨC VỤ]", None, "[Họ và tên]"))
    return saved(document)


def _body_paragraph(document, part: str | tuple[str, str]) -> None:
    if isinstance(part, str):
        _paragraph(document, [(part, Style())], Style(indent=True))
        return
    label, text = part
    heading = label.endswith("I.") or label == "I."
    _paragraph(document, [(f"{label} {text}", Style(bold=heading))], Style(indent=True))


assert all(p in PLACEHOLDERS for p in ("[Số]", "[Trích yếu]", "[TÊN PHẦN]", "[Nội dung]", "[Họ và tên]"))
