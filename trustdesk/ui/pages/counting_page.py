"""A page whose figures are counted off the UI thread (the Dashboard, Returns): one count at a
time, the newest asked for wins, the old figures stay on screen until the new ones arrive,
and ``figures_shown`` says when they are there (for tests, screenshots and the self-test)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from trustdesk.ui.background import BackgroundReader, report_error
from trustdesk.ui.pages.page import Page

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


class CountingPage(Page):
    figures_shown = Signal()  # new figures are on the screen
    failure_title = "The figures cannot be shown"

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.reader = BackgroundReader(workspace, self)
        self.reader.ready.connect(self._counted)
        self.reader.failed.connect(self.count_failed)
        self.reader.busy.connect(self.show_counting)

    def count(self, read: Callable[..., Any], **values: Any) -> None:
        """Count in the background with the read ``read`` of a service (given ``values``,
        through :func:`trustdesk.ops.query`); ``show_counted`` shows the result."""
        self.stale = False
        self.reader.read(functools.partial(read, **values) if values else read)

    def busy(self) -> bool:
        return self.reader.is_busy()

    def show_counting(self, busy: bool) -> None:
        """Say on the page that figures are being counted (or no longer are)."""

    def show_counted(self, result: Any) -> None:
        """Put the figures ``read`` returned on the page."""
        raise NotImplementedError

    def count_failed(self, error: BaseException) -> None:
        report_error(self, self.failure_title, error)

    def _counted(self, result: Any) -> None:
        self.show_counted(result)
        self.figures_shown.emit()
