import datetime as dt

import pytest

from trustdesk.config.periods import Period
from trustdesk.errors import UserError


def test_q1_is_april_to_june():
    period = Period.parse("2026-27Q1")
    assert (period.start, period.end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert period.label == "Q1 2026-27 (Apr\u2013Jun 2026)"


def test_q4_runs_into_the_next_calendar_year():
    period = Period.parse("2026-27Q4")
    assert (period.start, period.end) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert period.next() == Period.parse("2027-28Q1")
    assert Period.parse("2027-28Q1").previous() == period


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2026-04-01", "2026-27Q1"),
        ("2026-06-30", "2026-27Q1"),
        ("2026-11-23", "2026-27Q3"),
        ("2027-03-31", "2026-27Q4"),
    ],
)
def test_period_containing_a_date(day, code):
    assert Period.containing(dt.date.fromisoformat(day)).code == code
    assert dt.date.fromisoformat(day) in Period.parse(code)


def test_due_date_counts_from_the_quarter_end():
    assert Period.parse("2026-27Q1").due_date(15) == dt.date(2026, 7, 15)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026Q1", "is not a reporting period"),
        ("2026-27Q5", "is not a reporting period"),
        ("2026-28Q1", "2026 is followed by 27"),
        ("", "is not a reporting period"),
    ],
)
def test_bad_periods_are_explained(text, message):
    with pytest.raises(UserError, match=message):
        Period.parse(text)


def test_lower_case_and_spaces_are_forgiven():
    assert Period.parse(" 2026-27q2 ").code == "2026-27Q2"
