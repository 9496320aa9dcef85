"""No screen of the desktop tells a user to type a command: no string in ``trustdesk/ui/``
(docstrings aside: nobody sees those) says ``trustdesk init``, ``trustdesk --workspace`` or
any other ``trustdesk`` command. The desktop explains in words and offers buttons."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from trustdesk.cli import COMMANDS

UI = Path(__file__).resolve().parents[1] / "trustdesk" / "ui"
WORDS = sorted(name for name in COMMANDS if name) + ["units", "--workspace", "--unit", "--"]
COMMAND = re.compile(r"\btrustdesk\s+(?:" + "|".join(re.escape(w) for w in WORDS) + r")")


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def shown_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def test_the_pattern_finds_a_command():
    assert COMMAND.search('Create one with: trustdesk init --workspace "x" --unit CODE')
    assert COMMAND.search("trustdesk --workspace DIR")
    assert COMMAND.search("or try: trustdesk demo")
    assert not COMMAND.search("Welcome to TrustDesk. TrustDesk keeps the records")


def test_no_string_in_the_desktop_tells_a_user_to_run_a_command():
    files = sorted(UI.rglob("*.py"))
    assert UI / "welcome.py" in files
    offenders = [
        f"{path.relative_to(UI.parent.parent)}: {text!r}"
        for path in files
        for text in shown_strings(path)
        if COMMAND.search(text)
    ]
    assert offenders == []
