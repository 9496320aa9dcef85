"""What a coordinator does with partners and the people in them, and with the contact log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.records import save_with
from trustdesk.services import contact_log, partners

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def save_partner(
    workspace: Workspace, partner_id: int | None, values: Mapping[str, Any]
) -> Changed:
    """A new partner (``partner_id`` None) or changed details of one."""
    return save_with(
        workspace, "partner", partners.create_partner, partners.update_partner, partner_id, values
    )


def add_contact_person(workspace: Workspace, partner_id: int, values: Mapping[str, Any]) -> Changed:
    """Someone the locality deals with at a partner."""

    def work(session: Session) -> Changed:
        person = partners.add_partner_contact(session, partner_id=partner_id, **values)
        return Changed.of("contact_person", record_id=person.id)

    return ops.change(workspace, work)


def save_contact(workspace: Workspace, entry_id: int | None, values: Mapping[str, Any]) -> Changed:
    """A call, e-mail or meeting with a partner in the contact log, new or changed."""
    return save_with(
        workspace,
        "contact",
        contact_log.log_contact,
        contact_log.update_contact_log_entry,
        entry_id,
        values,
    )
