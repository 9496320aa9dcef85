"""A page that lists one kind of record and edits the selected one beside the list.

Most pages (partners, contact log, voice, case studies, spending, young people) are this
shape; a subclass says which columns to list, which form to edit with, and which reads
(``ops.query``) and operations (``trustdesk.ops``) load and save a record; the page never
holds a database session. This class does the rest the same way everywhere:

- a problem with a value is shown under its field (the service's ValidationError names the
  field as the page's bindings do, trustdesk/ui/binding.py), and the cursor goes to it;
- leaving a changed record (another row, another page, closing) asks Save / Discard / Cancel;
- deleting asks first and says what goes with the record; the main window offers Undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from trustdesk import ops
from trustdesk.errors import UserError, ValidationError
from trustdesk.ops.records import delete_record, preview_delete
from trustdesk.privacy.on_record import identity_matcher
from trustdesk.services import Record
from trustdesk.ui import messages, preferences
from trustdesk.ui.binding import Bindings
from trustdesk.ui.identity_watch import IdentityWatch
from trustdesk.ui.pages.page import Page
from trustdesk.ui.record_table import Column, RecordList

if TYPE_CHECKING:
    from trustdesk.ops import Changed
    from trustdesk.privacy.identities import IdentityMatcher
    from trustdesk.store.workspace import Workspace

EDITABLE = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QCheckBox)


class RecordPage(Page):
    # Set by subclasses.
    kind = ""  # the record kind, e.g. "partner"
    what = ""  # "partner" (a record of this kind, in words)
    plural = ""  # "partners"
    record_model: type[Record] | None = None  # what a delete removes
    columns: Sequence[Column] = ()
    list_share = (3, 2)  # the list's share of the page's width, and the form's
    # The fields (names in bind_fields) whose words travel in the return: a young person
    # named in one is pointed out as it is typed (trustdesk/ui/identity_watch.py).
    travelling_fields: Sequence[str] = ()
    # Fields shared but not in the return (a meeting's notes): pointed out, blocking nothing.
    shared_fields: Sequence[str] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind and "record_kinds" not in cls.__dict__:
            cls.record_kinds = (cls.kind,)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(workspace, parent, **kwargs)
        self.record_id: int | None = None  # the record in the form; None for a new one
        self._dirty = False
        self._loading = False
        self._moving = False

        # The containers first, and each widget made inside its final parent: moving a built
        # widget to another parent restyles every widget in it, much of what a page cost to build.
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        right = QWidget(splitter)
        self.list = RecordList(self.columns, self.plural, left)
        self.list.current_changed.connect(self._row_changed)
        self.new_button = QPushButton(f"&New {self.what}", left)
        self.new_button.setAccessibleName(f"New {self.what}")
        self.new_button.setToolTip(
            f"Start a new {self.what} ({QKeySequence(QKeySequence.StandardKey.New).toString()})"
        )
        self.new_button.clicked.connect(self.new_record)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.heading = QLabel(right)
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.editor = self.build_form()
        self.fields = self.bind_fields()
        self.problem = QLabel(right)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.save_button = QPushButton("&Save", right)
        self.save_button.setAccessibleName(f"Save the {self.what}")
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("&Revert", right)
        self.revert_button.setAccessibleName("Undo the changes not yet saved")
        self.revert_button.clicked.connect(self.discard)
        self.delete_button = QPushButton("&Delete\u2026", right)
        self.delete_button.setAccessibleName(f"Delete the {self.what}")
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_current)
        # A page may add its own buttons after Revert (add_button).
        self.button_row = buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        scroller = QScrollArea(right)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a stop of its own for Tab (a screen reader would say an unnamed pane): Tab goes
        # to the fields in it, and the form scrolls to show the one with the cursor.
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setWidget(self.editor)
        # The splitter shares the width by the form as built so far (boxes a page adds below
        # it scroll, and do not widen it): asked now, as when the splitter took it whole.
        scroller.sizeHint()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(scroller, 1)
        right_layout.addWidget(self.problem)
        right_layout.addLayout(buttons)

        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The list first: its columns identify the rows, and a form scrolls. Sizes given
        # before the page is laid out are kept as proportions of the width it gets.
        splitter.setSizes([share * 100 for share in self.list_share])
        remembered = preferences.splitter_state(self.kind)
        if remembered is not None:
            splitter.restoreState(remembered)
        splitter.splitterMoved.connect(
            lambda *_: preferences.set_splitter_state(self.kind, splitter.saveState())
        )
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.fields.place_error_lines(self.editor)  # an error line under every field
        self._matcher: IdentityMatcher | None = None
        self.identity_watch = self._watch_identities()
        for widget in self.editor.findChildren(QWidget):
            self._watch(widget)
        self._load(None)

    # ----- what a subclass provides -------------------------------------------------------

    def build_form(self) -> QWidget:
        raise NotImplementedError

    def load_rows(self) -> list[Any]:
        """The list's rows, read through ``ops.query``."""
        raise NotImplementedError

    def load_record(self, record_id: int) -> Any:
        """One record to show in the form (plain values, or records read through
        ``ops.query``)."""
        raise NotImplementedError

    def fill_form(self, record: Any | None) -> None:
        """Show a record in the form, or an empty form for a new one."""
        raise NotImplementedError

    def save_record(self, record_id: int | None) -> Changed:
        """Read the form into plain values and create or update the record through an
        operation (one transaction); returns what changed, with the record's id."""
        raise NotImplementedError

    def reload_choices(self) -> None:
        """Fill the form's lists that come from other records (e.g. the activities), when
        the page is refreshed. Changing them here does not count as an unsaved change."""

    def bind_fields(self) -> Bindings:
        """The form's fields by the record's names for them, the names a service's
        ValidationError gives (trustdesk/ui/binding.py); called once, after build_form."""
        return Bindings()

    def describe(self, row: Any) -> str:
        return f"{self.what} {getattr(row, 'title', None) or getattr(row, 'name', '')!r}".strip()

    # ----- the page protocol --------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self._matcher = None  # young people may have changed elsewhere
        loading, self._loading = self._loading, True
        try:
            self.reload_choices()
        finally:
            self._loading = loading
        rows = self.load_rows()
        keep = self.record_id
        self._moving = True
        try:
            self.list.set_rows(rows, keep=keep)
        finally:
            self._moving = False
        if keep is None and not self._dirty:
            self.list.table.clearSelection()

    def unsaved(self) -> str | None:
        if not self._dirty:
            return None
        return f"the new {self.what}" if self.record_id is None else f"the {self.what}"

    def save(self) -> bool:
        self._clear_errors()
        try:
            changed = self.save_record(self.record_id)
        except ValidationError as exc:
            self._show_error(exc)
            return False
        except UserError as exc:
            messages.show_error(self, f"The {self.what} was not saved", str(exc))
            return False
        saved = changed.record_id
        self.record_id = saved
        self._set_dirty(False)
        self.refresh()
        self._load(saved)
        self.status.emit(f"Saved the {self.what}.")
        self.tell_changed(changed)
        return True

    def discard(self) -> None:
        self._clear_errors()
        self._load(self.record_id)

    @property
    def can_create(self) -> bool:
        return not self.read_only

    @property
    def can_delete(self) -> bool:
        return self.record_model is not None and not self.read_only

    def set_read_only(self, read_only: bool) -> None:
        """Opened read-only: the form shows the record but cannot be typed in, and New,
        Save, Revert, Delete and the form's own buttons (add a contact…) are disabled."""
        super().set_read_only(read_only)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        if not self.read_only:
            return
        because = f"Read-only: {self.workspace.read_only_because or 'opened read-only'}"
        for widget in self.editor.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                widget.setReadOnly(True)
            elif isinstance(widget, QComboBox | QAbstractButton):
                widget.setEnabled(False)
        for button in (self.new_button, self.save_button, self.revert_button, self.delete_button):
            button.setEnabled(False)
            button.setToolTip(because)

    def add_button(self, text: str, name: str, tip: str) -> QPushButton:
        """A button of the page's own in the row under the form, after Revert."""
        button = QPushButton(text, self.save_button.parentWidget())
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        stretch = next(  # the stretch before Delete: the page's buttons go just before it
            i for i in range(self.button_row.count()) if self.button_row.itemAt(i).spacerItem()
        )
        self.button_row.insertWidget(stretch, button)
        return button

    def new_record(self) -> None:
        if self.read_only or not self._may_leave():
            return
        self._moving = True
        self.list.table.clearSelection()
        self.list.table.setCurrentIndex(self.list.proxy.index(-1, -1))
        self._moving = False
        self._load(None)
        self._focus_first_field()

    def delete_current(self) -> None:
        if self.record_id is None or self.record_model is None:
            return
        row = self.list.current()
        what = self.describe(row) if row is not None else f"this {self.what}"
        preview = preview_delete(self.workspace, self.record_model, self.record_id, what)
        if not messages.confirm(self, f"Delete {self.what}", preview.question, "Delete"):
            return
        deleted = delete_record(self.workspace, self.record_model, self.record_id, what)
        self.record_id = None
        self._set_dirty(False)
        self.refresh()
        self._load(None)
        self.deleted.emit(deleted.record)
        self.tell_changed(deleted)
        self.status.emit(f"Deleted {what}. Undo with Ctrl+Z.")

    def focus_find(self) -> None:
        self.list.filter.setFocus()
        self.list.filter.selectAll()

    def show_record(self, kind: str, record_id: int) -> None:
        if self.stale:
            self.refresh()
        if not self.list.select_id(record_id):
            return
        if self.identity_watch is None or self.identity_watch.show_first() is None:
            self.list.table.setFocus()  # else the cursor is on the words that stop the return

    def travelling_activity(self) -> int | None:
        """The activity the record's travelling texts belong to, if any."""
        return None

    def _watch_identities(self) -> IdentityWatch | None:
        watched = [*self.travelling_fields, *self.shared_fields]
        if not watched or self.workspace.unit.level != "locality":
            return None
        label = self.fields.label  # the watch names its fields in words
        return IdentityWatch(
            self.editor,
            {label(name): self.fields[name] for name in watched},  # type: ignore[misc]  # a dict comprehension of widgets whose common base mypy cannot infer
            self._identity_matcher,
            self.travelling_activity,
            [label(name) for name in self.travelling_fields],
        )

    def _identity_matcher(self) -> IdentityMatcher:
        if self._matcher is None:  # built when first needed, once per reading of the page
            self._matcher = ops.query(self.workspace, identity_matcher)
        return self._matcher

    # ----- inside ---------------------------------------------------------------------------

    def _row_changed(self, row: Any) -> None:
        if self._moving:
            return
        new_id = None if row is None else row.id
        if new_id == self.record_id:
            return
        if not self._may_leave():
            # Stay on the changed record: put the selection back once this signal is done.
            QTimer.singleShot(0, self._reselect)
            return
        self._load(new_id)

    def _reselect(self) -> None:
        self._moving = True
        try:
            if self.record_id is None:
                self.list.table.clearSelection()
            else:
                self.list.select_id(self.record_id)
        finally:
            self._moving = False

    def _may_leave(self) -> bool:
        """Ask about unsaved changes before the form shows something else."""
        if not self._dirty:
            return True
        answer = messages.ask_unsaved(self, self.unsaved() or f"the {self.what}")
        if answer == messages.SAVE:
            return self.save()
        if answer == messages.DISCARD:
            self._set_dirty(False)
            return True
        return False

    def _load(self, record_id: int | None) -> None:
        record = None
        if record_id is not None:
            record = self.load_record(record_id)
        self.record_id = record_id if record is not None else None
        self._loading = True
        try:
            self.fill_form(record)
        finally:
            self._loading = False
        if self.identity_watch is not None:
            self.identity_watch.check_now()
        self._clear_errors()
        self._set_dirty(False)
        self._show_heading()
        self._apply_read_only()  # after fill_form, which may enable the form's own buttons

    def _show_heading(self) -> None:
        row = self.list.current()
        if self.record_id is None:
            self.heading.setText(f"New {self.what}")
        else:
            text = self.describe(row) if row else self.what
            self.heading.setText(text[:1].upper() + text[1:])
        self.delete_button.setEnabled(self.record_id is not None and self.can_delete)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        # A new record can be saved as it stands (its defaults may be all it needs).
        self.save_button.setEnabled(not self.read_only and (dirty or self.record_id is None))
        self.revert_button.setEnabled(not self.read_only and dirty)

    def _changed(self, *_: Any) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._changed)
        elif isinstance(widget, QDateEdit | QTimeEdit):
            widget.dateTimeChanged.connect(self._changed)
        elif isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
            widget.valueChanged.connect(self._changed)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(self._changed)

    def _focus_first_field(self) -> None:
        for widget in self.editor.findChildren(QWidget):
            if (
                isinstance(widget, EDITABLE)
                and widget.isEnabled()
                and widget.isVisibleTo(self.editor)
            ):
                widget.setFocus()
                return

    def _show_error(self, exc: ValidationError) -> None:
        self.fields.show_problem(exc, self.problem)
        self.status.emit(f"Not saved: {exc}")

    def _clear_errors(self) -> None:
        self.fields.hide_problems(self.problem)
