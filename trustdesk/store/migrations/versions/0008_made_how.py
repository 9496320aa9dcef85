"""How a return received was made when not by its unit's TrustDesk from its records: a blank
return workbook filled in by hand, or figures keyed in on the unit's behalf by the officer
above (``made_how``, empty for every return kept before this, which TrustDesk made); and, with
each constituent of a consolidated return received from below, the same for its units, so
that the county sees how each unit's return was made.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("return_record", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("made_how", sa.String(length=12), nullable=False, server_default="")
        )
    with op.batch_alter_table("return_constituent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("made_how", sa.String(length=2000), nullable=False, server_default="")
        )


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
