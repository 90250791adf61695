"""Alembic environment: the connection comes from claims.store.database (no alembic.ini needed)."""
from alembic import context

import claims.store.tables  # noqa: F401  the tables, for autogenerate
from sqlmodel import SQLModel

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    # The FTS5 table and its shadow tables are made by hand in 0001, not by the models.
    return not (type_ == "table" and reflected and name.startswith("claim_fts"))


context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True,
                  include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
