#!/usr/bin/env python3
"""Generate a reproducible benchmark corpus of KHTH implementation plans (JSON and XML).

    python benchmarks/generate_corpus.py                      # 10,000 plans + 300 invalid, seed 2024
    python benchmarks/generate_corpus.py --count 1000 --invalid 60 --out benchmarks/corpus/quick

What it writes (under --out, default benchmarks/corpus/, git-ignored):

    json/valid/cited/*.json       citation-only records of the central directives at the roots
    json/valid/rNN/*.json         the plans, one folder per root directive, parents before children
    json/invalid/*.json           records with seeded faults (one or a pair per fault)
    xml/...                       the same records in the XML form (khth.input.xml_form.to_xml)
    manifest.json                 seed, counts, sizes, file lists in generation order, expected findings
    realistic/{json,xml}/...      --realistic plans (default 2,000) as real plans are checked: each
                                  without its parent (none of them is another's parent, by number), with
                                  facts inferred from the layout, a quarter with a label out of sequence,
                                  3 % with a real error (a mis-derived identifier, a date that does not
                                  exist); realistic/manifest.json lists the rule codes each must get

Every plan is built from the model (``khth.schema.model``: Document, Block, Reference …) with
numbers, citations and identifiers from ``khth.schema.identifiers``, so the corpus follows the
standard as the code defines it. The plans link into implementation trees: a central directive
(Chỉ thị / Nghị quyết of the Bộ Chính trị) → the Tỉnh ủy's plan → the UBND tỉnh's plan, the
departments' (Sở) plans and the Huyện ủy's plans → UBND huyện → Đảng ủy and UBND xã; every parent
link resolves by number and date in the corpus, so the corpus rules do real work.

Everything is deterministic for a given --seed and --count: plans are planned in one process
with one random stream; each record is then rendered with its own stream (seeded by the seed and
its index), so the output does not depend on --jobs.

After writing, the corpus is checked with ``plan-validate --format json`` (JSON and XML): valid
records must have no error and no warning, each seeded fault must be reported with its expected
rule code. --verify none skips this.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
from lxml import etree

from khth.input.canonical import canonical_json
from khth.input.xml_form import NS, to_xml
from khth.schema.identifiers import (
    CitationParts, citation_name, document_identifier, format_citation, format_citation_date, make_identifier,
    parse_number, reference_identifier,
)
from khth.schema.model import (
    Abbreviation, AdminUnit, Authority, Block, Deadline, Document, DocumentNumber, InferredFact, Issuer, MissingFact,
    Provenance, Recipient, Reference, Reporting, Signature, SourceSpan, Target, Timeframe, KHTH_VERSION,
)

GENERATOR_VERSION = "1"
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"
MIN_BYTES, MAX_BYTES = 10_000, 60_000  # canonical JSON size of a plan
LAST_DATE = date(2025, 6, 27)  # district-level bodies were abolished on 2025-07-01


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# =============================================================================================
# Vocabulary: geography, bodies, directives, policy language
# =============================================================================================

# Provinces and centrally governed cities with their GSO codes (QĐ 124/2004/QĐ-TTg, before 2025-07-01).
PROVINCES: list[tuple[str, str, bool]] = [
    ("01", "Hà Nội", True), ("02", "Hà Giang", False), ("04", "Cao Bằng", False), ("06", "Bắc Kạn", False),
    ("08", "Tuyên Quang", False), ("10", "Lào Cai", False), ("11", "Điện Biên", False), ("12", "Lai Châu", False),
    ("14", "Sơn La", False), ("15", "Yên Bái", False), ("17", "Hòa Bình", False), ("19", "Thái Nguyên", False),
    ("20", "Lạng Sơn", False), ("22", "Quảng Ninh", False), ("24", "Bắc Giang", False), ("25", "Phú Thọ", False),
    ("26", "Vĩnh Phúc", False), ("27", "Bắc Ninh", False), ("30", "Hải Dương", False), ("31", "Hải Phòng", True),
    ("33", "Hưng Yên", False), ("34", "Thái Bình", False), ("35", "Hà Nam", False), ("36", "Nam Định", False),
    ("37", "Ninh Bình", False), ("38", "Thanh Hóa", False), ("40", "Nghệ An", False), ("42", "Hà Tĩnh", False),
    ("44", "Quảng Bình", False), ("45", "Quảng Trị", False), ("46", "Thừa Thiên Huế", False), ("48", "Đà Nẵng", True),
    ("49", "Quảng Nam", False), ("51", "Quảng Ngãi", False), ("52", "Bình Định", False), ("54", "Phú Yên", False),
    ("56", "Khánh Hòa", False), ("58", "Ninh Thuận", False), ("60", "Bình Thuận", False), ("62", "Kon Tum", False),
    ("64", "Gia Lai", False), ("66", "Đắk Lắk", False), ("67", "Đắk Nông", False), ("68", "Lâm Đồng", False),
    ("70", "Bình Phước", False), ("72", "Tây Ninh", False), ("74", "Bình Dương", False), ("75", "Đồng Nai", False),
    ("77", "Bà Rịa - Vũng Tàu", False), ("79", "Hồ Chí Minh", True), ("80", "Long An", False),
    ("82", "Tiền Giang", False), ("83", "Bến Tre", False), ("84", "Trà Vinh", False), ("86", "Vĩnh Long", False),
    ("87", "Đồng Tháp", False), ("89", "An Giang", False), ("91", "Kiên Giang", False), ("92", "Cần Thơ", True),
    ("93", "Hậu Giang", False), ("94", "Sóc Trăng", False), ("95", "Bạc Liêu", False), ("96", "Cà Mau", False),
]

# Place names for districts and communes (real names, assigned to provinces at random).
PLACE_NAMES = """Sơn Hà;Đức Phổ;Tư Nghĩa;Mộ Đức;Nghĩa Hành;Ba Tơ;Minh Long;Trà Bồng;Sơn Tây;Bình Sơn;Tây Trà;
Hoài Nhơn;An Nhơn;Tuy Phước;Phù Cát;Phù Mỹ;Vĩnh Thạnh;Vân Canh;Tây Sơn;Hoài Ân;An Lão;Buôn Đôn;Cư M'gar;
Krông Pắc;Ea Kar;Lắk;Krông Bông;Ea Súp;Cẩm Xuyên;Kỳ Anh;Hương Sơn;Đức Thọ;Thạch Hà;Can Lộc;Nghi Xuân;
Yên Thành;Diễn Châu;Quỳnh Lưu;Đô Lương;Thanh Chương;Nam Đàn;Hưng Nguyên;Tân Kỳ;Nghĩa Đàn;Quế Phong;
Thọ Xuân;Triệu Sơn;Hoằng Hóa;Hậu Lộc;Nga Sơn;Tĩnh Gia;Quảng Xương;Đông Sơn;Thiệu Hóa;Yên Định;Vĩnh Lộc;
Cẩm Thủy;Bá Thước;Lang Chánh;Thường Xuân;Như Xuân;Nông Cống;Gia Viễn;Hoa Lư;Kim Sơn;Yên Mô;Nho Quan;
Ý Yên;Vụ Bản;Hải Hậu;Giao Thủy;Xuân Trường;Trực Ninh;Nghĩa Hưng;Tiền Hải;Kiến Xương;Vũ Thư;Quỳnh Phụ;
Hưng Hà;Đông Hưng;Thái Thụy;Kim Bảng;Thanh Liêm;Bình Lục;Lý Nhân;Duy Tiên;Văn Lâm;Mỹ Hào;Khoái Châu;
Ân Thi;Phù Cừ;Tiên Lữ;Kim Động;Cẩm Giàng;Bình Giang;Gia Lộc;Tứ Kỳ;Thanh Miện;Ninh Giang;Kinh Môn;
Chí Linh;Lục Nam;Lục Ngạn;Sơn Động;Yên Thế;Tân Yên;Hiệp Hòa;Việt Yên;Lạng Giang;Yên Dũng;Tiên Du;Quế Võ;
Gia Bình;Lương Tài;Thuận Thành;Yên Phong;Tam Dương;Lập Thạch;Sông Lô;Bình Xuyên;Yên Lạc;Vĩnh Tường;
Cẩm Khê;Hạ Hòa;Thanh Ba;Đoan Hùng;Phù Ninh;Lâm Thao;Tam Nông;Thanh Thủy;Yên Lập;Tân Sơn;Đại Từ;Phú Lương;
Đồng Hỷ;Võ Nhai;Định Hóa;Phú Bình;Chợ Mới;Na Rì;Ba Bể;Pác Nặm;Ngân Sơn;Bạch Thông;Hòa An;Trùng Khánh;
Quảng Hòa;Bảo Lạc;Hà Quảng;Nguyên Bình;Bắc Mê;Yên Minh;Đồng Văn;Mèo Vạc;Vị Xuyên;Hoàng Su Phì;Xín Mần;
Bắc Quang;Quang Bình;Chiêm Hóa;Hàm Yên;Yên Sơn;Sơn Dương;Na Hang;Lâm Bình;Bảo Thắng;Bảo Yên;Văn Bàn;
Bát Xát;Mường Khương;Si Ma Cai;Bắc Hà;Mù Cang Chải;Trạm Tấu;Văn Chấn;Lục Yên;Trấn Yên;Văn Yên;Mai Châu;
Tân Lạc;Lạc Sơn;Kim Bôi;Lương Sơn;Cao Phong;Yên Thủy;Mộc Châu;Thuận Châu;Mường La;Quỳnh Nhai;Phù Yên;
Bắc Yên;Sông Mã;Sốp Cộp;Mai Sơn;Yên Châu;Tuần Giáo;Mường Ảng;Điện Biên Đông;Tủa Chùa;Mường Chà;Nậm Pồ;
Tam Đường;Phong Thổ;Sìn Hồ;Than Uyên;Tân Uyên;Nậm Nhùn;Hải Lăng;Triệu Phong;Gio Linh;Vĩnh Linh;Cam Lộ;
Hướng Hóa;Đakrông;Lệ Thủy;Quảng Ninh;Bố Trạch;Quảng Trạch;Tuyên Hóa;Minh Hóa;Phong Điền;Quảng Điền;
Phú Vang;Phú Lộc;Nam Đông;A Lưới;Hương Trà;Hương Thủy;Điện Bàn;Duy Xuyên;Quế Sơn;Thăng Bình;Tiên Phước;
Núi Thành;Phú Ninh;Đại Lộc;Nông Sơn;Hiệp Đức;Phước Sơn;Nam Trà My;Đồng Xuân;Tuy An;Sơn Hòa;Sông Hinh;
Tây Hòa;Phú Hòa;Đông Hòa;Vạn Ninh;Ninh Hòa;Diên Khánh;Khánh Vĩnh;Cam Lâm;Khánh Sơn;Ninh Sơn;Ninh Hải;
Ninh Phước;Thuận Bắc;Bác Ái;Tuy Phong;Bắc Bình;Hàm Thuận Bắc;Hàm Thuận Nam;Hàm Tân;Đức Linh;Tánh Linh;
Đắk Hà;Đắk Tô;Ngọc Hồi;Sa Thầy;Kon Plông;Kon Rẫy;Chư Păh;Ia Grai;Đức Cơ;Chư Prông;Chư Sê;Đak Đoa;
Mang Yang;Kbang;Kông Chro;Ia Pa;Krông Pa;Phú Thiện;Đắk Mil;Đắk Song;Cư Jút;Krông Nô;Tuy Đức;Đắk Glong;
Bảo Lâm;Di Linh;Đức Trọng;Lâm Hà;Đơn Dương;Lạc Dương;Đạ Huoai;Cát Tiên;Đồng Phú;Bù Đăng;Bù Đốp;
Lộc Ninh;Hớn Quản;Chơn Thành;Phú Riềng;Tân Biên;Tân Châu;Dương Minh Châu;Châu Thành;Hòa Thành;Gò Dầu;
Bến Cầu;Trảng Bàng;Dầu Tiếng;Bàu Bàng;Phú Giáo;Bắc Tân Uyên;Vĩnh Cửu;Trảng Bom;Thống Nhất;Cẩm Mỹ;
Long Thành;Nhơn Trạch;Xuân Lộc;Định Quán;Tân Phú;Long Điền;Đất Đỏ;Xuyên Mộc;Châu Đức;Côn Đảo;Đức Hòa;
Đức Huệ;Bến Lức;Thủ Thừa;Tân Trụ;Cần Đước;Cần Giuộc;Thạnh Hóa;Tân Thạnh;Mộc Hóa;Vĩnh Hưng;Cái Bè;
Cai Lậy;Chợ Gạo;Gò Công Tây;Gò Công Đông;Tân Phước;Giồng Trôm;Ba Tri;Bình Đại;Mỏ Cày Nam;Mỏ Cày Bắc;
Chợ Lách;Thạnh Phú;Càng Long;Cầu Kè;Tiểu Cần;Cầu Ngang;Trà Cú;Duyên Hải;Long Hồ;Mang Thít;Vũng Liêm;
Tam Bình;Trà Ôn;Bình Tân;Cao Lãnh;Tam Nông;Tháp Mười;Thanh Bình;Lấp Vò;Lai Vung;Hồng Ngự;Châu Phú;
Chợ Mới;Thoại Sơn;Tịnh Biên;Tri Tôn;An Phú;Phú Tân;Hòn Đất;Tân Hiệp;Giồng Riềng;Gò Quao;An Biên;
U Minh Thượng;Vĩnh Thuận;Kiên Lương;Phong Điền;Thới Lai;Cờ Đỏ;Vĩnh Thạnh;Châu Thành A;Phụng Hiệp;
Vị Thủy;Long Mỹ;Kế Sách;Mỹ Tú;Cù Lao Dung;Mỹ Xuyên;Thạnh Trị;Trần Đề;Hồng Dân;Phước Long;Vĩnh Lợi;
Hòa Bình;Đông Hải;Thới Bình;Trần Văn Thời;Cái Nước;Đầm Dơi;Năm Căn;Ngọc Hiển;Tân An;Hòa Xuân;Phú Mỹ;
Thạnh Lộc;Bình Minh;Tân Lập;Hòa Phú;Nghĩa Thắng;An Thạnh;Phước Hòa;Long Hưng;Mỹ Lợi;Đông Hòa;Tân Phước;
Hiệp Thành;Thuận An;Vĩnh Phú;Quang Trung;Minh Khai;Hồng Phong;Đại Đồng;Xuân Phương;Thanh Xuân;Hưng Đạo""".split(";")
PLACE_NAMES = list(dict.fromkeys(nfc(p) for p in PLACE_NAMES if p.strip()))

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Mai Lâm Hà Tạ".split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Quốc Ngọc Xuân Công Đình Thu Hồng Kim Anh Bá Trọng Mạnh".split()
GIVEN = ("Anh Bình Cường Dũng Giang Hải Hùng Hương Hiển Khánh Lan Long Mai Nam Nga Phong Phúc Quân Quang Sơn Tâm "
         "Thảo Thắng Thành Trung Tuấn Tùng Việt Vinh Yến Hà Hạnh Hiếu Hòa Lộc Lợi Nghĩa Nhân Thuận Trí").split()

# Central directives at the roots of the implementation trees: (type, number, date, issuer, title, domain).
ROOTS: list[tuple[str, str, str, str, str, str]] = [
    ("CT", "28-CT/TW", "2023-12-25", "Bộ Chính trị", "về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp "
     "ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc", "children"),
    ("CT", "35-CT/TW", "2024-06-14", "Bộ Chính trị", "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc "
     "lần thứ XIV của Đảng", "party"),
    ("NQ", "57-NQ/TW", "2024-12-22", "Bộ Chính trị", "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
     "chuyển đổi số quốc gia", "digital"),
    ("NQ", "19-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương", "về nông nghiệp, nông dân, nông thôn đến năm 2030, "
     "tầm nhìn đến năm 2045", "rural"),
    ("NQ", "27-NQ/TW", "2022-11-09", "Ban Chấp hành Trung ương", "về tiếp tục xây dựng và hoàn thiện Nhà nước pháp "
     "quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới", "law"),
    ("NQ", "42-NQ/TW", "2023-11-24", "Ban Chấp hành Trung ương", "về tiếp tục đổi mới, nâng cao chất lượng chính sách "
     "xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới", "social"),
    ("CT", "05-CT/TW", "2016-05-15", "Bộ Chính trị", "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
     "Chí Minh", "culture"),
    ("CT", "23-CT/TW", "2023-05-25", "Ban Bí thư", "về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật "
     "tự, an toàn giao thông trong tình hình mới", "traffic"),
    ("NQ", "52-NQ/TW", "2019-09-27", "Bộ Chính trị", "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng "
     "công nghiệp lần thứ tư", "digital"),
    ("CT", "21-CT/TW", "2023-01-20", "Ban Bí thư", "về tiếp tục đổi mới, nâng cao chất lượng công tác gia đình trong "
     "tình hình mới", "children"),
    ("NQ", "43-NQ/TW", "2023-11-24", "Ban Chấp hành Trung ương", "về tiếp tục phát huy truyền thống, sức mạnh đại đoàn "
     "kết toàn dân tộc, xây dựng đất nước ta ngày càng phồn vinh, hạnh phúc", "culture"),
    ("KL", "69-KL/TW", "2024-01-05", "Ban Bí thư", "về tiếp tục thực hiện Chỉ thị số 28-CT/TW của Ban Bí thư về nâng "
     "cao chất lượng công tác tiếp công dân", "law"),
    ("CT", "18-CT/TW", "2022-10-26", "Ban Bí thư", "về đẩy mạnh thực hiện các giải pháp giảm nghèo bền vững trong tình "
     "hình mới", "social"),
    ("NQ", "18-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương", "về tiếp tục đổi mới, hoàn thiện thể chế, chính sách, "
     "nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất", "rural"),
    ("CT", "24-CT/TW", "2023-07-04", "Ban Bí thư", "về đẩy mạnh phát triển nền y tế Việt Nam công bằng, chất lượng, "
     "hiệu quả và hội nhập quốc tế", "health"),
    ("NQ", "45-NQ/TW", "2023-11-24", "Ban Chấp hành Trung ương", "về tiếp tục xây dựng và phát huy vai trò của đội "
     "ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới", "party"),
]

VERBS = ["Tăng cường", "Đẩy mạnh", "Nâng cao chất lượng", "Tiếp tục thực hiện có hiệu quả", "Tập trung lãnh đạo, chỉ "
         "đạo", "Kiện toàn", "Đổi mới nội dung, hình thức", "Rà soát, bổ sung", "Tổ chức triển khai", "Chú trọng",
         "Phát huy hiệu quả", "Quan tâm đầu tư cho", "Nâng cao hiệu lực, hiệu quả", "Thực hiện nghiêm",
         "Tăng cường kiểm tra, giám sát", "Huy động các nguồn lực cho", "Đa dạng hóa hình thức thực hiện", "Triển khai đồng bộ"]
COMPLEMENTS = [
    "trên địa bàn {area}", "gắn với nhiệm vụ phát triển kinh tế - xã hội của địa phương",
    "bảo đảm thiết thực, hiệu quả, tránh hình thức", "phù hợp với điều kiện thực tế của từng cơ quan, đơn vị",
    "nhằm nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và Nhân dân", "theo đúng quy định của pháp luật",
    "từng bước đáp ứng yêu cầu nhiệm vụ trong tình hình mới", "coi đây là nhiệm vụ trọng tâm, thường xuyên",
    "gắn với việc thực hiện các chương trình mục tiêu quốc gia", "tạo sự chuyển biến rõ nét về nhận thức và hành động",
    "với sự tham gia của cả hệ thống chính trị", "kịp thời biểu dương, khen thưởng các tập thể, cá nhân điển hình",
    "đồng thời xử lý nghiêm các trường hợp vi phạm", "chú trọng vùng đồng bào dân tộc thiểu số, vùng sâu, vùng xa",
    "lấy người dân và doanh nghiệp làm trung tâm", "ưu tiên bố trí nguồn lực cho các nhiệm vụ cấp bách",
]
DOMAINS: dict[str, list[str]] = {
    "children": [
        "công tác chăm sóc, giáo dục và bảo vệ trẻ em", "việc thực hiện quyền của trẻ em", "công tác phòng, chống "
        "xâm hại, bạo lực trẻ em", "chất lượng giáo dục mầm non và phổ thông", "hệ thống dịch vụ bảo vệ trẻ em các "
        "cấp", "công tác phòng, chống tai nạn thương tích và đuối nước ở trẻ em", "các chính sách hỗ trợ trẻ em có hoàn "
        "cảnh đặc biệt", "vai trò của gia đình, nhà trường và xã hội trong việc giáo dục trẻ em", "công tác chăm sóc "
        "sức khỏe, dinh dưỡng cho trẻ em", "các hoạt động vui chơi, giải trí, văn hóa, thể thao cho trẻ em",
        "đội ngũ cán bộ làm công tác trẻ em ở cơ sở", "công tác xây dựng gia đình no ấm, tiến bộ, hạnh phúc"],
    "party": [
        "công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "công tác chuẩn bị nhân sự cấp ủy nhiệm kỳ mới",
        "công tác tuyên truyền về đại hội đảng bộ các cấp", "việc xây dựng văn kiện trình đại hội", "công tác bảo "
        "vệ chính trị nội bộ", "chất lượng sinh hoạt chi bộ", "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
        "việc phát huy vai trò nêu gương của người đứng đầu", "công tác đánh giá, quy hoạch, đào tạo cán bộ",
        "công tác phát triển đảng viên", "đội ngũ trí thức, nhà khoa học trên địa bàn", "công tác dân vận của hệ "
        "thống chính trị"],
    "digital": [
        "công tác chuyển đổi số trong cơ quan đảng, nhà nước", "hạ tầng số và nền tảng dữ liệu dùng chung",
        "việc cung cấp dịch vụ công trực tuyến toàn trình", "công tác bảo đảm an toàn, an ninh mạng", "ứng dụng "
        "khoa học, công nghệ và đổi mới sáng tạo trong sản xuất, kinh doanh", "việc phát triển kinh tế số, xã hội số",
        "kỹ năng số cho cán bộ, công chức và người dân", "hệ sinh thái khởi nghiệp đổi mới sáng tạo", "việc xây "
        "dựng cơ sở dữ liệu chuyên ngành", "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"],
    "rural": [
        "chương trình mục tiêu quốc gia xây dựng nông thôn mới", "việc phát triển nông nghiệp sinh thái, hữu cơ, "
        "công nghệ cao", "việc nâng cao thu nhập và đời sống của nông dân", "công tác quản lý, sử dụng đất đai",
        "việc tích tụ, tập trung ruộng đất", "các hợp tác xã và tổ hợp tác nông nghiệp", "hạ tầng giao thông, thủy "
        "lợi nông thôn", "việc bảo vệ môi trường nông thôn", "chương trình mỗi xã một sản phẩm (OCOP)", "công tác "
        "phòng, chống thiên tai, thích ứng với biến đổi khí hậu"],
    "law": [
        "công tác xây dựng, hoàn thiện thể chế", "công tác phổ biến, giáo dục pháp luật", "công tác tiếp công dân, "
        "giải quyết khiếu nại, tố cáo", "công tác kiểm soát thủ tục hành chính", "công tác phòng, chống tham nhũng, "
        "tiêu cực", "hoạt động hòa giải ở cơ sở", "công tác thi hành án dân sự, hành chính", "việc kiểm tra, rà soát "
        "văn bản quy phạm pháp luật", "trách nhiệm giải trình của cơ quan nhà nước", "việc công khai, minh bạch trong "
        "hoạt động công vụ"],
    "social": [
        "các chính sách giảm nghèo đa chiều, bền vững", "chính sách đối với người có công với cách mạng", "hệ thống "
        "an sinh xã hội đa tầng", "việc phát triển đối tượng tham gia bảo hiểm xã hội, bảo hiểm y tế", "công tác "
        "giải quyết việc làm, giáo dục nghề nghiệp", "chính sách trợ giúp xã hội đối với các đối tượng yếu thế",
        "việc hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo", "công tác chăm sóc người cao tuổi", "thị trường lao động "
        "linh hoạt, hiện đại", "công tác bình đẳng giới"],
    "culture": [
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "phong trào Toàn dân đoàn kết xây dựng "
        "đời sống văn hóa", "việc xây dựng môi trường văn hóa lành mạnh", "công tác bảo tồn, phát huy giá trị di sản "
        "văn hóa", "khối đại đoàn kết toàn dân tộc", "vai trò của Mặt trận Tổ quốc và các đoàn thể", "các mô hình "
        "dân vận khéo", "việc xây dựng con người Việt Nam thời kỳ mới", "công tác thông tin đối ngoại", "hoạt động "
        "của các thiết chế văn hóa cơ sở"],
    "traffic": [
        "công tác bảo đảm trật tự, an toàn giao thông", "công tác tuần tra, kiểm soát, xử lý vi phạm", "hạ tầng "
        "giao thông và hệ thống biển báo", "việc tuyên truyền, giáo dục ý thức chấp hành pháp luật giao thông",
        "công tác đăng kiểm, quản lý phương tiện", "việc khắc phục các điểm đen về tai nạn giao thông", "công tác "
        "cứu hộ, cứu nạn giao thông", "việc quản lý hoạt động vận tải", "mô hình cổng trường an toàn giao thông",
        "việc ứng dụng công nghệ trong giám sát giao thông"],
    "health": [
        "mạng lưới y tế cơ sở", "công tác y tế dự phòng và phòng, chống dịch bệnh", "chất lượng khám bệnh, chữa bệnh",
        "việc phát triển nguồn nhân lực y tế", "công tác quản lý sức khỏe người dân", "việc ứng dụng hồ sơ sức khỏe "
        "điện tử", "công tác an toàn thực phẩm", "việc phát triển y dược cổ truyền", "công tác dân số và phát triển",
        "chính sách bảo hiểm y tế toàn dân"],
}
# Laws and decrees each domain cites: (type, number or None, date, issuer or None, title).
DOMAIN_REFS: dict[str, list[tuple[str, str | None, str, str | None, str]]] = {
    "children": [("L", None, "2016-04-05", None, "Luật Trẻ em"),
                 ("NĐ", "56/2017/NĐ-CP", "2017-05-09", "Chính phủ", "quy định chi tiết một số điều của Luật Trẻ em")],
    "party": [("QĐi", "24-QĐi/TW", "2021-07-30", "Ban Chấp hành Trung ương", "thi hành Điều lệ Đảng")],
    "digital": [("QĐ", "06/QĐ-TTg", "2022-01-06", "Thủ tướng Chính phủ", "phê duyệt Đề án phát triển ứng dụng dữ "
                 "liệu về dân cư, định danh và xác thực điện tử"),
                ("L", None, "2023-06-22", None, "Luật Giao dịch điện tử")],
    "rural": [("QĐ", "263/QĐ-TTg", "2022-02-22", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia "
               "xây dựng nông thôn mới giai đoạn 2021 - 2025"), ("L", None, "2024-01-18", None, "Luật Đất đai")],
    "law": [("L", None, "2013-11-25", None, "Luật Tiếp công dân"), ("L", None, "2018-11-20", None,
                                                                   "Luật Phòng, chống tham nhũng")],
    "social": [("NĐ", "20/2021/NĐ-CP", "2021-03-15", "Chính phủ", "quy định chính sách trợ giúp xã hội đối với đối "
                "tượng bảo trợ xã hội"), ("L", None, "2024-06-29", None, "Luật Bảo hiểm xã hội")],
    "culture": [("L", None, "2024-06-27", None, "Luật Di sản văn hóa")],
    "traffic": [("L", None, "2024-06-27", None, "Luật Trật tự, an toàn giao thông đường bộ"),
                ("NĐ", "100/2019/NĐ-CP", "2019-12-30", "Chính phủ", "quy định xử phạt vi phạm hành chính trong lĩnh "
                 "vực giao thông đường bộ và đường sắt")],
    "health": [("L", None, "2023-01-09", None, "Luật Khám bệnh, chữa bệnh")],
}
LOCAL_GOVERNMENT_LAWS = [("L", None, "2015-06-19", None, "Luật Tổ chức chính quyền địa phương"),
                         ("L", None, "2019-11-22", None, "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính "
                                                         "phủ và Luật Tổ chức chính quyền địa phương")]

# Departments of a provincial People's Committee: (name, code in numbers).
DEPARTMENTS = [("Sở Y tế", "SYT"), ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Lao động - Thương binh và Xã hội",
               "SLĐTBXH"), ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("Sở Thông tin và Truyền thông", "STTTT"),
               ("Sở Tư pháp", "STP"), ("Sở Nội vụ", "SNV"), ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
               ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"), ("Sở Giao thông vận tải", "SGTVT")]
AGENCIES = {
    "province": ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và "
                 "Du lịch", "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
                 "Sở Nội vụ", "Công an tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy",
                 "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ "
                 "nữ tỉnh", "Hội Nông dân tỉnh", "Báo {name}", "Đài Phát thanh và Truyền hình tỉnh",
                 "Bộ Chỉ huy Quân sự tỉnh", "các sở, ban, ngành liên quan"],
    "district": ["Phòng Giáo dục và Đào tạo", "Phòng Lao động - Thương binh và Xã hội", "Phòng Văn hóa và Thông tin",
                 "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Công an {unit}", "Ban Tuyên giáo "
                 "{party}", "Ban Dân vận {party}", "Ban Tổ chức {party}", "Ủy ban Kiểm tra {party}", "Ủy ban Mặt trận "
                 "Tổ quốc Việt Nam {unit}", "Trung tâm Y tế {unit}", "Trung tâm Văn hóa, Thông tin và Thể thao {unit}",
                 "Ban Chỉ huy Quân sự {unit}", "các cơ quan, đơn vị liên quan"],
    "commune": ["Công an {unit}", "Ủy ban Mặt trận Tổ quốc {unit}", "Đoàn Thanh niên {unit}", "Hội Liên hiệp Phụ nữ "
                "{unit}", "Hội Nông dân {unit}", "Hội Cựu chiến binh {unit}", "Trạm Y tế {unit}", "Ban Chỉ huy Quân "
                "sự {unit}", "các chi bộ trực thuộc", "công chức Văn hóa - Xã hội", "các trường học trên địa bàn",
                "Ban công tác Mặt trận các thôn, tổ dân phố"],
}
RECIPIENTS = {
    ("party", "province"): [("Ban Bí thư Trung ương Đảng", "report"), ("Ban Tuyên giáo Trung ương", "report"),
                            ("Các đồng chí Tỉnh ủy viên", None), ("Các ban, đơn vị của Tỉnh ủy", None),
                            ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", None), ("Lưu Văn phòng Tỉnh ủy",
                                                                                         "archive")],
    ("state", "province"): [("Văn phòng Chính phủ", "report"), ("Thường trực Tỉnh ủy", "report"), ("Thường trực HĐND "
                            "tỉnh", "report"), ("CT, các PCT UBND tỉnh", None), ("Các sở, ban, ngành tỉnh", None),
                            ("UBND các huyện, thị xã, thành phố", None), ("Lưu: VT, K{k}", "archive")],
    ("party", "district"): [("Ban Thường vụ Tỉnh ủy", "report"), ("Ban Tuyên giáo Tỉnh ủy", "report"), ("Thường trực "
                            "HĐND, UBND {unit}", None), ("Các cơ quan chuyên trách tham mưu, giúp việc", None),
                            ("Các đảng ủy, chi bộ trực thuộc", None), ("Lưu Văn phòng {party}", "archive")],
    ("state", "district"): [("UBND tỉnh", "report"), ("Thường trực {party}", "report"), ("Thường trực HĐND {unit}",
                            "report"), ("Các phòng, ban, ngành", None), ("UBND các xã, thị trấn", None),
                            ("Lưu: VT", "archive")],
    ("party", "commune"): [("Ban Thường vụ {party_up}", "report"), ("Các đồng chí đảng ủy viên", None),
                           ("Các chi bộ trực thuộc", None), ("Lưu Văn phòng Đảng ủy", "archive")],
    ("state", "commune"): [("UBND {district}", "report"), ("Thường trực Đảng ủy", "report"), ("Các ban, ngành, đoàn "
                           "thể", None), ("Các thôn, tổ dân phố", None), ("Lưu: VT", "archive")],
}


# =============================================================================================
# Geography and issuing bodies
# =============================================================================================

@dataclass(frozen=True)
class Area:
    code: str
    kind: str  # Tỉnh, Thành phố (centrally governed), Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn
    name: str
    parent: Area | None = None

    @property
    def full(self) -> str:  # "Tỉnh Quảng Ngãi", "Thị xã Đức Phổ"
        return f"{self.kind} {self.name}"

    @property
    def word(self) -> str:  # "tỉnh", "thị xã", "phường"
        return self.kind.lower()


@dataclass
class Geography:
    provinces: list[Area]
    districts: dict[str, list[Area]]
    communes: dict[str, list[Area]] = field(default_factory=dict)
    commune_counter: int = 0

    def communes_of(self, district: Area, rng: random.Random) -> list[Area]:
        if district.code not in self.communes:
            out = []
            n = rng.randint(8, 16)
            for i in range(n):
                self.commune_counter += 1
                if district.kind in ("Quận", "Thành phố", "Thị xã") and i < n // 2 + 1:
                    kind, name = "Phường", rng.choice(PLACE_NAMES) if rng.random() < 0.7 else str(i + 1)
                elif district.kind == "Huyện" and i == 0:
                    kind, name = "Thị trấn", rng.choice(PLACE_NAMES)
                else:
                    kind, name = "Xã", rng.choice(PLACE_NAMES)
                out.append(Area(f"{self.commune_counter:05d}", kind, name, district))
            self.communes[district.code] = out
        return self.communes[district.code]


def build_geography(seed: int) -> Geography:
    rng = random.Random(f"{seed}:geography")
    provinces, districts, counter = [], {}, 0
    for code, name, city in PROVINCES:
        p = Area(code, "Thành phố" if city else "Tỉnh", nfc(name))
        provinces.append(p)
        names = rng.sample(PLACE_NAMES, rng.randint(7, 12))
        out = []
        for i, dname in enumerate(names):
            counter += 1
            if city:
                kind = "Quận" if i < len(names) // 2 else "Huyện"
            else:
                kind = "Thành phố" if i == 0 else "Thị xã" if i in (1, 2) and rng.random() < 0.5 else "Huyện"
            out.append(Area(f"{counter:03d}", kind, dname, p))
        districts[code] = out
    return Geography(provinces, districts)


# Issuer kinds: (system, level) and how the body names itself.
KINDS = {
    "tu": ("party", "province"), "ubnd_tinh": ("state", "province"), "so": ("state", "province"),
    "hu": ("party", "district"), "ubnd_huyen": ("state", "district"),
    "du": ("party", "commune"), "ubnd_xa": ("state", "commune"),
}


@dataclass(frozen=True)
class Body:
    kind: str
    area: Area
    department: tuple[str, str] | None = None  # for a Sở: (name, code)

    @property
    def system(self) -> str:
        return KINDS[self.kind][0]

    @property
    def level(self) -> str:
        return KINDS[self.kind][1]

    @property
    def committee(self) -> str:  # the party committee word: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy"
        a = self.area if self.kind in ("tu", "hu") else self.area.parent if self.kind == "du" else self.area
        return {"Tỉnh": "Tỉnh ủy", "Thành phố": "Thành ủy", "Huyện": "Huyện ủy", "Quận": "Quận ủy",
                "Thị xã": "Thị ủy"}.get(a.kind, "Đảng ủy") if a else "Đảng ủy"

    @property
    def name(self) -> str:  # as printed in the header
        a = self.area
        if self.kind in ("tu", "hu"):
            return f"{self.committee} {a.name}".upper()
        if self.kind == "du":
            return f"Đảng ủy {a.full}".upper()
        if self.kind == "so":
            return self.department[0].upper()  # type: ignore[index]
        return f"Ủy ban nhân dân {a.full}".upper()

    @property
    def acting(self) -> str:  # the organ that adopts the plan, as the text and citations name it
        if self.kind in ("tu", "hu"):
            return f"Ban Thường vụ {self.committee}"
        if self.kind == "du":
            return "Ban Thường vụ Đảng ủy"
        if self.kind == "so":
            return self.department[0]  # type: ignore[index]
        return f"Ủy ban nhân dân {self.area.word}"

    @property
    def superior(self) -> str | None:
        if self.kind == "hu":
            return f"Đảng bộ {self.area.parent.full}".upper()  # type: ignore[union-attr]
        if self.kind == "du":
            return f"Đảng bộ {self.area.parent.full}".upper()  # type: ignore[union-attr]
        if self.kind == "so":
            return f"UBND {self.area.full}".upper()
        return None

    @property
    def code(self) -> str:  # issuer code in numbers
        if self.kind == "tu":
            return "TU"
        if self.kind == "hu":
            return {"Huyện ủy": "HU", "Quận ủy": "QU"}.get(self.committee, "TU")
        if self.kind == "du":
            return "ĐU"
        if self.kind == "so":
            return self.department[1]  # type: ignore[index]
        return "UBND"

    @property
    def area_text(self) -> str:  # "tỉnh Quảng Ngãi", "thị xã Đức Phổ"
        return f"{self.area.word} {self.area.name}"

    @property
    def place(self) -> str:
        return self.area.name if not self.area.name.isdigit() else self.area.parent.name  # type: ignore[union-attr]


# =============================================================================================
# Planning: the implementation trees, numbers and dates
# =============================================================================================

@dataclass(frozen=True)
class Cited:
    """What a record needs to cite another one (the parent, or the root directive)."""

    document_type: str
    number: str
    date: str
    issuer: str  # as cited
    title: str
    short: str  # "Chỉ thị 28", "Kế hoạch số 260-KH/TU"

    def parts(self) -> CitationParts:
        return CitationParts(self.document_type, self.number, self.date, self.issuer)

    @property
    def id(self) -> str:
        return self.parts().identifier()


@dataclass(frozen=True)
class Spec:
    """One record to render: everything the planner decided; the text is the renderer's."""

    index: int
    rel: str  # path under json/ and xml/, without suffix
    body: Body | None  # None for a citation-only root record
    document_type: str
    number: str
    date: str
    parent: Cited | None
    root: Cited
    domain: str
    profile: str = "published"
    fault: str | None = None
    variant: int = 0  # distinguishes the two records of a duplicate pair

    def cited(self) -> Cited:
        if self.body is None:
            return self.root
        title = f"về {plan_title(self)}"
        name = citation_name(self.document_type)
        return Cited(self.document_type, self.number, self.date, self.body.acting, nfc(title),
                     f"{name} số {self.number}")


def _plan_verb(spec: Spec) -> str:
    return ["thực hiện", "triển khai thực hiện", "tổ chức thực hiện"][spec.index % 3]


def plan_title(spec: Spec) -> str:
    return nfc(f"{_plan_verb(spec)} {format_citation(spec.root.parts())} {spec.root.title}")


RATES = {"tu": 0.3, "hu": 0.15, "du": 0.06, "ubnd_tinh": 0.8, "so": 0.35, "ubnd_huyen": 0.5, "ubnd_xa": 0.25}
STEP_DAYS = {"tu": (10, 45), "ubnd_tinh": (5, 30), "so": (5, 20), "hu": (7, 35), "ubnd_huyen": (5, 25),
             "du": (5, 25), "ubnd_xa": (3, 20)}


class Planner:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"{seed}:plan")
        self.geo = build_geography(seed)
        self.used: set[tuple[str, str]] = set()  # (number, date): unique, so every parent link resolves once
        self.index = 0

    def next_date(self, after: str, kind: str) -> str:
        lo, hi = STEP_DAYS[kind]
        d = date.fromisoformat(after) + timedelta(days=self.rng.randint(lo, hi))
        if d.weekday() == 6:
            d += timedelta(days=1)
        return min(d, LAST_DATE).isoformat()

    def number(self, body: Body, document_type: str, when: str) -> str:
        d = date.fromisoformat(when)
        if body.system == "party":  # one series per committee term
            start = date(2020, 10, 1) if d >= date(2020, 10, 1) else date(2015, 10, 1)
            serial = 1 + int((d - start).days * RATES[body.kind]) + self.rng.randint(0, 25)
        else:  # restarts every year
            serial = 1 + int(d.timetuple().tm_yday * RATES[body.kind]) + self.rng.randint(0, 40)
        while True:
            printed = (f"{serial}-{document_type}/{body.code}" if body.system == "party"
                       else f"{serial}/{document_type}-{body.code}")
            if (printed, when) not in self.used:
                self.used.add((printed, when))
                return printed
            serial += 1

    def spec(self, body: Body, parent: Spec, root: Cited, domain: str, folder: str, *, when: str | None = None,
             **extra: Any) -> Spec:
        when = when or self.next_date(parent.date, body.kind)
        doc_type = "CTr" if body.kind == "tu" and self.rng.random() < 0.15 else "KH"
        number = self.number(body, doc_type, when)
        self.index += 1
        slug = number.replace("/", "-").replace("Đ", "D")
        return Spec(self.index, f"{folder}/{self.index:05d}_{slug}_{when}", body, doc_type, number, when,
                    parent.cited(), root, domain, **extra)

    def tree(self, root: Spec, folder: str):
        """Plans implementing ``root``, parents always before their children."""
        rng = self.rng
        rc = root.cited()
        for province in rng.sample(self.geo.provinces, len(self.geo.provinces)):
            tu = self.spec(Body("tu", province), root, rc, root.domain, folder)
            yield tu
            ubt = self.spec(Body("ubnd_tinh", province), tu, rc, root.domain, folder)
            yield ubt
            for dept in rng.sample(DEPARTMENTS, rng.choice([0, 1, 1, 2, 3])):
                yield self.spec(Body("so", province, dept), ubt, rc, root.domain, folder)
            districts = self.geo.districts[province.code]
            for district in rng.sample(districts, rng.randint(3, len(districts))):
                hu = self.spec(Body("hu", district), tu, rc, root.domain, folder)
                yield hu
                uh = self.spec(Body("ubnd_huyen", district), hu if rng.random() < 0.5 else ubt, rc, root.domain,
                               folder)
                yield uh
                for commune in rng.sample(self.geo.communes_of(district, rng), rng.randint(1, 4)):
                    du = self.spec(Body("du", commune), hu, rc, root.domain, folder)
                    yield du
                    lenient = rng.random() < 0.04
                    yield self.spec(Body("ubnd_xa", commune), du if rng.random() < 0.5 else uh, rc, root.domain,
                                    folder, profile="lenient" if lenient else "published")


def plan(count: int, n_invalid: int, seed: int) -> tuple[list[Spec], list[Spec], list[Spec], list[dict[str, Any]]]:
    """(root records, valid plans, invalid records) in generation order, and the seeded faults."""
    p = Planner(seed)
    roots = []
    for i, (t, number, when, issuer, title, domain) in enumerate(ROOTS):
        cited = Cited(t, number, when, issuer, nfc(title), f"{citation_name(t)} {parse_number(number).serial}")
        p.used.add((number, when))
        slug = number.replace("/", "-")
        roots.append(Spec(-(i + 1), f"valid/cited/{slug}", None, t, number, when, None, cited, domain,
                          profile="citation"))
    plans: list[Spec] = []
    per_root = [count // len(roots) + (1 if i < count % len(roots) else 0) for i in range(len(roots))]
    for i, (root, quota) in enumerate(zip(roots, per_root)):
        gen = p.tree(root, f"valid/r{i:02d}")
        try:
            plans += [next(gen) for _ in range(quota)]
        except StopIteration:
            raise SystemExit(f"--count {count} is more than the geography holds for {len(roots)} roots") from None
    invalid, faults = plan_invalid(p, plans, n_invalid)
    return roots, plans, invalid, faults


# --- seeded faults -------------------------------------------------------------------------------

def _any(*codes: str) -> list[str]:
    return list(codes)


# kind → (expected rule codes in JSON, expected rule codes in XML); any one of them must be reported.
FAULTS: dict[str, tuple[list[str], list[str]]] = {
    "schema-required": (_any("schema.json"), _any("schema.xsd")),
    "schema-enum": (_any("schema.json"), _any("schema.xsd")),
    "schema-type": (_any("schema.json"), _any("schema.xsd")),
    "schema-additional": (_any("schema.json"), _any("schema.xsd")),
    "schema-pattern": (_any("schema.json"), _any("schema.xsd")),
    "schema-date-format": (_any("schema.json"), _any("schema.json", "schema.xsd")),
    "number-grammar": (_any("document.number-grammar"),) * 2,
    "number-parts": (_any("document.number-parts"),) * 2,
    "type-code": (_any("document.type-code"),) * 2,
    "id-mismatch": (_any("document.id"),) * 2,
    "date-invalid": (_any("document.date-invalid"),) * 2,
    "date-future": (_any("document.date-future"),) * 2,
    "citation-after-document": (_any("document.citation-after-document"),) * 2,
    "label-order": (_any("document.label-order"),) * 2,
    "label-parent": (_any("document.label-parent"),) * 2,
    "unknown-citation": (_any("document.unknown-citation"),) * 2,
    "agencies-missing": (_any("document.agencies-missing"),) * 2,
    "whitespace": (_any("document.whitespace"),) * 2,
    "profile-gap": (_any("profile.unexplained-gap"),) * 2,
    "missing-but-present": (_any("profile.missing-but-present"),) * 2,
    "not-nfc": (_any("input.not-nfc"),) * 2,
    "truncated": (_any("input.json-syntax"), _any("input.xml-syntax")),
    "legacy-encoding": (_any("input.encoding"),) * 2,
    "bom": (_any("input.bom"),) * 2,
    "parent-unresolved": (_any("corpus.parent-unresolved"),) * 2,
    "parent-date-mismatch": (_any("corpus.parent-date-mismatch"),) * 2,
    "child-before-parent": (_any("corpus.child-before-parent"),) * 2,
    "parent-level": (_any("corpus.parent-level"),) * 2,
    "cycle": (_any("corpus.cycle"),) * 2,  # a pair
    "duplicate-id": (_any("corpus.duplicate-id"),) * 2,  # a pair
}
PAIRS = {"cycle", "duplicate-id"}


def plan_invalid(p: Planner, plans: list[Spec], n: int) -> tuple[list[Spec], list[dict[str, Any]]]:
    rng = p.rng
    kinds = list(FAULTS)
    out: list[Spec] = []
    faults: list[dict[str, Any]] = []
    candidates = [s for s in plans if s.body and s.body.kind in ("ubnd_tinh", "hu", "ubnd_huyen", "du", "ubnd_xa")]
    by_number = {(s.number, s.date): s for s in plans}
    i = 0
    while len(out) < n:
        kind = kinds[i % len(kinds)]
        i += 1
        template = rng.choice(candidates)
        folder = "invalid"
        parent = by_number.get((template.parent.number, template.parent.date)) if template.parent else None
        if parent is None:
            continue
        specs: list[Spec]
        if kind == "cycle":
            province = template.body.area
            while province.parent is not None:
                province = province.parent
            when = p.next_date(template.root.date, "tu")
            a = p.spec(Body("tu", province), parent, template.root, template.domain, folder, when=when, fault=kind)
            b = p.spec(Body("ubnd_tinh", province), a, template.root, template.domain, folder, when=when, fault=kind)
            a = replace(a, parent=b.cited())
            specs = [a, b]
        elif kind == "duplicate-id":
            a = p.spec(template.body, parent, template.root, template.domain, folder, fault=kind)
            b = replace(a, index=a.index + 100000, rel=a.rel + "_copy", variant=1)
            specs = [a, b]
        elif kind == "parent-level":
            commune = rng.choice([s for s in plans if s.body and s.body.level == "commune"])
            province = commune.body.area.parent.parent  # type: ignore[union-attr]
            specs = [p.spec(Body("tu", province), commune, template.root, template.domain, folder, fault=kind)]
        else:
            s = p.spec(template.body, parent, template.root, template.domain, folder, fault=kind)
            if kind == "parent-unresolved":
                ghost = replace(parent.cited(), number=f"{9000 + s.index % 999}-KH/{parent.body.code}")
                s = replace(s, parent=ghost)
            elif kind == "parent-date-mismatch":
                wrong = (date.fromisoformat(parent.date) - timedelta(days=rng.randint(1, 20))).isoformat()
                if (parent.number, wrong) in p.used:
                    continue
                s = replace(s, parent=replace(s.parent, date=wrong))
            elif kind == "child-before-parent":
                early = (date.fromisoformat(parent.date) - timedelta(days=rng.randint(1, 20))).isoformat()
                p.used.add((s.number, early))
                s = replace(s, date=early, rel=s.rel.rsplit("_", 1)[0] + f"_{early}")
            specs = [s]
        out += specs
        codes_json, codes_xml = FAULTS[kind]
        faults.append({"kind": kind, "files": [s.rel for s in specs], "json": codes_json, "xml": codes_xml})
    return out, faults


# =============================================================================================
# Rendering: one record from its Spec, through the model
# =============================================================================================

def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def number_of(printed: str) -> DocumentNumber:
    parts = parse_number(printed)
    assert parts is not None, printed
    return DocumentNumber(**parts.as_dict())


class Writer:
    """Builds one plan's text with a running source-line counter."""

    def __init__(self, spec: Spec, rng: random.Random, verbosity: float) -> None:
        self.spec, self.rng, self.verbosity = spec, rng, verbosity
        self.line = 1
        b = spec.body
        assert b is not None
        self.b = b
        party = b.committee if b.kind != "du" else "Đảng ủy"
        unit = b.area_text
        self.fill = {"area": unit, "unit": unit, "party": party, "name": b.area.name,
                     "party_up": b.committee,
                     "district": b.area.parent.full if b.area.parent else unit, "k": str(rng.randint(2, 24))}
        self.objects = DOMAINS[spec.domain]

    def span(self, text: str = "", extra: int = 0) -> SourceSpan:
        start = self.line
        lines = max(1, len(text) // 85 + 1) + extra
        self.line += lines + 1
        return SourceSpan(start_line=start, end_line=start + lines - 1)

    def phrase(self) -> str:
        r = self.rng
        verb, obj = r.choice(VERBS), r.choice(self.objects)
        return f"{verb} {obj[0].lower() + obj[1:]}"

    def sentence(self, clauses: int | None = None) -> str:
        r = self.rng
        clauses = clauses or max(1, round(self.verbosity * r.choice([1, 2, 2, 3])))
        parts = []
        for i in range(clauses):
            p = self.phrase()
            if r.random() < 0.3 + 0.5 * min(1.0, self.verbosity):
                p += ", " + r.choice(COMPLEMENTS).format(**self.fill)
            parts.append(p if i == 0 else p[0].lower() + p[1:])
        return nfc("; ".join(parts) + ".")

    def paragraph(self, base: int) -> str:
        n = max(1, round(base * min(1.0, self.verbosity) * self.rng.uniform(0.6, 1.4)))
        return " ".join(self.sentence() for _ in range(n))

    def agencies(self, k: int) -> list[str]:
        pool = [a.format(**self.fill) for a in AGENCIES[self.b.level]]
        return [nfc(a) for a in self.rng.sample(pool, min(k, len(pool)))]


def _labels(style: str) -> list[str]:
    return [f"{r}{style}" for r in ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]]


LETTERS = list("abcd") + ["đ"] + list("eghiklmn")


def initial_verbosity(spec: Spec) -> float:
    """How wordy a plan is: drawn once per plan, so sizes spread over the 10–60 KB range."""
    return random.Random(f"verbosity:{spec.index}:{spec.rel}").uniform(0.35, 1.1)


def render_document(spec: Spec, verbosity: float) -> Document:
    rng = random.Random(f"{spec.index}:{spec.rel}:{verbosity}")
    w = Writer(spec, rng, verbosity)
    b = spec.body
    root, parent = spec.root, spec.parent
    assert parent is not None
    # -- citations --------------------------------------------------------------------------------
    refs: list[Reference] = []
    parent_ref = Reference(id=parent.id, document_type=parent.document_type, number=number_of(parent.number),
                           issue_date=parent.date, issuer=parent.issuer, title=parent.title,
                           printed=format_citation(parent.parts()), source=w.span(parent.title))
    root_is_parent = parent.number == root.number
    if not root_is_parent:
        refs.append(Reference(id=root.id, relation="root", document_type=root.document_type,
                              number=number_of(root.number), issue_date=root.date, issuer=root.issuer,
                              title=root.title, printed=format_citation(root.parts()), source=w.span(root.title)))
    extra = list(DOMAIN_REFS[spec.domain])
    if b.system == "state":
        extra = LOCAL_GOVERNMENT_LAWS + extra
    for t, num, when, issuer, title in extra:
        if when > spec.date:
            continue
        parts = CitationParts(t, num, when, issuer, None if num else title)
        relation = "basis" if (t, title) in [(x[0], x[4]) for x in LOCAL_GOVERNMENT_LAWS] else "cites"
        refs.append(Reference(id=parts.identifier(), relation=relation, document_type=t,
                              number=number_of(num) if num else None, issue_date=when, issuer=issuer, title=title,
                              printed=format_citation(parts), source=w.span(title)))
    if b.kind == "ubnd_tinh":  # issued on a department's proposal
        dept = rng.choice(DEPARTMENTS)
        when = (date.fromisoformat(spec.date) - timedelta(days=rng.randint(2, 12))).isoformat()
        num = f"{rng.randint(20, 400)}/TTr-{dept[1]}"
        parts = CitationParts("TTr", num, when, dept[0])
        refs.append(Reference(id=parts.identifier(), relation="proposal", document_type="TTr", number=number_of(num),
                              issue_date=when, issuer=dept[0], printed=f"{dept[0]} tại Tờ trình số {num} "
                              f"{format_citation_date(when)}", source=w.span(num)))
    known = [parent.id] + [r.id for r in refs]
    abbreviations = [Abbreviation(abbreviation=root.short, refers_to=root.id,
                                  printed=f"(sau đây viết tắt là {root.short})")]
    # -- body -------------------------------------------------------------------------------------
    style = rng.choice([".", "-"])
    romans = iter(_labels(style))
    preamble_text = nfc(
        f"{'Thực hiện' if b.system == 'party' else 'Căn cứ'} {format_citation(parent.parts())} {parent.title} "
        f"(sau đây viết tắt là {root.short}), {b.acting} ban hành Kế hoạch {_plan_verb(spec)} trên địa bàn "
        f"{b.area_text}, cụ thể như sau:")
    body: list[Block] = [Block(role="preamble", text=preamble_text, cites=[parent.id] if root_is_parent else
                               [parent.id, root.id], source=w.span(preamble_text))]

    def bullets(n: int, base: int = 1) -> list[Block]:
        out = []
        for _ in range(n):
            text = w.paragraph(base)
            cites = [root.id] if rng.random() < 0.3 else None
            if cites:
                text = text[:-1] + f", bám sát tinh thần của {root.short}."
            out.append(Block(label="-", text=text, cites=cites, source=w.span(text)))
        return out

    body.append(Block(label=next(romans), role="purposesAndRequirements", heading="MỤC ĐÍCH, YÊU CẦU",
                      source=w.span(), children=[
                          Block(label="1.", role="purposes", heading="Mục đích", source=w.span(),
                                children=bullets(rng.randint(2, 3))),
                          Block(label="2.", role="requirements", heading="Yêu cầu", source=w.span(),
                                children=bullets(rng.randint(2, 3)))]))
    if rng.random() < 0.5:
        year = int(spec.date[:4])
        targets = []
        for _ in range(rng.randint(2, 4)):
            value = str(rng.choice([80, 85, 90, 95, 98, 100]) if rng.random() < 0.8 else rng.randint(5, 60))
            obj = rng.choice(w.objects)
            printed = nfc(f"Phấn đấu đến năm {year + rng.randint(1, 5)}, {value}% {obj} đạt yêu cầu theo quy định")
            targets.append(Block(label="-", text=printed + ".", targets=[Target(value=value, unit="%",
                                                                                printed=printed)],
                                 source=w.span(printed)))
        body.append(Block(label=next(romans), role="objectives", heading="MỤC TIÊU, CHỈ TIÊU", source=w.span(),
                          children=targets))
    # the task tree: 20–60 tasks in three levels (1. → 1.1. → a)
    total = 20 + int(41 * rng.random() ** 2)  # 20–60, most plans near the low end (median ≈ 30)
    n1 = rng.randint(4, min(8, total // 4))
    n3 = round((total - n1) * rng.uniform(0.15, 0.4))
    n2 = total - n1 - n3
    per1 = [1] * n1
    for _ in range(n2 - n1):
        per1[rng.randrange(n1)] += 1
    tasks = []
    level2: list[list[Block]] = []
    for i in range(n1):
        kids: list[Block] = []
        for j in range(per1[i]):
            text = w.paragraph(1)
            deadlines = None
            if rng.random() < 0.15:
                d = (date.fromisoformat(spec.date) + timedelta(days=rng.randint(30, 300))).isoformat()
                phrase = f"hoàn thành trước {format_citation_date(d)}"
                text = text[:-1] + f", {phrase}."
                deadlines = [Deadline(date=d, printed=phrase)]
            kids.append(Block(label=f"{i + 1}.{j + 1}.", role="task", text=text, deadlines=deadlines,
                              source=w.span(text)))
        level2.append(kids)
    for _ in range(n3):
        while True:
            i = rng.randrange(n1)
            j = rng.randrange(len(level2[i]))
            blk = level2[i][j]
            if len(blk.children or []) < 8:
                break
        children = list(blk.children or [])
        text = w.paragraph(1) if rng.random() < 0.5 else w.sentence(1)
        children.append(Block(label=f"{LETTERS[len(children)]})", role="task", text=text, source=w.span(text)))
        level2[i][j] = blk.model_copy(update={"children": children})
    for i in range(n1):
        kids = list(level2[i])
        if rng.random() < 0.7:
            for role, word, k in (("leadAgencies", "Cơ quan chủ trì", 1), ("implementingAgencies",
                                                                          "Cơ quan thực hiện", rng.randint(1, 3)),
                                  ("coordinatingAgencies", "Cơ quan phối hợp", rng.randint(2, 5))):
                if role == "implementingAgencies" and rng.random() < 0.5:
                    continue
                names = w.agencies(k)
                text = nfc(f"{word}: {'; '.join(names)}.")
                kids.append(Block(label="-", role=role, text=text, agencies=names, source=w.span(text)))
        if rng.random() < 0.8:
            kind = rng.choice(["ongoing", "ongoing", "deadline", "period", "recurring"])
            y = int(spec.date[:4])
            if kind == "ongoing":
                tf = Timeframe(kind=kind, printed="Thường xuyên.")
            elif kind == "deadline":
                d = (date.fromisoformat(spec.date) + timedelta(days=rng.randint(30, 400))).isoformat()
                tf = Timeframe(kind=kind, deadline=d, printed=f"Hoàn thành trước {format_citation_date(d)}.")
            elif kind == "period":
                end = y + rng.choice([1, 2, 5, 6])
                tf = Timeframe(kind=kind, start=str(y), end=str(end), printed=f"Giai đoạn {y} - {end}.")
            else:
                tf = Timeframe(kind=kind, frequency="annual", printed="Hằng năm.")
            text = f"Thời gian thực hiện: {tf.printed}"
            kids.append(Block(label="-", role="timeframe", text=text, timeframe=tf, source=w.span(text)))
        heading = w.phrase()
        tasks.append(Block(label=f"{i + 1}.", role="task", heading=heading, source=w.span(heading, 1),
                           children=kids))
    body.append(Block(label=next(romans), role="tasks", heading=rng.choice(
        ["NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG THỰC HIỆN", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "NỘI DUNG, NHIỆM VỤ"]),
        source=w.span(), children=tasks))
    if rng.random() < 0.5:
        texts = [nfc(f"Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của {b.area_text} "
                     f"theo phân cấp ngân sách hiện hành."),
                 nfc("Huy động các nguồn lực xã hội hóa và các nguồn hợp pháp khác theo quy định của pháp luật.")]
        body.append(Block(label=next(romans), role="funding", heading="KINH PHÍ THỰC HIỆN", source=w.span(),
                          children=[Block(label=f"{k + 1}.", text=t, source=w.span(t)) for k, t in enumerate(texts)]))
    assignments = []
    n_assign = rng.randint(3, 7)
    for k, name in enumerate(w.agencies(n_assign)):
        duty = w.paragraph(1)
        text = nfc(f"{name[0].upper() + name[1:]} chủ trì, phối hợp với các cơ quan liên quan "
                   f"{duty[0].lower() + duty[1:]}")
        reporting = None
        if k == n_assign - 1:
            to = parent.issuer
            dl = rng.choice(["--11-20", "--12-15", "--06-15"])
            printed = nfc(f"Định kỳ hằng năm, báo cáo kết quả thực hiện về {to} trước ngày "
                          f"{int(dl[5:])}/{int(dl[2:4])} để tổng hợp.")
            text = text[:-1] + "; " + printed[0].lower() + printed[1:]
            reporting = Reporting(frequencies=["annual"], deadline=dl, to=[to], printed=printed)
        assignments.append(Block(label=f"{k + 1}.", role="assignment", text=text, agencies=[name],
                                 reporting=reporting, source=w.span(text)))
    body.append(Block(label=next(romans), role="organisation", heading="TỔ CHỨC THỰC HIỆN", source=w.span(),
                      children=assignments))
    closing = nfc(f"Trên đây là Kế hoạch {_plan_verb(spec)} {root.short} của {b.acting}; đề nghị các cơ quan, đơn "
                  f"vị nghiêm túc triển khai thực hiện./.")
    body.append(Block(role="closing", text=closing, source=w.span(closing)))
    # -- header, signature, recipients, provenance ------------------------------------------------
    if b.system == "party":
        authority = [Authority(marker="T/M", of="BAN THƯỜNG VỤ")]
        position = rng.choice(["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"])
    elif b.kind == "so":
        authority = [Authority(marker="KT.", of="GIÁM ĐỐC")] if rng.random() < 0.6 else []
        position = "PHÓ GIÁM ĐỐC" if authority else "GIÁM ĐỐC"
    else:
        authority = [Authority(marker="TM.", of="ỦY BAN NHÂN DÂN")]
        if rng.random() < 0.7:
            authority.append(Authority(marker="KT.", of="CHỦ TỊCH"))
        position = "PHÓ CHỦ TỊCH" if len(authority) > 1 else "CHỦ TỊCH"
    signed_at = (f"{spec.date}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+07:00"
                 if b.system == "state" and rng.random() < 0.6 else None)
    scan = spec.profile == "lenient"
    signature = Signature(authority=authority or None, position=position, name=None if scan else person(rng),
                          signed_at=signed_at)
    recipients = []
    for text, purpose in RECIPIENTS[(b.system, b.level)]:
        name = nfc(text.format(**w.fill))
        shown = {"report": f"{name} (báo cáo);", "archive": f"{name}."}.get(purpose or "", f"{name};")
        recipients.append(Recipient(label="-", text=shown, name=name.removeprefix("Lưu: ").removeprefix("Lưu "),
                                    purpose=purpose))
    digest = hashlib.sha256(spec.rel.encode()).hexdigest()[:16]
    inferred = None
    if rng.random() < 0.25:
        inferred = [InferredFact(field="/issuer/adminUnit", evidence=b.name,
                                 note=f"GSO code {b.area.code} ({b.area.full}) from the pre-2025 code list; the code "
                                      f"is not printed.")]
    provenance = Provenance(
        source_file=f"{spec.index:05d}_{digest}.{'pdf' if scan else 'txt'}",
        source_format="scan" if scan else "text", source=SourceSpan(start_line=1, end_line=w.line),
        ocr=True if scan else None,
        missing=[MissingFact(field="/signature/name", reason="illegible", note="chữ ký bị nhòe trong bản quét")]
        if scan else None, inferred=inferred)
    title = plan_title(spec)
    place = b.place if spec.variant == 0 else f"{b.place} (bản sao)"
    doc = Document(
        khth_version=KHTH_VERSION,
        id=make_identifier(spec.document_type, spec.number, spec.date, b.acting),
        profile=spec.profile, document_type=spec.document_type, number=number_of(spec.number),
        issue_date=spec.date, place=place,
        issuer=Issuer(name=b.name, acting_body=b.acting, superior_body=b.superior, system=b.system, level=b.level,
                      admin_unit=AdminUnit(code=b.area.code, scheme="gso-2004", name=b.area.full)),
        title=title, parent=parent_ref, references=refs or None, abbreviations=abbreviations, body=body,
        signature=signature, recipients=recipients, provenance=provenance)
    assert all(c in known for blk in _walk(doc.body) for c in (blk.cites or []))
    return doc


def _walk(blocks: list[Block] | None):
    for blk in blocks or []:
        yield blk
        yield from _walk(blk.children)


def render_root(spec: Spec) -> Document:
    r = spec.root
    issuer = Issuer(name=r.issuer, system="party", level="central")
    return Document(khth_version=KHTH_VERSION, id=r.id, profile="citation", document_type=r.document_type,
                    number=number_of(r.number), issue_date=r.date, issuer=issuer, title=r.title,
                    provenance=Provenance(notes=["Bản ghi trích dẫn do bộ sinh dữ liệu chuẩn (benchmark) tạo."]))


def count_tasks(form: dict[str, Any]) -> tuple[int, int, int]:
    levels = [0, 0, 0]

    def visit(blocks: list[dict[str, Any]], depth: int) -> None:
        for blk in blocks:
            d = depth
            if blk.get("role") == "task":
                levels[min(depth, 2)] += 1
                d = depth + 1
            visit(blk.get("children", []), d)

    visit(form.get("body", []), 0)
    return levels[0], levels[1], levels[2]


# --- faults on the JSON form ---------------------------------------------------------------------

def _blocks(form: dict[str, Any]):
    stack = list(reversed(form.get("body", [])))
    while stack:
        blk = stack.pop()
        yield blk
        stack += list(reversed(blk.get("children", [])))


def _task_section(form: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in form["body"] if b.get("role") == "tasks")


def _reid(form: dict[str, Any]) -> None:
    form["id"] = document_identifier(form)


def apply_fault(form: dict[str, Any], kind: str, rng: random.Random) -> dict[str, Any]:
    """Seed one fault into a valid JSON form (the record stays well-formed JSON)."""
    tasks = _task_section(form)["children"]
    if kind == "schema-required":
        del form["documentType"]
    elif kind == "schema-enum":
        blk = next(b for b in _blocks(form) if b.get("label", "").endswith(")"))
        blk["role"] = "nhiemVu"
    elif kind == "schema-type":
        form["number"]["serial"] = str(form["number"]["serial"])
    elif kind == "schema-additional":
        tasks[0]["ghiChu"] = "Nội dung bổ sung theo ý kiến của Thường trực."
    elif kind == "schema-pattern":
        y, m, d = form["issueDate"].split("-")
        form["issueDate"] = f"{d}/{m}/{y}"
    elif kind == "schema-date-format":
        form["issueDate"] = form["issueDate"][:5] + "02-30"
        _reid(form)
    elif kind == "number-grammar":
        n = form["number"]
        n["printed"] = f"{n['typeCode']}{n['serial']}/{n['issuerCode']}"
        _reid(form)
    elif kind == "number-parts":
        form["number"]["serial"] += 1
    elif kind == "type-code":
        form["documentType"] = "CT" if form["documentType"] != "CT" else "KH"
        _reid(form)
    elif kind == "id-mismatch":
        form["id"] = form["id"].replace(":KH:", ":CT:") if ":KH:" in form["id"] else form["id"] + "x"
    elif kind == "date-invalid":
        refs = form.get("references") or []
        target = next((r for r in refs if r.get("relation") != "root"), None)
        if target is None:
            form.setdefault("references", []).append(refs_law(form["issueDate"][:4] + "-02-30"))
        else:
            target["issueDate"] = target["issueDate"][:4] + "-02-30"
            target["id"] = reference_identifier(target)
    elif kind == "date-future":
        form["issueDate"] = str(int(form["issueDate"][:4]) + 7) + form["issueDate"][4:].replace("02-29", "02-28")
        _reid(form)
    elif kind == "citation-after-document":
        later = (date.fromisoformat(form["issueDate"]) + timedelta(days=rng.randint(10, 60))).isoformat()
        form.setdefault("references", []).append(refs_law(later))
    elif kind == "label-order":
        task = next(t for t in tasks if sum(1 for c in t["children"] if c.get("role") == "task") >= 2)
        subs = [c for c in task["children"] if c.get("role") == "task"]
        last = subs[-1]
        head, _, _ = last["label"].rstrip(".").rpartition(".")
        last["label"] = f"{head}.{len(subs) + 1}."
    elif kind == "label-parent":
        sub = next(c for c in tasks[1]["children"] if c.get("role") == "task")
        sub["label"] = "1" + sub["label"][1:] if not sub["label"].startswith("1") else "9" + sub["label"][1:]
    elif kind == "unknown-citation":
        tasks[0]["children"][0]["cites"] = ["khth:NQ:99-NQ/TW:2020-01-01:Bộ_Chính_trị"]
    elif kind == "agencies-missing":
        blk = next((b for b in _blocks(form) if b.get("role") == "coordinatingAgencies"), None)
        if blk is None:
            blk = tasks[0]
            blk["children"].append({"label": "-", "role": "coordinatingAgencies", "text": "Cơ quan phối hợp:"})
        else:
            del blk["agencies"]
    elif kind == "whitespace":
        blk = tasks[0]["children"][0]
        blk["text"] = blk["text"].replace(" ", "  ", 1)
    elif kind == "profile-gap":  # a digitised record that neither gives nor explains the signer
        form["profile"] = "lenient"
        form["signature"].pop("name", None)
    elif kind == "missing-but-present":
        form["provenance"]["missing"] = [{"field": "/title", "reason": "lost", "note": "mất trang đầu"}]
    elif kind == "not-nfc":
        blk = tasks[0]["children"][0]
        blk["text"] = unicodedata.normalize("NFD", blk["text"])
    return form


def refs_law(when: str) -> dict[str, Any]:
    parts = CitationParts("L", None, when, None, "Luật Thủ đô")
    return {"id": parts.identifier(), "relation": "cites", "documentType": "L", "issueDate": when,
            "title": "Luật Thủ đô", "printed": format_citation(parts)}


def fault_bytes(kind: str, json_bytes: bytes, xml_bytes: bytes) -> tuple[bytes, bytes]:
    """Faults of the bytes rather than of the record."""
    if kind == "truncated":  # cut half-way, at a character boundary (a cut inside one is an encoding fault)
        def half(b: bytes) -> bytes:
            text = b.decode("utf-8")
            return text[: len(text) // 2].encode("utf-8")
        return half(json_bytes), half(xml_bytes)
    if kind == "legacy-encoding":
        def legacy(b: bytes) -> bytes:
            text = unicodedata.normalize("NFD", b.decode("utf-8"))
            return text.encode("cp1258", errors="replace")
        return legacy(json_bytes), legacy(xml_bytes)
    if kind == "bom":
        return b"\xef\xbb\xbf" + json_bytes, b"\xef\xbb\xbf" + xml_bytes
    return json_bytes, xml_bytes


def xml_fault(kind: str, valid_form: dict[str, Any], form: dict[str, Any]) -> bytes:
    """The XML form of a faulty record; faults that to_xml refuses are made in the XML tree instead."""
    if kind not in ("schema-type", "schema-additional"):
        return to_xml(form, "document")
    tree = etree.fromstring(to_xml(valid_form, "document"))
    q = "{" + NS + "}"
    if kind == "schema-type":
        serial = tree.find(f"{q}number/{q}serial")
        serial.text = serial.text + "a"  # type: ignore[union-attr,operator]
    else:
        block = tree.find(f"{q}body/{q}block[2]")
        assert block is not None
        note = etree.SubElement(block, q + "ghiChu")
        note.text = "Nội dung bổ sung theo ý kiến của Thường trực."
    etree.indent(tree, space="  ")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


# --- one record, end to end ------------------------------------------------------------------------

def render(args: tuple[Spec, str]) -> dict[str, Any]:
    spec, out = args
    verbosity = initial_verbosity(spec)
    for _ in range(8):
        doc = render_document(spec, verbosity) if spec.body else render_root(spec)
        form = doc.to_json_data()
        data = canonical_json(form, "document")
        if spec.body is None or MIN_BYTES <= len(data) <= MAX_BYTES:
            break
        verbosity *= (MAX_BYTES * 0.85 / len(data)) if len(data) > MAX_BYTES else (MIN_BYTES * 1.3 / len(data))
    else:
        raise RuntimeError(f"{spec.rel}: could not reach the size range ({len(data)} bytes)")
    assert document_identifier(form) == form["id"], (form["id"], document_identifier(form))
    xml = to_xml(form, "document")
    if spec.fault:
        rng = random.Random(f"fault:{spec.index}")
        if spec.fault in ("truncated", "legacy-encoding", "bom"):
            data, xml = fault_bytes(spec.fault, data, xml)
        elif spec.fault in FAULTS and spec.fault not in PAIRS and not spec.fault.startswith("parent-") and \
                spec.fault != "child-before-parent":
            bad = apply_fault(json.loads(data), spec.fault, rng)
            data = orjson.dumps(bad, option=orjson.OPT_INDENT_2) + b"\n"
            xml = xml_fault(spec.fault, form, bad)
    for sub, payload, suffix in (("json", data, ".json"), ("xml", xml, ".xml")):
        path = Path(out, sub, spec.rel + suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
    tasks = count_tasks(form) if spec.body else (0, 0, 0)
    return {"rel": spec.rel, "json": len(data), "xml": len(xml), "tasks": tasks, "profile": spec.profile,
            "kind": spec.body.kind if spec.body else "root"}


# =============================================================================================
# The realistic corpus: plans as they are checked in practice
# =============================================================================================

REALISTIC_VERSION = "1"
LABEL_WARNING_RATE = 0.25  # plans with a label out of sequence (document.label-order, a warning)
ERROR_RATE = 0.03  # plans with a real error: a mis-derived identifier or a date that does not exist
REALISTIC_ERRORS = ("id-mismatch", "date-invalid")


def _realistic_selection(out: Path, valid: list[str], count: int) -> list[tuple[str, dict[str, Any]]]:
    """The first ``count`` plans (generation order) none of whose parents is among them: each is
    checked as it is in practice, without its parent, so its parent link does not resolve."""
    chosen: list[tuple[str, dict[str, Any]]] = []
    # by number alone: a plan whose parent's number is another's (of another date or province)
    # would be reported as a parent of the wrong date rather than as not found
    numbers: set[str] = set()
    parents: set[str] = set()
    for rel in valid:
        if rel.startswith("valid/cited/"):
            continue  # the citation-only roots stay out: the provincial plans' parents do not resolve either
        form = json.loads((out / "json" / f"{rel}.json").read_bytes())
        number = form["number"]["printed"]
        parent = (form.get("parent") or {}).get("number", {}).get("printed")
        if parent in numbers or number in parents:
            continue
        numbers.add(number)
        if parent:
            parents.add(parent)
        chosen.append((rel, form))
        if len(chosen) == count:
            break
    return chosen


def realistic_plan(form: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], list[str]]:
    """A valid plan made into what real plans look like when checked: facts inferred from the
    layout (an info finding), sometimes a label out of sequence, rarely a real error. Returns the
    plan and the rule codes it must be reported with (besides corpus.parent-unresolved)."""
    expected = ["document.inferred-facts"]
    prov = form.setdefault("provenance", {})
    if not prov.get("inferred"):
        prov["inferred"] = [{"field": "/issuer/adminUnit", "evidence": form["issuer"]["name"],
                             "note": "GSO code from the pre-2025 code list; the code is not printed."}]
    if rng.random() < LABEL_WARNING_RATE:
        try:
            apply_fault(form, "label-order", rng)
            expected.append("document.label-order")
        except StopIteration:
            pass  # no task with two sub-tasks to misnumber
    if rng.random() < ERROR_RATE:
        kind = rng.choice(REALISTIC_ERRORS)
        apply_fault(form, kind, rng)
        expected.append(FAULTS[kind][0][0])
    return form, expected


def make_realistic(out: Path, manifest: dict[str, Any], count: int, seed: int, force: bool) -> dict[str, Any]:
    """Write ``out/realistic/{json,xml}/``: ``count`` distinct plans from the valid corpus, each
    carrying the findings a real plan carries when checked (see realistic_plan)."""
    target = out / "realistic"
    params = {"version": REALISTIC_VERSION, "seed": seed, "count": count, "corpus": manifest["params"]}
    manifest_path = target / "manifest.json"
    if manifest_path.exists() and not force:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if old.get("params") == params:
            print(f"realistic corpus up to date: {target} ({len(old['files'])} plans)")
            return old
    shutil.rmtree(target, ignore_errors=True)
    t0 = time.perf_counter()
    chosen = _realistic_selection(out, manifest["files"]["valid"], count)
    files, codes = [], Counter()
    for k, (rel, form) in enumerate(chosen):
        form, expected = realistic_plan(form, random.Random(f"{seed}:realistic:{k}"))
        name = rel.removeprefix("valid/")
        for sub, payload in (("json", canonical_json(form, "document")), ("xml", to_xml(form, "document"))):
            path = target / sub / f"{name}.{sub}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(payload)
        files.append({"rel": name, "expected": expected})
        codes.update(expected)
    result = {"params": params, "files": files, "codes": dict(codes)}
    manifest_path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"realistic corpus: {len(files)} plans in {time.perf_counter() - t0:.1f} s, each with "
          f"corpus.parent-unresolved; {json.dumps(dict(codes), ensure_ascii=False)}", flush=True)
    return result


# =============================================================================================
# Verification through plan-validate
# =============================================================================================

def verify(out: Path, manifest: dict[str, Any], fmt: str, sample: int | None) -> dict[str, Any]:
    """Run plan-validate on the valid records (or the first ``sample`` of them, with their roots) and
    on the invalid ones in one run; check that valid records have no error or warning and that
    every seeded fault is reported."""
    valid = manifest["files"]["valid"]
    if sample:
        valid = valid[: sample + len(ROOTS)]
    invalid = manifest["files"]["invalid"]
    suffix = "." + fmt
    listing = out / f".verify-{fmt}.txt"
    if sample:
        paths = [str(out / fmt / (rel + suffix)) for rel in valid + invalid]
    else:  # folders, as a user would give them
        paths = [str(out / fmt / "valid"), str(out / fmt / "invalid")]
    cmd = [sys.executable, "-m", "khth.validator", "--format", "json", *paths]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"plan-validate failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    report = json.loads(proc.stdout)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in report["files"]:
        by_file.setdefault(entry["file"], []).extend(entry.get("findings", []))
    for f in report.get("corpus", []) or []:
        by_file.setdefault(f["file"], []).append(f)
    problems = []
    for rel in valid:
        found = [f for f in by_file.get(str(out / fmt / (rel + suffix)), []) if f["severity"] != "info"]
        if found:
            problems.append(f"{rel}: " + "; ".join(f"{f['code']} {f.get('pointer', '')}" for f in found[:3]))
    missed = []
    for fault in manifest["faults"]:
        wanted = set(fault[fmt])
        codes = {f["code"] for rel in fault["files"] for f in by_file.get(str(out / fmt / (rel + suffix)), [])}
        if not wanted & codes:
            missed.append(f"{fault['kind']} {fault['files'][0]}: wanted {sorted(wanted)}, got {sorted(codes)}")
    listing.write_text("\n".join(problems + missed) + "\n", encoding="utf-8")
    return {"format": fmt, "valid_checked": len(valid), "valid_with_findings": len(problems),
            "faults": len(manifest["faults"]), "faults_missed": len(missed), "seconds": round(elapsed, 2),
            "details": (problems + missed)[:10]}


# =============================================================================================
# Main
# =============================================================================================

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="valid plans (default 10000)")
    ap.add_argument("--invalid", type=int, default=None, help="records with seeded faults (default 3%% of --count, "
                                                               "at least 2 per fault kind)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--verify", choices=["all", "sample", "none"], default="all",
                    help="check the corpus with plan-validate afterwards (sample: the first 500 plans)")
    ap.add_argument("--force", action="store_true", help="regenerate even if a corpus with the same parameters exists")
    ap.add_argument("--realistic", type=int, default=2000,
                    help="plans of the realistic corpus (checked without their parents, with info findings, "
                         "label warnings and a few errors), written to OUT/realistic; 0 skips it")
    args = ap.parse_args(argv)
    n_invalid = args.invalid if args.invalid is not None else max(2 * len(FAULTS), round(args.count * 0.03))
    out: Path = args.out
    params = {"generator": GENERATOR_VERSION, "seed": args.seed, "count": args.count, "invalid": n_invalid}
    manifest_path = out / "manifest.json"
    if manifest_path.exists() and not args.force:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if old.get("params") == params:
            print(f"corpus up to date: {out} ({args.count} plans, seed {args.seed}); --force to rebuild")
            if args.realistic:
                make_realistic(out, old, args.realistic, args.seed, args.force)
            return 0
    for sub in ("json", "xml"):
        shutil.rmtree(out / sub, ignore_errors=True)
    t0 = time.perf_counter()
    roots, plans, invalid, faults = plan(args.count, n_invalid, args.seed)
    specs = roots + plans + invalid
    print(f"planned {len(roots)} roots, {len(plans)} plans, {len(invalid)} invalid records "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)
    work = [(s, str(out)) for s in specs]
    if args.jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = list(pool.imap(render, work, chunksize=32))
    else:
        results = [render(w) for w in work]
    print(f"rendered {len(results)} records in {time.perf_counter() - t0:.1f} s", flush=True)
    plan_rows = [r for r in results if r["rel"].startswith("valid/r")]
    sizes = sorted(r["json"] for r in plan_rows)
    xml_sizes = sorted(r["xml"] for r in plan_rows)
    tasks = [sum(r["tasks"]) for r in plan_rows]
    levels = [sum(r["tasks"][i] for r in plan_rows) for i in range(3)]
    stats = {
        "plans": len(plan_rows), "roots": len(roots), "invalid_records": len(invalid), "fault_groups": len(faults),
        "fault_kinds": dict(Counter(f["kind"] for f in faults)),
        "json_bytes": {"min": sizes[0], "median": int(statistics.median(sizes)), "mean": int(statistics.mean(sizes)),
                       "max": sizes[-1], "total": sum(sizes)},
        "xml_bytes": {"min": xml_sizes[0], "median": int(statistics.median(xml_sizes)), "max": xml_sizes[-1],
                      "total": sum(xml_sizes)},
        "tasks_per_plan": {"min": min(tasks), "median": statistics.median(tasks), "max": max(tasks)},
        "tasks_by_level": levels,
        "issuers": dict(Counter(r["kind"] for r in plan_rows)),
        "profiles": dict(Counter(r["profile"] for r in plan_rows)),
    }
    manifest = {"params": params, "stats": stats,
                "files": {"valid": [s.rel for s in roots + plans], "invalid": [s.rel for s in invalid]},
                "faults": faults}
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    print(json.dumps(stats, ensure_ascii=False, indent=1))
    if args.verify != "none":
        checks = []
        for fmt in ("json", "xml"):
            result = verify(out, manifest, fmt, 500 if args.verify == "sample" else None)
            checks.append(result)
            print(f"verify {fmt}: {result['valid_checked']} valid records, {result['valid_with_findings']} with errors "
                  f"or warnings; {result['faults']} seeded faults, {result['faults_missed']} missed "
                  f"({result['seconds']} s)", flush=True)
            for line in result["details"]:
                print("   ", line)
        manifest["verify"] = checks
        if any(c["valid_with_findings"] or c["faults_missed"] for c in checks):
            manifest_path.write_text(json.dumps({**manifest, "params": {**params, "failed": True}},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
            print("VERIFY FAILED: see", out / ".verify-json.txt", out / ".verify-xml.txt", file=sys.stderr)
            return 1
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.realistic:
        make_realistic(out, manifest, args.realistic, args.seed, True)
    print(f"done in {time.perf_counter() - t0:.1f} s: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
