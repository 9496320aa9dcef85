"""The Dashboard page: the figure tiles and charts a coordinator sees first, worked out in a
worker thread and shown when they arrive (``figures_shown``)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtGui import QColor

from tests.returns.test_dashboard import TODAY, build_two_quarters
from trustdesk.errors import UserError
from trustdesk.returns.dashboard import definition
from trustdesk.services.attendance import register, set_register
from trustdesk.ui import charts
from trustdesk.ui.charts import BarChart, HorizontalBarChart, nice_scale
from trustdesk.ui.pages import dashboard as dashboard_page
from trustdesk.ui.pages.dashboard import TILES, DashboardPage, part_weeks

pytestmark = pytest.mark.today(TODAY)

WAIT = 20_000  # ms: generous, so that a slow machine never fails a test


def make_page(qtbot, workspace, *, width: int = 1150, height: int = 640) -> DashboardPage:
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.resize(width, height)
    return page


def show(qtbot, page: DashboardPage) -> None:
    """Show the page as the window does, and wait until its figures are on the screen."""
    with qtbot.waitSignal(page.figures_shown):
        page.refresh()
        page.show()


def refresh(qtbot, page: DashboardPage) -> None:
    with qtbot.waitSignal(page.figures_shown):
        page.refresh()


def shown_value(page: DashboardPage, code: str) -> int:
    return int(page.tiles[code].value.text().replace(",", ""))


@pytest.fixture
def built(workspace):
    return build_two_quarters(workspace)


def test_the_page_shows_this_quarter_against_the_same_weeks_of_last_quarter(
    qtbot, workspace, built
):
    page = make_page(qtbot, workspace)
    show(qtbot, page)

    assert page.heading.text() == (
        "This quarter: Q3 2026-27 (Oct\u2013Dec 2026) (so far, to 23 Nov 2026)"
    )
    assert page.working.text() == ""
    sessions = page.tiles["sessions"]
    assert sessions.value.text() == "5"
    # Against 1 July to 23 August (53 days into each quarter), not all of July to September.
    assert page.note.text() == (
        "Each figure is compared with the same weeks of last quarter: "
        "Q2 2026-27 (Jul\u2013Sep 2026), 1 Jul \u2013 23 Aug."
    )
    assert sessions.detail.text() == "same weeks last quarter 2 \u00b7 \u25b2 3"
    assert sessions.accessibleName() == "Sessions: 5 this quarter, 2 same weeks last quarter"
    assert page.tiles["attendances"].detail.text() == ("same weeks last quarter 3 \u00b7 \u25b2 15")
    assert page.tiles["open_actions"].detail.text() == ("same weeks last quarter 0 \u00b7 \u25b2 3")
    shown = {code: shown_value(page, code) for code, _ in TILES}
    assert shown == {
        "sessions": 5, "attendances": 18, "contacts": 3, "participants": 1,
        "recorded_outcomes": 1, "accredited_outcomes": 0, "partners_engaged": 2,
        "meetings_held": 2, "meeting_present": 2, "open_actions": 3, "actions_overdue": 1,
    }  # fmt: skip
    for code, label in TILES:
        tile = page.tiles[code]
        assert tile.label.text() == label
        assert tile.accessibleName().startswith(f"{label}: {shown[code]} this quarter, ")
        assert tile.toolTip() == definition(code)
    assert page.week_chart.bars == [
        ("1 Oct", 3), ("5 Oct", 1), ("12 Oct", 0), ("19 Oct", 2), ("26 Oct", 0),
        ("2 Nov", 10), ("9 Nov", 0), ("16 Nov", 0), ("23 Nov", 2),
    ]  # fmt: skip
    assert page.week_chart.part == {0, 8}  # 1-4 October, and this week so far
    assert "19 Oct: 2" in page.week_chart.accessibleDescription()
    assert dict(page.outcome_chart.bars)["Enjoy and achieve"] == 8


def test_overdue_actions_are_shown_as_a_warning_only_when_there_are_some(qtbot, workspace, built):
    page = make_page(qtbot, workspace)
    show(qtbot, page)

    overdue = page.tiles["actions_overdue"]
    assert overdue.property("warning") is True
    assert overdue.accessibleName().endswith("needs attention")
    assert page.tiles["open_actions"].property("warning") in (None, False)

    overdue.show_figures(0, 1)
    assert overdue.property("warning") is False
    assert "needs attention" not in overdue.accessibleName()


def test_another_register_tick_adds_exactly_one_attendance(qtbot, workspace, built):
    page = make_page(qtbot, workspace)
    show(qtbot, page)
    before = shown_value(page, "attendances")
    week_before = dict(page.week_chart.bars)["23 Nov"]

    with workspace.session() as session:
        ticked = register(session, built.today_session)
        set_register(session, session_id=built.today_session, young_person_ids=[*ticked, built.ben])
        session.commit()
    refresh(qtbot, page)  # as the window does on records_changed

    assert shown_value(page, "attendances") == before + 1
    assert dict(page.week_chart.bars)["23 Nov"] == week_before + 1
    assert (
        page.tiles["attendances"]
        .accessibleName()
        .startswith(f"Attendances: {before + 1} this quarter")
    )


def test_an_empty_workspace_shows_zeros_and_says_there_are_no_sessions(qtbot, workspace):
    page = make_page(qtbot, workspace)
    show(qtbot, page)

    assert {shown_value(page, code) for code, _ in TILES} == {0}
    assert page.tiles["sessions"].detail.text() == "same weeks last quarter 0 \u00b7 no change"
    for chart in (page.week_chart, page.outcome_chart):
        assert chart.isVisible()
        assert chart.is_empty()
        assert chart.accessibleDescription() == "No sessions yet this quarter."
        assert _drawn_text_pixels(chart) > 0  # the message is drawn, not a blank frame


def _drawn_text_pixels(chart) -> int:
    """Pixels in the middle third of the chart drawn in its muted text colour or near it."""
    image = chart.grab().toImage()
    muted = charts.MUTED
    found = 0
    for y in range(image.height() // 3, image.height() * 2 // 3):
        for x in range(image.width() // 4, image.width() * 3 // 4):
            colour = QColor(image.pixel(x, y))
            if abs(colour.red() - muted.red()) + abs(colour.green() - muted.green()) < 60:
                found += 1
    return found


def test_a_refresh_asked_for_while_one_runs_runs_once_more_and_shows_only_the_newest(
    qtbot, workspace, built, monkeypatch
):
    """Records change while the figures are being worked out: the figures shown are the
    newest, the old run's are never shown over them, and three requests make one more run."""
    release = threading.Event()
    calls: list[dt.date] = []
    real = dashboard_page.dashboard

    def slow_first(session, *, today):
        calls.append(today)
        if len(calls) == 1:
            figures = real(session, today=today)
            release.wait(WAIT / 1000)  # the records change meanwhile
            return figures
        return real(session, today=today)

    monkeypatch.setattr(dashboard_page, "dashboard", slow_first)
    page = make_page(qtbot, workspace)
    shown: list[int] = []
    page.figures_shown.connect(lambda: shown.append(shown_value(page, "attendances")))

    page.refresh()
    assert page.working.text() == dashboard_page.WORKING
    with workspace.session() as session:
        set_register(
            session,
            session_id=built.today_session,
            young_person_ids=[built.ann, built.ben, built.cal],
        )
        session.commit()
    page.refresh()
    page.refresh()
    with qtbot.waitSignal(page.figures_shown):
        release.set()

    assert shown == [19]  # 18 before the change: that run's figures were never shown
    assert len(calls) == 2
    assert page.working.text() == ""
    assert not page.busy()


def test_figures_that_cannot_be_worked_out_are_reported_and_the_old_ones_kept(
    qtbot, workspace, built, monkeypatch, shown_messages
):
    page = make_page(qtbot, workspace)
    show(qtbot, page)

    def busy(session, *, today):
        raise UserError("The workspace is busy.")

    monkeypatch.setattr(dashboard_page, "dashboard", busy)
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy() and bool(shown_messages))

    assert shown_messages[-1]["text"] == "The workspace is busy."
    assert shown_value(page, "sessions") == 5
    assert page.working.text() == ""


def test_it_fits_the_window_beside_the_sidebar_and_stacks_when_narrow(qtbot, workspace, built):
    page = make_page(qtbot, workspace, width=1150, height=640)
    show(qtbot, page)

    assert page.content.minimumSizeHint().width() <= page.scroll.viewport().width()
    assert not page.scroll.horizontalScrollBar().isVisible()
    assert page.tile_grid.columnCount() == 4
    assert page.week_chart.geometry().top() == page.outcome_chart.geometry().top()
    assert page.week_chart.height() >= page.week_chart.minimumSizeHint().height()

    page.resize(480, 640)
    qtbot.waitUntil(lambda: page.week_chart.geometry().top() < page.outcome_chart.geometry().top())
    assert page.content.minimumSizeHint().width() <= page.scroll.viewport().width()


def test_the_part_weeks_are_the_first_if_it_starts_midweek_and_the_unfinished_one():
    oct_1 = dt.date(2026, 10, 1)  # Thursday
    weeks = [oct_1, dt.date(2026, 10, 5), dt.date(2026, 10, 12)]
    assert part_weeks(weeks, dt.date(2026, 10, 14)) == [0, 2]
    assert part_weeks(weeks, dt.date(2026, 10, 18)) == [0]  # Sunday: the week is complete
    july = [dt.date(2024, 7, 1)]  # a quarter that starts on a Monday
    assert part_weeks(july, dt.date(2024, 7, 7)) == []
    assert part_weeks([], TODAY) == []


def test_the_value_axis_has_round_steps():
    assert nice_scale(186) == (50, 200)
    assert nice_scale(3) == (1, 3)
    assert nice_scale(10) == (5, 10)
    assert nice_scale(1041) == (500, 1500)
    assert nice_scale(0) == (1, 1)


@pytest.mark.parametrize("chart_class", [BarChart, HorizontalBarChart])
def test_a_chart_says_its_figures_in_words_and_in_tooltips(qtbot, chart_class):
    chart = chart_class("Attendance", caption="Week beginning")
    qtbot.addWidget(chart)
    assert chart.accessibleName() == "Attendance"
    chart.set_bars([("5 Oct", 1204), ("12 Oct", 0)], part=[1])
    chart.resize(500, 300)
    chart.grab()  # paints, which records where each bar is
    assert chart.accessibleDescription() == ("Week beginning: 5 Oct: 1,204; 12 Oct: 0 (part only).")
    assert [text for _, text in chart._hits] == [
        "Week beginning 5 Oct: 1,204",
        "Week beginning 12 Oct: 0 (part only)",
    ]


def test_long_outcome_names_move_above_their_bars_when_the_chart_is_narrow(qtbot):
    chart = HorizontalBarChart("Attendance by ECM outcome")
    qtbot.addWidget(chart)
    chart.set_bars([("Make a positive contribution", 5), ("Be healthy", 3)])
    fm = chart.fontMetrics()
    wide = fm.horizontalAdvance("Make a positive contribution") * 4
    narrow = fm.horizontalAdvance("Make a positive contribution") + fm.height() * 2
    assert not chart._labels_above(wide)
    assert chart._labels_above(narrow)
    assert chart.heightForWidth(narrow) > chart.heightForWidth(wide)


def test_on_the_last_day_of_a_quarter_it_says_the_whole_of_last_quarter(
    qtbot, workspace, built, set_today
):
    set_today(dt.date(2026, 12, 31))
    page = make_page(qtbot, workspace)
    show(qtbot, page)

    assert page.note.text() == (
        "Each figure is compared with the whole of last quarter, Q2 2026-27 (Jul\u2013Sep 2026)."
    )
    assert page.tiles["attendances"].detail.text() == "last quarter 43 \u00b7 \u25bc 25"


def test_the_year_so_far_is_measured_against_the_benchmarks_and_the_trend_is_charted(
    qtbot, workspace, built
):
    """Below the quarter: the year to date's reach against the REYS benchmarks, met or not
    in words, and the key figures by quarter, charted one at a time (contacts first), the
    quarter in progress drawn paler."""
    page = make_page(qtbot, workspace, height=1400)
    show(qtbot, page)
    year = page.year
    reach = year.reach_model
    verdicts = {reach.text(r, 0): reach.text(r, reach.columnCount() - 1) for r in range(4)}
    assert set(verdicts.values()) <= {"Met", "Not met", "\u2013"}
    assert verdicts["Contacts aged 13-19"] in {"Met", "Not met"}
    assert reach.table is not None and "year to date" in reach.table.columns[2].heading

    assert year.picker.currentData() == "contacts"
    quarters = page.figures.trends[0]
    assert [label for label, _ in year.chart.bars] == [c.heading for c in quarters.columns]
    assert year.chart.bars[-1] == ("Q3 2026-27", 3)  # this quarter so far: the tile's 3
    assert year.chart.part == {len(year.chart.bars) - 1}
    year.picker.setCurrentIndex(year.picker.findData("sessions"))
    assert year.chart.bars[-1] == ("Q3 2026-27", 5)
    assert year.chart.accessibleName() == "Sessions, by quarter"
    assert year.units_view.isHidden()  # a locality has no units below it
