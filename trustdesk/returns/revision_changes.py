"""What a replacing revision changes: the figures that differ, named as people read them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue, numbers
from trustdesk.returns.model import Key


@dataclass(frozen=True)
class Change:
    """A figure a replacing revision changes."""

    what: str
    before: int
    after: int
    unit: catalogue.Quantity = "count"

    def __str__(self) -> str:
        before, after = (numbers.figure(self.unit, v) for v in (self.before, self.after))
        return f"{self.what}: {before} \u2192 {after}"


def changes_between(
    before: dict[Key, int], after: dict[Key, int], config: TrustConfig
) -> list[Change]:
    """The figures that differ, totals first, in catalogue order, named as people read them."""
    keys = [k for k in after if before.get(k, 0) != after[k]]
    keys += [k for k in before if k not in after and before[k]]
    order = {m.code: i for i, m in enumerate(catalogue.MEASURES)}
    keys.sort(key=lambda k: (bool(k[1]), order.get(k[0], len(order))))
    return [
        Change(_what(k, config), before.get(k, 0), after.get(k, 0), _quantity(k[0])) for k in keys
    ]


def changes_listed(changes: Sequence[Change], most: int = 12) -> list[str]:
    """The changed figures, a line each ("Attendances: 1,204 \u2192 1,260"), the first
    ``most`` of them and how many more."""
    lines = [str(change) for change in changes[:most]]
    if len(changes) > most:
        lines.append(f"\u2026 and {len(changes) - most} more")
    return lines


def _quantity(code: str) -> catalogue.Quantity:
    return catalogue.measure(code).unit if catalogue.is_known(code) else "count"


def _what(key: Key, config: TrustConfig) -> str:
    """ "Attendances", or "Attendances, age band 13-15"."""
    code, breakdown_code, category = key
    if not catalogue.is_known(code):
        return " / ".join(filter(None, key))
    measure = catalogue.measure(code)
    if not breakdown_code:
        return measure.label
    breakdown = measure.breakdown(breakdown_code)
    return (
        f"{measure.label}, {breakdown.label.lower()} {breakdown.category_label(config, category)}"
    )
