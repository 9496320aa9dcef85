"""The command line as district officers and admins script it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from trustdesk import __version__
from trustdesk.cli import main
from trustdesk.config.trust import example_trust_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_info(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    code, out, err = run(capsys, "demo", "--workspace", ws, "--as-of", "2026-11-23", "--seed", "3")
    assert code == 0, err
    assert "Created a small demo workspace for Burntwood (LIC-BUR)" in out
    code, out, err = run(capsys, "info", "--workspace", ws)
    assert code == 0, err
    assert "Unit       Burntwood (LIC-BUR)" in out
    assert "Level      locality, part of Lichfield (LIC)" in out
    assert "Attendance marks" in out
    code, out, _ = run(capsys, "info", "--workspace", ws, "--json")
    info = json.loads(out)
    assert info["counts"]["Sessions"] > 200 and info["schema"] == info["schema_supported"]


def test_workspace_option_before_the_command_works_too(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    assert run(capsys, "--workspace", ws, "init", "--unit", "TAM")[0] == 0
    code, out, _ = run(capsys, "--workspace", ws, "info")
    assert code == 0 and "Tamworth (TAM)" in out and "district, part of Staffordshire" in out


def test_init_with_a_broken_configuration_names_the_file_and_line(tmp_path, capsys):
    config = tmp_path / "trust.toml"
    config.write_text('format = "trustdesk-trust/1"\ntrust_name = \n', encoding="utf-8")
    code, out, err = run(
        capsys,
        "init",
        "--workspace",
        str(tmp_path / "ws"),
        "--unit",
        "LIC",
        "--config",
        str(config),
    )
    assert code == 1
    assert f"trustdesk: {config}: Invalid value (at line 2, column 14)" in err
    assert "Traceback" not in err


def test_init_refuses_a_target_no_return_carries_and_makes_no_workspace(tmp_path, capsys):
    example = example_trust_path().read_text(encoding="utf-8")
    config = tmp_path / "trust.toml"
    config.write_text(
        example.replace('measure = "sessions"', 'measure = "sesions"', 1), encoding="utf-8"
    )
    ws = tmp_path / "ws"
    code, _, err = run(
        capsys, "init", "--workspace", str(ws), "--unit", "LIC", "--config", str(config)
    )
    assert code == 1
    assert f"trustdesk: {config}: targets[1]: 'sesions' is not a measure a return carries" in err
    assert "Correct its [[targets]]" in err and "Traceback" not in err
    assert not ws.exists()


def test_user_mistakes_get_a_message_not_a_traceback(tmp_path, capsys):
    code, _, err = run(capsys, "info", "--workspace", str(tmp_path / "missing"))
    assert code == 1
    assert err.startswith(f"trustdesk: There is no TrustDesk workspace in {tmp_path / 'missing'}.")
    code, _, err = run(capsys, "init", "--workspace", str(tmp_path / "ws"), "--unit", "nowhere")
    assert code == 1 and "no unit with the code 'nowhere'" in err


def test_units_lists_the_hierarchy(capsys):
    code, out, _ = run(capsys, "units")
    assert code == 0
    assert "  LIC        Lichfield" in out and "    LIC-BUR    Burntwood" in out


def test_python_dash_m_runs_the_same_program(tmp_path):
    env_run = [sys.executable, "-m", "trustdesk"]
    result = subprocess.run([*env_run, "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"TrustDesk {__version__}"
    result = subprocess.run(
        [*env_run, "info", "--workspace", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "There is no TrustDesk workspace" in result.stderr and "Traceback" not in result.stderr
    assert Path(tmp_path).exists()
