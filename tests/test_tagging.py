"""claims.tagging: entities, topics and statement dates, on the seed article and on short real sentences."""
from datetime import date
from pathlib import Path

import pytest

from claims.extract.speakers import governments
from claims.tagging import TaxonomyError, Topic, find_entities, load_topics, match_topics, said_on

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_46ceda183d64252d.txt"
NUCLEAR, KOREA, NATO = "Nuclear and missile programmes", "Korean Peninsula", "Alliances and NATO"
DEMOCRACY, UKRAINE = "Democracy and rule of law", "War in Ukraine"


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def topics():
    return load_topics()


def names(text, context=None):
    return [tag.name for tag in find_entities(text, context)]


def quote(document: str, opening: str) -> tuple[int, int]:
    """Offsets of the quoted passage that starts with `opening` (its marks included)."""
    start = document.index(opening)
    return start, document.index("”", start + 1) + 1


# Entities

@pytest.mark.parametrize("surface, name", [
    ("Pyongyang", "North Korea"), ("DPRK", "North Korea"), ("N. Korea", "North Korea"),
    ("North Korean", "North Korea"), ("North Koreans", "North Korea"),
    ("Democratic People’s Republic of Korea", "North Korea"),
    ("Democratic People's Republic of Korea", "North Korea"),
    ("Moscow", "Russia"), ("Kremlin", "Russia"), ("Russian", "Russia"), ("Russia", "Russia"),
    ("Russian Federation", "Russia"),
    ("Washington", "United States"), ("U.S.", "United States"), ("United States", "United States"),
    ("American", "United States"), ("Americans", "United States"), ("US", "United States"),
    ("Seoul", "South Korea"), ("South Korean", "South Korea"), ("Korea", "South Korea"), ("ROK", "South Korea"),
    ("Republic of Korea", "South Korea"), ("South Korea", "South Korea"),
    ("Iran", "Iran"), ("Syria", "Syria"), ("Turkey", "Turkey"), ("Türkiye", "Turkey"), ("Vietnam", "Vietnam"),
    ("Ukrainian", "Ukraine"), ("Ukrainians", "Ukraine"), ("Japanese", "Japan"), ("British", "United Kingdom"),
    ("Britain", "United Kingdom"), ("Chinese", "China"), ("Beijing", "China"), ("Taiwanese", "Taiwan"),
    ("Israeli", "Israel"), ("Burma", "Myanmar"), ("Tbilisi", "Georgia"),
])
def test_country_surfaces_normalise(surface, name):
    tags = find_entities(f"Officials in {surface} responded on Tuesday.")
    assert [(t.name, t.kind, t.surface) for t in tags] == [(name, "country", surface)]


@pytest.mark.parametrize("surface, name", [
    ("NATO", "NATO"), ("North Atlantic Treaty Organization", "NATO"), ("UN", "United Nations"),
    ("U.N.", "United Nations"), ("United Nations", "United Nations"), ("EU", "European Union"),
    ("European Union", "European Union"), ("Brussels", "European Union"), ("IAEA", "IAEA"),
    ("International Atomic Energy Agency", "IAEA"), ("ASEAN", "ASEAN"), ("G7", "G7"), ("G-7", "G7"),
    ("Group of Seven", "G7"), ("G20", "G20"), ("U.N. Security Council", "UN Security Council"),
    ("Security Council", "UN Security Council"),
])
def test_organisations_normalise(surface, name):
    tags = find_entities(f"The {surface} responded on Tuesday.")
    assert [(t.name, t.kind, t.surface) for t in tags] == [(name, "organisation", surface)]


def test_offsets_give_the_surface_back(seed):
    tags = find_entities(seed)
    assert tags and all(seed[t.start:t.end] == t.surface for t in tags)
    assert [t.start for t in tags] == sorted(t.start for t in tags)


def test_every_capital_of_the_shared_table_is_an_entity():
    for surface, government in governments().items():
        assert names(f"Officials in {surface.title()} said so.") == [government], surface


def test_never_inside_words():
    assert find_entities("The Prussian kings, Koreanists and USAID staff") == []
    assert find_entities("Americana, Romanesque arches, a chinaware set, Ukrainianisation") == []
    assert names("the Russia-Ukraine war, anti-American protests") == ["Russia", "Ukraine", "United States"]


def test_longest_name_wins():
    assert names("Papua New Guinea and Guinea-Bissau") == ["Papua New Guinea", "Guinea-Bissau"]
    assert names("South Korean and North Korean envoys") == ["South Korea", "North Korea"]
    assert names("the North Atlantic Treaty Organization") == ["NATO"]


def test_phrases_that_are_not_entities():
    text = ("The Washington Post said voters in New Mexico, Latin American leaders, George Washington "
            "and the National Security Council, on the Korean Peninsula, in the Indian Ocean.")
    assert names(text) == []


def test_the_north_needs_korean_context(seed):
    assert names("The North has fired a missile, officials said.") == []
    assert names("The North has fired a missile.", context=seed) == ["North Korea"]
    assert names("Seoul said the North had fired a missile.") == ["South Korea", "North Korea"]
    tag = find_entities("Seoul said the North fired", context=None)[1]
    assert (tag.surface, tag.start) == ("the North", 11)
    # Not when a capitalised word follows: the North Pole, the North Atlantic.
    assert names("Seoul sent ships to the North Pole and the North Atlantic.") == ["South Korea"]
    assert names("members of the South’s National Assembly", context=seed) == ["South Korea"]


def test_ambiguous_country_names():
    assert names("Chad Wolf and Michael Jordan spoke.") == []
    assert names("In Chad, troops from Jordan and Niger arrived.") == ["Chad", "Jordan", "Niger"]
    assert names("Jordan’s King Abdullah met Israel Katz.") == ["Jordan"]
    assert names("Georgia voters backed the senator.") == []  # the U.S. state, most likely
    assert names("Protesters in Tbilisi said Georgia must join the EU.") == ["Georgia", "Georgia", "European Union"]
    assert names("Georgian Dream won.", context="the ruling party of Georgia, in Tbilisi") == ["Georgia"]
    assert names("a turkey dinner and a chad on a ballot") == []


def test_all_caps_words_on_headline_lines_are_no_acronyms():
    assert names("WHO SAID US LEADERS LIED\nThe WHO and the US disagreed.") == ["WHO", "United States"]


def test_seed_entities(seed):
    start, end = quote(seed, "“We have reasons")
    assert names(seed[start:end], seed) == ["Russia", "North Korea"]
    start, end = quote(seed, "“Putin may be close")
    assert names(seed[start:end], seed) == ["North Korea"]
    assert "Korea and Japan" in seed
    start, end = quote(seed, "“That concern is very much")
    assert names(seed[start:end], seed) == ["United States", "South Korea", "Japan"]
    start, end = quote(seed, "“The United States looks forward")
    assert names(seed[start:end], seed) == ["United States", "South Korea", "Japan", "Australia", "New Zealand",
                                             "NATO"]
    sentence = seed[seed.index("Blinken said that the North’s"):]
    sentence = sentence[:sentence.index("\n")]
    assert set(names(sentence, seed)) == {"North Korea", "Russia", "United States", "South Korea", "Japan", "NATO"}


# Topics

def test_default_taxonomy(topics):
    wanted = {NUCLEAR, "Sanctions", NATO, UKRAINE, KOREA, DEMOCRACY, "Trade"}
    assert wanted <= {t.name for t in topics}
    assert all(t.description and (t.keywords or t.entities) for t in topics)


def test_seed_claims_get_their_topics(seed, topics):
    def about(opening):
        start, end = quote(seed, opening)
        text = seed[start:end]
        return match_topics(text, topics, find_entities(text, seed))

    assert {KOREA, NUCLEAR} <= set(about("“Putin may be close"))
    assert KOREA in about("“We have reasons")
    assert "Space and technology" in about("“We have reasons")
    assert NATO in about("“The United States looks forward")
    assert DEMOCRACY in about("“We reaffirm")  # "... global democracy ... Constitution and rule of law."
    assert {KOREA, NUCLEAR} <= set(about("“We agreed to thoroughly prepare"))
    assert DEMOCRACY in about("“the hallmark of any democracy")
    first = seed[seed.index("that Russia is willing"):seed.index("against Ukraine.") + len("against Ukraine")]
    assert {KOREA, UKRAINE} <= set(match_topics(first, topics, find_entities(first, seed)))


def test_topics_of_extracted_claims(seed, topics, extract):
    """The store's path: each extracted claim's text, its entities in the document, its topics."""
    tagged = {claim.text[:20]: match_topics(claim.text, topics, find_entities(claim.text, seed))
              for claim in extract(seed)}
    putin = next(found for opening, found in tagged.items() if opening.startswith("“Putin"))
    assert {KOREA, NUCLEAR} <= set(putin)


def test_keywords_are_inflected_whole_words(topics):
    sanctions = next(t for t in topics if t.name == "Sanctions")
    assert sanctions.matches("The bank was sanctioned last year.")
    assert sanctions.matches("new SANCTIONS on oil")
    assert not sanctions.matches("The sanctuary was quiet.")
    nuclear = next(t for t in topics if t.name == NUCLEAR)
    assert nuclear.matches("two ICBMs were launched")
    assert not nuclear.matches("icbms")  # a keyword in capitals matches only capitals
    assert nuclear.matches("complete denuclearisation")  # British spelling of a keyword
    assert not nuclear.matches("antinuclearity")
    assert match_topics("a long-range missile", topics) == [NUCLEAR]
    assert nuclear.matches("Russia left New START.") and not nuclear.matches("a new start for talks")


def test_exclude_phrases(topics):
    assert DEMOCRACY not in match_topics("The Democratic Party won; the Democratic People’s Republic objected.",
                                         topics)
    assert DEMOCRACY in match_topics("The Democratic Party defends democracy.", topics)


def test_entities_imply_topics(topics):
    assert match_topics("They met.", topics, ["North Korea"]) == [KOREA]
    assert match_topics("They met.", topics, find_entities("Pyongyang and NATO")) == [NATO, KOREA]
    assert match_topics("They met.", topics) == []


def test_custom_taxonomy(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text('''
[[topic]]
name = "Fisheries"
description = "Fishing rights"
keywords = ["fishing boat", "trawler"]
entities = ["Iceland"]

[[topic]]
name = "Climate summits"
patterns = ['\\bCOP ?\\d{1,2}\\b']
''', encoding="utf-8")
    custom = load_topics(path)
    assert [t.name for t in custom] == ["Fisheries", "Climate summits"]
    assert match_topics("Two trawlers and fishing boats were seized.", custom) == ["Fisheries"]
    assert match_topics("At COP29 in Baku, nothing.", custom) == ["Climate summits"]
    assert match_topics("Reykjavik protested.", custom, find_entities("Iceland protested.")) == ["Fisheries"]


@pytest.mark.parametrize("body, message", [
    ('[[topic]]\nname = "Broken"\npatterns = ["(unclosed"]\n', "topic 'Broken': invalid pattern '(unclosed'"),
    ('[[topic]]\nname = "Empty"\nkeywords = ["ok", ""]\n', "topic 'Empty': keywords must be a list"),
    ('[[topic]]\nname = "Typo"\nkeyword = ["x"]\n', "topic 'Typo': unknown key 'keyword'"),
    ('[[topic]]\nname = "Twice"\n[[topic]]\nname = "Twice"\n', "topic 'Twice' is defined twice"),
    ('[[topic]\nname = "x"\n', "not valid TOML"),
])
def test_bad_taxonomy_gives_one_line_error(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TaxonomyError) as error:
        load_topics(path)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_topic_built_in_code_is_checked():
    with pytest.raises(TaxonomyError, match="topic 'X': invalid pattern"):
        Topic("X", patterns=("[a-",))
    assert Topic("Y", keywords=["tariff"]).matches("new tariffs")


# Dates

TUESDAY = date(2025, 1, 7)


def said(sentence: str, content: str, cue: str | None, published=TUESDAY):
    start = sentence.index(content)
    return said_on(sentence, start, start + len(content), published, sentence.index(cue) if cue else None)


def test_weekday_resolves_against_publication():
    assert said("Blinken said Monday that Russia would help.", "Russia would help", "said") == date(2025, 1, 6)
    assert said("Blinken said Tuesday that Russia would help.", "Russia would help", "said") == TUESDAY
    assert said("Blinken said on Wednesday that Russia would help.", "Russia would help", "said") == date(2025, 1, 1)
    assert said("“We will help,” he told reporters Friday.", "“We will help,”", "told") == date(2025, 1, 3)
    assert said("He said last Tuesday that it helped.", "it helped", "said") == date(2024, 12, 31)


def test_seed_said_monday(seed):
    start = seed.index("that Russia is willing")
    end = seed.index("against Ukraine.") + len("against Ukraine")
    cue = seed.index("said Monday")
    assert said_on(seed, start, end, TUESDAY, cue) == date(2025, 1, 6)
    assert said_on(seed, start, end, date(2025, 1, 6), cue) == date(2025, 1, 6)


def test_relative_days():
    assert said("He said yesterday that it was over.", "it was over", "said") == date(2025, 1, 6)
    assert said("She said today that it was over.", "it was over", "said") == TUESDAY
    assert said("He said two days ago that it was over.", "it was over", "said") == date(2025, 1, 5)


def test_absolute_dates():
    assert said("He said on Jan. 5 that it was over.", "it was over", "said") == date(2025, 1, 5)
    assert said("He said on 5 January that it was over.", "it was over", "said") == date(2025, 1, 5)
    assert said("He said on Dec. 30 that it was over.", "it was over", "said") == date(2024, 12, 30)
    assert said("He said on March 3, 2023, that it was over.", "it was over", "said") == date(2023, 3, 3)
    # Without a year, a date more than a month after publication is last year's.
    assert said("He said on Feb. 20 the deal was done.", "the deal was done", "said") == date(2024, 2, 20)
    # Within a month after it, this year's: a dateline a day ahead, or an event to come, never the day
    # the statement was made, which is then the publication date.
    assert said("WASHINGTON, Jan. 8 (AP) — He said the deal was done.", "the deal was done", "said") == TUESDAY
    assert said("He said he would attend the debate on Jan. 20.", "he would attend", "said") == TUESDAY


def test_no_publication_date():
    assert said("He said Monday that it was over.", "it was over", "said", None) is None
    assert said("He said on Jan. 5 that it was over.", "it was over", "said", None) is None
    assert said("He said on Jan. 5, 2024, that it was over.", "it was over", "said", None) == date(2024, 1, 5)
    assert said("He said that it was over.", "it was over", "said", None) is None


def test_only_the_statements_own_sentence_counts():
    text = "The talks were held Monday. He said that it was over."
    assert said(text, "it was over", "said") == TUESDAY
    text = "“It was over.” The envoy left on Sunday."
    assert said(text, "“It was over.”", None) == TUESDAY
    text = "Mr. Kim said Sunday that it was over."
    assert said(text, "it was over", "said") == date(2025, 1, 5)


def test_interrupted_quote_dated_by_its_attribution():
    text = "“We agreed,” Cho said Monday. “We will respond on Friday.”"
    start, end, cue = 0, len(text), text.index("said")
    assert said_on(text, start, end, TUESDAY, cue) == date(2025, 1, 6)
    pieces = [(0, text.index(" Cho")), (text.index("“We will"), end)]
    assert said_on(text, start, end, TUESDAY, cue, pieces=pieces) == date(2025, 1, 6)
    text = "“We will respond on Friday,” Cho said. “Nothing more.”"
    assert said_on(text, 0, len(text), TUESDAY, text.index("said")) == TUESDAY


def test_dates_inside_the_claim_or_ahead_are_not_when_it_was_said():
    assert said("“We will meet on Friday,” he said.", "“We will meet on Friday,”", "said") == TUESDAY
    assert said("He said talks would start next Monday.", "talks would start next Monday", "said") == TUESDAY
