"""A configuration update's targets in words: each new, changed and removed target, as the
update shows them before it is taken in (:mod:`trustdesk.ops.trust_update`)."""

from __future__ import annotations

from typing import Any

from trustdesk.config.changes import Change
from trustdesk.config.targets import TargetConfig
from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue
from trustdesk.returns.targets import fault, title_of
from trustdesk.words import listed

TARGETS = "Targets"  # the section of a configuration update's changes


def goal_words(target: TargetConfig) -> str:
    """ "at least 70", "at least 25%", "at most 12.5 hours", "at least £500.00"."""
    if target.rate:
        value = f"{target.value:g}%"
    else:
        quantity = catalogue.measure(target.measure or "").unit
        value = {"minutes": f"{target.value:g} hours", "pence": f"\u00a3{target.value:,.2f}"}.get(
            quantity, f"{target.value:g}"
        )
    return f"{target.direction} {value}"


def whom_words(target: TargetConfig, config: TrustConfig) -> str:
    """ "every locality", "every district and the county", "Burntwood"."""
    levels = {"locality": "every locality", "district": "every district", "county": "the county"}
    return listed(
        [
            levels.get(name) or (config.units[name].name if name in config.units else name)
            for name in target.units
        ]
    )


def when_words(target: TargetConfig) -> str:
    """ "each quarter", "a year", "in 2026-27"."""
    if target.year:
        return f"in {target.year}" + (", each quarter" if target.period == "quarter" else "")
    return "each quarter" if target.period == "quarter" else "a year"


def changed(current: TrustConfig, offered: TrustConfig) -> list[Change]:
    """A configuration update's targets in words: each new, changed and removed. A target is
    known by what it sets, for whom and over what; its value, direction, title or indicator
    can change."""

    def key(t: TargetConfig) -> tuple[Any, ...]:
        return (t.measure, t.breakdown, t.category, t.rate, tuple(t.units), t.period, t.year)

    def about(t: TargetConfig, config: TrustConfig) -> str:
        return f"{title_of(t, config)}, for {whom_words(t, config)}, {when_words(t)}"

    before = {key(t): t for t in current.targets if not fault(t, current)}
    after = {key(t): t for t in offered.targets if not fault(t, offered)}
    changes = []
    for k, target in after.items():
        old = before.get(k)
        if old is None:
            changes.append(
                Change(TARGETS, f"New target: {about(target, offered)}: {goal_words(target)}")
            )
        elif old != target:
            said = f"{goal_words(old)} \u2192 {goal_words(target)}"
            if old.indicator != target.indicator:
                said += f"; indicator {old.indicator or 'none'} \u2192 {target.indicator or 'none'}"
            changes.append(Change(TARGETS, f"{about(target, offered)}: {said}"))
    changes += [
        Change(TARGETS, f"Target removed: {about(t, current)}: {goal_words(t)}")
        for k, t in before.items()
        if k not in after
    ]
    return changes
