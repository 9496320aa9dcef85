"""Checking a received return's figures against the measure catalogue, row by row.

A return that passed its fingerprint was written by TrustDesk, but perhaps by another
version, with another trust configuration, or edited after export and taken in on purpose.
Each problem is named with the sheet, row and column it is on, so that the district officer
can tell the coordinator exactly what to fix:

- a measure, breakdown or category the catalogue (or the trust's lists) does not know;
- a negative figure (every figure is a count, minutes or pence), or an absurdly large one;
- a figure the return should carry and does not;
- the categories of an additive breakdown that do not add up to the measure's total;
- figures that cannot be so, whatever the records were: more participants than young people
  reached, more partners present at meetings than places, a category of an overlapping
  breakdown above the total (:data:`AT_MOST`);
- a text longer than the coordinator's form takes, on more lines than it allows, or with
  characters it never lets in; a code the trust's lists do not know; a text of a unit the
  return is not about, or dated outside its period; a partner's amount that is negative or
  absurd, or more meetings present than places.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.limits import NARRATIVE_MAX, SHORT_TEXT_MAX, VOICE_TEXT_MAX
from trustdesk.returns import catalogue, numbers
from trustdesk.returns.model import (
    CASE_STUDIES,
    CASE_STUDY_HEADER,
    PARTNER_HEADER,
    PARTNER_UNITS,
    PARTNERS,
    VOICE,
    VOICE_HEADER,
    Key,
    Return,
)
from trustdesk.returns.sheet_rows import AGAIN, Place
from trustdesk.returns.workbook import DATA

MEASURE, BREAKDOWN, CATEGORY, VALUE = 1, 2, 3, 4  # the Data sheet's columns
# Far above any real figure (a county's contact hours for a quarter are a few million
# minutes; its spend a few million pence), far below what SQLite's integers hold.
MAX_FIGURE = 10**12
# Figures that can never be more than another figure of the same breakdown and category,
# by their definitions in the catalogue, and why (as the message says it).
AT_MOST = (
    ("participants", "contacts", "every participant is a young person reached"),
    (
        "participants_recorded_outcome",
        "participants",
        "only participants are counted with an outcome",
    ),
    (
        "participants_accredited_outcome",
        "participants_recorded_outcome",
        "an accredited outcome is an outcome too",
    ),
    ("meeting_present", "meeting_places", "a partner present had a place"),
    ("voice_changes", "voice_entries", "each change is one of the voice entries"),
)
# The characters a text may hold besides printing ones: a form's text box takes line breaks
# (and tabs); a one-line box takes none.
LINE_BREAKS = "\n\r\t"


def check_data(ret: Return, config: TrustConfig) -> None:
    """Raise a UserError naming the first problem; the return is fit to add up otherwise."""
    expected = catalogue.figure_keys(config, ret.unit_level)
    if not catalogue.reports_board(ret.figures):  # a locality's, or an older TrustDesk's
        expected = [key for key in expected if not catalogue.is_board(key[0])]
    known = set(expected)
    for key, value in ret.figures.items():
        if key not in known:
            raise _unknown(key, ret.data_rows.get(key, 0), config)
        if value < 0:
            raise _at(ret, key, VALUE).fail(f"{value:,} is negative, and a figure never is")
        if value > MAX_FIGURE:
            raise _at(ret, key, VALUE).fail(
                f"{value:,} is far larger than any figure a return holds"
            )
    for key in expected:
        if key not in ret.figures:
            raise UserError(
                "The return cannot be read: the Data sheet has no row for "
                f"{_name(key)}, which every return of this trust carries.",
                hint=AGAIN,
            )
    mismatch = not_adding_up(ret)
    if mismatch is not None:
        measure, by = mismatch.measure, mismatch.breakdown
        raise _at(ret, (measure.code, "", ""), VALUE).fail(
            f"the total of {measure.label.lower()} is {mismatch.total:,}, but its figures by "
            f"{by.label.lower()} add up to {mismatch.parts:,}"
        )
    _check_possible(ret)
    check_texts(ret, config)


@dataclass(frozen=True)
class Mismatch:
    """An additive breakdown whose categories do not add up to its measure's total."""

    measure: catalogue.Measure
    breakdown: catalogue.Breakdown
    parts: int
    total: int

    @property
    def keys(self) -> tuple[str, str]:
        """(measure, breakdown): the start of the keys of its figures."""
        return self.measure.code, self.breakdown.code


def not_adding_up(ret: Return) -> Mismatch | None:
    """The first additive breakdown (in the catalogue's order) whose figures do not add up
    to its measure's total, or None: the one rule, worded by each caller for its reader."""
    sums: dict[tuple[str, str], int] = {}  # (measure, breakdown): its categories added up
    for (code, breakdown, _), value in ret.figures.items():
        if breakdown:
            sums[code, breakdown] = sums.get((code, breakdown), 0) + value
    for measure in catalogue.MEASURES:
        total = ret.value(measure.code)
        for by in measure.breakdowns:
            parts = sums.get((measure.code, by.code), 0)
            if by.additive and parts != total:
                return Mismatch(measure, by, parts, total)
    return None


def _check_possible(ret: Return) -> None:
    """Figures that their definitions make impossible, however the return was made."""
    for (code, breakdown, category), value in ret.figures.items():
        if not breakdown or not catalogue.is_known(code):
            continue
        measure = catalogue.measure(code)
        total = ret.value(code)
        if not measure.breakdown(breakdown).additive and value > total:
            raise _at(ret, (code, breakdown, category), VALUE).fail(
                f"{measure.label} by {breakdown.replace('_', ' ')} {category!r} is {value:,}, "
                f"more than the total of {measure.label.lower()} ({total:,}), which counts "
                "each one once"
            )
    for smaller, larger, why in AT_MOST:
        for (code, breakdown, category), value in ret.figures.items():
            bound = ret.figures.get((larger, breakdown, category))
            if code != smaller or bound is None or value <= bound:
                continue
            what = ", ".join(filter(None, (breakdown.replace("_", " "), category)))
            where = f" ({what})" if what else ""
            raise _at(ret, (code, breakdown, category), VALUE).fail(
                f"{catalogue.measure(smaller).label}{where} is {value:,}, more than "
                f"{catalogue.measure(larger).label.lower()} ({bound:,}), and {why}"
            )
    for key, present in ret.figures.items():
        if key[0] == "meeting_present":
            key_apologies = ("meeting_apologies", key[1], key[2])
            apologies = ret.figures.get(key_apologies, 0)
            places = ret.figures.get(("meeting_places", key[1], key[2]), 0)
            if present + apologies > places:
                raise _at(ret, key_apologies, VALUE).fail(
                    f"{present:,} partners present and {apologies:,} apologies at meetings are "
                    f"more than the {places:,} places, and each place is one or the other (or "
                    "absent)"
                )


def check_texts(ret: Return, config: TrustConfig) -> None:
    """Raise a UserError naming the first text that TrustDesk's forms would never have let
    through, or that is not about this return's units and period."""
    units = _text_units(ret, config)
    for index, study in enumerate(ret.case_studies):
        at = _places(ret, CASE_STUDIES, CASE_STUDY_HEADER, index)
        _dated(ret, study.date, at("Date"), "a case study")
        _bounded(study.title, at("Title"), SHORT_TEXT_MAX, one_line=True)
        _bounded(study.narrative, at("Narrative"), NARRATIVE_MAX, one_line=False)
        for code in study.ecm_outcomes:
            _known(code, "ecm_outcomes", "ECM outcomes", at("ecm_outcome_codes"), config)
        _unit(study.unit_code, at("Unit"), units, ret)
    for index, entry in enumerate(ret.voice):
        at = _places(ret, VOICE, VOICE_HEADER, index)
        _dated(ret, entry.date, at("Date"), "a voice entry")
        _known(
            entry.method, "voice_methods", "ways of hearing young people", at("method_code"), config
        )
        _bounded(entry.who, at("Who"), SHORT_TEXT_MAX, one_line=True)
        _bounded(entry.said, at("What they said"), VOICE_TEXT_MAX, one_line=False)
        _bounded(entry.change_made, at("What changed"), VOICE_TEXT_MAX, one_line=False)
        _unit(entry.unit_code, at("Unit"), units, ret)
    for index, line in enumerate(ret.partners):
        at = _places(ret, PARTNERS, PARTNER_HEADER, index)
        _bounded(line.name, at("Partner"), SHORT_TEXT_MAX, one_line=True)
        _known(line.partner_type, "partner_types", "partner types", at("partner_type"), config)
        amounts = (
            line.staff_minutes,
            line.money_pence,
            line.in_kind_pence,
            line.contacts,
            line.meeting_places,
            line.meetings_present,
        )
        for (column, unit), amount in zip(PARTNER_UNITS.items(), amounts, strict=True):
            place = at(PARTNER_HEADER[column])
            shown = numbers.figure(unit, amount)  # type: ignore[arg-type]  # PARTNER_UNITS holds the catalogue's units
            if amount < 0:
                raise place.fail(f"{shown} is negative, and what a partner gives never is")
            if amount > MAX_FIGURE:
                raise place.fail(f"{shown} is far larger than any figure a return holds")
        if line.meetings_present > line.meeting_places:
            raise at("Present").fail(
                f"{line.name!r} was present at {line.meetings_present:,} meetings but had a "
                f"place at only {line.meeting_places:,}"
            )
        _unit(line.unit_code, at("Unit"), units, ret)


def _places(ret: Return, sheet: str, header: tuple[str, ...], index: int) -> Callable[[str], Place]:
    """Where each of a text row's values was read from (or would be, for a return not read
    from a file: the row and column the workbook writes it in)."""

    def at(heading: str) -> Place:
        written = (index + 2, header.index(heading) + 1)
        row, column = ret.text_places.get((sheet, index, heading), written)
        return Place(sheet, row, column, heading)

    return at


def _bounded(value: str, place: Place, most: int, *, one_line: bool) -> None:
    if len(value) > most:
        raise place.fail(
            f"the text is {len(value):,} characters long, and TrustDesk's form takes at most "
            f"{most:,} (it starts: {_start(value)})"
        )
    for char in value:
        if char in LINE_BREAKS and not one_line:
            continue
        kind = unicodedata.category(char)
        if char in LINE_BREAKS or kind in ("Zl", "Zp"):
            raise place.fail(
                "the text runs onto a second line, and TrustDesk's form takes it on one "
                f"(it starts: {_start(value)})"
            )
        if kind in ("Cc", "Cs"):
            raise place.fail(
                f"the text holds a control character (U+{ord(char):04X}), which TrustDesk's "
                f"forms never let in (it starts: {_start(value)})"
            )


def _known(code: str, list_name: str, what: str, place: Place, config: TrustConfig) -> None:
    if code not in config.codes(list_name):
        raise place.fail(f"{_start(code)} is not one of the trust's {what}")


def _text_units(ret: Return, config: TrustConfig) -> set[str]:
    """The units whose texts this return may carry: its own unit's (a locality's return), or
    those of the units under it (a district's or county's, added up from theirs)."""
    under = {ret.unit_code}
    below = [ret.unit_code]
    while below:
        children = [u.code for code in below for u in config.children(code)]
        under.update(children)
        below = children
    return under if len(under) == 1 else under - {ret.unit_code}


def _unit(code: str, place: Place, units: set[str], ret: Return) -> None:
    if code in units:
        return
    if units == {ret.unit_code}:
        raise place.fail(
            f"{_start(code)} is not {ret.unit_name} ({ret.unit_code}), whose return this is"
        )
    raise place.fail(f"{_start(code)} is not a unit under {ret.unit_name} ({ret.unit_code})")


def _dated(ret: Return, day: dt.date, place: Place, what: str) -> None:
    period = ret.period
    if not period.start <= day <= period.end:
        raise place.fail(
            f"{day.day} {day:%b} {day.year} is not in {period.label}, and {what} is in the "
            "return of the period it is dated in"
        )


def _start(text: str) -> str:
    """A text for a message: quoted, its first 40 characters, control characters shown."""
    return repr(text[:40]) + ("\u2026" if len(text) > 40 else "")


def _unknown(key: Key, row: int, config: TrustConfig) -> UserError:
    code, breakdown_code, category = key
    if not catalogue.is_known(code):
        return Place(DATA, row, MEASURE, "measure").fail(
            f"{code!r} is not a measure this TrustDesk knows"
        )
    measure = catalogue.measure(code)
    if not breakdown_code:
        return Place(DATA, row, CATEGORY, "category").fail(
            f"the total of {measure.label.lower()} has the category {category!r}; a total has none"
        )
    try:
        breakdown = measure.breakdown(breakdown_code)
    except KeyError:
        return Place(DATA, row, BREAKDOWN, "breakdown").fail(
            f"{measure.label} has no breakdown {breakdown_code!r}"
        )
    return Place(DATA, row, CATEGORY, "category").fail(
        f"{category!r} is not a category of {breakdown.label.lower()} in the trust's "
        f"configuration ({config.source.name if config.source else 'this trust'})"
    )


def _at(ret: Return, key: Key, column: int) -> Place:
    return Place(ret.figures_sheet, ret.data_rows.get(key, 0), column, "value")


def _name(key: Key) -> str:
    code, breakdown, category = key
    return " / ".join(filter(None, (code, breakdown, category)))
