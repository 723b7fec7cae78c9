"""Bad input: a clear bilingual message, exit code 1, nothing written, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from khth.cli.convert import main

VIETNAMESE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Kế hoạch thực hiện công tác chăm sóc, giáo dục và bảo vệ trẻ em trên địa bàn huyện.\n") * 5


def _tcvn3() -> bytes:
    # "Cộng hoà xã hội chủ nghĩa Việt Nam" in TCVN3 (ABC): precomposed letters at 0xA1–0xFE.
    return (b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam. \xae\xb8p \xf8ng y\xaau c\xc7u.\n") * 20


def _vni() -> bytes:
    # "Cộng hòa xã hội chủ nghĩa Việt Nam" in VNI: a vowel followed by a mark byte.
    return (b"Co\xe4ng hoa\xf8 xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam, \xf1a\xfap \xf6\xf9ng.\n") * 20


CASES = {
    "empty": (b"", "rỗng", "empty"),
    "blank": (b"  \n\n \t\n", "rỗng", "empty"),
    "binary": (bytes(range(256)) * 4, "nhị phân", "binary"),
    "tcvn3": (_tcvn3(), "TCVN3", "TCVN3"),
    "vni": (_vni(), "VNI", "VNI"),
    "not-a-plan": ("Hôm nay trời đẹp.\nChúng tôi đi chơi công viên.\n".encode(), "Không nhận ra", "not recognised"),
    "unknown-encoding": (bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 30, "UTF-8", "UTF-8"),
    "broken-docx": (b"PK\x03\x04" + b"\x00" * 40, "", ""),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_exits_1_with_both_languages_and_writes_nothing(tmp_path, name):
    data, vi, en = CASES[name]
    src = tmp_path / "input.txt"
    src.write_bytes(data)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, [str(src), "--to", "json", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert vi in result.output and en in result.output
    assert " / " in result.output  # Vietnamese / English
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps â, ê, ô, ơ, ư, ă, đ whole and writes tone marks as combining characters."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in nfd if c in tones).encode("cp1258")
    return out


def test_windows_1258_is_converted(tmp_path):
    src = tmp_path / "cp1258.txt"
    text = ("ĐẢNG BỘ TỈNH QUẢNG NGÃI\nHUYỆN ỦY SƠN HÀ\n*\nSố 12-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Sơn Hà, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nthực hiện nhiệm vụ năm 2024\n\n"
            "Thực hiện Kế hoạch số 20-KH/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy "
            "ban hành Kế hoạch như sau:\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tăng cường công tác tuyên truyền.\n\n"
            "Nơi nhận:\n- Thường trực Tỉnh ủy (báo cáo),\n- Lưu Văn phòng Huyện ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n"
            "Nguyễn Văn An\n")
    src.write_bytes(_cp1258(text))
    result = CliRunner().invoke(main, [str(src), "--to", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "HUYỆN ỦY SƠN HÀ" in result.output and "Windows-1258" in result.output


def test_utf8_with_bom_and_utf16_text_are_read(tmp_path):
    from khth.converters.text.encoding import decode_text

    assert decode_text("\ufeffKế hoạch".encode("utf-8"))[0] == "Kế hoạch"
    assert decode_text("Kế hoạch".encode("utf-16"))[0] == "Kế hoạch"
    assert decode_text(VIETNAMESE.encode())[1] is None
