"""What a new version of the trust configuration would change, from the two files alone.

:func:`compare` says, in words for people, what taking ``offered`` in would change for one
workspace, and which changes the configurations alone refuse (an older version, the
workspace's own unit gone or moved). What the workspace's *records* refuse is worked out
by :mod:`trustdesk.ops.trust_update`, which also takes an update in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trustdesk.config.trust import TrustConfig, Unit
from trustdesk.errors import ConfigError

# Each list of the configuration: one entry in words, the list in words.
LISTS = {
    "ecm_outcomes": ("Every Child Matters outcome", "Every Child Matters outcomes"),
    "partner_types": ("partner type", "Partner types"),
    "activity_categories": ("activity category", "Activity categories"),
    "age_bands": ("age band", "Age bands"),
    "genders": ("gender", "Genders"),
    "ethnicity_groups": ("ethnic group", "Ethnic groups"),
    "contact_methods": ("way of contacting partners", "Ways of contacting partners"),
    "voice_methods": ("way of hearing young people", "Ways of hearing young people"),
    "spending_purposes": ("spending purpose", "Spending purposes"),
    "accreditations": ("accreditation", "Accreditations"),
}
TRUST, UNITS, RULES = "Trust", "Units", "Reporting rules"


class ConfigUpdateRefused(ConfigError):
    """The configuration offered cannot be taken into this workspace; ``refusals`` says
    every reason, each with what to do instead."""

    def __init__(self, refusals: list[Refusal]) -> None:
        first = refusals[0]
        message = first.message
        if len(refusals) > 1:
            message = "The configuration cannot be taken in:\n" + "\n".join(
                f"- {r.message}" for r in refusals
            )
        hints = list(dict.fromkeys(r.hint for r in refusals if r.hint))
        super().__init__(message, hint=" ".join(hints) or None)
        self.refusals = refusals


@dataclass(frozen=True)
class Refusal:
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Change:
    """One thing the update changes, in words: ``section`` groups them ("Units")."""

    section: str
    line: str


@dataclass
class UnitPlan:
    """What the update does to the workspace's unit rows (from what the database holds)."""

    add: list[Unit] = field(default_factory=list)
    change: list[Unit] = field(default_factory=list)  # name, parent or population
    remove: list[str] = field(default_factory=list)  # codes

    def __bool__(self) -> bool:
        return bool(self.add or self.change or self.remove)


@dataclass
class TrustChanges:
    """What taking ``offered`` in would change, and why it would be refused, if it would."""

    trust_name: str  # the offered configuration's
    current_version: int
    offered_version: int
    changes: list[Change] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    removed_entries: list[tuple[str, str, str]] = field(default_factory=list)  # list, code, name
    units: UnitPlan = field(default_factory=UnitPlan)
    same_content: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.refusals)

    @property
    def up_to_date(self) -> bool:
        """Nothing to take in: the workspace already has this configuration."""
        return (
            self.same_content
            and self.offered_version == self.current_version
            and not self.units
            and not self.refused
        )

    def sections(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for change in self.changes:
            grouped.setdefault(change.section, []).append(change.line)
        return grouped

    def as_text(self) -> str:
        """The changes as lines to print or show: a heading, then its changes."""
        if self.up_to_date:
            return f"The workspace already has version {self.current_version}; nothing changes."
        lines = []
        for section, found in self.sections().items():
            lines.append(f"{section}:")
            lines += [f"  - {line}" for line in found]
        return "\n".join(lines) if lines else "Nothing else changes."

    def refusal(self) -> ConfigUpdateRefused | None:
        return ConfigUpdateRefused(self.refusals) if self.refusals else None


def compare(current: TrustConfig, offered: TrustConfig, *, unit_code: str) -> TrustChanges:
    """What would change for the workspace of ``unit_code``, from the configurations alone."""
    found = TrustChanges(
        trust_name=offered.trust_name,
        current_version=current.version,
        offered_version=offered.version,
        same_content=_content(current) == _content(offered),
    )
    found.refusals += _version_refusals(current, offered, found.same_content)
    found.refusals += own_unit_refusals(current, offered, unit_code)
    if current.version != offered.version:
        found.changes.append(Change(TRUST, f"Version {current.version} \u2192 {offered.version}"))
    if current.trust_name != offered.trust_name:
        found.changes.append(
            Change(TRUST, f"Name: {current.trust_name} \u2192 {offered.trust_name}")
        )
    found.changes += _unit_changes(current, offered, unit_code)
    found.changes += _rule_changes(current, offered)
    for list_name in LISTS:
        changes, removed = _list_changes(current, offered, list_name)
        found.changes += changes
        found.removed_entries += removed
    return found


def _content(config: TrustConfig) -> dict[str, Any]:
    return config.file.model_dump(exclude={"version"})


def _version_refusals(current: TrustConfig, offered: TrustConfig, same: bool) -> list[Refusal]:
    if offered.version < current.version:
        return [
            Refusal(
                f"The configuration offered is version {offered.version}, older than this "
                f"workspace's version {current.version}: an older version never replaces a "
                "newer one.",
                "Ask your admin for the newest configuration.",
            )
        ]
    if offered.version == current.version and not same:
        return [
            Refusal(
                f"The configuration offered has the same version ({offered.version}) as this "
                "workspace's but different content, so TrustDesk cannot tell which is newer.",
                f"Ask your admin to raise its version (version = {current.version + 1}) and "
                "hand it out again.",
            )
        ]
    return []


def own_unit_refusals(current: TrustConfig, offered: TrustConfig, code: str) -> list[Refusal]:
    own = current.units[code]
    if code not in offered.units:
        return [
            Refusal(
                f"This workspace's own unit, {own.name} ({code}), is not in the configuration "
                "offered.",
                "A workspace belongs to its unit for good: ask your admin to keep the unit in "
                "the configuration (rename it rather than give it a new code).",
            )
        ]
    before = [u.code for u in current.ancestors(code)]
    after = [u.code for u in offered.ancestors(code)]
    if before != after:
        was = _unit_words(current.units[before[0]]) if before else "nothing"
        now = _unit_words(offered.units[after[0]]) if after else "nothing"
        return [
            Refusal(
                f"The configuration offered moves this workspace's own unit, {own.name} "
                f"({code}), from {was} to {now}.",
                "The returns already made name its place in the trust: ask your admin to keep "
                "it where it is, or create a new workspace for the unit in its new place.",
            )
        ]
    return []


def _unit_words(unit: Unit) -> str:
    return f"the {unit.level} {unit.name} ({unit.code})"


def kept_units(config: TrustConfig, code: str) -> list[Unit]:
    """The units a workspace of ``code`` keeps as rows: those above it, its own, those below."""
    if code not in config.units:
        return []
    return [*reversed(config.ancestors(code)), config.units[code], *config.children(code)]


def _unit_changes(current: TrustConfig, offered: TrustConfig, code: str) -> list[Change]:
    kept = {u.code for u in [*kept_units(current, code), *kept_units(offered, code)]}
    changes: list[Change] = []
    elsewhere = {"added": 0, "renamed": 0, "moved": 0, "removed": 0}
    for unit_code in dict.fromkeys([*current.units, *offered.units]):
        before, after = current.units.get(unit_code), offered.units.get(unit_code)
        lines = _one_unit(before, after, offered, code)
        if not lines:
            continue
        if unit_code in kept:
            changes += [Change(UNITS, line) for line, _kind in lines]
        else:
            for _line, kind in lines:
                if kind in elsewhere:
                    elsewhere[kind] += 1
    if any(elsewhere.values()):
        said = ", ".join(_elsewhere(kind, n) for kind, n in elsewhere.items() if n)
        changes.append(
            Change(UNITS, f"Elsewhere in the trust (units this workspace does not keep): {said}")
        )
    return changes


def _elsewhere(kind: str, count: int) -> str:
    return f"{count} unit{'' if count == 1 else 's'} {kind}"


def _one_unit(
    before: Unit | None, after: Unit | None, offered: TrustConfig, own: str
) -> list[tuple[str, str]]:
    """A unit's changes as (line, kind) pairs."""
    if before is None and after is not None:
        parent = offered.units.get(after.parent_code or "")
        under = f" under {parent.name}" if parent else ""
        return [(f"New {after.level}{under}: {after.name} ({after.code})", "added")]
    if after is None and before is not None:
        return [(f"{before.level.capitalize()} {before.name} ({before.code}) removed", "removed")]
    assert before is not None and after is not None
    lines = []
    if before.name != after.name:
        lines.append(
            (
                f"{after.level.capitalize()} {after.code} renamed: {before.name} \u2192 {after.name}",
                "renamed",
            )
        )
    if before.parent_code != after.parent_code:
        parent = offered.units.get(after.parent_code or "")
        lines.append(
            (
                f"{after.level.capitalize()} {after.name} ({after.code}) moved under "
                f"{parent.name if parent else 'nothing'}",
                "moved",
            )
        )
    if before.population_13_19 != after.population_13_19:
        lines.append(
            (
                f"Young people aged 13-19 in {after.name}: {_number(before.population_13_19)} "
                f"\u2192 {_number(after.population_13_19)}",
                "population",
            )
        )
    return lines


def _number(value: int | None) -> str:
    return "not given" if value is None else f"{value:,}"


def _rule_changes(current: TrustConfig, offered: TrustConfig) -> list[Change]:
    return [
        *_changes(current.reporting, offered.reporting, _RULE_WORDS),
        *_changes(current.benchmarks, offered.benchmarks, _BENCHMARK_WORDS),
        *_changes(current.boards, offered.boards, _BOARD_WORDS),
    ]


def _changes(before: Any, after: Any, words: list[tuple[str, str, str]]) -> list[Change]:
    return [
        Change(
            RULES,
            f"{label}: {form.format(getattr(before, key))} \u2192 "
            f"{form.format(getattr(after, key))}",
        )
        for key, label, form in words
        if getattr(before, key) != getattr(after, key)
    ]


_RULE_WORDS = [
    ("due_days_after_period_end", "Returns due", "{} days after each quarter ends"),
    ("participant_min_sessions", "A participant comes to", "{} or more sessions in a quarter"),
    (
        "participant_min_sessions_in_year",
        "A participant of a year comes to",
        "{} or more sessions in the year",
    ),
    ("retention_years", "Young people's details kept for", "{} years after last seen"),
    ("period", "Reporting period", "{}"),
]
_BENCHMARK_WORDS = [
    ("contacts", "REYS benchmark for contacts", "{:g}% of the 13-19 population a year"),
    ("participants", "REYS benchmark for participants", "{:g}% of the 13-19 population a year"),
    ("recorded_outcomes", "REYS benchmark for recorded outcomes", "{:g}% of participants"),
    ("accredited_outcomes", "REYS benchmark for accredited outcomes", "{:g}% of participants"),
]
_BOARD_WORDS = [
    ("meet_every_months", "A board meets at least every", "{} months"),
    ("missing_after", "A statutory partner is missing after", "{} board meetings away"),
]


def _list_changes(
    current: TrustConfig, offered: TrustConfig, list_name: str
) -> tuple[list[Change], list[tuple[str, str, str]]]:
    one, section = LISTS[list_name]
    before = {entry.code: entry for entry in getattr(current.file, list_name)}
    after = {entry.code: entry for entry in getattr(offered.file, list_name)}
    changes, removed = [], []
    for code, entry in after.items():
        old = before.get(code)
        if old is None:
            changes.append(Change(section, f"New {one}: {entry.name} ('{code}')"))
            continue
        if old.name != entry.name:
            changes.append(Change(section, f"'{code}' renamed: {old.name} \u2192 {entry.name}"))
        others = {
            key: (value, getattr(entry, key))
            for key, value in old.model_dump(exclude={"code", "name"}).items()
            if value != getattr(entry, key)
        }
        if others:
            said = ", ".join(
                f"{key.replace('_', ' ')} {a} \u2192 {b}" for key, (a, b) in others.items()
            )
            changes.append(Change(section, f"{entry.name} ('{code}'): {said}"))
    for code, entry in before.items():
        if code not in after:
            changes.append(Change(section, f"{one.capitalize()} removed: {entry.name} ('{code}')"))
            removed.append((list_name, code, entry.name))
    return changes, removed
