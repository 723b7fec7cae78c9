#!/usr/bin/env python3
"""plan-report at scale: a corpus of linked plans indexed in one pass, then who has answered a directive.

    python benchmarks/bench_report.py                    # 1,000,000 records
    python benchmarks/bench_report.py --count 100000     # a quicker run

1. The corpus: implementation trees under central directives, planned by benchmarks/generate_corpus.py
   (its Planner: issuing bodies, numbers, dates, parent citations), over the real units of
   Quyết định 124/2004/QĐ-TTg (63 provinces, their districts and communes, with GSO codes) instead of
   its invented districts and communes. Beyond the generator's ten directives, further central ones
   are numbered on, until --count records exist. Each record is a small record form (identifier,
   number, date, issuer with its unit, parent citation), not the full text the validator
   benchmark renders: writing and checking a million files is not what this measures.
2. Indexing, in one pass: each record goes from the generator to the index (khth.report.index.add and
   file_of_documents, what plan-report index stores for a file it checked) without a file on disk;
   records per second.
3. The coverage of the first directive (28-CT/TW): ``plan-report coverage --root … INDEX`` in a
   process of its own, its seconds and peak resident memory (the target: under 30 s and 1 GB for a
   million records on a 2-core machine).

The index is written under benchmarks/corpus/ (git-ignored) and the numbers to
benchmarks/results/report-<count>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_corpus as gen  # noqa: E402 - the generator lives beside this script

from khth.report import index  # noqa: E402
from khth.schema.units import units  # noqa: E402
from khth.schema.codelists import AdminUnitScheme, Level  # noqa: E402

HERE = Path(__file__).resolve().parent
KINDS = ("Thành phố", "Tỉnh", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn")
ROOT = "28-CT/TW@2023-12-25"
SEED = 2024


def _memoise_citations() -> None:
    """The generator formats a parent's citation again for each of its children and the directive's for
    every plan: remembered here, it plans a million records in minutes, the same records."""
    gen.format_citation = lru_cache(maxsize=4096)(gen.format_citation)
    gen.Spec.cited = lru_cache(maxsize=65536)(gen.Spec.cited)
    identifier = gen.Cited.id.fget
    gen.Cited.id = property(lru_cache(maxsize=65536)(identifier))


def real_geography() -> gen.Geography:
    """The generator's Geography filled with the units of 2004: real names and codes at every level."""
    listed = units(AdminUnitScheme.GSO_2004)
    if not listed:
        raise SystemExit("the pre-2025 unit list (vietnam-provinces 0.6) is not installed")
    areas: dict[str, gen.Area] = {}
    provinces, districts, communes = [], {}, {}
    for u in listed:  # provinces come before their districts, districts before their communes
        kind = next((k for k in KINDS if u.name.startswith(k + " ")), "")
        area = gen.Area(u.code, kind or "Xã", u.name[len(kind):].strip() if kind else u.name,
                        areas.get(u.parent) if u.parent else None)
        areas[u.code] = area
        if u.level == Level.PROVINCE:
            provinces.append(area)
            districts[u.code] = []
        elif u.level == Level.DISTRICT:
            districts[u.parent].append(area)
            communes[u.code] = []
        else:
            communes[u.parent].append(area)
    # the generator samples up to 4 communes of a district: the few smaller ones (islands) are left out
    communes = {code: found for code, found in communes.items() if len(found) >= 4}
    districts = {code: [d for d in found if d.code in communes] for code, found in districts.items()}
    return gen.Geography(provinces, districts, communes)


def directives(count: int) -> Iterator[gen.Spec]:
    """The generator's central directives, then further ones numbered on (dated before 2025, when
    districts still stood), as citation records at the roots."""
    for i, (t, number, when, issuer, title, domain) in enumerate(gen.ROOTS):
        cited = gen.Cited(t, number, when, issuer, gen.nfc(title), number)
        yield gen.Spec(-(i + 1), f"cited/{i:04d}", None, t, number, when, None, cited, domain, profile="citation")
    for i in range(len(gen.ROOTS), count):
        number, when = f"{100 + i}-CT/TW", date.fromordinal(date(2016, 1, 4).toordinal() + (i * 7) % 2900)
        cited = gen.Cited("CT", number, when.isoformat(), "Ban Bí thư", f"về nhiệm vụ số {i}", number)
        yield gen.Spec(-(i + 1), f"cited/{i:04d}", None, "CT", number, cited.date, None, cited, "party",
                       profile="citation")


def record_form(spec: gen.Spec) -> dict:
    """A small record of ``spec``: what the index keeps of a plan, as a record states it."""
    doc: dict = {"khthVersion": gen.KHTH_VERSION, "profile": spec.profile, "documentType": spec.document_type,
                 "number": {"printed": spec.number, "serial": spec.number.split("-")[0].split("/")[0]},
                 "issueDate": spec.date}
    if spec.body is None:
        doc["id"] = spec.root.id
        doc["issuer"] = {"name": spec.root.issuer, "level": "central", "system": "party"}
        doc["title"] = spec.root.title
        return doc
    body = spec.body
    area = body.area
    doc["id"] = spec.cited().id
    doc["issuer"] = {"name": body.name, "actingBody": body.acting, "level": body.level, "system": body.system,
                     "adminUnit": {"code": area.code, "scheme": AdminUnitScheme.GSO_2004}}
    doc["number"]["issuerCode"] = body.code
    doc["title"] = gen.plan_title(spec)
    parent = spec.parent
    doc["parent"] = {"id": parent.id, "number": {"printed": parent.number}, "issueDate": parent.date,
                     "issuer": parent.issuer}
    return doc


def corpus(count: int) -> Iterator[gen.Spec]:
    """``count`` records: each directive followed by its whole implementation tree, until enough."""
    _memoise_citations()
    planner = gen.Planner(SEED)
    planner.geo = real_geography()
    made = 0
    for root in directives(10 ** 6):
        if made >= count:
            return
        yield root
        made += 1
        for spec in planner.tree(root, f"r{-root.index:04d}"):
            if made >= count:
                return
            yield spec
            made += 1


def entries(count: int) -> Iterator[index.IndexedFile]:
    for spec in corpus(count):
        doc = record_form(spec)
        yield index.file_of_documents(f"corpus/{spec.rel}.json", orjson.dumps(doc), [("", doc)])


def build(count: int, target: Path) -> dict:
    target.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    records = index.add(str(target), entries(count))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # CPU seconds beside wall seconds: on a shared machine the wall clock also counts others' work
    return {"records": records, "seconds": round(seconds, 1), "records_per_second": round(records / seconds),
            "cpu_seconds": round(cpu, 1), "records_per_cpu_second": round(records / cpu),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "index_bytes": target.stat().st_size}


# Started from a small process of its own: a child's peak resident memory counts its parent's pages
# until it executes (Linux keeps the high-water mark across exec), so plan-report must not be forked
# from this process, which holds the planner's state.
_MEASURE = """
import json, os, sys, time
started = time.perf_counter()
pid = os.posix_spawn(sys.executable, [sys.executable, *sys.argv[1:]], os.environ)
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"seconds": time.perf_counter() - started, "code": os.waitstatus_to_exitcode(status),
                  "peak_kb": usage.ru_maxrss}))
"""


def coverage(target: Path, out: Path) -> dict:
    """plan-report coverage of the first directive, in a process of its own: seconds and peak memory."""
    command = ["-m", "khth.cli.report", "coverage", "--root", ROOT, str(target), "--format", "json",
               "--today", "2026-01-01", "--due", "2024-06-30", "-o", str(out)]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True)
    measured = json.loads(done.stdout)
    if measured["code"] not in (0, 1):
        raise SystemExit(f"plan-report coverage failed ({measured['code']}): {done.stderr}")
    report = json.loads(out.read_text("utf-8"))
    return {"seconds": round(measured["seconds"], 2), "peak_rss_mb": round(measured["peak_kb"] / 1024),
            "exit_code": measured["code"], "responders": len(report["responders"]),
            "answered": sum(1 for r in report["responders"] if r["status"] in ("answered", "answered-late")),
            "counts": report["counts"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1_000_000, help="records in the corpus (default 1,000,000)")
    ap.add_argument("--out", type=Path, default=HERE / "corpus" / "report", help="folder of the index")
    ap.add_argument("--reuse", action="store_true", help="time the coverage on an index already built")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"corpus-{args.count}.sqlite"
    result: dict = {"count": args.count, "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                    "date": date.today().isoformat()}
    saved = HERE / "results" / f"report-{args.count}.json"
    if args.reuse and target.exists() and saved.exists():  # the indexing figures of the run that built it
        result["index"] = json.loads(saved.read_text("utf-8")).get("index")
    if not (args.reuse and target.exists()):
        print(f"indexing {args.count:,} records …", flush=True)
        result["index"] = build(args.count, target)
        print(f"  {result['index']}", flush=True)
    result["coverage"] = coverage(target, args.out / f"coverage-{args.count}.json")
    shown = {k: v for k, v in result["coverage"].items() if k != "counts"}
    print(f"coverage of {ROOT}: {shown}")
    saved.parent.mkdir(exist_ok=True)
    saved.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                                       encoding="utf-8")


if __name__ == "__main__":
    main()
