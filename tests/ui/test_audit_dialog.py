"""Tools > Audit trail, driven as a coordinator (or the data protection officer) would:
reading who changed what, narrowing it by dates, kind of record and user, seeing what
changed in one entry, and exporting it to a CSV file."""

from __future__ import annotations

import csv
import datetime as dt
import getpass

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QPushButton

from tests.services.committed import committed
from trustdesk.services.activities import create_activity
from trustdesk.services.partners import create_partner, update_partner
from trustdesk.services.young_people import add_young_person, update_young_person
from trustdesk.store import audit
from trustdesk.ui.audit_dialog import open_audit_trail

# Each change is a user action of its own, committed as an operation would.
create_activity, create_partner, update_partner = map(
    committed, (create_activity, create_partner, update_partner)
)
add_young_person, update_young_person = committed(add_young_person), committed(update_young_person)

TODAY = dt.date(2026, 3, 10)
pytestmark = pytest.mark.today(TODAY)


def _at(monkeypatch: pytest.MonkeyPatch, day: dt.date, user: str) -> None:
    """Changes made from now on are by ``user``, at midday (UTC) of ``day``."""
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    monkeypatch.setattr(audit, "utc_now", lambda: noon)
    monkeypatch.setattr(getpass, "getuser", lambda: user)


@pytest.fixture
def changes(workspace, monkeypatch) -> dict[str, int]:
    """A partner added on 1 March and renamed on 3 March by Sam; a young person and an
    activity added on 2 March by Jo, who also changed the young person's postcode."""
    with workspace.session() as session:
        _at(monkeypatch, dt.date(2026, 3, 1), "sam")
        partner = create_partner(session, name="Police", partner_type="police").id
        _at(monkeypatch, dt.date(2026, 3, 2), "jo")
        kyle = dict(first_name="Kyle", last_name="Hughes", date_of_birth="2011-05-02")
        person = add_young_person(session, **kyle, postcode_district="WS7").id
        update_young_person(session, person, **kyle, postcode_district="WS8")
        club = create_activity(
            session, title="Youth club", category="youth-work", start_date="2026-03-02"
        ).id
        _at(monkeypatch, dt.date(2026, 3, 3), "sam")
        update_partner(session, partner, name="Staffordshire Police", partner_type="police")
    return {"partner": partner, "person": person, "club": club}


@pytest.fixture
def trail(qtbot, workspace, changes):
    dialog = open_audit_trail(None, workspace)
    qtbot.addWidget(dialog)
    return dialog


def _listed(dialog) -> list[tuple[str, ...]]:
    model = dialog.list.proxy
    return [
        tuple(model.index(row, column).data() for column in range(1, 5))
        for row in range(model.rowCount())
    ]


def _set_date(edit: QDateEdit, day: dt.date) -> None:
    """Put a date into a date field (typed digits do not reach a date field on the offscreen
    test platform; see test_a_coordinators_week)."""
    edit.setDate(QDate(day.year, day.month, day.day))


def _choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry of a drop-down list with the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the list"


def test_the_trail_lists_every_change_newest_first_with_who_and_what(trail, changes) -> None:
    partner, person, club = changes["partner"], changes["person"], changes["club"]
    assert _listed(trail) == [
        ("sam", "Partner", str(partner), f"Edited partner #{partner}: name"),
        ("jo", "Activity", str(club), f"Added activity #{club}"),
        ("jo", "Young person", str(person), f"Edited young person #{person}: postcode district"),
        ("jo", "Young person", str(person), f"Added young person #{person}"),
        ("sam", "Partner", str(partner), f"Added partner #{partner}"),
    ]
    assert trail.list.proxy.index(0, 0).data() == "03 Mar 2026 12:00"
    assert trail.since.date() == QDate(2026, 3, 1)  # the first entry
    assert trail.until.date() == QDate(2026, 3, 10)
    shown = " ".join(" ".join(row) for row in _listed(trail))
    assert "Kyle" not in shown and "WS7" not in shown and "WS8" not in shown


def test_choosing_an_entry_shows_what_changed(qtbot, trail) -> None:
    table = trail.list.table
    assert trail.details.toPlainText() == ""
    rect = table.visualRect(trail.list.proxy.index(0, 4))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert trail.details.toPlainText() == "name: Police \u2192 Staffordshire Police"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert trail.details.toPlainText() == "postcode district: changed (not recorded)"


def test_the_trail_is_narrowed_by_dates_kind_and_user(qtbot, trail, changes) -> None:
    _set_date(trail.since, dt.date(2026, 3, 2))
    _set_date(trail.until, dt.date(2026, 3, 2))
    assert [row[3] for row in _listed(trail)] == [
        f"Added activity #{changes['club']}",
        f"Edited young person #{changes['person']}: postcode district",
        f"Added young person #{changes['person']}",
    ]
    _choose(qtbot, trail.kind, "Young person")
    assert [row[1] for row in _listed(trail)] == ["Young person", "Young person"]

    _choose(qtbot, trail.kind, "All kinds")
    _set_date(trail.since, dt.date(2026, 3, 1))
    _set_date(trail.until, dt.date(2026, 3, 10))
    _choose(qtbot, trail.user, "sam")
    assert [row[0] for row in _listed(trail)] == ["sam", "sam"]
    assert trail.more.text() == ""


def test_dates_the_wrong_way_round_are_said_in_plain_words(qtbot, trail) -> None:
    _set_date(trail.since, dt.date(2026, 3, 2))
    _set_date(trail.until, dt.date(2026, 3, 1))
    assert trail.problem.isVisibleTo(trail)
    assert trail.problem.text() == "To date: is before the from date."
    assert _listed(trail) == []
    assert not trail.export_button.isEnabled()
    _set_date(trail.until, dt.date(2026, 3, 3))
    assert not trail.problem.isVisibleTo(trail)
    assert trail.export_button.isEnabled()


def test_nothing_matching_says_so(qtbot, trail) -> None:
    _set_date(trail.since, dt.date(2026, 3, 8))
    assert _listed(trail) == []
    assert trail.more.text() == "No changes were recorded with these filters."


def test_only_the_newest_are_listed_when_there_are_many(qtbot, workspace, changes, monkeypatch):
    from trustdesk.ui import audit_dialog

    monkeypatch.setattr(audit_dialog, "SHOWN", 2)
    dialog = open_audit_trail(None, workspace)
    qtbot.addWidget(dialog)
    assert len(_listed(dialog)) == 2
    assert dialog.more.text().startswith("Showing the newest 2 of 5 entries")


def test_export_writes_what_is_listed_to_a_csv_file(qtbot, trail, tmp_path, monkeypatch):
    asked = []

    def save_as(parent, title, suggested, kinds):
        asked.append((parent, title, suggested))
        return str(tmp_path / "for the DPO"), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    _choose(qtbot, trail.kind, "Partner")
    qtbot.mouseClick(trail.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trail.task is None)

    assert asked[0][:2] == (trail, "Export the audit trail")
    assert asked[0][2].endswith("audit-trail-LIC-BUR-2026-03-10.csv")
    out = tmp_path / "for the DPO.csv"
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert [row[5] for row in rows[1:]] == [row[3] for row in _listed(trail)]
    assert len(rows) == 3
    assert trail.more.text() == f"Exported 2 entries to {out}."
    assert trail.export_button.isEnabled()


def test_an_export_cancelled_in_the_file_dialog_writes_nothing(qtbot, trail, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    qtbot.mouseClick(trail.export_button, Qt.MouseButton.LeftButton)
    assert trail.task is None
    assert trail.more.text() == ""


def test_an_export_that_fails_says_why(qtbot, trail, tmp_path, monkeypatch, shown_messages):
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args: (str(blocked / "audit.csv"), "")),
    )
    qtbot.mouseClick(trail.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trail.task is None)
    assert [m["title"] for m in shown_messages] == ["The trail was not exported"]
    assert (
        "could not be written" in shown_messages[0]["text"]
        or "is a file" in (shown_messages[0]["text"])
    )


def test_every_control_is_named_and_reachable_by_keyboard(trail) -> None:
    controls = [trail.since, trail.until, trail.kind, trail.user, trail.list.filter]
    controls += [trail.list.table, trail.details, *trail.findChildren(QPushButton)]
    assert all(control.accessibleName() for control in controls)
    assert trail.export_button.text() == "&Export\u2026"
    assert trail.width() <= 1150 and trail.height() <= 640
