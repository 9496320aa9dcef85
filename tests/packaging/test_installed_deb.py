"""The .deb an admin installs, tried as installed: built by packaging/build-deb.sh, unpacked
into a throwaway root, its program run from there. Skipped unless
dist/trustdesk_<version>_amd64.deb exists, so the everyday suite stays fast:

    packaging/build-deb.sh && python -m pytest tests/packaging

"Installed" is `dpkg-deb -x`: the package has no maintainer scripts (a test below makes
sure), so unpacking its files is everything dpkg would do to the disk. What dpkg would also
do, check Depends, is the test that the package depends on every system library that its
programs and libraries link to.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sqlite_files import every_record
from trustdesk import __version__
from trustdesk.store.models import RECORD_KINDS
from trustdesk.store.schema import head_schema, read_schema

ROOT = Path(__file__).parents[2]
DEB = ROOT / "dist" / f"trustdesk_{__version__}_amd64.deb"
SCHEMA1 = ROOT / "tests" / "fixtures" / "schema1-workspace"
SELF_TEST_TIMEOUT = 300  # seconds: it takes a few; only a hang comes near this

pytestmark = [
    pytest.mark.skipif(
        not DEB.is_file(), reason=f"no {DEB.relative_to(ROOT)}: run packaging/build-deb.sh"
    ),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed"),
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway root with the package installed in it."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def control(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The package's control fields (continuation lines joined)."""
    folder = tmp_path_factory.mktemp("control")
    subprocess.run(["dpkg-deb", "-e", str(DEB), str(folder)], check=True)
    # conffiles is a list, not a script: dpkg keeps an admin's copy of those files on upgrade
    scripts = sorted(p.name for p in folder.iterdir() if p.name not in ("control", "conffiles"))
    assert scripts == [], "maintainer scripts: installing is more than unpacking now"
    assert (folder / "conffiles").read_text(encoding="utf-8").split() == [
        "/etc/trustdesk/trust.toml"
    ]
    text = (folder / "control").read_text(encoding="utf-8")
    return dict(re.findall(r"^(\S+): (.*(?:\n .*)*)", text, re.MULTILINE))


def elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def program(root: Path) -> Path:
    return root / "usr" / "bin" / "trustdesk"


def run(root: Path, *args: str, env: dict[str, str] | None = None, xvfb: bool = False):
    command = [str(program(root)), *args]
    if xvfb:
        command = ["xvfb-run", "-a", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=SELF_TEST_TIMEOUT,
        cwd=root,
    )


def test_installs_where_admins_and_desktops_look(root: Path, control: dict[str, str]):
    assert control["Package"] == "trustdesk"
    assert control["Version"] == __version__
    assert control["Architecture"] == "amd64"
    bundle = root / "opt" / "trustdesk" / "trustdesk"
    assert os.access(bundle, os.X_OK)
    assert program(root).is_symlink()
    assert program(root).resolve() == bundle.resolve()  # a relative link, inside the root
    entry = (root / "usr/share/applications/trustdesk.desktop").read_text(encoding="utf-8")
    for line in ("Type=Application", "Exec=trustdesk", "Icon=trustdesk", "Categories=Office;"):
        assert line in entry.splitlines()
    icon = root / "usr/share/icons/hicolor/scalable/apps/trustdesk.svg"
    assert icon.read_bytes() == (ROOT / "resources/icons/trustdesk.svg").read_bytes()
    # the machine-wide trust configuration, which an admin replaces with the trust's own
    config = root / "etc/trustdesk/trust.toml"
    assert config.read_bytes() == (ROOT / "resources/example-trust.toml").read_bytes()


def test_says_its_version(root: Path):
    result = run(root, "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"TrustDesk {__version__}")


def test_carries_no_qt_module_that_nothing_imports(root: Path):
    qt_libraries = {
        match[1]
        for path in (root / "opt/trustdesk").rglob("*")
        if (match := re.match(r"libQt6(\w+?)\.so", path.name))
    }
    assert qt_libraries == {"Core", "Gui", "Widgets", "Network", "Svg", "DBus", "XcbQpa"}
    names = " ".join(str(path) for path in (root / "opt/trustdesk").rglob("*"))
    for unused in ("WebEngine", "Qml", "Quick", "Pdf", "Multimedia", "3D", "Wayland", "tls/"):
        assert unused not in names
    plugins = root / "opt/trustdesk/_internal/PySide6/Qt/plugins"
    assert (plugins / "platforms/libqxcb.so").is_file()
    assert (plugins / "imageformats/libqsvg.so").is_file()  # the window icon is an SVG


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf is not installed")
def test_depends_on_every_system_library_it_links_to(root: Path, control: dict[str, str]):
    bundle = root / "opt/trustdesk"
    elf_files = [
        path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink() and elf(path)
    ]
    in_bundle = {path.name for path in bundle.rglob("*")}
    system_paths = set()
    for path in elf_files:
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
        needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic.stdout))
        linked = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for name, where in re.findall(r"^\s*(\S+) => (\S+)", linked, re.MULTILINE):
            assert where != "not", f"{name}, needed by {path.name}, is not found"
            if name in needed and name not in in_bundle:
                system_paths.add(where.removeprefix("/usr"))
    assert system_paths
    owners = subprocess.run(
        ["dpkg", "-S", *(f"*{path}" for path in sorted(system_paths))],
        capture_output=True,
        text=True,
    )
    assert owners.returncode == 0, owners.stderr  # each one comes from a package
    packages = {line.split(":")[0] for line in owners.stdout.splitlines()}
    depended_on = set(re.findall(r"(?:^|, )([a-z0-9][a-z0-9.+-]+)", control["Depends"]))
    assert packages - depended_on == set()
    # The libraries Qt's X11 platform plugin needs, named by the issue, are among them.
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libegl1"} <= depended_on


def self_test_passes(result: subprocess.CompletedProcess, platform: str) -> None:
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "self-test (installed build" in result.stdout
    assert f"{platform} platform" in result.stdout, report
    assert "Self-test passed" in result.stdout


def test_self_test_passes_offscreen(root: Path):
    self_test_passes(run(root, "--self-test"), "offscreen")  # tests/conftest.py: offscreen


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_self_test_passes_on_an_x_display(root: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    self_test_passes(run(root, "--self-test", env=env, xvfb=True), "xcb")


def test_upgrades_a_workspace_of_the_previous_release_keeping_every_record(
    root: Path, tmp_path: Path
):
    workspace = tmp_path / "workspace"
    shutil.copytree(SCHEMA1, workspace)
    before = every_record(workspace / "trustdesk.sqlite")
    assert read_schema(workspace / "trustdesk.sqlite") == 1

    result = run(root, "info", "--workspace", str(workspace), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)

    assert (info["schema"], info["schema_supported"]) == (head_schema(),) * 2
    counted = {
        label: len(before[model.__tablename__])
        for label, model in RECORD_KINDS
        if before.get(model.__tablename__)
    }
    assert len(counted) >= 17  # the fixture holds some of every kind a coordinator keeps
    assert {label: info["counts"][label] for label in counted} == counted
    after = every_record(workspace / "trustdesk.sqlite")
    for table, rows in before.items():
        if table != "alembic_version":  # a column added later is appended, as NULL
            assert [row[: len(rows[0])] for row in after[table]] == rows, table
    backups = list((workspace / "backups").glob("*-before-upgrade-from-schema1.sqlite"))
    assert len(backups) == 1
    assert every_record(backups[0]) == before
