"""stemmed search on SQLite: the FTS5 table with the Porter stemmer, as PostgreSQL's English search stems

A search for "sanction" finds "sanctions" on both databases.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TRIGGERS = [
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
]


def _rebuild(tokenize: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's index (0001) stems already
    for trigger in ("claim_fts_insert", "claim_fts_delete", "claim_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS claim_fts")
    op.execute(f"CREATE VIRTUAL TABLE claim_fts USING fts5(text, content='claim', content_rowid='id'{tokenize})")
    for statement in TRIGGERS:
        op.execute(statement)
    op.execute("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')")  # index the claims already stored


def upgrade() -> None:
    _rebuild(", tokenize='porter unicode61'")


def downgrade() -> None:
    _rebuild("")
