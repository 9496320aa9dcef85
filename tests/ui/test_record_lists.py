"""The list every page shows (what each cell says, how it lines up and stands out, what it
sorts by) and the record page around it (Tab goes from the list through the form to Save)."""

from __future__ import annotations

import datetime as dt
import shutil
from typing import NamedTuple

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from trustdesk.ui.pages.spending import SpendingPage
from trustdesk.ui.record_table import Column, RecordList

ROLE = Qt.ItemDataRole


class Thing(NamedTuple):
    id: int
    title: str
    day: dt.date
    count: int
    late: bool


COLUMNS = (
    Column("Title", lambda r: r.title, stretch=True, tip=lambda r: f"The whole of {r.title}"),
    Column("Day", lambda r: r.day),
    Column(
        "Count",
        lambda r: r.count,
        numeric=True,
        highlight=lambda r: r.late,
        sort=lambda r: -r.count,  # the biggest first when sorted up
    ),
)
HALL = Thing(1, "Hall", dt.date(2026, 5, 5), 1200, True)
LEAFLET = Thing(2, "Leaflet", dt.date(2026, 6, 1), 3, False)


def _things(qtbot) -> RecordList:
    things = RecordList(COLUMNS, "things")
    qtbot.addWidget(things)
    things.resize(600, 300)
    things.show()
    things.set_rows([LEAFLET, HALL])
    return things


def test_a_cell_says_its_value_and_a_cut_one_says_it_all_as_a_tip(qtbot) -> None:
    model = _things(qtbot).table.model()
    assert [model.index(1, c).data() for c in range(3)] == ["Hall", "05 May 2026", "1,200"]
    assert model.index(1, 2).data(ROLE.AccessibleTextRole) == "1,200"  # read out the same
    assert model.index(1, 0).data(ROLE.ToolTipRole) == "The whole of Hall"
    assert model.index(1, 1).data(ROLE.ToolTipRole) == "05 May 2026"


def test_numbers_line_up_right_and_a_late_one_stands_out(qtbot) -> None:
    model = _things(qtbot).table.model()
    leaflet, hall = model.index(0, 2), model.index(1, 2)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert Qt.AlignmentFlag(hall.data(ROLE.TextAlignmentRole)) == right
    assert model.index(1, 0).data(ROLE.TextAlignmentRole) is None
    assert hall.data(ROLE.ForegroundRole).color().name() == "#b42318"
    assert hall.data(ROLE.FontRole).bold()
    assert leaflet.data(ROLE.ForegroundRole) is None
    assert leaflet.data(ROLE.FontRole) is None
    for role in (ROLE.DecorationRole, ROLE.BackgroundRole, ROLE.CheckStateRole):
        assert hall.data(role) is None  # the view's own look


def test_a_click_on_a_heading_sorts_by_what_the_column_sorts_by(qtbot) -> None:
    things = _things(qtbot)
    header = things.table.horizontalHeader()
    model = things.table.model()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 2))

    assert [model.index(r, 0).data() for r in range(2)] == ["Hall", "Leaflet"]  # 1,200 first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 1))
    assert [model.index(r, 0).data() for r in range(2)] == ["Hall", "Leaflet"]  # 5 May first


def _centre(header, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_tab_goes_from_the_list_through_the_form_to_save_and_round_again(qtbot, workspace) -> None:
    page = SpendingPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.list.filter.setFocus()

    names: list[str] = []
    for _ in range(16):
        name = QApplication.focusWidget().accessibleName()
        if name and (not names or names[-1] != name):  # the date's day, month and year
            names.append(name)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    assert names[:9] == [
        "Find payments",
        "Payments",
        "New payment",
        "Date",
        "Amount in pounds",
        "Purpose",
        "Activity the payment was for",
        "Note",
        "Save the payment",  # Revert and Delete wait for a change and a saved payment
    ]
    assert names[9] == "Find payments"


def _many(qtbot, count: int = 450) -> RecordList:
    """More rows than the list shows at first (it fetches them in batches as it scrolls):
    the service lists them by title, the biggest count last."""
    things = RecordList(COLUMNS, "things")
    qtbot.addWidget(things)
    things.resize(600, 300)
    things.show()
    things.set_rows(_rows(count))
    return things


def _rows(count: int) -> list[Thing]:
    return [Thing(n, f"Thing {n:03}", dt.date(2026, 1, 1), n, False) for n in range(count)]


def test_a_sorted_list_is_sorted_over_all_its_rows_and_stays_so_when_read_again(qtbot) -> None:
    things = _many(qtbot)
    header = things.table.horizontalHeader()
    model = things.table.model()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 2))
    assert model.index(0, 0).data() == "Thing 449"  # the biggest count, not the first batch's

    things.set_rows(_rows(451))  # the page read again, e.g. after a save
    assert model.index(0, 0).data() == "Thing 450"
    assert things.count.text() == "451 things"


def test_rows_of_equal_value_keep_the_order_they_were_shown_in(qtbot) -> None:
    things = _things(qtbot)
    gate = Thing(3, "Gate", HALL.day, 3, False)
    things.set_rows([gate, LEAFLET, HALL])
    header = things.table.horizontalHeader()
    model = things.table.model()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 2))
    assert [model.index(r, 0).data() for r in range(3)] == ["Hall", "Gate", "Leaflet"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 1))
    # 5 May before 1 June; Hall still before Gate, as the count put them
    assert [model.index(r, 0).data() for r in range(3)] == ["Hall", "Gate", "Leaflet"]


def test_typing_finds_a_row_among_all_of_them_also_when_the_list_is_read_again(qtbot) -> None:
    things = _many(qtbot)

    qtbot.keyClicks(things.filter, "THING 44")  # any case

    model = things.table.model()
    found = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert found == [f"Thing {n}" for n in range(440, 450)]
    assert things.count.text() == "10 of 450"
    things.set_rows(_rows(450))
    assert things.count.text() == "10 of 450"
    qtbot.keyClicks(things.filter, "9 ")
    assert things.count.text() == "0 of 450"  # words from two cells do not run together


# ----- at a laptop's 1366x768: the columns that identify a row get the room (issue 16) -----

LAPTOP_PAGE = (1366 - 178, 768 - 60)  # the window less the sidebar, menu and status bar
IDENTIFYING = {  # page: the columns that say which row is which
    "ContactLogPage": ("Partner", "Summary"),
    "VoicePage": ("How", "Who"),
    "PartnersPage": ("Name", "Type"),
    "ActivitiesPage": ("Title", "Category"),
    "MeetingsPage": ("Title",),
}


@pytest.fixture
def demo(demo_of, tmp_path):
    from trustdesk.store.migrate import open_workspace

    folder = shutil.copytree(demo_of("small"), tmp_path / "demo")
    with open_workspace(folder) as workspace:
        yield workspace


def _page(qtbot, page_class, workspace):
    page = page_class(workspace)
    qtbot.addWidget(page)
    page.resize(*LAPTOP_PAGE)
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    return page


@pytest.mark.today(dt.date(2026, 11, 23))
@pytest.mark.parametrize("name", sorted(IDENTIFYING))
def test_identifying_columns_show_their_longest_cell_or_many_characters(qtbot, demo, name):
    from trustdesk.ui.pages import activities, contact_log, meetings, partners, voice

    modules = (activities, contact_log, meetings, partners, voice)
    page_class = next(getattr(m, name) for m in modules if hasattr(m, name))
    page = _page(qtbot, page_class, demo)
    table, model = page.list.table, page.list.model
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    char = metrics.averageCharWidth()
    headings = [column.heading for column in model.columns]
    assert page.list.width() >= page.width() * 0.45  # the list: about half or more
    for heading in IDENTIFYING[name]:
        number = headings.index(heading)
        column = model.columns[number]
        longest = max(
            metrics.horizontalAdvance(model.index(row, number).data())
            for row in range(model.rowCount())
        )
        least = (24 if column.stretch else 16) * char
        assert header.sectionSize(number) >= min(longest, least), heading


@pytest.mark.today(dt.date(2026, 11, 23))
def test_a_column_that_says_the_same_on_every_row_is_hidden(qtbot, demo):
    from trustdesk.ui.pages.partners import PartnersPage
    from trustdesk.ui.pages.spending import SpendingPage

    partners = _page(qtbot, PartnersPage, demo)
    header = partners.list.table.horizontalHeader()
    active = [c.heading for c in partners.list.model.columns].index("Active")
    assert header.isSectionHidden(active)  # "Yes" for every partner says nothing
    spending = _page(qtbot, SpendingPage, demo)
    activity = [c.heading for c in spending.list.model.columns].index("Activity")
    assert spending.list.table.horizontalHeader().isSectionHidden(activity)  # all empty

    partners.list.select_id(partners.list.model.row_at(0).id)
    partners.ui.activeCheck.setChecked(False)
    assert partners.save()
    assert not header.isSectionHidden(active)  # now it tells one partner from the rest
