"""The Registers page's "Sign-in sheet…" button: the chosen session's sheet, or a term's
(the session and its activity's next ones over 12 weeks), saved as a PDF to print."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QBoxLayout, QMenu, QPushButton, QWidget

from trustdesk.ops import paper
from trustdesk.services.attendance import RegisterSession
from trustdesk.ui.background import Task
from trustdesk.ui.pages.page import Page
from trustdesk.ui.save_file import save_file, say_saved


class SignInPrinting:
    def __init__(self, page: Page, layout: QBoxLayout, after: QWidget) -> None:
        self.page = page
        self.task: Task | None = None
        self.chosen: RegisterSession | None = None
        self.button = QPushButton("Sign-&in sheet\u2026", page)
        self.button.setAccessibleName("Save a sign-in sheet to print")
        self.button.setToolTip(
            "A sheet to take to the session: its regulars with a box to tick, and blank lines"
        )
        self.button.setAutoDefault(False)
        menu = QMenu(self.button)
        menu.addAction("This session's sheet\u2026", lambda: self.print_sheets(False))
        menu.addAction(
            "Sheets for this and the next 12 weeks' sessions\u2026",
            lambda: self.print_sheets(True),
        )
        self.button.setMenu(menu)
        layout.insertWidget(layout.indexOf(after) + 1, self.button)

    def enable(self, chosen: RegisterSession | None) -> None:
        """Offered while a session is chosen and no sheet is being written."""
        self.chosen = chosen
        self.button.setEnabled(chosen is not None and self.task is None)

    def print_sheets(self, term: bool) -> None:
        """Ask where, then save the sheet (or a term's sheets) as a PDF."""
        current, page = self.chosen, self.page
        if current is None or self.task is not None:
            return
        workspace = page.workspace
        ids = paper.term_sessions(workspace, current.id) if term else [current.id]
        what = f"sign-in sheets ({len(ids)} sessions)" if term else "sign-in sheet"
        slug = re.sub(r"[^\w-]+", "-", current.activity.lower()).strip("-")
        self.task = save_file(
            page,
            title=f"Save the {what} of {current.activity}",
            name=f"sign-in-{slug}-{current.date:%Y-%m-%d}.pdf",
            write=lambda target: paper.print_sign_in(workspace, ids, target),
            saved=lambda path: say_saved(
                page,
                f"The {what}",
                path,
                "\n\nShred the printed sheets once their ticks are in the register: they "
                "name young people.",
            ),
        )
        if self.task is not None:
            self.task.ended.connect(self._ended)
            self.enable(current)

    def _ended(self) -> None:
        self.task = None
        self.enable(self.chosen)
