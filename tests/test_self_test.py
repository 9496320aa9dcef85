"""``trustdesk --self-test``: what an admin runs on a fresh installation (and the installer
builds run on each platform). It passes on a working TrustDesk, names the step that failed
in plain words when something is wrong, and leaves nothing behind either way."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from trustdesk import self_test
from trustdesk.cli import main
from trustdesk.cli.self_test import STEPS
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.errors import WorkspaceError
from trustdesk.returns.catalogue import figure_keys
from trustdesk.store.schema import head_schema
from trustdesk.ui import messages, self_test_window

STEP_NAMES = [step.name for step in STEPS]


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the self-test's temporary folder is made, so a test can see it is gone after."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def reported(out: str) -> list[tuple[str, str]]:
    """(status, step name) of each step's line, in order."""
    lines = []
    for line in out.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("ok", "FAIL"):
            name = next(n for n in STEP_NAMES if rest.strip().startswith(n))
            lines.append((status, name))
    return lines


def test_passes_in_the_running_application_and_leaves_nothing_behind(
    qapp, temporary, capsys, monkeypatch
):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    present = messages.present

    assert main(["--self-test"]) == 0

    out = capsys.readouterr().out
    assert reported(out) == [("ok", name) for name in STEP_NAMES]
    assert f"Self-test passed: {len(STEP_NAMES)} steps in " in out
    assert f"ok   workspace created and upgraded (schema {head_schema()}, SQLite " in out
    figures = len(figure_keys(load_trust_config(example_trust_path()), "district"))
    assert f"ok   return imported and consolidated by its district ({figures} figures into" in out
    assert "ok   main window shows every page (12 pages at 1366x768)" in out
    assert QApplication.instance() is qapp  # the one already running, not a second
    assert list(temporary.iterdir()) == []
    # What it changed to run unattended is put back.
    assert QSettings.defaultFormat() == QSettings.Format.NativeFormat
    assert messages.present is present


def test_runs_as_its_own_program_writing_nowhere_but_a_temporary_folder(tmp_path):
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temporary.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "TMPDIR": str(temporary),
        **{name: str(home / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME")},
        **{name: str(home / name.lower()) for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME")},
    }
    result = subprocess.run(
        [sys.executable, "-m", "trustdesk", "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert reported(result.stdout) == [("ok", name) for name in STEP_NAMES]
    assert "offscreen platform)" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"Self-test passed: {len(STEP_NAMES)} steps")
    assert list(temporary.iterdir()) == []
    assert list(home.rglob("*")) == []  # no settings, no data, no log


def test_a_step_that_fails_is_named_in_plain_words(temporary, capsys, monkeypatch):
    def damaged(*_args, **_kwargs):
        raise WorkspaceError(
            "The backup failed its check (database disk image is malformed), so it was not kept."
        )

    monkeypatch.setattr("trustdesk.store.backups.make_backup", damaged)

    assert main(["--self-test"]) == 1

    out, err = capsys.readouterr()
    failed_at = STEP_NAMES.index("backup made and checked, and one sealed and opened")
    assert reported(out) == [
        *[("ok", name) for name in STEP_NAMES[:failed_at]],
        ("FAIL", "backup made and checked, and one sealed and opened"),
    ]
    assert out.splitlines()[-1] == (
        "Self-test FAILED at step: backup made and checked, and one sealed and opened: The "
        "backup failed its check "
        "(database disk image is malformed), so it was not kept."
    )
    assert "Traceback" not in out + err
    assert list(temporary.iterdir()) == []  # the workspace, open when it failed, is gone too


def test_an_unexpected_error_is_reported_with_the_details_for_support(
    temporary, capsys, monkeypatch
):
    def broken(_path):
        raise RuntimeError("tomllib went missing")

    monkeypatch.setattr("trustdesk.config.trust.load_trust_config", broken)

    assert main(["--self-test"]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == (
        "Self-test FAILED at step: example trust configuration loaded: something went wrong "
        "inside TrustDesk (RuntimeError: tomllib went missing)."
    )
    assert "Traceback" not in out
    assert "Details for whoever supports TrustDesk:" in err and "RuntimeError" in err
    assert list(temporary.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays as Linux has them")
@pytest.mark.parametrize(
    ("display", "platform", "chosen"),
    [
        (None, None, "offscreen"),  # nothing to draw on: offscreen
        (":99", None, None),  # under Xvfb: Qt's own choice, on the display
        (None, "minimal", "minimal"),  # asked for: as asked
    ],
)
def test_draws_offscreen_only_when_there_is_no_display(
    qapp, monkeypatch, display, platform, chosen
):
    for name, value in (("DISPLAY", display), ("QT_QPA_PLATFORM", platform)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    self_test_window.start_qt()  # Qt is running already: only the choice is made
    assert os.environ.get("QT_QPA_PLATFORM") == chosen


def test_a_page_that_shows_a_message_fails_the_window_step(qapp, workspace, tmp_path, monkeypatch):
    from trustdesk.ui.pages.spending import SpendingPage

    def refresh(page):
        messages.show_error(page, "Spending", "The spending could not be read.")

    monkeypatch.setattr(SpendingPage, "refresh", refresh)
    self_test_window.start_qt()
    with pytest.raises(self_test.SelfTestFailed) as failed:
        self_test_window.show_every_page(workspace, tmp_path / "settings")
    assert str(failed.value) == (
        "the Spending page showed a message: Spending: The spending could not be read."
    )
    assert messages.present is not None and messages.present.__module__ == messages.__name__


def test_a_missing_part_of_the_installation_is_said_so():
    missing = ModuleNotFoundError("No module named 'PySide6.QtSvg'", name="PySide6.QtSvg")
    assert self_test.plain_reason(missing) == (
        "part of TrustDesk is missing from this installation (the module 'PySide6.QtSvg'); "
        "reinstall TrustDesk."
    )


def test_a_build_without_the_svg_image_plugin_fails_on_the_icon(qapp, monkeypatch):
    class WithoutSvg:
        @staticmethod
        def supportedImageFormats():
            return [b"png", b"jpg"]

    monkeypatch.setattr(self_test_window, "QImageReader", WithoutSvg)
    self_test_window.start_qt()
    with pytest.raises(self_test.SelfTestFailed, match=r"SVG image plug-in \(imageformats/qsvg\)"):
        self_test_window.check_look()


def test_a_blank_image_is_told_from_a_drawn_one():
    image = QImage(40, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    assert self_test_window.colours(image) == 1
    image.setPixelColor(20, 15, QColor("black"))
    assert self_test_window.colours(image) == 2
