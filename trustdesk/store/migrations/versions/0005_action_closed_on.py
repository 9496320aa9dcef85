"""The day an action was done *or dropped* (``closed_on``, which was ``done_date`` and kept
only the day an action was done), so that an action's status on any day is known and a past
period's "actions overdue" does not change when an action is dropped later.

An action already done keeps its date. One already dropped gets the date of the last meeting
that reviewed it: the meeting that dropped it, or, for one dropped outside a meeting, the
last meeting that found it still open (the best day known). One never reviewed keeps no
date, and counts as closed since it was agreed, as the returns already sent counted it.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LAST_REVIEWED = """
UPDATE meeting_action SET closed_on = (
    SELECT max(meeting.date) FROM action_review
    JOIN meeting ON meeting.id = action_review.meeting_id
    WHERE action_review.action_id = meeting_action.id
)
WHERE status IN ('done', 'dropped') AND closed_on IS NULL
"""


def upgrade() -> None:
    with op.batch_alter_table("meeting_action", schema=None) as batch_op:
        batch_op.alter_column("done_date", new_column_name="closed_on")
    op.execute(sa.text(LAST_REVIEWED))


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
