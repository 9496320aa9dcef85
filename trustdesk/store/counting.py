"""Counting young people in SQL: a young person's profile on a day (age band, gender,
ethnicity, disability, looked after), a date within a period, distinct counts. The returns
count with these, and so does removing identifying details (which keeps the age band a return
counted before the date of birth goes), so both agree to the last young person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, case, cast, func, literal
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.store.models import YoungPerson

NOT_RECORDED = "not-recorded"
PROFILE = (
    "age_band",
    "gender",
    "ethnicity",
    "disability",
    "looked_after",
    "young_carer",
    "teenage_parent",
)


def known(column: Any, codes: list[str]) -> ColumnElement[str]:
    """The column's code when the trust's list knows it, "not recorded" otherwise."""
    return case((column.in_(codes), column), else_=literal(NOT_RECORDED))


def _flag(column: Any) -> ColumnElement[str]:
    return case((column.is_(True), literal("yes")), else_=literal("no"))


def profile(config: TrustConfig, day: Any, kept: Any = None) -> dict[str, ColumnElement[str]]:
    """A young person's profile on a day, as SQL: the age band ``kept`` on the tick or outcome
    (once the date of birth was removed), else from the date of birth when there is one
    (whole years on that day), else the age band recorded instead of it."""
    dob = col(YoungPerson.date_of_birth)
    age = (
        cast(func.strftime("%Y", day), Integer)
        - cast(func.strftime("%Y", dob), Integer)
        - cast(func.strftime("%m-%d", day) < func.strftime("%m-%d", dob), Integer)
    )
    # Each whole age named (at most 31 of them): SQLite works out the age once per row for
    # a CASE on a value, but once per band for a CASE of BETWEENs.
    ages = {age: b.code for b in config.age_bands for age in range(b.min_age, b.max_age + 1)}
    band_for_age = case(ages, value=age, else_=literal(NOT_RECORDED))
    age_band = case(
        (dob.is_not(None), band_for_age),
        else_=known(YoungPerson.age_band, config.codes("age_bands")),
    )
    if kept is not None:
        age_band = case((kept.is_not(None), known(kept, config.codes("age_bands"))), else_=age_band)
    return {
        "age_band": age_band,
        "gender": known(YoungPerson.gender, config.codes("genders")),
        "ethnicity": known(YoungPerson.ethnicity, config.codes("ethnicity_groups")),
        "disability": _flag(YoungPerson.disability),
        "looked_after": _flag(YoungPerson.looked_after),
        "young_carer": _flag(YoungPerson.young_carer),
        "teenage_parent": _flag(YoungPerson.teenage_parent),
    }


def within(column: Any, period: Period) -> ColumnElement[bool]:
    """A date column inside the period, first and last day included."""
    between: ColumnElement[bool] = column.between(period.start, period.end)
    return between


def count(column: Any = None) -> Any:
    """``count(*)``, or with a column the number of its different values (NULL not counted)."""
    return func.count() if column is None else func.count(column.distinct())
