"""The README's two commands are what a new machine runs; CI must run the same test command."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert len(commands) == 2
    install_and_open, install_and_test = commands
    assert "trustdesk demo --workspace" in install_and_open
    assert "pytest" in install_and_test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci_lines


def test_every_picture_the_readme_shows_is_committed():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", text)
    assert len(pictures) >= 17  # the welcome screens, the guide and every page
    assert [p for p in pictures if not (ROOT / p).is_file()] == []
    ignored = subprocess.run(
        ["git", "check-ignore", *pictures], cwd=ROOT, capture_output=True, text=True
    )
    if ignored.returncode in (0, 1):  # 128: not a git checkout (e.g. an unpacked sdist)
        assert ignored.stdout == "", "ignored by .gitignore, so never committed"
