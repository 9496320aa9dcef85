"""Every message box TrustDesk shows goes through :func:`present`, so the tests and the
self-test can run unattended by putting something that records the message in its place."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def present(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str | None = None,
) -> None:
    """Show one modal message box and wait until it is closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if icon == QMessageBox.Icon.NoIcon and not QApplication.windowIcon().isNull():
        box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
    if details:
        box.setDetailedText(details)
    box.exec()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A problem the user can act on (see :class:`trustdesk.errors.UserError`)."""
    present(parent, QMessageBox.Icon.Warning, title, message)


def show_bug(parent: QWidget | None, title: str, message: str, details: str) -> None:
    """Something went wrong that should not have: the details are for a bug report."""
    present(parent, QMessageBox.Icon.Critical, title, message, details)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    present(parent, QMessageBox.Icon.NoIcon, title, text)
