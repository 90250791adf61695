"""Alembic environment: the connection comes from claims.store.database (no alembic.ini needed)."""
from alembic import context

import claims.store.tables  # noqa: F401  the tables, for autogenerate
from sqlmodel import SQLModel

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
