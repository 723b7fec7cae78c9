"""Who is expected to answer a directive or plan: a list the user gives, the parent's recipients, or
the administrative units under the issuer."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from khth.schema.codelists import Level

from .errors import ReportError
from .names import normalise_name, system_of
from khth.schema.units import Unit, units_under

# Column titles of the list, Vietnamese first (what `plan-report template` writes), then English.
NAME, KIND, CODE = "Tên đơn vị", "Loại đơn vị", "Mã đơn vị (không bắt buộc)"
_COLUMNS = {"name": (NAME, "tên đơn vị", "tên", "name"), "kind": (KIND, "loại đơn vị", "loại", "kind"),
            "code": (CODE, "mã đơn vị", "mã", "code")}
TEMPLATE = f"{NAME},{KIND},{CODE}\n".encode("utf-8-sig")  # the BOM lets spreadsheet programs read UTF-8

_LEVEL_WORDS = (  # longest first: "thành phố trực thuộc trung ương" before "thành phố"
    ("thành phố trực thuộc trung ương", Level.PROVINCE), ("tỉnh", Level.PROVINCE),
    ("huyện", Level.DISTRICT), ("quận", Level.DISTRICT), ("thị xã", Level.DISTRICT),
    ("thị trấn", Level.COMMUNE), ("phường", Level.COMMUNE), ("xã", Level.COMMUNE), ("đặc khu", Level.COMMUNE),
)
_CODE_LEVELS = {2: Level.PROVINCE, 3: Level.DISTRICT, 5: Level.COMMUNE}


@dataclass(frozen=True)
class Responder:
    name: str
    kind: str | None = None
    code: str | None = None
    level: str | None = None
    system: str | None = None  # "party" or "state" when the name says; None: any plan of the unit answers
    source: str = "list"  # list | recipients | units
    scheme: str | None = None  # of the code; None: the scheme in force on the parent's date


def level_of(kind: str | None, name: str, code: str | None) -> str | None:
    if code and code.isdigit() and len(code) in _CODE_LEVELS:
        return _CODE_LEVELS[len(code)]
    for text in (normalise_name(kind), normalise_name(name)):
        for word, level in _LEVEL_WORDS:
            if re.search(rf"(?:^|\s){word}(?:\s|$)", text) and f"{word} ủy" not in text:
                return level
        for word, level in (("tỉnh ủy", Level.PROVINCE), ("huyện ủy", Level.DISTRICT), ("thị ủy", Level.DISTRICT),
                            ("quận ủy", Level.DISTRICT)):
            if word in text:
                return level
    return None


def read_list(path: str) -> list[Responder]:
    """The expected responders of a list: an .xlsx workbook (its first sheet) or a CSV file (UTF-8,
    comma or semicolon separated)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReportError.of("report.responders-unreadable", file=path, reason=exc.strerror or str(exc)) from None
    from . import xlsx

    rows = xlsx.read_rows(data, path) if data.startswith(xlsx.ZIP_MAGIC) else _csv_rows(data, path)
    return _responders(rows, path)


def _padded(code: str, level: str | None) -> str | None:
    """A GSO code with the leading zeros a spreadsheet drops from a number ("1" for Hà Nội's "01"),
    restored when the unit's kind says how long its code is."""
    if not code:
        return None
    width = {v: k for k, v in _CODE_LEVELS.items()}.get(level) if level else None
    return code.zfill(width) if width and code.isdigit() and len(code) < width else code


def _csv_rows(data: bytes, path: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportError.of("report.responders-encoding", file=path, offset=exc.start) from None
    if "\x00" in text:
        raise ReportError.of("report.responders-encoding", file=path, offset=text.index("\x00"))
    lines = text.splitlines()
    delimiter = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _responders(rows: list[list[str]], path: str) -> list[Responder]:
    header = [normalise_name(c) for c in (rows[0] if rows else [])]
    where = {key: next((i for i, c in enumerate(header) if c in {normalise_name(t) for t in titles}), None)
             for key, titles in _COLUMNS.items()}
    if where["name"] is None:
        raise ReportError.of("report.responders-columns", file=path, missing=f"\"{NAME}\"",
                             expected=f"\"{NAME}\", \"{KIND}\", \"{CODE}\"")
    out: list[Responder] = []
    for line, row in enumerate(rows[1:], start=2):
        cell = {k: (row[i].strip() if i is not None and i < len(row) else "") for k, i in where.items()}
        if not any(c.strip() for c in row):
            continue
        if not cell["name"]:
            raise ReportError.of("report.responders-row", file=path, line=line)
        code = _padded(cell["code"], level_of(cell["kind"], cell["name"], None))
        out.append(Responder(cell["name"], cell["kind"] or None, code, level_of(cell["kind"], cell["name"], code),
                             system_of(cell["name"]) or system_of(cell["kind"])))
    if not out:
        raise ReportError.of("report.responders-empty", file=path)
    return out


# Recipients that receive a copy to know, to file, or to be reported to, and so owe no plan.
_NOT_EXPECTED = {"report", "archive", "information", "asAddressed"}
_GROUP = re.compile(r"(?:^|\s)các\s")
# "các" followed by kinds of unit ("UBND các huyện, thị xã, thành phố", "các huyện ủy, thị ủy"): a group
# of units that the administrative list expands; "các PCT UBND tỉnh" or "các sở" is no such group.
_UNIT_KINDS = re.compile(r"(?:^|\s)các\s+(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|tỉnh|đảng ủy)\b")


@dataclass(frozen=True)
class Recipients:
    responders: list[Responder]
    not_counted: list[str]  # groups that name no unit kind ("các sở, ban, ngành"): listed, not counted


def from_recipients(recipients: tuple[tuple[str, str | None], ...], code: str | None, level: str | None,
                    day: str | None) -> Recipients:
    """The parent's own recipients, a group of units ("UBND các huyện, thị xã, thành phố") expanded
    with the administrative units under the issuer on its date."""
    out: list[Responder] = []
    not_counted: list[str] = []
    for name, purpose in recipients:
        if purpose in _NOT_EXPECTED:
            continue
        text = normalise_name(name)
        if not _GROUP.search(text):
            out.append(Responder(name, None, None, level_of(None, name, None), system_of(name), "recipients"))
            continue
        below = units_under(code, level, day) if _UNIT_KINDS.search(text) else None
        if not below:
            not_counted.append(name)
            continue
        system = system_of(name) or ("party" if " ủy" in text else None)
        out += [Responder(u.name, None, u.code, u.level, system, "recipients", u.scheme) for u in below]
    return Recipients(list(dict.fromkeys(out)), not_counted)  # a unit two groups name is expected once


def from_units(below: list[Unit]) -> list[Responder]:
    return [Responder(u.name, None, u.code, u.level, None, "units", u.scheme) for u in below]
