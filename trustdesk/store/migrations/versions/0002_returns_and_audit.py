"""Returns made and received, the audit trail, and erasure of a young person's details.

Adds ``young_person.erased_at`` through batch mode, as every column change must be on SQLite
(where a change cannot be done in place, batch mode re-creates the table; migrations run with
foreign keys off so that re-creating ``young_person`` can never cascade to attendance).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("os_user", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=40), nullable=False),
        sa.Column("changes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)

    op.create_table(
        "return_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("direction", sa.String(length=12), nullable=False),
        sa.Column("format_version", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("made_by", sa.String(length=60), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("edited_after_export", sa.Boolean(), nullable=False),
        sa.Column("review_status", sa.String(length=12), nullable=False),
        sa.Column("review_note", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_record")),
        sa.UniqueConstraint(
            "return_id", "revision", name=op.f("uq_return_record_return_id_revision")
        ),
    )
    with op.batch_alter_table("return_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_record_period"), ["period"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_record_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "return_constituent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_record_id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("constituent_return_id", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_record_id"],
            ["return_record.id"],
            name=op.f("fk_return_constituent_return_record_id_return_record"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_constituent")),
    )
    with op.batch_alter_table("return_constituent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_constituent_return_record_id"), ["return_record_id"], unique=False
        )

    op.create_table(
        "return_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_record_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=60), nullable=False),
        sa.Column("breakdown", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_record_id"],
            ["return_record.id"],
            name=op.f("fk_return_figure_return_record_id_return_record"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_figure")),
    )
    with op.batch_alter_table("return_figure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_figure_return_record_id"), ["return_record_id"], unique=False
        )

    with op.batch_alter_table("young_person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("TrustDesk never downgrades a workspace: restore a backup instead.")
