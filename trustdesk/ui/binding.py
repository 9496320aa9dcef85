"""A form's fields bound once to the record's names for them (``"first_name"``), the names
the services use: a ValidationError names its field the same way, so a problem lands under
the right field whatever the field is called on screen (trustdesk/field_labels.py), and the
simple fields are filled from a record (:meth:`Bindings.fill`) and read back into plain values
(:meth:`Bindings.read`) here.

Simple fields: QLineEdit and QPlainTextEdit (text), QComboBox (the chosen entry's data),
QDateEdit (a date; None while an empty date field shows "(not entered)"), QSpinBox and
QDoubleSpinBox (a number; None at the minimum of one whose minimum reads as "not given")
and QCheckBox (ticked or not). A page fills and reads anything else itself (lists of tick
boxes, tables, a date switched on by a tick box…) and names it in ``custom``: it is still
bound, so its problems are shown under it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from trustdesk import field_labels
from trustdesk.errors import UserError
from trustdesk.ui.fields import choose_value, optional_date, set_optional_date, to_qdate
from trustdesk.ui.problems import error_label, hide_problems, place_under, show_problem

SIMPLE = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox, QCheckBox)


class Bindings(Mapping[str, QWidget]):
    """The form's fields by the record's names for them; a mapping of name to widget.

    ``defaults`` (a value, or a function giving one, e.g. today) are what :meth:`fill` shows
    for a new record, else an empty field; ``custom`` names fields the page fills and reads
    itself; ``labels`` gives a field other words than the table's, for this form only.
    """

    def __init__(
        self,
        widgets: Mapping[str, QWidget] | None = None,
        *,
        custom: Collection[str] = (),
        defaults: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.widgets: dict[str, QWidget] = dict(widgets or {})
        self.errors: dict[str, QLabel] = {}  # the error line under a field, by its name
        self.custom = set(custom)
        self.defaults = dict(defaults or {})
        self.labels = dict(labels or {})

    # ----- the mapping ----------------------------------------------------------------------

    def __getitem__(self, field: str) -> QWidget:
        return self.widgets[field]

    def __iter__(self) -> Iterator[str]:
        return iter(self.widgets)

    def __len__(self) -> int:
        return len(self.widgets)

    def bind(self, field: str, widget: QWidget, *, custom: bool = False) -> QWidget:
        self.widgets[field] = widget
        if custom:
            self.custom.add(field)
        return widget

    def label(self, field: str) -> str:
        """What the field is called on screen ("First name")."""
        return self.labels.get(field) or field_labels.label(field)

    # ----- problems -------------------------------------------------------------------------

    def error_line(self, field: str, parent: QWidget) -> QLabel:
        """A hidden line for the field's problems (the caller lays it out)."""
        line = error_label(parent, f"Problem with {self.label(field)}")
        self.errors[field] = line
        return line

    def place_error_lines(self, container: QWidget) -> None:
        """An error line under every field, in the form layout of ``container`` holding it."""
        for field, widget in self.widgets.items():
            place_under(container, widget, self.error_line(field, container))

    def show_problem(self, exc: UserError, problem: QLabel) -> QWidget | None:
        """Show what a service refused under the field it names (else in ``problem``), the
        cursor on the field; see :func:`trustdesk.ui.problems.show_problem`."""
        return show_problem(exc, problem, self.widgets, self.errors)

    def hide_problems(self, problem: QLabel | None = None) -> None:
        """Hide the problems shown (and ``problem``, the form's line for the others)."""
        hide_problems(problem, self.errors, self.widgets.values())

    # ----- values ---------------------------------------------------------------------------

    def simple(self) -> list[str]:
        """The fields filled and read here."""
        return [
            field
            for field, widget in self.widgets.items()
            if field not in self.custom and isinstance(widget, SIMPLE)
        ]

    def fill(self, record: Any | None) -> None:
        """Show the simple fields of ``record`` (an object with the attributes, or a mapping),
        or of a new record (``defaults``) when it is None."""
        for field in self.simple():
            if record is None:
                value = self.defaults.get(field)
                value = value() if callable(value) else value
            elif isinstance(record, Mapping):
                value = record.get(field)
            else:
                value = getattr(record, field)
            set_value(self.widgets[field], value)

    def read(self) -> dict[str, Any]:
        """The simple fields' values, by field (plain values for a service)."""
        return {field: value_of(self.widgets[field]) for field in self.simple()}


def set_value(widget: QWidget, value: Any) -> None:
    """Show ``value`` in a simple field; None empties it."""
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        choose_value(widget, value)
    elif isinstance(widget, QDateEdit):
        if value is None:
            set_optional_date(widget, None)
        else:
            widget.setDate(to_qdate(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.minimum() if value is None else int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(widget.minimum() if value is None else float(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"not a simple field: {type(widget).__name__}")


def value_of(widget: QWidget) -> Any:
    """The plain value a simple field holds."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        return optional_date(widget)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        empty = widget.specialValueText() and widget.value() == widget.minimum()
        return None if empty else widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"not a simple field: {type(widget).__name__}")
