"""Every query the CLI, the exports and the dashboard read through, on a small corpus of dated
articles from two outlets, on SQLite and PostgreSQL."""
import datetime as dt
from pathlib import Path
import json

import pytest

from claims.extract import load_extractor
from claims.sources import iter_sources
from claims.store.edits import set_status
from claims.store.ingest import ingest
from claims.store.queries import (ClaimFilter, count_claims, find_speakers, list_claims, list_speakers, list_topics,
                                  speaker_profile, timeline)

ARTICLES = [
    ("2025-01-06", "Yonhap", "Secretary of State Antony Blinken said North Korea’s missile launches threatened the region."),
    ("2025-01-08", "Yonhap", "Blinken said sanctions on Russia would stay until the war in Ukraine ends."),
    ("2025-02-03", "Reuters", "Foreign Minister Cho Tae-yul said the alliance with Washington remained strong."),
    ("2025-02-20", "Reuters", "Blinken said trade talks with Japan would resume in March."),
]


@pytest.fixture
def corpus(store, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": text, "published": day, "outlet": outlet, "title": f"Story {i}",
                                        "url": f"https://example.org/{i}"}) + "\n"
                            for i, (day, outlet, text) in enumerate(ARTICLES)), encoding="utf-8")
    summary = ingest(store, iter_sources([str(feed)]), load_extractor("fast"))
    assert (summary.new, summary.failed, summary.claims) == (4, 0, 4)
    with store.session() as session:
        yield session


def texts(session, **filters):
    return [c.text for c in list_claims(session, ClaimFilter(**filters), limit=None)]


def test_each_filter_narrows(corpus):
    assert len(texts(corpus)) == 4
    assert len(texts(corpus, speakers=["Blinken"])) == 3
    assert len(texts(corpus, speakers=["Antony Blinken", "Cho Tae-yul"])) == 4
    assert texts(corpus, speakers=["Cho"]) == []  # Cho Tae-yul's surname alone was never seen
    assert texts(corpus, outlets=["reuters"]) == texts(corpus, since=dt.date(2025, 2, 1))
    assert len(texts(corpus, since=dt.date(2025, 1, 7), until=dt.date(2025, 2, 10))) == 2
    assert texts(corpus, entities=["North Korea"]) == texts(corpus, topics=["Nuclear and missile programmes"])
    assert len(texts(corpus, entities=["Russia"])) == 1
    assert any("sanctions" in t for t in texts(corpus, topics=["Sanctions"]))
    assert texts(corpus, kinds=["direct"]) == []


def test_search_matches_words_not_syntax(corpus):
    assert len(texts(corpus, search="sanctions")) == 1
    assert len(texts(corpus, search="trade talks")) == 1
    assert texts(corpus, search="talks \"OR\" sanctions NEAR(") == []  # FTS syntax is read as plain words
    assert texts(corpus, search="...") == texts(corpus)


def test_status_filter_and_paging(corpus):
    first = list_claims(corpus, ClaimFilter(), limit=2)
    second = list_claims(corpus, ClaimFilter(), limit=2, offset=2)
    assert [c.said_on for c in first + second] == sorted(c.said_on for c in first + second)
    assert not {c.id for c in first} & {c.id for c in second}
    set_status(corpus, first[0].id, "verified", "ana")
    assert [c.id for c in list_claims(corpus, ClaimFilter(statuses=["verified"]))] == [first[0].id]
    assert count_claims(corpus, ClaimFilter(statuses=["unreviewed"])) == 3


def test_timeline_by_period(corpus):
    by_month = timeline(corpus, ClaimFilter(), by="speaker", period="month")
    assert by_month == [(dt.date(2025, 1, 1), "Antony Blinken", 2), (dt.date(2025, 2, 1), "Antony Blinken", 1),
                        (dt.date(2025, 2, 1), "Cho Tae-yul", 1)]
    by_week = timeline(corpus, ClaimFilter(speakers=["Blinken"]), by=None, period="week")
    assert by_week == [(dt.date(2025, 1, 6), None, 2), (dt.date(2025, 2, 17), None, 1)]
    by_day = timeline(corpus, ClaimFilter(), by="topic", period="day")
    assert (dt.date(2025, 1, 8), "Sanctions", 1) in by_day


def test_speakers_and_profile(corpus):
    speakers = list_speakers(corpus)
    assert [(s.name, s.claims) for s in speakers[:2]] == [("Antony Blinken", 3), ("Cho Tae-yul", 1)]
    blinken = find_speakers(corpus, "blinken")[0]
    profile = speaker_profile(corpus, blinken.id)
    assert profile.speaker.claims == 3
    assert profile.roles[0][0] == "Secretary of State"
    assert profile.activity == [(dt.date(2025, 1, 1), 2), (dt.date(2025, 2, 1), 1)]
    assert "Sanctions" in dict(profile.topics)
    assert profile.to_json()["activity"][0] == {"month": "2025-01-01", "claims": 2}


def test_topics_with_counts(corpus):
    topics = {t.name: t for t in list_topics(corpus)}
    assert topics["Sanctions"].claims == 1 and topics["Trade"].claims == 1
    assert "sanction" in [k.lower() for k in topics["Sanctions"].keywords]


def test_documents_outlets_entities_and_one_claim_in_detail(corpus):
    from claims.store.queries import claim_detail, count_documents, entities, list_documents, outlets

    assert outlets(corpus) == ["Reuters", "Yonhap"]
    assert count_documents(corpus) == 4
    documents = list_documents(corpus)
    assert [d.published for d in documents] == sorted((d.published for d in documents), reverse=True)
    assert all(d.claims == 1 for d in documents)
    assert [d.title for d in list_documents(corpus, search="Story 2")] == ["Story 2"]
    assert ("Russia", "country", 1) in entities(corpus)
    claim = list_claims(corpus, ClaimFilter(search="sanctions"))[0]
    detail = claim_detail(corpus, claim.id)
    assert detail.document_text[detail.claim.start:detail.claim.end] == detail.claim.text
    assert detail.speaker.name == "Antony Blinken" and detail.machine_speaker == "Antony Blinken"
    assert detail.document_text[slice(*detail.cue)] == "said"
    assert claim_detail(corpus, 10**6) is None


def test_search_finds_other_forms_of_a_word(corpus):
    """Stemmed on both databases (PostgreSQL's English search, FTS5's Porter stemmer on SQLite)."""
    assert texts(corpus, search="sanction") == texts(corpus, search="sanctions") != []
    assert texts(corpus, search="resuming") == texts(corpus, search="resume") != []


def test_claims_stored_before_the_stemmed_index_are_found_after_the_upgrade(db_url):
    from click.testing import CliRunner

    from claims.cli import cli
    from claims.store import ClaimStore
    from claims.store.database import upgrade

    old = ClaimStore(db_url, migrate=False)
    upgrade(old.engine, "0002")
    summary = ingest(old, iter_sources([str(Path(__file__).resolve().parents[1] / "seeds")]), load_extractor("fast"))
    assert summary.new == 1
    old.close()
    assert CliRunner().invoke(cli, ["db", "upgrade", "--db", db_url]).exit_code == 0
    with ClaimStore(db_url).session() as session:
        assert len(texts(session, search="concern")) == 3  # "concern", "concerns", "concerns"
