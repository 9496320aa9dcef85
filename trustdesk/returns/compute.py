"""Compute a unit's return for a period from the workspace's records.

A pure function of what is stored: the same records give the same figures, whenever it runs
and whatever else is on the screen. Identity (return id, revision, when made) is given when
the return is exported, not here.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from trustdesk.config.periods import Period
from trustdesk.returns.catalogue import figure_keys
from trustdesk.returns.consolidate import consolidate
from trustdesk.returns.model import CaseStudyText, Return, VoiceText
from trustdesk.returns.partnership import count_partnership, partner_lines
from trustdesk.returns.reach import count_reach
from trustdesk.returns.tally import put_into
from trustdesk.returns.trends import history
from trustdesk.store.context import context, trust
from trustdesk.store.counting import within
from trustdesk.store.models import CaseStudy, CaseStudyOutcome, VoiceEntry


def compute_return(session: Session, period: Period) -> Return:
    """The return of the workspace's own unit for one period: a locality's from its records,
    a district's or county's added up from the returns of the units below it."""
    config = trust(session)
    unit = context(session).unit
    if unit.level != "locality":
        return consolidate(session, period)
    figures = dict.fromkeys(figure_keys(config, unit.level), 0)
    put = put_into(figures)
    count_reach(session, config, period, put)
    count_partnership(session, period, put)
    put("population_13_19", "", [("", unit.population_13_19 or 0)])
    return Return.of_unit(
        config.trust_name,
        unit,
        period,
        figures,
        case_studies=_case_studies(session, period, unit.code),
        voice=_voice(session, period, unit.code),
        partners=partner_lines(session, period, unit.code),
    )


def compute_to_read(session: Session, period: Period) -> Return:
    """The return for ``period`` as a board reads it: with, for a quarter, the year to the
    quarter's end (Q1's is the quarter itself), which the reach table measures against the
    yearly benchmarks, and the returns of the periods before it that its first page and
    trends set it beside (:mod:`trustdesk.returns.trends`). A district's or county's year to
    date is left out while a unit's return of it is missing: a sum of part of the units is
    no measure of the whole."""
    ret = compute_return(session, period)
    ret.history = history(session, ret, compute_return)
    made = {y.period: y for y in ret.history.years}  # those with figures
    _add_year_to_date(session, ret, made)
    return ret


def compute_to_judge(session: Session, period: Period) -> Return:
    """The return for ``period`` with, for a quarter, its year to date: what its targets
    are measured on (:mod:`trustdesk.returns.targets`), without the history a reader's
    return carries."""
    ret = compute_return(session, period)
    _add_year_to_date(session, ret, {})
    return ret


def _add_year_to_date(session: Session, ret: Return, made: dict[Period, Return]) -> None:
    """For a quarter, the year to its end (``made`` already, or counted now). A district's or
    county's is left out while a unit's return of it is missing, as a sum of part of the
    units is no measure of the whole; its board's own figures are whole all the same."""
    if not ret.period.is_quarter:
        return
    to_date = Period.year_to(ret.period)
    whole = made.get(to_date) or compute_return(session, to_date)
    if not any(c.status == "missing" for c in whole.constituents):
        ret.year_to_date = whole
    else:
        ret.board_to_date = whole


def _case_studies(session: Session, period: Period, unit_code: str) -> list[CaseStudyText]:
    studies = session.execute(
        select(
            col(CaseStudy.id), col(CaseStudy.date), col(CaseStudy.title), col(CaseStudy.narrative)
        )
        .where(within(CaseStudy.date, period))
        .order_by(col(CaseStudy.date), col(CaseStudy.id))
    ).all()
    outcomes: dict[int, list[str]] = {}
    for study_id, outcome in session.execute(
        select(col(CaseStudyOutcome.case_study_id), col(CaseStudyOutcome.ecm_outcome)).where(
            col(CaseStudyOutcome.case_study_id).in_([s.id for s in studies])
        )
    ):
        outcomes.setdefault(study_id, []).append(outcome)
    return [
        CaseStudyText(date, title, narrative, tuple(sorted(outcomes.get(id_, []))), unit_code)
        for id_, date, title, narrative in studies
    ]


def _voice(session: Session, period: Period, unit_code: str) -> list[VoiceText]:
    entries = session.execute(
        select(
            col(VoiceEntry.date),
            col(VoiceEntry.method),
            col(VoiceEntry.who),
            col(VoiceEntry.said),
            col(VoiceEntry.change_made),
        )
        .where(within(VoiceEntry.date, period))
        .order_by(col(VoiceEntry.date), col(VoiceEntry.id))
    )
    return [
        VoiceText(day, method, who, said, change_made, unit_code)
        for day, method, who, said, change_made in entries
    ]
