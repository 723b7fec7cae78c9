#!/usr/bin/env python3
"""Benchmark plan-validate on two corpora, beside check-jsonschema and the parse-only limits, in one run.

    python benchmarks/generate_corpus.py          # once: 10,000 plans in JSON and XML, and the realistic corpus
    python benchmarks/bench_validate.py           # --limit 1000 --repeat 1 for a quick run

Every figure is measured here, in this run, on the same files:

* the valid corpus (the plans and the citation-only records at the roots of their trees): every
  parent resolves and nothing is reported, the text report, as before;
* the realistic corpus (generate_corpus.py --realistic): distinct plans checked as they are in
  practice, without their parents (corpus.parent-unresolved), with facts inferred from the layout
  (an info finding), a quarter with a label out of sequence, 3 % with a real error; the JSON
  report, so every finding is placed;
* plan-validate, JSON and XML, one process and --jobs N: whole processes, end to end, every rule
  on (input, schema, document and corpus rules), the folder given as a user would give it;
  docs/s = records / wall time, start-up included, and records per CPU-second (user + system of
  the whole process tree), which a machine shared with other work disturbs less; peak RSS of the
  process and of each worker.
* parse-only limits, in this process over the preloaded bytes: orjson.loads (JSON) and
  lxml.etree.fromstring (XML); lxml parse + XSD validation (schema/khth.xsd); and, for context,
  orjson + jsonschema-rs (schema/document.schema.json, formats on), the schema layer alone.
* check-jsonschema --schemafile schema/document.schema.json, a whole process, on an evenly spaced
  subset of the JSON files of each corpus, scaled to docs/s.
* start-up: plan-validate on one small file, median of --startup-runs runs. The package under
  test is compiled to bytecode first, as pip does on install (an editable checkout with
  PYTHONDONTWRITEBYTECODE set would otherwise compile every module at every start).

It prints a table and the ratios against the goals, and writes a JSON result file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = HERE / "corpus"


def _schema_file(name: str) -> Path:
    """A schema file of the khth package under test (the one plan-validate uses), else of this checkout."""
    try:
        from importlib import resources
        path = Path(str(resources.files("khth.schema").joinpath(name)))
        if path.exists():
            return path
    except (ImportError, ModuleNotFoundError):
        pass
    return REPO / "schema" / name


JSON_SCHEMA = _schema_file("document.schema.json")
XSD = _schema_file("khth.xsd")

GOALS = {
    "real_json_per_core": ("realistic: plan-validate JSON --format json, plans/s, one core", ">=", 1200),
    "real_json_vs_cj": ("realistic: plan-validate JSON / check-jsonschema", ">=", 15),
    "pv_json_per_core": ("valid: plan-validate JSON, docs/s on one core", ">=", 3000),
    "pv_json_vs_cj": ("valid: plan-validate JSON / check-jsonschema", ">=", 15),
    "pv_json_vs_orjson": ("valid: plan-validate JSON / orjson parse-only (issue 3)", ">=", 0.55),
    "pv_xml_vs_xsd": ("valid: plan-validate XML / lxml parse+XSD (issue 3)", ">=", 0.70),
    "jobs_speedup_json": ("valid: plan-validate JSON --jobs {n} / --jobs 1", ">=", 1.8),
    "jobs_speedup_real": ("realistic: plan-validate JSON --jobs {n} / --jobs 1", ">=", 1.8),
    "jobs_speedup_xml": ("valid: plan-validate XML --jobs {n} / --jobs 1", ">=", 1.8),
    "peak_rss_mb": ("peak RSS per process (MB)", "<", 100),
    "startup_ms": ("start-up, one small file (ms, median)", "<", 150),
}


# --- machine ----------------------------------------------------------------------------------------

def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from lxml import etree
        libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    except ImportError:
        libxml2 = None
    try:  # the checkout the khth under test comes from (an editable install), else this one
        import khth.validator
        khth_at = Path(khth.validator.__file__).resolve().parent.parent
    except ImportError:
        khth_at = REPO
    commit, dirty = None, None
    if (khth_at / ".commit").exists():  # a snapshot made with git archive (see README)
        commit = (khth_at / ".commit").read_text().strip()
    else:
        try:
            commit = subprocess.run(["git", "-C", str(khth_at), "rev-parse", "--short", "HEAD"], capture_output=True,
                                    text=True).stdout.strip() or None
            dirty = bool(subprocess.run(["git", "-C", str(khth_at), "status", "--porcelain", "--", "schema",
                                         "validator", "converters"], capture_output=True, text=True).stdout.strip())
        except OSError:
            pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu, "cpu_count": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
        "memory_gib": mem, "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": {d: _version(d) for d in ("khth", "orjson", "lxml", "jsonschema-rs", "jsonschema",
                                               "check-jsonschema", "pydantic", "click")},
        "libxml2": libxml2, "git_commit": commit, "checkout_modified": dirty, "khth_from": str(khth_at),
        "schema_files": [str(JSON_SCHEMA), str(XSD)],
    }


# --- corpus -----------------------------------------------------------------------------------------

def corpus_files(corpus: Path, limit: int | None) -> tuple[dict[str, Path], list[str], dict[str, Any]]:
    """The folders to validate (json, xml), the relative names of their records, and the manifest.

    With --limit, the first ``limit`` plans in generation order (parents before children, so every
    parent link still resolves) and the root records are hard-linked into a sample folder."""
    manifest_path = corpus / "manifest.json"
    if not manifest_path.exists():
        raise SystemExit(f"no corpus at {corpus}: run  python benchmarks/generate_corpus.py  first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest["params"].get("failed"):
        raise SystemExit(f"{corpus}: the corpus failed its verification; regenerate it")
    rels = manifest["files"]["valid"]
    if limit is None or limit >= len(rels):
        return {"json": corpus / "json" / "valid", "xml": corpus / "xml" / "valid"}, rels, manifest
    roots = [r for r in rels if r.startswith("valid/cited/")]
    plans = [r for r in rels if not r.startswith("valid/cited/")][:limit]
    rels = roots + plans
    sample = corpus / f".sample-{limit}"
    dirs = {"json": sample / "json", "xml": sample / "xml"}
    stamp = sample / "files.txt"
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != "\n".join(rels):
        shutil.rmtree(sample, ignore_errors=True)
        for fmt in ("json", "xml"):
            for rel in rels:
                src = corpus / fmt / f"{rel}.{fmt}"
                dst = dirs[fmt] / f"{rel.removeprefix('valid/')}.{fmt}"
                dst.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copyfile(src, dst)
        stamp.write_text("\n".join(rels), encoding="utf-8")
    return dirs, rels, manifest


def realistic_files(corpus: Path, limit: int | None) -> tuple[dict[str, Path], int] | None:
    """The folders of the realistic corpus (json, xml) and its plan count; with --limit, its first
    ``limit`` plans hard-linked into a sample folder. None if the corpus has none."""
    manifest_path = corpus / "realistic" / "manifest.json"
    if not manifest_path.exists():
        return None
    rels = [f["rel"] for f in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]]
    base = corpus / "realistic"
    if limit is None or limit >= len(rels):
        return {"json": base / "json", "xml": base / "xml"}, len(rels)
    rels = rels[:limit]
    sample = base / f".sample-{limit}"
    stamp = sample / "files.txt"
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != "\n".join(rels):
        shutil.rmtree(sample, ignore_errors=True)
        for fmt in ("json", "xml"):
            for rel in rels:
                dst = sample / fmt / f"{rel}.{fmt}"
                dst.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(base / fmt / f"{rel}.{fmt}", dst)
                except OSError:
                    shutil.copyfile(base / fmt / f"{rel}.{fmt}", dst)
        stamp.write_text("\n".join(rels), encoding="utf-8")
    return {"json": sample / "json", "xml": sample / "xml"}, len(rels)


def load(folder: Path, suffix: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.rglob(f"*{suffix}"))]


# --- in-process passes --------------------------------------------------------------------------------

def timed_passes(fn, items: list[bytes], repeat: int) -> dict[str, Any]:
    """Run ``fn`` over every item, ``repeat`` times; docs/s of the median pass."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    total = sum(len(b) for b in items)
    return {"docs": len(items), "seconds": times, "median_s": med, "docs_per_s": len(items) / med,
            "mb_per_s": total / med / 1e6}


def in_process(json_docs: list[bytes], xml_docs: list[bytes], repeat: int) -> dict[str, dict[str, Any]]:
    import orjson
    from lxml import etree

    out: dict[str, dict[str, Any]] = {}
    out["orjson_parse"] = timed_passes(orjson.loads, json_docs, repeat)
    try:
        import jsonschema_rs
        validator = jsonschema_rs.Draft202012Validator(json.loads(JSON_SCHEMA.read_text(encoding="utf-8")),
                                                       validate_formats=True)

        def schema_only(b: bytes) -> None:
            for _ in validator.iter_errors(orjson.loads(b)):
                pass

        out["orjson_jsonschema_rs"] = timed_passes(schema_only, json_docs, repeat)
    except ImportError:
        pass
    if xml_docs:
        out["lxml_parse"] = timed_passes(etree.fromstring, xml_docs, repeat)
        xsd = etree.XMLSchema(etree.parse(str(XSD)))

        def parse_xsd(b: bytes) -> None:
            if not xsd.validate(etree.fromstring(b)):
                raise RuntimeError(f"XSD rejects a valid record: {xsd.error_log.last_error}")

        out["lxml_xsd"] = timed_passes(parse_xsd, xml_docs, repeat)
    return out


# --- whole processes ------------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


def run_process(cmd: list[str], expect: tuple[int, ...] = (0,), sample_every: float = 0.2) -> dict[str, Any]:
    """Run a command to completion: wall time, exit code, peak RSS of the process and of every
    process of its tree.

    The peak of the whole tree comes from /usr/bin/time (GNU time's %M, the wait4 maximum): Linux
    carries a process's high-water mark across exec, so wait4 on a child of this (large) process
    would report our own size. Each worker's peak is its VmHWM, sampled every ``sample_every`` s."""
    peaks: dict[int, int] = {}
    stop = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss_file:
        wrapped = [TIME, "-f", "%M", "-o", rss_file.name, *cmd] if TIME else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=out, stderr=err, stdin=subprocess.DEVNULL)

        depth_of: dict[int, int] = {}

        def sample() -> None:
            while not stop.is_set():
                todo = [(proc.pid, 0)]
                while todo:
                    pid, depth = todo.pop()
                    depth_of.setdefault(pid, depth)
                    kb = _hwm_kb(pid)
                    if kb:
                        peaks[pid] = max(peaks.get(pid, 0), kb)
                    todo += [(child, depth + 1) for child in _children(pid)]
                stop.wait(sample_every)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss_text = rss_file.read().strip().splitlines() if TIME else []
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in expect:
        raise SystemExit(f"{' '.join(cmd[:4])} … exited {proc.returncode}:\n{stderr.decode(errors='replace')[-2000:]}"
                         f"\n{stdout.decode(errors='replace')[-2000:]}")
    # With /usr/bin/time, the tool is time's child (depth 1) and its workers are at depth 2.
    main_depth = 1 if TIME else 0
    main_kb = max((kb for pid, kb in peaks.items() if depth_of.get(pid) == main_depth), default=0)
    workers = sorted((kb for pid, kb in peaks.items() if depth_of.get(pid, 0) > main_depth), reverse=True)
    tree_kb = int(rss_text[-1]) if rss_text and rss_text[-1].isdigit() else usage.ru_maxrss
    return {"wall_s": wall, "exit": proc.returncode, "maxrss_mb": tree_kb / 1024,
            "main_hwm_mb": main_kb / 1024, "worker_hwm_mb": [kb / 1024 for kb in workers],
            "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "stdout_tail": stdout[-300:].decode(errors="replace")}


def tool(name: str) -> list[str]:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install -e '.[benchmark]'")
    return [found]


def whole_process_runs(corpora: dict[str, tuple[dict[str, Path], int, list[str]]], jobs: int, repeat: int,
                       formats: list[str]) -> dict[str, dict[str, Any]]:
    """plan-validate on each corpus ("valid": text report, as before; "real": --format json, as a
    pipeline asks for it, with every finding placed), each format, --jobs 1 and N."""
    pv = tool("plan-validate")
    configs = [(name, fmt, j) for name in corpora for fmt in formats for j in (1, jobs)]
    runs: dict[str, list[dict[str, Any]]] = {_key(name, fmt, j): [] for name, fmt, j in configs}
    for r in range(repeat):  # round-robin, so that a noisy minute does not hit one configuration only
        for name, fmt, j in configs:
            dirs, n_docs, extra = corpora[name]
            res = run_process(pv + extra + ["--jobs", str(j), str(dirs[fmt])], expect=(0, 1))
            runs[_key(name, fmt, j)].append(res)
            print(f"  [{r + 1}/{repeat}] {name} corpus: plan-validate {' '.join(extra)} {fmt} --jobs {j}: "
                  f"{res['wall_s']:.2f} s, {n_docs / res['wall_s']:,.0f} docs/s", flush=True)
    return {_key(name, fmt, j): summarise(runs[_key(name, fmt, j)], corpora[name][1]) for name, fmt, j in configs}


def _key(corpus: str, fmt: str, jobs: int) -> str:
    return f"pv_{fmt}_j{jobs}" if corpus == "valid" else f"{corpus}_{fmt}_j{jobs}"


def summarise(vals: list[dict[str, Any]], n_docs: int) -> dict[str, Any]:
    walls = [v["wall_s"] for v in vals]
    med = statistics.median(walls)
    workers = [w for v in vals for w in v["worker_hwm_mb"]]
    cpu = statistics.median(v["user_s"] + v["sys_s"] for v in vals)
    return {"docs": n_docs, "runs_s": walls, "median_s": med, "docs_per_s": n_docs / med,
            "cpu_s": cpu, "docs_per_cpu_s": n_docs / cpu if cpu else None,
            "peak_rss_mb": max(max(v["maxrss_mb"], v["main_hwm_mb"]) for v in vals),
            "peak_worker_rss_mb": max(workers) if workers else None,
            "user_s": statistics.median(v["user_s"] for v in vals),
            "last_output": vals[-1]["stdout_tail"].strip().splitlines()[-1:] if vals[-1]["stdout_tail"] else []}


def check_jsonschema_run(files: list[Path], repeat: int) -> dict[str, Any]:
    cmd = tool("check-jsonschema") + ["--schemafile", str(JSON_SCHEMA)] + [str(f) for f in files]
    vals = []
    for r in range(repeat):
        res = run_process(cmd, expect=(0, 1))
        vals.append(res)
        print(f"  [{r + 1}/{repeat}] check-jsonschema on {len(files)} files: {res['wall_s']:.2f} s, "
              f"{len(files) / res['wall_s']:,.0f} docs/s", flush=True)
    return summarise(vals, len(files))


def compile_bytecode() -> None:
    """Compile the khth package under test to bytecode, as pip does when it installs a wheel: with
    PYTHONDONTWRITEBYTECODE set (as on the project's machine) an editable checkout would otherwise
    compile every module at every start, and start-up would measure the compiler."""
    import importlib.util

    spec = importlib.util.find_spec("khth")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})


def startup(small: Path, runs: int) -> dict[str, Any]:
    pv = tool("plan-validate")

    def median_ms(cmd: list[str], n: int) -> tuple[float, list[float]]:
        walls = [run_process(cmd, sample_every=1.0)["wall_s"] * 1000 for _ in range(n)]
        return statistics.median(walls), walls

    med, walls = median_ms(pv + [str(small)], runs)
    python, _ = median_ms([sys.executable, "-c", "pass"], max(5, runs // 2))
    imports, _ = median_ms([sys.executable, "-c", "import khth.cli.validate"], max(5, runs // 2))
    return {"file": str(small), "bytes": small.stat().st_size, "median_ms": med, "runs_ms": walls,
            "python_bare_ms": python, "import_cli_ms": imports}


# --- report -------------------------------------------------------------------------------------------

def ratios(res: dict[str, Any], jobs: int) -> dict[str, dict[str, Any]]:
    wp, ip = res["whole_process"], res["in_process"]
    values: dict[str, float | None] = {
        "real_json_per_core": wp.get("real_json_j1", {}).get("docs_per_s"),
        "real_json_vs_cj": _div(wp.get("real_json_j1"), res.get("check_jsonschema_real")),
        "pv_json_per_core": wp.get("pv_json_j1", {}).get("docs_per_s"),
        "pv_json_vs_cj": _div(wp.get("pv_json_j1"), res.get("check_jsonschema")),
        "pv_json_vs_orjson": _div(wp.get("pv_json_j1"), ip.get("orjson_parse")),
        "pv_xml_vs_xsd": _div(wp.get("pv_xml_j1"), ip.get("lxml_xsd")),
        "jobs_speedup_json": _div(wp.get(f"pv_json_j{jobs}"), wp.get("pv_json_j1")) if jobs > 1 else None,
        "jobs_speedup_real": _div(wp.get(f"real_json_j{jobs}"), wp.get("real_json_j1")) if jobs > 1 else None,
        "jobs_speedup_xml": _div(wp.get(f"pv_xml_j{jobs}"), wp.get("pv_xml_j1")) if jobs > 1 else None,
        "peak_rss_mb": max([v["peak_rss_mb"] for v in wp.values()] +
                           [v["peak_worker_rss_mb"] for v in wp.values() if v["peak_worker_rss_mb"]]),
        "startup_ms": res.get("startup", {}).get("median_ms"),
    }
    out = {}
    for key, value in values.items():
        label, op, goal = GOALS[key]
        label = label.format(n=jobs)
        ok = None if value is None else (value >= goal if op == ">=" else value < goal)
        out[key] = {"label": label, "value": value, "goal": f"{op} {goal}", "met": ok}
    return out


def _div(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    if not a or not b:
        return None
    return a["docs_per_s"] / b["docs_per_s"]


def table(res: dict[str, Any], jobs: int) -> str:
    m, c = res["machine"], res["corpus"]
    lines = [
        f"KHTH plan-validate benchmark — {res['date']}",
        f"machine: {m['cpu']}, {m['cpu_count']} CPUs ({m['usable_cpus']} usable), {m['memory_gib']} GiB, {m['os']}, "
        f"{m['python']}",
        "packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v) + f", libxml2 {m['libxml2']}"
        + (f"; khth at {m['git_commit']}{' + uncommitted changes' if m['checkout_modified'] else ''}"
           if m["git_commit"] else "") + f" ({m['khth_from']})",
        f"corpus: {c['docs']:,} valid records ({c['plans']:,} plans + {c['roots']} root citation records), "
        f"JSON {c['json_mb']:.1f} MB (mean {c['json_mean_kb']:.1f} KB), XML {c['xml_mb']:.1f} MB, seed {c['seed']}; "
        f"{res['params']['repeat']} repeat(s), median shown",
        (f"realistic corpus: {c['realistic']['docs']:,} plans, each checked without its parent "
         f"(corpus.parent-unresolved), with an info finding, some with a label warning or an error"
         if c.get("realistic") else "realistic corpus: none (run generate_corpus.py)"),
        "",
        f"{'measurement':<58}{'docs/s':>10}{'MB/s':>9}{'peak RSS':>11}  notes",
        "-" * 104,
    ]
    ip, wp = res["in_process"], res["whole_process"]

    def row(label: str, r: dict[str, Any] | None, rss: str = "", note: str = "") -> None:
        if not r:
            return
        mbs = f"{r['mb_per_s']:,.0f}" if "mb_per_s" in r else ""
        lines.append(f"{label:<58}{r['docs_per_s']:>10,.0f}{mbs:>9}{rss:>11}  {note}")

    def rss(r: dict[str, Any] | None) -> str:
        return f"{r['peak_rss_mb']:.0f} MB" if r else ""

    for fmt in ("json", "xml"):
        bytes_total = c["json_bytes"] if fmt == "json" else c["xml_bytes"]
        for j in sorted({1, jobs}):
            r = wp.get(f"pv_{fmt}_j{j}")
            if not r:
                continue
            note = f"whole process, {r['median_s']:.2f} s; {r['docs_per_cpu_s']:,.0f} docs per CPU-second"
            if r.get("peak_worker_rss_mb"):
                note += f", workers ≤ {r['peak_worker_rss_mb']:.0f} MB"
            r = dict(r, mb_per_s=bytes_total / r["median_s"] / 1e6)
            row(f"valid: plan-validate {fmt.upper()} --jobs {j}", r, rss(r), note)
    real = c.get("realistic")
    for fmt in ("json", "xml"):
        for j in sorted({1, jobs}):
            r = wp.get(f"real_{fmt}_j{j}")
            if not r or not real:
                continue
            note = (f"whole process, --format json, {r['median_s']:.2f} s; {r['docs_per_cpu_s']:,.0f} docs per "
                    "CPU-second")
            if r.get("peak_worker_rss_mb"):
                note += f", workers ≤ {r['peak_worker_rss_mb']:.0f} MB"
            r = dict(r, mb_per_s=real[f"{fmt}_bytes"] / r["median_s"] / 1e6)
            row(f"realistic: plan-validate {fmt.upper()} --jobs {j}", r, rss(r), note)
    cjr = res.get("check_jsonschema_real")
    if cjr and real:
        cjr_mb = dict(cjr, mb_per_s=cjr["docs_per_s"] * real["json_bytes"] / real["docs"] / 1e6)
        row("realistic: check-jsonschema --schemafile … (whole process)", cjr_mb, rss(cjr),
            f"{cjr['docs']} files, {cjr['median_s']:.2f} s")
    row("orjson.loads, parse only (in-process)", ip.get("orjson_parse"), note="limit for JSON, 1 core")
    row("orjson + jsonschema-rs (in-process, context)", ip.get("orjson_jsonschema_rs"),
        note="schema layer alone, formats on")
    row("lxml.etree.fromstring, parse only (in-process)", ip.get("lxml_parse"), note="limit for XML, 1 core")
    row("lxml parse + XSD validate (in-process)", ip.get("lxml_xsd"), note="schema/khth.xsd")
    cj = res.get("check_jsonschema")
    if cj:
        cj_mb = dict(cj, mb_per_s=cj["docs_per_s"] * c["json_mean_kb"] * 1000 / 1e6)
        row("valid: check-jsonschema --schemafile … (whole process)", cj_mb, rss(cj),
            f"{cj['docs']} files, {cj['median_s']:.2f} s")
    st = res.get("startup")
    if st:
        lines.append(f"{'start-up: plan-validate on one small file':<58}{st['median_ms']:>9.0f} ms"
                     f"{'':>20}  median of {len(st['runs_ms'])}; bare python {st['python_bare_ms']:.0f} ms, "
                     f"import khth.cli.validate {st['import_cli_ms']:.0f} ms")
    lines += ["", f"{'goal':<58}{'value':>10}   {'target':<10} met", "-" * 104]
    for r in res["ratios"].values():
        v = r["value"]
        shown = "n/a" if v is None else f"{v:,.0f}" if v >= 100 else f"{v:.2f}"
        met = {True: "yes", False: "NO", None: "—"}[r["met"]]
        lines.append(f"{r['label']:<58}{shown:>10}   {r['goal']:<10} {met}")
    return "\n".join(lines)


# --- main ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (generate_corpus.py --out)")
    ap.add_argument("--limit", type=int, help="only the first N plans (and the root records), for a quick run")
    ap.add_argument("--repeat", type=int, default=3, help="passes of each measurement; the median is reported")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the parallel runs")
    ap.add_argument("--cj-files", type=int, default=400, help="files given to check-jsonschema (0: skip it)")
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--json-only", action="store_true", help="skip the XML measurements")
    ap.add_argument("--output", type=Path, default=DEFAULT_CORPUS / "results.json", help="JSON result file")
    args = ap.parse_args(argv)

    dirs, rels, manifest = corpus_files(args.corpus, args.limit)
    formats = ["json"] if args.json_only else ["json", "xml"]
    print(f"loading {len(rels):,} records …", flush=True)
    json_docs = load(dirs["json"], ".json")
    xml_docs = load(dirs["xml"], ".xml") if "xml" in formats else []
    if len(json_docs) != len(rels) or (xml_docs and len(xml_docs) != len(rels)):
        raise SystemExit(f"corpus folders hold {len(json_docs)} JSON / {len(xml_docs)} XML files, expected {len(rels)}")
    plans = [r for r in rels if not r.startswith("valid/cited/")]
    json_bytes, xml_bytes = sum(map(len, json_docs)), sum(map(len, xml_docs))
    corpus = {"path": str(args.corpus), "docs": len(rels), "plans": len(plans), "roots": len(rels) - len(plans),
              "seed": manifest["params"]["seed"], "json_bytes": json_bytes, "xml_bytes": xml_bytes,
              "json_mb": json_bytes / 1e6, "xml_mb": xml_bytes / 1e6,
              "json_mean_kb": json_bytes / len(json_docs) / 1000, "limit": args.limit}
    res: dict[str, Any] = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
                           "corpus": corpus, "params": vars(args) | {"corpus": str(args.corpus),
                                                                     "output": str(args.output)}}

    print("in-process passes (parse-only limits) …", flush=True)
    res["in_process"] = in_process(json_docs, xml_docs, max(args.repeat, 5))
    del json_docs, xml_docs  # plan-validate should not compete with our page cache copies
    real = realistic_files(args.corpus, args.limit)
    corpora: dict[str, tuple[dict[str, Path], int, list[str]]] = {"valid": (dirs, len(rels), [])}
    if real:
        real_dirs, n_real = real
        corpora["real"] = (real_dirs, n_real, ["--format", "json"])
        corpus["realistic"] = {"path": str(real_dirs["json"].parent), "docs": n_real,
                               "json_bytes": sum(p.stat().st_size for p in real_dirs["json"].rglob("*.json")),
                               "xml_bytes": sum(p.stat().st_size for p in real_dirs["xml"].rglob("*.xml"))}
    compile_bytecode()
    print("whole processes: plan-validate …", flush=True)
    res["whole_process"] = whole_process_runs(corpora, args.jobs, args.repeat, formats)
    if args.cj_files:
        for name, key in (("valid", "check_jsonschema"), ("real", "check_jsonschema_real")):
            if name not in corpora:
                continue
            files = sorted(corpora[name][0]["json"].rglob("*.json"))
            step = max(1, len(files) // args.cj_files)
            subset = files[::step][: args.cj_files]
            print(f"whole process: check-jsonschema on {len(subset)} of the same files ({name} corpus) …", flush=True)
            res[key] = check_jsonschema_run(subset, max(1, min(args.repeat, 3)))
    small = min(dirs["json"].rglob("*.json"), key=lambda p: p.stat().st_size)
    print(f"start-up: {args.startup_runs} runs on {small.name} …", flush=True)
    res["startup"] = startup(small, args.startup_runs)
    res["ratios"] = ratios(res, args.jobs)
    text = table(res, args.jobs)
    print()
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nresults written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
