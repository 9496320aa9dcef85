"""Warning, as a coordinator types, that a text which travels in the return names a young
person on record.

A record page names the fields whose words leave the laptop in a return
(``RecordPage.travelling_fields``: a case study's title and narrative, what young people
said, an activity's title, a partner's name…). Under each, a line says what was found and
what to write instead, and the words are highlighted in a multi-line field. The check runs
a moment after typing stops (``DELAY_MS``), so typing never waits for it; one check of a
page of text takes well under a millisecond (the matcher is built once, when the page reads
its records). Saving stays allowed — the coordinator's own records may name people — but
the Returns page refuses to export while such a text stands, and opens the record here with
the words marked.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from trustdesk.privacy.identities import Finding, IdentityMatcher
from trustdesk.ui.problems import place_under

DELAY_MS = 300  # after the last key press
HIGHLIGHT = QColor("#ffe08a")

TextField = QLineEdit | QPlainTextEdit


def warning_text(findings: list[Finding], *, travels: bool = True) -> str:
    """What the line under a field says: each thing found, then what to do. ``travels``:
    the field goes in the return (else it is only shared, e.g. a meeting's notes)."""
    errors = [f for f in findings if f.severity == "error"]
    shown = errors or findings
    lines = [f"\u26a0 {_what(f)}: \u201c{f.words}\u201d. {f.advice}" for f in shown[:3]]
    if len(shown) > 3:
        lines.append(f"\u2026 and {len(shown) - 3} more.")
    if errors and travels:
        lines.append("You can save it, but the return cannot be exported until it is reworded.")
    elif errors:
        lines.append("It stays on this computer, but it is safer without: notes get shared.")
    else:
        lines.append("This does not stop the return; check that it is not the young person.")
    return "\n".join(lines)


def _what(finding: Finding) -> str:
    return {
        "name": "Names a young person on record",
        "reference": "Holds a young person's local reference",
        "birth_date": "Holds a young person's date of birth",
        "postcode": "Holds a full postcode",
        "email": "Holds an e-mail address",
        "phone": "Holds a phone number",
        "first_name": "May name a young person who comes to this activity",
    }.get(finding.kind, "May identify a young person")


class IdentityWatch(QObject):
    """Checks ``fields`` of one form a moment after they change, and marks what it finds.

    ``matcher`` gives the page's matcher (None while it has none, e.g. a district);
    ``activity`` the activity the text belongs to, if any, so that a first name of someone
    who comes to it can be pointed out. Only the fields named in ``travelling`` go in the
    return; the others (a meeting's notes) are pointed out without stopping anything.
    """

    def __init__(
        self,
        parent: QWidget,
        fields: Mapping[str, TextField],
        matcher: Callable[[], IdentityMatcher | None],
        activity: Callable[[], int | None] = lambda: None,
        travelling: Collection[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields = dict(fields)
        self.travelling = set(self.fields if travelling is None else travelling)
        self._matcher = matcher
        self._activity = activity
        self.labels: dict[str, QLabel] = {}
        self.findings: dict[str, list[Finding]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        for name, field in self.fields.items():
            self.labels[name] = _warning_label(parent, field, f"Privacy warning for {name}")
            field.textChanged.connect(self._timer.start)

    def check_now(self) -> None:
        """Check every field at once (after loading a record, or when typing stops)."""
        self._timer.stop()
        texts = {name: _text(field) for name, field in self.fields.items()}
        matcher = self._matcher() if any(texts.values()) else None  # built only when needed
        activity = self._activity() if matcher else None
        for name, field in self.fields.items():
            text = texts[name]
            found = matcher.find(text, activity_id=activity) if matcher and text else []
            self.findings[name] = found
            label = self.labels[name]
            travels = name in self.travelling
            label.setText(warning_text(found, travels=travels) if found else "")
            label.setVisible(bool(found))
            if isinstance(field, QPlainTextEdit):
                _highlight(field, found)

    def blocking(self) -> dict[str, list[Finding]]:
        """The fields holding something that stops the return, with what was found."""
        return {
            name: [f for f in found if f.blocks]
            for name, found in self.findings.items()
            if name in self.travelling and any(f.blocks for f in found)
        }

    def show_first(self) -> QWidget | None:
        """Put the cursor on the first field that stops the return, its words selected."""
        self.check_now()
        for name, found in self.blocking().items():
            field = self.fields[name]
            field.setFocus()
            start, end = found[0].spans[0] if found[0].spans else (0, 0)
            if isinstance(field, QPlainTextEdit):
                cursor = field.textCursor()
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                field.setTextCursor(cursor)
                field.ensureCursorVisible()
            else:
                field.setSelection(start, end - start)
            return field
        return None


def _text(field: TextField) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def _warning_label(form: QWidget, field: QWidget, name: str) -> QLabel:
    """A line under ``field`` in ``form``, hidden until something is found."""
    label = QLabel(field.parentWidget())
    label.setObjectName("identityWarning")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # field-wide
    label.setAccessibleDescription(name)  # a name would replace the words it shows
    label.hide()
    place_under(form, field, label)
    return label


def _highlight(field: QPlainTextEdit, found: list[Finding]) -> None:
    marks = []
    for finding in found:
        for start, end in finding.spans:
            selection = QTextEdit.ExtraSelection()
            selection.format = QTextCharFormat()
            selection.format.setBackground(HIGHLIGHT)
            cursor = QTextCursor(field.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            marks.append(selection)
    field.setExtraSelections(marks)
