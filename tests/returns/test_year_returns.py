"""Returns of a year and of a year to date: the same catalogue, files, import, grid and
consolidation as a quarter's, with young people counted once over the whole period.

The end-to-end test takes Lichfield's six localities (small demo workspaces with the whole
of 2026-27 recorded), exports each one's year and year-to-date returns, takes them into the
district, consolidates there, takes the district's returns into the county and consolidates
again: the county's figures of young people are the sums of the localities' own returns for
the same period, never of their quarters.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.returns.many_localities import in_parallel
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.demo.generator import build_demo
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.catalogue import MEASURES
from trustdesk.returns.completeness import completeness, periods_to_show
from trustdesk.returns.compute import compute_return
from trustdesk.returns.export import export_return
from trustdesk.returns.model import Key, Return
from trustdesk.returns.reader import read_workbook
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.outcomes import record_outcome
from trustdesk.services.young_people import add_young_person
from trustdesk.store.migrate import create_workspace

YEAR, TO_DATE = Period.parse("2026-27"), Period.parse("2026-27Q1-Q3")
AFTER_THE_YEAR = dt.date(2027, 4, 20)  # the demos' last day of records, and the test's day
MADE_AT = dt.datetime(2027, 4, 10, 10, tzinfo=dt.UTC)  # before the year's return is due
DISTRICT, COUNTY = "LIC", "STAFFS"
LOCALITIES = ["LIC-CTY", "LIC-BUR", "LIC-CTE", "LIC-FAZ", "LIC-SHE", "LIC-ARM"]
PEOPLE = ("contacts", "participants", "participants_recorded_outcome",
          "participants_accredited_outcome")  # fmt: skip


@pytest.mark.today(dt.date(2026, 12, 20))
def test_a_young_person_at_three_quarters_sessions_counts_once_in_the_year(workspace):
    """Mo comes twice in Q1, once in Q2 and once in Q3: one young person in the year and in
    the year to date, a contact of each quarter, and with four sessions a participant of the
    year (four is its threshold) though of no quarter (four in a quarter is)."""
    with workspace.session() as s:
        club = create_activity(
            s, title="Youth club", category="youth-work", start_date="2026-04-01",
            ecm_outcomes=["enjoy"],
        ).id  # fmt: skip
        mo = add_young_person(s, first_name="Mo", age_band="13-15", gender="male").id
        for day in ("2026-05-04", "2026-06-01", "2026-08-03", "2026-11-02"):
            session_id = add_session(
                s, activity_id=club, date=day, start_time="18:00", end_time="20:00"
            ).id
            set_register(s, session_id=session_id, young_person_ids=[mo])
        record_outcome(
            s, young_person_id=mo, kind="recorded", title="Led a game", date="2026-05-04"
        )
        record_outcome(s, young_person_id=mo, kind="recorded", title="Planned a trip", date="2026-11-02")  # fmt: skip
        s.commit()
    with workspace.session() as s:
        quarters = [compute_return(s, q) for q in YEAR.quarters[:3]]
        to_date, year = compute_return(s, TO_DATE), compute_return(s, YEAR)
    assert [q.value("contacts") for q in quarters] == [1, 1, 1]
    assert [q.value("participants") for q in quarters] == [0, 0, 0]
    for ret in (to_date, year):
        assert ret.value("contacts") == 1
        assert ret.value("contacts", "age_band", "13-15") == 1
        assert ret.value("participants") == 1
        assert ret.value("participants_recorded_outcome") == 1  # two outcomes, one young person
        assert ret.value("attendances") == 4
        assert ret.value("sessions") == 4


def test_a_years_participant_threshold_is_the_trusts_to_set(tmp_path):
    config = example_trust_path().read_text(encoding="utf-8")
    config = config.replace(
        "participant_min_sessions_in_year = 4", "participant_min_sessions_in_year = 10"
    )
    assert "participant_min_sessions_in_year = 10" in config
    path = tmp_path / "trust.toml"
    path.write_text(config, encoding="utf-8")
    with create_workspace(tmp_path / "ws", "LIC-BUR", config_path=path) as workspace:
        rules = workspace.config.reporting
        assert rules.participant_min_sessions_for(YEAR) == 10
        assert rules.participant_min_sessions_for(TO_DATE) == 10
        assert rules.participant_min_sessions_for(YEAR.quarters[1]) == 4


# -- end to end: six localities, their district, the county -------------------------------------


def _export_locality(job: tuple[Path, str]) -> tuple[str, list[Path], list[Return], list[int]]:
    """One locality's year and year-to-date returns, and its contacts in each quarter."""
    folder, code = job
    with (
        build_demo(
            folder / "workspaces" / code, unit_code=code, seed=1, as_of=AFTER_THE_YEAR
        ) as workspace,
        workspace.session() as session,
    ):
        made = [
            export_return(session, p, folder / "returns", formats=["xlsx"], now=MADE_AT)
            for p in (YEAR, TO_DATE)
        ]
        by_quarter = [compute_return(session, q).value("contacts") for q in YEAR.quarters]
    return code, [m.paths[0] for m in made], [m.ret for m in made], by_quarter


def _people_figures(ret: Return) -> dict[Key, int]:
    return {k: v for k, v in ret.figures.items() if k[0] in PEOPLE}


def _summed(returns: list[Return]) -> dict[Key, int]:
    total: dict[Key, int] = {}
    for ret in returns:
        for key, value in _people_figures(ret).items():
            total[key] = total.get(key, 0) + value
    return total


@pytest.mark.today(AFTER_THE_YEAR)
def test_year_and_year_to_date_returns_go_from_localities_to_the_county(tmp_path):
    made = in_parallel(_export_locality, [(tmp_path, code) for code in LOCALITIES])
    files = [path for _, paths, _, _ in made for path in paths]
    years = [rets[0] for _, _, rets, _ in made]
    to_dates = [rets[1] for _, _, rets, _ in made]
    assert {p.name.split("_r")[0] for p in files} == {
        f"{code}_{p.code}" for code in LOCALITIES for p in (YEAR, TO_DATE)
    }
    # Young people are counted once over the year, not once a quarter.
    for (code, _, rets, by_quarter), year in zip(made, years, strict=True):
        assert year.value("contacts") < sum(by_quarter), code
        assert year.value("contacts") >= max(by_quarter), code
        assert rets[1].period == TO_DATE

    # The files read back as the periods they are.
    assert read_workbook(files[0], load_trust_config(example_trust_path())).period == YEAR

    district_files = []
    with create_workspace(tmp_path / DISTRICT, DISTRICT, config_path=example_trust_path()) as ws:
        report = returns_ops.import_returns(ws, files, today=AFTER_THE_YEAR)
        assert [line.reason for line in report.lines if line.reason] == []
        assert report.count("imported") == 12
        # The grid of returns in shows the year's return beside the quarters.
        with ws.session() as session:
            shown = periods_to_show(session, AFTER_THE_YEAR)
            assert YEAR in shown
            grid = completeness(session, shown, AFTER_THE_YEAR)
        assert grid.count(YEAR, "on time") == len(LOCALITIES)
        for period in (YEAR, TO_DATE):
            result = returns_ops.export_return(
                ws, period, tmp_path / "district", formats=["xlsx"], now=MADE_AT
            )
            district_files += result.paths
            assert {c.status for c in result.ret.constituents} == {"received"}, period.code

    with create_workspace(tmp_path / COUNTY, COUNTY, config_path=example_trust_path()) as ws:
        report = returns_ops.import_returns(ws, district_files, today=AFTER_THE_YEAR)
        assert [line.reason for line in report.lines if line.reason] == []
        county = {
            period: returns_ops.export_return(
                ws, period, tmp_path / "county", formats=["xlsx", "pdf"], now=MADE_AT
            ).ret
            for period in (YEAR, TO_DATE)
        }

    assert _people_figures(county[YEAR]) == _summed(years)
    assert _people_figures(county[TO_DATE]) == _summed(to_dates)
    assert county[YEAR].value("contacts") > county[TO_DATE].value("contacts") > 0
    assert all(m.disclosive for m in MEASURES if m.code in PEOPLE)
