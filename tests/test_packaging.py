"""The package as it is installed: every subpackage listed, the resources shipped."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

from trustdesk.cli import COMMANDS, SELF_TEST

ROOT = Path(__file__).parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "trustdesk").rglob("__init__.py")
    }
    assert found | {"trustdesk._resources"} == listed


def test_resources_the_program_needs_are_shipped():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    patterns = package_data["trustdesk._resources"]
    for resource in (ROOT / "resources").rglob("*"):
        if resource.is_file():
            relative = resource.relative_to(ROOT / "resources")
            assert any(relative.match(pattern) for pattern in patterns), relative


def test_the_installers_hand_out_the_trust_configuration():
    """Windows: ``setup.exe /CONFIG=path`` copies the file as trust.toml beside trustdesk.exe;
    Debian: /etc/trustdesk/trust.toml is a conffile, so an admin's copy survives upgrades
    (where trustdesk.config.machine looks for it)."""
    iss = (ROOT / "packaging" / "windows" / "trustdesk.iss").read_text(encoding="utf-8")
    code = iss.split("[Code]", 1)[1]
    assert "ExpandConstant('{param:CONFIG|}')" in code
    assert "procedure CurStepChanged(CurStep: TSetupStep);" in code
    assert "CurStep = ssPostInstall" in code
    assert "FileCopy(ConfigParam(), Target, False)" in code
    assert "ExpandConstant('{app}\\trust.toml')" in code
    assert code.count("begin") == code.count("end;") + code.count("end\n")
    deb = (ROOT / "packaging" / "build-deb.sh").read_text(encoding="utf-8")
    assert 'cp resources/example-trust.toml "$STAGE/etc/trustdesk/trust.toml"' in deb
    assert 'echo /etc/trustdesk/trust.toml >"$STAGE/DEBIAN/conffiles"' in deb


def test_the_commands_imported_by_name_are_bundled():
    """PyInstaller cannot see a module imported by name: the spec hands it the command
    table's modules, and each of them is there."""
    spec = (ROOT / "packaging" / "trustdesk.spec").read_text(encoding="utf-8")
    assert "from trustdesk.cli import COMMANDS, SELF_TEST" in spec
    assert "*COMMANDS.values(),\n        SELF_TEST," in spec
    for name in {*COMMANDS.values(), SELF_TEST}:
        assert importlib.util.find_spec(name) is not None, name
