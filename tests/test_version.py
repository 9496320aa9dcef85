"""One version number, written once (``trustdesk.__version__``), and the same everywhere it
is shown: the About box, ``trustdesk --version`` and the Manifest of every return (which a
district reads to know what made it)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from trustdesk import APP_NAME, __version__
from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.returns.export import export_return
from trustdesk.returns.untrusted import open_return_file
from trustdesk.returns.workbook import MANIFEST
from trustdesk.ui import messages
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.page_tour import settings_kept_in

ROOT = Path(__file__).resolve().parents[1]
SHOWN = f"{APP_NAME} {__version__}"


def test_the_about_box_shows_the_version(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "present", lambda _p, _i, title, text, _d=None: shown.append(text)
    )
    with settings_kept_in(tmp_path):
        window = MainWindow(None)
        qtbot.addWidget(window)
        window.ui.actionAbout.trigger()
    assert len(shown) == 1 and SHOWN in shown[0]


def test_the_command_line_says_the_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"{SHOWN}\n"


@pytest.mark.today(dt.date(2026, 7, 10))
def test_every_return_says_which_version_made_it(workspace, tmp_path):
    with workspace.session() as session:
        exported = export_return(session, Period(2026, 1), tmp_path, formats=["xlsx"])
    (path,) = exported.paths
    book = load_workbook(path, read_only=True)
    manifest = {row[0]: row[1] for row in book[MANIFEST].iter_rows(values_only=True) if row[0]}
    book.close()
    assert manifest["made_by"] == SHOWN
    assert open_return_file(path, workspace.config).made_by == SHOWN


def test_the_version_is_written_in_one_place():
    """Every other place takes it from ``trustdesk.__version__`` (pyproject.toml too), so a
    release changes one line. Comments and tests' made-up files may mention a version."""
    written_in = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "trustdesk").rglob("*.py"))
        if any(
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and __version__ in node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert written_in == ["trustdesk/__init__.py"]
    others = [ROOT / "pyproject.toml", *(p for p in (ROOT / "packaging").rglob("*") if p.is_file())]
    assert [str(p.relative_to(ROOT)) for p in others if __version__ in _text(p)] == []


def _text(path: Path) -> str:
    """A script's or spec's text; nothing for what a build made (a bundle, a .deb)."""
    if path.stat().st_size > 1_000_000:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""
