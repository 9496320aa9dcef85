"""The REYS benchmarks a return's reach is measured against, and whether it meets them.

The benchmarks are yearly (the trust configuration's ``[benchmarks]``, in per cent), so only
a year's or a year to date's rates are measured against them: a quarter's reach set against a
year's benchmark makes every locality look as if it were failing. A quarter's return shows
its year to date beside its own figures, and that is what is measured.

Whether a rate meets its benchmark is decided on the whole per cents a reader sees (24.6% is
shown as 25% and meets a 25% benchmark), so the words never contradict the figures.
"""

from __future__ import annotations

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import numbers

# The rates of Return.reach_rates, and what each benchmark is called.
RATES = ("contacts", "participants", "recorded", "accredited")
MET, NOT_MET = "Met", "Not met"
# A target short of its value while its period is still running (returns/targets.py).
NOT_YET = "Not met yet"
# Each verdict's ink and fill, the same in the PDF, the workbook and the window: dark green
# on pale green, dark red on pale red, dark brown on pale amber (the words say it; the
# colour helps the eye).
COLOURS = {
    MET: ("#1E5E2E", "#DDEFE1"),
    NOT_MET: ("#8A1C1C", "#F7DEDE"),
    NOT_YET: ("#6B4400", "#FBEBC8"),
}


def benchmarks(config: TrustConfig) -> dict[str, float]:
    """The benchmark of each reach rate, as a fraction (0.25 for 25%)."""
    b = config.benchmarks
    percents = (b.contacts, b.participants, b.recorded_outcomes, b.accredited_outcomes)
    return {rate: percent / 100 for rate, percent in zip(RATES, percents, strict=True)}


def verdict(rate: float | None, benchmark: float) -> str:
    """ "Met" or "Not met", or "" for a rate that cannot be worked out."""
    if rate is None:
        return ""
    return MET if numbers.rounded(rate * 100) >= numbers.rounded(benchmark * 100) else NOT_MET


def in_words(config: TrustConfig) -> str:
    """ "REYS benchmarks for a year: contacts 25% and participants 15% of the 13-19
    population; recorded outcomes 60% and accredited outcomes 30% of participants." """
    b = {k: numbers.percent(v) for k, v in benchmarks(config).items()}
    return (
        f"REYS benchmarks for a year: contacts {b['contacts']} and participants "
        f"{b['participants']} of the 13-19 population; recorded outcomes {b['recorded']} and "
        f"accredited outcomes {b['accredited']} of participants."
    )
