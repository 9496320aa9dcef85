"""Alembic environment: always run by trustdesk.store.migrate on a connection it owns."""

from alembic import context
from sqlmodel import SQLModel

import trustdesk.store.models  # noqa: F401  (registers every table on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("TrustDesk migrations run through trustdesk.store.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move instead
    transactional_ddl=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
