"""Administrative units and their codes, before and after the two-level local government.

Codes are never printed (SPEC §6): a record holds one only as an inferred fact, looked up here.
Two code lists, each for the units in force on a document's date:

- ``gso-2004`` (Quyết định 124/2004/QĐ-TTg): the 63 provinces and their districts and communes,
  from the ``vietnam-provinces`` 0.6 data (of 2025-01-04, the last release that lists districts);
- ``gso-2025``: from 1 July 2025 (Nghị quyết 202/2025/QH15 and the law of 16 June 2025), the 34
  provinces and their communes, wards and special zones, read from the SQLite file the
  ``vietnamadminunits`` package ships (the optional ``admin-2025`` extra; the package itself is not
  imported, so its geometry dependencies never load), with its mapping from the old units to the new.

Either list may be absent: then nothing is looked up, and no code is recorded.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .codelists import DISTRICT_LEVEL_END, AdminUnitScheme, Level
from .grammar.letters import fold

SOURCES = {AdminUnitScheme.GSO_2004: "vietnam-provinces", AdminUnitScheme.GSO_2025: "vietnamadminunits"}


@dataclass(frozen=True, eq=False)  # one object per unit of a loaded list: identity is equality
class Unit:
    code: str  # zero-padded GSO code
    name: str  # official name with its kind: "Thị xã Đức Phổ", "Đặc khu Côn Đảo"
    level: str
    scheme: str
    parent: str | None  # the code of the unit it lies in
    short: str = ""  # the name without its kind: "Đức Phổ"
    kind: str = ""  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu
    province: "Unit | None" = field(default=None, repr=False)
    district: "Unit | None" = field(default=None, repr=False)

    def admin_unit(self) -> dict:
        return {"code": self.code, "scheme": self.scheme, "name": self.name}


_KINDS = ("Thành phố", "Tỉnh", "Huyện", "Quận", "Thị xã", "Thị trấn", "Xã", "Phường", "Đặc khu")


def _unit(code: str, name: str, level: str, scheme: str, province: Unit | None = None,
          district: Unit | None = None) -> Unit:
    kind, short = "", name
    for k in _KINDS:
        if name.startswith(k + " "):
            kind, short = k.lower(), name[len(k) + 1:]
            break
    parent = district or province
    return Unit(code, name, level, scheme, parent.code if parent else None, short, kind, province, district)


# --- which list a date calls for -------------------------------------------------------------

def scheme_on(day: str | None) -> str:
    """The unit scheme in force on ``day`` (ISO, possibly reduced); an undated document, or a
    reduced date that spans the reform, is taken as old (a coverage needs one answer)."""
    return AdminUnitScheme.GSO_2025 if day and day[:10] >= DISTRICT_LEVEL_END else AdminUnitScheme.GSO_2004


def scheme_of_document(issue_date: str | None) -> str | None:
    """The list that describes the units of a document issued on ``issue_date`` (ISO, possibly
    reduced to a month or a year), or None when the date may fall on either side of the reform
    ("2025"). An undated document is read with the old list, as most published plans predate it."""
    if issue_date is None:
        return AdminUnitScheme.GSO_2004
    # "~" sorts after every digit and "-": a reduced date compares as the last day it may stand for.
    if issue_date + "~" < DISTRICT_LEVEL_END:
        return AdminUnitScheme.GSO_2004
    if issue_date >= DISTRICT_LEVEL_END[:len(issue_date)]:
        return AdminUnitScheme.GSO_2025
    return None


_NEXT = {Level.CENTRAL: Level.PROVINCE, Level.PROVINCE: Level.DISTRICT, Level.DISTRICT: Level.COMMUNE}
_NEXT_2025 = {Level.CENTRAL: Level.PROVINCE, Level.PROVINCE: Level.COMMUNE}


def next_level(level: str | None, day: str | None) -> str | None:
    table = _NEXT_2025 if scheme_on(day) == AdminUnitScheme.GSO_2025 else _NEXT
    return table.get(level) if level else None


def levels_of(scheme: str) -> tuple[str, ...]:
    """The local levels a list holds."""
    if scheme == AdminUnitScheme.GSO_2025:
        return (Level.PROVINCE, Level.COMMUNE)
    return (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)


# --- the lists ---------------------------------------------------------------------------------

def units(scheme: str) -> tuple[Unit, ...] | None:
    """Every unit of ``scheme``, None when its list is not installed."""
    return _units_2025() if scheme == AdminUnitScheme.GSO_2025 else _units_2004()


def unit(code: str, scheme: str) -> Unit | None:
    return _by_code(scheme).get(code)


@lru_cache(maxsize=2)
def version(scheme: str) -> str | None:
    """The installed version of the package that carries ``scheme``'s list."""
    try:
        from importlib.metadata import version as installed

        return installed(SOURCES[scheme])
    except Exception:  # noqa: BLE001 - absent or broken install: no code list
        return None


def units_under(code: str | None, level: str | None, day: str | None) -> list[Unit] | None:
    """The units one level below the issuer's unit (``code``; none for a central body) on ``day``.
    None when the list for that date is not installed."""
    below = next_level(level, day)
    if below is None:
        return []
    listed = units(scheme_on(day))
    if listed is None:
        return None
    parent = None if level == Level.CENTRAL else code
    if level != Level.CENTRAL and not code:
        return []
    return [u for u in listed if u.level == below and u.parent == parent]


@lru_cache(maxsize=2)
def _by_code(scheme: str) -> dict[str, Unit]:
    """The units of ``scheme`` by code (the first of a code, as a scan would find it): a coverage of a
    directive looks up every plan's unit."""
    found: dict[str, Unit] = {}
    for u in units(scheme) or ():
        found.setdefault(u.code, u)
    return found


def _package_file(package: str, *parts: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _units_2004() -> tuple[Unit, ...] | None:
    path = _package_file("vietnam_provinces", "data", "nested-divisions.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        data = None
    if not isinstance(data, list) or not data or "districts" not in data[0]:
        return None  # absent, or a later release of the package that no longer lists districts
    out: list[Unit] = []
    scheme = AdminUnitScheme.GSO_2004
    for p in data:
        province = _unit(f"{p['code']:02d}", p["name"], Level.PROVINCE, scheme)
        out.append(province)
        for d in p.get("districts", []):
            district = _unit(f"{d['code']:03d}", d["name"], Level.DISTRICT, scheme, province)
            out.append(district)
            out += [_unit(f"{w['code']:05d}", w["name"], Level.COMMUNE, scheme, province, district)
                    for w in d.get("wards", [])]
    return tuple(out)


def _dataset() -> Path | None:
    return _package_file("vietnamadminunits", "data", "dataset.db")


@lru_cache(maxsize=1)
def _units_2025() -> tuple[Unit, ...] | None:
    path = _dataset()
    if path is None:
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            provinces = db.execute("SELECT DISTINCT provinceCode, province FROM admin_units").fetchall()
            wards = db.execute("SELECT wardCode, ward, provinceCode FROM admin_units").fetchall()
    except sqlite3.Error:
        return None
    scheme = AdminUnitScheme.GSO_2025
    by_code = {code: _unit(code, name, Level.PROVINCE, scheme) for code, name in sorted(provinces)}
    out = list(by_code.values())
    out += [_unit(code, name, Level.COMMUNE, scheme, by_code.get(province)) for code, name, province in sorted(wards)]
    return tuple(out)


# --- the mapping from the old units to the new -------------------------------------------------

@lru_cache(maxsize=1)
def province_2025_of() -> dict[str, str]:
    """The 2025 province each pre-2025 province (by code) was merged into, from the package's mapping."""
    path = _dataset()
    mapping = _package_file("vietnamadminunits", "data", "converter_2025.json")
    if path is None or mapping is None:
        return {}
    try:
        merged = json.loads(mapping.read_text(encoding="utf-8"))["DICT_PROVINCE"]
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            old = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy"))
            new = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units"))
    except (OSError, ValueError, KeyError, sqlite3.Error):
        return {}
    return {old[o]: new[n] for n, olds in merged.items() if n in new for o in olds if o in old}


@lru_cache(maxsize=1)
def districts_of_2025_commune() -> dict[str, frozenset[str]]:
    """The pre-2025 districts (by code) each 2025 commune or ward (by code) was formed from, from the
    package's mapping: most lie in one district; a commune formed across a district line lies in several."""
    path = _dataset()
    mapping = _package_file("vietnamadminunits", "data", "converter_2025.json")
    if path is None or mapping is None:
        return {}
    try:
        data = json.loads(mapping.read_text(encoding="utf-8"))
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            district = {(p, d): code for p, d, code in
                        db.execute("SELECT DISTINCT provinceKey, districtKey, districtCode FROM admin_units_legacy")}
            ward = {(p, w): code for p, w, code in db.execute("SELECT provinceKey, wardKey, wardCode FROM admin_units")}
    except (OSError, ValueError, sqlite3.Error):
        return {}
    found: dict[str, set[str]] = {}

    def add(province: str, new_ward: str, old_key: str) -> None:
        old_province, old_district = old_key.split("_")[:2]
        code, old = ward.get((province, new_ward)), district.get((old_province, old_district))
        if code and old:
            found.setdefault(code, set()).add(old)

    for province, wards in data.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
        for new_ward, olds in wards.items():
            for old_key in olds:
                add(province, new_ward, old_key)
    for province, olds in data.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
        for old_key, parts in olds.items():
            for part in parts:
                add(province, part["newWardKey"], old_key)
    return {code: frozenset(olds) for code, olds in found.items()}


# --- names -------------------------------------------------------------------------------------

def name_key(text: str) -> str:
    """The key a unit's name is looked up by: diacritics, case and spacing ignored."""
    return re.sub(r"\s+", " ", fold(text)).strip()


@lru_cache(maxsize=2)
def by_name_key(scheme: str) -> dict[str, list[Unit]]:
    """The units of ``scheme`` by the key of their name without its kind."""
    index: dict[str, list[Unit]] = {}
    for u in units(scheme) or ():
        index.setdefault(name_key(u.short), []).append(u)
    return index


def lookup(short: str, scheme: str, level: str | None = None, kind: str | None = None) -> list[Unit]:
    """Units whose name (without its kind) reads ``short``, diacritics and case ignored."""
    found = by_name_key(scheme).get(name_key(short), [])
    if level:
        found = [u for u in found if u.level == level]
    if kind:
        found = [u for u in found if u.kind == kind]
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
