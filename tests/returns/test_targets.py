"""Targets in the trust configuration, and how a return stands against them: checked when the
configuration is loaded, measured on what a reader sees, a year's on the year to date, and
printed on the first page of a locality's, a district's and the county's return."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.returns.conftest import made_up_return
from tests.returns.test_pdf import pages, pdf_bytes
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig, example_trust_path, parse_trust_config
from trustdesk.errors import ConfigError
from trustdesk.ops.trust_update import check_targets
from trustdesk.returns.benchmarks import MET, NOT_MET, NOT_YET
from trustdesk.returns.received import save_received
from trustdesk.returns.target_tables import targets_table
from trustdesk.returns.targets import faults, received_standings, standings, tally
from trustdesk.store.migrate import create_workspace

EXAMPLE = example_trust_path().read_text(encoding="utf-8")
FIRST_TARGET = EXAMPLE.index("[[targets]]")


def targets_text(*targets: str) -> str:
    """The example configuration with only these ``[[targets]]`` entries."""
    end = EXAMPLE.index("\n[county]\n")
    entries = "".join(f"[[targets]]\n{t}\n\n" for t in targets)
    return EXAMPLE[:FIRST_TARGET] + entries + EXAMPLE[end:]


def with_targets(*targets: str) -> TrustConfig:
    return parse_trust_config(targets_text(*targets).encode(), Path("trust.toml"))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ('value = 5\nunits = ["locality"]', "either a measure"),
        ('measure = "sessions"\nrate = "contacts"\nvalue = 5\nunits = ["locality"]', "only one"),
        (
            'measure = "contacts"\nbreakdown = "teenage_parent"\nvalue = 5\nunits = ["locality"]',
            "names both",
        ),
        (
            'measure = "Sessions held"\nvalue = 5\nunits = ["locality"]',
            "'Sessions held' is not allowed: a measure",
        ),
        ('rate = "contacts"\nvalue = 120\nunits = ["locality"]', "at most 100, not 120"),
        ('rate = "contacts"\nvalue = 20\nunits = ["LIC-XYZ"]', "'LIC-XYZ' is neither a level"),
        (
            'rate = "contacts"\nvalue = 20\nunits = ["locality"]\nyear = "2026-28"',
            "not a financial year",
        ),
        (
            'rate = "contacts"\nvalue = 20\nunits = ["locality"]\nperiod = "month"',
            "'year' or 'quarter'",
        ),
        ('rate = "contacts"\nvalue = 20\nunits = []', "at least 1 item"),
    ],
)
def test_a_target_of_the_wrong_shape_is_refused_when_the_file_is_read(
    target: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        with_targets(target)
    assert "targets" in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            'measure = "session"\nvalue = 5\nunits = ["locality"]',
            "'session' is not a measure a return carries",
        ),
        (
            'measure = "sessions"\nbreakdown = "gender"\ncategory = "f"\nvalue = 5\nunits = ["locality"]',
            "sessions has no breakdown 'gender': it has activity_category, ecm_outcome",
        ),
        (
            'measure = "contacts"\nbreakdown = "teenage_parent"\ncategory = "maybe"\nvalue = 5\nunits = ["locality"]',
            "'maybe' is not a category of teenage_parent: it has yes, no, not-recorded",
        ),
        (
            'rate = "board_attendance"\nvalue = 75\nunits = ["locality"]',
            "a locality group has no board",
        ),
        (
            'measure = "board_meetings_held"\nvalue = 6\nunits = ["LIC-BUR"]',
            "a locality group has no board",
        ),
    ],
)
def test_a_target_a_return_cannot_measure_is_refused_before_a_workspace_takes_it(
    target: str, message: str
) -> None:
    config = with_targets('measure = "sessions"\nvalue = 5\nunits = ["locality"]', target)
    [found] = faults(config)
    assert found.startswith("targets[2]: ") and message in found
    with pytest.raises(ConfigError) as caught:
        check_targets(config)
    assert "targets[2]" in str(caught.value) and caught.value.hint
    # A workspace holding it anyway (a file edited by hand) measures the other target.
    ret = made_up_return(config)
    assert [s.title for s in standings(ret, config)] == ["Sessions"]


def test_the_example_trust_sets_targets_for_every_level() -> None:
    config = parse_trust_config(EXAMPLE.encode(), Path("trust.toml"))
    levels = {name for t in config.targets for name in t.units}
    assert {"locality", "district", "county"} <= levels


def burntwood(config: TrustConfig, period: str, **figures: int):
    ret = made_up_return(config)
    ret = dataclasses.replace(ret, period=Period.parse(period))
    ret.figures = {k: 0 for k in ret.figures} | {(k, "", ""): v for k, v in figures.items()}
    return ret


def test_met_or_not_is_decided_on_the_figures_a_reader_sees() -> None:
    config = with_targets(
        'rate = "meeting_attendance"\nvalue = 25\nunits = ["locality"]\nperiod = "quarter"',
        'measure = "actions_overdue"\nvalue = 2\ndirection = "at most"\nunits = ["LIC-BUR"]\nperiod = "quarter"',
        'measure = "contact_minutes"\nvalue = 10\nunits = ["locality"]\nperiod = "quarter"',
    )
    # 24.6% shows as 25% and meets 25%; 3 overdue is more than 2; 9.96 hours shows as 10.0.
    ret = burntwood(
        config,
        "2026-27Q2",
        meeting_places=1000,
        meeting_present=246,
        actions_overdue=3,
        contact_minutes=598,
    )
    found = standings(ret, config)
    assert [(s.title, s.actual_words, s.target_words, s.verdict) for s in found] == [
        ("Partner attendance at locality group meetings", "25%", "at least 25%", MET),
        ("Actions overdue", "3", "at most 2", NOT_MET),
        ("Contact hours", "10.0", "at least 10.0", MET),
    ]
    assert tally(found) == "2 of 3 targets met"
    table = targets_table(ret, config)
    assert table is not None
    assert [r.label for r in table.rows][1] == "Actions overdue, at most"
    # 9.5 hours is short of 10.0 as read, though it would round up to a whole 10.
    ret.figures[("contact_minutes", "", "")] = 570
    [*_, hours] = standings(ret, config)
    assert (hours.actual_words, hours.verdict) == ("9.5", NOT_MET)


def test_a_years_target_is_measured_on_the_year_to_date_and_is_not_failed_before_the_year_ends() -> (
    None
):
    config = with_targets(
        'measure = "sessions"\nvalue = 100\nunits = ["locality"]',
        'measure = "sessions"\nvalue = 30\nunits = ["locality"]\nperiod = "quarter"',
        'measure = "sessions"\nvalue = 1\nunits = ["locality"]\nyear = "2025-26"',
    )
    quarter = burntwood(config, "2026-27Q2", sessions=40)
    quarter.year_to_date = burntwood(config, "2026-27Q1-Q2", sessions=70)
    found = standings(quarter, config)
    assert [(s.measured_on.code, s.actual, s.verdict) for s in found] == [
        ("2026-27Q1-Q2", 70, NOT_YET),  # April to September: the year is not over
        ("2026-27Q2", 40, MET),
    ]
    # The quarter's own target, on the quarter so far: short of it, but not over.
    running = standings(burntwood(config, "2026-27Q3", sessions=10), config, dt.date(2026, 11, 1))
    assert [s.verdict for s in running if s.target.period == "quarter"] == [NOT_YET]
    # The year's return: the quarter's target is not for it; the year's is judged.
    year = standings(burntwood(config, "2026-27", sessions=90), config)
    assert [(s.target.period, s.verdict) for s in year] == [("year", NOT_MET)]
    # Without a year to date (a return read from a file), a year's target is not measured.
    quarter.year_to_date = None
    assert [s.verdict for s in standings(quarter, config)] == ["", MET]


@pytest.mark.parametrize("unit_code", ["LIC-BUR", "EST", "STAFFS"])
def test_the_first_page_of_every_level_shows_its_targets(unit_code: str) -> None:
    config = with_targets(
        'measure = "sessions"\nvalue = 10\nunits = ["locality", "district", "county"]\nperiod = "quarter"',
        'rate = "board_attendance"\nvalue = 75\nunits = ["district", "county"]\nperiod = "quarter"\n'
        'indicator = "LAA 7"\nindicator_title = "Partners at the board"',
    )
    ret = made_up_return(config, unit_code=unit_code)
    first = pages(pdf_bytes(ret, config))[0]
    assert "Targets" in first
    sessions = "\n".join(first.split("\n")[first.split("\n").index("Sessions") :][:5])
    verdict = MET if ret.value("sessions") >= 10 else NOT_MET
    assert sessions == f"Sessions\n{ret.value('sessions')}\n10\nQ1 2026-27\n{verdict}"
    board = "Partner attendance at board meetings (LAA 7)" in first
    assert board == (unit_code != "LIC-BUR")
    if board:
        assert "LAA 7 stands for the indicator \u201cPartners at the board\u201d" in " ".join(
            first.split()
        )


def test_the_returns_in_are_measured_on_their_figures_as_a_whole_return_is(tmp_path: Path) -> None:
    """The Returns in grid reads only the figures the targets need: it says what the whole
    return says, for every rate and a breakdown's category."""
    targets = [
        f'rate = "{rate}"\nvalue = 30\nunits = ["locality"]\nperiod = "quarter"'
        for rate in ("contacts", "participants", "recorded", "accredited", "meeting_attendance")
    ]
    targets.append(
        'measure = "accredited_outcomes"\nbreakdown = "teenage_parent"\ncategory = "yes"\n'
        'value = 3\nunits = ["locality"]\nperiod = "quarter"'
    )
    path = tmp_path / "trust.toml"
    path.write_text(targets_text(*targets), encoding="utf-8")
    with create_workspace(tmp_path / "EST", "EST", config_path=path) as district:
        ret = made_up_return(district.config, unit_code="EST-BTC")
        with district.session() as session:
            save_received(session, ret, "EST-BTC_2026-27Q1_r1.xlsx")
            session.commit()
            read = received_standings(session, [ret.period])[("EST-BTC", ret.period)]
        whole = [s.in_words for s in standings(ret, district.config) if s.verdict]
    assert len(whole) == 6 and [s.in_words for s in read] == whole


def test_a_boards_year_target_is_measured_on_its_own_year_to_date_when_a_units_is_missing() -> None:
    """A district's year to date is left out while a locality's return of it is missing, but
    its board's own figures come from its own records and are whole."""
    config = with_targets(
        'rate = "board_attendance"\nvalue = 75\nunits = ["district"]',
        'measure = "sessions"\nvalue = 400\nunits = ["district"]',
    )
    quarter = made_up_return(config, unit_code="EST")
    quarter.board_to_date = dataclasses.replace(
        quarter,
        period=Period.parse("2026-27Q1"),
        figures=quarter.figures
        | {("board_meeting_places", "", ""): 20, ("board_meeting_present", "", ""): 16},
    )
    board, sessions = standings(quarter, config)
    assert (board.actual_words, board.verdict) == ("80%", MET)
    assert (sessions.actual_words, sessions.verdict) == ("\u2013", "")
    table = targets_table(quarter, config)
    assert table is not None and "are not measured here" in table.note
