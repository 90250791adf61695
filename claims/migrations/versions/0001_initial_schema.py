"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29

The tables of claims/store/tables.py, plus full-text search on claim text: an FTS5 table kept in step by
triggers on SQLite, a GIN index on the English tsvector on PostgreSQL.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5(text, content='claim', content_rowid='id')",
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
]
POSTGRES_FTS = "CREATE INDEX ix_claim_text_fts ON claim USING gin (to_tsvector('english', text))"


def upgrade() -> None:
    op.create_table('annotation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('user', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('annotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annotation_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_annotation_target_id'), ['target_id'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('outlet', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('speaker', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('source_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('ingested_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_ingested_at'), ['ingested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_url'), ['url'], unique=False)

    op.create_table('entity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('speaker',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('role_set_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('affiliation', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('speaker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_name'), ['name'], unique=False)

    op.create_table('topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('keywords', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entities', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('exclude', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('patterns', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('spans', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('machine_speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('speaker_role', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('speaker_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('mention_start', sa.Integer(), nullable=True),
    sa.Column('mention_end', sa.Integer(), nullable=True),
    sa.Column('mention_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('cue_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('said_on', sa.Date(), nullable=True),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('machine_missing', sa.Boolean(), nullable=False),
    sa.Column('corrected_speaker_id', sa.Integer(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['corrected_speaker_id'], ['speaker.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['machine_speaker_id'], ['speaker.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'start', 'end')
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_machine_speaker_id'), ['machine_speaker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_said_on'), ['said_on'], unique=False)
        batch_op.create_index('ix_claim_speaker_said_on', ['speaker_id', 'said_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_status'), ['status'], unique=False)

    op.create_table('speakeralias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=False),
    sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('speaker_id', 'key')
    )
    with op.batch_alter_table('speakeralias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speakeralias_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_speakeralias_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('claimentity',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'entity_id')
    )
    with op.batch_alter_table('claimentity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claimentity_entity_id'), ['entity_id'], unique=False)

    op.create_table('claimtopic',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('set_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'topic_id')
    )
    with op.batch_alter_table('claimtopic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claimtopic_topic_id'), ['topic_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    else:
        op.execute(POSTGRES_FTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS claim_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_claim_text_fts")
    with op.batch_alter_table('claimtopic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claimtopic_topic_id'))

    op.drop_table('claimtopic')
    with op.batch_alter_table('claimentity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claimentity_entity_id'))

    op.drop_table('claimentity')
    with op.batch_alter_table('speakeralias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakeralias_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_speakeralias_key'))

    op.drop_table('speakeralias')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_status'))
        batch_op.drop_index('ix_claim_speaker_said_on')
        batch_op.drop_index(batch_op.f('ix_claim_said_on'))
        batch_op.drop_index(batch_op.f('ix_claim_machine_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_claim_document_id'))

    op.drop_table('claim')
    op.drop_table('topic')
    with op.batch_alter_table('speaker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_name'))

    op.drop_table('speaker')
    op.drop_table('entity')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_url'))
        batch_op.drop_index(batch_op.f('ix_document_published'))
        batch_op.drop_index(batch_op.f('ix_document_outlet'))
        batch_op.drop_index(batch_op.f('ix_document_ingested_at'))

    op.drop_table('document')
    with op.batch_alter_table('annotation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annotation_target_id'))
        batch_op.drop_index(batch_op.f('ix_annotation_at'))

    op.drop_table('annotation')
