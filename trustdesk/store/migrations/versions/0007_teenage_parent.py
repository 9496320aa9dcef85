"""Whether a young person is a teenage parent (a mother or father, or expecting), which a
return reports as a group beside young carers; every young person kept before is not one
until a coordinator says so.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("young_person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("teenage_parent", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
