"""Help: the Guide (Help > Guide, F1) and the list of keyboard shortcuts.

The Guide is a few short, task-based topics shipped with the program as HTML files in
``resources/guide/`` and shown offline in a window of its own beside the main window (not
modal: a coordinator reads it while doing what it says). "Words and abbreviations" is written
from :mod:`trustdesk.glossary`, so it always lists what the tooltips spell out.

The shortcuts dialog is built from the window's own menus and the sidebar's pages, so it
lists what the keys really do and never goes out of date.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trustdesk import APP_NAME, __version__, glossary
from trustdesk.errors import UserError
from trustdesk.resources import resource_path
from trustdesk.ui import messages
from trustdesk.ui.navigation import DESTINATIONS, Destination

# The Guide's topics, in the order of its contents: (file in resources/guide, title).
TOPICS = (
    ("first-week.html", "Your first week as a coordinator"),
    ("registers.html", "Marking a register"),
    ("meetings.html", "A meeting and its actions"),
    ("quarterly-return.html", "The quarterly return"),
    ("keeping-safe.html", "Backups and privacy"),
    ("returns-in.html", "For officers: taking in returns and consolidating"),
    ("configuration.html", "For admins: the configuration"),
    ("words.html", "Words and abbreviations"),
)
WORDS = "words.html"  # written from the glossary, not read from a file

# The topic F1 opens on each page (the first one elsewhere).
PAGE_TOPICS = {
    "registers": "registers.html",
    "people": "registers.html",
    "meetings": "meetings.html",
    "returns": "quarterly-return.html",
    "returns_in": "returns-in.html",
    "board_dashboard": "returns-in.html",
    "settings": "keeping-safe.html",
}

STYLE = """
h1 { color: #16425b; font-size: x-large; }
h2 { color: #16425b; font-size: large; margin-top: 14px; }
p, li { line-height: 130%; }
a { color: #1c6e8c; }
td { padding: 2px 8px 2px 0; }
"""


def guide_folder() -> Path:
    return resource_path("guide")


def words_html() -> str:
    """The "Words and abbreviations" topic, from the glossary."""
    rows = "".join(
        f"<tr><td><b>{escape(word)}</b></td><td>{escape(meaning)}</td></tr>"
        for word, meaning in glossary.ABBREVIATIONS.items()
    )
    return (
        "<html><head><title>Words and abbreviations</title></head><body>"
        "<h1>Words and abbreviations</h1>"
        "<p>TrustDesk spells these out when you point at them. A financial year is written "
        "like <b>2026-27</b>: April 2026 to March 2027. A quarter is written like "
        "<b>Q2 2026-27</b>: the second quarter of that year, July to September 2026.</p>"
        f"<table cellpadding='3'>{rows}</table>"
        "<p>Back to <a href='first-week.html'>Your first week</a>.</p></body></html>"
    )


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads the topics from the guide folder and writes the glossary's."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        name = QUrl(url).fileName() if isinstance(url, str) else url.fileName()
        if kind == QTextDocument.ResourceType.HtmlResource.value and name == WORDS:
            return words_html()
        return super().loadResource(kind, url)


class GuideWindow(QWidget):
    """The Guide: the topics on the left, the one chosen on the right; links between topics
    work, and Back (Alt+Left) goes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(f"{APP_NAME} Guide")
        self.setObjectName("guideWindow")
        self.folder = guide_folder()
        self.contents = QListWidget(self)
        self.contents.setAccessibleName("Guide topics")
        for name, title in TOPICS:
            item = QListWidgetItem(title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(title)
        widest = max(self.contents.fontMetrics().horizontalAdvance(t) for _, t in TOPICS)
        self.contents.setFixedWidth(widest + 40)  # every title whole, no sideways scrolling
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setSpacing(2)

        self.browser = GuideBrowser(self)
        self.browser.setAccessibleName("Guide topic")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(14)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self.contents.currentRowChanged.connect(self._chosen)
        self.browser.sourceChanged.connect(self._shown)
        self.resize(900, 620)

    def show_topic(self, name: str) -> None:
        """Show a topic by its file name (e.g. "registers.html")."""
        self.browser.setSource(QUrl.fromLocalFile(str(self.folder / name)))

    def topic(self) -> str:
        """The file name of the topic shown."""
        return self.browser.source().fileName()

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(TOPICS) and TOPICS[row][0] != self.topic():
            self.show_topic(TOPICS[row][0])

    def _shown(self, url: QUrl) -> None:
        row = next((i for i, (name, _) in enumerate(TOPICS) if name == url.fileName()), -1)
        if row >= 0 and row != self.contents.currentRow():
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(row)
            self.contents.blockSignals(False)


def open_guide(parent: QWidget, topic: str | None = None) -> GuideWindow | None:
    """Show the Guide beside ``parent`` (one per window), at a topic if given."""
    guide = parent.findChild(GuideWindow)
    if guide is None:
        try:
            guide = GuideWindow(parent)
        except UserError as exc:  # the installation lost its guide
            messages.show_error(parent, f"{APP_NAME} Guide", str(exc))
            return None
    if topic is not None or not guide.topic():
        guide.show_topic(topic or TOPICS[0][0])
    if guide.isVisible():  # already open, perhaps behind the main window
        guide.activateWindow()
    guide.show()
    return guide


def topic_for_page(key: str | None) -> str:
    """The Guide's topic about a page (the first topic for pages without one of their own)."""
    return PAGE_TOPICS.get(key or "", TOPICS[0][0])


# ----- keyboard shortcuts ------------------------------------------------------------------------


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".\u2026 ")


def shortcut_rows(
    window: QMainWindow, places: tuple[Destination, ...] = ()
) -> list[tuple[str, str]]:
    """(what, keys) for every menu command with a key, menu by menu, then every page the
    sidebar can show with its key (all pages of every kind of workspace when none is open)."""
    rows: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {_plain(action.menu().title())}")
            elif not action.isSeparator() and action.shortcuts():
                rows.append((f"{path} > {_plain(action.text())}", _keys(action)))

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.menu().title()))
    listed = {what.rsplit(" > ", 1)[-1] for what, _ in rows}
    for place in places or DESTINATIONS:
        if place.label in listed and places:
            continue  # the Go menu already has it
        where = "" if places or place.levels == ("locality",) else _levels(place)
        keys = QKeySequence(place.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((f"Page: {place.label}{where}", keys))
    return rows


def _levels(place: Destination) -> str:
    if len(place.levels) == 3:
        return ""
    return " (" + " and ".join(f"{level} workspaces" for level in place.levels) + ")"


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every command and page with its key."""

    def __init__(self, window: QMainWindow, places: tuple[Destination, ...] = ()) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(window, places)
        table = QTableWidget(len(self.rows), 2, self)
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Command or page", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        for row, (what, keys) in enumerate(self.rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, min(720, 90 + 26 * len(self.rows)))


def show_shortcuts(window: QMainWindow, places: tuple[Destination, ...] = ()) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window, places)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


ABOUT_TEXT = """\
<p><b>{app} {version}</b></p>
<p>Offline records and quarterly returns for Children's Trust locality groups,
districts and counties.</p>
<p>Everything stays on this computer, in the workspace folder.</p>
"""


def show_about(parent: QWidget) -> None:
    """Help > About: the name, the version and where the records stay."""
    text = ABOUT_TEXT.format(app=APP_NAME, version=__version__)
    messages.show_about(parent, f"About {APP_NAME}", text)
