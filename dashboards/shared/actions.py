"""What a user changes: edits (each checked against the user's role, each clearing the read caches),
sources added on the spot, and quote sheets."""
from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from claims.store import edits, queries
from shared.access import _open_store, _read, _require, db_url, invalidate, store
from shared.filters import Filters

NLP_ENV = "CLAIMS_NLP"  # the extractor for sources added in the dashboard: auto (default), stanza or fast
EditError = edits.EditError


def _edit(action: str, function: Callable, *args, **kwargs):
    user = _require(action)
    with store().session() as session:
        result = function(session, *args, user=user, **kwargs)
    invalidate()
    return result


def save_review(claim_id: int, status: str, note: str, topics: Sequence[str]) -> list[str]:
    """Status, note and topics of a claim, each written (and logged) only when it changed; what changed."""
    _require("annotate")
    detail = _read(queries.claim_detail, claim_id)  # not the cached one: compare with what is stored now
    if detail is None:
        raise EditError(f"no claim with id {claim_id}")
    claim, changed = detail.claim, []
    if status != claim.status:
        _edit("annotate", edits.set_status, claim_id, status)
        changed.append(f"status {status}")
    if (note or "").strip() != (claim.note or ""):
        _edit("annotate", edits.set_note, claim_id, (note or "").strip() or None)
        changed.append("note")
    if sorted(topics) != sorted(claim.topics):
        _edit("annotate", edits.set_claim_topics, claim_id, list(topics))
        changed.append("topics")
    return changed


def correct_speaker(claim_id: int, speaker_id: int | None) -> None:
    _edit("annotate", edits.correct_speaker, claim_id, speaker_id)


def create_speaker(name: str, kind: str | None, role: str | None, affiliation: str | None) -> int:
    speaker = _edit("annotate", edits.create_speaker, name, kind, role=role or None,
                    affiliation=affiliation or None)
    return speaker.id


def merge_speakers(keep_id: int, other_id: int) -> None:
    _edit("merge", edits.merge_speakers, keep_id, [other_id])


@st.cache_resource(show_spinner="Loading the extractor…")
def _extractor(nlp: str):
    from claims.extract import load_extractor
    return load_extractor(nlp)


def add_sources(inputs: Sequence[str], progress: Callable[[int, int, str], None], outlet: str | None = None,
                kind: str = "article", metadata: dict | None = None, shown_as: dict[str, str] | None = None):
    """Reads `inputs` (paths or URLs) with iter_sources and ingests them; `progress(done, total, name)`
    after each document. The IngestSummary. `shown_as` renames temporary paths in names and problems."""
    _require("add-sources")
    from claims.sources import iter_sources
    from claims.store.ingest import ingest

    def shown(text: str) -> str:
        for path, name in (shown_as or {}).items():
            text = text.replace(path, name)
        return text

    # Read first (in memory: uploads and pastes are small), so the progress bar knows its length.
    sources = []
    for name, document, problem in iter_sources(inputs, outlet=outlet or None, kind=kind, metadata=metadata):
        if document is not None:
            document.name = shown(document.name)  # kept as the document's source: not a temporary path
        sources.append((shown(name), document, shown(problem) if problem else None))
    done = 0

    def step(name: str) -> None:
        nonlocal done
        done += 1
        progress(done, len(sources), name)

    summary = ingest(store(), sources, _extractor(os.environ.get(NLP_ENV) or "auto"), progress=step)
    invalidate()
    return summary


def add_pasted_text(text: str, progress: Callable[[int, int, str], None], title: str | None = None,
                    outlet: str | None = None, published: dt.date | None = None, url: str | None = None,
                    kind: str = "article"):
    """A pasted text, read like a .txt file (so its own headline and date lines count too)."""
    with tempfile.TemporaryDirectory(prefix="claims-paste-") as folder:
        path = Path(folder) / "pasted.txt"
        path.write_text(text, encoding="utf-8")
        row = {"title": title or None, "url": url or None, "published": published}
        return add_sources([str(path)], progress, outlet=outlet, kind=kind,
                           metadata={"pasted": {k: v for k, v in row.items() if v is not None}},
                           shown_as={str(path): "pasted text"})


def add_uploads(files: Sequence[tuple[str, bytes]], progress: Callable[[int, int, str], None],
                outlet: str | None = None, kind: str = "article"):
    """Uploaded files, written to a temporary folder under their own names (their suffix tells the format)."""
    with tempfile.TemporaryDirectory(prefix="claims-upload-") as folder:
        paths = {}
        for number, (name, data) in enumerate(files):
            path = Path(folder) / str(number) / Path(name).name  # a folder each: two uploads may share a name
            path.parent.mkdir()
            path.write_bytes(data)
            paths[str(path)] = path.name
        return add_sources(list(paths), progress, outlet=outlet, kind=kind, shown_as=paths)


def _render_export(url: str, filters: Filters, group_by: str, fmt: str, limit: int | None) -> bytes:
    # Runs when the button is clicked, outside the script run (no session state there): plain arguments only.
    from claims.export import quote_sheet, render
    with _open_store(url).session() as session:
        sheet = quote_sheet(session, filters.claim_filter(), group_by=group_by, limit=limit)
    return render(sheet, fmt)


def export_callback(filters: Filters, group_by: str, fmt: str, limit: int | None = None) -> Callable[[], bytes]:
    """The quote sheet file (claims.export) for a download button, rendered only when the button is
    clicked (a DOCX of thousands of quotes takes a while). The permission is checked now, in the run."""
    _require("export")
    return functools.partial(_render_export, db_url(), filters, group_by, fmt, limit)
