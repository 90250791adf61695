"""`claims users add|list|passwd`: who may sign in to the dashboard. Parse, call claims.store.users, print."""
from __future__ import annotations

import sys

import click

from claims.cli_store import DB_OPTION, StoreGroup, open_store
from claims.roles import USER_ROLES


@click.group(cls=StoreGroup)
def users() -> None:
    """Dashboard users and their roles (viewer: read and export; analyst: annotate; admin: merge, edit topics)."""


@users.command()
@click.argument("name")
@click.option("--role", type=click.Choice(USER_ROLES), default="analyst", show_default=True)
@click.password_option(help="Asked for when not given (twice, hidden). Or pipe it in with --password-stdin.",
                       prompt_required=False, default=None)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@DB_OPTION
def add(name, role, password, password_stdin, db) -> None:
    """Add a user who can sign in to the dashboard."""
    from claims.store.users import add_user

    password = _password(password, password_stdin)
    with open_store(db).session() as session:
        user = add_user(session, name, role, password)
        click.echo(f"user {user.name} added ({user.role})")


@users.command("list")
@DB_OPTION
def list_users_command(db) -> None:
    """The users and their roles."""
    from claims.store.users import list_users

    with open_store(db).session() as session:
        for user in list_users(session):
            click.echo(f"{user.name}\t{user.role}\tsince {user.created_at:%Y-%m-%d}")


@users.command()
@click.argument("name")
@click.password_option(prompt_required=False, default=None, help="Asked for when not given.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@DB_OPTION
def passwd(name, password, password_stdin, db) -> None:
    """Set a user's password."""
    from claims.store.users import set_password

    password = _password(password, password_stdin)
    with open_store(db).session() as session:
        set_password(session, name, password)
        click.echo(f"password of {name} changed")


def _password(given: str | None, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if given is not None:
        return given
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)
