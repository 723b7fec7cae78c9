"""Small linked corpora with known gaps, for the plan-report tests.

A central directive (a citation-only record) is answered by the Tỉnh ủy of some provinces; each of
those is answered by the Huyện ủy of some of its districts. Which units answer, and when, is chosen
by the caller, so each test knows exactly who has not answered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from khth.schema.units import units_under
from khth.schema.identifiers import make_identifier

ROOT_NUMBER, ROOT_DATE = "5-CT/TW", "2024-01-10"


def _number(serial: int, type_code: str, issuer_code: str) -> dict:
    return {"printed": f"{serial}-{type_code}/{issuer_code}", "system": "party", "serial": serial,
            "typeCode": type_code, "issuerCode": issuer_code}


def record(serial: int, issuer_code: str, day: str, name: str, acting: str, level: str, unit: tuple[str, str] | None,
           parent: dict | None, type_code: str = "KH") -> dict:
    doc = {"khthVersion": "1.0", "id": make_identifier(type_code, f"{serial}-{type_code}/{issuer_code}", day, acting),
           "profile": "citation", "documentType": type_code, "number": _number(serial, type_code, issuer_code),
           "issueDate": day,
           "issuer": {"name": name, "actingBody": acting, "system": "party", "level": level}}
    if unit:
        doc["issuer"]["adminUnit"] = {"code": unit[0], "scheme": "gso-2004", "name": unit[1]}
    if parent:
        doc["parent"] = {"id": parent["id"], "documentType": parent["documentType"],
                         "number": parent["number"], "issueDate": parent["issueDate"],
                         "issuer": parent["issuer"]["actingBody"]}
    return doc


def root_record() -> dict:
    return record(5, "TW", ROOT_DATE, "Ban Chấp hành Trung ương", "Bộ Chính trị", "central", None, None, "CT")


@dataclass
class Built:
    folder: Path
    answered: dict[str, str] = field(default_factory=dict)  # unit code → the answering plan's date
    expected_provinces: list[str] = field(default_factory=list)
    expected_districts: list[str] = field(default_factory=list)  # districts of the provinces that answered


def build(folder: Path, provinces: dict[str, int], districts: dict[str, int]) -> Built:
    """A corpus under ``folder``: provinces (code → days after the root) and districts (code → days after
    their province's plan) that answered. A district whose province did not answer is ignored."""
    folder.mkdir(parents=True, exist_ok=True)
    root = root_record()
    _write(folder / "root.json", root)
    built = Built(folder, expected_provinces=[u.code for u in units_under(None, "central", ROOT_DATE)])
    serial = 100
    for province in units_under(None, "central", ROOT_DATE):
        if province.code not in provinces:
            continue
        serial += 1
        day = (date.fromisoformat(ROOT_DATE) + timedelta(days=provinces[province.code])).isoformat()
        short = province.name.split(" ", 1)[1] if province.name.startswith("Tỉnh ") else province.name
        plan = record(serial, "TU", day, f"TỈNH ỦY {short.upper()}", "Ban Thường vụ Tỉnh ủy", "province",
                      (province.code, province.name), root)
        _write(folder / f"p{province.code}.json", plan)
        built.answered[province.code] = day
        below = units_under(province.code, "province", ROOT_DATE)
        built.expected_districts += [d.code for d in below]
        for d in below:
            if d.code not in districts:
                continue
            serial += 1
            dday = (date.fromisoformat(day) + timedelta(days=districts[d.code])).isoformat()
            dplan = record(serial, "HU", dday, f"HUYỆN ỦY {d.name.upper()}", "Ban Thường vụ Huyện ủy", "district",
                           (d.code, d.name), plan)
            _write(folder / f"d{d.code}.xml.json", dplan)
            built.answered[d.code] = dday
    return built


def _write(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
