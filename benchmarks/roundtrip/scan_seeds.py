#!/usr/bin/env python3
"""The issue's criterion for scans: a scanned-like PDF of each seed gives 95 % of the header and
reference facts its text gives. Each seed text (examples/sources) is read into a record, rendered as
.docx, exported to PDF by LibreOffice, and made a scan by the round trip's route (each page a grey
300 dpi picture, no text layer), clean or a degree askew and speckled; plan-convert reads the scan
through Tesseract. Facts: issuer, number, date, subject line and signer of each document, and each
cited number; a fact counts once for each time the text gives it.

    python benchmarks/roundtrip/scan_seeds.py [--variants clean,askew-speckled] [--jobs 2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from routes import SCAN_ANGLE, SCAN_NOISE, image_only_pdf  # noqa: E402

VARIANTS = {"clean": {}, "askew": {"angle": SCAN_ANGLE}, "speckled": {"noise": SCAN_NOISE},
            "askew-speckled": {"angle": SCAN_ANGLE, "noise": SCAN_NOISE}}


def facts(record: dict) -> Counter:
    out: Counter = Counter()
    for doc in record.get("documents", [record]):
        for name, value in (("issuer", (doc.get("issuer") or {}).get("name")),
                            ("number", (doc.get("number") or {}).get("printed")), ("date", doc.get("issueDate")),
                            ("title", doc.get("title")), ("signer", (doc.get("signature") or {}).get("name"))):
            if value:
                out[(name, value)] += 1
        for ref in doc.get("references", []):
            if ref.get("number"):
                out[("reference", ref["number"]["printed"])] += 1
    return out


def _scan_facts(item: tuple[str, str, bytes]) -> tuple[str, str, Counter, int]:
    from khth.converters.sources import read_source

    seed, variant, pdf = item
    scan = image_only_pdf(pdf, **VARIANTS[variant])
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(scan))
    return seed, variant, facts(read_source(scan, "scan.pdf")[1]), pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default="clean,askew-speckled", help="from: " + ", ".join(VARIANTS))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    variants = [v for v in args.variants.split(",") if v]
    from khth import api
    from khth.converters.text import text_to_record

    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("tesseract") is None:
        print("needs LibreOffice and Tesseract (Debian packages libreoffice-writer-nogui, tesseract-ocr, "
              "tesseract-ocr-vie)", file=sys.stderr)
        return 1
    seeds = sorted((ROOT / "examples" / "sources").glob("*.txt"))
    want, pdfs = {}, {}
    with tempfile.TemporaryDirectory(prefix="khth-scan-seeds-") as tmp:
        work = Path(tmp)
        for seed in seeds:
            record = text_to_record(seed.read_text(encoding="utf-8"), seed.name)
            want[seed.name] = facts(record)
            (work / f"{seed.stem}.docx").write_bytes(api.to_docx(record))
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(work), *(str(work / f"{s.stem}.docx") for s in seeds)],
                       capture_output=True, timeout=900, check=False)
        for seed in seeds:
            pdfs[seed.name] = (work / f"{seed.stem}.pdf").read_bytes()
    items = [(s.name, v, pdfs[s.name]) for s in seeds for v in variants]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(_scan_facts, items))
    print(f"| seed | pages | facts | " + " | ".join(variants) + " |")
    print("|---|---|---|" + "---|" * len(variants))
    totals = Counter()
    for seed in seeds:
        expected = want[seed.name]
        cells, pages = [], 0
        for _, variant, got, n in (r for r in results if r[0] == seed.name):
            found = sum(min(got[f], k) for f, k in expected.items())
            totals[variant] += found
            pages = n
            cells.append(f"{found}/{sum(expected.values())} ({found / sum(expected.values()):.0%})")
        print(f"| {seed.name} | {pages} | {sum(expected.values())} | " + " | ".join(cells) + " |")
    total = sum(sum(w.values()) for w in want.values())
    print("| all | | " + str(total) + " | " + " | ".join(f"{totals[v]}/{total} ({totals[v] / total:.0%})"
                                                    for v in variants) + " |")
    for seed in seeds:
        for _, variant, got, _n in (r for r in results if r[0] == seed.name):
            lost = [f for f, k in want[seed.name].items() if got[f] < k]
            if lost:
                print(f"{seed.name} {variant}: not read {lost}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
