"""No keyboard trap: from the first control of every page, Tab goes round the whole window
and comes back to where it started, and Shift+Tab goes round the other way. A table that
took Tab for moving between its cells would hold the cursor for ever."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tests.ui.desktop_runs import open_window
from trustdesk.store.migrate import open_workspace
from trustdesk.ui.navigation import DESTINATIONS

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

LOCALITY_PAGES = [p for p in DESTINATIONS if "locality" in p.levels]
DISTRICT_PAGES = [p for p in DESTINATIONS if "district" in p.levels]
STOPS = 400  # far more than any page has


@pytest.fixture(scope="module")
def folder(demo_of, tmp_path_factory) -> Path:
    return shutil.copytree(demo_of("small"), tmp_path_factory.mktemp("tabs") / "demo")


def walk(qtbot, start: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    """The widgets Tab (or Shift+Tab) visits from ``start`` until it is back there."""
    seen: list[QWidget] = []
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    for _ in range(STOPS):
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, key, modifier)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        seen.append(now)
    loop = list(dict.fromkeys(seen[-20:]))
    raise AssertionError(
        f"Tab never came back after {STOPS} presses; it goes round "
        + ", ".join(f"{type(w).__name__} {w.objectName() or w.accessibleName()!r}" for w in loop)
    )


@pytest.mark.parametrize("place", LOCALITY_PAGES, ids=[p.key for p in LOCALITY_PAGES])
def test_tab_and_shift_tab_go_round_every_page_and_come_back(qtbot, folder, place):
    go_round(qtbot, folder, place)


@pytest.mark.parametrize("place", DISTRICT_PAGES, ids=[p.key for p in DISTRICT_PAGES])
def test_and_on_every_page_of_a_district(qtbot, district_demo, place):
    go_round(qtbot, district_demo, place)


def go_round(qtbot, folder: Path, place) -> None:  # noqa: ANN001
    with open_workspace(folder) as workspace:
        window = open_window(qtbot, workspace)
        page = window.show_page(place.key)
        qtbot.waitUntil(lambda: not page.busy())
        rows = getattr(page, "list", None)
        if rows is not None and rows.model.rowCount():
            rows.table.selectRow(0)  # a record in the form, with its tables filled
        start = window.ui.sidebar

        forward = walk(qtbot, start, Qt.Key.Key_Tab)
        backward = walk(qtbot, start, Qt.Key.Key_Backtab)

        assert forward and backward
        views = [w for w in forward if isinstance(w, QAbstractItemView)]
        assert window.ui.sidebar.tabKeyNavigation() is False
        assert all(not v.tabKeyNavigation() for v in views)
