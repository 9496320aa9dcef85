"""Taking a new version of the trust configuration into a workspace: what it changes, what
is refused and why, and that an update is whole or not done at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session, select

from trustdesk.config.changes import ConfigUpdateRefused, compare
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.errors import UserError
from trustdesk.ops.trust_update import BACKUP_REASON, review_update, update_config
from trustdesk.services.activities import create_activity
from trustdesk.services.audit import list_audit
from trustdesk.services.partners import create_partner
from trustdesk.store.backups import backups_folder, list_backups
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.models import Activity, OrgUnit, ReturnRecord
from trustdesk.store.workspace import CONFIG_NAME

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

EXAMPLE = example_trust_path().read_text(encoding="utf-8")
SPORT = '{ code = "sport", name = "Sport and physical activity" },'
BURNTWOOD = '{ code = "LIC-BUR", name = "Burntwood", population_13_19 = 2100 },'


def changed(
    tmp_path: Path,
    *,
    version: int,
    new_locality: bool = False,
    rename_sport: bool = False,
    remove_sport: bool = False,
    name: str = "offered.toml",
    replace: tuple[str, str] | None = None,
) -> Path:
    """A modified copy of the example configuration."""
    text = EXAMPLE.replace("version = 1", f"version = {version}", 1)
    assert BURNTWOOD in text and SPORT in text
    if new_locality:
        text = text.replace(
            BURNTWOOD,
            BURNTWOOD + '\n    { code = "LIC-HAM", name = "Hammerwich", population_13_19 = 600 },',
        )
    if rename_sport:
        text = text.replace(SPORT, '{ code = "sport", name = "Sport and games" },')
    if remove_sport:
        text = text.replace(SPORT, "")
    if replace:
        text = text.replace(*replace)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def district(tmp_path: Path):
    """Lichfield district's workspace, with an activity in the 'sport' category."""
    with create_workspace(tmp_path / "district", "LIC") as workspace:
        with workspace.session() as session:
            create_activity(
                session,
                title="Climbing wall",
                category="sport",
                start_date=dt.date(2026, 7, 20),
                ecm_outcomes=["healthy"],
            )
            session.commit()
        yield workspace


def units(workspace) -> dict[str, tuple[str, str | None]]:
    with Session(workspace.engine) as session:
        return {u.code: (u.name, u.parent_code) for u in session.exec(select(OrgUnit))}


def test_a_new_unit_and_a_renamed_category_are_taken_in_with_the_records_intact(district, tmp_path):
    before_units = units(district)
    offered = load_trust_config(changed(tmp_path, version=2, new_locality=True, rename_sport=True))

    done = update_config(district, offered=offered)

    assert done.updated
    lines = done.changes.sections()
    assert "New locality under Lichfield: Hammerwich (LIC-HAM)" in lines["Units"]
    assert (
        "'sport' renamed: Sport and physical activity \u2192 Sport and games"
        in (lines["Activity categories"])
    )
    assert units(district) == {**before_units, "LIC-HAM": ("Hammerwich", "LIC")}
    # the activity is as it was, and its category shows the new name
    with district.session() as session:
        (activity,) = session.exec(select(Activity)).all()
        assert (activity.title, activity.category) == ("Climbing wall", "sport")
        assert district.config.name_of("activity_categories", "sport") == "Sport and games"
        entries = [row.description for row in list_audit(session)]
    assert any("configuration updated from version 1 to 2" in line for line in entries)
    # backed up first, the old configuration kept beside the backup, the new one in place
    (backup,) = [b for b in list_backups(backups_folder(district.db_path))]
    assert backup.reason == BACKUP_REASON
    assert backup.path.with_suffix(".trust.toml").read_text(encoding="utf-8") == EXAMPLE
    assert (district.path / CONFIG_NAME).read_bytes() == Path(offered.source).read_bytes()
    assert district.config.version == 2 and district.unit.code == "LIC"
    assert not list(district.path.glob(".trust.toml.*"))  # no temporary file left
    # and the workspace opens with it
    district.close()
    with open_workspace(district.path) as again:
        assert again.config.version == 2
        assert "LIC-HAM" in units(again)


def test_removing_a_category_still_in_use_is_refused_and_nothing_changes(district, tmp_path):
    offered = load_trust_config(changed(tmp_path, version=2, remove_sport=True))
    before = (district.path / CONFIG_NAME).read_bytes()

    with pytest.raises(ConfigUpdateRefused) as refused:
        update_config(district, offered=offered)

    assert str(refused.value) == (
        "The activity category 'sport' (Sport and physical activity) is used by 1 activity "
        "('Climbing wall'): keep it in the configuration, or rename it instead."
    )
    assert (district.path / CONFIG_NAME).read_bytes() == before
    assert district.config.version == 1
    assert not backups_folder(district.db_path).exists()  # refused before anything was done


def test_an_older_version_is_refused(district, tmp_path):
    update_config(district, offered=load_trust_config(changed(tmp_path, version=3)))
    older = load_trust_config(changed(tmp_path, version=2, name="older.toml"))

    with pytest.raises(ConfigUpdateRefused, match="an older version never replaces a newer one"):
        update_config(district, offered=older)
    assert district.config.version == 3


def test_the_same_version_with_other_content_asks_for_a_higher_version(district, tmp_path):
    offered = load_trust_config(changed(tmp_path, version=1, rename_sport=True))
    with pytest.raises(ConfigUpdateRefused) as refused:
        update_config(district, offered=offered)
    assert "same version (1)" in refused.value.message
    assert "version = 2" in (refused.value.hint or "")


def test_the_same_file_again_has_nothing_to_do(district, tmp_path):
    offered = load_trust_config(changed(tmp_path, version=1))
    done = update_config(district, offered=offered)
    assert not done.updated and done.changes.up_to_date
    assert not backups_folder(district.db_path).exists()


def test_the_workspaces_own_unit_may_not_go_or_move(workspace, tmp_path):
    # Burntwood (a locality of Lichfield) moved under Cannock Chase
    moved = EXAMPLE.replace(BURNTWOOD, "").replace(
        '{ code = "CAN-CNN",', BURNTWOOD + '\n    { code = "CAN-CNN",'
    )
    path = tmp_path / "moved.toml"
    path.write_text(moved.replace("version = 1", "version = 2"), encoding="utf-8")
    found = compare(workspace.config, load_trust_config(path), unit_code="LIC-BUR")
    (refusal,) = found.refusals
    assert "from the district Lichfield (LIC) to the district Cannock Chase (CAN)" in (
        refusal.message
    )

    gone = changed(tmp_path, version=2, replace=(BURNTWOOD, ""), name="gone.toml")
    with pytest.raises(ConfigUpdateRefused, match="own unit, Burntwood .LIC-BUR., is not in"):
        update_config(workspace, offered=load_trust_config(gone))


def test_a_unit_whose_returns_were_taken_in_may_not_be_removed(district, tmp_path):
    with district.session() as session:
        session.add(
            ReturnRecord(
                return_id="r1",
                revision=1,
                unit_code="LIC-BUR",
                period="2026-27Q1",
                direction="imported",
                format_version="1",
                fingerprint="0" * 64,
                made_at=dt.datetime(2026, 7, 10, tzinfo=dt.UTC),
                made_by="TrustDesk 0.1.0",
            )
        )
        session.commit()
    offered = load_trust_config(changed(tmp_path, version=2, replace=(BURNTWOOD, "")))
    with pytest.raises(ConfigUpdateRefused, match=r"Burntwood \(LIC-BUR\).*1 return taken in"):
        update_config(district, offered=offered)
    assert "LIC-BUR" in units(district)


def test_a_partner_type_in_use_names_the_partners(workspace, tmp_path):
    with workspace.session() as session:
        for name in ("Burntwood FC", "Chase Sports", "Scouts", "Guides"):
            create_partner(session, name=name, partner_type="vcs")
        session.commit()
    offered = load_trust_config(
        changed(
            tmp_path,
            version=2,
            replace=(
                '    { code = "vcs", name = "Voluntary and community sector", statutory = false },\n',
                "",
            ),
        )
    )
    changes = review_update(workspace, offered=offered)
    (refusal,) = changes.refusals
    assert refusal.message.startswith(
        "The partner type 'vcs' (Voluntary and community sector) is used by 4 partners ("
    )
    assert "and 1 more)" in refusal.message


def test_what_changes_is_said_in_words(workspace, tmp_path):
    offered = load_trust_config(
        changed(
            tmp_path,
            version=2,
            new_locality=True,
            replace=("participant_min_sessions = 4", "participant_min_sessions = 6"),
        )
    )
    found = compare(workspace.config, offered, unit_code="LIC-BUR")
    assert not found.refused
    sections = found.sections()
    assert sections["Trust"] == ["Version 1 \u2192 2"]
    assert sections["Reporting rules"] == [
        "A participant comes to: 4 or more sessions in a quarter \u2192 6 or more sessions "
        "in a quarter"
    ]
    # a locality keeps only its own district's row: a new sibling is only counted
    assert sections["Units"] == [
        "Elsewhere in the trust (units this workspace does not keep): 1 unit added"
    ]


def test_a_changed_benchmark_is_said_in_words(workspace, tmp_path):
    offered = load_trust_config(
        changed(tmp_path, version=2, replace=("contacts = 25 ", "contacts = 20 "))
    )
    assert offered.benchmarks.contacts == 20
    found = compare(workspace.config, offered, unit_code="LIC-BUR")
    assert found.sections()["Reporting rules"] == [
        "REYS benchmark for contacts: 25% of the 13-19 population a year \u2192 20% of the "
        "13-19 population a year"
    ]


def test_a_changed_board_rule_is_said_in_words(workspace, tmp_path):
    offered = load_trust_config(
        changed(tmp_path, version=2, replace=("meet_every_months = 2 ", "meet_every_months = 3 "))
    )
    assert offered.boards.meet_every_months == 3
    found = compare(workspace.config, offered, unit_code="LIC-BUR")
    assert found.sections()["Reporting rules"] == [
        "A board meets at least every: 2 months \u2192 3 months"
    ]


LOCALITY_SESSIONS = 'value = 70\nunits = ["locality"]\nperiod = "quarter"'


def test_a_changed_target_is_said_in_words(workspace, tmp_path):
    assert LOCALITY_SESSIONS in EXAMPLE
    text = LOCALITY_SESSIONS.replace("value = 70", "value = 80")
    text += '\n\n[[targets]]\nrate = "recorded"\nvalue = 50\nunits = ["LIC-BUR"]'
    offered = load_trust_config(changed(tmp_path, version=2, replace=(LOCALITY_SESSIONS, text)))
    found = compare(workspace.config, offered, unit_code="LIC-BUR")
    assert "Targets" not in found.sections()  # the catalogue's words are added by the review
    changes = review_update(workspace, offered=offered)
    assert changes.sections()["Targets"] == [
        "Sessions, for every locality, each quarter: at least 70 \u2192 at least 80",
        "New target: Participants with a recorded outcome, for Burntwood, a year: at least 50%",
    ]
    update_config(workspace, offered=offered)
    assert [t.value for t in workspace.config.targets][:1] == [80]


def test_a_target_that_cannot_be_measured_is_refused(workspace, tmp_path):
    wrong = (
        LOCALITY_SESSIONS + '\n\n[[targets]]\nmeasure = "session"\nvalue = 5\nunits = ["locality"]'
    )
    offered = load_trust_config(changed(tmp_path, version=2, replace=(LOCALITY_SESSIONS, wrong)))
    with pytest.raises(ConfigUpdateRefused) as caught:
        update_config(workspace, offered=offered)
    assert "sets a target that cannot be measured: targets[2]: 'session' is not a measure" in str(
        caught.value
    )
    assert "Correct its [[targets]]" in (caught.value.hint or "")
    assert workspace.config.version == 1


def test_a_failed_file_replace_undoes_the_database_change(district, tmp_path, monkeypatch):
    from trustdesk.ops import trust_update

    offered = load_trust_config(changed(tmp_path, version=2, new_locality=True))
    before = (district.path / CONFIG_NAME).read_bytes()

    real_replace = trust_update.os.replace

    def refuse(source, target):
        if Path(target).name == CONFIG_NAME:  # e.g. held open by an antivirus program
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(trust_update.os, "replace", refuse)
    with pytest.raises(UserError, match="not allowed to write"):
        update_config(district, offered=offered)
    monkeypatch.undo()

    assert "LIC-HAM" not in units(district)
    assert (district.path / CONFIG_NAME).read_bytes() == before
    assert district.config.version == 1
    assert not list(district.path.glob(".trust.toml.*"))
    update_config(district, offered=offered)  # and it can be done once the file is free
    assert "LIC-HAM" in units(district)


def test_a_failed_commit_puts_the_old_file_back(district, tmp_path, monkeypatch):
    offered = load_trust_config(changed(tmp_path, version=2, new_locality=True))
    before = (district.path / CONFIG_NAME).read_bytes()

    def fail(_session):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Session, "commit", fail)
    with pytest.raises(OSError):
        update_config(district, offered=offered)
    monkeypatch.undo()

    assert (district.path / CONFIG_NAME).read_bytes() == before
    assert "LIC-HAM" not in units(district)
    assert district.config.version == 1


def test_an_interrupted_update_is_finished_by_taking_the_file_in_again(district, tmp_path):
    """A power cut after the file was replaced but before the commit: the same file again
    brings the unit rows in line."""
    path = changed(tmp_path, version=2, new_locality=True)
    (district.path / CONFIG_NAME).write_bytes(path.read_bytes())
    district.reload_config()

    changes = review_update(district, offered=load_trust_config(path))
    assert not changes.up_to_date and not changes.refused
    update_config(district, offered=load_trust_config(path))
    assert "LIC-HAM" in units(district)
