from pathlib import Path

import pytest

from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.errors import ConfigError

EXAMPLE = example_trust_path().read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "trust.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_trust_is_staffordshire_with_eight_districts_and_fifty_localities(trust):
    levels = [unit.level for unit in trust.units.values()]
    assert levels.count("county") == 1
    assert levels.count("district") == 8
    assert levels.count("locality") == 50
    districts = {unit.name for unit in trust.units.values() if unit.level == "district"}
    assert districts == {
        "Cannock Chase", "East Staffordshire", "Lichfield", "Newcastle-under-Lyme",
        "South Staffordshire", "Stafford", "Staffordshire Moorlands", "Tamworth",
    }  # fmt: skip
    assert trust.unit("LIC-BUR").name == "Burntwood"
    assert [u.code for u in trust.ancestors("LIC-BUR")] == ["LIC", "STAFFS"]
    assert len(trust.children("LIC")) == 6


def test_example_populations_add_up(trust):
    for unit in trust.units.values():
        children = trust.children(unit.code)
        if children:
            assert unit.population_13_19 == sum(child.population_13_19 for child in children), (
                unit.code
            )


def test_example_lists_cover_what_the_seeds_name(trust):
    assert trust.codes("ecm_outcomes") == ["healthy", "safe", "enjoy", "contribute", "economic"]
    partner_types = {entry.code: entry.statutory for entry in trust.partner_types}
    for code in (
        "council",
        "youth",
        "school",
        "health",
        "police",
        "fe",
        "connexions",
        "jcp",
        "yot",
    ):
        assert partner_types[code] is True
    for code in ("vcs", "private", "parents"):
        assert partner_types[code] is False
    assert trust.reporting.participant_min_sessions == 4
    assert trust.age_band_for(14) == "13-15"


def test_unknown_unit_code_names_the_code(trust):
    with pytest.raises(ConfigError, match="no unit with the code 'NOPE'"):
        trust.unit("NOPE")


def test_syntax_error_names_file_and_line(tmp_path):
    broken = EXAMPLE.replace('trust_name = "Staffordshire', 'trust_name "Staffordshire', 1)
    path = write(tmp_path, broken)
    line = (
        broken.splitlines().index(
            next(x for x in broken.splitlines() if x.startswith("trust_name"))
        )
        + 1
    )
    with pytest.raises(ConfigError) as caught:
        load_trust_config(path)
    assert str(path) in caught.value.message
    assert f"line {line}" in caught.value.message


def test_missing_key_is_named(tmp_path):
    path = write(tmp_path, EXAMPLE.replace('trust_name = "Staffordshire Children\'s Trust"\n', ""))
    with pytest.raises(ConfigError, match="trust_name: this key is required but missing"):
        load_trust_config(path)


def test_bad_value_names_the_district_and_locality(tmp_path):
    path = write(tmp_path, EXAMPLE.replace('code = "LIC-BUR"', 'code = "lic bur"'))
    with pytest.raises(ConfigError) as caught:
        load_trust_config(path)
    message = caught.value.message
    line = EXAMPLE.splitlines().index(next(x for x in EXAMPLE.splitlines() if '"LIC-BUR"' in x)) + 1
    assert f"line {line}, county.districts[3] (LIC).localities[2] (lic bur).code" in message
    assert "'lic bur' is not allowed: a unit code is 2-20 capital letters" in message


def test_misspelt_key_is_reported(tmp_path):
    path = write(tmp_path, EXAMPLE.replace("participant_min_sessions", "participant_min_session"))
    with pytest.raises(
        ConfigError, match=r"reporting\.participant_min_session: this key is not known"
    ):
        load_trust_config(path)


def test_duplicate_unit_code_is_refused(tmp_path):
    path = write(tmp_path, EXAMPLE.replace('code = "TAM-MER"', 'code = "LIC-BUR"'))
    with pytest.raises(ConfigError, match="the unit code 'LIC-BUR' is used twice"):
        load_trust_config(path)


def test_gap_between_age_bands_is_refused(tmp_path):
    path = write(
        tmp_path,
        EXAMPLE.replace('name = "13 to 15", min_age = 13', 'name = "13 to 15", min_age = 14'),
    )
    with pytest.raises(ConfigError, match="age band '13-15' should start at 13"):
        load_trust_config(path)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_trust_config(tmp_path / "nothing.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes('trust_name = "Caf\xe9"'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_trust_config(path)
