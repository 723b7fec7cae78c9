"""What a rendering or a drafting template prints that is not a fact of the document, and that
the reader therefore never reads as one.

- An inferred fact (``provenance.inferred``) that a text rendering shows stands on a line of its own
  opening with :data:`INFERRED` ("[suy ra] ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"): the source never printed it.
- A drafting template's placeholders (:data:`PLACEHOLDERS`, "[Số]", "[Trích yếu]"): a line still holding
  one was not filled in, and the fact it stands for is not found.
"""

from __future__ import annotations

import re

INFERRED = "[suy ra]"

# Placeholder → what it stands for; the templates print these and nothing else in brackets.
PLACEHOLDERS: dict[str, str] = {
    "[ĐẢNG BỘ CẤP TRÊN]": "the Party organisation above the issuer",
    "[CƠ QUAN CHỦ QUẢN]": "the body above the issuer",
    "[TÊN CƠ QUAN BAN HÀNH]": "the issuer's name",
    "[Số]": "the serial",
    "[Ký hiệu]": "the issuer's code in the number",
    "[Địa danh]": "the place",
    "[ngày]": "the day",
    "[tháng]": "the month",
    "[năm]": "the year",
    "[Trích yếu]": "the subject line",
    "[Kính gửi]": "an addressee",
    "[Căn cứ, mục đích ban hành]": "the opening paragraph",
    "[TÊN PHẦN]": "a part's heading",
    "[Nội dung]": "a paragraph",
    "[THẨM QUYỀN KÝ]": "the authority line (TM., KT., T/M …)",
    "[CHỨC VỤ]": "the signer's position",
    "[Họ và tên]": "the signer's name",
    "[Nơi nhận]": "a recipient",
}
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in sorted(PLACEHOLDERS, key=len, reverse=True)))


def is_not_printed(text: str) -> bool:
    """Whether a trimmed line holds no fact: an inferred fact's line, or a template's unfilled line."""
    return "[" in text and (text.startswith(INFERRED) or _PLACEHOLDER.search(text) is not None)
