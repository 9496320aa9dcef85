"""The Returns in page of a district workspace, driven as a district officer would: see which
returns are in, late or missing; import the returns the localities sent (through the import
dialog: checked, previewed, taken in, reported); accept or query a return; copy the reminder
for a missing one."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.demo.generator import build_demo
from trustdesk.ops import returns as returns_ops
from trustdesk.returns import completeness as returns_completeness
from trustdesk.returns.received import current_record
from trustdesk.services.evidence import create_case_study
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.ui.pages.returns import import_dialog as import_dialog_module
from trustdesk.ui.pages.returns import received_page as returns_in_page
from trustdesk.ui.pages.returns.import_dialog import ImportDialog
from trustdesk.ui.pages.returns.import_report import TAKE_IT_IN
from trustdesk.ui.pages.returns.received_page import ReturnsInPage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
Q1 = Period.parse("2026-27Q1")  # due 15 Jul 2026
Q2 = Period.parse("2026-27Q2")  # due 15 Oct 2026
LEFT = Qt.MouseButton.LeftButton
TIMEOUT_MS = 60_000


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), tzinfo=dt.UTC)


def export(workspace: Workspace, period: Period, out: Path, made: str) -> Path:
    result = returns_ops.export_return(workspace, period, out, formats=["xlsx"], now=at(made))
    return result.paths[0]


def edit_a_figure(source: Path, target: Path) -> Path:
    """A copy of a return whose number of meetings held was changed by hand after export."""
    book = load_workbook(source)
    for row in book["Data"].iter_rows(min_row=2):
        if row[0].value == "meetings_held":
            row[3].value = int(row[3].value or 0) + 2
    book.save(target)
    return target


def make_locality_returns(folder: Path) -> dict[str, Path]:
    """Return files as East Staffordshire's localities (and one of Lichfield's) would send
    them: Burton Town's from a demo year of records (on time, then a corrected revision with
    one more case study), Uttoxeter's late, Tutbury's for Q1 and an edited copy of its Q2,
    Lichfield City's (not East Staffordshire's), and a file that is no return at all."""
    files: dict[str, Path] = {}
    out = folder / "sent"
    btc = build_demo(folder / "EST-BTC", unit_code="EST-BTC", as_of=TODAY)
    with btc:
        files["btc_q2_r1"] = export(btc, Q2, out / "r1", "2026-10-10")
        with btc.session() as session:
            create_case_study(
                session,
                date=dt.date(2026, 8, 20),
                title="Climbing wall",
                narrative="A young person who had never climbed reached the top.",
            )
            session.commit()
        files["btc_q2_r2"] = export(btc, Q2, out / "r2", "2026-11-05")
    with create_workspace(folder / "EST-UTT", "EST-UTT") as utt:
        files["utt_q2"] = export(utt, Q2, out / "utt", "2026-11-01")
    with create_workspace(folder / "EST-TUT", "EST-TUT") as tut:
        files["tut_q1"] = export(tut, Q1, out / "tut", "2026-07-08")
        tut_q2 = export(tut, Q2, out / "tut-original", "2026-10-12")
    files["tut_q2_edited"] = edit_a_figure(tut_q2, out / "tut" / tut_q2.name)
    with create_workspace(folder / "LIC-CTY", "LIC-CTY") as cty:
        files["lichfield"] = export(cty, Q2, out / "lichfield", "2026-10-09")
    files["junk"] = out / "junk" / "notes.xlsx"
    files["junk"].parent.mkdir()
    files["junk"].write_text("These are my notes, not a return.\n", encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The locality return files, made once for the module."""
    return make_locality_returns(tmp_path_factory.mktemp("returns-in"))


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    """An empty East Staffordshire workspace, made in the summer of 2025 (so the grid has
    five quarters)."""
    made = dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC)
    with create_workspace(
        tmp_path / "EST", "EST", config_path=example_trust_path(), created_at=made
    ) as ws:
        yield ws


def test_the_grid_starts_with_the_return_due_as_the_workspace_was_made(qtbot, tmp_path):
    """The quarters before a district started with TrustDesk would only say "missing"."""
    made = dt.datetime(2026, 8, 3, 9, tzinfo=dt.UTC)  # in Q2 2026-27
    config = example_trust_path()
    with create_workspace(tmp_path / "EST", "EST", config_path=config, created_at=made) as ws:
        page = ReturnsInPage(ws, None)
        qtbot.addWidget(page)
        page.refresh()
        assert [p.code for p in page.model.grid.periods] == ["2026-27Q2", "2026-27Q1"]


def inbox(tmp_path: Path, sent: dict[str, Path], *keys: str) -> Path:
    """A folder holding copies of some of the files sent, as the officer saved them."""
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    for key in keys:
        shutil.copy2(sent[key], folder / sent[key].name)
    return folder


def take_in_now(workspace: Workspace, *paths: Path, accept_edited: bool = False) -> None:
    returns_ops.import_returns(workspace, list(paths), today=TODAY, accept_edited=accept_edited)


def accept(workspace: Workspace, unit_code: str, period: Period) -> None:
    returns_ops.review_current(workspace, unit_code, period)


def query(workspace: Workspace, unit_code: str, period: Period, note: str) -> None:
    returns_ops.review_current(workspace, unit_code, period, query_note=note)


@pytest.fixture
def make_page(qtbot, district, set_today):
    def make(today: dt.date = TODAY) -> ReturnsInPage:
        set_today(today)
        page = ReturnsInPage(district)
        qtbot.addWidget(page)
        page.setMinimumSize(720, 480)
        page.resize(1150, 680)
        page.show()
        qtbot.waitExposed(page)
        page.refresh()  # as the window does when the page is shown
        return page

    return make


def shown_status(page: ReturnsInPage, unit: str, period: Period) -> str:
    return page.cell_texts()[(unit, period.code)]


def choose_cell(qtbot, page: ReturnsInPage, unit: str, period: Period) -> None:
    """Click the cell of a unit's return for a quarter."""
    index = page.model.index_of(unit, period)
    assert index.isValid()
    rect = page.ui.gridView.visualRect(index)
    qtbot.mouseClick(page.ui.gridView.viewport(), LEFT, pos=rect.center())
    assert page.current_cell().unit.code == unit and page.current_cell().period == period


def dialog_of(qtbot, page: ReturnsInPage) -> ImportDialog:
    """The import dialog, once the files are checked and it has opened."""
    qtbot.waitUntil(
        lambda: (
            page.import_dialog is not None
            and page.import_dialog.task is None
            and page.import_dialog.isVisible()
        )
    )
    return page.import_dialog


def import_through_dialog(qtbot, dialog: ImportDialog) -> None:
    assert dialog.import_button.isEnabled(), dialog.preview_hint.text()
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None)


def card_texts(dialog: ImportDialog) -> dict[str, str]:
    """What the preview says about each file, by file name."""
    shown: dict[str, str] = {}
    for card in dialog.files.findChildren(QWidget, "importFile"):
        labels = [label.text() for label in card.findChildren(QLabel)]
        shown[labels[0]] = "\n".join(labels[1:])
    return shown


# The grid ------------------------------------------------------------------------------------


def test_the_grid_shows_what_is_in_late_missing_and_reviewed(qtbot, make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"], sent["utt_q2"], sent["tut_q1"])
    accept(district, "EST-BTC", Q2)
    query(district, "EST-TUT", Q1, "Sessions look low")
    page = make_page()

    assert [p.code for p in page.model.grid.periods] == [
        "2026-27Q2",
        "2026-27Q1",
        "2025-26",  # the year's return, beside its last quarter
        "2025-26Q4",
        "2025-26Q3",
        "2025-26Q2",
    ]
    assert shown_status(page, "EST-BTC", Q2) == "Accepted"
    assert shown_status(page, "EST-UTT", Q2) == "Late"  # sent 1 Nov, due 15 Oct
    assert shown_status(page, "EST-TUT", Q1) == "Queried"
    assert shown_status(page, "EST-BNO", Q2) == "Missing"
    assert shown_status(page, "EST-BTC", Q1) == "Missing"
    assert page.ui.summaryLabel.text().startswith(
        f"{Q2.label}, due 15 Oct 2026: 2 of 6 in (1 accepted, 1 late); 4 missing. "
        "Against their targets: "
    )
    header = page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Q2 2026-27\nJul\u2013Sep 2026"
    # The colour is not the only cue: the words are there for a screen reader too.
    index = page.model.index_of("EST-UTT", Q2)
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Uttoxeter, Q2 2026-27 (Jul\u2013Sep 2026): late, revision 1")
    assert index.data(Qt.ItemDataRole.BackgroundRole) != page.model.index_of("EST-BTC", Q2).data(
        Qt.ItemDataRole.BackgroundRole
    )


def test_before_the_due_date_a_return_not_in_is_not_due_yet(make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"])
    page = make_page(today=dt.date(2026, 10, 12))
    assert shown_status(page, "EST-BTC", Q2) == "On time"
    assert shown_status(page, "EST-UTT", Q2) == "Not due yet"
    assert "1 of 6 in (1 on time); 5 not due yet." in page.ui.summaryLabel.text()
    assert not page.ui.chaseList.isVisible()
    assert "due on 15 Oct 2026" in page.ui.chaseEmptyLabel.text()


def test_choosing_a_return_shows_it_with_its_figures(qtbot, make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"], sent["utt_q2"])
    page = make_page()
    choose_cell(qtbot, page, "EST-BTC", Q2)

    assert page.ui.detailHeading.text() == f"Burton Town \u2014 {Q2.label}"
    assert page.ui.revisionLabel.text() == "1"
    assert page.ui.sentLabel.text() == "10 Oct 2026, on time (due 15 Oct 2026)"
    assert page.ui.fileLabel.text() == "EST-BTC_2026-27Q2_r1.xlsx"
    assert page.ui.noteLabel.text() == "Not reviewed yet"
    assert not page.ui.editedWarning.isVisible()
    layout = page.ui.figuresLayout
    label, field, whole = (
        layout.ItemRole.LabelRole,
        layout.ItemRole.FieldRole,
        layout.ItemRole.SpanningRole,
    )
    figures = {
        layout.itemAt(row, label).widget().text(): layout.itemAt(row, field).widget().text()
        for row in range(layout.rowCount())
        if layout.itemAt(row, label) is not None
    }
    assert int(figures["Sessions:"]) > 0  # the demo's year of records
    assert figures["Small-budget spend:"].startswith("\u00a3")
    # Below the figures, the return against its unit's targets, each with its verdict.
    spanning = [layout.itemAt(row, whole) for row in range(layout.rowCount())]
    below = [item.widget() for item in spanning if item is not None]
    assert below[0].text() == "Against its targets"
    sessions = [w for w in below[1:] if w.findChildren(QLabel)[0].text().startswith("Sessions:")]
    assert sessions and sessions[0].findChildren(QLabel)[1].text() in ("Met", "Not met")
    assert page.ui.acceptButton.isEnabled() and page.ui.queryButton.isEnabled()

    choose_cell(qtbot, page, "EST-UTT", Q2)
    assert page.ui.sentLabel.text() == "01 Nov 2026, 17 days after the due date (15 Oct 2026)"

    choose_cell(qtbot, page, "EST-BNO", Q2)  # missing: no figures, no review
    assert "was due on 15 Oct 2026, 39 days ago" in page.ui.absentLabel.text()
    assert not page.ui.acceptButton.isVisible()


def test_the_arrow_keys_move_through_the_grid(qtbot, make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"], sent["tut_q1"])
    page = make_page()
    page.ui.gridView.setFocus()
    page.select_cell("EST-BTC", Q2)
    qtbot.keyClick(page.ui.gridView, Qt.Key.Key_Right)  # the quarter before
    assert page.current_period() == Q1
    assert page.ui.chaseBox.title() == f"Reminders for {Q1.label}"
    assert page.ui.summaryLabel.text().startswith(f"{Q1.label}, due 15 Jul 2026: 1 of 6 in")


# Review --------------------------------------------------------------------------------------


def test_accept_marks_the_return_accepted_and_tells_the_other_pages(
    qtbot, make_page, district, sent
):
    take_in_now(district, sent["utt_q2"])
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)
    with qtbot.waitSignal(page.records_changed):
        qtbot.mouseClick(page.ui.acceptButton, LEFT)

    assert shown_status(page, "EST-UTT", Q2) == "Accepted \u00b7 late"  # it keeps its mark
    assert page.current_cell().unit.code == "EST-UTT"  # still chosen
    assert page.ui.noteLabel.text() == "Accepted"
    assert not page.ui.acceptButton.isEnabled()
    with district.session() as session:
        assert current_record(session, "EST-UTT", Q2).review_status == "accepted"


def _query_dialog(qtbot, page: ReturnsInPage):
    qtbot.mouseClick(page.ui.queryButton, LEFT)
    dialog = page.query_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_query_keeps_the_note_with_the_return(qtbot, make_page, district, sent):
    take_in_now(district, sent["utt_q2"])
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)
    dialog = _query_dialog(qtbot, page)
    qtbot.keyClicks(dialog.note, "Attendances look low for September")
    with qtbot.waitSignal(page.records_changed):
        qtbot.mouseClick(dialog.ok_button, LEFT)

    assert not dialog.isVisible()
    assert shown_status(page, "EST-UTT", Q2) == "Queried \u00b7 late"  # sent after the due date
    assert page.ui.noteLabel.text() == "Queried: Attendances look low for September"
    with district.session() as session:
        record = current_record(session, "EST-UTT", Q2)
        assert (record.review_status, record.review_note) == (
            "queried",
            "Attendances look low for September",
        )


def test_a_query_without_a_note_is_refused_and_saves_nothing(qtbot, make_page, district, sent):
    take_in_now(district, sent["utt_q2"])
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)
    changed = []
    page.records_changed.connect(lambda: changed.append(True))
    dialog = _query_dialog(qtbot, page)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.note, "   ")
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible()  # stays open, with the problem under the note
    assert dialog.errors["note"].isVisible()
    assert dialog.errors["note"].text() == "is required."
    assert dialog.note.hasFocus()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    assert changed == []
    assert shown_status(page, "EST-UTT", Q2) == "Late"
    with district.session() as session:
        record = current_record(session, "EST-UTT", Q2)
        assert record.review_status not in ("accepted", "queried")
        assert record.review_note == ""


# Reminders -----------------------------------------------------------------------------------


def test_the_reminder_for_a_missing_return_is_copied(qtbot, make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"])
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)  # missing: its reminder is chosen below

    missing = [page.ui.chaseList.item(r).text() for r in range(page.ui.chaseList.count())]
    assert missing == [
        "Burton North (Horninglow and Stretton)",
        "Burton South (Stapenhill and Winshill)",
        "Uttoxeter",
        "Tutbury and Rolleston",
        "Barton and Yoxall",
    ]
    assert page.ui.chaseList.currentItem().text() == "Uttoxeter"
    assert page.ui.subjectEdit.text() == f"Uttoxeter: return for {Q2.label} not yet received"
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(page.ui.copyButton, LEFT)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Dear Uttoxeter coordinator,")
    assert "EST-UTT_2026-27Q2_r<revision>.xlsx" in copied
    assert copied == page.ui.chaseText.toPlainText()

    page.ui.chaseList.setFocus()
    qtbot.keyClick(page.ui.chaseList, Qt.Key.Key_Home)
    qtbot.keyClick(page.ui.copySubjectButton, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == (
        f"Burton North (Horninglow and Stretton): return for {Q2.label} not yet received"
    )


# Importing -----------------------------------------------------------------------------------


def test_files_chosen_are_checked_previewed_and_taken_in(
    qtbot, make_page, district, sent, monkeypatch, tmp_path
):
    folder = inbox(tmp_path, sent, "btc_q2_r1", "utt_q2")
    asked = {}

    def get_open_file_names(parent, caption, start, filters):
        asked.update(parent=parent, caption=caption, filters=filters)
        return [str(folder / sent["btc_q2_r1"].name), str(folder / sent["utt_q2"].name)], ""

    monkeypatch.setattr(
        returns_in_page.QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names)
    )
    page = make_page()
    assert shown_status(page, "EST-BTC", Q2) == "Missing"
    qtbot.mouseClick(page.ui.importButton, LEFT)
    assert asked["parent"] is page and "*.xlsx" in asked["filters"]
    dialog = dialog_of(qtbot, page)

    assert dialog.preview_summary.text() == (
        "2 files checked: 2 new, 0 replacing an earlier revision, 0 already imported, 0 refused."
    )
    cards = card_texts(dialog)
    assert cards["EST-BTC_2026-27Q2_r1.xlsx"] == (
        f"New: Burton Town (EST-BTC), {Q2.label}, revision 1."
    )
    assert dialog.import_button.text() == "&Import 2 returns"
    with qtbot.waitSignal(page.records_changed):
        import_through_dialog(qtbot, dialog)

    assert dialog.report_summary.text() == (
        "2 files: 2 imported, 0 replaced, 0 unchanged, 0 refused."
    )
    report = dialog.report_view.toPlainText()
    assert f"EST-BTC_2026-27Q2_r1.xlsx\n  Imported: Burton Town (EST-BTC), {Q2.label}" in report
    assert shown_status(page, "EST-BTC", Q2) == "On time"
    assert shown_status(page, "EST-UTT", Q2) == "Late"
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible()


def test_a_folder_with_a_correction_a_repeat_and_bad_files(
    qtbot, make_page, district, sent, monkeypatch, tmp_path
):
    """A refused file is listed with its reason and stops nothing else; a corrected revision
    lists the figures it changes; a file already imported changes nothing."""
    take_in_now(district, sent["btc_q2_r1"], sent["utt_q2"])
    folder = inbox(tmp_path, sent, "btc_q2_r2", "utt_q2", "lichfield", "junk")
    (folder / "EST-BTC_2026-27Q2_r2.pdf").write_bytes(b"%PDF-1.4 a copy")  # skipped
    monkeypatch.setattr(
        returns_in_page.QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda *args: str(folder)),
    )
    page = make_page()
    accept(district, "EST-BTC", Q2)
    page.refresh()
    assert shown_status(page, "EST-BTC", Q2) == "Accepted"

    qtbot.mouseClick(page.ui.folderButton, LEFT)
    dialog = dialog_of(qtbot, page)
    cards = card_texts(dialog)
    assert sorted(cards) == [
        "EST-BTC_2026-27Q2_r2.xlsx",
        "EST-UTT_2026-27Q2_r1.xlsx",
        "LIC-CTY_2026-27Q2_r1.xlsx",
        "notes.xlsx",
    ]
    assert cards["EST-BTC_2026-27Q2_r2.xlsx"] == (
        f"Replaces revision 1: Burton Town (EST-BTC), {Q2.label}, revision 2. "
        "1 figure changed:\n    Case studies: 2 \u2192 3"
    )
    assert cards["EST-UTT_2026-27Q2_r1.xlsx"].startswith("Already imported:")
    assert cards["LIC-CTY_2026-27Q2_r1.xlsx"].startswith(
        "Refused: It is the return of Lichfield City (LIC-CTY), which reports to Lichfield, "
        "not to East Staffordshire."
    )
    assert cards["notes.xlsx"].startswith("Refused: ")
    assert dialog.import_button.text() == "&Import 1 return"
    import_through_dialog(qtbot, dialog)

    report = dialog.report_view.toPlainText()
    assert dialog.report_summary.text() == (
        "4 files: 0 imported, 1 replaced, 1 unchanged, 2 refused."
    )
    assert "notes.xlsx\n  Refused: " in report
    assert "LIC-CTY_2026-27Q2_r1.xlsx\n  Refused: It is the return of Lichfield City" in report
    assert "    Case studies: 2 \u2192 3" in report
    assert dialog.report_note.isVisible()  # says to send the refused files' reasons on
    assert shown_status(page, "EST-BTC", Q2) == "On time (r2)"  # a new revision, unreviewed


def test_an_edited_file_is_taken_in_only_when_its_box_is_ticked(
    qtbot, make_page, district, sent, tmp_path
):
    folder = inbox(tmp_path, sent, "tut_q2_edited", "utt_q2")
    page = make_page()
    page.import_paths([folder])
    dialog = dialog_of(qtbot, page)
    box = dialog.boxes[0]
    assert box.text() == TAKE_IT_IN
    assert not box.isChecked()
    assert "Edited after export" in card_texts(dialog)["EST-TUT_2026-27Q2_r1.xlsx"]
    assert dialog.import_button.text() == "&Import 1 return"
    import_through_dialog(qtbot, dialog)

    assert "EST-TUT_2026-27Q2_r1.xlsx\n  Refused: Its figures or texts have been changed" in (
        dialog.report_view.toPlainText()
    )
    assert shown_status(page, "EST-TUT", Q2) == "Missing"
    assert shown_status(page, "EST-UTT", Q2) == "Late"
    qtbot.mouseClick(dialog.close_button, LEFT)

    page.import_paths([folder])  # again, ticking the box this time
    dialog = dialog_of(qtbot, page)
    dialog.boxes[0].setFocus()
    qtbot.keyClick(dialog.boxes[0], Qt.Key.Key_Space)
    assert dialog.import_button.text() == "&Import 1 return"  # the other is already in
    import_through_dialog(qtbot, dialog)

    assert f"Imported: Tutbury and Rolleston (EST-TUT), {Q2.label}, revision 1 (edited" in (
        dialog.report_view.toPlainText()
    )
    assert shown_status(page, "EST-TUT", Q2) == "On time"
    index = page.model.index_of("EST-TUT", Q2)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the warning sign
    choose_cell(qtbot, page, "EST-TUT", Q2)
    assert page.ui.editedWarning.isVisible()
    assert page.ui.editedWarning.text().startswith("Edited after export")


def test_cancelling_stops_between_files_and_keeps_what_was_taken_in(
    qtbot, make_page, district, sent, monkeypatch, tmp_path
):
    folder = inbox(tmp_path, sent, "btc_q2_r1", "tut_q1", "utt_q2")
    real = import_dialog_module.take_in
    second_started = threading.Event()
    go_on = threading.Event()

    def held_before_the_second_file(session, checked, *, progress, **kwargs):
        def report(step, total, text):
            progress(step, total, text)
            if step == 1:
                second_started.set()
                assert go_on.wait(TIMEOUT_MS / 1000)

        return real(session, checked, progress=report, **kwargs)

    monkeypatch.setattr(import_dialog_module, "take_in", held_before_the_second_file)
    page = make_page()
    page.import_paths([folder])
    dialog = dialog_of(qtbot, page)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(second_started.is_set)
    progress = dialog.progress_dialog
    qtbot.mouseClick(progress.cancel_button, LEFT)
    assert "Cancelling" in progress.label.text()
    go_on.set()
    qtbot.waitUntil(lambda: dialog.report is not None)

    # The file being taken in when Cancel was pressed is finished; the third is not begun.
    assert dialog.report_summary.text().startswith(
        "Cancelled: 2 files dealt with, 1 file not imported (import it again to take it in)."
    )
    report = dialog.report_view.toPlainText()
    assert "Cancelled: 1 file not imported:\n  EST-UTT_2026-27Q2_r1.xlsx" in report
    assert shown_status(page, "EST-BTC", Q2) == "On time"
    assert shown_status(page, "EST-TUT", Q1) == "On time"
    assert shown_status(page, "EST-UTT", Q2) == "Missing"


def test_cancelling_the_check_imports_nothing(
    qtbot, make_page, district, sent, tmp_path, monkeypatch
):
    folder = inbox(tmp_path, sent, "btc_q2_r1", "utt_q2")
    real = import_dialog_module.check_files
    go_on = threading.Event()

    def held_back(*args, **kwargs):
        assert go_on.wait(TIMEOUT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialog_module, "check_files", held_back)
    page = make_page()
    statuses = []
    page.status.connect(statuses.append)
    page.import_paths([folder])
    progress = page.import_dialog.progress_dialog
    qtbot.mouseClick(progress.cancel_button, LEFT)
    go_on.set()
    qtbot.waitUntil(lambda: page.import_dialog.task is None)
    qtbot.waitUntil(lambda: bool(statuses))

    assert not page.import_dialog.isVisible()
    assert "cancelled" in statuses[-1]
    assert shown_status(page, "EST-BTC", Q2) == "Missing"
    with district.session() as session:
        assert current_record(session, "EST-BTC", Q2) is None


def test_an_empty_folder_says_there_is_nothing_to_import(
    qtbot, make_page, tmp_path, shown_messages
):
    empty = tmp_path / "empty"
    empty.mkdir()
    page = make_page()
    page.import_paths([empty])
    qtbot.waitUntil(lambda: page.import_dialog.task is None)
    qtbot.waitUntil(lambda: bool(shown_messages))
    assert shown_messages[0]["title"] == "Nothing to import"
    assert str(empty) in shown_messages[0]["text"]
    assert not page.import_dialog.isVisible()


def test_the_report_is_copied_and_saved(qtbot, make_page, sent, tmp_path, monkeypatch):
    folder = inbox(tmp_path, sent, "btc_q2_r1", "junk")
    page = make_page()
    page.import_paths([folder])
    dialog = dialog_of(qtbot, page)
    import_through_dialog(qtbot, dialog)
    text = dialog.report_view.toPlainText()

    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == text

    target = tmp_path / "saved" / "report.txt"
    asked = {}

    def get_save_file_name(parent, caption, start, filters):
        asked["start"] = start
        return str(target), ""

    monkeypatch.setattr(
        import_dialog_module.QFileDialog, "getSaveFileName", staticmethod(get_save_file_name)
    )
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert target.read_text(encoding="utf-8") == text
    assert asked["start"] == str(folder / "import-report-2026-11-23.txt")
    assert text.splitlines()[-1] == "2 files: 1 imported, 0 replaced, 0 unchanged, 1 refused."


def test_files_dropped_on_the_page_are_imported(qtbot, make_page, sent, tmp_path):
    folder = inbox(tmp_path, sent, "utt_q2")
    page = make_page()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    where = page.ui.gridView.geometry().center()
    enter = QDragEnterEvent(
        where, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(where), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, drop)
    dialog = dialog_of(qtbot, page)
    assert list(card_texts(dialog)) == ["EST-UTT_2026-27Q2_r1.xlsx"]
    import_through_dialog(qtbot, dialog)
    assert shown_status(page, "EST-UTT", Q2) == "Late"

    text_only = QMimeData()
    text_only.setText("not a file")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, text_only, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert not enter.isAccepted()


# Keyboard and screen readers -----------------------------------------------------------------


def test_every_control_is_named_and_nothing_scrolls_sideways(qtbot, make_page, district, sent):
    take_in_now(district, sent["btc_q2_r1"], sent["utt_q2"], sent["tut_q1"])
    page = make_page()
    labels = page.findChildren(QLabel)
    for widget in page.findChildren(QWidget):
        if widget.font().pixelSize() > 0:
            pytest.fail(f"{widget.objectName()} fixes a pixel size")
        if (
            widget.isVisibleTo(page)
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(widget, QLabel)
            and not isinstance(widget.parentWidget(), QDialog)
        ):
            named = widget.accessibleName() or any(lab.buddy() is widget for lab in labels)
            assert named, f"{type(widget).__name__} {widget.objectName()}"
    assert page.ui.gridView.horizontalScrollBar().maximum() == 0
    assert page.ui.gridView.verticalScrollBar().maximum() == 0  # every unit in sight

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.ui.importButton.setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        page.ui.importButton,
        page.ui.folderButton,
        page.ui.gridView,
        page.ui.acceptButton,
        page.ui.queryButton,
        page.ui.chaseList,
        page.ui.subjectEdit,
        page.ui.copySubjectButton,
        page.ui.chaseText,
        page.ui.copyButton,
    ]


def test_a_read_only_workspace_cannot_import_or_review(qtbot, make_page, district, sent):
    take_in_now(district, sent["utt_q2"])
    district.read_only_because = "Sam on LAPTOP-7 has it open"
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)
    assert not page.ui.importButton.isEnabled()
    assert not page.ui.acceptButton.isEnabled()
    assert not page.ui.queryButton.isEnabled()


def test_the_chase_list_is_the_services(make_page, district):
    page = make_page()
    with district.session() as session:
        expected = returns_completeness.chase_list(session, Q2, TODAY)
    assert [c.text for c in page.chases()] == [c.text for c in expected]


def test_a_district_window_has_its_own_pages_and_a_check_opens_the_return(qtbot, district, sent):
    from trustdesk.returns.received import current_record
    from trustdesk.ui.main_window import MainWindow

    take_in_now(district, sent["btc_q2_r1"])
    with district.session() as session:
        record = current_record(session, "EST-BTC", Q2)
    window = MainWindow(district)
    qtbot.addWidget(window)
    sidebar = window.ui.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Dashboard",
        "Returns in",
        "Partners",
        "Contact log",
        "Meetings & actions",
        "Voice",
        "Returns",
        "Settings",
    ]
    window.show_record("return", record.id)
    page = window.current_page()
    assert isinstance(page, ReturnsInPage)
    assert page.current_cell().unit.code == "EST-BTC"
    assert page.current_cell().period == Q2


# What the trial found (issue 16, point 6) ---------------------------------------------------


def test_an_accepted_return_keeps_its_late_mark(qtbot, make_page, district, sent):
    take_in_now(district, sent["utt_q2"], sent["btc_q2_r1"])  # in 1 Nov and 10 Oct; due 15 Oct
    accept(district, "EST-UTT", Q2)
    accept(district, "EST-BTC", Q2)
    page = make_page()
    assert shown_status(page, "EST-UTT", Q2) == "Accepted \u00b7 late"
    assert shown_status(page, "EST-BTC", Q2) == "Accepted"  # on time: nothing to add
    spoken = page.model.index_of("EST-UTT", Q2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "accepted, revision 1, late by 17 days" in spoken
    choose_cell(qtbot, page, "EST-UTT", Q2)
    assert page.ui.statusLabel.text().endswith("It came in late, by 17 days.")


def test_a_query_gives_an_e_mail_ready_to_send(qtbot, make_page, district, sent):
    take_in_now(district, sent["utt_q2"])
    page = make_page()
    choose_cell(qtbot, page, "EST-UTT", Q2)
    statuses = []
    page.status.connect(statuses.append)
    dialog = _query_dialog(qtbot, page)
    qtbot.keyClicks(dialog.note, "Attendances look low for September")
    with qtbot.waitSignal(page.records_changed):
        qtbot.mouseClick(dialog.ok_button, LEFT)

    assert page.ui.chaseBox.title() == f"Reminders and queries for {Q2.label}"
    assert page.ui.chaseList.currentItem().text() == "Uttoxeter \u2013 query"
    assert page.ui.subjectEdit.text() == f"Uttoxeter: return for {Q2.label} queried"
    letter = page.ui.chaseText.toPlainText()
    assert letter.startswith("Dear Uttoxeter coordinator,")
    assert "Attendances look low for September" in letter
    assert "EST-UTT_2026-27Q2_r1.xlsx" in letter and letter.endswith("East Staffordshire")
    assert "ready under Reminders and queries" in statuses[-1]
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(page.ui.copyButton, LEFT)
    assert QGuiApplication.clipboard().text() == letter
    assert statuses[-1] == "The query to Uttoxeter is copied: paste it into an e-mail."
    # The reminders for the missing returns are still there.
    shown = [page.ui.chaseList.item(r).text() for r in range(page.ui.chaseList.count())]
    assert "Burton Town" in shown


def test_a_district_return_with_returns_not_accepted_asks_first(
    qtbot, district, sent, tmp_path, answers, shown_messages
):
    from trustdesk.ui import preferences
    from trustdesk.ui.pages.returns.page import ReturnsPage

    take_in_now(district, sent["btc_q2_r1"], sent["utt_q2"], sent["tut_q1"])
    query(district, "EST-BTC", Q2, "Sessions look low")
    out = tmp_path / "out"
    out.mkdir()
    preferences.set_returns_folder(out, district.path)
    page = ReturnsPage(district)
    qtbot.addWidget(page)
    page.select_period(Q2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.reader.is_busy() and page._view is not None)

    qtbot.mouseClick(page.ui.exportButton, LEFT)  # Cancel, by default
    assert page.task is None and list(out.iterdir()) == []
    question = shown_messages[-1]
    assert question["title"] == "Export with returns not accepted?"
    assert "\u2022 Burton Town: queried" in question["text"]
    assert "\u2022 Uttoxeter: not accepted yet" in question["text"]
    assert "Tutbury" not in question["text"]  # its Q2 return is not in: not part of it

    answers.append("Export anyway")
    qtbot.mouseClick(page.ui.exportButton, LEFT)
    qtbot.waitUntil(lambda: page.task is None)
    assert (out / "EST_2026-27Q2_r1.xlsx").is_file()


def test_a_district_return_of_accepted_returns_asks_nothing(
    qtbot, district, sent, tmp_path, shown_messages
):
    from trustdesk.ui import preferences
    from trustdesk.ui.pages.returns.page import ReturnsPage

    take_in_now(district, sent["btc_q2_r1"])
    accept(district, "EST-BTC", Q2)
    out = tmp_path / "out"
    out.mkdir()
    preferences.set_returns_folder(out, district.path)
    page = ReturnsPage(district)
    qtbot.addWidget(page)
    page.select_period(Q2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.reader.is_busy() and page._view is not None)
    assert page.ui.exportButton.isEnabled(), page.ui.exportReasonLabel.text()
    qtbot.mouseClick(page.ui.exportButton, LEFT)
    qtbot.waitUntil(lambda: page.task is None)
    assert shown_messages == [], shown_messages
    assert (out / "EST_2026-27Q2_r1.xlsx").is_file()
