"""A deadline counted from a record's issue ("trong thời hạn 30 ngày kể từ ngày ban hành Kế hoạch này")
falls on the day the span reaches: calendar days, weeks, working days (Monday to Friday) or months
(the same day of the month, or the month's last day); one counted from any other event has no date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from khth.report.corpus import _after_issue

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
amounts = st.integers(min_value=1, max_value=400)


def _span(amount: int, unit: str, after: str = "issue") -> dict:
    return {"amount": amount, "unit": unit, "after": after, "printed": "…"}


@given(days, amounts)
def test_days_and_weeks_are_counted_on_the_calendar(issued, n):
    assert _after_issue(_span(n, "day"), issued.isoformat()) == (issued + timedelta(days=n)).isoformat()
    assert _after_issue(_span(n, "week"), issued.isoformat()) == (issued + timedelta(weeks=n)).isoformat()


@given(days, st.integers(min_value=1, max_value=60))
def test_working_days_skip_the_weekend(issued, n):
    due = date.fromisoformat(_after_issue(_span(n, "workingDay"), issued.isoformat()))
    between = [issued + timedelta(days=k) for k in range(1, (due - issued).days + 1)]
    assert due.weekday() < 5 and sum(d.weekday() < 5 for d in between) == n


@given(days, st.integers(min_value=1, max_value=36))
def test_months_keep_the_day_or_end_the_month(issued, n):
    due = date.fromisoformat(_after_issue(_span(n, "month"), issued.isoformat()))
    assert (due.year - issued.year) * 12 + due.month - issued.month == n
    assert due.day == issued.day or (due.day < issued.day and (due + timedelta(days=1)).day == 1)


@given(days, amounts, st.sampled_from(["receipt", "effect", "other"]))
def test_a_span_from_another_event_has_no_date(issued, n, after):
    assert _after_issue(_span(n, "day", after), issued.isoformat()) is None


def test_a_reduced_issue_date_gives_no_date():
    assert _after_issue(_span(30, "day"), "2024-03") is None and _after_issue(_span(30, "day"), None) is None
