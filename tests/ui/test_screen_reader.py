"""What a screen reader hears, checked through Qt's accessibility interfaces (what the AT-SPI
bridge hands Orca): every label says its words, a problem found on Save is announced and
stays on its field until it is put right, status messages are announced, the Go menu says
"&", the folder's clear button is named and reached with Tab, a form's scroll area is no
stop of its own, charts say they are charts and what they show, a long list its whole count.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QToolButton, QWidget

from tests.ui.desktop_runs import open_window
from trustdesk import clock
from trustdesk.demo.receiving import build_receiving_demo
from trustdesk.services.partners import list_partner_rows
from trustdesk.store.migrate import open_workspace
from trustdesk.ui import announce
from trustdesk.ui.charts import BarChart
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import destinations_for
from trustdesk.ui.record_table import BATCH

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
LOCALITY_PAGES = destinations_for("locality")
DISTRICT_PAGES = destinations_for("district")
NAME = QAccessible.Text.Name
ANNOUNCEMENT = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every announcement made, as (text, assertive), still sent on to Qt."""
    made: list[tuple[str, bool]] = []
    send = announce.announce

    def record(widget: QWidget, text: str, *, assertive: bool = False) -> None:
        made.append((text, assertive))
        send(widget, text, assertive=assertive)

    monkeypatch.setattr(announce, "announce", record)
    return made


@pytest.fixture
def sent_to_qt(monkeypatch: pytest.MonkeyPatch) -> list:
    """The accessibility events TrustDesk hands to QAccessible.updateAccessibility."""
    events: list = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", events.append)
    return events


def show(qtbot, window: MainWindow, key: str):  # noqa: ANN201
    page = window.show_page(key)
    qtbot.waitUntil(lambda: not page.busy())
    return page


# ----- a problem on Save ----------------------------------------------------------------------


def test_a_partner_saved_without_a_name_is_announced_and_marked_on_the_field(
    qtbot, workspace, announced, sent_to_qt
):
    window = open_window(qtbot, workspace)
    page = show(qtbot, window, "partners")
    name = page.ui.nameEdit
    name.setAccessibleDescription("The organisation, as the return names it")  # its own
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert name.accessibleDescription() == "Invalid entry: is required."
    assert name.property("invalid") is True
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    assert ("Name: is required.", True) in announced  # assertive: it stopped the save
    if ANNOUNCEMENT is not None:
        events = [e for e in sent_to_qt if isinstance(e, ANNOUNCEMENT)]
        assert [e.message() for e in events if e.message() == "Name: is required."]
        assertive = QAccessible.AnnouncementPoliteness.Assertive
        assert any(e.politeness() == assertive for e in events)
    # The error line under the field says its words; what it is about is its description.
    error = page.fields.errors["name"]
    assert QAccessible.queryAccessibleInterface(error).text(NAME) == "is required."

    qtbot.keyClicks(name, "Burntwood Youth Club")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # now the type is missing
    assert name.accessibleDescription() == "The organisation, as the return names it"
    assert not name.property("invalid")
    kind = page.ui.typeCombo
    assert kind.accessibleDescription() == "Invalid entry: is required."

    kind.setCurrentIndex(0)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert kind.accessibleDescription() == "" and not kind.property("invalid")
    with workspace.session() as session:
        assert [p.name for p in list_partner_rows(session)] == ["Burntwood Youth Club"]
    assert ("Saved the partner.", False) in announced  # the status line, politely


def test_without_qts_announcement_event_the_label_says_its_name_changed(
    qtbot, monkeypatch, sent_to_qt
):
    """Qt before 6.8: the widget showing the words tells the screen reader to read it."""
    label = QLabel("Name: is required.")
    qtbot.addWidget(label)
    monkeypatch.setattr(announce, "ANNOUNCEMENT", None)
    announce.announce(label, label.text(), assertive=True)
    [event] = sent_to_qt
    assert event.type() == QAccessible.Event.NameChanged and event.object() is label


# ----- every label says its words -------------------------------------------------------------


def visible_text(label: QLabel) -> str:
    """The words a label shows: rich text as plain, a mnemonic's & gone, spaces as one."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    elif label.buddy() is not None:
        text = re.sub(r"&(.)", r"\1", text)
    return " ".join(text.split())


def unheard_labels(root: QWidget) -> list[str]:
    """The labels shown in ``root`` whose accessible name is not their words."""
    unheard = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root):
            continue
        words = visible_text(label)
        if not words:  # an image, or nothing to say yet
            continue
        name = QAccessible.queryAccessibleInterface(label).text(NAME)
        if words not in " ".join(name.split()):
            unheard.append(f"{label.objectName() or words[:40]!r}: heard {name[:60]!r}")
    return unheard


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("screen-reader") / "district"
    with clock.set_to(TODAY):  # a module's fixture runs before the test's day is set
        build_receiving_demo(path, unit_code="LIC", as_of=TODAY).close()
    return path


@pytest.mark.parametrize("place", LOCALITY_PAGES, ids=[p.key for p in LOCALITY_PAGES])
def test_every_label_on_a_page_says_its_words(qtbot, demo_of, place):
    with open_workspace(demo_of("small")) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, place.key)
        if getattr(page, "list", None) is not None and page.list.model.rowCount():
            page.list.table.selectRow(0)  # a record in the form
        assert page.findChildren(QLabel), "the scan found no labels"
        assert unheard_labels(window) == []
        window.close()


@pytest.mark.parametrize("place", DISTRICT_PAGES, ids=[p.key for p in DISTRICT_PAGES])
def test_and_on_every_page_of_a_district(qtbot, district, place):
    with open_workspace(district) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, place.key)
        assert unheard_labels(window) == []
        if place.key == "returns_in":  # a return taken in, then one that is missing
            cells = page.model.grid.cells.values()
            for cell in (
                next(c for c in cells if c.in_hand),
                next(c for c in cells if c.status == "missing"),
            ):
                page.select_cell(cell.unit.code, cell.period)
                assert unheard_labels(window) == [], cell.status
        window.close()


def test_the_settings_values_are_labelled_by_their_captions(qtbot, demo_of):
    with open_workspace(demo_of("small")) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, "settings")
        unit = QAccessible.queryAccessibleInterface(page.ui.unitValue)
        assert workspace.unit.name in unit.text(NAME)
        labelled_by = unit.relations(QAccessible.RelationFlag.Label)
        assert "Unit:" in [r.text(NAME) for r, _ in labelled_by]  # and its group box's title
        window.close()


# ----- the status line, the menus, the small things --------------------------------------------


def test_a_status_message_is_announced_and_is_the_bars_name(qtbot, workspace, announced):
    window = open_window(qtbot, workspace)
    window.status_line.show("Deleted partner 'Burntwood'. Undo with Ctrl+Z.")
    assert announced[-1] == ("Deleted partner 'Burntwood'. Undo with Ctrl+Z.", False)
    bar = QAccessible.queryAccessibleInterface(window.statusBar())
    assert bar.text(NAME) == "Deleted partner 'Burntwood'. Undo with Ctrl+Z."
    window.status_line.show("Deleted partner 'Burntwood'. Undo with Ctrl+Z.")  # again
    assert len([a for a in announced if a[0].startswith("Deleted")]) == 2
    window.statusBar().showMessage("Backed up to E:\\")  # not through the status line
    assert announced[-1] == ("Backed up to E:\\", False)
    status = QAccessible.queryAccessibleInterface(window._period_status)
    assert status.text(NAME).startswith("This quarter: Q3 2026-27")


def test_the_go_menu_says_meetings_and_actions(qtbot, workspace):
    window = open_window(qtbot, workspace)
    menu = QAccessible.queryAccessibleInterface(window.ui.menuGo)
    items = [menu.child(i).text(NAME) for i in range(menu.childCount())]
    assert "Meetings & actions" in items


def test_the_folders_clear_button_is_named_and_reached_with_tab(qtbot, demo_of):
    with open_workspace(demo_of("small")) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, "returns")
        folder = page.ui.folderEdit
        assert folder.text()
        field = QAccessible.queryAccessibleInterface(folder)
        buttons = [field.child(i) for i in range(field.childCount())]
        assert [b.text(NAME) for b in buttons] == ["Clear the folder"]

        folder.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(folder.hasFocus)
        qtbot.keyClick(folder, Qt.Key.Key_Tab)
        button = QApplication.focusWidget()
        assert isinstance(button, QToolButton) and button.accessibleName() == "Clear the folder"
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert folder.text() == ""
        qtbot.waitUntil(folder.hasFocus)  # the cursor back in the field, to type another
        window.close()


@pytest.mark.parametrize("key", ["partners", "dashboard"])
def test_a_scroll_area_is_no_stop_of_its_own(qtbot, demo_of, key):
    with open_workspace(demo_of("small")) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, key)
        areas = [a for a in page.findChildren(QScrollArea) if type(a) is QScrollArea]
        assert areas
        stops = [a for a in areas if a.focusPolicy() != Qt.FocusPolicy.NoFocus]
        assert [a for a in stops if not a.accessibleName()] == []
        window.close()


def test_a_chart_is_a_chart_and_says_its_figures(qtbot):
    chart = BarChart("Attendances by week", caption="Week")
    qtbot.addWidget(chart)
    chart.set_bars([("w1", 12), ("w2", 1_204)])
    spoken = QAccessible.queryAccessibleInterface(chart)
    assert spoken.role() == QAccessible.Role.Chart
    assert spoken.text(NAME) == "Attendances by week"
    assert spoken.text(QAccessible.Text.Description) == "Week: w1: 12; w2: 1,204."


def test_a_long_list_says_its_whole_count(qtbot, demo_of):
    with open_workspace(demo_of("small")) as workspace:
        window = open_window(qtbot, workspace)
        page = show(qtbot, window, "people")
        rows = page.list
        total = rows.model.total()
        assert rows.table.accessibleDescription() == f"{total:,} young people"
        counted = QAccessible.queryAccessibleInterface(rows.count).text(NAME)
        assert counted == f"{total:,} young people" and total > BATCH
        try:  # a screen reader listening: every row is in the table at once
            QAccessible.setActive(True)
            page.refresh()
            assert rows.model.rowCount() == total  # not the first BATCH only
        finally:
            QAccessible.setActive(False)
        window.close()
