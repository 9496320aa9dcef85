"""The shape of the package (docs: architecture.md): Qt only in ``trustdesk/ui/``, so the
command line and the services run without a display; and no SQL in the widgets, which go
through the services and the workspace instead."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "trustdesk"
UI = PACKAGE / "ui"
DATABASE_MODULES = {"sqlalchemy", "sqlmodel", "sqlite3"}


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every absolute import in a module, wherever in it they are."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules() -> list[Path]:
    found = sorted(PACKAGE.rglob("*.py"))
    assert UI / "main_window.py" in found  # the scan looks where it should
    return found


def test_only_the_ui_imports_qt():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in modules()
        if not path.is_relative_to(UI) and imported_modules(path) & {"PySide6", "shiboken6"}
    ]
    assert offenders == [], "Qt is imported outside trustdesk/ui/"


def test_the_ui_never_touches_the_database_directly():
    offenders = {
        str(path.relative_to(PACKAGE.parent)): sorted(imported_modules(path) & DATABASE_MODULES)
        for path in modules()
        if path.is_relative_to(UI) and imported_modules(path) & DATABASE_MODULES
    }
    assert offenders == {}, "widgets must call services, not run SQL themselves"


def test_the_scan_sees_imports():
    assert "PySide6" in imported_modules(UI / "main_window.py")
    assert "sqlmodel" in imported_modules(PACKAGE / "services" / "records.py")


CLOCK_READS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
}
CLOCK_READS |= {("QDate", "currentDate"), ("QDateTime", "currentDateTime"), ("time", "time")}


def clock_reads(path: Path, reads: set[tuple[str, str]] = CLOCK_READS) -> list[str]:
    """Calls that read the computer's clock directly: ``date.today()``, ``dt.datetime.now()``…"""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Attribute):
            owner = node.value
            owner_name = (
                owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            )
            if (owner_name, node.attr) in reads:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_one_clock_is_read_everywhere():
    """A window showing one day while its records are stamped with another is how the audit
    trail came to hide the day's changes: everything reads trustdesk.clock."""
    offenders = [
        where for path in modules() if path.name != "clock.py" for where in clock_reads(path)
    ]
    assert offenders == []
    assert clock_reads(PACKAGE / "clock.py")  # the scan sees them


def test_the_tests_read_the_one_clock_too():
    """A test that works out 'today' from the computer's clock while TrustDesk's clock is set
    to another day passes only on some days: tests read trustdesk.clock, or a fixed date."""
    tests = Path(__file__).resolve().parent
    offenders = [
        where
        for path in sorted(tests.rglob("*.py"))
        if path != Path(__file__).resolve()
        for where in clock_reads(path, CLOCK_READS - {("time", "time")})  # timing is fine
    ]
    assert offenders == []
