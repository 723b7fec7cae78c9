"""One self-contained HTML report of a root: its tree, who has answered, the duties, and a page per record.

Every page is static HTML with its style inline: no script, no font, no address outside the folder,
so the folder works from a file:// URL or any static host, and an office publishes its plans by
publishing the folder. Each record's page shows plan-validate's findings on its file and links to a
copy of the file, kept in the folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .corpus import Corpus, Plan
from .coverage import Coverage
from .deadlines import DutyRow
from .outputs import coverage_summary, word
from .tree import Tree, TreeRow

_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}
th{background:#eee}.answered{background:#d8f0d8}.answered-late{background:#fff0c0}.not-yet{background:#f4f4f4}
.overdue{background:#f8d0d0}.done{background:#d8f0d8}.due{background:#f4f4f4}.recurring{background:#e8eefc}
.undated{background:#f4f4f4}.error{color:#a00}.warning{color:#a60}.info{color:#555}ul.tree{list-style:none}
ul.tree ul{list-style:none;border-left:1px solid #ccc;margin-left:.5em;padding-left:1em}
time{white-space:nowrap}"""


@dataclass(frozen=True)
class Site:
    pages: dict[str, bytes]  # path inside the folder → bytes


def site(corpus: Corpus, tree: Tree, tree_rows: list[TreeRow], cov: Coverage, duties: list[DutyRow],
         lang: str) -> Site:
    names = _page_names(corpus.plans)
    pages: dict[str, bytes] = {}
    copies: dict[str, str] = {}
    for plan in corpus.plans:
        copies.setdefault(plan.file, f"files/{len(copies) + 1:04d}-{_slug(Path(plan.file).name)}")
    index = _page(_t("Báo cáo thực hiện", "Implementation report", lang) + f": {cov.root.display}",
                  _summary(cov, lang) + _tree(tree_rows, names, lang) + _coverage(cov, names, lang)
                  + _deadlines(duties, names, lang))
    pages["index.html"] = index.encode("utf-8")
    for plan in corpus.plans:
        body = _record(plan, corpus, names, copies, lang, tree)
        pages[f"records/{names[id(plan)]}"] = _page(plan.display, body, up="../").encode("utf-8")
    for source, copy in copies.items():
        try:
            pages[copy] = Path(source).read_bytes()
        except OSError:
            continue  # the file went away since it was read: its page says so by a dead link
    return Site(pages)


def _t(vi: str, en: str, lang: str) -> str:
    return vi if lang == "vi" else en if lang == "en" else f"{vi} / {en}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:60] or "record"


def _page_names(plans: list[Plan]) -> dict[int, str]:
    return {id(p): f"{i + 1:04d}-{_slug(p.number or p.id.split(':')[1])}.html" for i, p in enumerate(plans)}


def _page(title: str, body: str, up: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body>\n"
            f"<p><a href=\"{up}index.html\">⌂</a></p><h1>{escape(title)}</h1>\n{body}\n</body></html>\n")


def _link(plan: Plan | None, names: dict[int, str], up: str = "records/") -> str:
    if plan is None:
        return ""
    label = f"{escape(plan.display)} ({_date(plan.date) if plan.date else '?'})"
    return f"<a href=\"{up}{names[id(plan)]}\">{label}</a>" if id(plan) in names else label


def _date(day: str | None) -> str:
    """A date kept on one line: a narrow column would otherwise break it at its hyphens."""
    return f"<time datetime=\"{escape(day)}\">{escape(day)}</time>" if day else ""


def _table(titles: list[str], rows: list[tuple[str, list[str]]]) -> str:
    head = "".join(f"<th>{escape(t)}</th>" for t in titles)
    body = "".join(f"<tr class=\"{cls}\">" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n"
                   for cls, cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"


def _summary(cov: Coverage, lang: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in coverage_summary(cov, lang)) + "</ul>\n"


def _tree(rows: list[TreeRow], names: dict[int, str], lang: str) -> str:
    out = [f"<h2>{_t('Cây thực hiện', 'Implementation tree', lang)}</h2>", "<ul class=\"tree\">"]
    previous: int | None = None
    for r in rows:  # depth first: open a list below a plan, close as many as the depth falls
        if previous is not None:
            out.append("<ul>" if r.depth > previous else "</li>" + "</ul></li>" * (previous - r.depth))
        lag = "" if r.lag is None else " " + escape(_t(f"sau {r.lag} ngày", f"{r.lag} days after", lang))
        out.append(f"<li>{_link(r.plan, names)} {escape(r.plan.name)}{lag}")
        previous = r.depth
    out.append("</li>" + "</ul></li>" * (previous or 0) + "</ul>")
    return "\n".join(out) + "\n"


def _coverage(cov: Coverage, names: dict[int, str], lang: str) -> str:
    titles = [_t(*t, lang) for t in (("Cấp", "Level"), ("Đơn vị", "Unit"), ("Mã", "Code"), ("Tình trạng", "Status"),
                                     ("Văn bản", "Plan"), ("Sau cấp trên (ngày)", "Lag (days)"),
                                     ("Thực hiện văn bản", "Answers"), ("Hạn", "Due"))]
    rows = [(r.status, [escape(word(r.level, lang)), escape(r.responder.name), escape(r.responder.code or ""),
                        escape(word(r.status, lang)), _link(r.answer, names), "" if r.lag is None else str(r.lag),
                        _link(r.parent, names), _date(r.due)]) for r in cov.rows]
    return (f"<section id=\"coverage\"><h2>{_t('Đơn vị đã và chưa ban hành', 'Who has answered', lang)}</h2>\n"
            + _table(titles, rows) + "</section>\n")


def _deadlines(duties: list[DutyRow], names: dict[int, str], lang: str) -> str:
    titles = [_t(*t, lang) for t in (("Văn bản", "Document"), ("Ai", "Who"), ("Việc", "What"), ("Gửi", "To"),
                                     ("Hạn", "By"), ("Tình trạng", "Status"))]
    rows = [(r.status, [_link(r.plan, names), escape("; ".join(r.duty.who)), escape(r.duty.what),
                        escape("; ".join(r.duty.to)), _date(r.next_due), escape(word(r.status, lang))])
            for r in duties]
    return f"<h2>{_t('Hạn và chế độ báo cáo', 'Deadlines and reporting duties', lang)}</h2>\n" + _table(titles, rows)


def _record(plan: Plan, corpus: Corpus, names: dict[int, str], copies: dict[str, str], lang: str,
            tree: Tree) -> str:
    facts = [(_t("Mã định danh", "Identifier", lang), escape(plan.id)),
             (_t("Ngày ban hành", "Issue date", lang), _date(plan.date) or "?"),
             (_t("Cơ quan ban hành", "Issuer", lang), escape(plan.name)),
             (_t("Trích yếu", "Title", lang), escape(plan.title or "")),
             (_t("Văn bản cấp trên", "Parent", lang), _link(tree.parent.get(id(plan)), names, "")),
             (_t("Tệp", "File", lang), f"<a href=\"../{copies[plan.file]}\">{escape(Path(plan.file).name)}</a>")]
    out = "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts) + "</table>\n"
    children = tree.kids(plan)
    if children:
        out += (f"<h2>{_t('Văn bản thực hiện', 'Plans in answer', lang)}</h2><ul>"
                + "".join(f"<li>{_link(c, names, '')}</li>" for c in children) + "</ul>\n")
    findings = corpus.findings.get(plan.file, [])
    out += f"<h2>{_t('Kết quả kiểm tra', 'Findings', lang)} ({len(findings)})</h2>\n<ul>"
    out += "".join(f"<li class=\"{f.severity}\">{escape(f.severity)} <code>{escape(f.code)}</code> "
                   f"{escape(f.location())}: {escape(f.message(lang))}</li>" for f in findings) + "</ul>\n"
    return out
