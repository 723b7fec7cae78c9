"""Who has answered a directive or plan: each expected responder with its status, counts by level.

A plan answers the responder it matches: by unit code when both carry one (a plan without a code
takes the one all the plans under it agree on), else by the issuer's name compared as offices
write it (:mod:`.names`). A plan that matches several responders is listed as ambiguous and
counted for none; a responder several plans match is answered by the earliest, the others listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from khth.schema.codelists import AdminUnitScheme, Level

from .corpus import Plan, days_between
from .names import normalise_name, place_of
from .responders import Responder, from_recipients, from_units
from .tree import Tree
from khth.schema.units import districts_of_2025_commune, province_2025_of, scheme_on, unit, units_under

ANSWERED, LATE, NOT_YET, OVERDUE = "answered", "answered-late", "not-yet", "overdue"
STATUSES = (ANSWERED, LATE, NOT_YET, OVERDUE)
_LEVEL_ORDER = {Level.CENTRAL: 0, Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3, None: 4}


@dataclass(frozen=True)
class Row:
    responder: Responder
    status: str
    parent: Plan  # the plan the responder is expected to answer
    due: str | None
    answer: Plan | None = None
    lag: int | None = None  # days after the answer's own parent
    others: tuple[Plan, ...] = ()  # further plans of the same responder

    @property
    def level(self) -> str | None:
        return self.responder.level


@dataclass(frozen=True)
class Ambiguous:
    plan: Plan
    responders: tuple[Responder, ...]


@dataclass(frozen=True)
class LevelCount:
    level: str | None
    expected: int
    by_status: dict[str, int]


@dataclass
class Coverage:
    root: Plan
    source: str  # list | recipients | units | none
    rows: list[Row] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)
    unmatched: list[Plan] = field(default_factory=list)  # plans under the root that answer no listed responder
    not_counted: list[str] = field(default_factory=list)  # recipient groups that could not be expanded
    units_missing: str | None = None  # the date whose unit list is not installed

    def counts(self) -> list[LevelCount]:
        by_level: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
        for r in self.rows:
            by_level[r.level][r.status] += 1
        return [LevelCount(level, sum(c.values()), c) for level, c in
                sorted(by_level.items(), key=lambda kv: _LEVEL_ORDER.get(kv[0], 4))]

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.status == OVERDUE)


def plan_deadline(plan: Plan) -> str | None:
    """The date by which a plan asks for plans in answer, when its text states one: the earliest
    deadline of a sentence about a plan ("xây dựng kế hoạch …, hoàn thành trước ngày 07/5/2024")."""
    dated = [d.by for d in plan.duties if d.by and len(d.by) == 10 and not d.recurring
             and "kế hoạch" in normalise_name(f"{d.what} {d.context}")]
    return min(dated) if dated else None


def coverage(tree: Tree, root: Plan, today: str, due: str | None = None, listed: list[Responder] | None = None,
             depth: int = 2) -> Coverage:
    """The coverage of ``root``: against ``listed`` when given, else the root's recipients, else the
    administrative units under its issuer, ``depth`` levels down."""
    cov = _coverage(tree, root, today, due or plan_deadline(root), listed, depth)
    counted = {id(p) for r in cov.rows for p in ((r.answer, *r.others) if r.answer else ())}
    counted |= {id(a.plan) for a in cov.ambiguous}
    cov.unmatched = [p for p in cov.unmatched if id(p) not in counted]
    return cov


def _coverage(tree: Tree, root: Plan, today: str, due: str | None, listed: list[Responder] | None,
              depth: int) -> Coverage:
    units = _UnitsOf(tree)
    below = list(tree.descendants(root))
    if listed is not None:
        cov = Coverage(root, "list")
        _assess(cov, tree, root, listed, below, due, today, units)
        return cov
    expanded = from_recipients(root.recipients, units.code(root), root.level, root.date)
    if expanded.responders:
        cov = Coverage(root, "recipients", not_counted=expanded.not_counted)
        _assess(cov, tree, root, expanded.responders, below, due, today, units)
        return cov
    cov = Coverage(root, "units", not_counted=expanded.not_counted)
    _by_units(cov, tree, root, root, below, due, today, units, depth)
    return cov


def _by_units(cov: Coverage, tree: Tree, root: Plan, parent: Plan, below: list[Plan], due: str | None, today: str,
              units: _UnitsOf, depth: int, code: str | None = None, level: str | None = None) -> None:
    """Responders one level of units at a time: the units under the root's, then under each unit that
    answered, among the plans under its answers."""
    if depth <= 0:
        return
    listed = units_under(code or units.code(parent), level or parent.level, root.date)
    if listed is None:
        cov.units_missing = root.date
        return
    if not listed:
        return
    rows = _assess(cov, tree, parent, from_units(listed), below, due, today, units)
    for row in rows:
        if row.answer is None:
            continue
        answers = (row.answer, *row.others)
        under = [p for a in answers for p in tree.descendants(a)]
        _by_units(cov, tree, root, row.answer, under, plan_deadline(row.answer), today, units, depth - 1,
                  row.responder.code, row.responder.level)


def _assess(cov: Coverage, tree: Tree, parent: Plan, responders: list[Responder], plans: list[Plan],
            due: str | None, today: str, units: _UnitsOf) -> list[Row]:
    found, ambiguous, unmatched = match(plans, responders, units, parent.date)
    rows = []
    for i, r in enumerate(responders):
        answers = sorted(found.get(i, []), key=lambda p: (p.date or "9999", p.id))
        rows.append(_row(tree, r, parent, answers, due, today))
    cov.rows += rows
    cov.ambiguous += ambiguous
    listed = {id(p) for p in cov.unmatched}
    cov.unmatched += [p for p in unmatched if id(p) not in listed]
    return rows


def _row(tree: Tree, r: Responder, parent: Plan, answers: list[Plan], due: str | None, today: str) -> Row:
    if not answers:
        return Row(r, OVERDUE if due and today > due else NOT_YET, parent, due)
    first = answers[0]
    late = bool(due and first.date and first.date[:10] > due)
    lag = days_between(tree.parent.get(id(first), parent).date, first.date)
    return Row(r, LATE if late else ANSWERED, parent, due, first, lag, tuple(answers[1:]))


def match(plans: list[Plan], responders: list[Responder], units: _UnitsOf,
          day: str | None) -> tuple[dict[int, list[Plan]], list[Ambiguous], list[Plan]]:
    """Each plan to the one responder it matches: (plans by responder index, ambiguous, unmatched)."""
    found: dict[int, list[Plan]] = defaultdict(list)
    ambiguous: list[Ambiguous] = []
    unmatched: list[Plan] = []
    for plan in plans:
        where = units.of(plan)
        candidates = [i for i, r in enumerate(responders) if _matches(plan, where, r, day)]
        if len(candidates) > 1 and plan.system:
            same = [i for i in candidates if responders[i].system == plan.system]
            candidates = same or candidates
        if len(candidates) == 1:
            found[candidates[0]].append(plan)
        elif candidates:
            ambiguous.append(Ambiguous(plan, tuple(responders[i] for i in candidates)))
        else:
            unmatched.append(plan)
    return found, ambiguous, unmatched


def _matches(plan: Plan, where: tuple[str, str] | None, r: Responder, day: str | None) -> bool:
    scheme = r.scheme or scheme_on(day)
    if r.code and where and _across_reform(plan, where, r, scheme):
        return r.code in districts_of_2025_commune().get(where[0], ())
    if r.level and plan.level and r.level != plan.level:
        return False
    if r.system and plan.system and r.system != plan.system:
        return False
    if r.code and where:
        return same_unit(where, r.code, scheme, r.level)
    names = {normalise_name(n) for n in (plan.issuer_name, plan.acting_body) if n}
    if normalise_name(r.name) in names:
        return True
    place = place_of(r.name)
    return bool(place) and any(place_of(n) == place for n in (plan.issuer_name, plan.acting_body) if n)


class _UnitsOf:
    """The unit of each plan, as (code, scheme): its own, else the one every plan under it with a code
    lies in."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self._inferred: dict[int, tuple[str, str] | None] = {}

    def of(self, plan: Plan) -> tuple[str, str] | None:
        if plan.unit_code:
            return plan.unit_code, plan.unit_scheme or scheme_on(plan.date)
        return self._infer(plan)

    def code(self, plan: Plan) -> str | None:
        found = self.of(plan)
        return found[0] if found else None

    def _infer(self, plan: Plan) -> tuple[str, str] | None:
        if id(plan) in self._inferred:
            return self._inferred[id(plan)]
        found = {_ancestor(p.unit_code, p.unit_scheme, plan.level) for p in self.tree.descendants(plan)
                 if p.unit_code and p.unit_scheme}
        found.discard(None)
        self._inferred[id(plan)] = found.pop() if len(found) == 1 else None
        return self._inferred[id(plan)]


def _ancestor(code: str, scheme: str, level: str | None) -> tuple[str, str] | None:
    """The unit at ``level`` that unit ``code`` lies in (itself when it is at that level)."""
    u = unit(code, scheme)
    while u is not None and u.level != level:
        u = unit(u.parent, scheme) if u.parent else None
    return (u.code, scheme) if u else None


def _across_reform(plan: Plan, where: tuple[str, str], r: Responder, scheme: str) -> bool:
    """A 2025 commune's plan where a pre-2025 district is expected: districts are gone, and the commune
    answers for the district it was formed from."""
    return (where[1] == AdminUnitScheme.GSO_2025 and plan.level == Level.COMMUNE
            and scheme == AdminUnitScheme.GSO_2004 and r.level == Level.DISTRICT)


def same_unit(plan_unit: tuple[str, str], code: str, scheme: str, level: str | None) -> bool:
    """Whether a plan's unit is the responder's unit ``code`` in ``scheme``. Across the 2025 reform a
    province is followed through the merger: a merged province's plan matches each province merged
    into it (and so is reported as ambiguous when they are both expected)."""
    plan_code, plan_scheme = plan_unit
    if plan_scheme == scheme:
        return plan_code == code
    if level != Level.PROVINCE:
        return False  # a district is followed to its communes in _across_reform; a commune is not followed
    merged = province_2025_of()
    if plan_scheme == AdminUnitScheme.GSO_2025:
        return merged.get(code) == plan_code
    return merged.get(plan_code) == code
