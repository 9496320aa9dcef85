"""The case studies, voice entries and partner lines of the returns a district or county
receives, kept so that its consolidated return can pass them on.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_record_id"],
            ["return_record.id"],
            name=op.f("fk_return_text_return_record_id_return_record"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_text")),
    )
    with op.batch_alter_table("return_text", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_text_return_record_id"), ["return_record_id"], unique=False
        )


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
