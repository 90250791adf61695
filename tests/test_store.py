"""The claim store as a user meets it through the library: ingesting the seed, speakers shared across
documents, idempotence, corrections that survive, re-extraction; on SQLite and PostgreSQL alike."""
import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from claims.extract import load_extractor
from claims.sources import iter_sources
from claims.store.edits import correct_speaker, create_speaker, set_claim_topics, set_status
from claims.store.ingest import ingest
from claims.store.queries import ClaimFilter, find_speakers, list_claims, list_speakers
from claims.store.reextract import reextract
from claims.store.tables import Annotation, Claim, Document, Speaker

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_DAY = dt.date(2025, 1, 6)


@pytest.fixture(scope="module")
def fast():
    return load_extractor("fast")


def ingest_paths(store, extractor, *paths, **options):
    return ingest(store, iter_sources([str(p) for p in paths], **options), extractor)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_speakers_dates_entities_topics(store, fast):
    summary = ingest_paths(store, fast, SEEDS)
    assert (summary.new, summary.failed) == (1, 0)
    with store.session() as session:
        speakers = list_speakers(session)
        people = {(s.name, s.role) for s in speakers if s.kind == "person"}
        assert people == {("Antony Blinken", "U.S. Secretary of State"), ("Cho Tae-yul", "Foreign Minister")}
        # the rest are the groups and governments the article quotes ("the allies", Seoul), never a person
        assert {s.kind for s in speakers if s.kind != "person"} <= {"group", "government"}
        blinken = next(s for s in speakers if s.name == "Antony Blinken")
        assert {"Antony Blinken", "Blinken"} <= set(blinken.aliases)
        claims = list_claims(session, ClaimFilter(), limit=None)
    assert len(claims) == summary.claims >= 14
    assert {c.said_on for c in claims} == {SEED_DAY}
    assert all(c.title.startswith("Blinken: Russia may provide") and c.published == SEED_DAY for c in claims)
    satellite = next(c for c in claims if "satellite technology to Pyongyang" in c.text)
    assert {"North Korea", "Russia"} <= set(satellite.entities)
    assert "Korean Peninsula" in satellite.topics
    nuclear = next(c for c in claims if "DPRK’s nuclear weapons program" in c.text)
    assert any("nuclear" in topic.lower() for topic in nuclear.topics)
    nato = next(c for c in claims if "increase cooperation with NATO" in c.text)
    assert "NATO" in nato.entities


def test_ingesting_again_adds_nothing(store, fast):
    first = ingest_paths(store, fast, SEEDS)
    again = ingest_paths(store, fast, SEEDS)
    assert (again.new, again.duplicate, again.claims, again.speakers_new) == (0, 1, 0, 0)
    with store.session() as session:
        assert len(session.exec(select(Document)).all()) == 1
        assert len(session.exec(select(Claim)).all()) == first.claims


def test_same_url_is_the_same_document(store, fast, tmp_path):
    records = write(tmp_path, "feed.jsonl",
                    '{"text": "Ann Smith said the talks would go on.", "url": "https://example.org/a"}\n'
                    '{"text": "Ann Smith said the talks would go on, a later version.", "url": "https://example.org/a"}\n')
    summary = ingest_paths(store, fast, records)
    assert (summary.new, summary.duplicate) == (1, 1)


def test_surname_in_a_later_article_is_the_same_speaker(store, fast, tmp_path):
    write(tmp_path, "a.txt", "Secretary of State Antony Blinken said on Monday that the alliance was strong.\n")
    write(tmp_path, "b.txt", "Blinken said the talks in Seoul had been productive.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        blinken = find_speakers(session, "Blinken")
        assert [s.name for s in blinken] == ["Antony Blinken"]
        assert len(list_claims(session, ClaimFilter(speakers=["Blinken"]))) == 2


def test_two_people_with_one_surname_are_not_merged_silently(store, fast, tmp_path):
    write(tmp_path, "a.txt", "Senator Mark Kelly said the bill would pass.\n")
    write(tmp_path, "b.txt", "Governor Laura Kelly said the state budget was balanced.\n")
    write(tmp_path, "c.txt", "Kelly said the vote would be close.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        names = sorted(s.name for s in list_speakers(session) if s.claims)
    assert names == ["Kelly", "Laura Kelly", "Mark Kelly"]


def test_corrections_survive_reingest_and_reextract(store, fast):
    ingest_paths(store, fast, SEEDS)
    with store.session() as session:
        claim = list_claims(session, ClaimFilter(speakers=["Antony Blinken"]), limit=1)[0]
        other = create_speaker(session, "Ned Price", "person", "ana")
        set_status(session, claim.id, "misattributed", "ana", note="Price said it")
        correct_speaker(session, claim.id, other.id, "ana")
        set_claim_topics(session, claim.id, ["Trade"], "ana")
    ingest_paths(store, fast, SEEDS)
    summary = reextract(store, fast)
    assert summary.documents == 1 and summary.failed == 0
    with store.session() as session:
        row = session.get(Claim, claim.id)
        assert (row.status, row.corrected_speaker_id, row.speaker_id) == ("misattributed", other.id, other.id)
        assert session.get(Speaker, row.machine_speaker_id).name == "Antony Blinken"
        record = list_claims(session, ClaimFilter(speakers=["Ned Price"]))[0]
        assert record.id == claim.id and record.topics == ["Trade"]
        log = session.exec(select(Annotation).where(Annotation.target_id == claim.id)).all()
        assert {entry.field for entry in log} == {"status", "speaker", "topics"}
        assert all(entry.user == "ana" for entry in log)


def test_a_surname_stored_first_is_folded_into_the_full_name(store, fast, tmp_path):
    """An article that only says "Blinken", ingested before any that names him fully: after the batch
    there is one speaker, and the machine's merge is in the annotation log."""
    write(tmp_path, "1.txt", "Blinken said the talks in Seoul had been productive.\n")
    write(tmp_path, "2.txt", "Secretary of State Antony Blinken said the alliance was strong.\n")
    summary = ingest_paths(store, fast, tmp_path)
    assert summary.speakers_new == 1
    with store.session() as session:
        assert [(s.name, s.claims) for s in list_speakers(session)] == [("Antony Blinken", 2)]
        merges = session.exec(select(Annotation).where(Annotation.field == "merged")).all()
        assert [(m.user, m.old_value.split(": ")[1], m.new_value) for m in merges] == \
            [("claims (automatic)", "Blinken", "Antony Blinken")]


def test_a_role_left_in_a_name_is_split_off(store, fast, tmp_path):
    write(tmp_path, "a.txt", "Democratic presidential contender Hillary Clinton said the plan would cost too much.\n")
    write(tmp_path, "b.txt", "Hillary Clinton said she would announce her plan on Monday.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        assert [(s.name, s.role, s.claims) for s in list_speakers(session)] == \
            [("Hillary Clinton", "Democratic presidential contender", 2)]


def test_an_analysts_role_is_not_overwritten(store, fast, tmp_path):
    from claims.store.edits import set_speaker_role

    write(tmp_path, "a.txt", "Foreign Minister Cho Tae-yul said the alliance was strong.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        cho = find_speakers(session, "Cho Tae-yul")[0]
        set_speaker_role(session, cho.id, "Minister of Foreign Affairs of South Korea", "ana")
    write(tmp_path, "b.txt", "South Korean minister Cho Tae-yul said on Monday the talks went well.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        assert session.get(Speaker, cho.id).role == "Minister of Foreign Affairs of South Korea"


def test_the_role_most_articles_give_wins(store, fast, tmp_path):
    write(tmp_path, "a.txt", "Would-be president Ann Smith said taxes would fall. Smith said jobs would come. "
                             "Smith said the wall would rise.\n")
    write(tmp_path, "b.txt", "Republican candidate Ann Smith said the polls were wrong.\n")
    write(tmp_path, "c.txt", "Republican candidate Ann Smith said she would win Iowa.\n")
    ingest_paths(store, fast, tmp_path)
    with store.session() as session:
        assert [(s.name, s.role) for s in list_speakers(session)] == [("Ann Smith", "Republican candidate")]
