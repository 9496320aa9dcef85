"""What a coordinator records as evidence for a return: young people's voice, case studies,
and what the locality spent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from trustdesk.ops import Changed
from trustdesk.ops.records import save_with
from trustdesk.services import evidence, spending

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def save_voice(workspace: Workspace, voice_id: int | None, values: Mapping[str, Any]) -> Changed:
    """What young people said and what changed because of it, new or changed."""
    return save_with(
        workspace, "voice", evidence.record_voice, evidence.update_voice, voice_id, values
    )


def save_case_study(
    workspace: Workspace, case_study_id: int | None, values: Mapping[str, Any]
) -> Changed:
    """A case study and the ECM outcomes it shows, new or changed."""
    return save_with(
        workspace,
        "case_study",
        evidence.create_case_study,
        evidence.update_case_study,
        case_study_id,
        values,
    )


def save_spend(workspace: Workspace, spend_id: int | None, values: Mapping[str, Any]) -> Changed:
    """A line of spending, new or changed."""
    return save_with(
        workspace, "spend", spending.record_spend, spending.update_spend, spend_id, values
    )
