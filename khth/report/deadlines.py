"""Every dated deadline and reporting duty in a corpus, with its status on a given day."""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Duty, Plan
from .names import normalise_name, place_of
from .tree import Tree

DONE, DUE, OVERDUE, RECURRING, UNDATED = "done", "due", "overdue", "recurring", "undated"


@dataclass(frozen=True)
class DutyRow:
    plan: Plan  # the record that states the duty
    duty: Duty
    status: str
    next_due: str | None  # the date the duty next falls due (a recurring day of the year resolved)
    done_by: Plan | None = None  # a plan of the named agency, under this record, issued after it


def deadlines(tree: Tree, today: str) -> list[DutyRow]:
    rows = []
    for plan in sorted(tree.plans, key=lambda p: (p.date or "", p.id)):
        for duty in plan.duties:
            rows.append(_row(tree, plan, duty, today))
    return rows


def _row(tree: Tree, plan: Plan, duty: Duty, today: str) -> DutyRow:
    if duty.by and duty.by.startswith("--"):  # a day of every year: the next one on or after today
        this_year = f"{today[:4]}{duty.by[1:]}"
        upcoming = this_year if this_year >= today else f"{int(today[:4]) + 1}{duty.by[1:]}"
        return DutyRow(plan, duty, RECURRING, upcoming)
    if not duty.by:
        return DutyRow(plan, duty, RECURRING if duty.recurring else UNDATED, None)
    done = _done_by(tree, plan, duty)
    if done is not None:
        return DutyRow(plan, duty, DONE, duty.by, done)
    return DutyRow(plan, duty, OVERDUE if today > duty.by else DUE, duty.by)


def _done_by(tree: Tree, plan: Plan, duty: Duty) -> Plan | None:
    """A plan under ``plan`` issued by an agency the duty names: the duty answered."""
    wanted = {normalise_name(w) for w in duty.who} | {place_of(w) for w in duty.who if place_of(w)}
    if not wanted:
        return None
    for p in tree.descendants(plan):
        names = {normalise_name(n) for n in (p.issuer_name, p.acting_body) if n}
        if names & wanted and p.date and (not plan.date or p.date >= plan.date):
            return p
    return None
