"""`claims topics list|add|edit`: the topic taxonomy. Parse, call claims.store, print."""
from __future__ import annotations

import click

from claims.cli_store import DB_OPTION, FORMAT_OPTION, USER_OPTION, StoreGroup, echo_records, open_store


def _words(value: str | None) -> list[str] | None:
    return None if value is None else [w.strip() for w in value.split(",") if w.strip()]


@click.group(cls=StoreGroup)
def topics() -> None:
    """The topic taxonomy claims are tagged with."""


@topics.command("list")
@DB_OPTION
@FORMAT_OPTION
def list_topics_command(db, output_format) -> None:
    """Topics with their keywords and claim counts."""
    from claims.output import topics_table
    from claims.store.queries import list_topics

    with open_store(db).session() as session:
        records = list_topics(session)
    echo_records(records, output_format, topics_table)


@topics.command()
@click.argument("name")
@click.option("--keywords", required=True, help="Comma-separated words and phrases.")
@click.option("--description")
@click.option("--entities", help="Comma-separated entity names that bring the topic, e.g. 'North Korea'.")
@DB_OPTION
@USER_OPTION
def add(name, keywords, description, entities, db, user) -> None:
    """Add a topic. Existing claims get it on `claims reextract`; new ones as they are ingested."""
    from claims.store.edits import save_topic

    with open_store(db).session() as session:
        topic = save_topic(session, name, user, keywords=_words(keywords), description=description,
                           entities=_words(entities) or [], create=True)
        click.echo(f"topic {topic.id}: {topic.name}")


@topics.command()
@click.argument("name")
@click.option("--keywords", help="Comma-separated; replaces the old list.")
@click.option("--description")
@click.option("--entities", help="Comma-separated; replaces the old list.")
@click.option("--rename", "new_name")
@DB_OPTION
@USER_OPTION
def edit(name, keywords, description, entities, new_name, db, user) -> None:
    """Change a topic's keywords, description, entities or name."""
    from claims.store.edits import save_topic

    with open_store(db).session() as session:
        topic = save_topic(session, name, user, keywords=_words(keywords), description=description,
                           entities=_words(entities), new_name=new_name)
        click.echo(f"topic {topic.id}: {topic.name}")
