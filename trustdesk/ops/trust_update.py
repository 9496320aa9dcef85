"""Taking a new version of the trust configuration into a workspace.

An admin hands out a changed ``trust.toml`` (a new locality, a renamed category) with a
higher ``version``. :func:`~trustdesk.config.changes.compare` says, in words for people, what it would change for one
workspace; :func:`review` adds what the workspace's records forbid; :func:`update_config`
takes it in.

What is refused, and why:

- an older version (it would undo a newer one), or the same version with other content (two
  different files would carry one number: the admin must raise it);
- the workspace's own unit missing, or moved under another parent: returns already made name
  its place in the trust;
- a list entry that records still use (an activity's category, a partner's type): records
  keep codes, so the entry must stay, or be renamed;
- a unit below this one whose returns were taken in here.

Records keep list *codes* and the configuration gives their names, so a renamed category is
only a new name: every activity keeps it. Units are also kept as rows (:class:`OrgUnit`):
the workspace's own unit, the units above it and the units directly below it.

The order of an update, so that nothing is left half-done:

1. everything is checked before anything is changed;
2. the database is backed up (and the old ``trust.toml`` copied beside the backup);
3. the new ``trust.toml`` is written to a temporary file in the workspace folder and flushed
   to the disk;
4. in one transaction, the unit rows are brought in line, the ``trust_version`` setting is
   set and the audit trail says "configuration updated from version X to Y"; flushed;
5. the temporary file replaces ``trust.toml`` (``os.replace``, atomic) while the
   transaction is still open: if that fails, the transaction is rolled back and nothing
   has changed;
6. the transaction commits; if the commit fails, the old ``trust.toml`` is put back.

Only a power cut between 5 and 6 can part them (the new file with the old unit rows). The
unit rows are worked out from the database, not from the old file, so taking the same file
in again finishes the job: :func:`review` sees the rows out of step and offers to bring them
in line.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, tuple_
from sqlmodel import Session, col, select

from trustdesk.config.changes import (
    LISTS,
    TRUST,
    UNITS,
    Change,
    Refusal,
    TrustChanges,
    UnitPlan,
    compare,
    kept_units,
    own_unit_refusals,
)
from trustdesk.config.machine import find_machine_config
from trustdesk.config.trust import TrustConfig, load_trust_config, parse_trust_config
from trustdesk.errors import ConfigError, WorkspaceError
from trustdesk.files import explain_file_error
from trustdesk.returns import target_changes
from trustdesk.returns.catalogue import MEASURES
from trustdesk.returns.targets import faults
from trustdesk.store import audit
from trustdesk.store.backups import Backup, make_backup
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    Attendance,
    CaseStudyOutcome,
    ContactLogEntry,
    Headcount,
    OrgUnit,
    Partner,
    RecordedOutcome,
    ReturnFigure,
    ReturnRecord,
    Spend,
    VoiceEntry,
    WorkspaceSetting,
    YoungPerson,
)
from trustdesk.store.workspace import CONFIG_NAME, Workspace

VERSION_SETTING = "trust_version"  # the configuration version the unit rows are in line with
BACKUP_REASON = "before-config-update"
SHOWN_EXAMPLES = 3  # records named in a refusal, then "and N more"


# The records that keep a list's codes: (column, one record, many records, a column naming
# the record for a refusal, or None where records must not be named, e.g. young people).
_USES: dict[str, list[tuple[Any, str, str, Any]]] = {
    "ecm_outcomes": [
        (ActivityOutcome.ecm_outcome, "activity", "activities", None),
        (CaseStudyOutcome.ecm_outcome, "case study", "case studies", None),
        (RecordedOutcome.ecm_outcome, "recorded outcome", "recorded outcomes", None),
    ],
    "partner_types": [(Partner.partner_type, "partner", "partners", Partner.name)],
    "activity_categories": [(Activity.category, "activity", "activities", Activity.title)],
    "age_bands": [
        (YoungPerson.age_band, "young person", "young people", None),
        (Attendance.age_band, "register tick", "register ticks", None),
        (Headcount.age_band, "headcount row", "headcount rows", None),
        (RecordedOutcome.age_band, "recorded outcome", "recorded outcomes", None),
    ],
    "genders": [
        (YoungPerson.gender, "young person", "young people", None),
        (Headcount.gender, "headcount row", "headcount rows", None),
    ],
    "ethnicity_groups": [(YoungPerson.ethnicity, "young person", "young people", None)],
    "contact_methods": [(ContactLogEntry.method, "contact log entry", "contact log entries", None)],
    "voice_methods": [(VoiceEntry.method, "voice entry", "voice entries", None)],
    "spending_purposes": [(Spend.purpose, "spending entry", "spending entries", None)],
    "accreditations": [
        (RecordedOutcome.accreditation, "recorded outcome", "recorded outcomes", None)
    ],
}


@dataclass(frozen=True)
class TrustUpdate:
    """An update taken in: what changed, and the backup made before it."""

    changes: TrustChanges
    backup: Backup | None
    updated: bool  # False when there was nothing to do


# ----- what the records allow ---------------------------------------------------------------------


def review(
    session: Session, *, current: TrustConfig, offered: TrustConfig, unit_code: str
) -> TrustChanges:
    """:func:`compare`, then what the workspace's records refuse (list entries in use, units
    with returns taken in), and what the update does to the unit rows."""
    found = compare(current, offered, unit_code=unit_code)
    found.changes += target_changes.changed(current, offered)
    found.refusals += [
        Refusal(f"The configuration offered sets a target that cannot be measured: {fault}", HINT)
        for fault in faults(offered)
    ]
    for list_name, code, name in found.removed_entries:
        uses = _uses(session, list_name, code)
        if uses:
            found.refusals.append(
                Refusal(
                    f"The {LISTS[list_name][0]} '{code}' ({name}) is used by {uses}: keep it "
                    "in the configuration, or rename it instead."
                )
            )
    if own_unit_refusals(current, offered, unit_code):
        return found  # no unit rows to work out
    found.units = unit_plan(session, offered=offered, unit_code=unit_code)
    for code in found.units.remove:
        received = session.exec(
            select(func.count())
            .select_from(ReturnRecord)
            .where(ReturnRecord.unit_code == code, ReturnRecord.direction == "imported")
        ).one()
        if received:
            unit = current.units.get(code)
            what = f"the {unit.level} {unit.name} ({code})" if unit else f"the unit {code}"
            found.refusals.append(
                Refusal(
                    f"The configuration offered takes {what} away from this workspace, which "
                    f"holds {received} return{'' if received == 1 else 's'} taken in from it: "
                    "keep it in the configuration (rename it rather than remove it).",
                    "Returns received from a unit stay part of this workspace's figures.",
                )
            )
    if found.units and not any(c.section == UNITS for c in found.changes):
        found.changes.append(
            Change(
                UNITS,
                "The workspace's list of units is brought in line with its configuration "
                f"({_plan_words(found.units)})",
            )
        )
    return found


def _plan_words(plan: UnitPlan) -> str:
    said = [
        f"{len(plan.add)} added" if plan.add else "",
        f"{len(plan.change)} changed" if plan.change else "",
        f"{len(plan.remove)} removed" if plan.remove else "",
    ]
    return ", ".join(filter(None, said))


def _uses(session: Session, list_name: str, code: str) -> str:
    """The records that use one code of a list, in words ("12 activities ('Street dance',
    'Climbing wall' and 10 more) and 2 returns taken in"), or "" if none do."""
    said = []
    for column, one, many, naming in _USES[list_name]:
        count = session.exec(select(func.count()).where(column == code)).one()
        if not count:
            continue
        text = f"{count:,} {one if count == 1 else many}"
        if naming is not None:
            names = list(session.exec(select(naming).where(column == code).limit(SHOWN_EXAMPLES)))
            shown = ", ".join(f"'{n}'" for n in names)
            more = f" and {count - len(names):,} more" if count > len(names) else ""
            text += f" ({shown}{more})"
        said.append(text)
    received = _returns_using(session, list_name, code)
    if received:
        said.append(f"{received:,} return{'' if received == 1 else 's'} taken in")
    if not said:
        return ""
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def _returns_using(session: Session, list_name: str, code: str) -> int:
    """Returns taken in from units below whose figures are broken down by this code."""
    pairs = {
        (measure.code, breakdown.code)
        for measure in MEASURES
        for breakdown in measure.breakdowns
        if breakdown.list_name == list_name
    }
    if not pairs:
        return 0
    query = (
        select(func.count(func.distinct(ReturnFigure.return_record_id)))
        .join(ReturnRecord, col(ReturnRecord.id) == ReturnFigure.return_record_id)
        .where(
            ReturnRecord.direction == "imported",
            ReturnFigure.category == code,
            ReturnFigure.value != 0,
            tuple_(ReturnFigure.measure, ReturnFigure.breakdown).in_(sorted(pairs)),
        )
    )
    return session.exec(query).one()


def unit_plan(session: Session, *, offered: TrustConfig, unit_code: str) -> UnitPlan:
    """The unit rows to add, change and remove so that the workspace keeps exactly the units
    ``offered`` gives it (worked out from the rows, so an interrupted update is finished)."""
    wanted = {unit.code: unit for unit in kept_units(offered, unit_code)}
    rows = {row.code: row for row in session.exec(select(OrgUnit))}
    plan = UnitPlan()
    for code, unit in wanted.items():
        row = rows.get(code)
        if row is None:
            plan.add.append(unit)
        elif (row.name, row.level, row.parent_code, row.population_13_19) != (
            unit.name,
            unit.level,
            unit.parent_code,
            unit.population_13_19,
        ):
            plan.change.append(unit)
    plan.remove = [code for code in rows if code not in wanted]
    return plan


def take_in(session: Session, *, changes: TrustChanges) -> None:
    """Bring the unit rows in line, record the version and say so in the audit trail (flushed,
    not committed). Refused changes are never taken in."""
    refusal = changes.refusal()
    if refusal is not None:
        raise refusal
    plan = changes.units
    for unit in plan.add:
        session.add(OrgUnit().copy_from(unit))  # type: ignore[call-arg]  # copy_from fills every field
    rows = {row.code: row for row in session.exec(select(OrgUnit))}
    for unit in plan.change:
        session.add(rows[unit.code].copy_from(unit))
    for code in plan.remove:
        session.delete(rows[code])
    setting = session.get(WorkspaceSetting, VERSION_SETTING)
    before = setting.value if setting else None
    if setting is None:
        setting = WorkspaceSetting(key=VERSION_SETTING, value="")
    setting.value = str(changes.offered_version)
    session.add(setting)
    session.flush()
    audit.record(
        session,
        "update",
        "workspace_setting",
        VERSION_SETTING,
        before={"value": before},
        after={"value": setting.value},
        note=f"configuration updated from version {changes.current_version} to "
        f"{changes.offered_version}: {_count_words(changes)}",
    )


def _count_words(changes: TrustChanges) -> str:
    count = sum(1 for change in changes.changes if change.section != TRUST)
    count += sum(1 for change in changes.changes if change.line.startswith("Name:"))
    return f"{count} change{'' if count == 1 else 's'}"


# ----- the whole update ---------------------------------------------------------------------------


# What an admin does about a target that cannot be measured.
HINT = "Correct its [[targets]] (see docs/configuration.md) and hand it out again."


def check_targets(config: TrustConfig) -> None:
    """Refuse a configuration, before a workspace is made with it, whose targets name a
    measure, breakdown or category a return does not carry, or set a board's figure for a
    locality."""
    found = faults(config)
    if found:
        where = f"{config.source}: " if config.source else ""
        raise ConfigError(where + "; ".join(found), hint=HINT)


def offered_config(path: Path | str | None = None) -> TrustConfig:
    """The configuration to offer: ``path``, or the one an admin installed on this computer."""
    if path is None:
        path = find_machine_config()
        if path is None:
            raise ConfigError(
                "No trust configuration has been installed on this computer.",
                hint="Choose the configuration file your admin sent you.",
            )
    return load_trust_config(path)


def machine_config_newer(workspace: Workspace) -> TrustConfig | None:
    """The machine-wide configuration, when it is newer than the workspace's (a broken or
    missing one: None; opening it to update says what is wrong)."""
    path = find_machine_config()
    if path is None:
        return None
    try:
        config = load_trust_config(path)
    except ConfigError:
        return None
    return config if config.version > workspace.config.version else None


def review_update(workspace: Workspace, *, offered: TrustConfig) -> TrustChanges:
    """What taking ``offered`` into the workspace would change, or why it is refused."""
    with workspace.session() as session:
        return review(
            session, current=workspace.config, offered=offered, unit_code=workspace.unit.code
        )


def update_config(workspace: Workspace, *, offered: TrustConfig) -> TrustUpdate:
    """Take ``offered`` into the workspace (see the module's docstring for the order); raises
    :class:`ConfigUpdateRefused` saying why not, changing nothing."""
    if workspace.read_only:
        raise WorkspaceError(
            "The configuration cannot be updated: this workspace is open read-only "
            f"({workspace.read_only_because}).",
            hint="Update it when no other TrustDesk has it open.",
        )
    changes = review_update(workspace, offered=offered)
    if changes.refused:
        raise changes.refusal()  # type: ignore[misc]  # refusal() returns an exception to raise; mypy cannot see it derives from BaseException
    if changes.up_to_date:
        return TrustUpdate(changes, None, updated=False)
    new_text = _read_offered(offered)
    config_path = workspace.path / CONFIG_NAME
    old_text = config_path.read_bytes()
    backup = make_backup(workspace.db_path, reason=BACKUP_REASON)
    _keep_copy(old_text, backup.path.with_suffix(".trust.toml"))
    temporary = _write_beside(config_path, new_text)
    try:
        with workspace.session() as session:
            changes = review(
                session, current=workspace.config, offered=offered, unit_code=workspace.unit.code
            )
            take_in(session, changes=changes)
            try:
                os.replace(temporary, config_path)
            except OSError as exc:
                session.rollback()
                raise explain_file_error(exc, config_path) from None
            try:
                session.commit()
            except BaseException:
                _put_back(config_path, old_text)
                raise
    finally:
        Path(temporary).unlink(missing_ok=True)
    workspace.reload_config()
    return TrustUpdate(changes, backup, updated=True)


def _read_offered(offered: TrustConfig) -> bytes:
    """The offered file's bytes, checked to be what was reviewed (it may have been edited
    since)."""
    if offered.source is None:
        raise ConfigError("The configuration offered has no file to copy.")
    try:
        data = Path(offered.source).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{offered.source} cannot be read: {exc.strerror}.") from None
    if parse_trust_config(data, Path(offered.source)).file != offered.file:
        raise ConfigError(
            f"{offered.source} changed while it was being looked at.",
            hint="Look at the changes again and take it in once it is no longer being edited.",
        )
    return data


def _write_beside(path: Path, data: bytes) -> str:
    """``data`` in a temporary file in ``path``'s folder, on the disk: ready to replace it."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as exc:
        raise explain_file_error(exc, path.parent) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise explain_file_error(exc, path) from None
    return temporary


def _put_back(path: Path, data: bytes) -> None:
    temporary = _write_beside(path, data)
    try:
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _keep_copy(data: bytes, target: Path) -> None:
    """The configuration as it was, beside the backup made before the update."""
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise explain_file_error(exc, target) from None
