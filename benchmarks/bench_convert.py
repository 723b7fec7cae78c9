"""Benchmark: plan-convert text → KHTH JSON, in documents per second on one core.

Corpora: the five seed texts (six documents); generated plans of about 30 KB each (fixed seed,
so every run reads the same texts); the same plans as a portal serves them (site text and a
metadata table before the header, CRLF line ends, a blank after each line); and an OCR layer
whose body holds one very long paragraph without marks (300 KB to 10 MB), each converted in its
own process to report its peak memory. Peer, measured in the same run on the same texts: a
plain reader that only splits the text into lines and finds labels and document numbers with
regular expressions; the ratio says what the full reading costs over that floor.

PDF (``--pdf N``, LibreOffice needed): N generated plans of about ten pages each, rendered to .docx
and exported to PDF by LibreOffice, read with their geometry (pypdfium2) into records; the words
alone, then the whole reading. Peer, in the same run on the same files: ``pdftotext -layout``
(poppler), one process a file as it is used, which gives text only.

    python benchmarks/bench_convert.py [--seconds 3] [--generated 20] [--pdf 8]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khth.input.canonical import canonical_json, root_of  # noqa: E402
from khth.converters.text import text_to_record  # noqa: E402
from khth.converters.text.render import render  # noqa: E402

SEED = 20240423
AGENCIES = ["Ủy ban nhân dân huyện", "Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội huyện", "Công an huyện",
            "Ban Tuyên giáo Huyện ủy", "Phòng Giáo dục và Đào tạo", "Phòng Văn hóa và Thông tin", "Phòng Y tế"]
SENTENCES = [
    "Tăng cường công tác tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước về "
    "công tác chăm sóc, giáo dục và bảo vệ trẻ em trên địa bàn.",
    "Rà soát, bổ sung kế hoạch hành động phù hợp với tình hình thực tế của địa phương, đơn vị; thường xuyên "
    "kiểm tra, giám sát việc triển khai thực hiện.",
    "Thực hiện Chỉ thị số 28-CT/TW của Bộ Chính trị và Kế hoạch số 260-KH/TU của Ban Thường vụ Tỉnh ủy gắn "
    "với nhiệm vụ chính trị của từng cơ quan.",
    "Kiện toàn, bố trí ổn định đội ngũ công chức chuyên trách ở cơ sở, hoàn thành trước ngày 30/6/2024.",
    "Đảm bảo 95% trẻ em trong độ tuổi được tiếp cận dịch vụ y tế cơ bản tại cộng đồng.",
]


def generated_plan(rng: random.Random, size: int = 30_000) -> str:
    body = [{"role": "preamble",
             "text": "Thực hiện Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị "
                     "số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành Kế hoạch "
                     "triển khai thực hiện như sau:"}]
    tasks = {"label": "I.", "heading": "NỘI DUNG THỰC HIỆN", "children": []}
    org = {"label": "II.", "heading": "TỔ CHỨC THỰC HIỆN", "children": []}
    body += [tasks, org]
    doc = {"documentType": "KH", "number": {"printed": f"{rng.randint(1, 900)}-KH/HU", "system": "party"},
           "issueDate": "2024-08-20", "place": "Sơn Hà",
           "issuer": {"name": "HUYỆN ỦY SƠN HÀ", "superiorBody": "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "system": "party"},
           "title": "thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị", "body": body,
           "signature": {"authority": [{"marker": "T/M", "of": "BAN THƯỜNG VỤ"}], "position": "BÍ THƯ",
                         "name": "Nguyễn Văn An"},
           "recipients": [{"label": "-", "text": "Thường trực Tỉnh ủy (báo cáo),"},
                          {"label": "-", "text": "Lưu Văn phòng Huyện ủy."}]}
    n = 0
    while len(render(doc).encode("utf-8")) < size:
        n += 1
        task = {"label": f"{n}.", "heading": f"Nhiệm vụ trọng tâm thứ {n}", "children": []}
        for j in range(rng.randint(2, 4)):
            task["children"].append({"label": f"{n}.{j + 1}.", "text": rng.choice(SENTENCES)})
        task["children"].append({"label": "-", "text": "Cơ quan thực hiện: " + "; ".join(rng.sample(AGENCIES, 3)) + "."})
        task["children"].append({"label": "-", "text": "Thời gian thực hiện: Thường xuyên."})
        tasks["children"].append(task)
        org["children"].append({"label": f"{n}.", "text": f"{rng.choice(AGENCIES)} chủ trì, phối hợp thực hiện; "
                                                          "định kỳ hằng năm báo cáo Ban Thường vụ Huyện ủy."})
    return render(doc)


SITE_TEXT = ("Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ\nĐăng nhập\nLượt truy cập: 1.234.567\n"
             "Số hiệu: {number}\tNgày ban hành: 20/08/2024\nLoại văn bản: Kế hoạch\tNgười ký: Nguyễn Văn An\n\n")


def as_portal_serves(text: str) -> str:
    """A plan as a portal serves it: site text and a metadata table before the header, CRLF line
    ends, a blank after each line."""
    number = re.search(r"\d+-KH/HU", text).group(0)
    return "\r\n".join(ln + " " for ln in (SITE_TEXT.format(number=number) + text).split("\n"))


def long_ocr_paragraph(size: int) -> bytes:
    """The OCR seed with one paragraph of ``size`` bytes of unmarked words in its body."""
    seed = next(p for p in sorted((ROOT / "examples" / "sources").glob("*.txt"))
                if not re.search("[àáảãạăâđêôơư]", p.read_text(encoding="utf-8")[:400]))
    lines = seed.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if re.match(r"\s*I+\.\s", ln))
    words = "ke hoach thuc hien "
    paragraph = (words * (size // len(words) + 1))[:size]
    return "\n".join(lines[:at] + [paragraph, ""] + lines[at:]).encode("utf-8")


def time_and_memory(data: bytes) -> tuple[float, float]:
    """Seconds and peak resident MB of ``plan-convert`` on ``data``, in a process of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "layer.txt"
        src.write_bytes(data)
        code = ("import resource, sys, time; from khth.converters.sources import read_source; "
                "d = open(sys.argv[1], 'rb').read(); t = time.perf_counter(); read_source(d, 'layer.txt'); "
                "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
        out = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True, check=True,
                             cwd=ROOT).stdout.split()
    return float(out[0]), float(out[1])


def baseline(text: str) -> int:
    """The peer: split into lines, find labels and numbers with regular expressions."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    labels = sum(1 for ln in lines if re.match(r"^(?:[IVX]+[.-]|\d+(?:\.\d+)*\.|[a-zđ]\)|-)\s", ln))
    numbers = len(re.findall(r"\d{1,6}-[A-ZĐ]{1,5}/[A-ZĐ0-9]+|\d{1,6}/[A-ZĐ0-9-]+", text))
    return labels + numbers


def convert(text: str) -> int:
    record = text_to_record(text, "bench.txt")
    canonical_json(record, root_of(record))
    return len(record.get("documents", [record]))


def rate(fn, texts: list[str], seconds: float) -> tuple[float, int]:
    """Documents per second (median of rounds) and documents per pass."""
    docs_per_pass = sum(convert(t) for t in texts) if fn is convert else len(texts)
    rounds = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(rounds) < 3:
        start = time.perf_counter()
        for t in texts:
            fn(t)
        rounds.append(docs_per_pass / (time.perf_counter() - start))
    return statistics.median(rounds), docs_per_pass


def writing_ms(texts: list[str], seconds: float) -> float:
    """Milliseconds to write the canonical JSON of the records of ``texts`` (median of rounds):
    the share of the total that is writing, not reading."""
    records = [text_to_record(t, "bench.txt") for t in texts]
    rounds = []
    deadline = time.perf_counter() + seconds / 3
    while time.perf_counter() < deadline or len(rounds) < 3:
        start = time.perf_counter()
        for r in records:
            canonical_json(r, root_of(r))
        rounds.append((time.perf_counter() - start) * 1000)
    return statistics.median(rounds)


PDF_PLAN_BYTES = 26_000  # a generated plan of this size takes ten pages in LibreOffice's PDF


def ten_page_pdfs(count: int, work: Path) -> list[bytes]:
    """``count`` generated plans as LibreOffice exports them to PDF (about ten pages each)."""
    import shutil

    from khth.api import to_docx

    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: install the Debian package libreoffice-writer-nogui")
    rng = random.Random(SEED + 1)
    for i in range(count):
        (work / f"plan{i}.docx").write_bytes(to_docx(text_to_record(generated_plan(rng, PDF_PLAN_BYTES), "x.txt")))
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), *(str(work / f"plan{i}.docx") for i in range(count))],
                   capture_output=True, timeout=900, check=False)
    return [(work / f"plan{i}.pdf").read_bytes() for i in range(count) if (work / f"plan{i}.pdf").exists()]


def pdf_rates(pdfs: list[bytes], work: Path, seconds: float) -> None:
    import shutil

    from khth.converters.pdf_input import pdf_pages
    from khth.converters.sources import read_source

    pages = sum(len(pdf_pages(d)) for d in pdfs) / len(pdfs)

    def rounds(fn) -> float:
        out, deadline = [], time.perf_counter() + seconds
        while time.perf_counter() < deadline or len(out) < 3:
            start = time.perf_counter()
            for d in pdfs:
                fn(d)
            out.append(len(pdfs) / (time.perf_counter() - start))
        return statistics.median(out)

    words = rounds(pdf_pages)
    whole = rounds(lambda d: read_source(d, "plan.pdf"))
    print(f"PDF, {len(pdfs)} generated plans, {pages:.1f} pages each: words {words:6.1f} PDFs/s, "
          f"record {whole:6.1f} PDFs/s ({1000 / whole:5.1f} ms a PDF)")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        print("peer pdftotext -layout: not installed (Debian package poppler-utils)")
        return
    files = []
    for i, d in enumerate(pdfs):
        files.append(work / f"peer{i}.pdf")
        files[-1].write_bytes(d)
    peer = rounds(lambda d: subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(files[pdfs.index(d)]), "-"],
                                          capture_output=True, check=True))
    print(f"peer pdftotext -layout (text only, a process a file): {peer:6.1f} PDFs/s; "
          f"ratio to the record {peer / whole:4.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    parser.add_argument("--generated", type=int, default=20, help="number of generated 30 KB plans")
    parser.add_argument("--long-paragraph", type=int, nargs="*", default=[300_000, 3_000_000, 10_000_000],
                        help="sizes in bytes of the long OCR paragraph to measure (none: skip)")
    parser.add_argument("--pdf", type=int, default=0, help="number of ten-page PDFs to measure (0: skip)")
    parser.add_argument("--pdf-only", action="store_true", help="measure the PDFs alone")
    args = parser.parse_args()
    if args.pdf:
        with tempfile.TemporaryDirectory(prefix="khth-bench-pdf-") as tmp:
            pdfs = ten_page_pdfs(args.pdf, Path(tmp))
            for d in pdfs:  # warm caches before timing
                from khth.converters.sources import read_source
                read_source(d, "plan.pdf")
            print(f"plan-convert PDF → JSON, one core, Python {sys.version.split()[0]}")
            pdf_rates(pdfs, Path(tmp), args.seconds)
        if args.pdf_only:
            return
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "sources").glob("*.txt"))]
    rng = random.Random(SEED)
    generated = [generated_plan(rng) for _ in range(args.generated)]
    served = [as_portal_serves(t) for t in generated]
    for texts in (seeds, generated):  # warm caches (code list, vocabulary) before timing
        for t in texts:
            convert(t)
    print(f"plan-convert text → JSON, one core, Python {sys.version.split()[0]}")
    for name, texts in (("seeds", seeds), ("generated ~30 KB", generated), ("as a portal serves", served)):
        size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
        ours, docs = rate(convert, texts, args.seconds)
        json_ms = writing_ms(texts, args.seconds) / docs
        peer, _ = rate(baseline, texts, args.seconds)
        print(f"{name:18} {len(texts):3} files, {docs:3} docs, mean {size / 1024:5.1f} KB: "
              f"{ours:8.1f} docs/s ({1000 / ours:5.2f} ms a document, of which canonical JSON {json_ms:4.2f} ms); "
              f"peer (line split + regex) {peer:9.1f} docs/s; ratio {peer / ours:6.1f}×")
    for size in args.long_paragraph:
        seconds, mb = time_and_memory(long_ocr_paragraph(size))
        print(f"OCR layer, one paragraph of {size / 1024:7.0f} KB: {seconds:6.1f} s, peak {mb:6.0f} MB resident")


if __name__ == "__main__":
    main()
