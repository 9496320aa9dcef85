"""Which units' returns were edited after export, kept with each constituent of a
consolidated return received from below, so that the county's return says so too.

A space-separated list of unit codes, empty for a return taken in as it was made (as every
constituent kept before this was recorded).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("return_constituent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("edited", sa.String(length=2000), nullable=False, server_default="")
        )


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
