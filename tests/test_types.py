"""The types: mypy, as pyproject.toml's [tool.mypy] configures it (strict on the lower floors),
finds nothing. CI runs pytest only, so this is where the type checker runs in CI."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed (pip install '.[test]' brings it)",
)
def test_mypy_finds_no_errors() -> None:
    # The files checked are the configuration's own (`files`), as `python -m mypy` checks.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"
