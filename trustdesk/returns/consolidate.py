"""A district's or county's own return: the sum of the current returns of the units below it,
and its board's own figures (its meetings, actions and the voice it heard), counted from its
own records and never added to the sums.

Figures are added up; rates are never stored, so they are worked out again from the summed
parts wherever they are shown (never averaged). The consolidated return lists each unit
below with the return it was built from, or says the unit's return is missing; it is
exported like any return (the same workbook and PDF, the PDF adding a comparison of the
constituents), so the county takes in a district's return exactly as a district takes in a
locality's.
"""

from __future__ import annotations

from sqlmodel import Session

from trustdesk.config.periods import Period
from trustdesk.returns import made_how
from trustdesk.returns.catalogue import figure_keys, is_board
from trustdesk.returns.model import Constituent, Return
from trustdesk.returns.partnership import count_board
from trustdesk.returns.received import current_records, load_returns
from trustdesk.returns.tally import put_into
from trustdesk.store.context import context, trust
from trustdesk.store.models import saved_id

MISSING = "missing"


def consolidate(session: Session, period: Period) -> Return:
    """The workspace unit's return for the period, added up from its constituents'."""
    config = trust(session)
    unit = context(session).unit
    below = config.children(unit.code)
    records = {r.unit_code: r for r in current_records(session, [period])}
    kept = [records[u.code] for u in below if u.code in records]
    returns = load_returns(session, kept, config)
    parts = [returns[saved_id(r)] for r in kept]

    figures = dict.fromkeys(figure_keys(config, unit.level), 0)
    for part in parts:
        for key, value in part.figures.items():
            if not is_board(key[0]):  # a board's own figures are its own, never summed
                figures[key] += value  # the importer took in only the catalogue's figures
    count_board(session, period, put_into(figures))
    constituents = [
        Constituent(
            r.unit_code,
            r.return_id,
            r.revision,
            r.fingerprint,
            r.review_status,
            _edited(r.unit_code, r.edited_after_export, returns.get(saved_id(r))),
            _made_how(r.unit_code, r.made_how, returns.get(saved_id(r))),
        )
        if (r := records.get(u.code))
        else Constituent(u.code, "", None, "", MISSING)
        for u in below
    ]
    return Return.of_unit(
        config.trust_name,
        unit,
        period,
        figures,
        case_studies=[c for part in parts for c in part.case_studies],
        voice=[v for part in parts for v in part.voice],
        partners=[p for part in parts for p in part.partners],
        constituents=constituents,
        parts=parts,
    )


def _edited(unit_code: str, edited: bool, part: Return | None) -> tuple[str, ...]:
    """The units edited after export among a constituent and those it was added up from."""
    below = [code for c in (part.constituents if part else []) for code in c.edited]
    return tuple(dict.fromkeys([unit_code] * edited + below))


def _made_how(unit_code: str, how: str, part: Return | None) -> made_how.Marks:
    """How a constituent's return, and those it was added up from, were made when not by
    TrustDesk from records (a return filled in by hand, or entered by the officer above)."""
    below = [c.made_how for c in (part.constituents if part else [])]
    return made_how.carried(unit_code, how, below)
