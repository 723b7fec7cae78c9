"""Administrative units under an issuer on a date: who is expected to answer when no list is given.

Before 1 July 2025 the units are the 63 provinces and their districts and communes of Quyết định
124/2004/QĐ-TTg (scheme ``gso-2004``), from the ``vietnam-provinces`` 0.6 data the project already
pins. From that day the two-level system holds: 34 provinces and their communes and wards (scheme
``gso-2025``), read from the SQLite file the ``vietnamadminunits`` package ships (the optional
``admin-2025`` extra; the package itself is not imported, so its geometry dependencies never load),
with its mapping from the old provinces to the new.

The reader of plan-convert keeps its own index of the pre-2025 list for place names
(``khth.converters.text.gazetteer``); the report may not import the converters, so the list is
read here too.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khth.schema.codelists import DISTRICT_LEVEL_END, AdminUnitScheme, Level


@dataclass(frozen=True)
class Unit:
    code: str
    name: str  # with its kind: "Tỉnh Quảng Ngãi", "Thị xã Đức Phổ"
    level: str
    scheme: str
    parent: str | None  # the code of the unit it lies in


_NEXT = {Level.CENTRAL: Level.PROVINCE, Level.PROVINCE: Level.DISTRICT, Level.DISTRICT: Level.COMMUNE}
_NEXT_2025 = {Level.CENTRAL: Level.PROVINCE, Level.PROVINCE: Level.COMMUNE}


def scheme_on(day: str | None) -> str:
    """The unit scheme in force on ``day`` (ISO, possibly reduced); an undated document is taken as old."""
    return AdminUnitScheme.GSO_2025 if day and day[:10] >= DISTRICT_LEVEL_END else AdminUnitScheme.GSO_2004


def next_level(level: str | None, day: str | None) -> str | None:
    table = _NEXT_2025 if scheme_on(day) == AdminUnitScheme.GSO_2025 else _NEXT
    return table.get(level) if level else None


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


def unit(code: str, scheme: str) -> Unit | None:
    return _by_code(scheme).get(code)


@lru_cache(maxsize=4)
def _by_code(scheme: str) -> dict[str, Unit]:
    """The units of ``scheme`` by code (the first of a code, as a scan would find it): a coverage of a
    directive looks up every plan's unit."""
    found: dict[str, Unit] = {}
    for u in units(scheme) or ():
        found.setdefault(u.code, u)
    return found


def units(scheme: str) -> tuple[Unit, ...] | None:
    return _units_2025() if scheme == AdminUnitScheme.GSO_2025 else _units_2004()


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
        province = f"{p['code']:02d}"
        out.append(Unit(province, p["name"], Level.PROVINCE, scheme, None))
        for d in p.get("districts", []):
            district = f"{d['code']:03d}"
            out.append(Unit(district, d["name"], Level.DISTRICT, scheme, province))
            out += [Unit(f"{w['code']:05d}", w["name"], Level.COMMUNE, scheme, district) for w in d.get("wards", [])]
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
    out = [Unit(code, name, Level.PROVINCE, scheme, None) for code, name in sorted(provinces)]
    out += [Unit(code, name, Level.COMMUNE, scheme, province) for code, name, province in sorted(wards)]
    return tuple(out)


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
