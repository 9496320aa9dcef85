"""The window's icons: one for each page of the sidebar and for the main commands.

They are drawn from Font Awesome 6 (solid), the icon font bundled with ``qtawesome`` (MIT
licence; the font is under the SIL Open Font Licence), so they are sharp at any scaling and
need no image files of our own. Only that one font is loaded (about 6 ms), not the dozen
qtawesome loads for ``qtawesome.icon``. Importing qtawesome (through qtpy) takes about
0.2 s, so this module imports it when the first icon is asked for, and the window asks for
its icons after the first page is drawn.

An icon is a nicety: if qtawesome or its font cannot be loaded, every icon is the empty
icon and TrustDesk carries on without them.
"""

from __future__ import annotations

import importlib
import logging
import os
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from trustdesk.errors import UserError
from trustdesk.resources import resource_path

log = logging.getLogger(__name__)

FONT = (
    "fa6s",
    "fontawesome6-solid-webfont-6.7.2.ttf",
    "fontawesome6-solid-webfont-charmap-6.7.2.json",
)

#: Each sidebar page (trustdesk.ui.navigation's destination keys) and its icon.
PAGES = {
    "dashboard": "gauge-high",
    "board_dashboard": "gauge-high",
    "activities": "calendar-days",
    "registers": "clipboard-check",
    "people": "user-group",
    "partners": "handshake",
    "contacts": "address-book",
    "meetings": "list-check",
    "voice": "comments",
    "case_studies": "file-lines",
    "spending": "sterling-sign",
    "returns_in": "inbox",
    "returns": "file-export",
    "settings": "gear",
}

#: The main commands and their icons.
COMMANDS = {
    "new": "plus",
    "save": "floppy-disk",
    "delete": "trash-can",
    "find": "magnifying-glass",
    "refresh": "arrow-rotate-right",
    "undo": "arrow-rotate-left",
    "export": "file-export",
    "import": "file-import",
    "back_up": "box-archive",
    "restore": "clock-rotate-left",
    "audit": "list-ul",
    "retention": "user-shield",
    "open": "folder-open",
    "help": "circle-question",
    "guide": "book-open",
    "shortcuts": "keyboard",
    "about": "circle-info",
    "quit": "right-from-bracket",
}

INK = "#334e68"  # the commands, on the light window and menus
SIDEBAR_INK = "#ffffff"  # a page in the dark sidebar
SIDEBAR_CHOSEN = "#16425b"  # the chosen page, on its light background (style.qss)
DISABLED = "#9aa5b1"

_font: Any = None  # the loaded qtawesome IconicFont, or False once loading failed


def _iconic() -> Any:
    global _font
    if _font is None:
        try:
            os.environ.setdefault("QT_API", "pyside6")
            # Optional, and a fifth of a second to load: by name, after the window is drawn,
            # so that a missing or broken qtawesome costs only the icons.
            qtawesome = importlib.import_module("qtawesome")
            _font = qtawesome.IconicFont(FONT)
        except Exception as exc:  # an icon is never worth stopping for
            log.warning("no icons: qtawesome could not be loaded (%s)", exc)
            _font = False
    return _font


def _draw(glyph: str, **options: str) -> QIcon:
    font = _iconic()
    if not font:
        return QIcon()
    try:
        return font.icon(f"fa6s.{glyph}", color_disabled=DISABLED, **options)
    except Exception as exc:
        log.warning("no icon %r: %s", glyph, exc)
        return QIcon()


def command_icon(name: str) -> QIcon:
    """The icon of a command ("new", "save", "delete", "find", …); empty if unknown."""
    glyph = COMMANDS.get(name)
    return _draw(glyph, color=INK) if glyph else QIcon()


def page_icon(key: str) -> QIcon:
    """The icon of a sidebar page, white on the sidebar and dark when chosen."""
    glyph = PAGES.get(key)
    if not glyph:
        return QIcon()
    return _draw(glyph, color=SIDEBAR_INK, color_active=SIDEBAR_INK, color_selected=SIDEBAR_CHOSEN)


def available() -> bool:
    """Whether icons can be drawn here (qtawesome and its font loaded)."""
    return bool(_iconic())


def app_icon() -> QIcon:
    """TrustDesk's icon, or no icon if the installation has lost it (not worth stopping for)."""
    try:
        return QIcon(str(resource_path("icons/trustdesk.svg")))
    except UserError as exc:
        log.warning("%s", exc)
        return QIcon()


def decorate(ui: Any) -> None:
    """Each sidebar page's icon and the main commands' on a main window's form (none if
    they cannot be drawn)."""
    sidebar = ui.sidebar
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        item.setIcon(page_icon(item.data(Qt.ItemDataRole.UserRole)))
    for action, name in (
        (ui.actionNew, "new"), (ui.actionSave, "save"), (ui.actionDelete, "delete"),
        (ui.actionFind, "find"), (ui.actionRefresh, "refresh"), (ui.actionUndoDelete, "undo"),
        (ui.actionBackUpTo, "back_up"), (ui.actionRestore, "restore"),
        (ui.actionImportSpreadsheet, "import"),
        (ui.actionAuditTrail, "audit"), (ui.actionRetentionReview, "retention"),
        (ui.actionGuide, "guide"), (ui.actionShortcuts, "shortcuts"),
        (ui.actionAbout, "about"), (ui.actionQuit, "quit"),
    ):  # fmt: skip
        action.setIcon(command_icon(name))
