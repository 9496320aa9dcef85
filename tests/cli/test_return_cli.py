"""``trustdesk return export`` on the demo workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trustdesk.cli import main
from trustdesk.demo.generator import build_demo

# The demo's day: its quarters Q1 and Q2 have ended (a quarter not begun is never exported).
pytestmark = pytest.mark.today(dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-return") / "demo"
    build_demo(
        path,
        unit_code="LIC-BUR",
        size="small",
        seed=1,
        as_of=dt.date(2026, 11, 23),
        config_path=None,
    ).close()
    return path


def test_export_prints_the_files_it_wrote(demo: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "returns"
    code = main(
        ["return", "export", "--workspace", str(demo), "--period", "2026-27Q2", "--out", str(out)]
    )

    printed = capsys.readouterr().out
    assert code == 0
    assert (
        "Exported the return of Burntwood (LIC-BUR) for Q2 2026-27 (Jul\u2013Sep 2026), revision 1"
        in printed
    )
    for name in ("LIC-BUR_2026-27Q2_r1.xlsx", "LIC-BUR_2026-27Q2_r1.pdf"):
        assert str(out / name) in printed
        assert (out / name).stat().st_size > 1000


def test_publication_pdf_only(demo: Path, tmp_path: Path, capsys) -> None:
    code = main(
        [
            "return",
            "export",
            "--workspace",
            str(demo),
            "--period",
            "2026-27Q1",
            "--out",
            str(tmp_path),
            "--format",
            "pdf",
            "--publication",
        ]
    )
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["LIC-BUR_2026-27Q1_r1_publication.pdf"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--period", "2026Q1"], "'2026Q1' is not a reporting period"),
        (["--period", "2026-27Q1", "--format", "csv"], "'csv' is not a format TrustDesk exports"),
    ],
)
def test_mistakes_get_a_plain_message(
    demo: Path, tmp_path: Path, capsys, arguments, message
) -> None:
    code = main(["return", "export", "--workspace", str(demo), "--out", str(tmp_path), *arguments])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err
    assert "Traceback" not in err
