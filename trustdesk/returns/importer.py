"""Taking in the returns that the units below sent: a district's localities, a county's
districts.

Each file is untrusted (it came by e-mail or on a USB stick): it is opened only through
:func:`trustdesk.returns.untrusted.open_return_file`, its figures are checked against the
catalogue (:mod:`trustdesk.returns.data_checks`), and it must be a return of a unit directly
under this workspace's, for a period that has begun.

A unit and period has one current return. The same return id and revision again changes
nothing; a higher revision replaces the current one, with the figures that changed listed;
a lower one is refused; the same revision with other figures or texts is refused too, but
for the authentic file of a copy edited after export, which replaces it. A file whose
figures or texts were changed after export is taken in only when the officer says so.
Each file is taken in whole (in a savepoint of its own) or not at all, and one bad file never
stops the others. Nothing here commits: the operations in
:mod:`trustdesk.ops.returns` commit each file as one transaction of its own.

The desktop checks a folder first (:func:`check_files`), shows what would happen, and then
takes the files in (:func:`take_in`); the command line does both at once
(:func:`import_returns`). Either way the decision is made again inside the transaction that
writes, so two files of one unit in one folder are taken in the same whatever their order.
Cancel, asked between files, raises :class:`~trustdesk.errors.Cancelled` (for the taking
in, :class:`ImportCancelled`, carrying the report of the files dealt with before it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session

from trustdesk.errors import Cancelled, UserError
from trustdesk.privacy.on_record import identity_matcher
from trustdesk.returns import made_how, received
from trustdesk.returns.data_checks import check_data
from trustdesk.returns.import_files import not_saved, shown_name, unexpected
from trustdesk.returns.import_files import return_files as return_files
from trustdesk.returns.manifest_values import made_at_refusal
from trustdesk.returns.model import Return
from trustdesk.returns.received import borrowed_id, current_record, figures_of, save_received
from trustdesk.returns.revision_changes import Change, changes_between
from trustdesk.returns.texts import refuse_received_identities
from trustdesk.returns.untrusted import open_return_file
from trustdesk.store.context import context, trust
from trustdesk.store.models import ReturnRecord
from trustdesk.words import counted

log = logging.getLogger(__name__)

Plan = Literal["new", "replaces", "unchanged", "refused"]
Outcome = Literal["imported", "replaced", "unchanged", "refused"]
Progress = Callable[[int, int, str], None]
T = TypeVar("T")
F = TypeVar("F", Path, "Checked")
OUTCOME_OF: dict[Plan, Outcome] = {
    "new": "imported",
    "replaces": "replaced",
    "unchanged": "unchanged",
    "refused": "refused",
}
EDITED = (
    "Its figures or texts have been changed since the return was exported (they no "
    "longer match the fingerprints in its Manifest)."
)
EDITED_HINT = (
    "Ask the coordinator whether the change is right. To take the return in as it is, "
    "confirm it (on the command line: --accept-edited); it is then marked as edited."
)


@dataclass
class Checked:
    """One file, read and checked, and what taking it in would do."""

    path: Path
    ret: Return | None = None
    plan: Plan = "refused"
    reason: str = ""
    replaces: int | None = None  # the revision it replaces
    changes: list[Change] = field(default_factory=list)

    @property
    def edited(self) -> bool:
        return self.ret is not None and self.ret.edited_after_export


@dataclass(frozen=True)
class ImportLine:
    """The import report's line for one file."""

    file_name: str
    outcome: Outcome
    reason: str = ""
    unit: str = ""  # "Burton Town (EST-BTC)"
    period: str = ""
    revision: int | None = None
    replaces: int | None = None
    edited: bool = False
    changes: tuple[Change, ...] = ()
    by_hand: str = ""  # "filled in by hand", for a blank return workbook filled in

    @property
    def summary(self) -> str:
        """The line as the report prints it."""
        what = f"{self.unit}, {self.period}, revision {self.revision}" if self.unit else ""
        if self.outcome == "refused":
            return f"refused: {self.reason}"
        if self.outcome == "unchanged":
            return f"unchanged: {what} was already imported"
        edited = " (edited after export)" if self.edited else ""
        edited += f" ({self.by_hand})" if self.by_hand else ""
        if self.outcome == "replaced":
            changed = (
                f"{counted(len(self.changes), 'figure')} changed"
                if self.changes
                else "no figure changed"
            )
            return f"replaced revision {self.replaces}: {what}{edited}; {changed}"
        return f"imported: {what}{edited}"


@dataclass
class ImportReport:
    lines: list[ImportLine] = field(default_factory=list)
    # Set only on the report an ImportCancelled carries: the files after these were not begun.
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(line.outcome == outcome for line in self.lines)

    @property
    def any_refused(self) -> bool:
        return self.count("refused") > 0

    @property
    def summary(self) -> str:
        parts = [f"{self.count(o)} {o}" for o in ("imported", "replaced", "unchanged", "refused")]
        stopped = " (cancelled before the rest)" if self.cancelled else ""
        return f"{counted(len(self.lines), 'file')}: {', '.join(parts)}{stopped}."


CHECK_CANCELLED = "The import was cancelled while the files were checked; nothing was taken in."


class ImportCancelled(Cancelled):
    """Cancel was pressed between files: ``report`` says what happened to the files dealt
    with before it (those taken in stay taken in) and that the rest were not begun."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(
            "The import was cancelled; the files taken in before it stay taken in.",
            hint=report.summary,
        )
        self.report = report


def check_file(session: Session, path: Path, *, today: dt.date) -> Checked:
    """Read and check one file, and work out what taking it in would do (nothing is written)."""
    checked = _read_and_check(session, path, today)
    if checked.ret is not None:
        _decide(session, checked)
    return checked


def _read_and_check(session: Session, path: Path, today: dt.date) -> Checked:
    checked = Checked(path)
    try:
        ret = open_return_file(path, trust(session), edited_ok=True)
        _belongs_here(session, ret, today)
        check_data(ret, trust(session))
        refuse_received_identities(ret, identity_matcher(session), trust(session))
    except UserError as problem:
        checked.reason = str(problem)
        return checked
    checked.ret = ret
    return checked


def check_files(
    session: Session,
    paths: Sequence[Path],
    *,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Checked]:
    """Check each file in turn; Cancel between files raises :class:`Cancelled`."""
    found, stopped = _one_by_one(
        paths,
        "Checking",
        lambda path: check_file(session, path, today=today),
        progress,
        cancelled,
        lambda path, reason: Checked(path, reason=reason),
    )
    if stopped:
        raise Cancelled(CHECK_CANCELLED)
    return found


def take_in(
    session: Session,
    checked: Sequence[Checked],
    *,
    accept_edited: bool | Callable[[Checked], bool] = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Take in each checked file, each in a savepoint of the session's transaction (the
    operations take each in a transaction of its own instead); ``accept_edited`` says
    whether a file edited after export is taken in (for all, or file by file)."""
    accepts = edited_accepted(accept_edited)
    return report_each(
        checked, lambda i: _take_in_saved(session, i, accepts(i)), progress, cancelled
    )


def import_returns(
    session: Session,
    paths: Iterable[Path],
    *,
    today: dt.date,
    accept_edited: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Check and take in every file (the command line's import)."""
    return report_each(
        return_files(paths),
        lambda path: _take_in_saved(session, _read_and_check(session, path, today), accept_edited),
        progress,
        cancelled,
    )


def import_file(session: Session, path: Path, *, today: dt.date, accept_edited: bool) -> ImportLine:
    """Read, check and take in one file in a transaction of its own (see
    :func:`take_in_file`); decided once, in the transaction that writes."""
    return take_in_file(session, _read_and_check(session, path, today), accept_edited)


def edited_accepted(accept_edited: bool | Callable[[Checked], bool]) -> Callable[[Checked], bool]:
    """Whether a file edited after export is taken in, file by file."""
    return accept_edited if callable(accept_edited) else (lambda _c: bool(accept_edited))


def report_each(
    files: Sequence[F],
    work: Callable[[F], ImportLine],
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> ImportReport:
    """``work`` on each file (a path, or a file checked) in turn, saying so, and the report
    of them all; Cancel between files raises :class:`ImportCancelled` with the report so far."""
    lines, stopped = _one_by_one(
        files,
        "Importing",
        work,
        progress,
        cancelled,
        lambda file, reason: ImportLine(shown_name(_path(file)), "refused", reason),
    )
    report = ImportReport(lines, stopped)
    if stopped:
        raise ImportCancelled(report)
    return report


def _one_by_one(
    files: Sequence[F],
    verb: str,
    work: Callable[[F], T],
    progress: Progress | None,
    cancelled: Callable[[], bool],
    refused: Callable[[F, str], T],
) -> tuple[list[T], bool]:
    """``work`` on each file (a path, or a file checked) in turn, saying so; stops between
    files when cancelled, and says whether it was. A file that fails in a way ``work`` did
    not expect (a fault in TrustDesk, a disk that fills as it is committed) is ``refused``
    with the reason, and the next file is begun: one file never stops the others."""
    done: list[T] = []
    for number, file in enumerate(files):
        if cancelled():
            return done, True
        if progress:
            progress(number, len(files), f"{verb} {shown_name(_path(file))}")
        try:
            done.append(work(file))
        except Cancelled:
            raise
        except Exception as exc:  # its transaction (or savepoint) was rolled back on the way
            done.append(refused(file, unexpected(exc, _path(file))))
    if progress:
        progress(len(files), len(files), "Done")
    return done, False


def _path(file: Path | Checked) -> Path:
    return file if isinstance(file, Path) else file.path


def take_in_file(session: Session, item: Checked, accept_edited: bool) -> ImportLine:
    """Take in one checked file in a transaction of its own (the operation's, which commits
    it): whole or not at all. A database or disk failure refuses the file and rolls the
    transaction back; nothing here commits."""
    return _take_in(session, item, accept_edited, session.rollback)


def _take_in_saved(session: Session, item: Checked, accept_edited: bool) -> ImportLine:
    """Take in one checked file in a savepoint of the session's transaction, so that a file
    that cannot be saved undoes only itself (the files before it stay in the session)."""
    with session.begin_nested() as saving:  # released here: whoever holds the session commits
        return _take_in(session, item, accept_edited, lambda: _undo(saving))


def _take_in(
    session: Session, item: Checked, accept_edited: bool, undo: Callable[[], None]
) -> ImportLine:
    if item.ret is not None:
        _decide(session, item)  # again: an earlier file may have changed what is current
        if item.edited and not accept_edited and item.plan in ("new", "replaces"):
            item.plan, item.reason = "refused", f"{EDITED}\n{EDITED_HINT}"
    if item.plan in ("new", "replaces"):
        assert item.ret is not None
        try:
            save_received(session, item.ret, shown_name(item.path))
            session.flush()
        except (SQLAlchemyError, OSError) as exc:  # a full disk, a damaged workspace
            undo()
            log.exception("Saving the return in %s failed", shown_name(item.path))
            database = Path(session.get_bind().engine.url.database or ".")
            item.plan, item.reason = "refused", not_saved(exc, database.parent)
    return _line(item)


def _undo(saving: SessionTransaction) -> None:
    """Roll back one file's savepoint (SQLite may have rolled back more on a full disk)."""
    if saving.is_active:
        try:
            saving.rollback()
        except SQLAlchemyError:
            log.exception("Rolling back a file's savepoint failed")


def _line(item: Checked) -> ImportLine:
    ret = item.ret
    if ret is None or item.plan == "refused":
        return ImportLine(shown_name(item.path), "refused", shown_name(item.reason))
    return ImportLine(
        shown_name(item.path),
        OUTCOME_OF[item.plan],
        unit=f"{ret.unit_name} ({ret.unit_code})",
        period=ret.period.label,
        revision=ret.revision,
        replaces=item.replaces,
        edited=ret.edited_after_export,
        changes=tuple(item.changes),
        by_hand=made_how.words(ret.made_how, ret.unit_level),
    )


def _belongs_here(session: Session, ret: Return, today: dt.date) -> None:
    """A return of a unit directly under this workspace's, for a period that has begun."""
    config = trust(session)
    here = context(session).unit
    unit = config.unit(ret.unit_code)
    if unit.code == here.code:
        raise UserError(
            f"It is {here.name}'s own return: a workspace exports its own return and imports "
            "those of the units below it.",
            hint="Import it in the workspace of the unit it reports to.",
        )
    if unit.parent_code != here.code:
        parent = config.units.get(unit.parent_code or "")
        goes_to = f"reports to {parent.name}" if parent else "reports to no one"
        raise UserError(
            f"It is the return of {unit.name} ({unit.code}), which {goes_to}, not to {here.name}.",
            hint=f"Send it on to {parent.name}'s officer." if parent else None,
        )
    if ret.period.start > today:
        raise UserError(
            f"It is for {ret.period.label}, which has not begun yet, so it cannot be a "
            "return of figures.",
            hint="Check the date on the coordinator's computer, and ask them to export again.",
        )
    # Judged against the import's own day, never the machine's clock.
    end_of_today = dt.datetime.combine(today, dt.time.max, dt.UTC)
    if ret.made_at and (wrong := made_at_refusal(ret.made_at, ret.period, end_of_today)):
        raise wrong


def _decide(session: Session, item: Checked) -> None:
    """What taking the return in would do, against what the workspace holds now."""
    ret = item.ret
    assert ret is not None
    item.plan, item.reason, item.replaces, item.changes = "new", "", None, []
    if (borrowed := borrowed_id(session, ret, trust(session))) is not None:
        item.plan, item.reason = "refused", str(borrowed)
        return
    same = received.revision_of(session, ret)
    if same is not None:
        if same.fingerprint == ret.fingerprint and _same_texts(session, same, ret):
            item.plan = "unchanged"
        elif same.edited_after_export and not ret.edited_after_export:  # the authentic copy
            item.plan, item.replaces = "replaces", same.revision
            item.changes = changes_between(figures_of(session, same), ret.figures, trust(session))
        else:
            item.plan = "refused"
            item.reason = (
                f"Revision {ret.revision} of this return was imported before with different "
                "figures or texts; a return never changes without a new revision."
                "\nAsk the coordinator to export it again."
            )
        return
    current = current_record(session, ret.unit_code, ret.period)
    if current is None:
        return
    # A return the unit made with its own TrustDesk takes the place of one made by hand.
    by_hand = bool(current.made_how) and not ret.made_how
    if current.return_id != ret.return_id and not by_hand:
        item.plan = "refused"
        item.reason = (
            f"{ret.unit_name} already has a return for {ret.period.label} that was made in "
            f"another workspace (revision {current.revision}, from {current.file_name}); "
            "a unit has one return a period."
            "\nAsk the coordinator which is right; the other one should be exported again "
            "from the workspace that made the one already imported."
        )
        return
    if ret.revision < current.revision and not by_hand:
        item.plan = "refused"
        item.reason = (
            f"It is revision {ret.revision}, but revision {current.revision} of this return "
            "is already imported, and an older revision never replaces a newer one."
            "\nNothing needs doing, unless the coordinator meant to send a newer one."
        )
        return
    item.plan, item.replaces = "replaces", current.revision
    item.changes = changes_between(figures_of(session, current), ret.figures, trust(session))


def _same_texts(session: Session, record: ReturnRecord, ret: Return) -> bool:
    """Whether the texts kept for a revision taken in are the ones this file holds (a copy
    edited by hand is never "unchanged")."""
    (kept,) = received.load_returns(session, [record], trust(session)).values()
    return kept.texts_fingerprint == ret.texts_fingerprint
