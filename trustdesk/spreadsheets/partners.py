"""Partners and the people in them, from a list a coordinator keeps: often a row for each
contact person, the partner's name repeated. A partner already in TrustDesk (the same name,
whatever its case and spacing) is matched, and so is a contact person it already has."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session, select

from trustdesk.services import partners
from trustdesk.spreadsheets.plan import Outcome, Preview
from trustdesk.spreadsheets.rows import Cells, Progress, Refused, go_through
from trustdesk.spreadsheets.table import Table
from trustdesk.spreadsheets.values import choice, text
from trustdesk.store.context import trust
from trustdesk.store.models import Partner, PartnerContact


def bring_in_partners(
    session: Session,
    table: Table,
    columns: Mapping[str, int],
    preview: Preview,
    *,
    progress: Progress | None = None,
) -> None:
    types = trust(session).names("partner_types")
    known = {_key(p.name): p.id for p in session.exec(select(Partner))}
    people = {(c.partner_id, _key(c.name)) for c in session.exec(select(PartnerContact))}

    def each(cells: Cells) -> tuple[Outcome, str, str]:
        name = text(cells.raw("partner"))
        if not name:
            raise Refused("no partner's name.", cells.heading("partner"))
        partner_id = known.get(_key(name))
        outcome: Outcome = "match"
        if partner_id is None:
            kind = cells.read("partner_type", lambda cell: choice(cell, types, "types of partner"))
            if kind is None:
                raise Refused(
                    f"{name} is new to TrustDesk and needs its type of partner: one of "
                    + ", ".join(types.values())
                    + ".",
                    cells.heading("partner_type"),
                )
            partner_id = partners.create_partner(
                session,
                name=name,
                partner_type=kind,
                address=text(cells.raw("address")),
                notes=text(cells.raw("notes")),
            ).id
            assert partner_id is not None
            known[_key(name)] = partner_id
            preview.added["partners"] += 1
            outcome = "add"
        contact = text(cells.raw("contact"))
        if not contact:
            return outcome, name, "" if outcome == "add" else "the partner is in TrustDesk"
        said = f"{name}: {contact}"
        if (partner_id, _key(contact)) in people:
            if outcome == "match":
                return "match", said, "the partner and this contact person are in TrustDesk"
            return outcome, said, ""
        partners.add_partner_contact(
            session,
            partner_id=partner_id,
            name=contact,
            role=text(cells.raw("role")),
            phone=text(cells.raw("phone")),
            email=text(cells.raw("email")),
        )
        people.add((partner_id, _key(contact)))
        preview.added["contact people"] += 1
        return "add", said, ""

    go_through(
        session,
        table,
        columns,
        preview,
        each,
        fields={"name": "partner", "partner_type": "partner_type"},
        progress=progress,
    )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
