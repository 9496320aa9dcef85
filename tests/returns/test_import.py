"""Importing the returns of the units below into a district (or county) workspace.

Each return is a real one: small demo locality workspaces export their returns once for the
module, and every test imports copies of them into a fresh district workspace, as a district
officer would import what arrived by e-mail. A refused file is always imported beside a good
one, to show that it leaves no row at all in any table (counted between the two files) and
does not stop the good one; every message is checked word for word, as the officer reads it
(the import report's reason: the message, then the hint on its own line).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from tests.returns import hostile_files as make
from tests.returns.forging import texts_fingerprint_of_book
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.demo.generator import build_demo
from trustdesk.errors import UserError, ValidationError
from trustdesk.returns import formats, received
from trustdesk.returns.completeness import completeness
from trustdesk.returns.export import export_return
from trustdesk.returns.importer import (
    Change,
    ImportLine,
    ImportReport,
    changes_between,
    check_files,
    import_returns,
    return_files,
    take_in,
)
from trustdesk.returns.model import fingerprint
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.received import current_record, figures_of, load_returns, record_of
from trustdesk.returns.review import accept, query
from trustdesk.returns.summary_check import disagreements
from trustdesk.returns.target_tables import TARGETS
from trustdesk.returns.workbook import SUMMARY
from trustdesk.services.spending import record_spend
from trustdesk.services.validation import trust
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.workspace import Workspace

DAY = dt.date(2026, 11, 23)  # the demo workspaces' last day of records
Q2 = Period.parse("2026-27Q2")  # Jul-Sep 2026, due 15 Oct 2026 (15 days after it ends)
DUE = dt.date(2026, 10, 15)
ON_TIME = dt.datetime(2026, 10, 10, 9, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
Q2_LABEL = "Q2 2026-27 (Jul\u2013Sep 2026)"

# The hints, written out as the officer reads them.
AGAIN = "Ask the coordinator to make the return again in TrustDesk and send the new file."
WRONG_FILE = "Ask the coordinator for the return's workbook (.xlsx), just as TrustDesk made it."
HOSTILE = (
    "It may have been made to harm the computer that opens it: do not open it in another "
    "program, and ask whoever sent it where it came from."
)
EDITED = (
    "Its figures or texts have been changed since the return was exported (they no "
    "longer match the fingerprints in its Manifest).\n"
    "Ask the coordinator whether the change is right. To take the return in as it is, "
    "confirm it (on the command line: --accept-edited); it is then marked as edited."
)
RETURN_TABLES = ("return_record", "return_figure", "return_text")


# The returns, made once


@dataclass(frozen=True)
class Made:
    """The files the localities (and a district) sent, and empty workspaces to copy."""

    btc: tuple[Path, Path, Path]  # Burton Town's revisions 1, 2 (a payment added) and 3 (same)
    btc_pdf: Path  # the PDF copy made beside revision 1
    tut: Path  # Tutbury and Rolleston, exported late
    hed: Path  # Hednesford, a locality of Cannock Chase
    est: Path  # East Staffordshire's own return (a district's, made in a district workspace)
    district: Path  # an empty East Staffordshire workspace, closed
    county: Path  # an empty Staffordshire workspace, closed
    sheet: dict[tuple[str, str, str], tuple[int, int]]  # revision 1's Data: key -> (row, value)

    def row(self, *key: str) -> int:
        return self.sheet[_key(*key)][0]

    def value(self, *key: str) -> int:
        return self.sheet[_key(*key)][1]


def _key(measure: str, breakdown: str = "", category: str = "") -> tuple[str, str, str]:
    return (measure, breakdown, category)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    root = tmp_path_factory.mktemp("returns")

    def locality(code: str) -> Workspace:
        return build_demo(root / code, unit_code=code, as_of=DAY)

    with locality("EST-BTC") as ws, ws.session() as session:
        first = export_return(session, Q2, root / "r1", formats=["xlsx", "pdf"], now=ON_TIME)
        record_spend(session, date=dt.date(2026, 8, 5), amount="12.50", purpose="travel")
        second = export_return(
            session, Q2, root / "r2", formats=["xlsx"], now=ON_TIME + dt.timedelta(days=10)
        )
        third = export_return(
            session, Q2, root / "r3", formats=["xlsx"], now=ON_TIME + dt.timedelta(days=11)
        )
        session.commit()
    sent = {}
    for code, now in (("EST-TUT", LATE), ("CAN-HED", ON_TIME)):
        with locality(code) as ws, ws.session() as session:
            sent[code] = export_return(session, Q2, root / code.lower(), formats=["xlsx"], now=now)
    config = example_trust_path()
    with (
        create_workspace(root / "EST", "EST", config_path=config) as ws,
        ws.session() as session,
    ):
        own = export_return(session, Q2, root / "est", formats=["xlsx"], now=ON_TIME)
    create_workspace(root / "STAFFS", "STAFFS", config_path=config).close()
    book = openpyxl.load_workbook(first.paths[0], read_only=True)
    rows = enumerate(book["Data"].iter_rows(values_only=True), start=1)
    sheet = {(m, b or "", c or ""): (number, v) for number, (m, b, c, v) in rows if number > 1}
    book.close()
    return Made(
        btc=(first.paths[0], second.paths[0], third.paths[0]),
        btc_pdf=first.paths[1],
        tut=sent["EST-TUT"].paths[0],
        hed=sent["CAN-HED"].paths[0],
        est=own.paths[0],
        district=root / "EST",
        county=root / "STAFFS",
        sheet=sheet,
    )


@dataclass
class Office:
    """A district (or county) workspace as its officer has it open."""

    path: Path
    session: Session

    def integrity(self) -> str:
        with sqlite3.connect(self.path / "trustdesk.sqlite") as db:
            return db.execute("PRAGMA integrity_check").fetchone()[0]


def _office(template: Path, folder: Path) -> Iterator[Office]:
    shutil.copytree(template, folder)
    with open_workspace(folder) as ws, ws.session() as session:
        yield Office(folder, session)


@pytest.fixture
def district(made: Made, tmp_path: Path) -> Iterator[Office]:
    """A fresh East Staffordshire workspace with nothing imported yet."""
    yield from _office(made.district, tmp_path / "EST")


@pytest.fixture
def county(made: Made, tmp_path: Path) -> Iterator[Office]:
    yield from _office(made.county, tmp_path / "STAFFS")


# Helpers


def counts(session: Session) -> dict[str, int]:
    """The rows in every table of the workspace."""
    tables = session.exec(  # type: ignore[call-overload]
        text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ).scalars()
    return {
        t: session.exec(text(f'SELECT count(*) FROM "{t}"')).scalar_one()  # type: ignore[call-overload]
        for t in list(tables)
    }


@dataclass
class Run:
    """An import, with the rows of every table counted before each file and after the last."""

    report: ImportReport
    files: list[str]
    snapshots: list[dict[str, int]]

    def line(self, name: str) -> ImportLine:
        (found,) = [line for line in self.report.lines if line.file_name == name]
        return found

    def outcomes(self) -> dict[str, str]:
        return {line.file_name: line.outcome for line in self.report.lines}

    def written_by(self, name: str) -> dict[str, int]:
        """The rows each table gained while the file was taken in (only tables that did)."""
        at = self.files.index(name)
        before, after = self.snapshots[at], self.snapshots[at + 1]
        return {t: after[t] - before.get(t, 0) for t in after if after[t] != before.get(t, 0)}


def run_import(session: Session, paths: list[Path], **options) -> Run:
    snapshots: list[dict[str, int]] = []
    files: list[str] = []

    def progress(number: int, total: int, what: str) -> None:
        snapshots.append(counts(session))
        if number < total:
            files.append(what.removeprefix("Importing "))

    options.setdefault("today", DAY)
    report = import_returns(session, paths, progress=progress, **options)
    return Run(report, files, snapshots)


def copy(path: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(path, folder / (name or path.name)))


def row_of(book: openpyxl.Workbook, measure: str, breakdown: str = "", category: str = "") -> int:
    """The Data sheet row of a figure."""
    for row in book["Data"].iter_rows(min_row=2):
        if (row[0].value, row[1].value or "", row[2].value or "") == (measure, breakdown, category):
            return row[0].row
    raise AssertionError(f"no row for {measure}/{breakdown}/{category}")


def set_manifest(book: openpyxl.Workbook, key: str, value: str) -> None:
    """Write a Manifest value (the sheet is hidden and protected; openpyxl writes it anyway)."""
    for row in book["Manifest"].iter_rows():
        if row[0].value == key:
            row[1].value = value
            return
    raise AssertionError(f"the Manifest has no {key!r}")


def manifest(book: openpyxl.Workbook, key: str) -> str:
    return next(r[1].value for r in book["Manifest"].iter_rows() if r[0].value == key)


def doctored(
    source: Path,
    target: Path,
    edit: Callable[[openpyxl.Workbook], None],
    *,
    refingerprint: bool = False,
) -> Path:
    """The return opened, changed and saved with openpyxl. With ``refingerprint`` the
    Manifest's figure count and fingerprint are made to match the changed Data sheet, as a
    careful forger (or a buggy program) would, so that only the catalogue checks can tell."""
    book = openpyxl.load_workbook(source)
    edit(book)
    if refingerprint:
        figures = [
            ((m, b or "", c or ""), v)
            for m, b, c, v in book["Data"].iter_rows(min_row=2, values_only=True)
            if m is not None
        ]
        unit, period = manifest(book, "unit_code"), manifest(book, "period")
        set_manifest(book, "fingerprint", fingerprint(unit, period, figures))
        set_manifest(book, "figure_count", str(len(figures)))
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def add_to(measure: str, breakdown: str = "", category: str = "", by: int = 1):
    def edit(book: openpyxl.Workbook) -> None:
        cell = book["Data"].cell(row_of(book, measure, breakdown, category), 4)
        cell.value += by

    return edit


def refused_beside_a_good_one(office: Office, bad: Path, good: Path, **options) -> str:
    """Import the bad file, then a good one: the bad one is refused and wrote nothing, the
    good one is imported. The reason the bad one was refused."""
    run = run_import(office.session, [bad, good], **options)
    assert run.outcomes() == {bad.name: "refused", good.name: "imported"}
    assert run.written_by(bad.name) == {}
    written = run.written_by(good.name)
    assert written["return_record"] == 1 and written["return_figure"] > 300
    assert run.report.summary == "2 files: 1 imported, 0 replaced, 0 unchanged, 1 refused."
    return run.line(bad.name).reason


def stored(session: Session, unit_code: str) -> dict:
    record = current_record(session, unit_code, Q2)
    assert record is not None
    return figures_of(session, record)


def return_rows(session: Session) -> dict[str, int]:
    all_rows = counts(session)
    return {t: all_rows[t] for t in RETURN_TABLES}


# Returns that do not belong here


def test_another_districts_locality_is_refused(made, district, tmp_path):
    reason = refused_beside_a_good_one(district, made.hed, made.tut)
    assert reason == (
        "It is the return of Hednesford (CAN-HED), which reports to Cannock Chase, not to "
        "East Staffordshire.\nSend it on to Cannock Chase's officer."
    )


def test_the_workspaces_own_return_is_refused(made, district):
    reason = refused_beside_a_good_one(district, made.est, made.tut)
    assert reason == (
        "It is East Staffordshire's own return: a workspace exports its own return and imports "
        "those of the units below it.\nImport it in the workspace of the unit it reports to."
    )


def test_a_locality_return_is_refused_by_the_county(made, county):
    """Two levels down: a locality's return goes to its district, the district's to the
    county (which takes it in)."""
    reason = refused_beside_a_good_one(county, made.btc[0], made.est)
    assert reason == (
        "It is the return of Burton Town (EST-BTC), which reports to East Staffordshire, not "
        "to Staffordshire.\nSend it on to East Staffordshire's officer."
    )
    assert current_record(county.session, "EST", Q2) is not None


def test_an_unknown_format_version_is_refused(made, district, tmp_path):
    bad = doctored(
        made.btc[0], tmp_path / "newer.xlsx", lambda b: set_manifest(b, "format_version", "9")
    )
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason.split("\n")[0] == (
        "The return cannot be read: Manifest sheet, row 2, column B (format_version): the file "
        "is in format version '9'; this TrustDesk reads versions 1 to 4."
    )


def test_an_unknown_format_version_says_to_update_trustdesk(made, district, tmp_path):
    bad = doctored(
        made.btc[0], tmp_path / "newer.xlsx", lambda b: set_manifest(b, "format_version", "9")
    )
    reason = refused_beside_a_good_one(district, bad, made.tut)
    hint = reason.split("\n", 1)[1]
    assert hint != AGAIN
    assert "TrustDesk 0.1.0" in hint  # the Manifest's made_by: the version that made it
    assert "update" in hint.lower() or "newer" in hint.lower()


@pytest.mark.parametrize("period", ["2026-27Q5", "2026-28Q1"])
def test_a_period_that_does_not_exist_is_refused(made, district, tmp_path, period):
    bad = doctored(made.btc[0], tmp_path / "odd.xlsx", lambda b: set_manifest(b, "period", period))
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        f"The return cannot be read: Manifest sheet, row 8, column B (period): {period!r} is not "
        f"a reporting period.\n{AGAIN}"
    )


def test_a_period_that_has_not_begun_is_refused(made, district, tmp_path):
    """A return for Q4 (January to March 2027), imported in November 2026; its fingerprint
    is made to match, as a computer with a wrong date would have made it."""
    bad = doctored(
        made.btc[0],
        tmp_path / "EST-BTC_2026-27Q4_r1.xlsx",
        lambda b: set_manifest(b, "period", "2026-27Q4"),
        refingerprint=True,
    )
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        "It is for Q4 2026-27 (Jan\u2013Mar 2027), which has not begun yet, so it cannot be a "
        "return of figures.\n"
        "Check the date on the coordinator's computer, and ask them to export again."
    )


def test_a_period_begins_on_its_first_day(made, district, tmp_path):
    """The same file (made on the period's first day) is refused the day before the period
    starts, and taken in on that day."""
    r1 = made.btc[0]

    def made_that_morning(book: openpyxl.Workbook) -> None:
        set_manifest(book, "made_at", f"{Q2.start.isoformat()}T09:00:00+00:00")

    first_day = doctored(r1, tmp_path / "first" / r1.name, made_that_morning)
    early = run_import(district.session, [first_day], today=Q2.start - dt.timedelta(days=1))
    assert early.line(r1.name).reason.startswith(f"It is for {Q2_LABEL}, which has not")
    assert early.written_by(r1.name) == {}
    on_the_day = run_import(district.session, [first_day], today=Q2.start)
    assert on_the_day.outcomes() == {r1.name: "imported"}


# Figures changed after export


def test_a_hand_edited_figure_is_refused_unless_accepted(made, district, tmp_path):
    bad = doctored(
        made.btc[0], tmp_path / "in" / made.btc[0].name, add_to("sessions", "ecm_outcome", "safe")
    )
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == EDITED


def test_a_hand_edited_figure_accepted_is_taken_in_and_marked(made, district, tmp_path):
    edit = add_to("sessions", "ecm_outcome", "safe")
    bad = doctored(made.btc[0], tmp_path / "in" / made.btc[0].name, edit)
    run = run_import(district.session, [bad, made.tut], accept_edited=True)

    line = run.line(bad.name)
    assert (line.outcome, line.edited) == ("imported", True)
    assert line.summary == (
        f"imported: Burton Town (EST-BTC), {Q2_LABEL}, revision 1 (edited after export)"
    )
    assert run.line(made.tut.name).edited is False
    record = current_record(district.session, "EST-BTC", Q2)
    assert record is not None and record.edited_after_export
    key = ("sessions", "ecm_outcome", "safe")
    assert stored(district.session, "EST-BTC")[key] == made.value(*key) + 1  # as it is
    grid = completeness(district.session, [Q2], DAY)
    assert grid.cell("EST-BTC", Q2).edited and not grid.cell("EST-TUT", Q2).edited


def test_the_edited_mark_reaches_the_county(made, district, county, tmp_path):
    """A district that takes in an edited return says so in its own return's Manifest and
    PDF, and so does the county's return made from the district's."""
    bad = doctored(
        made.btc[0], tmp_path / "in" / made.btc[0].name, add_to("sessions", "ecm_outcome", "safe")
    )
    run_import(district.session, [bad, made.tut], accept_edited=True)
    sent = export_return(district.session, Q2, tmp_path / "est", now=LATE)
    edited_of = _edited_constituents(sent.paths[0])
    assert edited_of["EST-BTC"] == "EST-BTC" and edited_of["EST-TUT"] == ""
    words = _pdf_words(sent.paths[1])
    assert "Burton Town received, not yet accepted · revision 1 · edited after export" in words
    assert "Edited after export and taken in as it was: Burton Town (the figures" in words

    run_import(county.session, [sent.paths[0]])
    made_by_county = export_return(county.session, Q2, tmp_path / "staffs", now=LATE)
    assert _edited_constituents(made_by_county.paths[0])["EST"] == "EST-BTC"
    words = _pdf_words(made_by_county.paths[1])
    assert "includes edited returns" in words
    assert "Edited after export and taken in as it was: Burton Town (the figures" in words


def _constituents_column_six(value: str | None):
    def edit(book: openpyxl.Workbook) -> None:
        ws = book["Manifest"]
        rows = list(ws.iter_rows())
        start = next(i for i, r in enumerate(rows) if r[0].value == "constituent_unit")
        rows[start][5].value = None if value is None else "edited_after_export"
        for row in rows[start + 1 :]:
            row[5].value = value

    return edit


def test_a_constituents_table_from_before_the_edited_mark_still_reads(made, tmp_path):
    config = load_trust_config(example_trust_path())
    older = doctored(made.est, tmp_path / "older.xlsx", _constituents_column_six(None))
    ret = read_workbook(older, config)
    assert ret.constituents and all(c.edited == () for c in ret.constituents)
    forged = doctored(made.est, tmp_path / "forged.xlsx", _constituents_column_six("EST-XYZ"))
    with pytest.raises(
        UserError, match="column F \\(edited_after_export\\): 'EST-XYZ' is not a unit"
    ):
        read_workbook(forged, config)


def _edited_constituents(path: Path) -> dict[str, str]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book["Manifest"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "constituent_unit")
    assert rows[start][5] == "edited_after_export"
    return {r[0]: r[5] or "" for r in rows[start + 1 :] if r[0]}


def _pdf_words(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


# A figure changed on the Summary sheet, the one people read


def _numbers_on_the_summary(book: openpyxl.Workbook) -> list[tuple[int, int]]:
    """Every number on the Summary that the return's figures make."""
    ws = book[SUMMARY]
    elsewhere = _not_from_data_cells(ws)
    return [
        (cell.row, cell.column)
        for row in ws.iter_rows(min_col=2)
        for cell in row
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
        if (cell.row, cell.column) not in elsewhere
    ]


def _not_from_data_cells(ws) -> set[tuple[int, int]]:
    """A quarter's year to date (beside its reach), the periods its headline figures are
    compared with, and its targets (the configuration's, and measured on the year to date):
    these come from the records when it was exported, not from its figures."""
    title = next(c.row for c in ws["A"] if c.value == "Reach against the REYS benchmarks")
    columns = [c.column for c in ws[title + 1] if "year to date" in str(c.value or "")]
    rows = range(title + 2, title + 6)  # its four rows
    cells = {(r, c) for r in rows for c in columns}
    head = next(c.row for c in ws["A"] if c.value == "Headline figures") + 1
    compared = [c.column for c in ws[head][2:] if c.value]  # after "This quarter"
    end = next(r for r in range(head, ws.max_row) if ws.cell(r, 1).value is None)
    cells |= {(r, c) for r in range(head + 1, end) for c in compared}
    targets = next((c.row for c in ws["A"] if c.value == TARGETS), None)
    if targets is not None:
        end = next(r for r in range(targets, ws.max_row) if ws.cell(r, 1).value is None)
        cells |= {(r, c) for r in range(targets + 2, end) for c in range(2, ws.max_column + 1)}
    return cells


def _bump_first_number(book: openpyxl.Workbook) -> None:
    row, column = _numbers_on_the_summary(book)[0]
    book[SUMMARY].cell(row, column).value += 1


def test_every_number_on_the_summary_is_held_to_the_data(made):
    """Nothing is flagged in a return as TrustDesk made it, and a change to any one of the
    numbers on its Summary is found (so none is outside the check)."""
    config = load_trust_config(example_trust_path())
    for path in (made.btc[0], made.tut, made.hed, made.est):
        ret = read_workbook(path, config)
        book = openpyxl.load_workbook(path)
        ws = book[SUMMARY]
        rows = [(r[0].row, tuple(c.value for c in r)) for r in ws.iter_rows()]
        assert disagreements(rows, ret, config) == []
        numbers = _numbers_on_the_summary(book)
        assert len(numbers) > 50, path.name  # the headline, reach and breakdown tables
        for row, column in numbers:
            changed = [
                (n, tuple(v + 1 if (n, i + 1) == (row, column) else v for i, v in enumerate(vs)))
                for n, vs in rows
            ]
            found = disagreements(changed, ret, config)
            assert [d.row for d in found] == [row], (path.name, row, column)


def test_a_summary_edit_is_refused_unless_accepted(made, district, tmp_path):
    bad = doctored(made.btc[0], tmp_path / "in" / made.btc[0].name, _bump_first_number)
    assert refused_beside_a_good_one(district, bad, made.tut) == EDITED


def test_a_summary_edit_names_its_row(made, tmp_path):
    bad = doctored(made.btc[0], tmp_path / made.btc[0].name, _bump_first_number)
    with pytest.raises(UserError) as refused:
        read_workbook(bad, load_trust_config(example_trust_path()))
    row = _numbers_on_the_summary(openpyxl.load_workbook(bad))[0][0]
    assert str(refused.value).startswith(
        f"The Summary sheet does not show the return's figures: Summary sheet, row {row} ("
    )
    assert refused.value.hint == AGAIN


def test_a_summary_edit_accepted_is_taken_in_and_marked(made, district, tmp_path):
    bad = doctored(made.btc[0], tmp_path / "in" / made.btc[0].name, _bump_first_number)
    run = run_import(district.session, [bad], accept_edited=True)
    assert (run.line(bad.name).outcome, run.line(bad.name).edited) == ("imported", True)
    record = current_record(district.session, "EST-BTC", Q2)
    assert record is not None and record.edited_after_export


# Files that are not a return, or not a whole one


def test_a_deleted_manifest_sheet(made, district, tmp_path):
    bad = make.manifest_deleted(made.btc[0], tmp_path)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert (
        reason
        == f"'manifest_deleted.xlsx' is not a TrustDesk return: it has no Manifest sheet.\n{AGAIN}"
    )


def test_a_truncated_file(made, district, tmp_path):
    bad = make.truncated(made.btc[0], tmp_path)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        "'truncated.xlsx' is incomplete: the end of the file is missing.\n"
        "It may not have finished copying or downloading: ask the coordinator to send it again."
    )


def test_the_pdf_copy_given_by_name(made, district):
    reason = refused_beside_a_good_one(district, made.btc_pdf, made.tut)
    assert reason == (
        "'EST-BTC_2026-27Q2_r1.pdf' is a PDF; TrustDesk imports the return's workbook (.xlsx), "
        f"made beside the PDF.\n{WRONG_FILE}"
    )


def test_a_text_file_renamed_xlsx(made, district, tmp_path):
    bad = tmp_path / "figures.xlsx"
    bad.write_text("measure,breakdown,category,value\nsessions,,,72\n", encoding="utf-8")
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert (
        reason
        == f"'figures.xlsx' is a text file (such as CSV), not an Excel workbook.\n{WRONG_FILE}"
    )


def test_a_zip_bomb(made, district, tmp_path):
    bad = make.zip_bomb(made.btc[0], tmp_path)
    with zipfile.ZipFile(bad) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    ratio = info.file_size / info.compress_size
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        "'zip_bomb.xlsx' cannot be a return: one part of it (xl/worksheets/sheet1.xml) is packed "
        f"{ratio:,.0f} times smaller than what it holds, far tighter than any workbook's.\n"
        f"{HOSTILE}"
    )


def test_an_xml_entity_bomb(made, district, tmp_path):
    bad = make.billion_laughs(made.btc[0], tmp_path)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        "'billion_laughs.xlsx' cannot be a return: a part of it (xl/workbook.xml) has a DOCTYPE "
        "declaration, which Excel and LibreOffice never write; it is how entity bombs and "
        f"references to other files are made.\n{HOSTILE}"
    )


# Figures the catalogue does not allow (the fingerprint made to match, so only it can tell)


def _unknown_measure(book: openpyxl.Workbook) -> None:
    book["Data"].append(["volunteer_hours", None, None, 12])


def _unknown_category(book: openpyxl.Workbook) -> None:
    book["Data"].cell(
        row_of(book, "sessions", "activity_category", "youth-work"), 3
    ).value = "knitting"


def _negative(book: openpyxl.Workbook) -> None:
    book["Data"].cell(row_of(book, "sessions", "ecm_outcome", "healthy"), 4).value = -3


def _missing_row(book: openpyxl.Workbook) -> None:
    book["Data"].delete_rows(row_of(book, "sessions", "activity_category", "participation"))


def test_an_unknown_measure(made, district, tmp_path):
    last = max(row for row, _ in made.sheet.values())
    bad = doctored(made.btc[0], tmp_path / "x.xlsx", _unknown_measure, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        f"The return cannot be read: Data sheet, row {last + 1}, column A (measure): "
        f"'volunteer_hours' is not a measure this TrustDesk knows.\n{AGAIN}"
    )


def test_an_unknown_category(made, district, tmp_path):
    row = made.row("sessions", "activity_category", "youth-work")
    bad = doctored(made.btc[0], tmp_path / "x.xlsx", _unknown_category, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        f"The return cannot be read: Data sheet, row {row}, column C (category): 'knitting' is "
        "not a category of activity category in the trust's configuration (trust.toml).\n"
        f"{AGAIN}"
    )


def test_a_negative_count(made, district, tmp_path):
    row = made.row("sessions", "ecm_outcome", "healthy")
    bad = doctored(made.btc[0], tmp_path / "x.xlsx", _negative, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        f"The return cannot be read: Data sheet, row {row}, column D (value): -3 is negative, "
        f"and a figure never is.\n{AGAIN}"
    )


def test_age_bands_that_do_not_add_up_to_the_total(made, district, tmp_path):
    total_row, total = made.sheet[_key("attendances")]
    bands = sum(
        v for (m, b, _), (_, v) in made.sheet.items() if (m, b) == ("attendances", "age_band")
    )
    assert bands == total  # as exported
    edit = add_to("attendances", "age_band", "13-15", by=1000)
    bad = doctored(made.btc[0], tmp_path / "x.xlsx", edit, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        f"The return cannot be read: Data sheet, row {total_row}, column D (value): the total "
        f"of attendances is {total:,}, but its figures by age band add up to {total + 1000:,}.\n"
        f"{AGAIN}"
    )


def test_a_missing_row(made, district, tmp_path):
    bad = doctored(made.btc[0], tmp_path / "x.xlsx", _missing_row, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason == (
        "The return cannot be read: the Data sheet has no row for sessions / activity_category "
        f"/ participation, which every return of this trust carries.\n{AGAIN}"
    )


def test_a_figure_too_big_to_keep_is_refused(made, district, tmp_path):
    row = made.row("sessions", "ecm_outcome", "healthy")

    def huge(book: openpyxl.Workbook) -> None:
        book["Data"].cell(row, 4).value = 10**20

    bad = doctored(made.btc[0], tmp_path / "x.xlsx", huge, refingerprint=True)
    reason = refused_beside_a_good_one(district, bad, made.tut)
    assert reason.startswith(
        f"The return cannot be read: Data sheet, row {row}, column D (value): "
    )
    assert reason.endswith(f"\n{AGAIN}")


# The same return again, and its revisions


def test_the_same_file_twice_changes_nothing(made, district):
    run_import(district.session, [made.btc[0]])
    before = counts(district.session)
    again = run_import(district.session, [made.btc[0]])
    assert again.report.lines[0].summary == (
        f"unchanged: Burton Town (EST-BTC), {Q2_LABEL}, revision 1 was already imported"
    )
    assert again.report.summary == "1 file: 0 imported, 0 replaced, 1 unchanged, 0 refused."
    assert not again.report.any_refused
    assert counts(district.session) == before


def test_a_new_revision_replaces_the_old_and_lists_what_changed(made, district):
    r1, r2, _ = made.btc
    run_import(district.session, [r1])
    first = current_record(district.session, "EST-BTC", Q2)
    run = run_import(district.session, [r2])

    line = run.line(r2.name)
    assert (line.outcome, line.revision, line.replaces) == ("replaced", 2, 1)
    was = made.value
    assert list(line.changes) == [
        Change("Small-budget payments", was("spend_items"), was("spend_items") + 1),
        Change("Small-budget spend", was("spend_pence"), was("spend_pence") + 1250, "pence"),
        Change(
            "Small-budget payments, purpose Travel costs",
            was("spend_items", "purpose", "travel"),
            was("spend_items", "purpose", "travel") + 1,
        ),
        Change(
            "Small-budget spend, purpose Travel costs",
            was("spend_pence", "purpose", "travel"),
            was("spend_pence", "purpose", "travel") + 1250,
            "pence",
        ),
    ]
    assert line.summary == (
        f"replaced revision 1: Burton Town (EST-BTC), {Q2_LABEL}, revision 2; 4 figures changed"
    )
    # Revision 2 is current; revision 1 is kept, no longer current.
    current = current_record(district.session, "EST-BTC", Q2)
    assert current is not None and current.revision == 2
    district.session.refresh(first)
    assert first is not None and not first.is_current
    assert stored(district.session, "EST-BTC")[("spend_items", "", "")] == was("spend_items") + 1


def test_changed_money_and_hours_are_shown_as_people_read_them(made, district):
    run_import(district.session, made.btc[:1])
    line = run_import(district.session, [made.btc[1]]).line(made.btc[1].name)
    pence = made.value("spend_pence")
    assert str(line.changes[1]) == (
        f"Small-budget spend: \u00a3{pence / 100:,.2f} \u2192 \u00a3{(pence + 1250) / 100:,.2f}"
    )
    minutes = {("contact_minutes", "", ""): 90}
    (change,) = changes_between(
        minutes, {("contact_minutes", "", ""): 150}, trust(district.session)
    )
    assert str(change) == "Contact hours: 1.5 \u2192 2.5"


def test_an_older_revision_already_imported_is_unchanged(made, district):
    r1, r2, _ = made.btc
    run_import(district.session, [r1, r2])
    before = counts(district.session)
    again = run_import(district.session, [r1])
    assert again.line(r1.name).summary == (
        f"unchanged: Burton Town (EST-BTC), {Q2_LABEL}, revision 1 was already imported"
    )
    assert counts(district.session) == before
    assert current_record(district.session, "EST-BTC", Q2).revision == 2


def test_an_older_revision_never_imported_is_refused(made, district):
    r1, r2, r3 = made.btc
    run_import(district.session, [r3])
    run = run_import(district.session, [r2, made.tut])
    assert run.outcomes() == {r2.name: "refused", made.tut.name: "imported"}
    assert run.written_by(r2.name) == {}
    assert run.line(r2.name).reason == (
        "It is revision 2, but revision 3 of this return is already imported, and an older "
        "revision never replaces a newer one.\n"
        "Nothing needs doing, unless the coordinator meant to send a newer one."
    )
    assert current_record(district.session, "EST-BTC", Q2).revision == 3


def test_a_revision_that_changes_nothing_still_replaces(made, district):
    _, r2, r3 = made.btc
    run_import(district.session, [r2])
    line = run_import(district.session, [r3]).line(r3.name)
    assert (line.outcome, line.changes) == ("replaced", ())
    assert line.summary == (
        f"replaced revision 2: Burton Town (EST-BTC), {Q2_LABEL}, revision 3; no figure changed"
    )


def _same_revision_other_figures(made: Made, district: Office, tmp_path: Path, **options) -> str:
    """Revision 1 imported, then a copy of it with one figure changed: the reason it is
    refused (it wrote nothing; the file after it is imported)."""
    r1 = made.btc[0]
    run_import(district.session, [r1])
    edit = add_to("sessions", "ecm_outcome", "safe")
    other = doctored(r1, tmp_path / "other" / r1.name, edit, **options)
    run = run_import(district.session, [other, made.tut], accept_edited=True)
    assert run.outcomes() == {r1.name: "refused", made.tut.name: "imported"}
    assert run.written_by(r1.name) == {}
    return run.line(r1.name).reason


SAME_REVISION = (
    "Revision 1 of this return was imported before with different figures or texts; a return "
    "never changes without a new revision.\nAsk the coordinator to export it again."
)


def test_the_same_revision_with_other_figures_is_refused(made, district, tmp_path):
    """The fingerprint made to match: a second, different revision 1 (e.g. exported again
    after a backup from before the first export was restored)."""
    reason = _same_revision_other_figures(made, district, tmp_path, refingerprint=True)
    assert reason == SAME_REVISION


def test_the_authentic_file_replaces_an_edited_copy_of_its_revision(made, district, tmp_path):
    """An edited copy taken in on purpose (and even accepted) is replaced by the
    coordinator's own file of the same revision: the officer can put the truth back."""
    r1 = made.btc[0]
    key = ("sessions", "ecm_outcome", "safe")
    copy = doctored(r1, tmp_path / "edited" / r1.name, add_to(*key))
    run_import(district.session, [copy], accept_edited=True)
    accept(district.session, current_record(district.session, "EST-BTC", Q2).id)

    run = run_import(district.session, [r1])
    line = run.line(r1.name)
    assert (line.outcome, line.replaces, line.edited) == ("replaced", 1, False)
    assert [(c.before, c.after) for c in line.changes][-1:] == [
        (made.value(*key) + 1, made.value(*key))
    ]
    record = current_record(district.session, "EST-BTC", Q2)
    assert record is not None and not record.edited_after_export
    assert record.review_status == "received"  # a different file: to be looked at again
    assert stored(district.session, "EST-BTC")[key] == made.value(*key)
    assert district.integrity() == "ok"
    # ... and an edited copy never replaces the authentic file.
    again = run_import(district.session, [copy], accept_edited=True)
    assert again.line(r1.name).reason == SAME_REVISION


def test_an_edited_copy_of_an_imported_revision_does_not_suggest_accepting_it(
    made, district, tmp_path
):
    reason = _same_revision_other_figures(made, district, tmp_path)
    assert reason == SAME_REVISION


@pytest.mark.parametrize("forged", [False, True], ids=["edited", "fingerprints forged"])
def test_a_copy_of_an_imported_revision_with_a_text_changed_is_never_unchanged(
    made, district, tmp_path, forged
):
    """Its figures the same, one partner's name changed by hand: refused as another revision
    1, not reported as "unchanged" (the officer would think it the same file)."""
    r1 = made.btc[0]
    run_import(district.session, [r1])

    def rename(book: openpyxl.Workbook) -> None:
        book["Partners"].cell(2, 1).value = "Renamed after export"
        if forged:
            unit, period = manifest(book, "unit_code"), manifest(book, "period")
            version = manifest(book, "format_version")
            texts = texts_fingerprint_of_book(book, unit, period, version)
            set_manifest(book, "texts_fingerprint", texts)

    other = doctored(r1, tmp_path / "other" / r1.name, rename)
    run = run_import(district.session, [other], accept_edited=True)
    assert run.outcomes() == {r1.name: "refused"}
    assert run.line(r1.name).reason == SAME_REVISION


def test_another_return_for_the_same_unit_and_period_is_refused(made, district, tmp_path):
    """Made in another workspace (another return id): a unit has one return a period."""
    r1 = made.btc[0]
    run_import(district.session, [r1])
    other = doctored(
        r1,
        tmp_path / "laptop" / "EST-BTC_2026-27Q2_r4.xlsx",
        lambda b: (
            set_manifest(b, "return_id", "0a2b4c6d-8e0f-4a1b-9c3d-5e7f9a1b3c5d"),
            set_manifest(b, "revision", "4"),
        ),
    )
    run = run_import(district.session, [other, made.tut])
    assert run.written_by(other.name) == {}
    assert run.line(other.name).reason == (
        f"Burton Town already has a return for {Q2_LABEL} that was made in another workspace "
        f"(revision 1, from {r1.name}); a unit has one return a period.\n"
        "Ask the coordinator which is right; the other one should be exported again from the "
        "workspace that made the one already imported."
    )


# Checking first, then taking in (the desktop's way)


def test_checking_writes_nothing_and_taking_in_decides_again(made, district, tmp_path):
    r1, r2, _ = made.btc
    edited = doctored(
        made.tut, tmp_path / "in" / made.tut.name, add_to("sessions", "ecm_outcome", "safe")
    )
    before = counts(district.session)
    checked = check_files(district.session, [r1, r2, edited], today=DAY)
    assert counts(district.session) == before
    assert [(c.plan, c.edited) for c in checked] == [("new", False), ("new", False), ("new", True)]

    asked = []

    def accept_edited(item) -> bool:
        asked.append(item.path.name)
        return True

    report = take_in(district.session, checked, accept_edited=accept_edited)
    # Revision 2 was "new" when checked; taken in after revision 1, it replaces it.
    assert [(line.outcome, line.replaces) for line in report.lines] == [
        ("imported", None),
        ("replaced", 1),
        ("imported", None),
    ]
    assert report.lines[2].edited and made.tut.name in asked
    assert current_record(district.session, "EST-TUT", Q2).edited_after_export


def test_take_in_refuses_an_edited_file_the_officer_did_not_confirm(made, district, tmp_path):
    edited = doctored(
        made.tut, tmp_path / "in" / made.tut.name, add_to("sessions", "ecm_outcome", "safe")
    )
    checked = check_files(district.session, [edited, made.btc[0]], today=DAY)
    before = return_rows(district.session)
    report = take_in(district.session, checked, accept_edited=lambda item: not item.edited)
    assert [(line.outcome, line.reason) for line in report.lines] == [
        ("refused", EDITED),
        ("imported", ""),
    ]
    after = return_rows(district.session)
    assert after["return_record"] == before["return_record"] + 1


# All or nothing


class DiskFull(OperationalError):
    def __init__(self) -> None:
        super().__init__("INSERT INTO return_text", {}, Exception("database or disk is full"))


def _failing_for(monkeypatch, unit_code: str) -> None:
    """Saving the unit's return fails after its record, figures and texts are written."""
    keep = received.keep_contents

    def keep_contents(session, record, ret, *, texts):
        keep(session, record, ret, texts=texts)
        if ret.unit_code == unit_code:
            raise DiskFull

    monkeypatch.setattr(received, "keep_contents", keep_contents)


def test_a_failure_while_saving_leaves_no_trace_of_that_file(made, district, monkeypatch):
    r1 = made.btc[0]
    _failing_for(monkeypatch, "EST-TUT")
    snapshots = []
    with contextlib.suppress(DiskFull):  # today the failure stops the import: see the next test
        import_returns(
            district.session,
            [r1, made.tut],
            today=DAY,
            progress=lambda *_: snapshots.append(counts(district.session)),
        )
    assert counts(district.session) == snapshots[1]  # as after Burton Town's, before Tutbury's
    assert current_record(district.session, "EST-TUT", Q2) is None
    assert current_record(district.session, "EST-BTC", Q2) is not None
    assert district.integrity() == "ok"

    monkeypatch.undo()  # the disk has room again: the import is simply run again
    again = run_import(district.session, [r1, made.tut])
    assert again.outcomes() == {r1.name: "unchanged", made.tut.name: "imported"}


def test_a_failure_while_saving_one_file_does_not_stop_the_next(made, district, monkeypatch):
    r1, tut = made.btc[0], made.tut
    _failing_for(monkeypatch, "EST-BTC")
    run = run_import(district.session, [r1, tut])
    assert run.outcomes() == {r1.name: "refused", tut.name: "imported"}
    assert run.written_by(r1.name) == {}
    assert "could not be saved" in run.line(r1.name).reason
    assert district.integrity() == "ok"


# Re-saved by another program


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_resaved_by_libreoffice_gives_the_same_figures(made, tmp_path):
    r1 = made.btc[0]
    out, profile = tmp_path / "resaved", (tmp_path / "lo-profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["xlsx", "--outdir", str(out), str(r1)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    assert (out / r1.name).read_bytes() != r1.read_bytes()

    kept = []
    for number, path in enumerate([r1, out / r1.name]):
        for office in _office(made.district, tmp_path / f"EST{number}"):
            run = run_import(office.session, [path])
            assert run.outcomes() == {r1.name: "imported"}
            assert run.line(r1.name).edited is False
            record = current_record(office.session, "EST-BTC", Q2)
            ret = load_returns(office.session, [record], trust(office.session))[record.id]
            kept.append((figures_of(office.session, record), record.fingerprint, ret))
    (figures, print_, ret), (resaved, resaved_print, resaved_ret) = kept
    assert resaved == figures and len(figures) > 300
    assert resaved_print == print_
    assert (resaved_ret.case_studies, resaved_ret.voice, resaved_ret.partners) == (
        ret.case_studies,
        ret.voice,
        ret.partners,
    )


# A folder


def test_a_folder_skips_pdfs_and_lock_files_and_searches_subfolders(made, district, tmp_path):
    folder = tmp_path / "from e-mail"
    copy(made.btc[0], folder)
    copy(made.btc_pdf, folder)
    (folder / f"~${made.btc[0].name}").write_bytes(b"\x0eDistrict Officer" + bytes(150))
    (folder / f".~lock.{made.btc[0].name}#").write_text("Officer,pc,23.11.2026 10:00;")
    copy(made.btc_pdf, folder / "tutbury", "EST-TUT_2026-27Q2_r1.PDF")
    copy(made.tut, folder / "tutbury")
    make.truncated(made.btc[0], folder)

    run = run_import(district.session, [folder])
    assert [(line.file_name, line.outcome) for line in run.report.lines] == [
        (made.btc[0].name, "imported"),
        ("truncated.xlsx", "refused"),
        (made.tut.name, "imported"),
    ]
    assert run.written_by("truncated.xlsx") == {}
    assert run.report.summary == "3 files: 2 imported, 0 replaced, 0 unchanged, 1 refused."


def test_an_empty_folder_imports_nothing(district, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "EST-BTC_2026-27Q2_r1.pdf").write_bytes(b"%PDF-1.7")
    run = run_import(district.session, [tmp_path / "empty"])
    assert run.report.lines == []
    assert run.report.summary == "0 files: 0 imported, 0 replaced, 0 unchanged, 0 refused."


# Review


def test_accept_and_query(made, district):
    run_import(district.session, [made.btc[0], made.tut])
    btc = current_record(district.session, "EST-BTC", Q2)
    tut = current_record(district.session, "EST-TUT", Q2)

    with pytest.raises(ValidationError) as raised:
        query(district.session, tut.id, "  ")
    assert (raised.value.field, str(raised.value)) == ("note", "note: is required.")
    assert record_of(district.session, tut.return_id, 1).review_status == "received"

    accept(district.session, btc.id)
    query(district.session, tut.id, "Attendances look low for September")
    grid = completeness(district.session, [Q2], DAY)
    assert grid.cell("EST-BTC", Q2).status == "accepted"
    cell = grid.cell("EST-TUT", Q2)
    assert (cell.status, cell.note) == ("queried", "Attendances look low for September")


def test_a_new_revision_arrives_unreviewed(made, district):
    r1, r2, _ = made.btc
    run_import(district.session, [r1])
    first = current_record(district.session, "EST-BTC", Q2)
    accept(district.session, first.id, "Fine")
    run_import(district.session, [r2])

    cell = completeness(district.session, [Q2], DAY).cell("EST-BTC", Q2)
    # Unreviewed again; on time still, because its first revision was made on time.
    assert (cell.status, cell.revision, cell.note) == ("on time", 2, "")
    assert cell.sent_on == ON_TIME.astimezone().date()
    with pytest.raises(UserError) as raised:
        accept(district.session, first.id)
    assert str(raised.value) == "Revision 1 has been replaced by a newer one; review that instead."


# Completeness


def test_completeness_on_time_late_missing_and_not_due_yet(made, district):
    run_import(district.session, [made.btc[0], made.tut])
    others = ("EST-BNO", "EST-BSO", "EST-UTT", "EST-BAR")

    def statuses(today: dt.date) -> dict[str, str]:
        return {
            c.unit.code: c.status for c in completeness(district.session, [Q2], today).column(Q2)
        }

    after_due = statuses(DUE + dt.timedelta(days=1))
    assert after_due == {"EST-BTC": "on time", "EST-TUT": "late"} | dict.fromkeys(others, "missing")
    on_due_day = statuses(DUE)
    assert on_due_day == {"EST-BTC": "on time", "EST-TUT": "late"} | dict.fromkeys(
        others, "not due yet"
    )
    grid = completeness(district.session, [Q2], DAY)
    assert grid.cell("EST-BNO", Q2).due == DUE
    assert grid.cell("EST-TUT", Q2).sent_on == LATE.astimezone().date()
    assert grid.count(Q2, "missing") == 4


def test_a_folder_gives_its_workbooks_in_number_order_and_skips_what_is_not_a_return(tmp_path):
    for name in (
        "EST-BTC_2026-27Q2_r10.xlsx",
        "EST-BTC_2026-27Q2_r2.xlsx",
        "EST-BTC_2026-27Q2_r2.pdf",
        "Thumbs.db",
        "desktop.ini",
        "notes.txt",
        "~$EST-BTC_2026-27Q2_r2.xlsx",
        "sent-by-mistake.ods",
    ):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in return_files([tmp_path])] == [
        "EST-BTC_2026-27Q2_r2.xlsx",
        "EST-BTC_2026-27Q2_r10.xlsx",
        "sent-by-mistake.ods",  # refused with a reason: a wrong file sent instead of a return
    ]


def _older(source: Path, target: Path, codes: dict[str, str]) -> Path:
    """The return as a TrustDesk of format version 0 would have written it, had some
    measures been called otherwise then (``codes``: today's code -> the old one)."""

    def write_as_version_0(book: openpyxl.Workbook) -> None:
        for row in book["Data"].iter_rows(min_row=2):
            row[0].value = codes.get(row[0].value, row[0].value)
        set_manifest(book, "format_version", "0")
        figures = [
            ((m, b or "", c or ""), v)
            for m, b, c, v in book["Data"].iter_rows(min_row=2, values_only=True)
            if m is not None
        ]
        unit, period = manifest(book, "unit_code"), manifest(book, "period")
        set_manifest(book, "fingerprint", fingerprint(unit, period, figures, "0"))

    return doctored(source, target, write_as_version_0)


def test_an_older_format_is_read_through_its_declared_mapping(
    made, district, tmp_path, monkeypatch
):
    monkeypatch.setitem(formats.OLDER, "0", {"sessions_held": "sessions"})
    old = _older(made.btc[0], tmp_path / "old.xlsx", {"sessions": "sessions_held"})
    run = run_import(district.session, [old])
    assert run.outcomes() == {old.name: "imported"}
    assert stored(district.session, "EST-BTC")[("sessions", "", "")] == made.value("sessions")


def test_a_code_an_older_format_cannot_map_is_refused_by_name(
    made, district, tmp_path, monkeypatch
):
    monkeypatch.setitem(formats.OLDER, "0", {"sessions_held": "sessions"})
    old = _older(
        made.btc[0], tmp_path / "old.xlsx", {"sessions": "sessions_held", "meetings_held": "meets"}
    )
    row = made.row("meetings_held", "", "")
    reason = refused_beside_a_good_one(district, old, made.tut)
    assert reason == (
        f"The return cannot be read: Data sheet, row {row}, column A (measure): 'meets' is not a "
        f"measure this TrustDesk knows.\n{AGAIN}"
    )


# A return of an earlier format version, beside today's


def test_a_return_from_an_older_trustdesk_adds_up_with_todays(made, district, tmp_path):
    """Burton Town's return as a version 2 TrustDesk made it (no young carer or teenage
    parent figures) and Tutbury's as today's: both taken in, and the district's return adds
    them up with Burton Town's young people "not recorded" in the groups it never reported,
    so that every group breakdown still adds up to its total."""
    from tests.returns.forging import as_older_version
    from trustdesk.returns.compute import compute_return
    from trustdesk.returns.data_checks import check_data
    from trustdesk.store.counting import NOT_RECORDED

    older = doctored(
        made.btc[0], tmp_path / "old" / made.btc[0].name, lambda b: as_older_version(b, "2")
    )
    run = run_import(district.session, [older, made.tut])
    assert run.outcomes() == {older.name: "imported", made.tut.name: "imported"}
    btc, tut = (read_workbook(p, trust(district.session)) for p in (older, made.tut))
    assert btc.breakdown("contacts", "young_carer") == {
        "yes": 0, "no": 0, NOT_RECORDED: btc.value("contacts")
    }  # fmt: skip
    ret = compute_return(district.session, Q2)
    for group in ("young_carer", "teenage_parent"):
        for code in ("attendances", "contacts", "participants"):
            assert ret.breakdown(code, group) == {
                c: btc.value(code, group, c) + tut.value(code, group, c)
                for c in ("yes", "no", NOT_RECORDED)
            }, (code, group)
            assert sum(ret.breakdown(code, group).values()) == ret.value(code)
    check_data(ret, trust(district.session))  # the county will take it in
    # Taken in again, the older file is the same return, not another one with other figures.
    again = run_import(district.session, [older])
    assert again.outcomes() == {older.name: "unchanged"}
