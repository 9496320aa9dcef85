"""Showing what a service refused, the same way in every form and dialog: the problem on
a line under its field (or under the form when no field is named), the cursor on the field.

A screen reader must hear it too, and the line under the field is not where its focus is. So
the problem is announced as it appears (trustdesk/ui/announce.py), and the field carries it
while it lasts: marked ``invalid`` (the stylesheet's red outline) and with "Invalid entry:
<problem>" as its accessible description, which a screen reader reads with the field's name
when the focus comes back to it. Qt has no invalid-entry state a program can set on a widget
(``QAccessible.State.invalid`` means an object that no longer exists, and the widgets work
their states out themselves), hence the words. The field's own description comes back when
the problems are hidden.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

from trustdesk.errors import UserError, ValidationError
from trustdesk.ui import announce

INVALID = "Invalid entry: "
OWN_DESCRIPTION = "descriptionBeforeProblem"  # a field's description while it shows a problem


def error_label(parent: QWidget, about: str) -> QLabel:
    """A line for a field's problem, hidden until needed. ``about`` ("Problem with Name") is
    its accessible description: a name would replace the words it shows ("is required.")."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    # As wide as the field, rather than squeezed to a narrow column when it wraps.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setAccessibleDescription(about)
    label.hide()
    return label


def show_problem(
    exc: UserError,
    problem: QLabel,
    fields: Mapping[str, QWidget],
    errors: Mapping[str, QLabel],
) -> QWidget | None:
    """Show what a service refused: a ValidationError's problem in the error line of the
    field it names (``fields`` and ``errors`` by the record's names for the fields, as
    trustdesk/ui/binding.py binds them) if there is one, else the whole message, which
    names the field in words, in ``problem``; the field is marked invalid, the
    cursor goes to it and the problem is announced. Returns the field with the problem, if
    the form has it."""
    field = exc.field if isinstance(exc, ValidationError) else ""
    label, widget = errors.get(field), fields.get(field)
    if label is not None:
        label.setText(exc.problem if isinstance(exc, ValidationError) else str(exc))
        shown = label
    else:
        problem.setText(str(exc))
        shown = problem
    shown.show()
    if widget is not None:
        mark_invalid(widget, True, shown.text())
        widget.setFocus()
    announce.announce(shown, str(exc), assertive=True)
    return widget


def hide_problems(
    problem: QLabel | None, errors: Mapping[str, QLabel], fields: Iterable[QWidget] = ()
) -> None:
    """Hide the problems shown, and give ``fields`` back their own descriptions."""
    if problem is not None:
        problem.hide()
    for label in errors.values():
        label.hide()
    for widget in fields:
        mark_invalid(widget, False)


def mark_invalid(widget: QWidget, invalid: bool, problem: str = "") -> None:
    """Mark a field with a problem, or take the mark away: the outline (the stylesheet's
    ``[invalid="true"]`` rule) and, for a screen reader, "Invalid entry: ``problem``" as its
    accessible description, in place of its own until the mark goes."""
    if invalid:
        if widget.property(OWN_DESCRIPTION) is None:
            widget.setProperty(OWN_DESCRIPTION, widget.accessibleDescription())
        widget.setAccessibleDescription(f"{INVALID}{problem}" if problem else INVALID.strip(": "))
    elif widget.property(OWN_DESCRIPTION) is not None:
        widget.setAccessibleDescription(widget.property(OWN_DESCRIPTION))
        widget.setProperty(OWN_DESCRIPTION, None)
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def place_under(container: QWidget, field: QWidget, line: QLabel) -> bool:
    """Put ``line`` on the row under ``field`` (or under the widget that holds it) in
    whichever form layout of ``container`` has it; False if none does."""
    for form in container.findChildren(QFormLayout):
        row, _role = form.getWidgetPosition(field)
        if row < 0 and field.parentWidget() is not None:
            row, _role = form.getWidgetPosition(field.parentWidget())
        if row >= 0:
            form.insertRow(row + 1, "", line)
            return True
    return False
