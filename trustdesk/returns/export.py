"""Export a quarter's return: check, compute, write the files, and remember what was sent.

The desktop and the command line both export through :func:`trustdesk.ops.returns.export_return`,
which runs :func:`export_return` here and commits once. Each export of a unit and
period is a new revision of the same return (same return id, revision one higher), so a
district that already imported revision 1 knows revision 2 replaces it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, update
from sqlmodel import Session, select

from trustdesk import APP_NAME, __version__, clock
from trustdesk.config.periods import Period
from trustdesk.errors import Cancelled, UserError
from trustdesk.files import write_atomically
from trustdesk.privacy.on_record import identity_matcher
from trustdesk.returns.checks import Check, checks_before_export
from trustdesk.returns.compute import compute_to_read
from trustdesk.returns.model import FORMAT_VERSION, Return
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.received import keep_contents
from trustdesk.returns.texts import refuse_identities
from trustdesk.returns.workbook import write_workbook
from trustdesk.store.context import context, trust
from trustdesk.store.models import ReturnRecord, WorkspaceSetting
from trustdesk.store.workspace import WORKSPACE_ID

FORMATS = ("xlsx", "pdf")
Progress = Callable[[int, int, str], None]


class ExportCancelled(Cancelled):
    """The export stopped because Cancel was pressed (the one :class:`Cancelled` of every
    long task; this name stays for those who catch an export's)."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; nothing was written.")


class FolderGone(UserError):
    """The folder to export into is not there (a USB stick taken out, a drive gone)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"The folder {folder} is not there any more (was a USB stick taken out?).",
            hint="Put it back, or choose another folder.",
        )
        self.folder = folder


class ExportBlocked(UserError):
    """The checks found something that must be fixed first."""

    def __init__(self, checks: list[Check]) -> None:
        problems = "\n".join(f"- {c.message}" for c in checks if c.blocks)
        super().__init__(
            f"The return cannot be exported yet:\n{problems}",
            hint="Fix these records and export again.",
        )
        self.checks = checks


@dataclass
class ExportResult:
    ret: Return
    paths: list[Path]
    checks: list[Check] = field(default_factory=list)


def export_return(
    session: Session,
    period: Period,
    out_dir: Path,
    *,
    formats: Sequence[str] = FORMATS,
    publication: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    make_folder: bool = True,
) -> ExportResult:
    """Write the return's files into ``out_dir`` and record the export (flushed, never
    committed: the operation commits, :func:`trustdesk.ops.returns.export_return`).

    The files are written first and the export's record added only once every one is
    there, so a failed write or a Cancel leaves nothing in the session and removes the
    files already written; so does a record that cannot be added, and the operation removes
    them too if its commit fails.

    With ``make_folder`` false (the desktop) a folder that is not there is refused
    (:class:`FolderGone`), checked before each file, rather than made again: a folder chosen
    on a USB stick that has since been taken out would otherwise be made on the computer's
    own disk, and the return would silently not be where the coordinator thinks it is.

    A quarter that has not ended on the day of ``now`` is a part quarter: the return says
    so (``figures_to``), in the workbook and the PDF. One that has not begun is refused: a
    district would refuse a return made before its period began.

    Before any file is written the texts of the computed return are looked at once more
    (:func:`refuse_identities`): the checks look at the records the texts come from, this
    at what would actually leave."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise UserError(
            f"{', '.join(repr(u) for u in unknown) or 'No format'} is not a format TrustDesk exports.",
            hint="Choose xlsx, pdf, or both.",
        )
    now = now or clock.now()
    steps = 2 + len(formats)

    def step(number: int, what: str) -> None:
        if cancelled():
            raise ExportCancelled
        if progress:
            progress(number, steps, what)

    today = now.astimezone().date()  # the export's day where it is made
    if today < period.start:
        raise UserError(
            f"{period.label} has not begun yet, so it has no return to make.",
            hint=f"Its return can be made from {period.start.day} {period.start:%B %Y}.",
        )
    if not make_folder and not out_dir.is_dir():
        raise FolderGone(out_dir)
    step(0, "Checking the records")
    matcher = identity_matcher(session)
    checks = checks_before_export(session, period, today, matcher=matcher)
    if any(c.blocks for c in checks):
        raise ExportBlocked(checks)
    step(1, "Counting the figures")
    ret = _identify(session, compute_to_read(session, period), now, out_dir)
    refuse_identities(ret, matcher)  # the texts as they will be written, whatever their path
    config = trust(session)
    discard_parts(out_dir, ret.unit_code)  # what an export of this unit that was stopped left

    written: list[Path] = []
    try:
        for number, kind in enumerate(formats, start=2):
            step(number, f"Writing the {'workbook' if kind == 'xlsx' else 'PDF'}")
            if not make_folder and not out_dir.is_dir():
                raise FolderGone(out_dir)
            if kind == "xlsx":
                path = out_dir / f"{ret.file_stem}.xlsx"
                written.append(write_atomically(path, lambda f: write_workbook(ret, config, f)))
            else:
                suffix = "_publication" if publication else ""
                path = out_dir / f"{ret.file_stem}{suffix}.pdf"
                written.append(
                    write_atomically(
                        path, lambda f: write_pdf(ret, config, f, publication=publication)
                    )
                )
        step(steps, "Saving")
        _record(session, ret, written[0].name)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    if progress:
        progress(steps, steps, "Done")
    return ExportResult(ret, written, checks)


def _identify(session: Session, ret: Return, now: dt.datetime, out_dir: Path) -> Return:
    """Give the return its id (kept across re-exports) and its next revision number.

    The first export's id is made from the workspace's own id, kept in the workspace since
    it was made (or first opened), and from the unit and period: it is the same however many
    times that export is begun. So an export stopped after its workbook was written but
    before it was recorded (a crash, a flat battery) is made again with the same return id,
    and a district that took in the workbook left behind takes the new one as its next
    revision, never as a return "made in another workspace".

    The revision is also above any file of this unit and period already in the folder, so
    an export never overwrites a return that may have been sent (e.g. after a backup from
    before that export was restored, or one stopped before it was recorded)."""
    earlier = session.exec(
        select(ReturnRecord.return_id, func.max(ReturnRecord.revision))
        .where(ReturnRecord.direction == "exported")
        .where(ReturnRecord.unit_code == ret.unit_code, ReturnRecord.period == ret.period.code)
        .group_by(ReturnRecord.return_id)
    ).first()
    return_id, revision = earlier if earlier else (first_return_id(session, ret), 0)
    revision = max(revision, _highest_revision_in(out_dir, ret))
    return replace(
        ret,
        return_id=return_id,
        revision=revision + 1,
        made_at=now.replace(microsecond=0),
        made_by=f"{APP_NAME} {__version__}",
        figures_to=part_quarter_end(ret.period, now.astimezone().date()),
    )


def first_return_id(session: Session, ret: Return) -> str:
    """The id of the first export of the return's unit and period from this workspace."""
    setting = session.get(WorkspaceSetting, WORKSPACE_ID)
    if setting is not None:
        workspace = setting.value
    else:  # a workspace made before workspaces had an id: what it was made with, then
        made = session.get(WorkspaceSetting, "created_at")
        workspace = f"{made.value if made else ''}/{context(session).unit.code}"
    made_here = f"trustdesk:{workspace}:{ret.unit_code}:{ret.period.code}"
    return str(uuid.uuid5(uuid.NAMESPACE_OID, made_here))


def discard_parts(folder: Path, unit_code: str) -> None:
    """Remove what exports of the unit that were stopped part-way left in ``folder``: files
    half written under a temporary name (``.EST-BTC_2026-27Q2_r1.xlsx.k2j4.part``), never
    anything else."""
    own = re.compile(rf"\.{re.escape(unit_code)}_[^/\\]+\.(xlsx|pdf)\.[^.]+\.part")
    with contextlib.suppress(OSError):
        for path in folder.iterdir() if folder.is_dir() else ():
            if own.fullmatch(path.name) and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()


def _highest_revision_in(folder: Path, ret: Return) -> int:
    prefix = f"{ret.unit_code}_{ret.period.code}_r"
    try:
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    except OSError:
        return 0
    found = [
        int(digits)
        for name in names
        if name.startswith(prefix)
        and (digits := name[len(prefix) :].split(".")[0].split("_")[0]).isdigit()
    ]
    return max(found, default=0)


def _record(session: Session, ret: Return, file_name: str) -> ReturnRecord:
    """The workspace's note of this export and its figures (flushed, not committed)."""
    session.exec(
        update(ReturnRecord)
        .where(ReturnRecord.direction == "exported")  # type: ignore[arg-type]  # a model attribute is typed as its value, not its column
        .where(ReturnRecord.unit_code == ret.unit_code, ReturnRecord.period == ret.period.code)  # type: ignore[arg-type]  # a model attribute is typed as its value, not its column
        .values(is_current=False)
    )
    record = ReturnRecord(
        return_id=ret.return_id,
        revision=ret.revision,
        unit_code=ret.unit_code,
        period=ret.period.code,
        direction="exported",
        format_version=FORMAT_VERSION,
        fingerprint=ret.fingerprint,
        made_at=ret.made_at,  # type: ignore[arg-type]  # made_at is set on every return that is exported
        made_by=ret.made_by,
        file_name=file_name,
    )
    session.add(record)
    session.flush()
    keep_contents(session, record, ret, texts=False)
    return record


def exported_returns(session: Session) -> list[ReturnRecord]:
    """What this workspace has exported, newest first, for the Returns page."""
    return list(
        session.exec(
            select(ReturnRecord)
            .where(ReturnRecord.direction == "exported")
            .order_by(ReturnRecord.made_at.desc(), ReturnRecord.revision.desc())  # type: ignore[attr-defined]  # a model attribute is typed as its value, not its column
        )
    )


def part_quarter_end(period: Period, today: dt.date) -> dt.date | None:
    """The last day a part quarter's figures run to (today), or None once it has ended."""
    return today if today <= period.end else None


def default_period(today: dt.date) -> Period:
    """The quarter a coordinator most likely means: the last one that has ended."""
    return Period.containing(today).previous()
