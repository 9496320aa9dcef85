"""TrustDesk for tests/ui/test_atspi.py: the real desktop, which also writes down, for each
page it shows, the text of every label a sighted user sees there (a second after the page
is shown, and once its figures are in however slow the machine), so that the AT-SPI walker can check each one reaches a
screen reader.

Usage: python atspi_app.py WORKSPACE SEEN.json [--hide-one-label]
``--hide-one-label`` gives the unit's name in the sidebar an accessible name of its own, the
mistake the walk must catch.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from trustdesk.ui import main_window
from trustdesk.ui.app import run_desktop


def plain(label: QLabel) -> str:
    """What a sighted user reads: no markup, no mnemonic "&" (a "&&" is one "&")."""
    text = label.text()
    if Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"&(&?)", lambda m: m[1], text)
    return " ".join(text.split())


def main() -> int:
    workspace, seen_file = Path(sys.argv[1]), Path(sys.argv[2])
    hide_one = "--hide-one-label" in sys.argv
    show_page = main_window.MainWindow.show_page

    def showing(self, key: str):  # noqa: ANN001, ANN202
        page = show_page(self, key)
        if hide_one:
            self.ui.unitLabel.setAccessibleName("Unit")

        def write_down() -> None:
            if getattr(page, "busy", lambda: False)():  # its figures are still being counted
                QTimer.singleShot(200, write_down)
                return
            labels = [plain(w) for w in self.findChildren(QLabel) if w.isVisible() and plain(w)]
            seen = json.loads(seen_file.read_text()) if seen_file.exists() else {}
            seen[key] = labels
            seen_file.write_text(json.dumps(seen))

        QTimer.singleShot(1000, write_down)
        return page

    main_window.MainWindow.show_page = showing
    return run_desktop(workspace)


if __name__ == "__main__":
    sys.exit(main())
