import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared material (corpus, models) that sits at ../shared beside the checkout."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        message = f"shared folder {path} is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def stanza_models(shared_dir):
    """Points stanza at the shared English tokenizer models (fails under CI=true if they are missing)."""
    models = shared_dir / "stanza_resources"
    if not (models / "resources.json").is_file():
        message = f"stanza models missing: {models}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    previous = os.environ.get("STANZA_RESOURCES_DIR")
    os.environ["STANZA_RESOURCES_DIR"] = str(models)
    yield models
    if previous is None:
        os.environ.pop("STANZA_RESOURCES_DIR", None)
    else:
        os.environ["STANZA_RESOURCES_DIR"] = previous


@pytest.fixture(scope="session")
def extract():
    """The fast path's extract(text) -> claims."""
    from claims.extract import load_extractor

    return load_extractor("fast").extract


# PostgreSQL: .ci/run starts a server and exports this (a URL to a database on it, whose role may
# CREATE DATABASE); each test gets a database of its own, dropped afterwards.
POSTGRES_ENV = "CLAIMS_TEST_POSTGRES"


def postgres_server() -> str:
    """The test server's URL; the test fails under CI=true (skips elsewhere) when there is none."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        message = f"{POSTGRES_ENV} is not set (bash scripts/postgres.sh starts a server and prints it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return server


def _postgres_database(request):
    from uuid import uuid4

    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(postgres_server())
    name = f"claims_test_{uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    request.addfinalizer(lambda: _drop_database(admin, name))
    return url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)


def _drop_database(admin: str, name: str) -> None:
    import time

    import psycopg
    for attempt in range(5):  # a session another role holds on it (autovacuum) may need a moment to end
        try:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == 4:
                raise
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty database of each kind the store runs on: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.db'}"
    return _postgres_database(request)


@pytest.fixture
def store(db_url):
    from claims.store import ClaimStore

    opened = ClaimStore(db_url)
    yield opened
    opened.close()
