"""The import goes through a folder to its end, whatever one file does: a name the disk
holds in another encoding, a fault in TrustDesk while one file is looked at. Every file
gets its line in the report, and only the file that failed is left out of the workspace."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from trustdesk.bug_report import bug_log_path
from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.ops import returns as returns_ops
from trustdesk.returns import importer
from trustdesk.returns.export import export_return
from trustdesk.returns.received import current_record
from trustdesk.store.migrate import create_workspace, open_workspace

DAY = dt.date(2026, 11, 23)
Q2 = Period.parse("2026-27Q2")
ON_TIME = dt.datetime(2026, 10, 10, 9, tzinfo=dt.UTC)
LOCALITIES = ("EST-BNO", "EST-BTC", "EST-TUT")  # in the order a folder is taken in
pytestmark = pytest.mark.today(DAY)


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The workbooks three East Staffordshire localities sent, and an empty district."""
    root = tmp_path_factory.mktemp("import-loop")
    config = example_trust_path()
    files = {}
    for code in LOCALITIES:
        with create_workspace(root / code, code, config_path=config) as ws, ws.session() as s:
            made = export_return(s, Q2, root / "sent", formats=["xlsx"], now=ON_TIME)
            s.commit()
        files[code] = made.paths[0]
    create_workspace(root / "EST", "EST", config_path=config).close()
    files["district"] = root / "EST"
    return files


@pytest.fixture
def district(sent: dict[str, Path], tmp_path: Path) -> Path:
    return Path(shutil.copytree(sent["district"], tmp_path / "EST"))


def inbox(tmp_path: Path, sent: dict[str, Path]) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for code in LOCALITIES:
        shutil.copy(sent[code], folder)
    return folder


def kept_in(district: Path, code: str) -> str | None:
    with open_workspace(district) as ws, ws.session() as session:
        record = current_record(session, code, Q2)
        return record.file_name if record else None


@pytest.mark.skipif(os.name == "nt", reason="Windows names are never bytes in another encoding")
def test_a_name_in_another_encoding_is_imported_printed_and_kept(sent, district, tmp_path, capsys):
    folder = tmp_path / "stick"
    folder.mkdir()
    odd = Path(os.fsdecode(bytes(folder) + b"/R\xe9turn BTC.xlsx"))  # Latin-1 on a Linux disk
    shutil.copy(sent["EST-BTC"], odd)

    code = main(["return", "import", "--workspace", str(district), str(folder)])
    out, err = capsys.readouterr()

    assert (code, err) == (0, "")
    assert "R\ufffdturn BTC.xlsx  imported: Burton Town (EST-BTC)" in out
    assert kept_in(district, "EST-BTC") == "R\ufffdturn BTC.xlsx"
    assert main(["return", "status", "--workspace", str(district), "--period", Q2.code]) == 0
    assert "Burton Town" in capsys.readouterr().out


def test_the_shown_name_keeps_a_good_name_as_it_is():
    assert importer.shown_name(Path("EST-BTC_2026-27Q2_r1.xlsx")) == "EST-BTC_2026-27Q2_r1.xlsx"
    assert importer.shown_name("Réturn \u2013 Q2.xlsx") == "Réturn \u2013 Q2.xlsx"
    assert importer.shown_name("R\ud800turn.xlsx") == "R\ufffd\ufffd\ufffdturn.xlsx"


def _faulty_check(monkeypatch, unit_code: str) -> None:
    """A bug in a check, met only by one unit's return."""
    check = importer.check_data

    def check_data(ret, config):
        if ret.unit_code == unit_code:
            raise RuntimeError("a bug in a check")
        return check(ret, config)

    monkeypatch.setattr(importer, "check_data", check_data)


def test_a_fault_in_one_file_is_reported_and_the_folder_goes_on(
    sent, district, tmp_path, capsys, monkeypatch
):
    _faulty_check(monkeypatch, "EST-BTC")
    folder = inbox(tmp_path, sent)
    bug_log_path().unlink(missing_ok=True)

    code = main(["return", "import", "--workspace", str(district), str(folder)])
    out, err = capsys.readouterr()

    assert code == 1  # a file was refused; not 70, the bug report's
    assert err == ""
    names = [sent[c].name for c in LOCALITIES]
    lines = out.splitlines()
    assert lines[0].startswith(f"{names[0]}  imported: ")
    assert lines[1] == (
        f"{names[1]}  refused: It could not be looked at because of a fault in TrustDesk (not "
        "in the file, and not something you did); nothing of it was kept."
    )
    assert lines[2].strip() == (
        f"The details are in {bug_log_path()}: please send that file to your support contact."
    )
    assert lines[3].startswith(f"{names[2]}  imported: ")
    assert lines[-1] == "3 files: 2 imported, 0 replaced, 0 unchanged, 1 refused."
    assert "RuntimeError: a bug in a check" in bug_log_path().read_text(encoding="utf-8")
    assert [kept_in(district, c) for c in LOCALITIES] == [names[0], None, names[2]]


def test_a_fault_in_one_file_undoes_only_that_file_in_one_session(sent, district, monkeypatch):
    """The same in one session (a savepoint a file): the files around it stay taken in."""
    _faulty_check(monkeypatch, "EST-TUT")
    paths = [sent[c] for c in LOCALITIES]
    with open_workspace(district) as ws, ws.session() as session:
        report = importer.import_returns(session, paths, today=DAY)
        session.commit()
    assert [line.outcome for line in report.lines] == ["imported", "imported", "refused"]
    assert "fault in TrustDesk" in report.lines[2].reason
    assert [kept_in(district, c) is not None for c in LOCALITIES] == [True, True, False]


def test_a_fault_while_checking_refuses_that_file_only(sent, district, monkeypatch):
    """The window checks the folder first: the file TrustDesk failed on is shown refused."""
    _faulty_check(monkeypatch, "EST-BNO")
    with open_workspace(district) as ws:
        checked = returns_ops.check_files(ws, [sent[c] for c in LOCALITIES], today=DAY)
        report = returns_ops.take_in(ws, checked)
    assert [c.plan for c in checked] == ["refused", "new", "new"]
    assert checked[0].reason.startswith("It could not be looked at because of a fault")
    assert [line.outcome for line in report.lines] == ["refused", "imported", "imported"]
