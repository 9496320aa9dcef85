"""Query a return received: the note saying what the coordinator should look at, saved
with the return by :func:`trustdesk.ops.returns.query_return`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from trustdesk.ops import returns as returns_ops
from trustdesk.ui.dialogs import ServiceDialog, StandardButton

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


class QueryDialog(ServiceDialog):
    """The note saying what the coordinator should look at; Query saves it with the return
    (``saved`` is then what the operation changed)."""

    def __init__(
        self, parent: QWidget, workspace: Workspace, record_id: int, *, who: str, note: str
    ) -> None:
        def save(values: dict[str, Any]) -> Any:
            return returns_ops.query_return(workspace, record_id, **values)

        super().__init__(parent, save, title=f"Query {who}'s return", ok=StandardButton.Ok)
        self.ok_button.setText("&Query")
        explain = QLabel(
            "Say what the coordinator should look at. The note is kept with the return; "
            "send it to them as well.",
            self,
        )
        explain.setWordWrap(True)
        explain.setObjectName("formNote")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, explain)
        self.note = self.add_row("&Note", "note", QPlainTextEdit(self), "Query note")
        self.note.setPlaceholderText("e.g. Attendances look low for September")
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(note)
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText()}
