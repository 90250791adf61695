"""Dashboard users: roles and permissions, Argon2 hashes, the first admin, `claims users`; and the schema
migration that added them (a database at the older schema asks for `claims db upgrade`, which brings it up)."""
import pytest
from click.testing import CliRunner
from sqlmodel import select

from claims.cli import cli
from claims.store import ClaimStore, StoreError
from claims.store.database import database_url, make_engine, upgrade
from claims.store.edits import EditError
from claims.store.tables import User
from claims.store.users import add_user, authenticate, can, ensure_first_admin, set_password


def test_roles_grant_what_the_roles_below_them_grant():
    assert can("viewer", "read") and can("viewer", "export") and not can("viewer", "annotate")
    assert can("analyst", "annotate") and can("analyst", "add-sources") and not can("analyst", "merge")
    assert not can("viewer", "add-sources")
    assert all(can("admin", action) for action in ("read", "export", "annotate", "merge", "edit-topics"))
    assert not can(None, "read") and not can("guest", "read")


def test_passwords_are_hashed_and_checked(store):
    with store.session() as session:
        add_user(session, "ana", "analyst", "correct horse")
        stored = session.exec(select(User).where(User.name == "ana")).one()
        assert "correct horse" not in stored.password_hash and stored.password_hash.startswith("$argon2")
        assert authenticate(session, "ana", "correct horse").role == "analyst"
        assert authenticate(session, "ana", "wrong horse") is None
        assert authenticate(session, "nobody", "correct horse") is None
        set_password(session, "ana", "battery staple")
        assert authenticate(session, "ana", "battery staple") is not None
        with pytest.raises(EditError, match="exists already"):
            add_user(session, "ana", "viewer", "another one")
        with pytest.raises(EditError, match="at least 8"):
            add_user(session, "bo", "viewer", "short")
        with pytest.raises(EditError, match="role must be one of"):
            add_user(session, "bo", "owner", "long enough")


def test_the_first_admin_is_made_once(store):
    with store.session() as session:
        password = ensure_first_admin(session)
        assert password and authenticate(session, "admin", password).role == "admin"
        assert ensure_first_admin(session) is None


def test_users_command(db_url):
    runner = CliRunner()
    added = runner.invoke(cli, ["users", "add", "ana", "--role", "viewer", "--password-stdin", "--db", db_url],
                          input="a long password\n")
    assert added.exit_code == 0 and added.stdout.strip() == "user ana added (viewer)"
    listed = runner.invoke(cli, ["users", "list", "--db", db_url])
    assert listed.stdout.startswith("ana\tviewer\t")
    again = runner.invoke(cli, ["users", "add", "ana", "--password-stdin", "--db", db_url], input="a long password\n")
    assert again.exit_code == 1 and again.stderr.strip() == "Error: user 'ana' exists already"
    with ClaimStore(db_url).session() as session:
        assert authenticate(session, "ana", "a long password") is not None


def test_an_older_schema_is_upgraded_by_claims_db_upgrade(db_url):
    upgrade(make_engine(database_url(db_url)), "0001")
    with pytest.raises(StoreError, match="run `claims db upgrade`"):
        ClaimStore(db_url)
    result = CliRunner().invoke(cli, ["list", "--db", db_url])
    assert result.exit_code == 1 and "claims db upgrade" in result.stderr
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0 and result.stdout.rstrip().endswith("schema at 0003")
    ClaimStore(db_url).close()
