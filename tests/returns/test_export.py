"""Exporting a return: files named by unit, period and revision, written whole or not at all,
and remembered by the workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.returns import export as export_module
from trustdesk.returns.export import (
    ExportBlocked,
    ExportCancelled,
    FolderGone,
    export_return,
    exported_returns,
)
from trustdesk.returns.reader import read_workbook
from trustdesk.services.evidence import create_case_study
from trustdesk.services.young_people import add_young_person
from trustdesk.store.context import trust

Q1 = Period.parse("2026-27Q1")
NOW = dt.datetime(2026, 7, 10, 9, 0, tzinfo=dt.UTC)


def test_each_export_is_a_new_revision_of_the_same_return(session, tmp_path: Path) -> None:
    first = export_return(session, Q1, tmp_path, now=NOW)
    second = export_return(session, Q1, tmp_path, now=NOW + dt.timedelta(days=1))
    other = export_return(session, Q1.next(), tmp_path, now=NOW)

    assert [p.name for p in first.paths] == [
        "LIC-BUR_2026-27Q1_r1.xlsx",
        "LIC-BUR_2026-27Q1_r1.pdf",
    ]
    assert [p.name for p in second.paths] == [
        "LIC-BUR_2026-27Q1_r2.xlsx",
        "LIC-BUR_2026-27Q1_r2.pdf",
    ]
    assert second.ret.return_id == first.ret.return_id != other.ret.return_id
    assert other.ret.revision == 1
    assert all(p.exists() for p in first.paths + second.paths)

    records = exported_returns(session)
    assert sorted((r.period, r.revision, r.is_current) for r in records) == [
        ("2026-27Q1", 1, False),
        ("2026-27Q1", 2, True),
        ("2026-27Q2", 1, True),
    ]
    back = read_workbook(second.paths[0], trust(session))
    assert (back.return_id, back.revision, back.fingerprint) == (
        second.ret.return_id,
        2,
        second.ret.fingerprint,
    )


def test_only_the_chosen_formats_are_written(session, tmp_path: Path) -> None:
    result = export_return(session, Q1, tmp_path, formats=["pdf"], publication=True, now=NOW)
    assert [p.name for p in result.paths] == ["LIC-BUR_2026-27Q1_r1_publication.pdf"]
    with pytest.raises(UserError, match="'docx' is not a format"):
        export_return(session, Q1, tmp_path, formats=["docx"], now=NOW)


def test_a_blocking_check_stops_the_export_and_writes_nothing(session, tmp_path: Path) -> None:
    add_young_person(session, first_name="Kayleigh", last_name="Hollins", age_band="13-15")
    create_case_study(
        session, date="2026-05-20", title="Climbing", narrative="Kayleigh Hollins climbed."
    )

    with pytest.raises(ExportBlocked, match="cannot be exported yet") as raised:
        export_return(session, Q1, tmp_path / "out", now=NOW)

    assert raised.value.checks[0].record_kind == "case_study"
    assert not (tmp_path / "out").exists()
    assert exported_returns(session) == []


def test_a_failed_write_leaves_no_file_and_no_record(session, tmp_path: Path, monkeypatch) -> None:
    def disk_full(ret, config, target, *, publication=False):
        target.write(b"%PDF-1.4 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module, "write_pdf", disk_full)

    out = tmp_path / "out"
    with pytest.raises(UserError, match="The disk is full"):
        export_return(session, Q1, out, now=NOW)

    assert list(out.iterdir()) == []  # the workbook written first is removed too
    assert exported_returns(session) == []
    assert export_return(session, Q1, out, formats=["xlsx"], now=NOW).ret.revision == 1


def test_an_output_that_is_not_a_folder_is_explained(session, tmp_path: Path) -> None:
    a_file = tmp_path / "returns.txt"
    a_file.write_text("not a folder")
    with pytest.raises(UserError) as raised:
        export_return(session, Q1, a_file, now=NOW)
    assert str(a_file) in str(raised.value)
    assert a_file.read_text() == "not a folder"


def test_cancelling_writes_nothing(session, tmp_path: Path) -> None:
    steps = []
    with pytest.raises(ExportCancelled):
        export_return(
            session,
            Q1,
            tmp_path / "out",
            now=NOW,
            progress=lambda n, total, what: steps.append(what),
            cancelled=lambda: len(steps) >= 2,
        )
    assert steps == ["Checking the records", "Counting the figures"]
    assert not (tmp_path / "out").exists()
    assert exported_returns(session) == []


def test_an_earlier_file_in_the_folder_is_never_overwritten(session, tmp_path: Path) -> None:
    """After a backup from before an export is restored, the workspace has forgotten that
    export; the files already sent must still not be replaced."""
    sent = tmp_path / "LIC-BUR_2026-27Q1_r3.xlsx"
    sent.write_bytes(b"the return the district already has")

    result = export_return(session, Q1, tmp_path, formats=["xlsx"], now=NOW)

    assert result.ret.revision == 4
    assert sent.read_bytes() == b"the return the district already has"


def test_exported_files_can_be_read_by_others(session, tmp_path: Path) -> None:
    import os
    import stat

    mask = os.umask(0o022)
    os.umask(mask)
    result = export_return(session, Q1, tmp_path, formats=["pdf"], now=NOW)
    mode = stat.S_IMODE(result.paths[0].stat().st_mode)
    assert mode == 0o666 & ~mask


# What the trial found (issue 16, point 6) ---------------------------------------------------


def test_a_folder_that_has_gone_is_refused_not_made_again(session, tmp_path: Path) -> None:
    """A USB stick taken out: the desktop's export refuses plainly and writes nothing,
    rather than making the folder again on the laptop's own disk."""
    gone = tmp_path / "stick" / "Returns"
    with pytest.raises(FolderGone) as raised:
        export_return(session, Q1, gone, now=NOW, make_folder=False)
    assert str(raised.value) == (
        f"The folder {gone} is not there any more (was a USB stick taken out?).\n"
        "Put it back, or choose another folder."
    )
    assert not gone.exists() and not gone.parent.exists()
    assert exported_returns(session) == []


def test_a_folder_that_goes_during_the_export_is_refused(session, tmp_path) -> None:
    out = tmp_path / "stick"
    out.mkdir()

    def pulled_after_the_workbook(number: int, steps: int, what: str) -> None:
        if what == "Writing the PDF":  # the stick is taken out between the two files
            for path in out.iterdir():
                path.unlink()
            out.rmdir()

    with pytest.raises(FolderGone):
        export_return(
            session, Q1, out, now=NOW, make_folder=False, progress=pulled_after_the_workbook
        )
    assert not out.exists()
    assert exported_returns(session) == []


def test_a_quarter_not_ended_is_marked_part_quarter_in_both_files(session, tmp_path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    early = dt.datetime(2026, 6, 4, 10, 0, tzinfo=dt.UTC)  # Q1 ends 30 Jun
    result = export_return(session, Q1, tmp_path, now=early)
    workbook, pdf = result.paths
    assert result.ret.figures_to == dt.date(2026, 6, 4)

    book = load_workbook(workbook)
    summary = [c.value for row in book["Summary"].iter_rows(max_row=8) for c in row if c.value]
    assert any(str(v).startswith("Part quarter: figures to 4 Jun 2026") for v in summary)
    manifest = {r[0].value: r[1].value for r in book["Manifest"].iter_rows() if r[0].value}
    assert manifest["figures_to"] == "2026-06-04"
    assert "part quarter" in book.properties.title and book.properties.keywords == "part quarter"
    assert "part quarter" in book["Summary"].oddHeader.center.text

    reader = PdfReader(pdf)
    first = reader.pages[0].extract_text()
    assert "Part quarter: figures to 4 Jun 2026" in first
    assert all("Part quarter: figures to 4 Jun 2026" in p.extract_text() for p in reader.pages)
    assert "part quarter" in reader.metadata.title

    # It still imports, says what it is, and its fingerprint is of its figures alone.
    back = read_workbook(workbook, trust(session))
    assert back.figures_to == dt.date(2026, 6, 4)
    assert back.fingerprint == result.ret.fingerprint


def test_a_quarter_that_has_ended_is_not_marked(session, tmp_path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    result = export_return(session, Q1, tmp_path, now=NOW)  # 10 Jul: Q1 has ended
    assert result.ret.figures_to is None
    book = load_workbook(result.paths[0])
    manifest = {r[0].value for r in book["Manifest"].iter_rows() if r[0].value}
    assert "figures_to" not in manifest
    assert "Part quarter" not in PdfReader(result.paths[1]).pages[0].extract_text()
    assert read_workbook(result.paths[0], trust(session)).figures_to is None


def test_a_quarter_that_has_not_begun_is_refused_in_plain_words(session, tmp_path) -> None:
    """A district refuses a return made before its period began, so the coordinator is told
    at once, not the district weeks later; nothing is written or recorded."""
    before = dt.datetime(2026, 3, 20, 10, 0, tzinfo=dt.UTC)  # Q1 begins 1 Apr
    out = tmp_path / "returns"
    out.mkdir()
    with pytest.raises(UserError) as refused:
        export_return(session, Q1, out, now=before)
    assert str(refused.value).startswith("Q1 2026-27 (Apr–Jun 2026) has not begun yet")
    assert refused.value.hint == "Its return can be made from 1 April 2026."
    assert list(out.iterdir()) == [] and exported_returns(session) == []
