"""What every part of the trust configuration is checked with: no unknown keys, no changes
after loading, whitespace trimmed, and the shapes of codes and names."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

UNIT_CODE = r"^[A-Z][A-Z0-9-]{1,19}$"
LIST_CODE = r"^[a-z0-9][a-z0-9_-]{0,39}$"
UnitCode = Annotated[str, Field(pattern=UNIT_CODE)]
ListCode = Annotated[str, Field(pattern=LIST_CODE)]
Name = Annotated[str, Field(min_length=1, max_length=120)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
