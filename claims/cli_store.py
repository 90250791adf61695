"""The store's commands (`claims ingest`, `list`, `speakers`, `topics`, `reextract`, `db`): parse, call
claims.store, print. Registered on the `claims` group in claims/cli.py."""
from __future__ import annotations

import functools
import getpass
import json
import sys

import click

from claims.extract.document_kinds import DOCUMENT_KINDS
from claims.model import KINDS

# claims.store (SQLAlchemy, Alembic) is imported only by the commands that use it: `claims extract` and
# `claims --help` start without it (about 0.3 s).

DB_OPTION = click.option("--db", envvar="DATABASE_URL", show_envvar=True,
                         help="Database URL (postgresql+psycopg://user@host/name) or SQLite file [default: claims.db].")
USER_OPTION = click.option("--user", default=getpass.getuser, show_default="your login name",
                           help="Who makes the change (recorded in the annotation log).")
FORMAT_OPTION = click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table",
                             show_default=True)
DATE = click.DateTime(formats=["%Y-%m-%d"])


def open_store(db: str | None):
    """The ClaimStore at `db`, or a one-line error."""
    from sqlalchemy.exc import SQLAlchemyError

    from claims.store import ClaimStore, StoreError

    try:
        return ClaimStore(db)
    except StoreError as error:
        raise click.ClickException(str(error))
    except SQLAlchemyError as error:
        raise click.ClickException(f"cannot open database: {_first_line(error)}")


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


class StoreGroup(click.Group):
    """Turns an edit that cannot be made, or a database failure mid-command, into one line, exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Exception as error:  # imported here: a command that never opened the store need not load it
            from sqlalchemy.exc import SQLAlchemyError

            from claims.store.edits import EditError

            if isinstance(error, EditError):
                raise click.ClickException(str(error))
            if isinstance(error, SQLAlchemyError):
                raise click.ClickException(f"database error: {_first_line(error)}")
            raise


def echo_records(records, output_format: str, table) -> None:
    if output_format == "jsonl":
        for record in records:
            click.echo(json.dumps(record.to_json(), ensure_ascii=False, default=str))
    else:
        click.echo(table(records))


def register(cli: click.Group) -> None:
    from claims import cli_dashboard, cli_export, cli_speakers, cli_topics, cli_users
    for command in (ingest, list_command, reextract, db, cli_speakers.speakers, cli_topics.topics, cli_users.users,
                    cli_dashboard.dashboard, cli_export.export):
        cli.add_command(command)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--outlet", help="The outlet of these documents (a record's own outlet wins).")
@click.option("--format", "input_format", type=click.Choice(["auto", "txt", "html", "jsonl", "csv"]), default="auto",
              show_default=True)
@click.option("--kind", type=click.Choice(DOCUMENT_KINDS), default="article", show_default=True,
              help="statement: the author (--speaker) speaks every claim-making sentence; transcript: labelled turns.")
@click.option("--speaker", help="A statement's author, e.g. 'Ministry of Foreign Affairs of Japan'.")
@click.option("--metadata", type=click.Path(dir_okay=False, exists=True),
              help="TSV/CSV with a filename column (file stem): outlet, date, author and title per file.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to extract in; one writer stores the results.")
@click.option("--nlp", type=click.Choice(["auto", "stanza", "fast"]), default="auto", show_default=True)
def ingest(inputs, db, outlet, input_format, kind, speaker, metadata, workers, nlp) -> None:
    """Store the claims of files, directories, URLs or '-' (stdin) in the database."""
    from claims.cli import load_extractor_or_fail
    from claims.sources import iter_sources
    from claims.sources.metadata import load_metadata
    from claims.store.ingest import ingest as ingest_sources

    if kind == "statement" and not speaker:
        raise click.UsageError("--kind statement needs --speaker (the statement's author)")
    table = load_metadata(metadata) if metadata else None
    store = open_store(db)
    extractor = load_extractor_or_fail(nlp)
    sources = iter_sources(inputs, format=input_format, outlet=outlet, kind=kind, speaker=speaker, metadata=table)
    with _progress() as step:
        summary = ingest_sources(store, sources, extractor, workers=workers,
                                 report=lambda message: click.echo(message, err=True), progress=step)
    click.echo(summary.line())
    if summary.failed and not summary.new and not summary.duplicate:
        sys.exit(1)


class _progress:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm
            self.bar = tqdm(unit="doc", file=sys.stderr, leave=False)
        return lambda name: self.bar.update(1) if self.bar is not None else None

    def __exit__(self, *exc):
        if self.bar is not None:  # not `if self.bar`: tqdm without a total refuses bool()
            self.bar.close()


CLAIM_FILTER_OPTIONS = (
    click.option("--speaker", "speakers", multiple=True, help="Speaker name, alias or id (repeatable)."),
    click.option("--topic", "topics", multiple=True),
    click.option("--entity", "entities", multiple=True, help="A country or organisation, e.g. 'North Korea'."),
    click.option("--outlet", "outlets", multiple=True),
    click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS)),
    click.option("--status", "statuses", multiple=True),
    click.option("--since", type=DATE, help="YYYY-MM-DD, on the date said."),
    click.option("--until", type=DATE),
    click.option("--search", help="Words the claim's text must contain."),
)


def claim_filter_options(command):
    """The claim filter options (`claims list`, `claims export`), handed to the command as one
    `claim_filter` (claims.store.queries.ClaimFilter) instead of nine arguments."""
    @functools.wraps(command)
    def with_claim_filter(*args, speakers, topics, entities, outlets, kinds, statuses, since, until, search,
                          **kwargs):
        from claims.store.queries import ClaimFilter
        claim_filter = ClaimFilter(speakers=speakers, topics=topics, entities=entities, outlets=outlets, kinds=kinds,
                                   statuses=statuses, since=since.date() if since else None,
                                   until=until.date() if until else None, search=search)
        return command(*args, claim_filter=claim_filter, **kwargs)

    for option in reversed(CLAIM_FILTER_OPTIONS):
        with_claim_filter = option(with_claim_filter)
    return with_claim_filter


@click.command("list")
@DB_OPTION
@claim_filter_options
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@FORMAT_OPTION
def list_command(db, claim_filter, limit, offset, output_format) -> None:
    """Stored claims, filtered, in date order."""
    from claims.output import claims_table
    from claims.store.queries import count_claims, list_claims

    store = open_store(db)
    with store.session() as session:
        records = list_claims(session, claim_filter, limit=limit, offset=offset)
        total = count_claims(session, claim_filter) if output_format == "table" else None
    echo_records(records, output_format, claims_table)
    if total is not None:
        click.echo(f"{len(records)} of {total} claim(s)", err=True)


@click.command()
@DB_OPTION
@click.option("--since", type=DATE, help="Only documents published on or after YYYY-MM-DD.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--nlp", type=click.Choice(["auto", "stanza", "fast"]), default="auto", show_default=True)
def reextract(db, since, workers, nlp) -> None:
    """Re-run the extractor over stored documents; analysts' corrections are kept."""
    from claims.cli import load_extractor_or_fail
    from claims.store.reextract import reextract as reextract_documents

    store = open_store(db)
    extractor = load_extractor_or_fail(nlp)
    with _progress() as step:
        summary = reextract_documents(store, extractor, since=since.date() if since else None, workers=workers,
                                      progress=step)
    click.echo(summary.line())


@click.group(cls=StoreGroup)
def db() -> None:
    """The database's schema."""


@db.command()
@DB_OPTION
@click.option("--revision", default="head", show_default=True)
def upgrade(db, revision) -> None:
    """Migrate the database's schema (Alembic) to the latest revision."""
    from claims.store.database import StoreError, database_url, make_engine, safe_url
    from claims.store.database import upgrade as upgrade_schema

    try:
        url = database_url(db)
        now = upgrade_schema(make_engine(url), revision)
    except StoreError as error:
        raise click.ClickException(str(error))
    click.echo(f"{safe_url(url)}: schema at {now}")
