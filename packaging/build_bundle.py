"""Build TrustDesk's one-folder bundle (dist/trustdesk/) with PyInstaller and refuse a bundle
that would fail on an admin's computer. Run with the build environment's Python, on any
platform (build-deb.sh, macos/build-app.sh and the CI workflow do):

    python packaging/build_bundle.py

Fails (exit status 1, saying why) when:
- PyInstaller could not find a library that something in the bundle links to (its log says
  "Library not found"). Libraries needed only by plugins the hooks leave out do not count;
- a module that TrustDesk itself imports is missing (warn-trustdesk.txt). The file's other
  entries are optional or platform-specific imports of the standard library and of the
  dependencies (winreg on Linux, mypy for pydantic's mypy plugin, database drivers SQLAlchemy
  can use but TrustDesk does not...), which PyInstaller lists whether or not they matter;
- on Linux, `ldd` finds a library "not found" for any program or library in the bundle: the
  bundle leaves the system's libraries to the distribution (the .deb depends on them), so this
  is what would fail on a computer without them;
- a Qt library other than the ones TrustDesk uses is in the bundle (no QtWebEngine, QtQml,
  QtQuick, QtPdf... : only what QtCore, QtGui, QtWidgets and QtNetwork's local socket need);
- the built program does not say its version.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "trustdesk.spec"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
BUNDLE = DIST / "trustdesk"
LOG = ROOT / "build" / "pyinstaller.log"

# Qt libraries the bundle may hold: the three modules TrustDesk imports and what they and the
# kept plugins link to (Svg for the SVG icon, DBus for QtGui on Linux, XcbQpa for X11).
QT_LIBRARIES_ALLOWED = {"Core", "Gui", "Widgets", "Network", "Svg", "DBus", "XcbQpa"}
QT_LIBRARY = re.compile(r"^(?:lib)?Qt6(\w+?)(?:\.so(?:\.\d+)*|\.dll|\.dylib)$|^Qt(\w+)\.framework$")
PYSIDE_MODULE = re.compile(r"^(Qt\w+)\.(?:abi3\.so|pyd)$")
# QtNetwork only for the local socket of trustdesk/ui/single_instance.py (no plugins:
# hooks/hook-PySide6.QtNetwork.py).
QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets", "QtNetwork"}
LIBRARY_NOT_FOUND = re.compile(
    r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'"
)
MISSING_MODULE = re.compile(r"^missing module named (\S+) - imported by (.*)$")


def run_pyinstaller() -> str:
    WORK.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK)]
    print("$", " ".join(command), flush=True)
    with LOG.open("w", encoding="utf-8") as log:
        # Not from the checkout (`python -m` puts the working folder on the path): the bundle
        # takes the trustdesk package installed in the build environment, as pip installed it.
        process = subprocess.Popen(
            command, cwd=WORK.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            log.write(line)
            if "WARNING" in line or "ERROR" in line:
                print(line, end="", flush=True)
    if process.wait() != 0:
        sys.exit(f"PyInstaller failed (exit status {process.returncode}); see {LOG}")
    return LOG.read_text(encoding="utf-8")


def bundle_files() -> list[Path]:
    return [path for path in BUNDLE.rglob("*") if path.is_file() or path.is_symlink()]


def libraries_not_found(log: str, names_in_bundle: set[str]) -> list[str]:
    return [
        f"{library} (needed by {Path(user).name})"
        for library, user in LIBRARY_NOT_FOUND.findall(log)
        if Path(user).name in names_in_bundle
    ]


def trustdesk_modules_missing(warnings: str) -> list[str]:
    """Missing modules that TrustDesk's own code imports. A dotted name whose parent is in the
    bundle is left alone: ``from pydantic import BaseModel`` is listed as a missing module
    "pydantic.BaseModel" when a package makes its names on first use."""
    missing = {}
    for line in warnings.splitlines():
        if match := MISSING_MODULE.match(line):
            missing[match[1].strip("'")] = [part.split(" (")[0] for part in match[2].split(", ")]
    problems = []
    for name, importers in missing.items():
        ours = [
            who for who in importers if who.startswith("trustdesk") or who.endswith("launcher.py")
        ]
        parent = name.rpartition(".")[0]
        if ours and (not parent or parent in missing):
            problems.append(f"{name} (imported by {', '.join(ours)})")
    return problems


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def ldd_not_found(files: list[Path]) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    problems = []
    for path in files:
        if path.is_symlink() or not is_elf(path):
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            if "not found" in line:
                problems.append(f"{line.split()[0]} (needed by {path.relative_to(BUNDLE)})")
    return sorted(set(problems))


def unwanted_qt(files: list[Path]) -> list[str]:
    found = set()
    for path in files:
        for part in path.relative_to(BUNDLE).parts:
            library = QT_LIBRARY.match(part)
            if library and (library[1] or library[2]) not in QT_LIBRARIES_ALLOWED:
                found.add(f"Qt library {part}")
        module = PYSIDE_MODULE.match(path.name)
        if module and path.parent.name == "PySide6" and module[1] not in QT_MODULES_USED:
            found.add(f"PySide6 module {path.name}")
    return sorted(found)


def program() -> Path:
    return BUNDLE / ("trustdesk.exe" if sys.platform == "win32" else "trustdesk")


def version_problems() -> list[str]:
    import trustdesk

    result = subprocess.run([str(program()), "--version"], capture_output=True, text=True)
    said = result.stdout.strip()
    if result.returncode != 0 or said != f"TrustDesk {trustdesk.__version__}":
        return [f"`trustdesk --version` said {said!r} {result.stderr.strip()!r}"]
    return []


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    if BUNDLE.exists():
        shutil.rmtree(BUNDLE)
    log = run_pyinstaller()
    files = bundle_files()
    names = {path.name for path in files}
    warnings = (WORK / "trustdesk" / "warn-trustdesk.txt").read_text(encoding="utf-8")
    checks = {
        "PyInstaller could not find these libraries": libraries_not_found(log, names),
        "TrustDesk imports these modules, which are not in the bundle": (
            trustdesk_modules_missing(warnings)
        ),
        "These libraries are not on this computer (install them, and the .deb must depend on "
        "them)": ldd_not_found(files),
        "The bundle carries Qt that TrustDesk does not use (leave it out in the spec or "
        "packaging/hooks/)": unwanted_qt(files),
    }
    failed = False
    for heading, problems in checks.items():
        if problems:
            failed = True
            print(f"\n{heading}:", *(f"  {problem}" for problem in problems), sep="\n")
    if failed:
        print(f"\nThe bundle in {BUNDLE} is not fit to ship. PyInstaller's log: {LOG}")
        return 1
    problems = version_problems()
    if problems:
        print("The built program does not start:", *problems, sep="\n  ")
        return 1
    qt = sorted(
        {
            match[1] or match[2]
            for path in files
            for part in path.relative_to(BUNDLE).parts
            if (match := QT_LIBRARY.match(part))
        }
    )
    print(f"\nBuilt {BUNDLE}: {size(BUNDLE) / 1e6:.0f} MB in {len(files)} files")
    print(f"Qt libraries: {', '.join(qt)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
