"""Which database, how to connect to it, and bringing its schema up to date (Alembic).

`--db` takes a SQLAlchemy URL (`postgresql+psycopg://user@127.0.0.1/claims`) or a file path (SQLite);
without it, DATABASE_URL, else `claims.db` in the working directory.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

DEFAULT_DATABASE = "claims.db"


class StoreError(Exception):
    """A database that cannot be used; str() is one line for the user."""


def database_url(db: str | None = None) -> str:
    """The URL to use: `db` (a URL or a path), else DATABASE_URL, else ./claims.db."""
    given = db or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    if "://" in given:
        try:
            url = make_url(given)
        except ArgumentError:
            raise StoreError(f"not a database URL: {given}") from None
        if url.drivername == "postgresql":  # psycopg 3 is the driver we ship, not psycopg2
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(given).expanduser()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_settings)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_settings(connection, _record) -> None:
    cursor = connection.cursor()
    # WAL: readers (the dashboard) are not blocked by the one writer, and a killed writer leaves the
    # last committed document intact. Foreign keys are off in SQLite unless asked for.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("claims") / "migrations"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Migrate the schema to `revision`; returns the revision now in place."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)
    return current_revision(engine)


def prepare(engine: Engine, url: str) -> None:
    """A new, empty database gets the schema; one behind the code's schema is an error that says
    what to run (a shared PostgreSQL store is never migrated behind its owner's back)."""
    try:
        current = current_revision(engine)
    except OperationalError as error:
        raise StoreError(f"cannot open database {safe_url(url)}: {str(error.orig).strip().splitlines()[0]}") from None
    if current is None:
        if _has_tables(engine):
            raise StoreError(f"{safe_url(url)} holds tables that are not a claims store")
        upgrade(engine)
    elif current != head_revision():
        raise StoreError(f"database {safe_url(url)} is at schema {current}, this claims needs {head_revision()}: "
                         "run `claims db upgrade`")


def _has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect
    return bool(inspect(engine).get_table_names())


def safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
