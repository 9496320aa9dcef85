"""The identity matcher of a workspace: its young people on record (not those erased) and,
for the first-name warnings, who came to each activity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import Connection, Engine, Select, select
from sqlmodel import Session, col

from trustdesk.privacy.identities import IdentityMatcher, PersonIdentity
from trustdesk.store.models import Activity, ActivitySession, Attendance, YoungPerson, key


def identity_matcher(session: Session) -> IdentityMatcher:
    """A matcher for every free text of this workspace (a district's or county's holds no
    young people: it still finds postcodes, e-mail addresses and phone numbers).

    Who came to an activity is read when a text about that activity is first looked at (on
    a connection of its own, so the matcher may be kept after the session is closed, for as
    long as the workspace is open)."""
    on_record = select(
        key(YoungPerson.id),
        col(YoungPerson.first_name),
        col(YoungPerson.last_name),
        col(YoungPerson.local_ref),
        col(YoungPerson.date_of_birth),
    ).where(col(YoungPerson.erased_at).is_(None))
    # Rows, not records: a third quicker for the thousands of a busy workspace.
    people = [PersonIdentity(*row) for row in session.connection().execute(on_record)]
    return IdentityMatcher.build(people, ActivityPeople(session.get_bind()))


class ActivityPeople(Mapping[int, set[int]]):
    """Activity id → the young people who came to any of its sessions, each read when first
    asked for: a quarter's texts are about a handful of the activities, and reading all ten
    years of registers would take longer than checking every text."""

    def __init__(self, engine: Engine | Connection) -> None:
        self._engine = engine
        self._read: dict[int, set[int]] = {}

    def __getitem__(self, activity_id: int) -> set[int]:
        if activity_id not in self._read:
            came = (
                select(col(Attendance.young_person_id))
                .join(ActivitySession, col(ActivitySession.id) == Attendance.session_id)
                .where(col(ActivitySession.activity_id) == activity_id)
                .distinct()
            )
            self._read[activity_id] = set(self._scalars(came))
        return self._read[activity_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self._scalars(select(key(Activity.id))))

    def __len__(self) -> int:
        return len(self._scalars(select(key(Activity.id))))

    def _scalars(self, query: Select[int]) -> list[int]:
        if isinstance(self._engine, Connection):
            return list(self._engine.execute(query).scalars())
        with self._engine.connect() as connection:
            return list(connection.execute(query).scalars())
