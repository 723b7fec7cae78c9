"""The implementation tree under a root, resolved as the corpus rules resolve parent links."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from khth.schema.grammar import number_key
from khth.validator.corpus_rules import resolve

from .corpus import Plan, days_between
from .errors import ReportError


@dataclass(frozen=True)
class RootSpec:
    """What ``--root`` names: a number and date, a number alone, or an identifier."""

    text: str
    number: str | None = None
    date: str | None = None
    identifier: str | None = None


def parse_root(text: str) -> RootSpec:
    text = text.strip()
    if text.startswith("khth:"):
        return RootSpec(text, identifier=text)
    number, at, day = text.partition("@")
    key = number_key(number) if number.strip() else ""
    if not key or not re.search(r"\d", key):
        raise ReportError.of("report.root-syntax", root=text)
    if at:
        try:
            day = date.fromisoformat(day.strip()).isoformat()
        except ValueError:
            raise ReportError.of("report.root-syntax", root=text) from None
        return RootSpec(text, key, day)
    return RootSpec(text, key)


class Tree:
    """Parent and child links among the plans of a corpus (a link that does not resolve to one record
    is no link: the validator reports it)."""

    def __init__(self, plans: list[Plan], total: int | None = None) -> None:
        self.plans = plans
        self.total = len(plans) if total is None else total  # records searched for a root
        by_number: dict[str, list] = defaultdict(list)
        plan_of = {id(p.summary): p for p in plans}
        for p in plans:
            if p.number:
                by_number[p.number].append(p.summary)
        self.parent: dict[int, Plan] = {}
        self.children: dict[int, list[Plan]] = defaultdict(list)
        for p in plans:
            if p.summary.parent is None:
                continue
            matches, _ = resolve(p.summary.parent, by_number)
            if len(matches) == 1 and matches[0] is not p.summary:
                parent = plan_of[id(matches[0])]
                self.parent[id(p)] = parent
                self.children[id(parent)].append(p)
        for kids in self.children.values():
            kids.sort(key=lambda c: (c.date or "", c.id))

    def find(self, spec: RootSpec) -> Plan:
        """The one plan ``spec`` names; a report error when none or several do."""
        if spec.identifier:
            found = [p for p in self.plans if p.id == spec.identifier]
        else:
            same = [p for p in self.plans if p.number == spec.number]
            found = [p for p in same if spec.date is None or p.date == spec.date]
            if not found:
                near = "; ".join(sorted(f"{p.display} ({p.date or '?'})" for p in same))
                raise ReportError.of("report.root-not-found", root=spec.text, records=self.total,
                                     near=f" ({near})" if near else "")
        distinct = list({p.id: p for p in found}.values())
        if not distinct:
            raise ReportError.of("report.root-not-found", root=spec.text, records=self.total, near="")
        if len(distinct) > 1:
            listed = "; ".join(f"{p.display} {p.date or '?'} [{p.id}]" for p in
                               sorted(distinct, key=lambda p: (p.date or "", p.id)))
            raise ReportError.of("report.root-ambiguous", root=spec.text, count=len(distinct), candidates=listed)
        return distinct[0]

    def kids(self, plan: Plan) -> list[Plan]:
        return self.children.get(id(plan), [])

    def descendants(self, plan: Plan) -> Iterator[Plan]:
        """Every plan under ``plan``, depth first; a cycle is walked once."""
        seen = {id(plan)}
        stack = list(reversed(self.kids(plan)))
        while stack:
            p = stack.pop()
            if id(p) in seen:
                continue
            seen.add(id(p))
            yield p
            stack.extend(reversed(self.kids(p)))


@dataclass(frozen=True)
class TreeRow:
    depth: int
    plan: Plan
    parent: Plan | None
    lag: int | None  # days after the parent's date


def rows(tree: Tree, root: Plan) -> list[TreeRow]:
    out: list[TreeRow] = []
    seen: set[int] = set()

    def walk(p: Plan, depth: int, parent: Plan | None) -> None:
        out.append(TreeRow(depth, p, parent, days_between(parent.date, p.date) if parent else None))
        if id(p) in seen:
            return
        seen.add(id(p))
        for child in tree.kids(p):
            walk(child, depth + 1, p)

    walk(root, 0, None)
    return out
