"""What the benchmarks measure, TrustDesk's work and its floor side by side, each runnable in
a process of its own for its peak resident memory:

    python tests/benchmarks/work.py TASK ARG...

prints the process's peak resident memory as it ends (:mod:`tests.benchmarks.memory`). The benchmarks time the same functions in the
pytest process.

Floors (the least the libraries underneath can do for the same result):

- export: openpyxl in write-only mode writing exactly the cells of TrustDesk's workbook (every
  sheet, every value, no styles); reportlab building the same tables (same rows, columns and
  cell texts) as plain ``Table`` flowables on A4, unstyled;
- import: openpyxl in read-only mode reading every row of every sheet of the 50 files
  (``load_workbook(read_only=True, data_only=True)``); python-calamine (a reader written in
  Rust), when installed, as the fastest reader there is;
- pages: a bare ``QTableView`` over a plain model of 200 rows, shown in a window of the same
  size and drawn.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.* when run as a script

# Only the standard library up here: a floor's process must hold only its own library, so
# that its memory is the library's. TrustDesk is imported where it is used.

AS_OF = dt.date(2026, 11, 23)  # the demo workspaces' last day of records
EXPORT_PERIOD = "2025-26Q3"  # a busy quarter of the large demo's ten years
IMPORT_PERIOD = "2026-27Q2"  # the quarter of the 50 locality returns (many_localities.py)
WINDOW_SIZE = (1366, 768)

# ----- export ------------------------------------------------------------------------------


def export_quarter(session, config) -> tuple[bytes, bytes]:  # noqa: ANN001
    """Compute the quarter as the export does (with its year to date and the periods before
    it, for the first page and the trends) and write its workbook and PDF (in memory: the
    disk is not the question here)."""
    from trustdesk.config.periods import Period
    from trustdesk.returns.compute import compute_to_read

    ret = compute_to_read(session, Period.parse(EXPORT_PERIOD))
    return write_workbook(ret, config), write_pdf(ret, config)


def write_workbook(ret, config) -> bytes:  # noqa: ANN001
    from trustdesk.returns.workbook import write_workbook as write

    buffer = io.BytesIO()
    write(ret, config, buffer)
    return buffer.getvalue()


def write_pdf(ret, config) -> bytes:  # noqa: ANN001
    from trustdesk.returns.pdf import write_pdf as write

    buffer = io.BytesIO()
    write(ret, config, buffer)
    return buffer.getvalue()


def floor_material(ret, config) -> dict:  # noqa: ANN001
    """What the floors write: the cells of TrustDesk's workbook, and the texts of the PDF's
    tables, as plain lists (saved as JSON for a process of its own)."""
    import openpyxl

    from trustdesk.returns.tables import breakdown_tables, headline_table, reach_table
    from trustdesk.returns.trends import trend_tables

    book = openpyxl.load_workbook(io.BytesIO(write_workbook(ret, config)))
    sheets = [
        [sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]]
        for sheet in book.worksheets
    ]
    tables = [
        [[t.label_heading, *(c.heading for c in t.columns)]]
        + [[r.label, *(str(v) for v in r.values)] for r in t.rows]
        for t in [
            headline_table(ret),
            reach_table(ret, config),
            *trend_tables(ret),
            *breakdown_tables(ret, config),
        ]
    ]
    return {"sheets": sheets, "tables": tables}


def openpyxl_write_floor(sheets: list) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def reportlab_floor(tables: list) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows) for rows in tables])
    return buffer.getvalue()


def export_floor(material: dict) -> None:
    openpyxl_write_floor(material["sheets"])
    reportlab_floor(material["tables"])


# ----- identities in the texts that travel ---------------------------------------------------

TEXT_QUERIES = (  # every text a return can carry, with the activity it is about
    "SELECT title || char(10) || char(10) || narrative, activity_id FROM case_study",
    "SELECT who || char(10) || char(10) || said || char(10) || char(10) || change_made,"
    " activity_id FROM voice_entry",
    "SELECT name, NULL FROM partner",
)


def identity_check_quarter(session, ret) -> int:  # noqa: ANN001
    """What the export does about identities before writing: build the workspace's matcher,
    look at every text the quarter's return carries by the records they come from (the
    checks), then at the computed return's own texts (the last guard). The findings."""
    from trustdesk.config.periods import Period
    from trustdesk.privacy.on_record import identity_matcher
    from trustdesk.returns.texts import record_texts, refuse_identities

    matcher = identity_matcher(session)
    texts = record_texts(session, Period.parse(EXPORT_PERIOD))
    found = sum(len(matcher.find(t.text, activity_id=t.activity_id)) for t in texts)
    refuse_identities(ret, matcher)
    return found


def identity_check_everything(session) -> int:  # noqa: ANN001
    """The matcher built, and every case study, voice entry and partner name of the ten
    years looked at (with the first-name warnings of their activities)."""
    from sqlalchemy import text

    from trustdesk.privacy.on_record import identity_matcher

    matcher = identity_matcher(session)
    rows = [row for query in TEXT_QUERIES for row in session.execute(text(query))]
    return sum(len(matcher.find(words, activity_id=activity)) for words, activity in rows)


def identity_floor(path: Path, quarter: bool) -> int:
    """The least the same work can cost: the young people's names, references and dates of
    birth and the same texts read from SQLite (sqlite3, no ORM), each text lowercased."""
    import sqlite3

    from trustdesk.config.periods import Period

    period = Period.parse(EXPORT_PERIOD)
    within = " WHERE date BETWEEN ? AND ?" if quarter else ""
    days = (period.start.isoformat(), period.end.isoformat()) if quarter else ()
    with sqlite3.connect(path / "trustdesk.sqlite") as db:
        people = db.execute(
            "SELECT id, first_name, last_name, local_ref, date_of_birth FROM young_person"
            " WHERE erased_at IS NULL"
        ).fetchall()
        texts = [row[0].lower() for row in db.execute(TEXT_QUERIES[2])]  # partners
        for query in TEXT_QUERIES[:2]:
            texts += [row[0].lower() for row in db.execute(query + within, days)]
    return len(people) + len(texts)


# ----- import and consolidate ----------------------------------------------------------------


class Districts:
    """New, empty district workspaces, one for each district of the example trust, and which
    of the locality returns each takes in (a district takes only its own localities')."""

    def __init__(self, files: list[Path]) -> None:
        from trustdesk.config.trust import example_trust_path, load_trust_config
        from trustdesk.store.migrate import create_workspace

        config = load_trust_config(example_trust_path())
        self.folder = Path(tempfile.mkdtemp(prefix="trustdesk-bench-districts-"))
        self.workspaces: list[tuple[Any, list[Path]]] = []  # (Workspace, its files)
        for district in config.children(config.county.code):
            mine = [p for p in files if p.name.startswith(f"{district.code}-")]
            workspace = create_workspace(
                self.folder / district.code, district.code, config_path=example_trust_path()
            )
            self.workspaces.append((workspace, mine))
        assert sum(len(mine) for _, mine in self.workspaces) == len(files)

    def import_and_consolidate(self) -> None:
        """What each district officer does at quarter end: import the localities' returns,
        then add them up into the district's return."""
        from trustdesk.config.periods import Period
        from trustdesk.returns.compute import compute_return
        from trustdesk.returns.importer import import_returns

        period = Period.parse(IMPORT_PERIOD)
        for workspace, mine in self.workspaces:
            with workspace.session() as session:
                report = import_returns(session, mine, today=AS_OF)
                assert report.count("imported") == len(mine), report.summary
                consolidated = compute_return(session, period)
                assert len(consolidated.constituents) == len(mine)

    def close(self) -> None:
        for workspace, _ in self.workspaces:
            workspace.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def return_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == 50, f"expected the 50 locality returns in {folder}, found {len(files)}"
    return files


def import_and_consolidate(files: list[Path]) -> None:
    districts = Districts(files)
    try:
        districts.import_and_consolidate()
    finally:
        districts.close()


def openpyxl_read_floor(files: list[Path]) -> None:
    import openpyxl

    for path in files:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        book.close()


def calamine_floor(files: list[Path]) -> None:
    from python_calamine import CalamineWorkbook

    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()


# ----- pages -----------------------------------------------------------------------------------


def application():  # noqa: ANN201
    """The desktop's application object (its stylesheet included), settings in a folder of
    their own so that no benchmark reads or changes the user's."""
    from PySide6.QtCore import QSettings

    from trustdesk.ui.app import _application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        tempfile.mkdtemp(prefix="trustdesk-bench-settings-"),
    )
    return _application()


_KEPT = contextlib.ExitStack()


def window_on(workspace, start: str):  # noqa: ANN001, ANN201
    """A main window on the workspace, shown and drawn, on the page ``start``."""
    from trustdesk import clock
    from trustdesk.ui import preferences
    from trustdesk.ui.main_window import MainWindow

    preferences.set_last_page(start)
    _KEPT.enter_context(clock.set_to(AS_OF))  # the pages show the demo's last day
    window = MainWindow(workspace)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.grab()
    return window


def settle(app, window) -> None:  # noqa: ANN001
    """Wait for the pages still counting in a worker thread (Dashboard, Returns), so that the
    window can be closed; not timed."""
    import time

    while any(page.busy() for page in window.pages.values()):
        time.sleep(0.002)
        app.processEvents()


def other_page(key: str) -> str:
    return "settings" if key != "settings" else "dashboard"


def open_page(app, window, key: str) -> None:  # noqa: ANN001
    """Show the page, let Qt lay it out, and draw the window."""
    window.show_page(key)
    app.processEvents()
    window.grab()


def bare_table(app) -> Callable[[], None]:  # noqa: ANN001
    """The floor of a page: a bare table view over 200 plain rows, shown and drawn."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class PlainModel(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 200

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 5

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            return f"row {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None

    def show() -> None:
        view = QTableView()
        view.setModel(PlainModel(view))
        view.resize(*WINDOW_SIZE)
        view.show()
        app.processEvents()
        view.grab()
        view.close()
        view.deleteLater()

    return show


# ----- one task in a process of its own ----------------------------------------------------------


def _task(name: str, args: list[str]) -> None:
    if name in ("export", "page"):
        from trustdesk.store.workspace import open_workspace  # as the window opens it: no Alembic
    if name == "export":
        # read-only: the benchmark's own process has it open (and reading is all it does)
        workspace = open_workspace(Path(args[0]), read_only=True)
        with workspace, workspace.session() as session:
            export_quarter(session, workspace.config)
    elif name == "export-floor":
        export_floor(json.loads(Path(args[0]).read_text(encoding="utf-8")))
    elif name == "import":
        import_and_consolidate(return_files(Path(args[0])))
    elif name == "read-floor":
        openpyxl_read_floor(return_files(Path(args[0])))
    elif name == "read-calamine":
        calamine_floor(return_files(Path(args[0])))
    elif name == "page":
        app = application()
        with open_workspace(Path(args[0]), read_only=True) as workspace:
            window = window_on(workspace, other_page(args[1]))
            open_page(app, window, args[1])
            settle(app, window)
            window.close()
    elif name == "page-floor":
        bare_table(application())()
    else:
        raise SystemExit(f"no task {name!r}")


if __name__ == "__main__":
    from tests.benchmarks.memory import say_own_peak

    _task(sys.argv[1], sys.argv[2:])
    say_own_peak()
