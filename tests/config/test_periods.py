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
        ("2026-27Q2-Q3", "a year to date starts with the first quarter"),
        ("2026-27Q3-Q1", "is not a reporting period"),
        ("2026-28", "2026 is followed by 27"),
    ],
)
def test_bad_periods_are_explained(text, message):
    with pytest.raises(UserError, match=message):
        Period.parse(text)


def test_lower_case_and_spaces_are_forgiven():
    assert Period.parse(" 2026-27q2 ").code == "2026-27Q2"


@pytest.mark.parametrize(
    ("text", "code", "first", "last", "label"),
    [
        ("2026-27", "2026-27", "2026-04-01", "2027-03-31", "2026-27 (Apr 2026\u2013Mar 2027)"),
        (
            "2026-27Q1-Q3",
            "2026-27Q1-Q3",
            "2026-04-01",
            "2026-12-31",
            "2026-27 year to date, Q1\u2013Q3 (Apr\u2013Dec 2026)",
        ),
        # The year to the end of Q4 is the year; to the end of Q1, the quarter.
        ("2026-27q1-q4", "2026-27", "2026-04-01", "2027-03-31", "2026-27 (Apr 2026\u2013Mar 2027)"),
        ("2026-27Q1-Q1", "2026-27Q1", "2026-04-01", "2026-06-30", "Q1 2026-27 (Apr\u2013Jun 2026)"),
    ],
)
def test_a_year_and_a_year_to_date_are_periods(text, code, first, last, label):
    period = Period.parse(text)
    assert period.code == code and str(period) == code
    assert (period.start, period.end) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert period.label == label
    assert Period.parse(period.code) == period  # the code reads back as the same period


def test_a_year_is_made_of_its_quarters_and_compares_with_the_year_before():
    year, to_date = Period.parse("2026-27"), Period.parse("2026-27Q1-Q2")
    assert [q.code for q in year.quarters] == ["2026-27Q1", "2026-27Q2", "2026-27Q3", "2026-27Q4"]
    assert (year.noun, to_date.noun, Period.parse("2026-27Q2").noun) == (
        "year", "year to date", "quarter"
    )  # fmt: skip
    assert year.previous().code == "2025-26" and to_date.a_year_earlier().code == "2025-26Q1-Q2"
    assert Period.year_to(Period.parse("2026-27Q3")).code == "2026-27Q1-Q3"
    assert year.due_date(15) == dt.date(2027, 4, 15)  # as its last quarter's
    assert dt.date(2026, 12, 1) in year and dt.date(2026, 12, 1) not in to_date
    codes = [p.code for p in Period.every_period_of(2026)]
    assert len(set(codes)) == 7 and "2026-27Q1-Q3" in codes
