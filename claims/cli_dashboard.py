"""`claims dashboard`: open the analysts' Streamlit app on a store (a thin shell over `streamlit run`)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claims.cli_store import DB_OPTION, open_store

APP = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
DEFAULT_OPTIONS = {"--client.toolbarMode": "minimal", "--browser.gatherUsageStats": "false"}


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@DB_OPTION
@click.pass_context
def dashboard(ctx: click.Context, db: str | None) -> None:
    """Open the dashboard (Streamlit options pass through, e.g. --server.port 8600 --server.headless true).

    On a store without users, a first user `admin` is created and its password printed once."""
    from claims.store.users import FIRST_ADMIN, ensure_first_admin

    if not APP.is_file():
        raise click.ClickException(f"the dashboard is not installed here ({APP} is missing)")
    store = open_store(db)
    with store.session() as session:
        password = ensure_first_admin(session)
    if password:
        click.echo(f"First run: sign in as {FIRST_ADMIN} with password {password}\n"
                   f"(change it with `claims users passwd {FIRST_ADMIN}`; add others with `claims users add NAME`)")
    os.environ["DATABASE_URL"] = store.url
    store.close()
    sys.stdout.flush()
    # Analysts need no "Deploy" button, and nothing is reported to Streamlit; the user's options win.
    given = {argument.split("=")[0] for argument in ctx.args if argument.startswith("--")}
    defaults = [f"{option}={value}" for option, value in DEFAULT_OPTIONS.items() if option not in given]
    os.execv(sys.executable, [sys.executable, "-m", "streamlit", "run", str(APP), *defaults, *ctx.args])
