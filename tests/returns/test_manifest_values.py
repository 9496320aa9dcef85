"""Issue 22: the Manifest's identity values, as a district officer meets them.

Each value a return is known by (its revision, period, when it was made, its id and its
unit) is held to what TrustDesk writes: a file with anything else is refused with a message
naming the Manifest's row, nothing of it is kept, and no file, refused or taken in, locks
out the unit's genuine later revisions or breaks status and consolidation in any time zone.

The returns are made-up ones of East Staffordshire's localities (every figure 0), written by
TrustDesk's own writer, and imported through the command line into a fresh East
Staffordshire workspace, as the officer would.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig, example_trust_path
from trustdesk.errors import UserError
from trustdesk.returns.catalogue import figure_keys
from trustdesk.returns.model import Constituent, Return
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.workbook import write_workbook
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import DB_NAME

DAY = dt.date(2026, 11, 23)
Q2 = Period.parse("2026-27Q2")
LABEL = "Q2 2026-27 (Jul\u2013Sep 2026)"
ON_TIME = dt.datetime(2026, 10, 10, 9, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
BTC_ID = "3f0c1d52-8d3e-4d6f-9a51-0c1e2b3a4d5e"
TUT_ID = "9b1e7c44-2f5a-4c3d-8e6f-1a2b3c4d5e6f"
AGAIN = "Ask the coordinator to make the return again in TrustDesk and send the new file."
REVISION = (
    "is not a revision number: TrustDesk numbers a return's revisions 1, 2, 3 and so on, "
    "up to 9,999"
)
RETURN_TABLES = ("return_record", "return_figure", "return_text", "return_constituent")

pytestmark = pytest.mark.today(DAY)


@pytest.fixture(scope="module")
def empty_district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("manifest-values") / "EST"
    create_workspace(folder, "EST", config_path=example_trust_path()).close()
    return folder


@pytest.fixture
def district(empty_district: Path, tmp_path: Path) -> Path:
    return shutil.copytree(empty_district, tmp_path / "EST")


@pytest.fixture
def send(trust: TrustConfig, tmp_path: Path) -> Callable[..., Path]:
    """``send(name, unit=..., period=..., return_id=..., revision=..., made_at=...,
    manifest={key: value})``: a return file as it arrived, written by TrustDesk and then,
    for ``manifest``, changed by hand."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()

    def make(name: str, manifest: dict[str, Any] | None = None, **values: Any) -> Path:
        path = inbox / name
        write_workbook(_return(trust, **values), trust, path)
        if manifest:
            _change_manifest(path, manifest)
        return path

    return make


def _return(
    trust: TrustConfig,
    *,
    unit: str = "EST-BTC",
    period: Period = Q2,
    return_id: str = BTC_ID,
    revision: int = 1,
    made_at: dt.datetime = ON_TIME,
    sessions: int = 0,
    constituents: list[Constituent] | None = None,
) -> Return:
    figures = dict.fromkeys(figure_keys(trust, trust.unit(unit).level), 0)
    figures[("population_13_19", "", "")] = sessions  # a figure no other one adds up to
    return Return.of_unit(
        trust.trust_name,
        trust.unit(unit),
        period,
        figures,
        return_id=return_id,
        revision=revision,
        made_at=made_at,
        made_by="TrustDesk 0.1.0",
        constituents=constituents or [],
    )


def _change_manifest(path: Path, values: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(path)
    ws = book["Manifest"]
    for key, value in values.items():
        rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key]
        if key.startswith("+"):  # a key written a second time
            ws.insert_rows(2)
            ws.cell(2, 1).value, ws.cell(2, 2).value = key[1:], value
        else:
            ws.cell(rows[0], 2).value = value
    book.save(path)


def _row(path: Path, key: str) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [n for n, r in enumerate(book["Manifest"].iter_rows(values_only=True), 1) if r[0] == key]
    book.close()
    return rows[0]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "went wrong inside TrustDesk" not in err, err
    return code, out


def import_files(capsys: pytest.CaptureFixture[str], district: Path, *files: Path) -> list[str]:
    """The report's line for each file, past its name (a refusal: message, then hint; the
    figures a replacing revision changes are left out)."""
    code, out = run(capsys, "return", "import", "--workspace", district, *files)
    width = max(len(f.name) for f in files) + 2
    lines = [line[width:] for line in out.splitlines()[:-1] if line[width:][:2] != "  "]
    assert code == (1 if any(line.startswith("refused:") for line in lines) else 0), out
    return lines


def refusal(capsys: pytest.CaptureFixture[str], district: Path, file: Path) -> tuple[str, str]:
    """The refusal of one file (its message and hint), checking that nothing was kept."""
    before = return_rows(district)
    lines = import_files(capsys, district, file)
    assert lines[0].startswith("refused: "), lines
    assert return_rows(district) == before
    return lines[0].removeprefix("refused: "), "\n".join(lines[1:])


def return_rows(district: Path) -> tuple[int, ...]:
    with sqlite3.connect(district / DB_NAME) as db:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RETURN_TABLES)


def imported(unit: str, revision: int, replaces: int | None = None) -> str:
    name = {"EST-BTC": "Burton Town", "EST-TUT": "Tutbury and Rolleston"}[unit]
    what = f"{name} ({unit}), {LABEL}, revision {revision}"
    if replaces is None:
        return f"imported: {what}"
    return f"replaced revision {replaces}: {what}; 1 figure changed"


def cannot_read(path: Path, key: str, problem: str) -> str:
    row = _row(path, key)
    return f"The return cannot be read: Manifest sheet, row {row}, column B ({key}): {problem}."


@contextmanager
def time_zone(zone: str) -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


# 1. Revisions


BAD_REVISIONS = ["0", "-1", "+3", "\u0661", "1_0", "1.5", " ", "9" * 20, str(2**63 - 1), "10000"]


def test_a_revision_is_plain_digits_from_1_to_9999_and_a_bad_one_locks_nothing_out(
    send, district, capsys
):
    for number, revision in enumerate(BAD_REVISIONS):
        path = send(f"bad-{number}.xlsx", manifest={"revision": revision})
        message, hint = refusal(capsys, district, path)
        assert message == cannot_read(path, "revision", f"{revision!r} {REVISION}")
        assert hint == AGAIN
    four_thousand = send("long.xlsx", manifest={"revision": "9" * 4300})
    message, _ = refusal(capsys, district, four_thousand)
    assert message == cannot_read(
        four_thousand,
        "revision",
        "the value is 4,300 characters long, and TrustDesk never writes one longer than 200",
    )

    # The genuine revisions after them are taken in, each replacing the one before.
    first, second = send("r1.xlsx"), send("r2.xlsx", revision=2, sessions=3)
    assert import_files(capsys, district, first, second) == [
        imported("EST-BTC", 1),
        imported("EST-BTC", 2, replaces=1),
    ]


def test_a_revision_saved_as_a_number_by_a_spreadsheet_is_read(send, district, capsys):
    path = send("r4.xlsx", manifest={"revision": 4})
    assert import_files(capsys, district, path) == [imported("EST-BTC", 4)]


def test_a_key_written_twice_is_refused(send, district, capsys):
    path = send("twice.xlsx", manifest={"+revision": "7"})
    message, hint = refusal(capsys, district, path)
    assert message == (
        f"The return cannot be read: Manifest sheet, row {_last_row_of(path, 'revision')}, "
        f"column B (revision): the Manifest has 'revision' twice (rows 2 and "
        f"{_last_row_of(path, 'revision')}), so it cannot tell which one is right."
    )
    assert hint == AGAIN


def _last_row_of(path: Path, key: str) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [n for n, r in enumerate(book["Manifest"].iter_rows(values_only=True), 1) if r[0] == key]
    book.close()
    return rows[-1]


@pytest.mark.parametrize("revision", ["9" * 4300, str(2**63 - 1), "-1", "\u0661"])
def test_a_constituents_revision_is_held_to_the_same_rule(trust, tmp_path, revision):
    constituent = Constituent("EST-BTC", BTC_ID, 1, "0" * 64, "accepted")
    ret = _return(trust, unit="EST", constituents=[constituent])
    path = tmp_path / "EST.xlsx"
    write_workbook(ret, trust, path)
    book = openpyxl.load_workbook(path)
    ws = book["Manifest"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "EST-BTC")
    ws.cell(row, 3).value = revision
    book.save(path)
    with pytest.raises(UserError) as refused:
        read_workbook(path, trust)
    problem = f"{revision!r} {REVISION}"
    if len(revision) > 200:
        problem = (
            "the value is 4,300 characters long, and TrustDesk never writes one longer than 200"
        )
    assert refused.value.message == (
        f"The return cannot be read: Manifest sheet, row {row}, column C (revision): {problem}."
    )


# 2. Periods


@pytest.mark.parametrize(
    "code",
    [
        "9999-00Q4",
        "0000-01Q1",
        "0001-02Q1",
        "1999-00Q4",
        "2100-01Q1",
        "\u0662\u0660\u0662\u0666-27Q2",
    ],
)
def test_a_period_outside_the_years_trustdesk_keeps_is_refused(send, district, capsys, code):
    path = send("period.xlsx", manifest={"period": code})
    message, hint = refusal(capsys, district, path)
    keeps = " TrustDesk keeps (the financial years of returns start in 2000 to 2099)"
    assert message == cannot_read(
        path, "period", f"{code!r} is not a reporting period{keeps if code.isascii() else ''}"
    )
    assert hint == AGAIN


def test_period_parse_keeps_to_the_years_2000_to_2099():
    assert Period.parse("2000-01Q1") == Period(2000, 1)
    assert Period.parse("2099-00Q4").end == dt.date(2100, 3, 31)
    for code in ("1999-00Q4", "2100-01Q1", "9999-00Q4", "\u0662\u0660\u0662\u0666-27Q2"):
        with pytest.raises(UserError):
            Period.parse(code)


# 3. When the return was made


@pytest.mark.parametrize(
    ("made_at", "problem"),
    [
        (
            "0001-01-01T00:00:00+00:00",
            "it says the return was made on 1 January 1, a date TrustDesk cannot have "
            "written (the clock of the computer that made it may be wrong)",
        ),
        (
            "9999-12-31T23:59:59+00:00",
            "it says the return was made on 31 December 9999, a date TrustDesk cannot have "
            "written (the clock of the computer that made it may be wrong)",
        ),
        (
            "2026-10-10T09:00:00",
            "'2026-10-10T09:00:00' has no time zone (such as +01:00), and TrustDesk always "
            "writes one",
        ),
        ("yesterday", "'yesterday' is not a date and time"),
        ("2026-10-10T09:00:00+25:00", "'2026-10-10T09:00:00+25:00' is not a date and time"),
    ],
)
def test_made_at_is_a_date_and_time_with_its_zone(send, district, capsys, made_at, problem):
    path = send("made.xlsx", manifest={"made_at": made_at})
    message, hint = refusal(capsys, district, path)
    assert message == cannot_read(path, "made_at", problem)
    assert hint == AGAIN


CLOCK_HINT = (
    "Ask the coordinator to check the date and time on their computer, then make the "
    "return again in TrustDesk and send the new file."
)


def test_a_return_made_before_its_quarter_or_after_now_is_refused_but_hours_out_is_not(
    send, district, capsys
):
    # Today is 23 November 2026: a computer's clock more than a day past its end is wrong.
    ahead = send("ahead.xlsx", made_at=dt.datetime(2026, 11, 25, 1, tzinfo=dt.UTC))
    assert refusal(capsys, district, ahead) == (
        "It says it was made on 25 November 2026, which is after today: the date on the "
        "computer that made it may be wrong.",
        CLOCK_HINT,
    )
    early = send("early.xlsx", made_at=dt.datetime(2026, 6, 29, 23, tzinfo=dt.UTC))
    assert refusal(capsys, district, early) == (
        f"It says it was made on 29 June 2026, before {LABEL} began, and a return of a "
        "quarter's figures is made once the quarter has begun: the date on the computer that "
        "made it may be wrong.",
        CLOCK_HINT,
    )
    hours = send("hours.xlsx", made_at=dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC))
    first_day = send(
        "day.xlsx", revision=2, sessions=1, made_at=dt.datetime(2026, 6, 30, 23, tzinfo=dt.UTC)
    )
    assert import_files(capsys, district, hours, first_day) == [
        imported("EST-BTC", 1),
        imported("EST-BTC", 2, replaces=1),
    ]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2026-06-30", "2026-10-01"])
def test_a_part_quarters_figures_run_to_a_day_of_its_quarter(trust, tmp_path, day):
    ret = _return(trust)
    ret.figures_to = dt.date(2026, 9, 1)
    path = tmp_path / "part.xlsx"
    write_workbook(ret, trust, path)
    assert read_workbook(path, trust).figures_to == dt.date(2026, 9, 1)
    _change_manifest(path, {"figures_to": day})
    with pytest.raises(UserError) as refused:
        read_workbook(path, trust)
    shown = dt.date.fromisoformat(day)
    assert str(refused.value) == (
        cannot_read(
            path,
            "figures_to",
            f"it says the figures run to {shown.day} {shown:%B} {shown.year}, but a part "
            f"quarter's figures run to a day of {LABEL}",
        )
        + f"\n{AGAIN}"
    )


ZONES = ("Europe/London", "Asia/Tokyo", "America/Los_Angeles")


@pytest.mark.parametrize("kept", ["0001-01-01 00:00:00.000000", "9999-12-31 23:59:59.000000"])
def test_a_made_at_kept_before_it_was_checked_breaks_nothing(
    send, district, tmp_path, capsys, kept
):
    """A revision taken in by an earlier TrustDesk with an impossible made_at: status and
    consolidation work in every time zone, and a corrected revision's date counts."""
    assert import_files(capsys, district, send("r1.xlsx")) == [imported("EST-BTC", 1)]
    with sqlite3.connect(district / DB_NAME) as db:
        db.execute("UPDATE return_record SET made_at = ?", (kept,))
    workspace = ("--workspace", district, "--period", "2026-27Q2")
    for zone in ZONES:
        with time_zone(zone):
            assert run(capsys, "return", "status", *workspace)[0] == 0
            out = ("--out", tmp_path / "out")
            assert run(capsys, "return", "consolidate", *workspace, *out)[0] == 0
    late = send("r2.xlsx", revision=2, sessions=1, made_at=LATE)
    assert import_files(capsys, district, late) == [imported("EST-BTC", 2, replaces=1)]
    with time_zone("Europe/London"):
        code, out = run(capsys, "return", "status", *workspace)
    assert code == 0
    burton = next(line for line in out.splitlines() if "EST-BTC" in line)
    assert burton.split("EST-BTC")[1].split() == "late revision 2, sent 20 Nov 2026".split()


# 4. Return ids


@pytest.mark.parametrize(
    "return_id",
    ["", "x", "0" * 36, "{" + BTC_ID + "}", BTC_ID[:-1] + "\u0661", "A" * 1_000_000],
    ids=["empty", "x", "zeros", "braces", "arabic-digit", "a-million"],
)
def test_a_return_id_is_a_uuid_as_trustdesk_makes_them(send, district, capsys, return_id):
    path = send("id.xlsx", manifest={"return_id": return_id})
    message, hint = refusal(capsys, district, path)
    if len(return_id) > 200:  # (a spreadsheet cell holds at most 32,767 characters)
        problem = f"the value is {min(len(return_id), 32_767):,} characters long, and "
        problem += "TrustDesk never writes one longer than 200"
    else:
        what = f"{return_id!r} is not a return id" if return_id else "there is no return id"
        problem = (
            f"{what}: TrustDesk gives every return an id of 32 letters and digits in five "
            f"groups, such as {BTC_ID}"
        )
    assert message == cannot_read(path, "return_id", problem)
    assert hint == AGAIN


# 5. The unit's name, level and parent


CONFIG_HINT = (
    "If the unit was renamed or moved in a newer trust configuration, make sure this "
    "workspace and the coordinator's have the same one (Trust configuration, Update); "
    "otherwise ask the coordinator to make the return again in TrustDesk and send the new file."
)


@pytest.mark.parametrize(
    ("key", "value", "what", "configured"),
    [
        ("unit_name", "Lichfield City", "name", "Burton Town"),
        ("unit_name", "", "name", "Burton Town"),
        ("unit_level", "district", "level", "locality"),
        ("parent_code", "LIC", "parent unit", "EST"),
    ],
)
def test_the_unit_is_named_placed_and_levelled_as_the_trust_configuration_says(
    send, district, capsys, key, value, what, configured
):
    path = send("unit.xlsx", manifest={key: value})
    message, hint = refusal(capsys, district, path)
    assert message == cannot_read(
        path,
        key,
        f"the return says the {what} of EST-BTC is {value!r}, but in this workspace's trust "
        f"configuration it is {configured!r}",
    )
    assert hint == CONFIG_HINT


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\n", "\r", "\t", "\x85", "\u202e"])
def test_no_manifest_value_can_forge_a_line_of_the_report(send, district, capsys, separator):
    forged = f"Burton Town{separator}imported: Burton Town (EST-BTC), revision 9"
    path = send("forged.xlsx", manifest={"unit_name": forged, "made_by": forged})
    before = return_rows(district)
    code, out = run(capsys, "return", "import", "--workspace", district, path)
    assert code == 1
    assert return_rows(district) == before
    assert [line.split("  ")[1].split(":")[0] for line in out.splitlines()[:1]] == ["refused"]
    # The refusal, its hint and the summary: splitlines() breaks at every line separator.
    assert len(out.splitlines()) == 3, out
    assert separator not in out.replace("\n", "")


# 6. A return id borrowed from another unit or period


def test_a_file_of_another_unit_carrying_burtons_id_does_not_lock_burton_out(
    send, district, capsys
):
    burton = send("btc-r1.xlsx")
    assert import_files(capsys, district, burton) == [imported("EST-BTC", 1)]
    borrowed = send("tut.xlsx", unit="EST-TUT", return_id=BTC_ID, revision=2)
    assert refusal(capsys, district, borrowed) == (
        f"Its return id is that of Burton Town's return for {LABEL}, already in this "
        f"workspace, so it cannot be Tutbury and Rolleston's return for {LABEL}: the file has "
        "been changed since it was exported, or made from a copy of another return's file.",
        AGAIN,
    )
    q1 = send("btc-q1.xlsx", period=Period.parse("2026-27Q1"), revision=2)
    assert refusal(capsys, district, q1)[0].startswith(
        "Its return id is that of Burton Town's return for Q2 2026-27"
    )
    # Burton Town's genuine revision 2, and Tutbury's own return, are taken in.
    second = send("btc-r2.xlsx", revision=2, sessions=2)
    tutbury = send("tut-own.xlsx", unit="EST-TUT", return_id=TUT_ID)
    assert import_files(capsys, district, second, tutbury) == [
        imported("EST-BTC", 2, replaces=1),
        imported("EST-TUT", 1),
    ]


def test_a_return_id_is_the_same_whatever_the_case_of_its_letters(send, district, capsys):
    first = send("r1.xlsx")
    second = send("r2.xlsx", revision=2, sessions=2, manifest={"return_id": BTC_ID.upper()})
    assert import_files(capsys, district, first, second) == [
        imported("EST-BTC", 1),
        imported("EST-BTC", 2, replaces=1),
    ]


# 7. A unit or period changed by hand


@pytest.mark.parametrize(
    ("changes", "now"),
    [
        (
            {"unit_code": "EST-TUT", "unit_name": "Tutbury and Rolleston"},
            f"Tutbury and Rolleston's (EST-TUT) for {LABEL}",
        ),
        (
            {"period": "2026-27Q1", "period_start": "2026-04-01", "period_end": "2026-06-30"},
            "Burton Town's (EST-BTC) for Q1 2026-27 (Apr\u2013Jun 2026)",
        ),
    ],
    ids=["unit", "period"],
)
def test_a_changed_unit_or_period_is_refused_even_when_edits_are_accepted(
    send, district, capsys, changes, now
):
    path = send("moved.xlsx", manifest=changes)
    expected = (
        f"The return was made as Burton Town's (EST-BTC) for {LABEL}, but its Manifest now "
        f"says it is {now}: its unit or period has been changed since it was exported, so it "
        "cannot be taken in.",
        AGAIN,
    )
    assert refusal(capsys, district, path) == expected
    before = return_rows(district)
    code, out = run(capsys, "return", "import", "--workspace", district, "--accept-edited", path)
    assert code == 1 and out.startswith(f"moved.xlsx  refused: {expected[0]}")
    assert return_rows(district) == before
