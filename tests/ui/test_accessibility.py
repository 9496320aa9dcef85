"""Every page of the window, on the small demo at 1366x768: each control a keyboard can reach
has a name a screen reader can say, no font is fixed in pixels (so the system font size is
respected), and nothing needs scrolling sideways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from trustdesk.demo.board import record_board
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import destinations_for
from trustdesk.ui.pages.dashboard import FigureTile

LOCALITY_PAGES = destinations_for("locality")
DISTRICT_PAGES = destinations_for("district")
COUNTY_PAGES = destinations_for("county")

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    FigureTile,  # the Dashboard's figures, each reachable with Tab
    QLabel,  # a line a reader reaches with Tab (the board's Dashboard); others are passed by
)


@pytest.fixture
def demo(demo_of) -> Path:
    return demo_of("small")


def spoken_name(widget: QWidget, labels: list[QLabel]) -> str:
    """What a screen reader says for a control: its accessible name, its own text, or the
    text of the label that is its buddy."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton | QLabel) and widget.text():
        return widget.text()
    return next((label.text() for label in labels if label.buddy() is widget), "")


@pytest.mark.parametrize("place", LOCALITY_PAGES, ids=[p.key for p in LOCALITY_PAGES])
def test_every_page_is_named_scales_with_the_font_and_fits(qtbot, demo, place):
    named_scaled_and_fitting(qtbot, demo, place)


@pytest.mark.parametrize("place", DISTRICT_PAGES, ids=[p.key for p in DISTRICT_PAGES])
def test_and_every_page_of_a_district_with_its_board(qtbot, district_demo, place):
    named_scaled_and_fitting(qtbot, district_demo, place)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    """The county's workspace with its board's year (its districts' returns are left out:
    the county demo takes minutes; the district above holds returns)."""
    folder = tmp_path_factory.mktemp("county") / "STAFFS"
    with create_workspace(folder, "STAFFS") as ws, ws.session() as session:
        record_board(session, ws.unit, TODAY, seed=1)
        session.commit()
    return folder


@pytest.mark.parametrize("place", COUNTY_PAGES, ids=[p.key for p in COUNTY_PAGES])
def test_and_every_page_of_the_county(qtbot, county, place):
    named_scaled_and_fitting(qtbot, county, place)


def named_scaled_and_fitting(qtbot, demo: Path, place) -> None:  # noqa: ANN001
    with open_workspace(demo) as workspace:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page(place.key)
        qtbot.waitUntil(lambda: not page.busy())
        labels = page.findChildren(QLabel)
        reachable = [
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, CONTROLS)
            and w.isVisibleTo(page)
            and w.focusPolicy() != 0  # Qt.NoFocus: not reached by the keyboard
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)  # their inner edit
        ]
        assert reachable, f"{place.label}: the scan found no controls"
        unnamed = [
            f"{type(w).__name__} {w.objectName() or '(no object name)'}"
            for w in reachable
            if not spoken_name(w, labels)
        ]
        assert unnamed == [], f"{place.label}: controls without a name"
        fixed = [w.objectName() for w in page.findChildren(QWidget) if w.font().pixelSize() > 0]
        assert fixed == [], f"{place.label}: fonts fixed in pixels"
        sideways = [
            w.objectName() or type(w).__name__
            for w in page.findChildren(QAbstractScrollArea)
            if w.isVisible() and w.horizontalScrollBar().maximum() > 0
        ]
        assert sideways == [], f"{place.label}: scrolls sideways at 1366x768"
        window.close()
