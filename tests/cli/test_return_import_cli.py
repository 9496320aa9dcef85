"""``trustdesk return import / status / review / consolidate``, as a district officer runs them.

Two demo localities of East Staffordshire export their returns once for the module; each
test works in a fresh, empty East Staffordshire workspace and checks what is printed, word
for word, and the exit status a script relies on.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from trustdesk import clock
from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.demo.generator import build_demo
from trustdesk.returns.export import export_return
from trustdesk.returns.reader import read_workbook
from trustdesk.services.spending import record_spend
from trustdesk.store.migrate import create_workspace

DAY = dt.date(2026, 11, 23)
Q2 = Period.parse("2026-27Q2")
LABEL = "Q2 2026-27 (Jul\u2013Sep 2026)"
DUE = dt.date(2026, 10, 15)
ON_TIME = dt.datetime(2026, 10, 10, 9, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
BTC1, BTC2 = "EST-BTC_2026-27Q2_r1.xlsx", "EST-BTC_2026-27Q2_r2.xlsx"
TUT = "EST-TUT_2026-27Q2_r1.xlsx"
EDITED = (
    "Its figures or texts have been changed since the return was exported (they no "
    "longer match the fingerprints in its Manifest)."
)
pytestmark = pytest.mark.today(DAY)  # the returns are of Q2 2026-27, due 15 Oct 2026
EDITED_HINT = (
    "Ask the coordinator whether the change is right. To take the return in as it is, "
    "confirm it (on the command line: --accept-edited); it is then marked as edited."
)


@dataclass(frozen=True)
class Made:
    btc: Path  # Burton Town's locality workspace (closed)
    btc1: Path  # its return, revision 1, made on time
    btc2: Path  # revision 2, with one more payment from the small budget
    tut: Path  # Tutbury and Rolleston's return, made late
    district: Path  # an empty East Staffordshire workspace (closed)
    spend: dict[str, int]  # Burton Town's payments and pence in revision 1, all and travel


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    with clock.set_to(DAY):  # a module's fixture runs before the test's day is set
        return _make(tmp_path_factory.mktemp("cli-import"))


def _make(root: Path) -> Made:
    with build_demo(root / "EST-BTC", unit_code="EST-BTC", as_of=DAY) as ws, ws.session() as s:
        first = export_return(s, Q2, root / "r1", formats=["xlsx"], now=ON_TIME)
        record_spend(s, date=dt.date(2026, 8, 5), amount="12.50", purpose="travel")
        second = export_return(
            s, Q2, root / "r2", formats=["xlsx"], now=ON_TIME + dt.timedelta(days=1)
        )
        s.commit()
    with build_demo(root / "EST-TUT", unit_code="EST-TUT", as_of=DAY) as ws, ws.session() as s:
        tut = export_return(s, Q2, root / "tut", formats=["xlsx"], now=LATE)
    create_workspace(root / "EST", "EST", config_path=example_trust_path()).close()
    ret = first.ret
    return Made(
        btc=root / "EST-BTC",
        btc1=first.paths[0],
        btc2=second.paths[0],
        tut=tut.paths[0],
        district=root / "EST",
        spend={
            "items": ret.value("spend_items"),
            "pence": ret.value("spend_pence"),
            "travel items": ret.value("spend_items", "purpose", "travel"),
            "travel pence": ret.value("spend_pence", "purpose", "travel"),
        },
    )


@pytest.fixture
def district(made: Made, tmp_path: Path) -> str:
    """The folder of a fresh East Staffordshire workspace, as --workspace takes it."""
    return str(shutil.copytree(made.district, tmp_path / "EST"))


def run(capsys, *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def inbox(tmp_path: Path, *files: Path) -> Path:
    """A folder of files as they arrived."""
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def imported(code: str) -> str:
    unit = {"EST-BTC": "Burton Town", "EST-TUT": "Tutbury and Rolleston"}[code]
    return f"imported: {unit} ({code}), {LABEL}, revision 1"


# return import


def test_import_prints_a_line_per_file_and_a_summary(made, district, tmp_path, capsys):
    folder = inbox(tmp_path, made.btc1, made.tut)
    code, out, err = run(capsys, "return", "import", "--workspace", district, folder)
    assert (code, err) == (0, "")
    assert out == (
        f"{BTC1}  {imported('EST-BTC')}\n"
        f"{TUT}  {imported('EST-TUT')}\n"
        "2 files: 2 imported, 0 replaced, 0 unchanged, 0 refused.\n"
    )

    code, out, _ = run(capsys, "return", "import", "--workspace", district, folder)
    assert code == 0
    assert out == (
        f"{BTC1}  unchanged: Burton Town (EST-BTC), {LABEL}, revision 1 was already imported\n"
        f"{TUT}  unchanged: Tutbury and Rolleston (EST-TUT), {LABEL}, revision 1 was already "
        "imported\n"
        "2 files: 0 imported, 0 replaced, 2 unchanged, 0 refused.\n"
    )


def test_a_new_revision_lists_the_figures_it_changes(made, district, capsys):
    assert run(capsys, "return", "import", "--workspace", district, made.btc1)[0] == 0
    code, out, _ = run(capsys, "return", "import", "--workspace", district, made.btc2)
    items, _, travel_items, _ = made.spend.values()
    pad = " " * (len(BTC2) + 2)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        f"{BTC2}  replaced revision 1: Burton Town (EST-BTC), {LABEL}, revision 2; "
        "4 figures changed"
    )
    assert lines[1] == f"{pad}  Small-budget payments: {items:,} \u2192 {items + 1:,}"
    assert lines[3] == (
        f"{pad}  Small-budget payments, purpose Travel costs: {travel_items:,} \u2192 "
        f"{travel_items + 1:,}"
    )
    # How money is shown: test_changed_money_and_hours_are_shown_as_people_read_them
    # (tests/returns/test_import.py).
    assert lines[2].startswith(f"{pad}  Small-budget spend: ")
    assert lines[4].startswith(f"{pad}  Small-budget spend, purpose Travel costs: ")
    assert lines[5:] == ["1 file: 0 imported, 1 replaced, 0 unchanged, 0 refused."]


def test_import_exits_1_when_a_file_is_refused_and_takes_in_the_rest(
    made, district, tmp_path, capsys
):
    folder = inbox(tmp_path, made.btc1, made.tut)
    (folder / "EST-BTC figures.xlsx").write_text("sessions,72\n", encoding="utf-8")
    code, out, err = run(capsys, "return", "import", "--workspace", district, folder)
    width = len(BTC1)  # the longest name
    assert (code, err) == (1, "")
    assert out == (
        f"{'EST-BTC figures.xlsx':<{width}}  refused: 'EST-BTC figures.xlsx' is a text file "
        "(such as CSV), not an Excel workbook.\n"
        f"{'':<{width}}  Ask the coordinator for the return's workbook (.xlsx), just as "
        "TrustDesk made it.\n"
        f"{BTC1:<{width}}  {imported('EST-BTC')}\n"
        f"{TUT:<{width}}  {imported('EST-TUT')}\n"
        "3 files: 2 imported, 0 replaced, 0 unchanged, 1 refused.\n"
    )


def test_accept_edited(made, district, tmp_path, capsys):
    book = openpyxl.load_workbook(made.tut)
    for row in book["Data"].iter_rows(min_row=2):
        if (row[0].value, row[1].value, row[2].value) == ("sessions", "ecm_outcome", "safe"):
            row[3].value += 1
    folder = tmp_path / "inbox"
    folder.mkdir()
    book.save(folder / TUT)

    code, out, _ = run(capsys, "return", "import", "--workspace", district, folder)
    assert code == 1
    assert out == (
        f"{TUT}  refused: {EDITED}\n"
        f"{'':<{len(TUT)}}  {EDITED_HINT}\n"
        "1 file: 0 imported, 0 replaced, 0 unchanged, 1 refused.\n"
    )
    code, out, _ = run(
        capsys, "return", "import", "--workspace", district, "--accept-edited", folder
    )
    assert code == 0
    assert out == (
        f"{TUT}  {imported('EST-TUT')} (edited after export)\n"
        "1 file: 1 imported, 0 replaced, 0 unchanged, 0 refused.\n"
    )
    code, out, _ = run(capsys, "return", "status", "--workspace", district, "--period", "2026-27Q2")
    assert "  Tutbury and Rolleston" in out
    assert f"late         revision 1, sent {LATE:%d %b %Y}, edited after export\n" in out


def test_import_with_nothing_to_import(district, tmp_path, capsys):
    empty = tmp_path / "inbox"
    empty.mkdir()
    (empty / "EST-BTC_2026-27Q2_r1.pdf").write_bytes(b"%PDF-1.7\n")
    code, out, err = run(capsys, "return", "import", "--workspace", district, empty)
    assert (code, out) == (1, "")
    assert err == (
        f"trustdesk: There was no file to import in {empty}.\n"
        "Give the return workbooks (.xlsx), or the folder they are in.\n"
    )


# return status and return review


def test_status_prints_each_unit_and_a_reminder_for_each_missing_one(
    made, district, tmp_path, capsys
):
    run(capsys, "return", "import", "--workspace", district, inbox(tmp_path, made.btc1, made.tut))
    code, out, err = run(
        capsys, "return", "status", "--workspace", district, "--period", "2026-27Q2"
    )
    assert (code, err) == (0, "")
    days = (clock.today() - DUE).days
    units = out.split("\n\n--- Reminder to ", 1)[0]
    assert units == (
        f"Returns to East Staffordshire for {LABEL}, due 15 Oct 2026:\n"
        "  Burton Town                             EST-BTC  on time      revision 1, sent 10 Oct 2026\n"
        "  Burton North (Horninglow and Stretton)  EST-BNO  missing\n"
        "  Burton South (Stapenhill and Winshill)  EST-BSO  missing\n"
        "  Uttoxeter                               EST-UTT  missing\n"
        "  Tutbury and Rolleston                   EST-TUT  late         revision 1, sent 20 Nov 2026\n"
        "  Barton and Yoxall                       EST-BAR  missing\n"
        "1 on time, 4 missing, 1 late."
    )
    reminders = out.split("\n\n--- Reminder to ")[1:]
    assert [r.split(" ---\n", 1)[0] for r in reminders] == [
        "Burton North (Horninglow and Stretton)",
        "Burton South (Stapenhill and Winshill)",
        "Uttoxeter",
        "Barton and Yoxall",
    ]
    assert reminders[2] == (
        "Uttoxeter ---\n"
        f"Subject: Uttoxeter: return for {LABEL} not yet received\n\n"
        "Dear Uttoxeter coordinator,\n\n"
        f"The locality return of Uttoxeter for {LABEL} was due on 15 October 2026 and has not "
        f"reached East Staffordshire yet ({days} days ago).\n\n"
        "Please export it in TrustDesk (Returns page, Export) and send us the workbook (.xlsx "
        "file named EST-UTT_2026-27Q2_r<revision>.xlsx). If you have sent it already, please "
        "send it again: it has not arrived.\n\n"
        "Thank you,\nEast Staffordshire"
    )
    assert out.endswith("Thank you,\nEast Staffordshire\n")


def test_review_accept_and_query(made, district, tmp_path, capsys):
    run(capsys, "return", "import", "--workspace", district, inbox(tmp_path, made.btc1, made.tut))
    review = ("return", "review", "--workspace", district, "--period", "2026-27Q2", "--unit")

    assert run(capsys, *review, "EST-BTC", "--accept") == (
        0,
        f"Accepted revision 1 of Burton Town's return for {LABEL}.\n",
        "",
    )
    assert run(capsys, *review, "EST-TUT", "--query", "") == (
        1,
        "",
        "trustdesk: note: is required.\n",
    )
    assert run(capsys, *review, "EST-TUT", "--query", "Attendances look low for September") == (
        0,
        f"Queried revision 1 of Tutbury and Rolleston's return for {LABEL}.\n",
        "",
    )
    assert run(capsys, *review, "EST-UTT", "--accept") == (
        1,
        "",
        f"trustdesk: No return of Uttoxeter for {LABEL} has been imported.\n"
        "Run 'trustdesk return status' to see which returns are in.\n",
    )

    _, out, _ = run(capsys, "return", "status", "--workspace", district, "--period", "2026-27Q2")
    assert (
        "  Burton Town                             EST-BTC  accepted     revision 1, sent 10 Oct 2026\n"
        in out
    )
    assert (
        "  Tutbury and Rolleston                   EST-TUT  queried      revision 1, sent 20 Nov "
        "2026: Attendances look low for September\n" in out
    )

    # A new revision arrives unreviewed.
    run(capsys, "return", "import", "--workspace", district, made.btc2)
    _, out, _ = run(capsys, "return", "status", "--workspace", district, "--period", "2026-27Q2")
    assert (
        "  Burton Town                             EST-BTC  on time      revision 2, sent 10 Oct 2026\n"
        in out
    )


# return consolidate


def test_consolidate_writes_the_workbook_and_pdf_and_says_what_it_was_built_from(
    made, district, tmp_path, capsys
):
    run(capsys, "return", "import", "--workspace", district, inbox(tmp_path, made.btc1, made.tut))
    review = ("return", "review", "--workspace", district, "--period", "2026-27Q2", "--unit")
    run(capsys, *review, "EST-BTC", "--accept")
    out_dir = tmp_path / "to county"

    code, out, err = run(
        capsys,
        "return",
        "consolidate",
        "--workspace",
        district,
        "--period",
        "2026-27Q2",
        "--out",
        out_dir,
    )
    assert code == 0
    xlsx, pdf = out_dir / "EST_2026-27Q2_r1.xlsx", out_dir / "EST_2026-27Q2_r1.pdf"
    assert out == (
        f"Consolidated the return of East Staffordshire (EST) for {LABEL}, revision 1:\n"
        f"  {xlsx}\n  {pdf}\n"
        "Built from the returns of Burton Town (accepted) and Tutbury and Rolleston (not "
        "reviewed yet); missing: Burton North (Horninglow and Stretton), Burton South "
        "(Stapenhill and Winshill), Uttoxeter and Barton and Yoxall.\n"
    )
    assert err == (
        "6 thing(s) to look at before the next export:\n"
        "  - Burton North (Horninglow and Stretton): no return yet (overdue, due 15 Oct 2026).\n"
        "  - Burton South (Stapenhill and Winshill): no return yet (overdue, due 15 Oct 2026).\n"
        "  - Uttoxeter: no return yet (overdue, due 15 Oct 2026).\n"
        "  - Tutbury and Rolleston: revision 1 is not accepted yet.\n"
        "  - Barton and Yoxall: no return yet (overdue, due 15 Oct 2026).\n"
        "  - The board has no meeting recorded yet; it should meet at least every 2 months.\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000

    from trustdesk.config.trust import load_trust_config
    from trustdesk.returns.catalogue import is_board

    config = load_trust_config(example_trust_path())
    county = read_workbook(xlsx, config)
    parts = [read_workbook(p, config) for p in (made.btc1, made.tut)]
    summed = {k: v for k, v in county.figures.items() if not is_board(k[0])}  # its board's own
    assert summed == {k: sum(p.figures[k] for p in parts) for k in parts[0].figures}
    assert {(c.unit_code, c.status, c.revision) for c in county.constituents} == {
        ("EST-BTC", "accepted", 1),
        ("EST-TUT", "received", 1),
        *{(code, "missing", None) for code in ("EST-BNO", "EST-BSO", "EST-UTT", "EST-BAR")},
    }


def test_consolidate_names_the_returns_it_was_built_from(made, district, tmp_path, capsys):
    run(capsys, "return", "import", "--workspace", district, inbox(tmp_path, made.btc1, made.tut))
    code, out, _ = run(
        capsys,
        "return",
        "consolidate",
        "--workspace",
        district,
        "--period",
        "2026-27Q2",
        "--out",
        tmp_path / "out",
        "--format",
        "xlsx",
    )
    built_from = next(line for line in out.splitlines() if line.startswith("Built from"))
    assert "Burton Town" in built_from and "Tutbury and Rolleston" in built_from
    assert "received" not in built_from
    assert "Built from 4 missing" not in built_from and ", 4 missing," not in built_from


# In a locality workspace


@pytest.mark.parametrize(
    ("verb", "message"),
    [
        (
            ["import", BTC1],
            "trustdesk: A locality workspace has no units below it, so it receives no returns.\n"
            "Import returns in the workspace of the district or county they report to.\n",
        ),
        (
            ["status", "--period", "2026-27Q2"],
            "trustdesk: A locality workspace has no units below it, so it receives no returns.\n"
            "Import returns in the workspace of the district or county they report to.\n",
        ),
        (
            ["review", "--unit", "EST-BTC", "--accept"],
            "trustdesk: A locality workspace has no units below it, so it receives no returns.\n"
            "Import returns in the workspace of the district or county they report to.\n",
        ),
        (
            ["consolidate", "--period", "2026-27Q2", "--out", "OUT"],
            "trustdesk: A locality's return is counted from its records, not added up from "
            "others.\nRun 'trustdesk return export' for a locality workspace.\n",
        ),
    ],
    ids=["import", "status", "review", "consolidate"],
)
def test_a_locality_workspace_refuses(made, tmp_path, capsys, verb, message):
    locality = shutil.copytree(made.btc, tmp_path / "EST-BTC")
    out_dir = tmp_path / "out"
    argv = [str(out_dir) if a == "OUT" else a for a in verb]
    if verb[0] == "import":
        argv[1] = str(made.btc1)
    code, out, err = run(capsys, "return", argv[0], "--workspace", locality, *argv[1:])
    assert (code, out, err) == (1, "", message)
    assert not out_dir.exists()
