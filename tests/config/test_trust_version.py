"""The trust configuration's version: raised by the admin with each change handed out; a file
without one is version 1, so every configuration written before versions existed still works."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.errors import ConfigError

EXAMPLE = example_trust_path().read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "trust.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_is_version_1_and_tells_admins_to_raise_it(trust):
    assert trust.version == 1
    assert "\nversion = 1\n" in EXAMPLE
    before = EXAMPLE.split("\nversion = 1\n")[0]
    assert "Raise it by one each time you hand out" in before.replace("\n# ", " ")


def test_a_file_without_a_version_is_version_1(tmp_path):
    config = load_trust_config(write(tmp_path, EXAMPLE.replace("\nversion = 1\n", "\n")))
    assert config.version == 1


def test_a_higher_version_is_read(tmp_path):
    assert (
        load_trust_config(write(tmp_path, EXAMPLE.replace("version = 1", "version = 7"))).version
        == 7
    )


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("0", "greater than or equal to 1"),
        ('"2"', "valid integer"),
        ("2.5", "valid integer"),
    ],
)
def test_a_version_must_be_a_positive_whole_number(tmp_path, written, problem):
    path = write(tmp_path, EXAMPLE.replace("version = 1", f"version = {written}"))
    with pytest.raises(ConfigError, match=problem) as error:
        load_trust_config(path)
    assert "version" in str(error.value)
