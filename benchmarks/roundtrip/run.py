#!/usr/bin/env python3
"""The real-tool round trip: records rendered as Word documents in the official layout, pushed
through the tools offices and portals use, read back by plan-convert, scored field by field.

    python benchmarks/roundtrip/run.py                 # 300 records, every route whose tool is here
    python benchmarks/roundtrip/run.py --count 20 --routes docx,pdf-layout --misses misses.json

Prints a table of routes × field families (share of the generated facts read back into their own
field), the records the reader refused, and the false claims that a fact is lost or not printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from records import Generated, documents, generate  # noqa: E402
from routes import ROUTES, Output, ToolMissing  # noqa: E402
from score import FAMILIES, Tally, score_record  # noqa: E402

from khth.converters.word import render_docx  # noqa: E402


@dataclass
class RouteResult:
    route: str
    tally: Tally | None
    skipped: str | None = None
    seconds: float = 0.0


def _read(item: tuple[str, bytes, str]) -> tuple[str, dict | None, str | None]:
    from khth.converters.sources import read_source
    from khth.input.errors import KhthInputError

    name, data, filename = item
    try:
        return name, read_source(data, filename)[1], None
    except KhthInputError as exc:
        return name, None, exc.code
    except Exception as exc:  # noqa: BLE001 - a reader crash is a measured failure, not the harness's
        return name, None, f"crash: {type(exc).__name__}: {exc}"


def _meta(record: dict) -> dict[str, str]:
    """What a portal's metadata table shows of a record."""
    doc = documents(record)[0]
    return {"number": (doc.get("number") or {}).get("printed", ""), "date": doc.get("issueDate", ""),
            "issuer": (doc.get("issuer") or {}).get("name", ""), "title": doc.get("title", "")}


def render_all(records: list[Generated], work: Path) -> dict[str, Path]:
    folder = work / "docx"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for g in records:
        path = folder / f"{g.name}.docx"
        path.write_bytes(render_docx(g.record))
        files[g.name] = path
    return files


def run_route(route: str, records: list[Generated], files: dict[str, Path], work: Path, jobs: int) -> RouteResult:
    start = time.perf_counter()
    try:
        if route == "html-page":
            outputs: dict[str, Output] = ROUTES[route](files, work, {g.name: _meta(g.record) for g in records})
        else:
            outputs = ROUTES[route](files, work)
    except ToolMissing as exc:
        return RouteResult(route, None, skipped=str(exc))
    items = [(n, o.data, o.filename) for n, o in sorted(outputs.items())]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        read = {name: (rec, err) for name, rec, err in pool.map(_read, items, chunksize=4)}
    total = Tally()
    for g in records:
        got, _err = read.get(g.name, (None, "the tool produced no output"))
        total.add(score_record(g.name, got, g.record))
    return RouteResult(route, total, seconds=time.perf_counter() - start)


SHORT = {"number": "number", "issueDate": "date", "issuer": "issuer", "title": "title", "parentNumber": "par.no",
         "parentDate": "par.date", "refNumber": "ref.no", "refDate": "ref.date", "signer": "signer",
         "recipients": "recip.", "labels": "labels"}


def table(results: list[RouteResult]) -> str:
    head = f"| {'route':13} | " + " | ".join(f"{SHORT[f]:>8}" for f in FAMILIES) + " | refused | false lost |"
    rule = "|" + "|".join("-" * (len(c) + 0) for c in head.split("|")[1:-1]) + "|"
    lines = [head, rule]
    for r in results:
        if r.tally is None:
            lines.append(f"| {r.route:13} | skipped: {r.skipped} |")
            continue
        cells = []
        for f in FAMILIES:
            s = r.tally.score(f)
            cells.append(f"{'-' if s is None else f'{s:.2f}':>8}")
        lines.append(f"| {r.route:13} | " + " | ".join(cells) +
                     f" | {r.tally.failed:>7} | {r.tally.false_missing:>10} |")
    return "\n".join(lines)


def miss_summary(result: RouteResult, per_family: int = 2) -> list[str]:
    """The families with the most misses on a route, with an example of each."""
    if result.tally is None:
        return []
    counts = Counter(m.family for _, m in result.tally.misses)
    out = []
    for family, n in counts.most_common(5):
        examples = [(name, m) for name, m in result.tally.misses if m.family == family][:per_family]
        out.append(f"  {family}: {n} misses")
        for name, m in examples:
            out.append(f"    {name}: expected {m.expected[:90]!r} got {m.got[:90]!r}")
    return out


def every_miss(result: RouteResult, families: set[str]) -> list[str]:
    """Each miss of ``families`` on a route: the record, what was generated and what was read."""
    if result.tally is None:
        return []
    return [f"  {name} {m.family}: expected {m.expected!r} got {m.got!r}"
            for name, m in result.tally.misses if m.family in families]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--routes", default=",".join(ROUTES), help="comma-separated, from: " + ", ".join(ROUTES))
    ap.add_argument("--jobs", type=int, default=2, help="processes reading the outputs (default 2)")
    ap.add_argument("--work", type=Path, help="keep the generated and converted files here")
    ap.add_argument("--misses", type=Path, help="write every miss as JSON here")
    ap.add_argument("--show", default="", help="print every miss of these families (comma-separated, from: "
                    + ", ".join(FAMILIES) + "; 'all' for every family)")
    args = ap.parse_args(argv)
    routes = [r.strip() for r in args.routes.split(",") if r.strip()]
    unknown = [r for r in routes if r not in ROUTES]
    if unknown:
        ap.error(f"unknown route(s): {', '.join(unknown)}")
    records = generate(args.count, args.seed)
    with tempfile.TemporaryDirectory(prefix="khth-roundtrip-") as tmp:
        work = args.work or Path(tmp)
        files = render_all(records, work)
        results = []
        for route in routes:
            result = run_route(route, records, files, work, args.jobs)
            results.append(result)
            note = result.skipped or f"{result.seconds:.0f} s"
            print(f"{route}: {note}", file=sys.stderr)
    print(f"{len(records)} records (seed {args.seed}); share of generated facts read back into their own field")
    print(table(results))
    for r in results:
        lines = miss_summary(r)
        if lines:
            print(f"\n{r.route}: most frequent misses")
            print("\n".join(lines))
    shown = set(FAMILIES) if args.show.strip() == "all" else {f.strip() for f in args.show.split(",") if f.strip()}
    for r in results:
        lines = every_miss(r, shown)
        if lines:
            print(f"\n{r.route}: every miss of {', '.join(sorted(shown))}")
            print("\n".join(lines))
    if args.misses:
        args.misses.write_text(json.dumps({r.route: [{"record": n, **m.__dict__} for n, m in r.tally.misses]
                                           for r in results if r.tally}, ensure_ascii=False, indent=1),
                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
