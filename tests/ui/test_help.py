"""Help > Guide opens the offline guide at each topic, links between topics work, F1 opens
the topic about the page shown; Help > Keyboard shortcuts lists the window's own keys."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from trustdesk import glossary
from trustdesk.resources import resource_path
from trustdesk.store.migrate import open_workspace
from trustdesk.ui.help_window import TOPICS, GuideWindow, ShortcutsDialog
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.navigation import DESTINATIONS, destinations_for

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def window(qtbot, demo_of, tmp_path: Path):
    folder = shutil.copytree(demo_of("small"), tmp_path / "demo")
    with open_workspace(folder) as workspace:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window


def guide_of(window: MainWindow) -> GuideWindow:
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    return guide


def test_every_topic_is_shipped_with_a_heading_and_no_broken_link():
    folder = resource_path("guide")
    names = {name for name, _ in TOPICS}
    for name, title in TOPICS:
        if name == "words.html":
            continue  # written from the glossary
        html = (folder / name).read_text(encoding="utf-8")
        assert f"<h1>{title}</h1>" in html.replace("&amp;", "&")
        for link in re.findall(r'href="([^"]+)"', html):
            assert link in names, f"{name} links to {link}"


def test_help_guide_opens_each_topic_from_its_contents(qtbot, window):
    window.ui.actionGuide.trigger()
    guide = guide_of(window)
    assert not guide.isModal()
    assert guide.topic() == "first-week.html"
    for row, (name, title) in enumerate(TOPICS):
        guide.contents.setCurrentRow(row)
        assert guide.topic() == name
        assert title in guide.browser.toPlainText().replace("\n", " ")
        assert guide.browser.documentTitle() == title
    words = guide.browser.toPlainText()
    for word in ("REYS", "ECM", "SEND", "Q2"):
        assert glossary.meaning(word).split(":")[0].split(" (")[0] in words


def test_links_between_topics_work_and_back_returns(qtbot, window):
    window.ui.actionGuide.trigger()
    guide = guide_of(window)
    guide.show_topic("first-week.html")
    guide.browser.setSource(QUrl("registers.html"))  # as clicking the link does
    assert guide.topic() == "registers.html"
    assert guide.contents.currentItem().text() == "Marking a register"
    assert "Save register" in guide.browser.toPlainText()
    guide.browser.backward()
    assert guide.topic() == "first-week.html"
    assert guide.contents.currentRow() == 0


def test_f1_opens_the_topic_about_the_page_shown(qtbot, window):
    window.show_page("meetings")
    assert window.ui.actionGuide.shortcut() == QKeySequence("F1")
    window.ui.actionGuide.trigger()
    assert guide_of(window).topic() == "meetings.html"
    window.show_page("returns")
    window.ui.actionGuide.trigger()
    assert window.findChildren(GuideWindow) == [guide_of(window)]  # one guide per window
    assert guide_of(window).topic() == "quarterly-return.html"


def test_the_shortcuts_dialog_lists_save_and_every_page_key(qtbot, window):
    window.ui.actionShortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows)
    assert rows["File > Save"] == native("Ctrl+S") or native("Ctrl+S") in rows["File > Save"]
    assert native("F1") in rows["Help > Guide"]
    for place in destinations_for("locality"):
        assert rows[f"Go > {place.label}"] == native(place.shortcut)
    shown = [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    ]
    assert shown == dialog.rows
    dialog.close()


def test_without_a_workspace_the_shortcuts_name_every_page(qtbot):
    window = MainWindow(None)
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window)
    labels = " ".join(what for what, _ in dialog.rows)
    for place in DESTINATIONS:
        assert f"Page: {place.label}" in labels
