"""Official statements and transcripts: whose claims each sentence is, on both NLP paths, in one process
or several, and through the CLI."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.extract import load_extractor
from claims.extract.document_kinds import author

DATA = Path(__file__).resolve().parent / "data" / "document_kinds"
STATEMENT = DATA / "mofa_statement.txt"
BRIEFING = DATA / "state_briefing.txt"
PRESS_AVAILABILITY = DATA / "joint_press_availability.txt"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_46ceda183d64252d.txt"
MOFA = "Ministry of Foreign Affairs of Japan"


@pytest.fixture(scope="module")
def fast():
    return load_extractor("fast")


def read(path):
    return path.read_text(encoding="utf-8")


def assert_offsets(text, claims):
    """Every claim's text is the document's own characters, and so are its source and cue."""
    for claim in claims:
        assert claim.text == " ".join(text[a:b] for a, b in claim.pieces), claim
        if len(claim.pieces) == 1:
            assert claim.text == text[claim.start:claim.end]
        for span in (claim.speaker_mention, claim.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text, claim
        assert 0 <= claim.confidence <= 1


def covering(claims, text, passage):
    at = text.index(passage)
    return [c for c in claims if any(a <= at < b for a, b in c.pieces)]


def by_speaker(claims):
    return [(c.speaker, c.text) for c in claims]


# --- statements ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def statement(fast):
    text = read(STATEMENT)
    return text, fast.extract(text, kind="statement", speaker=MOFA)


def test_statement_body_sentences_are_the_authors_direct_claims(statement):
    text, claims = statement
    assert_offsets(text, claims)
    for passage in ("The Ministry of Foreign Affairs of Japan welcomes the outcome",
                    "These launches pose a grave and imminent threat",
                    "The Government of Japan will provide an additional 5 million"):
        (claim,) = covering(claims, text, passage)
        assert claim.text.startswith(passage) and claim.text.endswith(".")
        assert (claim.kind, claim.speaker, claim.speaker_role, claim.speaker_kind) == \
            ("direct", MOFA, None, "organisation")
        assert claim.cue is None and claim.speaker_mention is None and claim.confidence > 0.5


def test_statement_dateline_is_cut_from_its_sentence(statement):
    text, claims = statement
    first = claims[0]
    assert first.text.startswith("The Ministry of Foreign Affairs of Japan welcomes")
    assert not covering(claims, text, "TOKYO, January 6, 2025 --")


@pytest.mark.parametrize("passage", [
    "Press Release",
    "Japan Welcomes the Outcome of the Japan-U.S.-ROK Trilateral",  # the headline
    "For immediate release",
    "Why does this matter now?",
    "The full text of the joint statement is available at https://",
    "Media contact: Press Division",
    "###",
])
def test_statement_lines_that_make_no_claim_are_skipped(statement, passage):
    text, claims = statement
    assert covering(claims, text, passage) == []


def test_statement_quote_keeps_its_own_speaker_and_is_not_duplicated(statement):
    text, claims = statement
    (quote,) = covering(claims, text, "“Japan will continue to work closely")
    assert (quote.kind, quote.speaker, quote.speaker_role) == ("direct", "Iwaya Takeshi", "Foreign Minister")
    assert quote.cue.text == "said" and quote.speaker_mention.text == "Foreign Minister Iwaya Takeshi"
    # “A,” said X. “B.”: the second sentence belongs to the same quote, not to the ministry.
    assert covering(claims, text, "“We will never accept") == [quote]
    assert len(quote.pieces) == 2


def test_statement_reported_speech_of_someone_else_stays_theirs(statement):
    text, claims = statement
    (stated,) = covering(claims, text, "Japan remains committed to a free and open")
    assert (stated.kind, stated.speaker, stated.cue.text) == ("indirect", "Iwaya Takeshi", "stated")
    assert covering(claims, text, "Minister Iwaya stated") == []  # the source is no claim of the ministry's
    (confirmed,) = covering(claims, text, "military cooperation between Russia and North Korea")
    assert confirmed.speaker == "the three ministers"


def test_statement_in_the_first_person_is_the_authors_own_sentence(fast):
    text = ("Statement by Press Secretary Karine Jean-Pierre on the Attack in Tel Aviv\n\n"
            "We condemn the attack, and we stand with the people of Israel.\n")
    (claim,) = fast.extract(text, kind="statement", speaker="Press Secretary Karine Jean-Pierre")
    assert (claim.kind, claim.text) == ("direct", "We condemn the attack, and we stand with the people of Israel.")
    assert (claim.speaker, claim.speaker_role, claim.speaker_kind) == ("Karine Jean-Pierre", "Press Secretary", "person")


def test_statement_with_a_news_agency_dateline(fast):
    text = ("SEOUL, Jan. 6 (Yonhap) -- The government strongly protests the renewed territorial claims "
            "made in Japan's defense white paper and urges Tokyo to withdraw them immediately.\n")
    (claim,) = fast.extract(text, kind="statement", speaker="Seoul")
    assert claim.text.startswith("The government strongly protests")
    assert (claim.speaker, claim.speaker_kind) == ("Seoul", "government")


@pytest.mark.parametrize("name, expected", [
    (MOFA, (MOFA, None, "organisation", "Japan")),
    ("Japan", ("Japan", None, "government", "Japan")),
    ("Government of the Philippines", ("Government of the Philippines", None, "government", "Philippines")),
    ("Press Secretary Karine Jean-Pierre", ("Karine Jean-Pierre", "Press Secretary", "person", None)),
    ("G7 Foreign Ministers", ("G7 Foreign Ministers", None, "group", None)),
])
def test_statement_author_kinds(name, expected):
    found = author(name)
    assert (found.name, found.role, found.kind, found.country) == expected


def test_statement_without_speaker_is_refused(fast):
    with pytest.raises(ValueError, match="speaker"):
        fast.extract(read(STATEMENT), kind="statement")
    with pytest.raises(ValueError, match="kind"):
        fast.extract(read(STATEMENT), kind="memo")


# --- transcripts ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def briefing(fast):
    text = read(BRIEFING)
    return text, fast.extract(text, kind="transcript")


def test_briefing_turns_are_their_speakers_sentences(briefing):
    text, claims = briefing
    assert_offsets(text, claims)
    assert all(c.kind == "direct" and c.cue is None for c in claims)
    miller = [c for c in claims if c.speaker == "Matthew Miller"]
    questions = [c for c in claims if c.speaker == "Questioner"]
    assert len(miller) + len(questions) == len(claims)
    assert {(c.speaker_role, c.speaker_kind) for c in miller} == {("Department Spokesperson", "person")}
    assert {c.speaker_kind for c in questions} == {"group"}
    # Each claim's mention is its turn's label, where the label stands.
    for claim in claims:
        label = claim.speaker_mention
        assert label.text == ("MR. MILLER" if claim.speaker == "Matthew Miller" else "QUESTION")
        assert label.start < claim.start and text[label.end] == ":"
    assert [c.text for c in questions] == [
        "Thanks, Matt.",
        "On North Korea – does the Secretary believe that Russia is now sharing space technology with Pyongyang?",
        "And on the political situation in South Korea, has the U.S. been in touch with the acting president?",
    ]


def test_briefing_continuation_paragraphs_belong_to_the_turn(briefing):
    text, claims = briefing
    for passage in ("That is a matter of serious concern", "We will continue to coordinate closely",
                    "Secretary of State Antony Blinken concluded his visit", "With that, Matt."):
        (claim,) = covering(claims, text, passage)
        assert claim.speaker == "Matthew Miller" and claim.text.startswith(passage)
    second_turn = text.index("MR. MILLER: So, as the Secretary said")
    (continued,) = covering(claims, text, "That is a matter of serious concern")
    assert continued.speaker_mention.start == second_turn


@pytest.mark.parametrize("passage", ["Department Press Briefing", "Matthew Miller, Department Spokesperson",
                                     "Washington, D.C.", "1:12 p.m. EST", "(Laughter.)",
                                     "(The briefing was concluded"])
def test_briefing_header_and_stage_directions_are_no_ones_words(briefing, passage):
    text, claims = briefing
    assert covering(claims, text, passage) == []


def test_press_availability_labels_resolve_to_the_people_named(fast):
    text = read(PRESS_AVAILABILITY)
    claims = fast.extract(text, kind="transcript")
    assert_offsets(text, claims)
    assert by_speaker(claims) == [
        ("Moderator", "We will now begin the joint press availability."),
        ("Cho Tae-yul", "Thank you very much."),  # "(Via interpreter)" is a note, not his words
        ("Cho Tae-yul", "We agreed to thoroughly prepare for the next trilateral summit."),
        ("Antony J. Blinken", "Thank you, Minister."),
        ("Antony J. Blinken", "We have reasons to believe that Moscow intends to share advanced space and "
                              "satellite technology with Pyongyang."),
        ("Mr. Park", "Let me add one point on behalf of the delegation."),  # named nowhere: the label as written
    ]
    assert {c.speaker_role for c in claims if c.speaker == "Antony J. Blinken"} == {"Secretary"}
    assert [c.speaker_mention.text for c in claims][1:4] == ["FOREIGN MINISTER CHO"] * 2 + ["SECRETARY BLINKEN"]


def test_transcript_label_takes_the_role_the_header_gives(fast):
    text = ("Secretary of State Antony Blinken\nRemarks to the Press\n\n"
            "SECRETARY BLINKEN: Good morning, everyone. We are determined to see this through.\n"
            "MINISTER CHO: Thank you, Mr. Secretary.\n")
    claims = fast.extract(text, kind="transcript")
    assert [(c.speaker, c.speaker_role) for c in claims] == [("Antony Blinken", "Secretary of State")] * 2 + \
        [("Minister Cho", None)]


def test_transcript_role_labels_resolve_only_to_exactly_that_role(fast):
    text = ("Remarks by President Joe Biden and Vice President Kamala Harris on the Economy\n\n"
            "THE PRESIDENT: Good afternoon to all of you.\n\n"
            "THE VICE PRESIDENT: Thank you, Mr. President.\n\n"
            "THE SECRETARY: Thank you all for coming today.\n")
    claims = fast.extract(text, kind="transcript")
    assert [(c.speaker, c.speaker_role) for c in claims] == [
        ("Joe Biden", "President"), ("Kamala Harris", "Vice President"), ("The Secretary", None)]


def test_transcript_without_labels_has_no_claims(fast):
    assert fast.extract("No one is labelled here. It is prose.\n", kind="transcript") == []


def test_offsets_hold_for_every_kind_on_every_text(fast):
    texts = [read(p) for p in (STATEMENT, BRIEFING, PRESS_AVAILABILITY, SEED)]
    texts += [t.replace("\n", "\r\n") for t in texts] + ["", " \n", "Q:", "MR. MILLER:\n\n(Laughter.)\n###", "TOKYO --"]
    for text in texts:
        for kind, speaker in (("article", None), ("statement", MOFA), ("transcript", None)):
            assert_offsets(text, fast.extract(text, kind=kind, speaker=speaker))


# --- the extractor's batch API, in one process and in two -----------------------------------------

def mixed_documents():
    return [
        ("statement.txt", read(STATEMENT), None, "statement", MOFA),
        ("no-speaker.txt", read(STATEMENT), None, "statement", None),
        ("seed.txt", read(SEED), None),  # the old three-item form: an article
        ("missing.txt", None, "missing.txt: no such file"),
        ("briefing.txt", read(BRIEFING), None, "transcript", None),
    ]


def as_records(results):
    return [(name, None if claims is None else [c.to_json(name) for c in claims], problem)
            for name, claims, problem in results]


def test_extract_documents_takes_each_documents_kind(fast):
    results = as_records(fast.extract_documents(mixed_documents(), batch=2))
    assert [name for name, _, _ in results] == [d[0] for d in mixed_documents()]
    _, no_speaker, problem = results[1]
    assert no_speaker is None and problem.startswith("no-speaker.txt: ") and "speaker" in problem
    assert "\n" not in problem
    assert results[2][1] == [c.to_json("seed.txt") for c in fast.extract(read(SEED))]
    assert {r["speaker"] for r in results[4][1]} == {"Matthew Miller", "Questioner"}


def test_extract_documents_in_two_processes_gives_the_same(fast):
    one = as_records(fast.extract_documents(mixed_documents(), batch=2))
    two = as_records(fast.extract_documents(mixed_documents(), batch=2, workers=2))
    assert one == two


# --- the stanza path -----------------------------------------------------------------------------

def test_stanza_path_gives_what_the_fast_path_gives(stanza_models, fast):
    stanza = load_extractor("stanza")
    statement, briefing = read(STATEMENT), read(BRIEFING)
    found = stanza.extract_many([statement, briefing], kinds=["statement", "transcript"], speakers=[MOFA, None])
    assert_offsets(statement, found[0])
    assert_offsets(briefing, found[1])
    assert by_speaker(found[0]) == by_speaker(fast.extract(statement, "statement", MOFA))
    assert by_speaker(found[1]) == by_speaker(fast.extract(briefing, "transcript"))
    assert {c.speaker for c in found[1]} == {"Matthew Miller", "Questioner"}


# --- the CLI -------------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def check_records(records, text):
    for record in records:
        pieces = record.get("spans") or [[record["start"], record["end"]]]
        assert record["text"] == " ".join(text[a:b] for a, b in pieces)
        for key in ("speaker_mention", "cue"):
            if record[key]:
                assert text[record[key]["start"]:record[key]["end"]] == record[key]["text"]


def test_cli_statement(tmp_path):
    result = run("extract", STATEMENT, "--kind", "statement", "--speaker", MOFA, "--nlp", "fast", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = jsonl(result)
    check_records(records, read(STATEMENT))
    assert {MOFA, "Iwaya Takeshi"} <= {r["speaker"] for r in records}
    assert not any("###" in r["text"] or "For immediate release" in r["text"] for r in records)
    # The kind and the speaker reach the worker processes too.
    two = run("extract", STATEMENT, "--kind", "statement", "--speaker", MOFA, "--nlp", "fast", "--format", "jsonl",
              "--workers", "2")
    assert two.exit_code == 0 and two.stdout == result.stdout


def test_cli_transcript():
    result = run("extract", BRIEFING, "--kind", "transcript", "--nlp", "fast", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result)
    check_records(records, read(BRIEFING))
    assert {r["speaker"] for r in records} == {"Matthew Miller", "Questioner"}
    table = run("extract", BRIEFING, "--kind", "transcript", "--nlp", "fast")
    assert table.exit_code == 0 and "Matthew Miller, Department Spokesperson" in table.stdout


def test_cli_statement_without_speaker_is_a_one_line_usage_error():
    result = run("extract", STATEMENT, "--kind", "statement", "--nlp", "fast")
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "--speaker" in line and "Traceback" not in line


def test_cli_speaker_without_statement_is_a_usage_error():
    result = run("extract", BRIEFING, "--kind", "transcript", "--speaker", MOFA, "--nlp", "fast")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


def test_cli_article_is_the_default_kind():
    default = run("extract", SEED, "--nlp", "fast", "--format", "jsonl")
    article = run("extract", SEED, "--nlp", "fast", "--format", "jsonl", "--kind", "article")
    assert default.exit_code == article.exit_code == 0
    assert default.stdout == article.stdout
