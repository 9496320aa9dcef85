"""The list-and-form record page, through the Spending page: typing a payment, a problem
shown under its field, unsaved changes asked about, delete asked about and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from trustdesk.services.deletion import undo_delete
from trustdesk.services.spending import list_spending, record_spend
from trustdesk.ui.pages.spending import SpendingPage


@pytest.fixture
def page(qtbot, workspace):
    page = SpendingPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    return page


def _spending(workspace):
    with workspace.session() as session:
        return [(r.amount, r.purpose, r.note) for r in list_spending(session)]


def test_a_payment_typed_into_the_form_is_saved(qtbot, page, workspace) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.amountEdit, "12.50")
    page.ui.purposeCombo.setFocus()
    qtbot.keyClicks(page.ui.purposeCombo, "Travel")
    qtbot.keyClicks(page.ui.noteEdit, "Bus fares to the climbing wall")
    assert page.save_button.isEnabled()

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert _spending(workspace) == [
        ("\u00a312.50", "Travel costs", "Bus fares to the climbing wall")
    ]
    assert page.list.count.text() == "1 payments"
    assert not page.save_button.isEnabled()


def test_a_wrong_amount_is_shown_under_its_field_and_nothing_is_saved(
    qtbot, page, workspace
) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.amountEdit, "twelve")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    error = page.fields.errors["amount"]
    assert error.isVisible()
    assert "twelve" in error.text()
    assert page.ui.amountEdit.hasFocus()
    assert _spending(workspace) == []
    assert page.unsaved() == "the new payment"


def test_leaving_a_changed_payment_asks_and_can_stay(
    qtbot, page, workspace, answers, shown_messages
) -> None:
    with workspace.session() as session:
        first = record_spend(session, date="2026-05-01", amount="5.00", purpose="food").id
        record_spend(session, date="2026-05-02", amount="7.00", purpose="travel")
        session.commit()
    page.refresh()
    page.list.select_id(first)
    qtbot.keyClicks(page.ui.noteEdit, "Squash")

    answers.append("Cancel")
    page.list.table.setCurrentIndex(page.list.proxy.index(0, 0))  # the newer payment
    qtbot.wait(10)

    assert shown_messages[-1]["title"] == "Unsaved changes"
    assert page.record_id == first
    assert page.ui.noteEdit.toPlainText() == "Squash"

    answers.append("Save")
    page.list.table.setCurrentIndex(page.list.proxy.index(0, 0))
    assert ("\u00a35.00", "Food and refreshments", "Squash") in _spending(workspace)


def test_delete_asks_first_and_can_be_undone(
    qtbot, page, workspace, answers, shown_messages
) -> None:
    with workspace.session() as session:
        paid = record_spend(
            session, date="2026-05-01", amount="5.00", purpose="food", note="Fruit"
        ).id
        session.commit()
    page.refresh()
    page.list.select_id(paid)
    deleted = []
    page.deleted.connect(deleted.append)

    answers.append("Cancel")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _spending(workspace) != []

    answers.append("Delete")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete payment of \u00a35.00 on 01 May 2026?" in shown_messages[-1]["text"]
    assert _spending(workspace) == []

    with workspace.session() as session:
        undo_delete(session, deleted[0])
        session.commit()
    assert _spending(workspace) == [("\u00a35.00", "Food and refreshments", "Fruit")]


def test_the_share_between_list_and_form_is_remembered(qtbot, page, workspace) -> None:
    handle = page.splitter.handle(1)
    start = handle.rect().center()
    before = page.splitter.sizes()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start - QPoint(150, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start - QPoint(150, 0))
    dragged = page.splitter.sizes()
    assert dragged[0] < before[0]

    again = SpendingPage(workspace)  # as when TrustDesk is opened next time
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    assert again.splitter.sizes() == dragged
