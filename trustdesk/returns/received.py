"""The returns a district or county workspace has received from the units below it.

Every revision taken in is kept (its figures, texts and constituents), and one of them per
unit and period is current: the one a consolidation adds up and the completeness grid shows.
Saving adds to the session; the importer commits, so a return is kept whole or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Result
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from trustdesk import clock
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import made_how
from trustdesk.returns.formats import fill_unreported
from trustdesk.returns.model import (
    FORMAT_VERSION,
    CaseStudyText,
    Constituent,
    PartnerLine,
    Return,
    VoiceText,
)
from trustdesk.store import audit
from trustdesk.store.models import (
    ReturnConstituent,
    ReturnFigure,
    ReturnRecord,
    ReturnText,
    table_of,
)
from trustdesk.words import counted

RECEIVED = "imported"  # ReturnRecord.direction of a return taken in from below
TEXTS: dict[str, tuple[str, type]] = {  # kind: (Return attribute, line type)
    "case_study": ("case_studies", CaseStudyText),
    "voice": ("voice", VoiceText),
    "partner": ("partners", PartnerLine),
}


def current_record(session: Session, unit_code: str, period: Period) -> ReturnRecord | None:
    """The unit's current return for the period, if one has been taken in."""
    return session.exec(
        _received()
        .where(col(ReturnRecord.unit_code) == unit_code, col(ReturnRecord.period) == period.code)
        .where(col(ReturnRecord.is_current))
    ).first()


def record_of(session: Session, return_id: str, revision: int) -> ReturnRecord | None:
    """The revision of a return taken in, by its id alone (the importer goes by
    :func:`revision_of`, which also asks for the unit and period)."""
    return session.exec(
        _received().where(
            col(ReturnRecord.return_id) == return_id, col(ReturnRecord.revision) == revision
        )
    ).first()


def revision_of(session: Session, ret: Return) -> ReturnRecord | None:
    """This revision of this return, if it was taken in: the same unit, period, return id
    and revision (a file of another unit or period that borrowed the id is never it)."""
    return session.exec(
        _received()
        .where(col(ReturnRecord.unit_code) == ret.unit_code)
        .where(col(ReturnRecord.period) == ret.period.code)
        .where(col(ReturnRecord.return_id) == ret.return_id)
        .where(col(ReturnRecord.revision) == ret.revision)
    ).first()


def borrowed_id(session: Session, ret: Return, config: TrustConfig) -> UserError | None:
    """The refusal of a return whose id is that of a return of another unit or period in this
    workspace (taken in or exported): a return id belongs to one unit and period, whatever
    the revision, so the file was changed or copied, and taking it in would lock the genuine
    return's later revisions out."""
    other = session.exec(
        select(ReturnRecord)
        .where(col(ReturnRecord.return_id) == ret.return_id)
        .where(
            (col(ReturnRecord.unit_code) != ret.unit_code)
            | (col(ReturnRecord.period) != ret.period.code)
        )
    ).first()
    if other is None:
        return None
    owner = config.units.get(other.unit_code)
    try:
        period = Period.parse(other.period).label
    except UserError:  # kept before periods were checked
        period = other.period
    return UserError(
        f"Its return id is that of {owner.name if owner else other.unit_code}'s return for "
        f"{period}, already in this workspace, so it cannot be "
        f"{ret.unit_name}'s return for {ret.period.label}: the file has been changed since it "
        "was exported, or made from a copy of another return's file.",
        hint="Ask the coordinator to make the return again in TrustDesk and send the new file.",
    )


# The moments a return may say it was made in (as the reader checks them). A record kept
# before those checks may hold any date: shown or compared, it is taken as the nearest of
# these, so that turning it into local time never runs off the calendar.
EARLIEST_MADE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST_MADE = dt.datetime(2101, 1, 1, tzinfo=dt.UTC)


def sane_moment(moment: dt.datetime) -> dt.datetime:
    """A moment read from the workspace, in UTC (SQLite keeps it without its zone), within
    EARLIEST_MADE and LATEST_MADE."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return min(max(moment, EARLIEST_MADE), LATEST_MADE).astimezone(dt.UTC)


def current_records(session: Session, periods: Iterable[Period]) -> list[ReturnRecord]:
    """Every current received return of these periods, in one query."""
    codes = [p.code for p in periods]
    return list(
        session.exec(
            _received()
            .where(col(ReturnRecord.is_current))
            .where(col(ReturnRecord.period).in_(codes))
        )
    )


def save_received(session: Session, ret: Return, file_name: str) -> ReturnRecord:
    """Keep a return taken in as the unit's current one for its period (not committed). The
    one revision kept already that it may take the place of is a copy edited after export,
    when this is the authentic file (the coordinator's, as TrustDesk made it): the copy goes
    (audited), and the authentic file is kept in its place."""
    same = revision_of(session, ret)
    if same is not None and same.edited_after_export and not ret.edited_after_export:
        session.delete(same)
        session.flush()
    earlier = current_record(session, ret.unit_code, ret.period)
    if earlier is not None:
        earlier.is_current = False
        session.add(earlier)
    record = ReturnRecord(
        return_id=ret.return_id,
        revision=ret.revision,
        unit_code=ret.unit_code,
        period=ret.period.code,
        direction=RECEIVED,
        format_version=FORMAT_VERSION,
        fingerprint=ret.fingerprint,
        made_at=ret.made_at or clock.now(),
        made_by=ret.made_by[:60],
        file_name=file_name[:260],
        edited_after_export=ret.edited_after_export,
        made_how=ret.made_how,
    )
    session.add(record)
    session.flush()
    keep_contents(session, record, ret, texts=True)
    return record


def keep_contents(session: Session, record: ReturnRecord, ret: Return, *, texts: bool) -> None:
    """Keep the return's figures and constituents with its record (and, for a return
    received, its texts), in a few statements rather than an object per figure.

    They go straight to the tables (SQLAlchemy Core, a quarter of the time of the ORM's bulk
    insert), so the audit trail is told in words: its entry for the new record says what it
    holds, rather than listing 400 figures."""
    rid = record.id
    connection = session.connection()
    connection.execute(
        table_of(ReturnFigure).insert(),
        [
            {"return_record_id": rid, "measure": m, "breakdown": b, "category": c, "value": v}
            for m, b, c, v in ret.rows()
        ],
    )
    lines = [
        {"return_record_id": rid, "kind": kind, "position": i, "payload": _json(line)}
        for kind, (attribute, _) in TEXTS.items()
        for i, line in enumerate(getattr(ret, attribute))
    ]
    if texts and lines:
        connection.execute(table_of(ReturnText).insert(), lines)
    if ret.constituents:
        connection.execute(
            table_of(ReturnConstituent).insert(),
            [
                {
                    "return_record_id": rid,
                    "unit_code": c.unit_code,
                    "constituent_return_id": c.return_id,
                    "revision": c.revision,
                    "fingerprint": c.fingerprint,
                    "status": c.status,
                    "edited": " ".join(c.edited),
                    "made_how": made_how.written(c.made_how),
                }
                for c in ret.constituents
            ],
        )
    held = [counted(len(ret.figures), "figure")]
    held += [counted(len(lines), "text")] if texts else []
    held += [counted(len(ret.constituents), "constituent")] if ret.constituents else []
    audit.record(session, "create", "return_record", rid, note="with " + ", ".join(held))


def load_returns(
    session: Session, records: list[ReturnRecord], config: TrustConfig
) -> dict[int, Return]:
    """The returns these records keep, by record id, read in three queries."""
    ids = [r.id for r in records]
    returns = _with_figures(session, records, config, None)
    for ret in returns.values():  # one taken in from an older TrustDesk lacks some
        ret.figures = fill_unreported(ret.figures)
    for rid, kind, payload in session.exec(
        select(col(ReturnText.return_record_id), col(ReturnText.kind), col(ReturnText.payload))
        .where(col(ReturnText.return_record_id).in_(ids))
        .order_by(col(ReturnText.return_record_id), col(ReturnText.kind), col(ReturnText.position))
    ):
        attribute, line_type = TEXTS[kind]
        getattr(returns[rid], attribute).append(_line(line_type, payload))
    for c in session.exec(
        select(ReturnConstituent)
        .where(col(ReturnConstituent.return_record_id).in_(ids))
        .order_by(col(ReturnConstituent.id))
    ):
        returns[c.return_record_id].constituents.append(
            Constituent(
                c.unit_code,
                c.constituent_return_id,
                c.revision,
                c.fingerprint,
                c.status,
                tuple(c.edited.split()),
                made_how.parsed(c.made_how),
            )
        )
    return returns


def figures_of(session: Session, record: ReturnRecord) -> dict[tuple[str, str, str], int]:
    return {(m, b, c): v for _, m, b, c, v in _figure_rows(session, [record.id])}


def load_figures(
    session: Session, records: list[ReturnRecord], config: TrustConfig, measures: set[str]
) -> list[Return]:
    """The returns these records keep with only the figures of ``measures`` (no texts, no
    constituents): what a few figures of many returns need, read in one query."""
    return list(_with_figures(session, records, config, measures).values())


def _with_figures(
    session: Session, records: list[ReturnRecord], config: TrustConfig, measures: set[str] | None
) -> dict[int, Return]:
    """The records' returns by record id, with their figures (of ``measures`` only, when
    given), in one query."""
    # Records read back from the workspace all have their id.
    returns = cast(dict[int, Return], {r.id: _shell(r, config) for r in records})
    for rid, m, b, c, v in _figure_rows(session, [r.id for r in records], measures):
        returns[rid].figures[(m, b, c)] = v
    return returns


def _figure_rows(
    session: Session, ids: list[int | None], measures: set[str] | None = None
) -> Result[*tuple[Any, ...]]:
    """(record id, measure, breakdown, category, value) of these records (of these measures
    only, when given), in Data order."""
    # SQLAlchemy's select(), as sqlmodel's is typed for at most four columns.
    query = sa.select(
        col(ReturnFigure.return_record_id),
        col(ReturnFigure.measure),
        col(ReturnFigure.breakdown),
        col(ReturnFigure.category),
        col(ReturnFigure.value),
    ).where(col(ReturnFigure.return_record_id).in_(ids))
    if measures is not None:
        query = query.where(col(ReturnFigure.measure).in_(sorted(measures)))
    return session.execute(query.order_by(col(ReturnFigure.id)))


def _received() -> SelectOfScalar[ReturnRecord]:
    return select(ReturnRecord).where(col(ReturnRecord.direction) == RECEIVED)


def _shell(record: ReturnRecord, config: TrustConfig) -> Return:
    unit = config.units.get(record.unit_code)
    return Return(
        trust_name=config.trust_name,
        unit_code=record.unit_code,
        unit_name=unit.name if unit else record.unit_code,
        unit_level=unit.level if unit else "",
        parent_code=unit.parent_code if unit else None,
        period=Period.parse(record.period),
        figures={},
        return_id=record.return_id,
        revision=record.revision,
        made_at=sane_moment(record.made_at),
        made_by=record.made_by,
        edited_after_export=record.edited_after_export,
        made_how=record.made_how,
    )


def _json(line: Any) -> str:
    values = {f.name: getattr(line, f.name) for f in dataclasses.fields(line)}  # no deep copy
    return json.dumps(values, default=str, ensure_ascii=False)


def _line(line_type: type, payload: str) -> Any:
    values = json.loads(payload)
    if "date" in values:
        values["date"] = dt.date.fromisoformat(values["date"])
    if "ecm_outcomes" in values:
        values["ecm_outcomes"] = tuple(values["ecm_outcomes"])
    return line_type(**values)
