"""Vocabulary for reading an OCR layer that lost its diacritics.

The phrases are the standing vocabulary of Party and State administration (organs, posts,
document types, the words of headers, citations, agency lines and distribution lists, and the
stock verbs and nouns of plans' subjects: "tăng cường", "đáp ứng yêu cầu", "phát triển"), as
Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW use them, plus common personal-name syllables.
Place names come from the administrative code lists (:mod:`khth.schema.units`) and general words from
the Vietnamese word list shipped with the reader (``data/vi-words.txt``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

ADMIN_PHRASES = """
Ban Thường vụ|Ban Chấp hành|Ban Bí thư|Bộ Chính trị|Ban Tuyên giáo|Ban Dân vận|Ban Tổ chức|Ban Nội chính
Ban Kinh tế|Ban Dân tộc|Ủy ban Kiểm tra|Văn phòng|Thường trực|Trung ương|Chính phủ|Thủ tướng Chính phủ|Quốc hội
Tỉnh ủy|Huyện ủy|Thị ủy|Thành ủy|Quận ủy|Đảng ủy|Đảng bộ|Chi bộ|Tỉnh đoàn|Huyện đoàn|Thị đoàn|Thành đoàn
Hội đồng nhân dân|Ủy ban nhân dân|Ủy ban Mặt trận Tổ quốc Việt Nam|Ủy ban Mặt trận Tổ quốc|Mặt trận Tổ quốc Việt Nam
Mặt trận Tổ quốc|các tổ chức chính trị - xã hội|tổ chức chính trị - xã hội|cơ quan chuyên trách tham mưu, giúp việc
cơ quan tham mưu, giúp việc|tham mưu, giúp việc|chuyên trách|Viện kiểm sát nhân dân|Viện Kiểm sát nhân dân
Tòa án nhân dân|Công an|Ban|Sở|Phòng|Bộ|Cục|Trung tâm|Đài|Báo|Hội|Liên đoàn Lao động|Đoàn Thanh niên
tỉnh|huyện|xã|thị trấn|phường|thành phố|thị xã|quận|các xã, thị trấn|các xã|các phường|trực thuộc|các chi, đảng bộ
chi, đảng bộ|các đảng ủy|đảng ủy|các cơ quan|các tổ chức|các phòng, ban, ngành|phòng, ban, ngành|các ban, ngành
các đồng chí|đồng chí|Huyện ủy viên|Tỉnh ủy viên|Thị ủy viên|Thành ủy viên|cơ quan|đơn vị|liên quan|và|các|của
báo cáo|Lưu|Văn phòng Huyện ủy|Văn phòng Tỉnh ủy|Văn phòng Thị ủy|Văn phòng Thành ủy|HĐND|UBND|MTTQ|CT-XH|TT
BÍ THƯ|PHÓ BÍ THƯ|PHÓ BÍ THƯ THƯỜNG TRỰC|CHỦ TỊCH|PHÓ CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ỦY BAN NHÂN DÂN
TRƯỞNG BAN|PHÓ TRƯỞNG BAN|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG
ĐẢNG BỘ|TỈNH|HUYỆN|HUYỆN ỦY|TỈNH ỦY|THỊ ỦY|THÀNH ỦY|QUẬN ỦY|ĐẢNG ỦY|XÃ|PHƯỜNG|THỊ TRẤN|THÀNH PHỐ|THỊ XÃ
Kế hoạch|Chỉ thị|Nghị quyết|Hướng dẫn|Quyết định|Công văn|Thông báo|Kết luận|Quy hoạch|Chương trình|Đề án
số|ngày|tháng|năm|về|việc|thực hiện|triển khai|công tác|đến|giai đoạn|kết quả|định kỳ|tổng hợp|quy định
hằng năm|thường xuyên|ban hành|như sau
Ủy ban|Ủy viên|ủy viên|Tòa án|xã hội|kinh tế - xã hội|phê duyệt|tầm nhìn|thời kỳ|phát triển|nhân dân
đến năm|trong năm|hằng năm|năm|của
tăng cường|nâng cao|đẩy mạnh|đáp ứng|đáp ứng yêu cầu|yêu cầu|nhiệm vụ|giải pháp|mục tiêu|hiệu quả|đất nước
lãnh đạo|chỉ đạo|tuyên truyền|kiểm tra|giám sát|tổ chức|chính quyền|hạnh phúc
Văn hóa|Văn hóa - Xã hội|Văn hóa và Thông tin|Văn hóa, Thể thao và Du lịch|Thông tin và Truyền thông|Nội vụ|Tư pháp
Tài chính|Tài chính - Kế hoạch|Kế hoạch và Đầu tư|Lao động - Thương binh và Xã hội|Giáo dục và Đào tạo|Y tế
Tài nguyên và Môi trường|Nông nghiệp và Phát triển nông thôn|Công Thương|Kinh tế|Kinh tế - Hạ tầng|Xây dựng
Giao thông vận tải|Khoa học và Công nghệ|Dân tộc|Thanh tra|Quân sự|Ban Chỉ huy Quân sự|Bộ Chỉ huy Quân sự
Hội Nông dân|Hội Liên hiệp Phụ nữ|Hội Cựu chiến binh|Đoàn Thanh niên Cộng sản Hồ Chí Minh|Trạm Y tế|Trung tâm Y tế
"""

# Frequent syllables of Vietnamese personal names (family, middle and given names).
NAME_SYLLABLES = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đàm Lâm Mai Trương Cao Tạ Lương
Hà Châu Tô Quách Đoàn Vương Trịnh Kiều Lưu Thái Triệu Tăng Lục Mạc Nông Hứa Thân Văn Thị Hữu Đức Xuân Minh Quang
Ngọc Thanh Công Hải Tiến Trung Tâm Thành Anh Đình Kim Hồng Bá Phú Quốc Việt Duy Mạnh Tuấn Dũng Hùng Hưng Nam Long
Sơn Thắng Kiên Niên Hiển Giang Lan Hoa Hương Linh Trang Phương Dung Cường Hiếu Khánh Lộc Phúc Thọ Tài Trí Vinh
Bình An Hòa Hiền Huy Khoa Lợi Lực Nghĩa Nhân Phong Quân Tú Tùng Vân Yến Thủy Hạnh Hằng Thảo Thúy Nga Nhung
"""


def phrases() -> list[str]:
    out: list[str] = []
    for line in ADMIN_PHRASES.strip().splitlines():
        out.extend(p.strip() for p in line.split("|") if p.strip())
    return out


def names() -> list[str]:
    return NAME_SYLLABLES.split()


def family_names() -> list[str]:
    """The syllables above that open a personal name: the family names, listed first."""
    syllables = names()
    return syllables[: syllables.index("Thân") + 1]


WORD_LIST = "vi-words.txt"


@lru_cache(maxsize=1)
def words() -> tuple[str, ...]:
    """The general word list shipped with the reader (``data/vi-words.txt``, see its README); the
    one-letter entries are left out: a letter alone is no word a reading can rest on."""
    text = resources.files(__package__).joinpath("data", WORD_LIST).read_text(encoding="utf-8")
    return tuple(w for w in text.splitlines() if len(w) > 1)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """The general word list in lower case, to ask whether syllables make a word."""
    return frozenset(w.lower() for w in words())
