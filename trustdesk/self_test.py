"""``trustdesk --self-test``: prove that this installation of TrustDesk works.

An admin runs it on a laptop after installing (and the installer builds run it on each
platform) to find out in a few seconds what a packaged build can get wrong: a resource,
a migration, a library or a Qt plug-in left out of the bundle. It makes a workspace in a
temporary folder, writes and reads back every kind of record through the services, exports
a quarter's return and reads it back as a district would, writes a subject-access PDF and a
backup, and shows every page of the main window. Each step prints one line; the first that
fails stops the test and says why in plain words.

Nothing is written outside the temporary folder, which is always removed: the window's
remembered settings go there too. It never needs the network.
"""

from __future__ import annotations

import datetime as dt
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from trustdesk import APP_NAME, __version__, clock
from trustdesk.config import Period, TrustConfig
from trustdesk.errors import UserError
from trustdesk.store.context import trust

if TYPE_CHECKING:
    from trustdesk.returns.export import ExportResult
    from trustdesk.store.workspace import Workspace

# The records are dated in one quarter of the past, and the checks made as of a day after
# it, so that the figures of the return are the same whenever the test runs.
PERIOD = Period(2025, 1)  # April to June 2025
TODAY = dt.date(2025, 7, 10)
BORN = dt.date(2011, 3, 4)  # the young person is 14 in the period

Written = list[tuple[type, Any, dict[str, Any]]]  # (model, primary key, fields expected)


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what, in plain words."""


def check(condition: object, problem: str) -> None:
    """Fail the step, saying ``problem``, unless ``condition`` holds."""
    if not condition:
        raise SelfTestFailed(problem)


@dataclass
class Trial:
    """What the steps share: the temporary folder and what earlier steps made in it."""

    config: TrustConfig | None = None
    workspace: Workspace | None = None
    written: Written = field(default_factory=list)
    young_person_id: int = 0
    exported: ExportResult | None = None
    made: Path | None = None  # the temporary folder, once a step has asked for it

    @property
    def folder(self) -> Path:
        """The temporary folder everything is written in, made when first needed (so a Qt
        that cannot start, and stops the program, leaves nothing behind)."""
        if self.made is None:
            self.made = Path(tempfile.mkdtemp(prefix="trustdesk-self-test-"))
        return self.made

    @property
    def workspace_dir(self) -> Path:
        return self.folder / "workspace"

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def remove(self) -> None:
        """Close the workspace and remove the temporary folder (raises if it cannot)."""
        self.close()
        if self.made is not None:
            shutil.rmtree(self.made)
            self.made = None


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Trial], str]  # returns what it found, for the step's line ("" for nothing)


# ----- the steps ------------------------------------------------------------------------------


def _resources(trial: Trial) -> str:
    from trustdesk.resources import resource_path, resources_dir

    for name in ("example-trust.toml", "style.qss", "icons/trustdesk.svg"):
        check(resource_path(name).stat().st_size > 0, f"the resource file {name} is empty")
    return str(resources_dir())


def _configuration(trial: Trial) -> str:
    from trustdesk.config import example_trust_path, load_trust_config

    trial.config = load_trust_config(example_trust_path())
    return f"{trial.config.trust_name}, {len(trial.config.units)} units"


def _create_workspace(trial: Trial) -> str:
    from trustdesk.store import migrate
    from trustdesk.store.workspace import create_workspace

    assert trial.config is not None
    locality = next(u for u in trial.config.units.values() if u.level == "locality")
    trial.workspace = create_workspace(trial.workspace_dir, locality.code)
    schema, head = migrate.read_schema(trial.workspace.db_path), migrate.head_schema()
    check(schema == head, f"the new workspace is at schema {schema}, not {head}")
    return f"schema {schema}, SQLite {sqlite3.sqlite_version}"


def _write_records(trial: Trial) -> str:
    with trial.workspace.session() as session:
        trial.written, trial.young_person_id = write_every_kind(session)
    return f"{len(trial.written)} records"


def _read_records(trial: Trial) -> str:
    with trial.workspace.session() as session:  # a new session: read from the database
        read_back(session, trial.written)
        missing = kinds_not_written(session)
    check(not missing, f"the test wrote no {', '.join(missing)}: it must write every kind")
    return f"{len({model for model, _, _ in trial.written})} kinds"


def _audit_trail(trial: Trial) -> str:
    from trustdesk.services.audit import count_audit, export_audit_csv, list_audit
    from trustdesk.store.audit import PARTS

    with trial.workspace.session() as session:
        for model, key, _ in trial.written:
            table, record_id = model.__tablename__, key
            part = PARTS.get(table)
            if part is not None:  # a register tick is an edit of its session, and so on
                table, record_id = part.parent, getattr(session.get(model, key), part.key)
            entries = list_audit(session, table=table, record_id=record_id, limit=None)
            if part is not None:
                entries = [e for e in entries if part.label in f"{e.description} {e.details}"]
            check(entries, f"the audit trail has no entry for {model.__tablename__} {key}")
        check(all(e.user for e in list_audit(session, limit=None)), "an entry names no user")
        total = count_audit(session)
        exported = export_audit_csv(session, trial.folder / "audit.csv")
    check(exported == total, f"the audit trail's CSV export has {exported} of {total} entries")
    return f"{total} entries"


def _export_return(trial: Trial) -> str:
    from trustdesk.returns.export import export_return

    with trial.workspace.session() as session:
        trial.exported = export_return(session, PERIOD, trial.folder / "returns")
    ret = trial.exported.ret
    for measure, expected in EXPECTED_FIGURES.items():
        found = ret.value(measure)
        check(found == expected, f"the return counts {found} {measure}, not {expected}")
    check(
        ret.made_by == f"{APP_NAME} {__version__}",
        f"the return says it was made by {ret.made_by!r}",
    )
    for path in trial.exported.paths:
        _check_file(path)
    return ", ".join(path.name for path in trial.exported.paths)


def _read_return(trial: Trial) -> str:
    """Import the exported workbook into a workspace of the locality's district, as its
    officer would, and consolidate: the district's figures must be the locality's."""
    from trustdesk.returns.compute import compute_return
    from trustdesk.returns.importer import import_returns
    from trustdesk.store.workspace import create_workspace

    assert trial.config is not None and trial.exported is not None
    made = trial.exported.ret
    workbook = next(p for p in trial.exported.paths if p.suffix == ".xlsx")
    district = made.parent_code or ""
    with (
        create_workspace(trial.folder / "district", district) as workspace,
        workspace.session() as session,
    ):
        report = import_returns(session, [workbook], today=TODAY)
        line = report.lines[0]
        check(line.outcome == "imported", f"the district did not import it: {line.summary}")
        total = compute_return(session, PERIOD)
    check(total.figures == made.figures, "the district's return does not add up to the locality's")
    for what in ("case_studies", "voice", "partners"):
        check(getattr(total, what) == getattr(made, what), f"the district's return lost {what}")
    return f"{len(total.figures)} figures into {district}, fingerprint {made.fingerprint[:12]}"


def _subject_access(trial: Trial) -> str:
    from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
    from trustdesk.services.subject_access import everything_held

    workspace = trial.workspace
    with workspace.session() as session:
        held = everything_held(session, trial.young_person_id)
    check(held.attended, "the subject-access report lists no session attended")
    path = write_subject_access_pdf(
        held,
        trial.folder / "subject-access.pdf",
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=clock.now(),
    )
    return _check_file(path)


def _backup(trial: Trial) -> str:
    """A plain backup in the workspace's own folder, and a sealed one elsewhere opened
    again: the sealed one needs the ``cryptography`` library, which a frozen bundle must
    carry (a known passphrase: nothing real is in the trial workspace)."""
    from trustdesk.store import sealed
    from trustdesk.store.backups import make_backup

    counts = []
    plain = make_backup(trial.workspace.db_path)
    locked = make_backup(
        trial.workspace.db_path, folder=trial.folder / "stick", passphrase="self-test only"
    )
    check(locked.path.read_bytes()[:16] != b"SQLite format 3\x00", "the sealed backup is plain")
    opened = trial.folder / "opened.sqlite"
    sealed.unseal_file(locked.path, opened, "self-test only")
    for path in (plain.path, opened):
        uri = f"{path.as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            counts.append(connection.execute("SELECT count(*) FROM young_person").fetchone()[0])
    check(counts == [1, 1], f"the backups hold {counts} young people, not 1 each")
    return f"{plain.size_mb:.2f} MB, sealed {locked.size_mb:.2f} MB"


def _reopen(trial: Trial) -> str:
    from trustdesk.store.workspace import open_workspace

    trial.close()
    trial.workspace = open_workspace(trial.workspace_dir)
    return trial.workspace.unit.name


def _start_qt(trial: Trial) -> str:
    from trustdesk.ui.self_test_window import start_qt

    return start_qt()


def _look(trial: Trial) -> str:
    from trustdesk.ui.self_test_window import check_look

    return check_look()


def _window(trial: Trial) -> str:
    from trustdesk.ui.self_test_window import show_every_page

    return show_every_page(trial.workspace, trial.folder / "settings")


def _remove(trial: Trial) -> str:
    folder = trial.folder
    trial.remove()
    check(not folder.exists(), f"{folder} could not be removed")
    return ""


def _check_file(path: Path) -> str:
    """A written return or report is there, whole, and not empty."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        check(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], f"{path.name} is not a PDF")
    else:
        check(data.startswith(b"PK"), f"{path.name} is not an Excel workbook")
    return f"{len(data) / 1024:.0f} KB"


STEPS = (
    Step("resources found", _resources),
    Step("example trust configuration loaded", _configuration),
    # Early: a Qt that cannot start (no display, a platform plug-in missing) stops the
    # program itself, before the workspace is made, with Qt's own message.
    Step("Qt started", _start_qt),
    Step("stylesheet and icon loaded", _look),
    Step("workspace created and upgraded", _create_workspace),
    Step("every kind of record written", _write_records),
    Step("every kind of record read back", _read_records),
    Step("audit trail written and exported", _audit_trail),
    Step(f"return for {PERIOD.code} computed and exported", _export_return),
    Step("return imported and consolidated by its district", _read_return),
    Step("subject-access PDF written", _subject_access),
    Step("backup made and checked, and one sealed and opened", _backup),
    Step("workspace closed and opened again", _reopen),
    Step("main window shows every page", _window),
    Step("temporary workspace removed", _remove),
)


# ----- the records ----------------------------------------------------------------------------

# What the records below add up to in the return for PERIOD.
EXPECTED_FIGURES = {
    "sessions": 2,
    "attendances": 13,  # one young person on the register, twelve at the headcount
    "contacts": 1,
    "accredited_outcomes": 1,
    "meetings_held": 2,
    "actions_completed": 1,
    "contact_log_entries": 1,
    "voice_entries": 1,
    "case_studies": 1,
    "spend_items": 1,
    "spend_pence": 1250,
}


def write_every_kind(session: Any) -> tuple[Written, int]:
    """One record of every kind a coordinator keeps, each through its service as the
    desktop saves it; returns what to read back, and the young person's id."""
    from sqlmodel import select

    from trustdesk.services import (
        activities,
        attendance,
        contact_log,
        evidence,
        meetings,
        outcomes,
        partners,
        spending,
        young_people,
    )
    from trustdesk.store import models as m

    config = trust(session)

    def first(list_name: str) -> str:
        return config.codes(list_name)[0]

    def day(month: int, number: int) -> dt.date:
        return dt.date(PERIOD.start.year, month, number)

    written: Written = []

    def wrote(record: Any, **expected: Any) -> Any:
        written.append((type(record), record.id, expected))
        return record

    partner = partners.create_partner(
        session, name="Self-test youth service", partner_type=first("partner_types")
    )
    wrote(partner, name="Self-test youth service")
    person_at = partners.add_partner_contact(
        session, partner_id=partner.id, name="Sam Tester", email="sam@example.org"
    )
    wrote(person_at, name="Sam Tester", partner_id=partner.id)
    logged = contact_log.log_contact(
        session, date=day(5, 6), partner_id=partner.id, contact_id=person_at.id,
        method=first("contact_methods"), summary="Planned the summer programme",
    )  # fmt: skip
    wrote(logged, summary="Planned the summer programme")
    club = activities.create_activity(
        session, title="Self-test youth club", category=first("activity_categories"),
        start_date=day(4, 1), end_date=day(6, 30), ecm_outcomes=config.codes("ecm_outcomes")[:2],
        lead_partner_id=partner.id,
    )  # fmt: skip
    wrote(club, title="Self-test youth club")
    evening = activities.add_session(
        session, activity_id=club.id, date=day(5, 7), start_time="18:30", end_time="20:30"
    )
    wrote(evening, date=day(5, 7), activity_id=club.id)
    event = activities.add_session(
        session, activity_id=club.id, date=day(6, 14), start_time="10:00", end_time="16:00"
    )
    wrote(event, date=day(6, 14))
    given = activities.add_contribution(
        session, activity_id=club.id, partner_id=partner.id, date=day(5, 7), staff_hours="2"
    )
    wrote(given, staff_minutes=120)
    person = young_people.add_young_person(
        session, today=TODAY, first_name="Alex", last_name="Selftest", date_of_birth=BORN,
        gender=first("genders"), postcode_district="WS7",
    )  # fmt: skip
    wrote(person, first_name="Alex", date_of_birth=BORN, postcode_district="WS7")
    attendance.set_register(session, session_id=evening.id, young_person_ids=[person.id])
    for tick in session.exec(select(m.Attendance).where(m.Attendance.session_id == evening.id)):
        wrote(tick, young_person_id=person.id)
    counts = {(first("age_bands"), first("genders")): 12}
    for row in attendance.record_headcount(session, session_id=event.id, counts=counts):
        wrote(row, session_id=event.id, count=12)
    gained = outcomes.record_outcome(
        session, young_person_id=person.id, kind="accredited", date=day(6, 14),
        accreditation=first("accreditations"), activity_id=club.id,
    )  # fmt: skip
    wrote(gained, kind="accredited", young_person_id=person.id)
    april = meetings.create_meeting(session, date=day(4, 15))
    wrote(april, date=day(4, 15))
    meetings.set_partner_attendance(
        session, meeting_id=april.id, attendance={partner.id: "present"}
    )
    written.append((m.MeetingAttendance, (april.id, partner.id), {"status": "present"}))
    action = meetings.add_action(
        session, meeting_id=april.id, text="Book the climbing wall", owner="Sam Tester",
        owner_partner_id=partner.id, due_date=day(5, 20),
    )  # fmt: skip
    may = meetings.create_meeting(session, date=day(5, 20))
    wrote(may, date=day(5, 20))
    meetings.review_action(session, action_id=action.id, meeting_id=may.id, status="done")
    wrote(action, text="Book the climbing wall", status="done")
    for review in session.exec(select(m.ActionReview).where(m.ActionReview.action_id == action.id)):
        wrote(review, status_after="done")
    said = evidence.record_voice(
        session, date=day(5, 7), method=first("voice_methods"), who="Year 9 group",
        said="Open the club on Fridays too.", change_made="It opens on Fridays.",
        change_date=day(6, 6), activity_id=club.id,
    )  # fmt: skip
    wrote(said, said="Open the club on Fridays too.")
    study = evidence.create_case_study(
        session, date=day(6, 20), title="Growing confidence",
        narrative="A young person who came to every session now helps to run it.",
        ecm_outcomes=config.codes("ecm_outcomes")[:1], activity_id=club.id,
    )  # fmt: skip
    wrote(study, title="Growing confidence")
    spent = spending.record_spend(
        session,
        date=day(6, 1),
        amount="12.50",
        purpose=first("spending_purposes"),
        activity_id=club.id,
    )
    wrote(spent, amount_pence=1250)
    return written, person.id


def read_back(session: Any, written: Written) -> None:
    """Every record written is in the database, by its id, holding what was written."""
    for model, key, expected in written:
        record = session.get(model, key)
        check(record is not None, f"the {model.__tablename__} #{key} written is not there")
        for name, value in expected.items():
            found = getattr(record, name)
            check(
                found == value, f"{model.__tablename__} #{key} has {name} {found!r}, not {value!r}"
            )


def kinds_not_written(session: Any) -> list[str]:
    """The kinds of record the workspace holds none of (returns and the audit trail, made
    later by steps of their own, apart)."""
    from trustdesk.services.records import count_records

    later = ("Returns", "Audit entries")
    return [kind for kind, count in count_records(session) if not count and kind not in later]


# ----- running them ---------------------------------------------------------------------------


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step, printing a line for each; 0 if all passed, else 1."""
    out, err = out or sys.stdout, err or sys.stderr
    build = "installed build" if getattr(sys, "frozen", False) else "from source"
    print(
        f"{APP_NAME} {__version__} self-test ({build}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()})",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    trial = Trial()
    try:
        with clock.set_to(TODAY):  # one day for every step: the records, the window, the audit
            return _run_steps(trial, out, err, started)
    finally:
        # After a failure: the last step, which says so if it cannot, has not run.
        with suppress(OSError):
            trial.remove()


def _run_steps(trial: Trial, out: TextIO, err: TextIO, started: float) -> int:
    for step in STEPS:
        began = time.perf_counter()
        try:
            found = step.run(trial)
        except Exception as exc:  # every failure is reported, plainly
            print(f"FAIL {step.name} {time.perf_counter() - began:.2f} s", file=out)
            print(f"Self-test FAILED at step: {step.name}: {plain_reason(exc)}", file=out)
            if not isinstance(exc, UserError | SelfTestFailed):
                print("Details for whoever supports TrustDesk:", file=err)
                traceback.print_exception(exc, file=err)
            return 1
        shown = f"{step.name} ({found})" if found else step.name
        print(f"ok   {shown} {time.perf_counter() - began:.2f} s", file=out, flush=True)
    print(
        f"Self-test passed: {len(STEPS)} steps in {time.perf_counter() - started:.1f} s.", file=out
    )
    return 0


def plain_reason(exc: BaseException) -> str:
    """What went wrong, in words an admin can pass on."""
    if isinstance(exc, UserError | SelfTestFailed):
        return " ".join(str(exc).split())
    if isinstance(exc, ModuleNotFoundError):
        return (
            f"part of TrustDesk is missing from this installation (the module {exc.name!r}); "
            "reinstall TrustDesk."
        )
    from trustdesk.store.engine import explain_database_error

    explained = explain_database_error(exc)
    if explained is not None:
        return str(explained)
    return f"something went wrong inside TrustDesk ({type(exc).__name__}: {exc})."
