"""ZIP containers (.docx, .odt, any zip) are checked from their central directory before a member
is unpacked: a zip bomb, a member listed twice and an encrypted member are refused with a
bilingual message, exit 1 and nothing written."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from khth import api
from khth.cli.convert import main as convert_main
from khth.input.containers import MAX_RATIO, MAX_UNPACKED, RATIO_FLOOR, check_zip, document_kind
from khth.input.errors import KhthInputError

EXAMPLE = Path(__file__).parent.parent / "examples" / "ke-hoach-ubnd-tinh-binh-dinh.json"


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return api.to_docx(api.load(EXAMPLE))


def _rezip(data: bytes, extra: list[tuple[str, bytes]] = (), drop: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        for info in src.infolist():
            if info.filename not in drop:
                dst.writestr(info.filename, src.read(info.filename))
        for name, member in extra:
            dst.writestr(name, member)
    return out.getvalue()


def _bomb(docx: bytes, size: int = 16 * 1024 * 1024) -> bytes:
    """The document with its body replaced by ``size`` bytes of one repeated character: a few kilobytes."""
    return _rezip(docx, [("word/document.xml", b"<" + b"a" * size)], drop=("word/document.xml",))


def _encrypt_flag(data: bytes, member: str) -> bytes:
    """``data`` with the central directory marking ``member`` encrypted (zipfile cannot write encryption)."""
    buf = bytearray(data)
    at = 0
    while (at := buf.find(b"PK\x01\x02", at)) >= 0:
        name_len = int.from_bytes(buf[at + 28:at + 30], "little")
        if buf[at + 46:at + 46 + name_len].decode() == member:
            flags = int.from_bytes(buf[at + 8:at + 10], "little") | 0x1
            buf[at + 8:at + 10] = flags.to_bytes(2, "little")
        at += 4
    return bytes(buf)


def _convert(tmp_path: Path, data: bytes, lang: str = "both"):
    src, out = tmp_path / "plan.docx", tmp_path / "out.json"
    src.write_bytes(data)
    result = CliRunner().invoke(convert_main, [str(src), "--to", "json", "-o", str(out), "--lang", lang])
    return result, out


def test_a_zip_bomb_is_refused_before_any_member_is_unpacked(tmp_path, docx_bytes, monkeypatch):
    bomb = _bomb(docx_bytes)
    assert len(bomb) < 200_000

    def unpacked(*args, **kwargs):
        raise AssertionError("a member was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", unpacked)
    result, out = _convert(tmp_path, bomb)
    assert result.exit_code == 1 and not out.exists()
    assert "Từ chối tệp nén trước khi giải nén" in result.output
    assert "archive refused before unpacking: the member word/document.xml unpacks to 16777217 bytes" \
        in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_refusal_speaks_one_language(tmp_path, docx_bytes, lang):
    result, _ = _convert(tmp_path, _bomb(docx_bytes), lang)
    assert result.exit_code == 1
    assert ("giải nén" in result.output) == (lang == "vi") and ("unpack" in result.output) == (lang == "en")


def test_a_member_listed_twice_is_refused(tmp_path, docx_bytes):
    twice = _rezip(docx_bytes, [("word/document.xml", b"<w:document/>")])
    result, out = _convert(tmp_path, twice)
    assert result.exit_code == 1 and not out.exists()
    assert "the archive lists the member word/document.xml twice" in result.output
    assert "Tệp nén có hai mục cùng tên word/document.xml" in result.output


def test_an_encrypted_member_is_refused(tmp_path, docx_bytes):
    result, out = _convert(tmp_path, _encrypt_flag(docx_bytes, "word/styles.xml"))
    assert result.exit_code == 1 and not out.exists()
    assert "password-protected (the archive member word/styles.xml is encrypted)" in result.output


def test_a_password_protected_word_file_is_named_as_such(tmp_path):
    # Office wraps an encrypted .docx in an OLE2 compound file with these two streams
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le") + \
        bytes(50) + "EncryptedPackage".encode("utf-16-le") + bytes(1000)
    result, out = _convert(tmp_path, ole2, "en")
    assert result.exit_code == 1 and not out.exists()
    assert "the file is password-protected (a Word file with an opening password)" in result.output


def test_a_cut_short_archive_and_a_zip_of_other_files_are_named(tmp_path, docx_bytes):
    result, _ = _convert(tmp_path, docx_bytes[: len(docx_bytes) // 2], "en")
    assert result.exit_code == 1 and "damaged ZIP archive, cannot be opened" in result.output
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("photo.txt", "not a document")
    result, _ = _convert(tmp_path, other.getvalue(), "en")
    assert result.exit_code == 1
    assert "a ZIP archive that is neither a Word (.docx) nor an OpenDocument (.odt) file" in result.output


def test_an_ordinary_document_passes_the_checks(docx_bytes):
    assert document_kind(docx_bytes).name == "docx"
    record = api.convert(docx_bytes, name="plan.docx")
    assert record.data["issuer"]["name"] == api.load(EXAMPLE).data["issuer"]["name"]


def _info(name: str, size: int, compressed: int, flags: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.file_size, info.compress_size, info.flag_bits = size, compressed, flags
    return info


members = st.lists(st.tuples(st.integers(0, 3 * MAX_UNPACKED // 2), st.integers(0, 40 * 1024 * 1024)),
                   min_size=1, max_size=6)


@given(members)
def test_what_passes_the_directory_check_is_bounded(sizes):
    infos = [_info(f"m{i}", size, compressed) for i, (size, compressed) in enumerate(sizes)]
    try:
        check_zip(infos)
    except KhthInputError as exc:
        assert exc.code == "input.zip-bomb"
        over_total = sum(s for s, _ in sizes) > MAX_UNPACKED
        over_ratio = any(s > RATIO_FLOOR and s > MAX_RATIO * max(c, 1) for s, c in sizes)
        assert over_total or over_ratio
    else:
        assert sum(s for s, _ in sizes) <= MAX_UNPACKED
        assert all(s <= RATIO_FLOOR or s <= MAX_RATIO * max(c, 1) for s, c in sizes)


def test_the_declared_total_is_refused_even_at_a_plain_ratio():
    infos = [_info(f"image{i}.png", 30 * 1024 * 1024, 29 * 1024 * 1024) for i in range(4)]
    with pytest.raises(KhthInputError) as caught:
        check_zip(infos)
    assert caught.value.code == "input.zip-bomb" and "image3.png" in caught.value.en
