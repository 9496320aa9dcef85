"""The Registers page's keys, keyboard first: type a name and press Enter to tick that
person; Up and Down in the find box go through the people found; Down moves into the list,
Space ticks or unticks, typing in the list goes back to the find box; Ctrl+S saves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from trustdesk.ui.pages.register_list import NAME, RegisterModel

if TYPE_CHECKING:
    from trustdesk.ui.forms.ui_register_page import Ui_RegisterPage


class RegisterKeys:
    """Mixed into the Registers page, which provides what is declared here."""

    ui: Ui_RegisterPage
    model: RegisterModel
    status: Any

    def save(self) -> bool:
        raise NotImplementedError

    def _toggle(self, index: Any) -> None:
        raise NotImplementedError

    def _choose(self, person: Any) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keys of the find box and the list (see the module's docstring)."""
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Save):
            # Taken here rather than by the window's File > Save, which calls save() too.
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.save()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if watched is self.ui.findEdit:
            return self._find_key(event)
        if watched is self.ui.peopleTable:
            return self._table_key(event)
        return False

    def _find_key(self, event: QKeyEvent) -> bool:
        arrow = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if arrow and self.ui.findEdit.text().strip() and self.model.total() > 1:
            self._choose_with_arrow(event.key() == Qt.Key.Key_Down)
            return True
        if event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.ui.peopleTable.setFocus()
            return True
        if event.key() == Qt.Key.Key_Escape and self.ui.findEdit.text():
            self.ui.findEdit.clear()
            return True
        return False

    def _choose_with_arrow(self, down: bool) -> None:
        """Up and Down in the find box go through the people found, the typing staying in
        the box (as a completer's list does): Enter then ticks the one chosen."""
        table, count = self.ui.peopleTable, self.model.total()
        self.model.fetch_all()
        current = table.currentIndex()
        if not current.isValid():
            row = 0 if down else count - 1
        else:
            row = max(0, min(count - 1, current.row() + (1 if down else -1)))
        index = self.model.index(row, NAME)
        table.setCurrentIndex(index)
        table.scrollTo(index)
        self.status.emit(f"Enter ticks {self.model.row_at(row).name}.")

    def _table_key(self, event: QKeyEvent) -> bool:
        table, key = self.ui.peopleTable, event.key()
        index = table.currentIndex()
        if key == Qt.Key.Key_Space and index.isValid():
            self._toggle(index)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self._choose(self.model.row_at(index.row()))
            return True
        if key == Qt.Key.Key_Up and (not index.isValid() or index.row() == 0):
            self.ui.findEdit.setFocus()
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and event.text().isprintable() and event.text().strip():
            self.ui.findEdit.setFocus()
            self.ui.findEdit.end(False)
            self.ui.findEdit.insert(event.text())
            return True
        return False
