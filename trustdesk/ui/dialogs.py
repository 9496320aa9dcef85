"""Small dialogs whose OK saves through a service, and the way every form shows what a
service refused.

A service refuses a wrong value with a ValidationError naming the field by the record's name
for it ("due_date"), the name the dialog binds its field to (trustdesk/ui/binding.py); the
message reads the field's label ("Due date: …"). The form shows the problem beside what was typed — under the field when the
form has an error line there, else in one line under the form — and puts the cursor in that
field. A dialog stays open until the value is put right or the dialog is cancelled, so
nothing typed is lost and nothing half-checked is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import to_qdate

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

Save = Callable[[dict[str, Any]], Any]  # a dialog's values to a service; raises UserError
Field = TypeVar("Field", bound=QWidget)
StandardButton = QDialogButtonBox.StandardButton


def operation(workspace: Workspace, op: Callable[..., Any], *args: Any, **known: Any) -> Save:
    """What a dialog's OK does: the operation (trustdesk/ops, one transaction) with the
    values the dialog holds, ``op(workspace, *args, values, **known)``; returns what it
    returned (what changed)."""

    def save(values: dict[str, Any]) -> Any:
        return op(workspace, *args, values, **known)

    return save


def service_call(workspace: Workspace, work: Callable[..., Any], *args: Any, **known: Any) -> Save:
    """What a dialog's OK does when no operation is written for it yet: the service
    ``work(<session>, *args, **known, **values)`` as one transaction (:func:`ops.call`)."""

    def save(values: dict[str, Any]) -> Any:
        return ops.call(workspace, work, *args, **known, **values)

    return save


def date_edit(day: dt.date) -> QDateEdit:
    """A date field showing ``day`` as 23/11/2026, with a calendar to pick from."""
    edit = QDateEdit(to_qdate(day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ServiceDialog(QDialog):
    """A small form whose OK hands ``values()`` to ``save`` (an operation, see
    :func:`operation`) and keeps what it returned in ``saved``. A problem is shown in the
    dialog (see the module's docstring) and the dialog stays open. Window-modal: open it with
    ``open()`` and act on ``accepted``; it is deleted once closed.

    Built from a Designer form (``form``, which has a ``formProblem`` label and a
    ``buttonBox``), or in code with :meth:`add_row` for each field, which puts an error line
    under the field unless the class says ``errors_under_fields = False``.
    """

    errors_under_fields = True

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        title: str = "",
        form: Any = None,
        ok: StandardButton = StandardButton.Ok,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._save = save
        self.saved: Any = None  # what ``save`` returned, once OK succeeded
        self.bindings = Bindings()  # the fields by the names the service uses
        self.ui = form
        self.rows: QFormLayout | None = None  # where add_row puts the fields
        if form is not None:
            form.setupUi(self)
            self.problem: QLabel = form.formProblem
            self.buttons: QDialogButtonBox = form.buttonBox
        else:
            self.rows = QFormLayout()
            self.problem = QLabel(self)
            self.problem.setObjectName("formProblem")
            self.problem.setWordWrap(True)
            self.buttons = QDialogButtonBox(ok | StandardButton.Cancel, self)
            layout = QVBoxLayout(self)
            layout.addLayout(self.rows)
            layout.addWidget(self.problem)
            layout.addWidget(self.buttons)
            self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        if title:
            self.setWindowTitle(title)
        self.problem.hide()
        self.ok_button = self.buttons.button(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def fields(self) -> Bindings:
        """The dialog's fields by the service's names for them (``"first_date"``)."""
        return self.bindings

    @property
    def errors(self) -> dict[str, QLabel]:
        """The error line under a field, by the field's name."""
        return self.bindings.errors

    def add_row(self, label: str, field: str, widget: Field, accessible: str) -> Field:
        """A row of the form: ``label`` (its & key moves to the widget), the widget named
        ``accessible`` for a screen reader and known as ``field`` (the service's name for
        it, e.g. ``"first_date"``), and a hidden error line under it."""
        assert self.rows is not None, "a Designer form lays out its own rows"
        widget.setAccessibleName(accessible)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.rows.addRow(caption, widget)
        self.bindings.bind(field, widget)
        if self.errors_under_fields:
            self.rows.addRow("", self.bindings.error_line(field, self))
        return widget

    def values(self) -> dict[str, Any]:
        """What the dialog holds, by the service's keyword arguments."""
        raise NotImplementedError

    def accept(self) -> None:
        self.bindings.hide_problems(self.problem)
        try:
            self.saved = self._save(self.values())
        except UserError as exc:
            self.bindings.show_problem(exc, self.problem)
            if self.problem.isVisibleTo(self):
                self.adjustSize()  # room for a long message without squeezing the fields
            return
        super().accept()
