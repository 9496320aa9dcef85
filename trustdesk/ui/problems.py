"""Showing what a service refused, the same way in every form and dialog: the problem on
a line under its field (or under the form when no field is named), the cursor on the field."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from trustdesk.errors import UserError, ValidationError


def error_label(parent: QWidget, name: str) -> QLabel:
    """A line for a field's problem, named ``name`` for a screen reader, hidden until needed."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    # As wide as the field, rather than squeezed to a narrow column when it wraps.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setAccessibleName(name)
    label.hide()
    return label


def show_problem(
    exc: UserError,
    problem: QLabel,
    fields: Mapping[str, QWidget],
    errors: Mapping[str, QLabel],
) -> QWidget | None:
    """Show what a service refused: a ValidationError's problem in its field's error line if
    there is one, else the whole message in ``problem``; the cursor goes to the field.
    Returns the field with the problem, if the form has it."""
    field = exc.field if isinstance(exc, ValidationError) else ""
    label, widget = errors.get(field), fields.get(field)
    if label is not None:
        label.setText(exc.problem if isinstance(exc, ValidationError) else str(exc))
        label.show()
    else:
        problem.setText(str(exc))
        problem.show()
    if widget is not None:
        widget.setFocus()
    return widget


def hide_problems(problem: QLabel, errors: Mapping[str, QLabel]) -> None:
    problem.hide()
    for label in errors.values():
        label.hide()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field with a problem (the stylesheet's ``[invalid="true"]`` rule)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
