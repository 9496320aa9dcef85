"""The Returns page, driven as a coordinator would: choose the quarter, read the figures and
the checks, export, export again, and meet the things that stop an export. Also the
background runner the export goes through (trustdesk/ui/background.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QMessageBox, QWidget
from shiboken6 import isValid

from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.returns import export as returns_export
from trustdesk.returns.compute import compute_return, compute_to_read
from trustdesk.returns.tables import breakdown_tables, headline_table
from trustdesk.returns.target_tables import (
    TARGETS,
    TARGETS_BY_QUARTER,
    TARGETS_BY_YEAR,
    target_trends,
    targets_table,
)
from trustdesk.returns.trends import QUARTERS_TITLE, YEARS_TITLE, trend_tables
from trustdesk.services.evidence import create_case_study
from trustdesk.services.young_people import find_young_people
from trustdesk.store.context import context
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.ui import background, preferences
from trustdesk.ui.background import ProgressDialog, Task, report_error
from trustdesk.ui.pages.returns import page as returns_page
from trustdesk.ui.pages.returns.figures import format_cell
from trustdesk.ui.pages.returns.page import ReturnsPage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
Q1 = Period.parse("2026-27Q1")
Q2 = Period.parse("2026-27Q2")
EXPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def demo_folder(demo_of) -> Path:
    """The small demo; each test works on a copy of it."""
    return demo_of("small")


@pytest.fixture
def workspace(demo_folder: Path, tmp_path: Path):
    copy = tmp_path / "workspace"
    shutil.copytree(demo_folder, copy)
    ws = open_workspace(copy)
    yield ws
    ws.close()


@pytest.fixture
def make_page(qtbot, workspace):
    def make() -> ReturnsPage:
        page = ReturnsPage(workspace)
        qtbot.addWidget(page)
        # A window of its own here, so give it a minimum size the way the main window has one:
        # otherwise its layout keeps changing it, which the offscreen platform warns about.
        page.setMinimumSize(720, 480)
        page.resize(1366, 768)
        page.show()
        qtbot.waitExposed(page)
        page.refresh()  # as the window does when the page is shown
        wait_for_figures(qtbot, page)
        return page

    return make


@pytest.fixture
def page(make_page) -> ReturnsPage:
    return make_page()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder to export into (the page never makes one that is not there)."""
    folder = tmp_path / "returns out"
    folder.mkdir()
    return folder


def shown_texts(view) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def wait_for_figures(qtbot, page: ReturnsPage) -> None:
    """The figures are counted in the background: wait until the newest are on screen."""
    qtbot.waitUntil(lambda: not page.reader.is_busy() and page._view is not None)


def type_folder(qtbot, page: ReturnsPage, folder: Path) -> None:
    edit = page.ui.folderEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, str(folder))


def click_export(qtbot, page: ReturnsPage) -> None:
    """Press Export and wait until the export has ended, whatever its outcome."""
    assert page.ui.exportButton.isEnabled(), page.ui.exportReasonLabel.text()
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None)


def choose_period(qtbot, page: ReturnsPage, period: Period) -> None:
    """Move through the combo with the arrow keys, as a keyboard user would."""
    combo = page.ui.periodCombo
    combo.setFocus()
    target = combo.findData(period.code)
    assert target >= 0
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target
    wait_for_figures(qtbot, page)


def name_a_young_person(workspace, period: Period) -> str:
    """A case study in the period that names someone on record: the one thing that blocks."""
    with workspace.session() as session:
        person = find_young_people(session, "Ahmed")[0]
        full_name = f"{person.first_name} {person.last_name}"
        create_case_study(
            session,
            date=period.start + dt.timedelta(days=20),
            title="Climbing wall",
            narrative=f"{full_name}, who had never climbed, reached the top.",
        )
        session.commit()
    return full_name


# The period and the figures ------------------------------------------------------------


def test_opens_on_the_last_quarter_that_ended(page):
    combo = page.ui.periodCombo
    assert combo.currentData() == "2026-27Q2"
    assert combo.currentText() == Q2.label
    assert combo.itemData(0) == "2026-27Q3"
    assert "in progress" in combo.itemText(0)
    codes = [combo.itemData(i) for i in range(combo.count())]
    # Eight quarters, this year to the end of Q2, and this year and the two before it.
    assert codes[8:] == ["2026-27Q1-Q2", "2026-27", "2025-26", "2024-25"]
    assert "in progress" in combo.itemText(codes.index("2026-27"))
    status = page.ui.periodStatusLabel.text()
    assert "2026-27Q2" in status and "ended 30 Sep 2026" in status
    assert "not exported yet" in status


def test_figures_shown_are_the_computed_return(qtbot, page, workspace):
    with workspace.session() as session:
        q1, q2 = compute_return(session, Q1), compute_return(session, Q2)
    assert q1.value("sessions") != q2.value("sessions")  # so that a change is visible

    choose_period(qtbot, page, Q1)
    shown = dict((row[0], row[1]) for row in shown_texts(page.ui.headlineView))
    assert shown["Sessions"] == f"{q1.value('sessions'):,}"

    choose_period(qtbot, page, Q2)
    shown = dict((row[0], row[1]) for row in shown_texts(page.ui.headlineView))
    assert shown["Sessions"] == f"{q2.value('sessions'):,}"
    for row in headline_table(q2).rows:
        assert shown[row.label] == format_cell(row.unit, row.values[0]), row.label
    assert shown["Contact hours"] == f"{q2.value('contact_minutes') / 60:,.1f}"
    assert shown["Small-budget spend"].startswith("\u00a3")
    assert shown["Partner attendance at meetings"].endswith("%")
    reach = shown_texts(page.ui.reachView)
    assert reach[0][0] == "Contacts aged 13-19" and reach[0][5] == "25%"  # for a year
    assert reach[0][6] in ("Met", "Not met")  # the year to date, measured


def test_every_breakdown_fits_without_sideways_scrolling(qtbot, page, workspace):
    """The targets, the figures in detail, then the trends by quarter and year, each without
    scrolling."""
    with workspace.session() as session:
        ret = compute_to_read(session, Q2)
        targets = targets_table(ret, workspace.config, TODAY)
        assert targets is not None  # the example trust sets some for every locality
        expected = [
            targets,
            *breakdown_tables(ret, workspace.config),
            *trend_tables(ret),
            *target_trends(ret, workspace.config),
        ]
    assert expected[-1].title in {TARGETS_BY_QUARTER, TARGETS_BY_YEAR}
    page.ui.figuresTabs.setCurrentWidget(page.ui.breakdownTab)
    combo = page.ui.breakdownCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [t.title for t in expected]
    view = page.ui.breakdownView
    for index, table in enumerate(expected):
        combo.setCurrentIndex(index)
        rows = shown_texts(view)
        assert [r[0] for r in rows] == [r.label for r in table.rows]
        assert rows[-1][0] == "All" or table.title in {
            QUARTERS_TITLE,
            YEARS_TITLE,
            TARGETS,
            TARGETS_BY_QUARTER,
            TARGETS_BY_YEAR,
        }
        # Once the view has laid itself out (it does so just after the table changes):
        qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())
        header = view.horizontalHeader()
        assert header.sectionSize(0) >= view.fontMetrics().horizontalAdvance(
            max((r.label for r in table.rows), key=len)
        ), f"{table.title}: labels are cut short"
    partners = expected[[t.title for t in expected].index("Partners by type")]
    combo.setCurrentText("Partners by type")
    assert shown_texts(view)[-1][1] == f"{partners.rows[-1].values[0]:,}"


def test_figures_are_read_only(qtbot, page):
    view = page.ui.headlineView
    before = shown_texts(view)
    cell = view.visualRect(view.model().index(0, 1)).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClicks(view, "99")
    assert view.state() != QAbstractItemView.State.EditingState
    assert shown_texts(view) == before


# The checks ----------------------------------------------------------------------------


def test_checks_are_listed_and_open_their_record(qtbot, page):
    checks = page.ui.checksList
    model = checks.model()
    # Q2 (Jul-Sep) is shown first: the small demo's two actions fell overdue after it ended,
    # a matter for the quarter running now, not for Q2's return.
    assert model.rowCount() == 0
    assert page.ui.checksSummaryLabel.text().startswith("Nothing to fix")
    choose_period(qtbot, page, Period.containing(TODAY))
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert first.data().startswith("Check: Action overdue since")
    assert "can be exported" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "2 things to check" in page.ui.checksSummaryLabel.text()
    assert page.ui.exportButton.isEnabled()  # warnings do not stop the export

    with qtbot.waitSignal(page.open_record_requested) as opened:
        point = checks.visualRect(first).center()
        # A real double click starts with a press: QTest's sends only the second one.
        qtbot.mouseClick(checks.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(checks.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args[0] == "action" and isinstance(opened.args[1], int)
    kind, record_id = first.data(Qt.ItemDataRole.UserRole)

    checks.setFocus()
    checks.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(page.open_record_requested) as opened:
        qtbot.keyClick(checks, Qt.Key.Key_Return)
    second = model.index(1, 0).data(Qt.ItemDataRole.UserRole)
    assert opened.args == [second[0], second[1]]
    assert (kind, record_id) != tuple(second)


def test_a_young_persons_name_in_a_case_study_stops_the_export(qtbot, workspace, make_page):
    name = name_a_young_person(workspace, Q2)
    page = make_page()

    assert not page.ui.exportButton.isEnabled()
    reason = page.ui.exportReasonLabel.text()
    assert "Climbing wall" in reason and "names a young person" in reason
    assert name not in reason  # the screen does not repeat the name either
    first = page.ui.checksList.model().index(0, 0)
    assert first.data().startswith("Must fix: Case study 'Climbing wall'")
    assert first.data(Qt.ItemDataRole.UserRole)[0] == "case_study"
    assert "must be fixed" in page.ui.checksSummaryLabel.text()
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.task is None  # a disabled button does nothing

    choose_period(qtbot, page, Q1)  # the case study is Q2's: Q1 can go
    assert page.ui.exportButton.isEnabled()


def test_fixing_elsewhere_shows_when_the_page_is_looked_at_again(qtbot, page, workspace):
    assert page.ui.exportButton.isEnabled()
    name_a_young_person(workspace, Q2)
    refresh = QKeySequence(QKeySequence.StandardKey.Refresh)[0]
    qtbot.keyClick(page.ui.periodCombo, refresh.key(), refresh.keyboardModifiers())
    wait_for_figures(qtbot, page)
    assert not page.ui.exportButton.isEnabled()


# Exporting ----------------------------------------------------------------------------


def test_export_writes_both_files_and_each_export_is_a_new_revision(
    qtbot, page, out, shown_messages, make_page
):
    type_folder(qtbot, page, out)
    assert page.ui.workbookCheck.isChecked() and page.ui.pdfCheck.isChecked()
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    dialog = page.progress_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not page.ui.exportButton.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: page.task is None)

    assert shown_messages == []
    assert sorted(p.name for p in out.iterdir()) == [
        "LIC-BUR_2026-27Q2_r1.pdf",
        "LIC-BUR_2026-27Q2_r1.xlsx",
    ]
    assert page.export_history() == [("2026-27Q2", 1, "LIC-BUR_2026-27Q2_r1.xlsx")]
    result = page.ui.resultLabel.text()
    assert "revision 1" in result and str(out) in result
    assert "LIC-BUR_2026-27Q2_r1.pdf" in result
    assert page.ui.resultFrame.isVisible() and page.ui.openFolderButton.isVisible()
    assert "exported as revision 1" in page.ui.periodStatusLabel.text()

    click_export(qtbot, page)
    assert (out / "LIC-BUR_2026-27Q2_r2.xlsx").is_file()
    assert (out / "LIC-BUR_2026-27Q2_r2.pdf").is_file()
    assert [row[1] for row in page.export_history()] == [2, 1]
    assert "revision 2" in page.ui.resultLabel.text()

    # The folder is remembered for next time.
    assert make_page().ui.folderEdit.text() == str(out)


def test_export_of_the_workbook_alone_and_a_publication_pdf(qtbot, page, out):
    type_folder(qtbot, page, out)
    qtbot.mouseClick(page.ui.pdfCheck, Qt.MouseButton.LeftButton)
    assert not page.ui.publicationCheck.isEnabled()  # it is about the PDF
    click_export(qtbot, page)
    assert [p.name for p in out.iterdir()] == ["LIC-BUR_2026-27Q2_r1.xlsx"]

    qtbot.mouseClick(page.ui.workbookCheck, Qt.MouseButton.LeftButton)
    assert not page.ui.exportButton.isEnabled()
    assert "Workbook, PDF or both" in page.ui.exportReasonLabel.text()
    qtbot.mouseClick(page.ui.pdfCheck, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.ui.publicationCheck, Qt.MouseButton.LeftButton)
    click_export(qtbot, page)
    assert (out / "LIC-BUR_2026-27Q2_r2_publication.pdf").is_file()


def test_the_export_runs_in_a_thread_with_a_session_of_its_own(qtbot, page, out, monkeypatch):
    seen = {}
    real = returns_export.export_return

    def spy(session, *args, **kwargs):
        seen["thread"] = threading.get_ident()
        seen["session"] = session
        return real(session, *args, **kwargs)

    monkeypatch.setattr(returns_export, "export_return", spy)
    type_folder(qtbot, page, out)
    click_export(qtbot, page)
    assert seen["thread"] != threading.get_ident()
    assert context(seen["session"]).unit.code == "LIC-BUR"  # a workspace session, its own


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_before_the_first_step_writes_nothing(
    qtbot, page, out, monkeypatch, shown_messages, how
):
    may_start = threading.Event()
    real = returns_export.export_return

    def held_back(*args, **kwargs):
        assert may_start.wait(EXPORT_TIMEOUT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(returns_export, "export_return", held_back)
    type_folder(qtbot, page, out)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    dialog = page.progress_dialog
    assert dialog.isVisible()
    if how == "button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "the box stays until the export has stopped"
    assert "Cancelling" in dialog.label.text()
    may_start.set()
    qtbot.waitUntil(lambda: page.task is None)

    assert not out.exists() or list(out.iterdir()) == []
    assert shown_messages == []  # no error box for doing what was asked
    assert "cancelled" in page.ui.resultLabel.text()
    assert not page.ui.openFolderButton.isVisible()
    assert page.export_history() == []
    assert page.ui.exportButton.isEnabled()


def test_a_folder_that_is_a_file_is_refused_plainly(qtbot, page, out, shown_messages):
    out.parent.mkdir(exist_ok=True)
    a_file = out.parent / "notes.txt"
    a_file.write_text("not a folder")
    type_folder(qtbot, page, a_file)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.task is None
    assert len(shown_messages) == 1
    message = shown_messages[0]
    assert message["icon"] == QMessageBox.Icon.Warning
    assert "is a file, not a folder" in message["text"]
    assert message["details"] is None
    assert page.export_history() == []


def test_a_folder_that_cannot_be_made_is_explained_plainly(qtbot, page, out, shown_messages):
    out.parent.mkdir(exist_ok=True)
    a_file = out.parent / "notes.txt"
    a_file.write_text("not a folder")
    type_folder(qtbot, page, a_file / "returns")  # found out by the export, in its thread
    click_export(qtbot, page)
    assert len(shown_messages) == 1
    message = shown_messages[0]
    assert message["icon"] == QMessageBox.Icon.Warning
    assert message["title"] == "The return was not exported"
    assert "Traceback" not in message["text"]
    assert "folder" in message["text"]
    assert page.export_history() == []  # the export's record was not kept
    assert page.ui.exportButton.isEnabled()


def test_an_unexpected_error_goes_to_the_bug_handler(qtbot, page, out, monkeypatch, shown_messages):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(returns_export, "export_return", broken)
    type_folder(qtbot, page, out)
    with qtbot.capture_exceptions() as caught:
        click_export(qtbot, page)
    assert [type(error) for _, error, _ in caught] == [RuntimeError]
    assert shown_messages == []  # the handler (not the page) shows it, with its details


def test_choose_uses_the_folder_dialog_and_remembers(qtbot, page, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    asked = {}

    def get_existing_directory(parent, caption, start):
        asked.update(parent=parent, caption=caption, start=start)
        return str(chosen)

    monkeypatch.setattr(
        returns_page.QFileDialog, "getExistingDirectory", staticmethod(get_existing_directory)
    )
    qtbot.mouseClick(page.ui.chooseButton, Qt.MouseButton.LeftButton)
    assert asked["parent"] is page and asked["start"]
    assert page.ui.folderEdit.text() == str(chosen)
    assert preferences.returns_folder(page.workspace.path) == str(chosen)


def test_open_folder_opens_where_the_files_went(qtbot, page, out, monkeypatch):
    opened = []
    monkeypatch.setattr(
        returns_page.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url) or True),
    )
    type_folder(qtbot, page, out)
    click_export(qtbot, page)
    qtbot.mouseClick(page.ui.openFolderButton, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [out]


def test_a_folder_chosen_in_settings_is_used_next_time(qtbot, page, tmp_path):
    preferences.set_returns_folder(tmp_path / "for the district")
    page.refresh()  # as when the page is shown again
    wait_for_figures(qtbot, page)
    assert page.ui.folderEdit.text() == str(tmp_path / "for the district")


def test_the_export_folder_defaults_to_documents(make_page, tmp_path, monkeypatch):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(preferences, "documents_folder", lambda: documents)
    assert make_page().ui.folderEdit.text() == str(documents)


def test_without_documents_the_default_is_the_workspaces_folder(
    qtbot, make_page, workspace, tmp_path, monkeypatch, shown_messages
):
    """A default is never a folder that is not there; Documents is made only if asked."""
    documents = tmp_path / "no such home" / "Documents"
    monkeypatch.setattr(preferences, "documents_folder", lambda: documents)
    page = make_page()
    assert page.ui.folderEdit.text() == str(workspace.path)
    assert not documents.exists()

    # Documents chosen (in Settings, say) but not there: asked, and made only on Yes.
    preferences.set_returns_folder(documents)
    page = make_page()
    assert page.ui.folderEdit.text() == str(documents)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    question = shown_messages[-1]
    assert question["buttons"] == [
        "Make the Documents folder",
        "Use the workspace's folder",
        "Cancel",
    ]
    assert str(documents) in question["text"]
    qtbot.waitUntil(lambda: page.task is None)
    assert (documents / "LIC-BUR_2026-27Q2_r1.xlsx").is_file()


# Keyboard and screen readers -------------------------------------------------------------


def test_every_control_is_named_labelled_and_in_tab_order(page):
    named = [w for w in vars(page.ui).values() if isinstance(w, QWidget)]
    for widget in named:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(widget, QLabel):
            assert widget.accessibleName(), widget.objectName()
        assert widget.font().pixelSize() == -1, f"{widget.objectName()} fixes a pixel size"
    for label in (w for w in named if isinstance(w, QLabel) and "&" in w.text()):
        assert label.buddy() is not None, label.objectName()

    order = [
        page.ui.periodCombo,
        page.ui.figuresTabs,
        page.ui.headlineView,
        page.ui.reachView,
        page.ui.breakdownCombo,
        page.ui.breakdownView,
        page.ui.checksList,
        page.ui.folderEdit,
        page.ui.chooseButton,
        page.ui.workbookCheck,
        page.ui.pdfCheck,
        page.ui.publicationCheck,
        page.ui.exportButton,
        page.ui.openFolderButton,
        page.ui.historyView,
    ]
    chain, widget = [], page.ui.periodCombo
    for _ in range(200):
        if widget in order and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == order


def test_renders_at_1366_by_768(page, tmp_path):
    picture = page.grab()
    assert picture.size().width() == 1366 and picture.size().height() == 768
    assert picture.save(str(tmp_path / "returns.png"))
    assert not page.ui.headlineView.horizontalScrollBar().isVisible()
    assert not page.ui.reachView.horizontalScrollBar().isVisible()
    assert not page.ui.reachView.verticalScrollBar().isVisible()


def test_a_check_opens_its_record_on_the_page_that_keeps_it(qtbot, workspace):
    from trustdesk.ui.main_window import MainWindow

    name_a_young_person(workspace, Q2)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert "returns" not in window.pages  # counted only when looked at
    page = window.show_page("returns")
    wait_for_figures(qtbot, page)
    checks = page.ui.checksList
    first = checks.model().index(0, 0)
    assert first.data().startswith("Must fix: Case study 'Climbing wall'")
    checks.setFocus()
    checks.setCurrentIndex(first)
    qtbot.keyClick(checks, Qt.Key.Key_Return)

    shown = window.current_page()
    assert shown.title == "Case studies"
    assert shown.ui.titleEdit.text() == "Climbing wall"


# The background runner -------------------------------------------------------------------


def run(qtbot, task: Task) -> dict:
    seen: dict = {"progress": []}
    task.progress.connect(lambda *step: seen["progress"].append(step))
    task.finished.connect(lambda result: seen.setdefault("finished", result))
    task.failed.connect(lambda error: seen.setdefault("failed", error))
    task.cancelled.connect(lambda error: seen.setdefault("cancelled", error))
    with qtbot.waitSignal(task.ended):
        task.start()
    qtbot.waitUntil(lambda: task.outcome is not None and len(seen) > 1)
    return seen


def test_task_reports_progress_and_its_result_from_another_thread(qtbot):
    def work(progress, cancelled):
        for step in range(3):
            progress(step, 3, f"step {step}")
        return threading.get_ident()

    seen = run(qtbot, Task(work))
    assert seen["progress"] == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert seen["finished"] != threading.get_ident()


def test_task_hands_back_a_failure(qtbot):
    def work(progress, cancelled):
        raise UserError("The disk is full.", hint="Free some space.")

    seen = run(qtbot, Task(work))
    assert isinstance(seen["failed"], UserError)
    assert "finished" not in seen and "cancelled" not in seen


def test_task_that_stops_when_asked_is_cancelled_not_failed(qtbot):
    started = threading.Event()
    go_on = threading.Event()

    def work(progress, cancelled):
        started.set()
        go_on.wait(10)
        if cancelled():
            raise UserError("Stopped; nothing was written.")
        return "done"

    task = Task(work)
    seen: dict = {}
    task.cancelled.connect(lambda error: seen.setdefault("cancelled", error))
    with qtbot.waitSignal(task.ended):
        task.start()
        assert started.wait(10)
        task.cancel()
        go_on.set()
    qtbot.waitUntil(lambda: "cancelled" in seen)
    assert task.outcome == "cancelled"
    assert "nothing was written" in str(seen["cancelled"])


def test_progress_dialog_closes_when_the_task_ends(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    go_on = threading.Event()
    task = Task(lambda progress, cancelled: go_on.wait(10))
    dialog = ProgressDialog(task, "Backing up", parent=parent)
    closed = []
    dialog.finished.connect(lambda code: closed.append(code))
    with qtbot.waitSignal(task.ended):
        task.start()
        assert dialog.isVisible() and dialog.windowTitle() == "Backing up"
        go_on.set()
    qtbot.waitUntil(lambda: closed == [QDialog.DialogCode.Accepted])


def test_report_error_plainly_or_to_the_bug_handler(qtbot, shown_messages):
    parent = QWidget()
    qtbot.addWidget(parent)
    report_error(parent, "Backup", UserError("The drive is gone.", hint="Plug it in."))
    report_error(parent, "Backup", sqlite3.OperationalError("database is locked"))
    assert shown_messages[0]["text"] == "The drive is gone.\nPlug it in."
    assert "busy" in shown_messages[1]["text"]
    assert all(m["icon"] == QMessageBox.Icon.Warning for m in shown_messages)
    with qtbot.capture_exceptions() as caught:
        try:
            raise KeyError("bug")
        except KeyError as error:
            report_error(parent, "Backup", error)
    assert [type(error) for _, error, _ in caught] == [KeyError]
    assert len(shown_messages) == 2


def test_quitting_stops_and_waits_for_a_running_task(qtbot):
    stopped = []

    def work(progress, cancelled):
        while not cancelled():
            threading.Event().wait(0.01)
        stopped.append(True)
        raise UserError("Stopped.")

    task = Task(work)
    with qtbot.waitSignal(task.ended):
        task.start()
        task._stop_and_wait()  # connected to QApplication.aboutToQuit
        assert stopped == [True] and task.wait(0)
    assert task.outcome == "cancelled"


def test_closing_the_window_while_its_task_runs_lets_the_work_finish(qtbot):
    """A slow backup still running when its window is closed and deleted: deleting a running
    thread would abort TrustDesk (seen on a slow machine), so the work finishes instead."""
    window = QWidget()
    started, go_on, done = threading.Event(), threading.Event(), threading.Event()

    def work(progress, cancelled):
        started.set()
        go_on.wait(10)
        done.set()
        return "backed up"

    task = Task(work, window)
    task.start()
    assert started.wait(10)
    window.deleteLater()
    qtbot.waitUntil(lambda: not isValid(window))
    go_on.set()
    assert done.wait(10)
    assert task.wait(10_000)


class _FakeWorkspace:
    """Enough of a workspace for ops.query: a session context that records its thread."""

    def __init__(self) -> None:
        self.threads: list[int] = []

    def session(self):
        import contextlib

        @contextlib.contextmanager
        def opened():
            self.threads.append(threading.get_ident())
            yield object()

        return opened()


def test_a_background_read_opens_its_session_in_the_worker_thread(qtbot):
    workspace = _FakeWorkspace()
    reader = background.BackgroundReader(workspace)  # type: ignore[arg-type]
    with qtbot.waitSignal(reader.ready):
        reader.read(lambda session: None)
    assert workspace.threads and workspace.threads[0] != threading.get_ident()


# What the trial found (issue 16, point 6) ---------------------------------------------------


def test_a_folder_that_has_gone_is_refused_plainly_and_not_made_again(
    qtbot, make_page, out, shown_messages
):
    page = make_page()
    type_folder(qtbot, page, out)
    click_export(qtbot, page)
    assert len(list(out.iterdir())) == 2
    for path in out.iterdir():  # the USB stick is taken out
        path.unlink()
    out.rmdir()

    page = make_page()  # the folder used last comes back
    assert page.ui.folderEdit.text() == str(out)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.task is None
    assert [m["text"] for m in shown_messages] == [
        f"The folder {out} is not there any more (was a USB stick taken out?).\n"
        "Put it back, or choose another folder."
    ]
    assert shown_messages[0]["title"] == "The return was not exported"
    assert not out.exists()
    assert [row[1] for row in page.export_history()] == [1]


def test_a_folder_typed_that_does_not_exist_is_not_made(qtbot, page, tmp_path, shown_messages):
    typed = tmp_path / "not made yet"
    type_folder(qtbot, page, typed)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.task is None
    assert shown_messages[0]["text"].startswith(f"The folder {typed} does not exist.")
    assert not typed.exists()


def test_the_export_folder_is_remembered_per_workspace(qtbot, make_page, out, tmp_path):
    page = make_page()
    type_folder(qtbot, page, out)
    click_export(qtbot, page)
    assert make_page().ui.folderEdit.text() == str(out)

    with create_workspace(tmp_path / "city", "LIC-CTY") as other:
        elsewhere = ReturnsPage(other)
        qtbot.addWidget(elsewhere)
        assert elsewhere.ui.folderEdit.text() != str(out)
        assert preferences.returns_folder(other.path) != str(out)


def test_a_quarter_not_ended_is_exported_only_when_asked_and_says_so(
    qtbot, page, out, answers, shown_messages
):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    q3 = Period.containing(TODAY)  # Oct-Dec 2026: in progress on 23 Nov
    choose_period(qtbot, page, q3)
    type_folder(qtbot, page, out)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)  # Cancel, by default
    assert page.task is None
    question = shown_messages[0]
    assert question["text"].startswith(f"{q3.label} has not ended: it ends on 31 Dec 2026.")
    assert "Export the figures so far?" in question["text"]
    assert list(out.iterdir()) == []

    answers.append("Export the figures so far")
    click_export(qtbot, page)
    workbook = out / "LIC-BUR_2026-27Q3_r1.xlsx"
    summary = load_workbook(workbook)["Summary"]
    assert summary["A6"].value.startswith("Part quarter: figures to 23 Nov 2026")
    text = PdfReader(out / "LIC-BUR_2026-27Q3_r1.pdf").pages[0].extract_text()
    assert "Part quarter: figures to 23 Nov 2026" in text


def test_a_quarter_that_has_ended_is_exported_without_asking(qtbot, page, out, shown_messages):
    type_folder(qtbot, page, out)
    click_export(qtbot, page)  # Q2, ended 30 Sep
    assert shown_messages == []
    assert (out / "LIC-BUR_2026-27Q2_r1.xlsx").is_file()
