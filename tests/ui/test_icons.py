"""Icons: every sidebar page and the main commands have one, drawn from qtawesome's bundled
font; without qtawesome the window carries on with none."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from trustdesk.ui import icons
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import DESTINATIONS

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))


def test_every_page_and_command_has_an_icon(qapp):
    assert {d.key for d in DESTINATIONS} <= set(icons.PAGES)
    for key in icons.PAGES:
        assert not icons.page_icon(key).isNull(), key
    for name in ("new", "save", "delete", "find", "refresh", "undo", "export", "back_up", "help"):
        assert not icons.command_icon(name).isNull(), name
    assert icons.command_icon("no such command").isNull()


def test_the_sidebar_and_the_main_actions_show_icons(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    sidebar = window.ui.sidebar
    qtbot.waitUntil(lambda: not sidebar.item(0).icon().isNull())
    assert all(not sidebar.item(row).icon().isNull() for row in range(sidebar.count()))
    ui = window.ui
    for action in (ui.actionNew, ui.actionSave, ui.actionDelete, ui.actionFind,
                   ui.actionRefresh, ui.actionUndoDelete, ui.actionBackUpTo, ui.actionGuide):  # fmt: skip
        assert not action.icon().isNull(), action.text()


def test_without_qtawesome_there_are_no_icons_and_no_crash(monkeypatch):
    monkeypatch.setattr(icons, "_font", None)
    monkeypatch.setitem(sys.modules, "qtawesome", None)  # importing it raises ImportError
    assert icons.page_icon("dashboard").isNull()
    assert icons.command_icon("save").isNull()
    assert not icons.available()
