"""The claim store: documents, speakers, topics and claims in SQLite or PostgreSQL (SQLModel)."""
from claims.store.database import StoreError, database_url
from claims.store.store import ClaimStore

__all__ = ["ClaimStore", "StoreError", "database_url"]
