"""The package as it is installed: every subpackage listed, the resources shipped."""

from __future__ import annotations

import tomllib
from pathlib import Path

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
