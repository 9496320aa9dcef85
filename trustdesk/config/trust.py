"""The trust configuration: the hierarchy of units and the lists every record draws on.

An admin edits one TOML file (``resources/example-trust.toml`` is the Staffordshire example)
and hands it out; each workspace keeps its own copy as ``trust.toml``. Loading it checks
everything once, so the rest of TrustDesk can trust what it reads. A broken file gives a
message naming the file, the line or key, and the problem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from trustdesk.config.periods import Period
from trustdesk.config.strict import LIST_CODE, UNIT_CODE, ListCode, Name, UnitCode
from trustdesk.config.strict import Strict as _Strict
from trustdesk.config.targets import CODE as TARGET_CODE
from trustdesk.config.targets import TargetConfig, check_targets
from trustdesk.errors import ConfigError
from trustdesk.resources import resource_path

FORMAT = "trustdesk-trust/1"
Level = Literal["county", "district", "locality"]
LEVELS: tuple[Level, ...] = ("county", "district", "locality")


class Choice(_Strict):
    """One entry of a list such as activity categories: a stable code and a name for people."""

    code: ListCode
    name: Name


class PartnerType(Choice):
    statutory: bool


class AgeBand(Choice):
    min_age: int = Field(ge=0, le=30)
    max_age: int = Field(ge=0, le=30)


class LocalityConfig(_Strict):
    code: UnitCode
    name: Name
    population_13_19: int | None = Field(default=None, ge=0)


class DistrictConfig(LocalityConfig):
    localities: list[LocalityConfig] = Field(min_length=1)


class CountyConfig(LocalityConfig):
    districts: list[DistrictConfig] = Field(min_length=1)


class ReportingConfig(_Strict):
    period: Literal["financial-quarter"] = "financial-quarter"
    due_days_after_period_end: int = Field(default=15, ge=0, le=120)
    # A participant comes to at least this many sessions in the period: a quarter's
    # threshold, and a year's (which a year to date uses too, so that its participants only
    # grow as the year goes on and end as the year's). It does not scale with the period
    # unless the trust says so here: four sessions in a year is the REYS sense of taking part.
    participant_min_sessions: int = Field(default=4, ge=1, le=100)
    participant_min_sessions_in_year: int = Field(default=4, ge=1, le=400)
    retention_years: int = Field(default=6, ge=1, le=25)

    def participant_min_sessions_for(self, period: Period) -> int:
        """The sessions a young person comes to in ``period`` to be one of its participants."""
        if period.is_quarter:
            return self.participant_min_sessions
        return self.participant_min_sessions_in_year


class BenchmarksConfig(_Strict):
    """The REYS benchmarks (Resourcing Excellent Youth Services, 2002), in per cent, for a
    year: contacts and participants aged 13-19 as shares of the 13-19 population, and
    participants with a recorded or an accredited outcome as shares of all participants. A
    year's and a year to date's figures are measured against them, never a quarter's."""

    contacts: float = Field(default=25, ge=0, le=100)
    participants: float = Field(default=15, ge=0, le=100)
    recorded_outcomes: float = Field(default=60, ge=0, le=100)
    accredited_outcomes: float = Field(default=30, ge=0, le=100)


class BoardsConfig(_Strict):
    """What a district's or county's board is held to (the Audit Commission's briefing: meet
    at least every two months; name the statutory partners who stay away)."""

    # The most months that may pass between two board meetings.
    meet_every_months: int = Field(default=2, ge=1, le=12)
    # A statutory partner type present at none of this many board meetings in a row is
    # named as missing.
    missing_after: int = Field(default=3, ge=1, le=12)


def _unique(entries: list[Any], what: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.code in seen:
            raise ValueError(f"the {what} code {entry.code!r} is used twice; codes must be unique")
        seen.add(entry.code)


class TrustFile(_Strict):
    """The file as written; :class:`TrustConfig` is what the rest of TrustDesk uses."""

    format: Literal["trustdesk-trust/1"]
    trust_name: Name
    # Raised by the admin with each change handed out; a file without one is version 1. A
    # workspace takes in only a configuration newer than its own (trustdesk.ops.trust_update).
    version: int = Field(default=1, ge=1, le=1_000_000, strict=True)
    reporting: ReportingConfig = ReportingConfig()
    benchmarks: BenchmarksConfig = BenchmarksConfig()
    boards: BoardsConfig = BoardsConfig()
    county: CountyConfig
    ecm_outcomes: list[Choice] = Field(min_length=1)
    partner_types: list[PartnerType] = Field(min_length=1)
    activity_categories: list[Choice] = Field(min_length=1)
    age_bands: list[AgeBand] = Field(min_length=1)
    genders: list[Choice] = Field(min_length=1)
    ethnicity_groups: list[Choice] = Field(min_length=1)
    contact_methods: list[Choice] = Field(min_length=1)
    voice_methods: list[Choice] = Field(min_length=1)
    spending_purposes: list[Choice] = Field(min_length=1)
    accreditations: list[Choice] = Field(default_factory=list)
    targets: list[TargetConfig] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _check_codes(self) -> TrustFile:
        units = [self.county, *self.county.districts]
        units += [loc for district in self.county.districts for loc in district.localities]
        _unique(units, "unit")
        for key in [
            "ecm_outcomes",
            "partner_types",
            "activity_categories",
            "age_bands",
            "genders",
            "ethnicity_groups",
            "contact_methods",
            "voice_methods",
            "spending_purposes",
            "accreditations",
        ]:
            _unique(getattr(self, key), key.replace("_", " ").rstrip("s"))
        previous_max = None
        for band in self.age_bands:
            if band.min_age > band.max_age:
                raise ValueError(f"age band {band.code!r} starts after it ends")
            if previous_max is not None and band.min_age != previous_max + 1:
                raise ValueError(
                    f"age band {band.code!r} should start at {previous_max + 1}: "
                    "age bands must follow on from each other without gaps or overlaps"
                )
            previous_max = band.max_age
        levels = {self.county.code: "county"}
        levels |= {d.code: "district" for d in self.county.districts}
        levels |= {loc.code: "locality" for d in self.county.districts for loc in d.localities}
        check_targets(self.targets, levels)
        return self


@dataclass(frozen=True)
class Unit:
    """An organisation unit of the trust: the county, a district or a locality."""

    code: str
    name: str
    level: Level
    parent_code: str | None
    population_13_19: int | None

    @property
    def child_level(self) -> Level | None:
        index = LEVELS.index(self.level)
        return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


class TrustConfig:
    """A loaded, checked trust configuration."""

    def __init__(self, file: TrustFile, source: Path | None = None) -> None:
        self.file = file
        self.source = source
        self.units: dict[str, Unit] = {}
        county = file.county
        self._add(county, "county", None)
        for district in county.districts:
            self._add(district, "district", county.code)
            for locality in district.localities:
                self._add(locality, "locality", district.code)

    def _add(self, entry: LocalityConfig, level: Level, parent: str | None) -> None:
        self.units[entry.code] = Unit(entry.code, entry.name, level, parent, entry.population_13_19)

    def __getattr__(self, name: str) -> Any:
        # The lists (ecm_outcomes, partner_types, ...) and settings read straight from the file.
        return getattr(self.file, name)

    def unit(self, code: str) -> Unit:
        try:
            return self.units[code.strip().upper()]
        except KeyError:
            raise ConfigError(
                f"There is no unit with the code {code!r} in the trust configuration.",
                hint="Run 'trustdesk units' to list the codes of every county, district and locality.",
            ) from None

    def children(self, code: str) -> list[Unit]:
        return [unit for unit in self.units.values() if unit.parent_code == code]

    def ancestors(self, code: str) -> list[Unit]:
        chain, unit = [], self.unit(code)
        while unit.parent_code:
            unit = self.units[unit.parent_code]
            chain.append(unit)
        return chain

    def codes(self, list_name: str) -> list[str]:
        return [entry.code for entry in getattr(self.file, list_name)]

    def names(self, list_name: str) -> dict[str, str]:
        """One of the trust's lists as code: name, in its order."""
        return {entry.code: entry.name for entry in getattr(self.file, list_name)}

    def name_of(self, list_name: str, code: str) -> str:
        entries: list[Choice] = getattr(self.file, list_name)
        for entry in entries:
            if entry.code == code:
                return entry.name
        return code

    def age_band_for(self, age: int) -> str | None:
        for band in self.file.age_bands:
            if band.min_age <= age <= band.max_age:
                return band.code
        return None


def load_trust_config(path: Path | str) -> TrustConfig:
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"The trust configuration {path} does not exist.") from None
    except OSError as exc:
        raise ConfigError(
            f"The trust configuration {path} cannot be read: {exc.strerror}."
        ) from None
    return parse_trust_config(raw_bytes, path)


def parse_trust_config(data: bytes, path: Path) -> TrustConfig:
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: the file is not UTF-8 text (bad byte at position {exc.start}).",
            hint="Save it as UTF-8 from your editor.",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib names the line and column, e.g. "Expected '=' after a key (at line 4, column 7)".
        raise ConfigError(f"{path}: {exc}", hint="Fix the TOML syntax at that line.") from None
    try:
        file = TrustFile.model_validate(raw)
    except ValidationError as exc:
        lines = data.decode("utf-8").splitlines()
        problems = [_describe(error, raw, lines) for error in exc.errors()]
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise ConfigError(f"{path}: " + "; ".join(problems[:5]) + more) from None
    return TrustConfig(file, path)


_PATTERN_HELP = {
    UNIT_CODE: "a unit code is 2-20 capital letters, digits or hyphens, starting with a letter (e.g. LIC-BUR)",
    LIST_CODE: "a list code is lower-case letters, digits, hyphens or underscores (e.g. youth-work)",
    TARGET_CODE: "a measure, breakdown or category is named by its code: lower-case letters, "
    "digits, hyphens or underscores (e.g. accredited_outcomes, teenage_parent, yes)",
}


def _line_of(lines: list[str], key: str, value: Any) -> int | None:
    """The line where ``key = value`` is written, when the value can be found."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    written = f'"{value}"' if isinstance(value, str) else str(value)
    for number, line in enumerate(lines, start=1):
        if key in line and written in line:
            return number
    return None


def _describe(error: Any, raw: dict[str, Any], lines: list[str]) -> str:
    """``line 62, county.districts[3] (LIC).localities[2].code: a unit code is ...``"""
    parts: list[str] = []
    node: Any = raw
    for step in error["loc"]:
        if isinstance(step, int):
            label = f"[{step + 1}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("code"), str):
                label += f" ({node['code']})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    where = "".join(parts)
    line = _line_of(lines, str(error["loc"][-1]), error.get("input")) if error["loc"] else None
    if line:
        where = f"line {line}, {where}"
    message = error["msg"]
    if error["type"] == "string_pattern_mismatch":
        help_text = _PATTERN_HELP.get(error.get("ctx", {}).get("pattern"))
        if help_text:
            message = f"{error['input']!r} is not allowed: {help_text}"
    elif error["type"] == "extra_forbidden":
        message = "this key is not known (check its spelling)"
    elif error["type"] == "missing":
        message = "this key is required but missing"
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"{where}: {message}" if parts else message


def example_trust_path() -> Path:
    """The example trust shipped with TrustDesk (Staffordshire)."""
    return resource_path("example-trust.toml")
