#!/usr/bin/env python3
"""pypdfium2 against pdfplumber as the source of the PDF reader's words: the same records as the
round trip, rendered as .docx, exported to PDF by LibreOffice, their words read by each library and
given to the same line builder (khth.converters.pdf_input), scored field by field.

    python benchmarks/roundtrip/pdf_libraries.py --count 40

pdfplumber is not a dependency of the toolkit: install it to run this (pip install pdfplumber).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from records import generate  # noqa: E402
from routes import _pdfs  # noqa: E402
from run import render_all  # noqa: E402
from score import FAMILIES, Tally, score_record  # noqa: E402

from khth.converters.pdf_input import Page, Word, pdf_pages, record_from_pages  # noqa: E402


def pdfplumber_pages(data: bytes) -> list[Page]:
    """The words of every page as pdfplumber (pdfminer.six) reads them, in the reader's terms."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            words = [Word(number, w["x0"], w["top"], w["x1"], w["bottom"], w["text"],
                          "bold" in w["fontname"].lower(), w["bottom"])
                     for w in page.extract_words(extra_attrs=["fontname"], x_tolerance=1.5)]
            pages.append(Page(number, float(page.width), float(page.height), words))
    return pages


LIBRARIES = {"pypdfium2": pdf_pages, "pdfplumber": pdfplumber_pages}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--work", type=Path)
    args = ap.parse_args()
    records = generate(args.count, args.seed)
    with tempfile.TemporaryDirectory(prefix="khth-pdf-libraries-") as tmp:
        work = args.work or Path(tmp)
        pdfs = _pdfs(render_all(records, work), work)
        data = {name: path.read_bytes() for name, path in pdfs.items()}
        pages_total = 0
        print(f"{len(data)} PDFs (seed {args.seed})")
        print("| library    | s per PDF | pages/s | " + " | ".join(f"{f[:8]:>8}" for f in FAMILIES) + " |")
        for library, read in LIBRARIES.items():
            total = Tally()
            seconds = 0.0
            pages_total = 0
            for g in records:
                if g.name not in data:
                    continue
                start = time.perf_counter()
                pages = read(data[g.name])
                seconds += time.perf_counter() - start
                pages_total += len(pages)
                total.add(score_record(g.name, record_from_pages(pages, f"{g.name}.pdf")[1], g.record))
            scores = [total.score(f) for f in FAMILIES]
            print(f"| {library:10} | {seconds / len(data):9.3f} | {pages_total / seconds:7.1f} | "
                  + " | ".join("       -" if s is None else f"{s:8.2f}" for s in scores) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
