"""Targets (issue 18): the county sets them in the trust configuration, and every Dashboard,
return and Returns in grid shows how each unit stands against them, met or not, in words
and colour. A target changed by a configuration update is what every one of them shows
next."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from tests.ui.desktop_runs import shown
from trustdesk import ops
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig, example_trust_path, load_trust_config
from trustdesk.ops import returns as returns_ops
from trustdesk.ops.trust_update import update_config
from trustdesk.returns.benchmarks import COLOURS, MET, NOT_MET, NOT_YET
from trustdesk.returns.dashboard import dashboard
from trustdesk.services.activities import add_weekly_sessions, create_activity
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.ui.pages.board_dashboard import BoardDashboardPage
from trustdesk.ui.pages.dashboard import DashboardPage
from trustdesk.ui.pages.returns.received_model import TARGETS_ROLE
from trustdesk.ui.pages.returns.received_page import ReturnsInPage

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)
Q2 = Period.parse("2026-27Q2")
EXAMPLE = example_trust_path().read_text(encoding="utf-8")
# The example trust's first target: at least 70 sessions a quarter for every locality.
SESSIONS = 'measure = "sessions"                # Sessions held, each quarter, by every locality\nvalue = 70\n'


def offered(tmp_path: Path, sessions: int) -> TrustConfig:
    """The example configuration as version 2, its locality sessions target changed."""
    assert SESSIONS in EXAMPLE
    text = EXAMPLE.replace("version = 1", "version = 2", 1)
    text = text.replace(SESSIONS, SESSIONS.replace("value = 70", f"value = {sessions}"))
    path = tmp_path / "offered.toml"
    path.write_text(text, encoding="utf-8")
    return load_trust_config(path)


def made_in_april(tmp_path: Path, code: str) -> Workspace:
    made = dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)
    return create_workspace(
        tmp_path / code, code, config_path=example_trust_path(), created_at=made
    )


@pytest.fixture
def locality(tmp_path: Path):
    """Burton Town with four sessions in Q2 and four so far in Q3."""
    with made_in_april(tmp_path, "EST-BTC") as ws:
        with ws.session() as session:
            club = create_activity(
                session, title="Youth club", category="youth-work", start_date="2026-04-01"
            )
            for first in ("2026-07-07", "2026-10-06"):
                add_weekly_sessions(
                    session,
                    activity_id=club.id,
                    first_date=first,
                    weeks=4,
                    start_time="18:00",
                    end_time="20:00",
                )
            session.commit()
        yield ws


@pytest.fixture
def district(tmp_path: Path):
    with made_in_april(tmp_path, "EST") as ws:
        yield ws


def dashboard_targets(qtbot, ws: Workspace) -> dict[str, tuple[str, str, str]]:
    """The locality Dashboard's targets: label to (actual, target, verdict). Its figures are
    counted here, as its background count does, and shown by the page (the background count
    itself is tested in tests/ui/test_dashboard_page.py)."""
    page = DashboardPage(ws)
    qtbot.addWidget(page)
    page.resize(1366, 1400)
    page.show()
    page.show_counted(ops.query(ws, dashboard, today=TODAY))
    model = page.year.targets_model
    assert page.year.targets_view.isVisibleTo(page)
    last = model.columnCount() - 1
    found = {
        model.text(r, 0): (model.text(r, 1), model.text(r, 2), model.text(r, last))
        for r in range(model.rowCount())
    }
    page.close()
    return found


def first_pdf_page(ws: Workspace, out: Path) -> str:
    result = returns_ops.export_return(
        ws, Q2, out, formats=["xlsx", "pdf"], now=dt.datetime(2026, 10, 10, 9, tzinfo=dt.UTC)
    )
    pdf = next(p for p in result.paths if p.suffix == ".pdf")
    page = pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages[0]
    return page.extract_text()


def grid_targets(qtbot, ws: Workspace) -> tuple[str, str]:
    """What Burton Town's Q2 cell of the Returns in grid says of its targets, and its colour."""
    page = shown(qtbot, ReturnsInPage(ws))
    index = page.model.index_of("EST-BTC", Q2)
    words, verdict = index.data(TARGETS_ROLE)
    assert words in index.data(Qt.ItemDataRole.AccessibleTextRole).replace(" targets", "")
    page.select_cell("EST-BTC", Q2)
    summary = page.ui.summaryLabel.text()
    page.close()
    assert f"Against their targets: {words}." in summary
    return words, verdict


def test_a_target_changed_by_a_configuration_update_is_shown_everywhere(
    qtbot, locality: Workspace, district: Workspace, tmp_path: Path
) -> None:
    # Before: at least 70 sessions a quarter.
    targets = dashboard_targets(qtbot, locality)
    assert targets["Sessions"] == ("4", "70", NOT_YET)  # Q3 so far: it can still be met
    first = first_pdf_page(locality, tmp_path / "before")
    assert "Targets" in first
    assert "Sessions\n4\n70\nQ2 2026-27\nNot met" in first
    returns_ops.import_returns(district, [next((tmp_path / "before").rglob("*.xlsx"))])
    assert grid_targets(qtbot, district) == ("0 of 1 met", NOT_MET)

    # The county lowers it to 3, and both workspaces take the update in.
    for ws in (locality, district):
        update_config(ws, offered=offered(tmp_path, 3))
        assert ws.config.version == 2

    targets = dashboard_targets(qtbot, locality)
    assert targets["Sessions"] == ("4", "3", MET)
    first = first_pdf_page(locality, tmp_path / "after")
    assert "Sessions\n4\n3\nQ2 2026-27\nMet" in first
    # The return the district holds is measured against the district's configuration.
    assert grid_targets(qtbot, district) == ("1 of 1 met", MET)
    assert MET in COLOURS  # the grid paints each verdict in its own colours


def test_the_board_dashboard_shows_its_own_targets_and_each_localitys(
    qtbot, locality: Workspace, district: Workspace, tmp_path: Path, set_today
) -> None:
    first_pdf_page(locality, tmp_path / "sent")
    returns_ops.import_returns(district, [next((tmp_path / "sent").rglob("*.xlsx"))])
    page = BoardDashboardPage(district)
    qtbot.addWidget(page)
    page.resize(1366, 900)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=60_000)
    assert page.targets_box.isVisibleTo(page)
    model = page.targets_model
    rows = {
        model.text(r, 0): model.text(r, model.columnCount() - 1) for r in range(model.rowCount())
    }
    # The district's own Q2: 4 sessions from its one locality in, against 400.
    assert rows["Sessions"] == NOT_MET
    assert "Partner attendance at board meetings" in rows
    chips = [
        w.text() for w in page.returns_box.findChildren(type(page.heading)) if "Targets" in w.text()
    ]
    assert chips == ["Targets: 0 of 1 met"]
