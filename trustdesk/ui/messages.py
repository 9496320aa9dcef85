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


def choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: list[str],
    default: int = 0,
) -> int:
    """Ask a question with named buttons; returns the index of the one chosen. Escape or
    closing the box chooses the last button, which callers make the safe one (Cancel)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else len(buttons) - 1


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Yes-or-cancel for something that changes records, e.g. a delete."""
    return choose(parent, QMessageBox.Icon.Question, title, text, [action, "Cancel"], 1) == 0


SAVE, DISCARD, CANCEL = 0, 1, 2


def ask_unsaved(parent: QWidget | None, what: str) -> int:
    """Unsaved changes: SAVE, DISCARD or CANCEL (stay where you are)."""
    return choose(
        parent,
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        f"You have changed {what} but not saved it.\n\nSave the changes before you go on?",
        ["Save", "Discard changes", "Cancel"],
        0,
    )
