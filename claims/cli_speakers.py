"""`claims speakers list|show|merge|rename|set-role`: parse, call claims.store, print."""
from __future__ import annotations

import json

import click

from claims.cli_store import DB_OPTION, FORMAT_OPTION, USER_OPTION, StoreGroup, echo_records, open_store
from claims.model import SPEAKER_KINDS


@click.group(cls=StoreGroup)
def speakers() -> None:
    """The speakers in the store: list, profile, merge, rename, set a role."""


def _one_speaker(session, name_or_id: str):
    from claims.store.queries import find_speakers

    found = find_speakers(session, name_or_id)
    if not found:
        raise click.ClickException(f"no speaker {name_or_id!r}")
    if len(found) > 1:
        choices = ", ".join(f"{s.id} ({s.name})" for s in found)
        raise click.ClickException(f"{name_or_id!r} names several speakers: {choices}; give an id")
    return found[0]


@speakers.command("list")
@DB_OPTION
@click.option("--search", help="Part of a name or alias.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(SPEAKER_KINDS))
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@FORMAT_OPTION
def list_speakers_command(db, search, kinds, limit, output_format) -> None:
    """Speakers, most-quoted first."""
    from claims.output import speakers_table
    from claims.store.queries import list_speakers

    with open_store(db).session() as session:
        records = list_speakers(session, search=search, kinds=kinds, limit=limit)
    echo_records(records, output_format, speakers_table)


@speakers.command()
@click.argument("name")
@DB_OPTION
@FORMAT_OPTION
def show(name, db, output_format) -> None:
    """One speaker's profile: aliases, roles over time, top topics, activity."""
    from claims.output import profile_text
    from claims.store.queries import speaker_profile

    with open_store(db).session() as session:
        profile = speaker_profile(session, _one_speaker(session, name).id)
    if output_format == "jsonl":
        click.echo(json.dumps(profile.to_json(), ensure_ascii=False))
    else:
        click.echo(profile_text(profile))


@speakers.command()
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@DB_OPTION
@USER_OPTION
def merge(keep, others, db, user) -> None:
    """Fold the OTHERS into KEEP (names or ids): claims and aliases move to KEEP."""
    from claims.store.edits import merge_speakers

    with open_store(db).session() as session:
        kept = _one_speaker(session, keep)
        other_ids = [_one_speaker(session, other).id for other in others]
        merge_speakers(session, kept.id, other_ids, user)
        click.echo(f"merged {len(other_ids)} speaker(s) into {kept.id} ({kept.name})")


@speakers.command()
@click.argument("speaker_id", type=int)
@click.argument("name")
@DB_OPTION
@USER_OPTION
def rename(speaker_id, name, db, user) -> None:
    """Give speaker SPEAKER_ID a new canonical NAME (the old one stays an alias)."""
    from claims.store.edits import rename_speaker

    with open_store(db).session() as session:
        speaker = rename_speaker(session, speaker_id, name, user)
        click.echo(f"speaker {speaker.id} is now {speaker.name}")


@speakers.command("set-role")
@click.argument("speaker_id", type=int)
@click.argument("role")
@DB_OPTION
@USER_OPTION
def set_role(speaker_id, role, db, user) -> None:
    """Set speaker SPEAKER_ID's current ROLE ('' clears it); ingestion will not change it afterwards."""
    from claims.store.edits import set_speaker_role

    with open_store(db).session() as session:
        speaker = set_speaker_role(session, speaker_id, role, user)
        click.echo(f"speaker {speaker.id} ({speaker.name}): role {speaker.role or '(none)'}")
