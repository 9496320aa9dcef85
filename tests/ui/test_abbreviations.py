"""Every abbreviation a user meets (ECM, REYS, SEND, Q2 2026-27, …) is spelled out where it
appears, at least in a tooltip: on every page of the window over the small demo, in every
label, button, group box title, tab and column heading shown, and in the status bar."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from trustdesk import glossary
from trustdesk.config.periods import Period
from trustdesk.store.migrate import open_workspace
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import destinations_for

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
LOCALITY_PAGES = destinations_for("locality")
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def shown_texts(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, text, tooltip) for every text a user reads on a page."""
    found: list[tuple[str, str, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text(), widget.toolTip()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title(), widget.toolTip()))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                found.append((f"{name} tab", widget.tabText(i), widget.tabToolTip(i)))
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # read with its view
            and widget.model() is not None
        ):
            model = widget.model()
            for column in range(model.columnCount()):
                heading = model.headerData(column, Qt.Orientation.Horizontal)
                tip = model.headerData(column, Qt.Orientation.Horizontal, TOOLTIP)
                found.append((f"{name} column", str(heading or ""), str(tip or "")))
            for row in range(min(model.rowCount(), 200)):
                heading = model.headerData(row, Qt.Orientation.Vertical)
                tip = model.headerData(row, Qt.Orientation.Vertical, TOOLTIP)
                if isinstance(widget, QTableView) and widget.isRowHidden(row):
                    continue
                found.append((f"{name} row {row}", str(heading or ""), str(tip or "")))
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    text, tip = index.data(), index.data(TOOLTIP)
                    found.append((f"{name} cell {row},{column}", str(text or ""), str(tip or "")))
    return found


def unexplained(texts: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} (tooltip {tip!r})"
        for where, text, tip in texts
        if not glossary.explained(text, tip)
    ]


@pytest.fixture
def window(qtbot, demo_of, tmp_path: Path):
    folder = shutil.copytree(demo_of("small"), tmp_path / "demo")
    with open_workspace(folder) as workspace:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        yield window


def test_the_glossary_spells_out_what_the_issue_names():
    assert "Resourcing Excellent Youth Services" in glossary.meaning("REYS")
    assert glossary.meaning("ECM").startswith("Every Child Matters")
    assert glossary.meaning("SEND") == "special educational needs and disabilities"
    assert glossary.found_in("Q2 2026-27 (Jul\u2013Sep 2026)") == ["Q2", "2026-27"]
    assert glossary.meaning("2026-27") == "the financial year April 2026 to March 2027"
    assert glossary.found_in("SENDER, 13-19, ECMs, 2026-28") == []
    assert glossary.explained("Q3 2026-27", Period(2026, 3).spelled_out)
    assert not glossary.explained("Reach against the REYS benchmarks", "Reach against them")


def test_the_status_bar_spells_out_the_quarter(window):
    status = window._period_status
    assert "Q3 2026-27" in status.text()
    assert "Q3 2026-27: October to December 2026" in status.toolTip()
    assert unexplained([("status", status.text(), status.toolTip())]) == []


@pytest.mark.parametrize("place", LOCALITY_PAGES, ids=[p.key for p in LOCALITY_PAGES])
def test_every_abbreviation_on_a_page_is_spelled_out(qtbot, window, place):
    page = window.show_page(place.key)
    qtbot.waitUntil(lambda: not page.busy())
    texts = shown_texts(page)
    assert texts, f"{place.label}: the scan found no texts"
    assert unexplained(texts) == []


def test_the_scan_sees_abbreviations(qtbot, window):
    page = window.show_page("returns")
    qtbot.waitUntil(lambda: not page.busy())
    seen = glossary.every(text for _, text, _ in shown_texts(page))
    assert "REYS" in seen
    assert any(word.startswith("Q") for word in seen)
