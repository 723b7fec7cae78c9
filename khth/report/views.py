"""Each view from paths to its rendered bytes: what the command and the Python API share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from khth.schema.catalogue import Text

from . import index
from .corpus import Corpus, load, missing_paths
from .coverage import Coverage, coverage
from .deadlines import DutyRow, deadlines
from .errors import ReportError
from .outputs import (counts_table, coverage_json, coverage_summary, coverage_table, deadline_table, deadlines_json,
                      render_csv, render_json, render_text, render_xlsx, say, tree_json, tree_table)
from .responders import read_list
from .tree import RootSpec, Tree, TreeRow, parse_root, rows


@dataclass(frozen=True)
class Rendered:
    data: bytes
    gaps: int  # overdue responders or duties: what makes the command's exit code 1

    @classmethod
    def of(cls, text: str, gaps: int) -> Rendered:
        return cls(text.encode("utf-8"), gaps)


def corpus_of(paths: Iterable[str], today: str, root: RootSpec | None = None) -> tuple[Corpus, Tree]:
    """The corpus under ``paths`` and its tree; when only indexes are given and a view reads one
    ``root``, only the records under it are read from them."""
    paths = list(paths)
    for path in missing_paths(paths):
        raise ReportError.of("report.path-missing", path=path)
    if root is not None and all(index.is_index(p) for p in paths):
        corpus = _under(paths, root)
    else:
        corpus = load(paths, today)
    if not corpus.plans and not corpus.total:
        raise ReportError.of("report.no-records", paths=", ".join(paths), files=len(corpus.unreadable))
    return corpus, Tree(corpus.plans, corpus.total)


def _under(indexes: list[str], root: RootSpec) -> Corpus:
    corpus = Corpus([], total=0)
    for name in indexes:
        part = index.load_under(name, root)
        known = {p.id for p in corpus.plans}
        corpus.plans += [p for p in part.plans if p.id not in known]  # as load() merges indexes
        corpus.unreadable += part.unreadable
        corpus.total = (corpus.total or 0) + (part.total or 0)
    return corpus


def tree_view(paths: Iterable[str], root: str, today: str) -> tuple[Corpus, list[TreeRow]]:
    spec = parse_root(root)  # a root that cannot be read is refused before any file is read
    corpus, tree = corpus_of(paths, today, spec)
    return corpus, rows(tree, tree.find(spec))


def coverage_view(paths: Iterable[str], root: str, today: str, due: str | None = None,
                  responders: str | None = None, depth: int = 2) -> Coverage:
    spec = parse_root(root)
    listed = read_list(responders) if responders else None
    _, tree = corpus_of(paths, today, spec)
    return coverage(tree, tree.find(spec), today, due, listed, depth)


def deadlines_view(paths: Iterable[str], today: str) -> list[DutyRow]:
    _, tree = corpus_of(paths, today)
    return deadlines(tree, today)


def _unreadable_note(corpus: Corpus, lang: str) -> list[str]:
    if not corpus.unreadable:
        return []
    return [say(f"{len(corpus.unreadable)} tệp không đọc được thành bản ghi, bỏ qua (xem plan-validate)",
                f"{len(corpus.unreadable)} file(s) not readable as records, left out (see plan-validate)", lang)]


def render_tree(corpus: Corpus, tree_rows: list[TreeRow], fmt: str, lang: str) -> Rendered:
    if fmt == "json":
        return Rendered.of(render_json({"tree": tree_json(tree_rows), "unreadable": corpus.unreadable}), 0)
    if fmt == "csv":
        return Rendered.of(render_csv(tree_table(tree_rows, lang, indent=False), lang), 0)
    if fmt == "xlsx":
        flat = tree_table(tree_rows, _sheet_lang(lang), indent=False)
        return Rendered(render_xlsx([(Text("Cây thực hiện", "Tree"), flat)], lang), 0)
    return Rendered.of(render_text(tree_table(tree_rows, lang), lang, footer=_unreadable_note(corpus, lang)), 0)


def render_coverage(cov: Coverage, fmt: str, lang: str, only: frozenset[str] | None = None) -> Rendered:
    """The coverage in ``fmt``; only the responders of the statuses ``only`` when given, the counts whole."""
    if fmt == "json":
        return Rendered.of(render_json(coverage_json(cov, only)), cov.overdue)
    if fmt == "csv":
        return Rendered.of(render_csv(coverage_table(cov, lang, only), lang), cov.overdue)
    if fmt == "xlsx":
        sheet_lang = _sheet_lang(lang)
        sheets = [(Text("Đơn vị", "Responders"), coverage_table(cov, sheet_lang, only)),
                  (Text("Tổng hợp", "Counts"), counts_table(cov, sheet_lang))]
        return Rendered(render_xlsx(sheets, lang), cov.overdue)
    root = f"{cov.root.display} ({cov.root.date or '?'})"
    return Rendered.of(render_text(coverage_table(cov, lang, only), lang, header=[root],
                                   footer=[""] + coverage_summary(cov, lang)), cov.overdue)


def render_deadlines(duties: list[DutyRow], fmt: str, lang: str) -> Rendered:
    gaps = sum(1 for r in duties if r.status == "overdue")
    if fmt == "json":
        return Rendered.of(render_json(deadlines_json(duties)), gaps)
    if fmt == "xlsx":
        return Rendered(render_xlsx([(Text("Hạn và báo cáo", "Deadlines"),
                                      deadline_table(duties, _sheet_lang(lang)))], lang), gaps)
    table = deadline_table(duties, lang)
    return Rendered.of(render_csv(table, lang) if fmt == "csv" else render_text(table, lang), gaps)


def _sheet_lang(lang: str) -> str:
    """Cells of a spreadsheet hold one language: Vietnamese unless English alone is asked for."""
    return "en" if lang == "en" else "vi"


def publish_view(paths: Iterable[str], root: str, today: str, lang: str, due: str | None = None,
                 responders: str | None = None, depth: int = 2) -> dict[str, bytes]:
    """The HTML report of ``root``: the files of its folder, by relative path."""
    from .html import site

    spec = parse_root(root)
    listed = read_list(responders) if responders else None
    corpus, tree = corpus_of(paths, today)
    top = tree.find(spec)
    cov = coverage(tree, top, today, due, listed, depth)
    return site(corpus, tree, rows(tree, top), cov, deadlines(tree, today), lang).pages
