"""The organisation units this workspace knows, and its own settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Field, SQLModel

if TYPE_CHECKING:
    from trustdesk.config.trust import Unit


class OrgUnit(SQLModel, table=True):
    """A unit of the trust copied from the configuration: this workspace's own unit, the
    units above it and the units directly below it (whose returns it receives)."""

    __tablename__ = "org_unit"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=20)
    name: str = Field(max_length=120)
    level: str = Field(max_length=10)  # county | district | locality
    parent_code: str | None = Field(default=None, max_length=20)
    population_13_19: int | None = None

    @classmethod
    def of(cls, unit: Unit) -> OrgUnit:
        """A new row for ``unit``, as the configuration says it is."""
        return cls(code=unit.code, name=unit.name, level=unit.level).copy_from(unit)

    def copy_from(self, unit: Unit) -> OrgUnit:
        """This row as the configuration says ``unit`` is (a new row, or one brought in
        line by a configuration update)."""
        self.code, self.name, self.level = unit.code, unit.name, unit.level
        self.parent_code, self.population_13_19 = unit.parent_code, unit.population_13_19
        return self


class WorkspaceSetting(SQLModel, table=True):
    """Key/value settings of the workspace itself (its unit, when it was created, ...)."""

    __tablename__ = "workspace_setting"

    key: str = Field(primary_key=True, max_length=60)
    value: str
