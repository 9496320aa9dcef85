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


# The floors (docs/architecture.md) ----------------------------------------------------------

# Bottom first. A module may import its own part of the package and any part on a floor
# below its own; never one on its floor or above. Parts side by side on one floor (services
# and returns) do not import each other.
FLOORS: list[set[str]] = [
    {"trustdesk", "field_labels"},  # the package itself: name and version; field labels
    {"errors"},
    {"clock", "limits", "words", "files", "resources"},
    {"bug_report"},
    {"config"},
    {"glossary"},
    {"store"},
    {"privacy"},
    {"services", "returns"},
    {"reports", "spreadsheets"},
    {"ops"},
    {"demo", "self_test"},
    {"ui"},
    {"cli"},
    {"__main__"},
]
BASE_FLOOR = 2  # the small leaf modules of floor 2 may use one another
# The two seams where a module is imported late (for start-up): the command table of the
# command line and the desktop's opening. Everywhere else imports at the top.
LATE_IMPORT_SEAMS = {"trustdesk/cli/__init__.py", "trustdesk/ui/app.py"}
LONGEST_MODULE = 500  # lines of a hand-written module
GENERATED = ("trustdesk/ui/forms/", "trustdesk/store/migrations/")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def floor_of(module: str) -> int:
    part = part_of(module)
    return next(i for i, parts in enumerate(FLOORS) if part in parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes under ``if TYPE_CHECKING:`` (never run)."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            ids.update(id(inner) for inner in ast.walk(node))
    return ids


def package_imports(path: Path, *, typing_too: bool = True) -> set[str]:
    """The trustdesk modules a module imports (``from trustdesk.x import y`` names
    ``trustdesk.x.y`` when that is a module, else ``trustdesk.x``)."""
    known = {module_name(p) for p in modules()}
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = set() if typing_too else _type_checking_only(tree)
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            while name and name not in known and "." in name:
                name = name.rpartition(".")[0]
            if name in known and name.startswith("trustdesk") and name != here:
                found.add(name)
    return found


def test_every_part_of_the_package_has_a_floor():
    parts = {part_of(module_name(path)) for path in modules()}
    assert parts <= set().union(*FLOORS)


def test_imports_only_run_down():
    upward = []
    for path in modules():
        if str(path.relative_to(PACKAGE.parent)).startswith(GENERATED):
            continue
        here = module_name(path)
        for there in package_imports(path):
            if part_of(there) == part_of(here):
                continue
            below = floor_of(there) < floor_of(here)
            side_by_side_leaves = floor_of(there) == floor_of(here) == BASE_FLOOR
            if not (below or side_by_side_leaves):
                upward.append(f"{here} -> {there}")
    assert upward == []


def test_no_circles():
    graph = {
        module_name(path): package_imports(path, typing_too=False)
        for path in modules()
        if not str(path.relative_to(PACKAGE.parent)).startswith(GENERATED)
    }
    circles = [sorted(c) for c in _strongly_connected(graph) if len(c) > 1]
    assert circles == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found


def test_the_checks_see_what_they_look_for():
    assert _strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [{"a", "b"}, {"c"}]
    assert "trustdesk.store.context" in package_imports(PACKAGE / "store" / "workspace.py")
    assert (
        floor_of("trustdesk.ui.main_window")
        > floor_of("trustdesk.ops")
        > floor_of("trustdesk.store.workspace")
    )


def late_imports(path: Path) -> list[int]:
    """Lines of the imports made inside a function (not at the top of the module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines += [
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, ast.Import | ast.ImportFrom)
            ]
    return lines


def test_late_imports_only_at_the_two_seams():
    late = {
        str(path.relative_to(PACKAGE.parent)): late_imports(path)
        for path in modules()
        if str(path.relative_to(PACKAGE.parent)) not in LATE_IMPORT_SEAMS
        and not str(path.relative_to(PACKAGE.parent)).startswith(GENERATED)
    }
    assert {where: lines for where, lines in late.items() if lines} == {}


def test_no_hand_written_module_is_too_big_to_read_in_one_sitting():
    long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in modules()
        if not str(path.relative_to(PACKAGE.parent)).startswith(GENERATED)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}


def test_page_code_holds_no_database_session():
    """Pages call operations (trustdesk.ops); they never open or receive a session."""
    pages = [UI / "main_window.py", *sorted((UI / "pages").rglob("*.py"))]
    pages += [
        UI / name
        for name in ("dialogs.py", "record_table.py", "audit_dialog.py", "privacy_dialog.py")
    ]
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in pages
        if path.exists()
        and any(
            isinstance(node, ast.Name | ast.Attribute | ast.arg)
            and (
                getattr(node, "id", None)
                or getattr(node, "attr", None)
                or getattr(node, "arg", None)
            )
            in {"Session", "session"}
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert offenders == []
