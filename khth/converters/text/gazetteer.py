"""Administrative units from a published code list (SPEC §6: codes are never printed).

The codes of Quyết định 124/2004/QĐ-TTg (scheme ``gso-2004``: province 2 digits, district 3,
commune 5) come from the ``vietnam-provinces`` package (0.6.x, data of 2025-01-04, before the
two-level reform). The list is optional: without it the converter records no ``adminUnit``
and no place-name restoration for OCR sources.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khth.schema.codelists import DISTRICT_LEVEL_END, AdminUnitScheme, Level

from .common import fold, per_conversion

SCHEME = AdminUnitScheme.GSO_2004
SOURCE = "vietnam-provinces"
# The two-level local government (Nghị quyết 202/2025/QH15, the law of 16 June 2025) took effect on
# 1 July 2025: districts were abolished and provinces and communes merged, so the units of a
# document issued from then on are not those of this list.
REFORM = DISTRICT_LEVEL_END


def covers(issue_date: str | None) -> bool:
    """Whether this code list describes the units of a document issued on ``issue_date`` (ISO,
    possibly reduced to a month or a year): undated, or wholly before the reform ("2025" is not)."""
    # "~" sorts after every digit and "-": a reduced date compares as the last day it may stand for.
    return issue_date is None or issue_date + "~" < REFORM


@dataclass(frozen=True)
class Unit:
    name: str  # official name with its type: "Thị xã Đức Phổ"
    short: str  # without the type: "Đức Phổ"
    kind: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn
    level: str  # province | district | commune
    code: str  # zero-padded GSO code
    province: "Unit | None" = None
    district: "Unit | None" = None

    def admin_unit(self) -> dict:
        return {"code": self.code, "scheme": SCHEME, "name": self.name}


_KINDS = ("Thành phố", "Tỉnh", "Huyện", "Quận", "Thị xã", "Thị trấn", "Xã", "Phường")


def _split(name: str) -> tuple[str, str]:
    for kind in _KINDS:
        if name.startswith(kind + " "):
            return kind.lower(), name[len(kind) + 1:]
    return "", name


def _data_path() -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec("vietnam_provinces")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "nested-divisions.json"
    return path if path.is_file() else None


@lru_cache(maxsize=1)  # package metadata is read from disk: once per process
def version() -> str | None:
    try:
        from importlib.metadata import version as v

        return v("vietnam-provinces")
    except Exception:  # noqa: BLE001 - absent or broken install: no code list
        return None


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    path = _data_path()
    if path is None:
        return ()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    out: list[Unit] = []
    for p in data:
        kind, short = _split(p["name"])
        prov = Unit(p["name"], short, kind, Level.PROVINCE, f"{p['code']:02d}")
        out.append(prov)
        for d in p.get("districts", []):
            kind, short = _split(d["name"])
            dist = Unit(d["name"], short, kind, Level.DISTRICT, f"{d['code']:03d}", prov)
            out.append(dist)
            for w in d.get("wards", []):
                kind, short = _split(w["name"])
                out.append(Unit(w["name"], short, kind, Level.COMMUNE, f"{w['code']:05d}", prov, dist))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, list[Unit]]:
    index: dict[str, list[Unit]] = {}
    for u in units():
        index.setdefault(_key(u.short), []).append(u)
    return index


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def lookup(short: str, level: str | None = None, kind: str | None = None) -> list[Unit]:
    """Units whose name (without its type) reads ``short``, diacritics and case ignored."""
    found = _by_key().get(_key(short), [])
    if level:
        found = [u for u in found if u.level == level]
    if kind:
        found = [u for u in found if u.kind == kind or (kind == "thành phố" and u.kind == "thành phố")]
    return found


def exact(candidates: list[Unit], printed: str) -> list[Unit]:
    """Prefer the candidates whose diacritics match the print (case ignored)."""
    want = re.sub(r"\s+", " ", printed).strip().casefold()
    same = [u for u in candidates if u.short.casefold() == want]
    return same or candidates


def within(candidates: list[Unit], parent: Unit | None) -> list[Unit]:
    if parent is None:
        return candidates
    return [u for u in candidates if parent in (u.province, u.district)]


def find_names(text: str, level: str) -> list[Unit]:
    """Units of ``level`` whose name is printed in ``text`` (exact letters, as a whole phrase)."""
    found: list[Unit] = []
    index = _by_key()
    for run, keys in _capitalised_runs(text):
        for size in range(min(4, len(run)), 0, -1):
            for i in range(len(run) - size + 1):
                # A phrase of words joined by single spaces: its key is its words' keys joined.
                units = index.get(" ".join(keys[i:i + size]))
                if not units:
                    continue
                phrase = " ".join(run[i:i + size])
                for u in units:
                    if u.level == level and u.short == phrase and u not in found:
                        found.append(u)
    return found


_TOKEN = re.compile(r"\w+|[^\w\s]")


@per_conversion(8)  # the text of one document is searched for several levels
def _capitalised_runs(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Runs of capitalised words, each with its words' folded keys."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for word in _TOKEN.findall(text):
        if word[0].isalpha() and word[0].isupper():
            cur.append(word)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return tuple((tuple(run), tuple(fold(w) for w in run)) for run in runs)
