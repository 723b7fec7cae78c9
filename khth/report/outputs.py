"""Each view as a table (terminal text, CSV) and as JSON; column titles and statuses in the asked language."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

import orjson

from khth.schema.catalogue import Text

from .coverage import ANSWERED, LATE, NOT_YET, OVERDUE, Coverage
from .deadlines import DONE, DUE, OVERDUE as DUTY_OVERDUE, RECURRING, UNDATED, DutyRow
from .tree import TreeRow

FORMATS = ("text", "json", "csv", "xlsx")

WORDS = {
    ANSWERED: Text("đã ban hành", "answered"), LATE: Text("ban hành muộn", "answered late"),
    NOT_YET: Text("chưa ban hành", "not yet"), OVERDUE: Text("chưa ban hành, quá hạn", "not yet, overdue"),
    DONE: Text("đã thực hiện", "done"), DUE: Text("chưa đến hạn", "due"), DUTY_OVERDUE: Text("quá hạn", "overdue"),
    RECURRING: Text("định kỳ", "recurring"), UNDATED: Text("không ghi hạn", "undated"),
    "province": Text("tỉnh", "province"), "district": Text("huyện", "district"), "commune": Text("xã", "commune"),
    "central": Text("trung ương", "central"), None: Text("khác", "other"),
}


def word(key: Any, lang: str) -> str:
    t = WORDS.get(key, WORDS[None])
    return t.vi if lang == "vi" else t.en if lang == "en" else f"{t.vi} / {t.en}"


def say(vi: str, en: str, lang: str) -> str:
    return vi if lang == "vi" else en if lang == "en" else f"{vi} / {en}"


@dataclass(frozen=True)
class Table:
    columns: tuple[Text, ...]
    rows: list[list[str]]
    numbers: frozenset[int] = frozenset()  # columns of counts and days, which a spreadsheet can sum

    def titles(self, lang: str) -> list[str]:
        return [say(c.vi, c.en, lang) for c in self.columns]


TREE_COLUMNS = (Text("Văn bản", "Document"), Text("Ngày", "Date"), Text("Sau cấp trên (ngày)", "Lag (days)"),
                Text("Cơ quan ban hành", "Issuer"), Text("Cấp", "Level"), Text("Tệp", "File"))
COVERAGE_COLUMNS = (Text("Cấp", "Level"), Text("Đơn vị", "Unit"), Text("Mã", "Code"), Text("Tình trạng", "Status"),
                    Text("Văn bản", "Plan"), Text("Ngày", "Date"), Text("Sau cấp trên (ngày)", "Lag (days)"),
                    Text("Thực hiện văn bản", "Answers"), Text("Hạn", "Due"), Text("Văn bản khác", "Also"))
DEADLINE_COLUMNS = (Text("Văn bản", "Document"), Text("Ai", "Who"), Text("Việc", "What"), Text("Gửi", "To"),
                    Text("Hạn", "By"), Text("Định kỳ", "Recurring"), Text("Tình trạng", "Status"))


def tree_table(rows: list[TreeRow], lang: str, indent: bool = True) -> Table:
    """The tree, one plan a row; ``indent`` shows depth by indenting (text), else in a column (CSV)."""
    out = []
    for r in rows:
        lag = "" if r.lag is None else str(r.lag)
        out.append(["  " * r.depth * indent + r.plan.display, r.plan.date or "?", lag, r.plan.name,
                    word(r.plan.level, lang) if r.plan.level else "", r.plan.file] + ([] if indent else [str(r.depth)]))
    return Table(TREE_COLUMNS + (() if indent else (Text("Tầng", "Depth"),)), out, frozenset({2, 6}))


def coverage_table(cov: Coverage, lang: str, only: frozenset[str] | None = None) -> Table:
    """The responders, those of the statuses ``only`` when given (the counts stay whole)."""
    out = []
    for r in cov.rows:
        if only and r.status not in only:
            continue
        a = r.answer
        out.append([word(r.level, lang), r.responder.name, r.responder.code or "", word(r.status, lang),
                    a.display if a else "", (a.date or "?") if a else "", "" if r.lag is None else str(r.lag),
                    r.parent.display, r.due or "", "; ".join(o.display for o in r.others)])
    return Table(COVERAGE_COLUMNS, out, frozenset({6}))


def deadline_table(rows: list[DutyRow], lang: str) -> Table:
    out = [[r.plan.display, "; ".join(r.duty.who), r.duty.what, "; ".join(r.duty.to), r.next_due or "",
            ", ".join(r.duty.frequencies) or ("" if not r.duty.recurring else "x"), word(r.status, lang)]
           for r in rows]
    return Table(DEADLINE_COLUMNS, out)


def coverage_summary(cov: Coverage, lang: str) -> list[str]:
    lines = []
    for c in cov.counts():
        answered = c.by_status[ANSWERED] + c.by_status[LATE]
        lines.append(say(
            f"{word(c.level, 'vi')}: {answered}/{c.expected} đã ban hành ({c.by_status[LATE]} muộn), "
            f"{c.by_status[NOT_YET] + c.by_status[OVERDUE]}/{c.expected} chưa ({c.by_status[OVERDUE]} quá hạn)",
            f"{word(c.level, 'en')}: {answered}/{c.expected} answered ({c.by_status[LATE]} late), "
            f"{c.by_status[NOT_YET] + c.by_status[OVERDUE]}/{c.expected} not yet ({c.by_status[OVERDUE]} overdue)",
            lang))
    source = {"list": Text("danh sách đã cho", "the list given"),
              "recipients": Text("nơi nhận của văn bản gốc", "the root's recipients"),
              "units": Text("đơn vị hành chính dưới cơ quan ban hành", "the administrative units under the issuer")}
    if cov.source in source:
        lines.insert(0, say(f"Đơn vị phải thực hiện theo {source[cov.source].vi}",
                            f"Expected responders from {source[cov.source].en}", lang))
    for a in cov.ambiguous:
        names = "; ".join(r.name for r in a.responders)
        lines.append(say(f"Không rõ: {a.plan.display} ({a.plan.date or '?'}) khớp nhiều đơn vị: {names}; không tính",
                         f"Ambiguous: {a.plan.display} ({a.plan.date or '?'}) matches several units: {names}; "
                         "not counted", lang))
    for p in cov.unmatched:
        lines.append(say(f"Ngoài danh sách: {p.display} ({p.date or '?'}, {p.name})",
                         f"Not in the list: {p.display} ({p.date or '?'}, {p.name})", lang))
    for g in cov.not_counted:
        lines.append(say(f"Nhóm nơi nhận không tách được thành đơn vị, không tính: {g}",
                         f"Recipient group not expandable into units, not counted: {g}", lang))
    if cov.units_missing:
        lines.append(say(f"Chưa cài danh sách đơn vị hành chính cho ngày {cov.units_missing} "
                         "(pip install 'khth[admin-2025]'), hoặc cho danh sách bằng --responders",
                         f"No administrative-unit list installed for {cov.units_missing} "
                         "(pip install 'khth[admin-2025]'); or give the list with --responders", lang))
    return lines


def render_text(table: Table, lang: str, header: list[str] | None = None, footer: list[str] | None = None) -> str:
    titles = table.titles(lang)
    widths = [max([_width(t)] + [_width(r[i]) for r in table.rows]) for i, t in enumerate(titles)]
    widths = [min(w, 60) for w in widths]

    def line(cells: list[str]) -> str:
        return "  ".join(_pad(_clip(c, w), w) for c, w in zip(cells, widths)).rstrip()

    out = list(header or [])
    out += [line(titles), line(["-" * w for w in widths])]
    out += [line(r) for r in table.rows]
    out += list(footer or [])
    return "\n".join(out) + "\n"


def render_xlsx(sheets: list[tuple[Text, Table]], lang: str) -> bytes:
    """One sheet per table; titles in Vietnamese unless English alone is asked for."""
    from .xlsx import workbook

    lang = "en" if lang == "en" else "vi"
    return workbook([(say(name.vi, name.en, lang), table.titles(lang),
                      [[int(v) if i in table.numbers and v.lstrip("-").isdigit() else v for i, v in enumerate(row)]
                       for row in table.rows]) for name, table in sheets])


def counts_table(cov: Coverage, lang: str) -> Table:
    columns = (Text("Cấp", "Level"), Text("Phải thực hiện", "Expected"), Text("Đã ban hành", "Answered"),
               Text("Ban hành muộn", "Answered late"), Text("Chưa ban hành", "Not yet"), Text("Quá hạn", "Overdue"))
    rows = [[word(c.level, lang), str(c.expected), str(c.by_status[ANSWERED]), str(c.by_status[LATE]),
             str(c.by_status[NOT_YET]), str(c.by_status[OVERDUE])] for c in cov.counts()]
    return Table(columns, rows, frozenset(range(1, 6)))


def render_csv(table: Table, lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.titles(lang))
    writer.writerows(table.rows)
    return buf.getvalue()


def render_json(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    return text if _width(text) <= width else text[:width - 1] + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


# --- JSON forms ----------------------------------------------------------------------------------

def _plan_json(p: Any) -> dict[str, Any]:
    return {"id": p.id, "number": p.summary.number, "display": p.display, "date": p.date, "issuer": p.name or None,
            "level": p.level, "file": p.file}


def tree_json(rows: list[TreeRow]) -> list[dict[str, Any]]:
    return [{"depth": r.depth, **_plan_json(r.plan), "parent": r.parent.id if r.parent else None, "lagDays": r.lag}
            for r in rows]


def coverage_json(cov: Coverage, only: frozenset[str] | None = None) -> dict[str, Any]:
    return {
        "root": _plan_json(cov.root), "responderSource": cov.source,
        "counts": [{"level": c.level, "expected": c.expected, **{_camel(k): v for k, v in c.by_status.items()}}
                   for c in cov.counts()],
        "responders": [{"name": r.responder.name, "kind": r.responder.kind, "code": r.responder.code,
                        "level": r.level, "status": r.status, "answers": r.parent.id, "due": r.due,
                        "plan": _plan_json(r.answer) if r.answer else None, "lagDays": r.lag,
                        "others": [_plan_json(o) for o in r.others]}
                       for r in cov.rows if not only or r.status in only],
        "ambiguous": [{"plan": _plan_json(a.plan), "responders": [r.name for r in a.responders]}
                      for a in cov.ambiguous],
        "notInList": [_plan_json(p) for p in cov.unmatched],
        "notCounted": cov.not_counted, "unitListMissingFor": cov.units_missing,
    }


def deadlines_json(rows: list[DutyRow]) -> list[dict[str, Any]]:
    return [{"document": _plan_json(r.plan), "who": list(r.duty.who), "what": r.duty.what,
             "context": r.duty.context or None, "to": list(r.duty.to),
             "by": r.duty.by, "nextDue": r.next_due, "frequencies": list(r.duty.frequencies),
             "recurring": r.duty.recurring, "reporting": r.duty.reporting, "status": r.status,
             "doneBy": _plan_json(r.done_by) if r.done_by else None} for r in rows]


def _camel(key: str) -> str:
    head, *rest = key.split("-")
    return head + "".join(w.title() for w in rest)
