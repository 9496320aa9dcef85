"""Build a realistic demo locality workspace: the seeds' kinds of partners and activities,
with sessions, registers, outcomes, meetings and actions for the year (``small``) or ten
years (``large``) up to a date.

Deterministic: the same unit, size, seed and date give the same records, row for row.
Rows are generated in Python and written with bulk inserts in one transaction (a ten-year
workspace has tens of thousands of attendance marks; going through the services one record
at a time would take minutes).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import SQLModel

from trustdesk import clock
from trustdesk.config.trust import TrustConfig, Unit, example_trust_path, load_trust_config
from trustdesk.demo import names
from trustdesk.demo.activities import ActivitiesMixin
from trustdesk.demo.partnership import PartnershipMixin
from trustdesk.demo.programme import Template, stamp
from trustdesk.errors import UserError
from trustdesk.store import models as m
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace, discard_new_workspace

SIZES = {"small": (1, 1.0, 340), "large": (10, 1.5, 2600)}  # years, busyness, young people
DEFAULT_UNIT = "LIC-BUR"  # Burntwood: the seeds' summer programme was there


def build_demo(
    path: Path,
    *,
    unit_code: str = DEFAULT_UNIT,
    size: str = "small",
    seed: int = 1,
    as_of: dt.date | None = None,
    config_path: Path | None = None,
) -> Workspace:
    if size not in SIZES:
        raise UserError(f"{size!r} is not a demo size; choose small or large.")
    config_path = config_path or example_trust_path()
    config = load_trust_config(config_path)
    unit = config.unit(unit_code)
    if unit.level != "locality":
        raise UserError(
            f"{unit.name} is a {unit.level}: a demo workspace is a locality's.",
            hint="Choose a locality code; run 'trustdesk units' to list them.",
        )
    as_of = as_of or clock.today()
    created = dt.datetime.combine(as_of, dt.time(9), tzinfo=dt.UTC)
    generator = _Generator(config, unit, size, seed, as_of)
    generator.generate()  # before the workspace exists: a failure here leaves nothing behind
    # Deterministic, as every demo record is; uuid5 keeps it a UUID, as a return id must be.
    same_each_time = str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"trustdesk-demo/{seed}/{unit.code}/{size}")
    )
    workspace = create_workspace(
        path, unit.code, config_path=config_path, created_at=created, workspace_id=same_each_time
    )
    try:
        with workspace.engine.begin() as connection:
            for model in generator.order:
                connection.execute(insert(model), generator.rows[model])
    except BaseException:
        workspace.close()
        discard_new_workspace(path)
        raise
    return workspace


class _Generator(ActivitiesMixin, PartnershipMixin):
    def __init__(
        self, config: TrustConfig, unit: Unit, size: str, seed: int, as_of: dt.date
    ) -> None:
        self.config = config
        self.unit = unit
        self.seed_text = f"trustdesk-demo/{seed}/{unit.code}/{size}"
        self.rng = random.Random(self.seed_text)
        years, self.busy, self.people_count = SIZES[size]
        self.as_of = as_of
        self.start = as_of - dt.timedelta(days=round(365.25 * years) - 1)
        self.rows: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
        self.order: list[type[SQLModel]] = []
        self.loc = unit.name.split(" (")[0].split(" and ")[0]
        self.dist = self.config.unit(unit.parent_code).name if unit.parent_code else unit.name

    # -- plumbing -------------------------------------------------------------------------
    def add(self, model: type[SQLModel], **row: Any) -> int:
        if model not in self.rows:
            self.order.append(model)
        table = self.rows[model]
        if "id" in model.model_fields:
            row["id"] = len(table) + 1
        table.append(row)
        return row.get("id", 0)

    def generate(self) -> None:
        self.partners()
        self.young_people()
        self.activities()
        self.meetings()
        self.contact_log()
        self.voice()
        self.case_studies()
        self.spending()
        self.first_seen()

    # -- partners -------------------------------------------------------------------------
    def partners(self) -> None:
        rng = self.rng
        self.by_type: dict[str, list[int]] = defaultdict(list)
        self.contacts: dict[int, list[tuple[int, str]]] = {}
        entries = [
            (kind, pattern.format(loc=self.loc, dist=self.dist)) for kind, pattern in names.PARTNERS
        ]
        entries += [
            ("school", school)
            for school in rng.sample(names.SCHOOL_NAMES, 3 if self.busy == 1 else 5)
        ]
        entries.append(("fe", rng.choice(names.FE_COLLEGES)))
        for kind, name in entries:
            partner_id = self.add(
                m.Partner, name=name, partner_type=kind, address=f"{self.loc}, Staffordshire",
                notes="", active=True, created_at=stamp(self.start),
            )  # fmt: skip
            self.by_type[kind].append(partner_id)
            people = []
            for _ in range(rng.randint(1, 3)):
                first = rng.choice(names.FIRST_NAMES_FEMALE + names.FIRST_NAMES_MALE)
                last = rng.choice(names.LAST_NAMES)
                domain = (
                    name.split(" (")[0].split(":")[0].lower().replace("'", "").replace(" ", "-")
                )
                contact_id = self.add(
                    m.PartnerContact, partner_id=partner_id, name=f"{first} {last}",
                    role=rng.choice(names.ADULT_ROLES), phone=f"01543 {rng.randint(200000, 799999)}",
                    email=f"{first.lower()}.{last.lower()}@{domain[:30]}.example",
                )  # fmt: skip
                people.append((contact_id, f"{first} {last}"))
            self.contacts[partner_id] = people

    def partner_of(self, kind: str) -> int:
        candidates = self.by_type.get(kind) or self.by_type["vcs"]
        return candidates[0] if len(candidates) == 1 else self.rng.choice(candidates)

    # -- young people ---------------------------------------------------------------------
    def young_people(self) -> None:
        rng, cfg = self.rng, self.config
        earliest = self.start - dt.timedelta(days=365 * 19)
        span = (self.as_of - dt.timedelta(days=365 * 8) - earliest).days
        postcodes = names.POSTCODE_DISTRICTS.get(self.unit.parent_code or "", ("ST16",))
        prefix = self.unit.code.split("-")[-1]
        # Teenage parents are drawn from a stream of their own, so that every other draw (and
        # every figure the tests know) is what it was before they were recorded.
        parents = random.Random(f"{self.seed_text}/teenage-parents")
        self.people: list[tuple[int, dt.date, str]] = []  # id, date of birth, gender
        for number in range(1, self.people_count + 1):
            gender = rng.choices(["female", "male", "other", "not-stated"], [49, 49, 1, 1])[0]
            first = rng.choice(
                {"female": names.FIRST_NAMES_FEMALE, "male": names.FIRST_NAMES_MALE}.get(
                    gender, names.FIRST_NAMES_OTHER
                )
            )
            born = earliest + dt.timedelta(days=rng.randrange(span))
            keep_birth_date = rng.random() > 0.08
            age_now = (self.as_of - born).days // 365
            person_id = self.add(
                m.YoungPerson,
                local_ref=f"{prefix}-{number:05d}",
                first_name=first,
                last_name=rng.choice(names.LAST_NAMES),
                date_of_birth=born if keep_birth_date else None,
                age_band=None if keep_birth_date else cfg.age_band_for(min(age_now, 19)),
                postcode_district=rng.choice(postcodes),
                gender=gender,
                ethnicity=rng.choices(
                    ["white", "asian", "mixed", "black", "other", "not-stated"],
                    [90, 4, 3, 1.5, 0.5, 1],
                )[0],
                disability=rng.random() < 0.08,
                looked_after=rng.random() < 0.02,
                young_carer=rng.random() < 0.04,
                teenage_parent=15 <= age_now <= 19 and parents.random() < 0.06,
                created_at=stamp(self.start),
                erased_at=None,
            )
            self.people.append((person_id, born, gender))

    def eligible(self, template: Template, on: dt.date) -> list[int]:
        low, high = template.ages
        result = []
        for person_id, born, gender in self.people:
            age = (on - born).days // 365
            if low <= age <= high and not (
                template.category == "family" and "parents" in template.title and gender == "male"
            ):
                result.append(person_id)
        return result

    def months(self) -> Iterator[dt.date]:
        month = self.start.replace(day=1)
        while month <= self.as_of:
            yield month
            month = (month + dt.timedelta(days=32)).replace(day=1)

    def name_of(self, partner_id: int) -> str:
        return self.rows[m.Partner][partner_id - 1]["name"]

    def type_of(self, partner_id: int) -> str:
        return self.rows[m.Partner][partner_id - 1]["partner_type"]

    def first_seen(self) -> None:
        """A young person's record is created the first time they came to something."""
        for row in self.rows[m.YoungPerson]:
            seen = self.first_attended.get(row["id"])
            if seen:
                row["created_at"] = stamp(seen)
