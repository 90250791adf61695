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
