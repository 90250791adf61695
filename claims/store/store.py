"""ClaimStore: one database, opened and brought to a usable state; sessions on it."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlmodel import Session

from claims.store.database import database_url, make_engine, prepare, safe_url


class ClaimStore:
    """Opens `db` (a URL or a SQLite path; default DATABASE_URL, else ./claims.db). A new database gets
    the schema and the default topic taxonomy; one at an older schema asks for `claims db upgrade`."""

    def __init__(self, db: str | None = None, migrate: bool = True):
        self.url = database_url(db)
        self.engine = make_engine(self.url)
        if migrate:
            prepare(self.engine, self.url)
            from claims.store.tagging import seed_default_topics
            with self.session() as session:
                seed_default_topics(session)

    @property
    def display_url(self) -> str:
        return safe_url(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
