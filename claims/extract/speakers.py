"""Resolve a speaker mention to a speaker: the full name behind a surname, a pronoun or a title.

Resolution is within one document. What the document does not support stays unresolved
(speaker None) rather than a guess that looks certain.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import pycountry

from claims.extract.gender import DocumentGenders, is_first_name, pronoun_gender, role_gender
from claims.extract.mentions import (CLAUSE_WORDS, DOCUMENT_NOUNS, GROUP_WORDS, NAME_CACHE, PEOPLE_PLURALS, PRONOUNS,
                                     TITLE_WORDS, Mention, mention_at_text, without_article, without_contraction)
from claims.extract.names import (COURTESY_TITLES, DESCRIPTORS, in_role_words, is_place, looks_like_person,
                                  mention_kind, split_role, title_matches)
from claims.extract.quotes import QuoteSpan, paragraphs
from claims.extract.roles import nominal_role, tidy_speaker
from claims.extract.speaker_names import (LOCAL_TITLES, first_part, names_a_group, narrower_mention,
                                          relative_pronoun_subject, split_at_last_title)

HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Adm)\.?|Miss|Senator|President)\s+")
NAME_WORD = r"(?:[A-Z]\.)+|[A-Z][\w’'-]*"
# CAPITALISED_RUN and NAME_WORD_ALONE scan whole texts. Each starts with its first capital (the look-behind
# for a word's start comes after it), so that `re` skips from capital to capital at C speed instead of trying
# the pattern at every character: half the time, the same matches. "\.(?:[A-Z]\.)*|[\w’'-]*" is NAME_WORD
# after its capital.
CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w’'.-].)(?:\.(?:[A-Z]\.)*|[\w’'-]*)"
                             r"(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+|bin[ \t]+)?(?:" + NAME_WORD + r"))+")
# Words a title-case headline leaves in lower case ("Trump Supporter Screams 1 Controversial Word At Rally").
MINOR_WORDS = {"a", "an", "the", "and", "but", "or", "of", "to", "in", "on", "at", "for", "by", "with", "as", "vs",
               "is", "are", "was", "were", "be", "from", "into", "via", "than"}  # "Maher Tells Guest ... is Beyond"
NAME_WORD_ALONE = re.compile(r"[A-Z](?<![\w-].)[\w-]*(?:[’'][A-Z][\w-]*)?(?![\w-])")
POSSESSIVE = re.compile(r"(’s|'s|’|')$")
SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.$")  # "John Kerry." at a sentence's end; not "Jr." or "J."
# "said Ross Eisenbrey of the Economic Policy Institute": the mention stops at the article after "of", so the
# name would end in "of" (18 speakers on PolNeAR train).
DANGLING_JOINER = re.compile(r"\s+(?:of|and|&)$")
UNDOTTED_SUFFIX = re.compile(r"(?<=\s)(Jr|Sr)$")  # "Robert Casey Jr" and "Robert Casey Jr." are one name
NOT_NAME_OPENERS = TITLE_WORDS | DESCRIPTORS | LOCAL_TITLES  # "Chicago Alderman Jason Ervin" is Jason Ervin
# A document and its author before any comma (after one, a document is the speaker's aside: "Tom Fitton, ...
# who sued to obtain records from ..."); the author ends before what is said of the document ("released
# Wednesday", "in March", "obtained by ...").
AUTHORED_DOCUMENT = re.compile(r"^[^,]*?\b(?:" + "|".join(sorted(DOCUMENT_NOUNS)) + r")\s+(?:by|from)\s+"
                               r"(?P<author>[^,]+?)(?=$|,|\s+(?:in|on|[a-z]+ed)\b)")
# How far back "he" or "she" looks for someone of its gender when the usual choice has the other: about the
# paragraphs on the same turn of the story.
GENDER_LOOKBACK = 1500
# The word before a relative "who", over a comma.
WORD_BEFORE = re.compile(r"([\w’'-]+)[,\s]*$")
WORD_BEFORE_CHARS = 40  # see _word_before
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
NOT_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", *WEEKDAYS, "The", "A", "An", "He", "She", "It", "They", "We", "I", "Read", "More",
             "Said", "Says", "Asked",  # "Said Dorothy Poynter, who grew up with Ali, “...”"
             # "By Trump", "Beyond Trump" and "Unlike Patriot" were people, and made "Trump" alone ambiguous.
             *(word.capitalize() for word in CLAUSE_WORDS)}


def _data(name: str) -> list[list[str]]:
    lines = resources.files("claims.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def governments() -> dict[str, str]:
    return {surface.lower(): government for surface, government in _data("governments.tsv")}


@lru_cache(maxsize=None)
def _country_names() -> dict[str, str]:
    """Every country's names in lower case (pycountry: name, common and official names; not its codes,
    which would turn "AND" or "CAN" into countries) -> the name people use."""
    names = {}
    for entry in pycountry.countries:
        usual = getattr(entry, "common_name", None) or entry.name
        for attribute in ("name", "common_name", "official_name"):
            if getattr(entry, attribute, None):
                names[getattr(entry, attribute).lower()] = usual
    return names


def country(name: str) -> str | None:
    """The country a name or a seat of power stands for ("Seoul", "South Korea", "Moscow"), else None."""
    low = name.lower()
    return governments().get(low) or (_country_names().get(low) if name[:1].isupper() else None)


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, ...]]:
    return {head: tuple(words.split("|")) for head, words in _data("role_nouns.tsv")}


@dataclass
class Person:
    name: str
    role: str | None
    first: int
    mentions: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.words = self.name.split()  # what lookup compares, thousands of times a document


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    kind: str | None
    certainty: float  # how sure the resolution is, 0..1; folded into the claim's confidence
    gender: str | None = None  # of an unnamed person "he" or "she" stands for (see _he_or_she)


@lru_cache(maxsize=NAME_CACHE)
def _strip_name(name: str) -> str:
    name = DANGLING_JOINER.sub("", SENTENCE_END.sub("", POSSESSIVE.sub("", name.strip(" ,"))))
    return UNDOTTED_SUFFIX.sub(r"\1.", HONORIFIC.sub("", name).strip())


class SpeakerResolver:
    """Knows the people a document names (outside its quotes) and where it names them."""

    def __init__(self, text: str, quotes: list[QuoteSpan]):
        self.text = text
        self.people: dict[str, Person] = {}
        self.positions: list[tuple[int, str]] = []  # (offset, full name) of every person mention
        self._genders: DocumentGenders | None = None
        inside = [(q.start, q.end) for q in quotes]
        self.headlines = headlines = _title_case_lines(text)
        for match in title_matches(text):
            if not _inside(match.start(), inside):
                name = _strip_name(match.group("name"))
                if looks_like_person(name) and len(name.split()) > 1:
                    # "Donald Trump Finally Endorses House Speaker Paul Ryan.": in a title-case line the words
                    # before a title are no part of the role (Ryan's role was "Endorses House Speaker").
                    role = None if _inside(match.start(), headlines) else match.group("role")
                    self._add(name, role, match.start("name"))
        for match in CAPITALISED_RUN.finditer(text):
            name = _name_in_run(match.group())
            if len(name.split()) > 1 and looks_like_person(name) and not _inside(match.start(), inside) \
                    and country(name) is None and not _inside(match.start(), headlines):
                self._add(name, None, match.start())
        self._index_surnames(text, inside)
        self.positions.sort()

    def _add(self, name: str, role: str | None, at: int) -> None:
        person = self.people.get(name)
        if person is None:
            # "Antony Blinken" seen before "Blinken" alone: one person, keyed by the full name.
            person = self.people[name] = Person(name, role, at)
        elif role and not person.role:
            person.role = role
        if at not in person.mentions:
            person.mentions.append(at)
            self.positions.append((at, name))

    def _index_surnames(self, text: str, inside: list[tuple[int, int]]) -> None:
        """Every later "Blinken" or "Cho" alone is a mention of the person whose full name it is part of."""
        # Everyone is known now: who each first and last word may name, for lookup (thousands a document).
        self._by_end_word: dict[str, dict[str, Person]] = {}
        for person in self.people.values():
            for word in (person.words[0], person.words[-1]):
                self._by_end_word.setdefault(word, {})[person.name] = person
        parts: dict[str, Person] = {}
        for person in list(self.people.values()):
            words = person.name.split()
            for part in {words[0], words[-1]}:
                found = self.lookup(part) if len(part) >= 3 else None
                if found is not None:
                    parts[part] = found
        for match in NAME_WORD_ALONE.finditer(text):
            person = parts.get(match.group())
            if person is not None and match.start() not in person.mentions and not _inside(match.start(), inside):
                person.mentions.append(match.start())
                self.positions.append((match.start(), person.name))

    def lookup(self, name: str, gender: str | None = None) -> Person | None:
        """The person a (possibly partial) name refers to; None when no one or more than one fits. A `gender`
        ("Mrs. Clinton") tells apart people named alike, where it fits only one of them."""
        name = _strip_name(name)
        if name in self.people:
            return self.people[name]
        words = name.split()
        n = len(words)
        fits = [p for p in {**self._by_end_word.get(words[0], {}), **self._by_end_word.get(words[-1], {})}.values()
                if p.words[-n:] == words or p.words[:n] == words] if words else []
        # "Trump" alone is Donald Trump, not the "Trump Taj Mahal" the text names too; but "John" may be anyone's.
        if len(fits) > 1 and n == 1 and not is_first_name(words[0]):
            fits = [p for p in fits if p.words[-1] == words[0]] or fits
        if gender:  # "Mr. Obama" is not Michelle Obama, even where she is the only Obama named in full
            genders = {p.name: self.person_gender(p.name) for p in fits}
            fits = [p for p in fits if genders[p.name] in (None, gender)]
            fitting = [p for p in fits if genders[p.name] == gender]
            if len(fits) > 1 and len(fitting) == 1:
                return fitting[0]
        if len(fits) > 1:  # two Clintons: the one the article names more, if clearly so
            fits.sort(key=lambda p: -len(p.mentions))
            if len(fits[0].mentions) <= len(fits[1].mentions):
                return None
        return fits[0] if fits else None

    def person_before(self, offset: int) -> Person | None:
        i = bisect_left(self.positions, (offset, ""))
        return self.people[self.positions[i - 1][1]] if i else None

    def someone_before(self, offset: int) -> Person | None:
        """The last one named before `offset` who is surely a person (see DocumentGenders.surely_a_person): the
        people also hold "Islamic State", "Wall Street" and "Super Tuesday", whom a "he" went to."""
        genders = self.genders()
        i = bisect_left(self.positions, (offset, ""))
        return next((self.people[name] for _, name in reversed(self.positions[:i]) if genders.surely_a_person(name)),
                    None)

    def by_role(self, head: str, before: int) -> Person | None:
        words = role_nouns().get(head)
        if not words:
            return None
        fits = [p for p in self.people.values()
                if p.role and p.first < before and any(w in p.role.lower() for w in words)]
        return max(fits, key=lambda p: p.first) if len(fits) >= 1 else None

    def _named_in_headline(self, mention: Mention) -> Person | None:
        """"Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’": in a title-case line a run of capitals is no
        name; the speaker is the first person the article names within it."""
        if len(mention.tokens) < 3 or not _inside(mention.start, self.headlines):
            return None
        i = bisect_left(self.positions, (mention.start, ""))
        named = [name for at, name in self.positions[i:] if at < mention.end]
        return self.people[named[0]] if named else None

    def genders(self) -> DocumentGenders:
        if self._genders is None:  # built when a "he" or "she" first asks: many documents have none
            self._genders = DocumentGenders(self.text, self.positions, {n: p.role for n, p in self.people.items()})
        return self._genders

    def person_gender(self, name: str) -> str | None:
        """"male", "female" or None: what the document and the person's first name say (gender.py); None for
        a name the document does not hold as a person's ("Clinton herself": no man named Clinton)."""
        return self.genders().person_gender(name) if name in self.people else None

    def _he_or_she(self, mention: Mention, previous: Speaker | None, wanted: str) -> Speaker:
        """The previous speaker, if a person, else the last person named; but "she" never goes to a man (nor
        "he" to a woman) while someone who fits was named shortly before: the nearest who agrees, else the
        nearest whose gender is not known. When nobody fits, nobody: "she" after only men is mostly a woman
        the resolver does not hold as a person ("Clinton" alone, "a resident named Caroline"), not one of them."""
        if previous and previous.kind == "person" and previous.name is None and previous.gender == wanted:
            return previous  # "she said ... she added": the same woman, still unnamed
        if previous and previous.kind == "person" and previous.name:
            chosen = Speaker(previous.name, previous.role, "person", 0.9)
        else:
            person = self.someone_before(mention.start)
            if person is None:
                return Speaker(None, None, "person", 0.5)
            chosen = Speaker(person.name, person.role, "person", 0.7)
        if self.person_gender(chosen.name) in (None, wanted):
            return chosen
        named = [name for name in self.genders().named_before(mention.start, GENDER_LOOKBACK)
                 if self.genders().surely_a_person(name) and NOT_NAMES.isdisjoint(name.split())]  # "One Sunday"
        fits = [name for name in named if self.person_gender(name) == wanted] or \
            [name for name in named if self.person_gender(name) is None]
        if fits:  # as sure as the usual choice: the gender only tells between people named alike
            person = self.people[fits[0]]
            return Speaker(person.name, person.role, "person", chosen.certainty)
        # The claim stays as sure as it was: its source is still the pronoun, only the name is withheld (at 0.5
        # a claim of the rules alone fell under combine.RULES_ALONE_SURE: one real claim less on PolNeAR dev).
        return Speaker(None, None, "person", chosen.certainty, wanted)

    def resolve(self, mention: Mention, previous: Speaker | None) -> Speaker:
        return tidy_speaker(self._resolve(mention, previous, clean=True))

    def _resolve(self, mention: Mention, previous: Speaker | None, clean: bool) -> Speaker:
        phrase = mention.text.strip()
        low = phrase.lower()
        if mention.kind == "pronoun":
            low = without_contraction(low)
            if low == "who":  # "Juanita Broaddrick, who said": the person named just before
                before = _word_before(self.text, mention.start)
                if before and _people_plural(before.group(1)):
                    # "the party leaders who", "30 percent who": a group, not the last person named before (the
                    # resolver's choice for 64 such "who"s on PolNeAR train and dev). A singular noun before "who"
                    # ("the political novice who") mostly stands for the last person named, who stays.
                    return Speaker(None, None, "group", 0.8)
                person = self.person_before(mention.start)
                if person:
                    return Speaker(person.name, person.role, "person", 0.8)
            if low in {"he", "she"}:
                return self._he_or_she(mention, previous, pronoun_gender(low))
            if low in {"they", "we"} and previous and previous.kind in {"group", "organisation", "government"}:
                return Speaker(previous.name, previous.role, previous.kind, 0.7)
            return Speaker(None, None, PRONOUNS.get(low), 0.5)
        author = document_author(mention)
        if author is not None:  # "a poll by the Pew Research Center": the center speaks
            return self._resolve(author, previous, clean)
        narrower = (relative_pronoun_subject(mention) or narrower_mention(self.text, mention)) if clean else None
        if narrower is not None and narrower.text != phrase:  # see speaker_names.py
            # No surer than the whole mention: the cut mends the name, not the source, and a claim's confidence
            # counts its speaker's certainty ("Trump received 38 percent support" became a claim of Donald
            # Trump's, one more on PolNeAR dev, wrong).
            speaker, whole = self._resolve(narrower, previous, clean), self._resolve(mention, previous, False)
            return replace(speaker, certainty=min(speaker.certainty, whole.certainty))
        bare = without_article(phrase)
        first = first_part(bare)  # "Even China, Pyongyang's only ally": China
        government = country(bare) or country(first)
        if government:
            return Speaker(government, None, "government", 0.9)
        if is_place(first):  # "Ohio eliminated ...": a state, as sure as a country (it was a person)
            return Speaker(first, None, "government", 0.9)
        role, name = split_role(phrase)
        # "Mrs. Clinton": a title of address, no role; it tells Hillary from Bill Clinton (who was taken for her
        # when the article named him more). Other roles may be someone else's ("Schilling, through a spokeswoman").
        gender = role_gender(role) if role in COURTESY_TITLES else None
        role = None if gender else role
        if name.isupper() and self.lookup(name.title()):  # "JAKE TAPPER:" heading a transcript's turn
            name = name.title()
        # "Media Research Center’s Bozell": the name is what follows the possessive.
        owned = _after_possessive(name)
        if owned != name and owned[:1].isupper() and looks_like_person(_strip_name(owned)):
            name = owned
        # "Homeland Security Deputy Secretary Alejandro Mayorkas", "Clark County Sheriff Joe Lombardo": a
        # role split_role does not know, before a name.
        named = self.lookup(name, gender) if looks_like_person(_strip_name(name)) else None  # the person, if named
        titled = split_at_last_title(name) if clean and named is None else None
        if titled is not None:  # the title goes before an aside ("Congressman, a Trump supporter")
            title, name = titled
            role = f"{title}, {role}" if role and "," in phrase else " ".join(filter(None, (role, title)))
            named = self.lookup(name)
        # "supporters of Democrat Hillary Clinton", "lawyers for both Donald and Ivana Trump": a group of people
        # speaks, not the person named after its head.
        group_headed = clean and names_a_group(bare) and not bare[:1].isupper() and "," not in bare
        if mention.kind == "name" and looks_like_person(_strip_name(name)) and not group_headed:
            person = named or self._named_in_headline(mention)
            if person:
                return Speaker(person.name, role or person.role, "person", 0.95)
            stripped = _strip_name(name)
            certainty = 0.9 if len(stripped.split()) > 1 else 0.6
            return Speaker(stripped, role, "person", certainty)
        kind = mention_kind(phrase)
        head = bare.split()[-1].lower().strip(".,") if bare.split() else ""
        if mention.kind == "nominal" or (bare != phrase and not head[:1].isupper() and kind == "person"):
            # "the minister", "The Florida senator": a role, to be matched to a person the text names
            person = self.by_role(head, mention.start)
            if person:
                return Speaker(person.name, person.role, "person", 0.75)
            if kind == "group" or head in GROUP_WORDS:
                return Speaker(phrase[0].lower() + phrase[1:], None, "group", 0.8)
            role = nominal_role(phrase)  # "a senior administration official": unnamed, but in a role
            return Speaker(None, role, "person" if role else kind, 0.5)
        # "About four in 10 South Carolina Republican primary voters", "Senate Republican leaders": a group
        # (61 claims' speakers were a person or an organisation).
        group = clean and kind in {"person", "organisation"} and names_a_group(bare)
        if kind == "organisation":  # "South Carolina Republican Party, whose roots ...": the name before its aside
            return Speaker(first if first != first.lower() else bare, None, "group" if group else kind, 0.85)
        return Speaker(_strip_name(phrase), role, "group" if group else kind, 0.6)


def document_author(mention: Mention) -> Mention | None:
    """The author in "a recent report from Bloomberg New Energy Finance": who the speaker is (before, the
    speaker was "report from Bloomberg New Energy Finance" or none, for 24 claims on PolNeAR train)."""
    match = AUTHORED_DOCUMENT.search(mention.text)
    if match is None or not match.group("author").strip():
        return None
    return mention_at_text(match.group("author"), mention.start + match.start("author"))


def _word_before(text: str, at: int) -> re.Match | None:
    """WORD_BEFORE's match before `at`. Searched from the text's start, it tried every word of the text up to
    there (2% of the fast path's time); the last WORD_BEFORE_CHARS characters almost always hold the whole
    word. Where its match starts at the window's edge (the word may go on before it) or there is none, the
    whole text is searched as before: the same match either way."""
    start = max(0, at - WORD_BEFORE_CHARS)
    match = WORD_BEFORE.search(text, start, at)
    if start and (match is None or match.start() == start):
        match = WORD_BEFORE.search(text, 0, at)
    return match


def _people_plural(word: str) -> bool:
    """"voters", "those", "percent": a word that stands for many people."""
    return word in PEOPLE_PLURALS or word in {"those", "others", "many", "some", "all", "percent"} \
        or word.islower() and word.endswith("s") and not word.endswith("ss")


@lru_cache(maxsize=NAME_CACHE)
def _name_in_run(run: str) -> str:
    """The name a run of capitalised words ends in: "U.S. Secretary of State Antony Blinken" reads as runs
    "U.S. Secretary", "State Antony Blinken"; "Democracy Corps’ Stan Greenberg", "Pastor Kevin Swanson"."""
    words = _after_possessive(run).split()
    while words and words[-1] in WEEKDAYS:  # "said Pence Thursday", "Super Tuesday"
        words.pop()
    while words and (words[0] in NOT_NAMES or in_role_words(words[0], NOT_NAME_OPENERS) or "." in words[0]
                     or words[0].endswith(("-based", "-born"))):
        words.pop(0)
    # "Texas Governor Greg Abbott", "Washington Political Editor Matthew Boyle": the name follows the last
    # title or descriptor.
    titled = [k for k, word in enumerate(words[:-2]) if in_role_words(word, NOT_NAME_OPENERS)]
    if titled:
        words = words[titled[-1] + 1:]
    return _strip_name(" ".join(words))


def _after_possessive(name: str) -> str:
    """"Media Research Center’s Brent Bozell" -> "Brent Bozell"; "Democracy Corps’ Stan Greenberg" too."""
    for mark in ("’s ", "'s ", "s’ ", "s' "):
        if mark in name:
            name = name.rpartition(mark)[2]
    return name


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case, where every word is capitalised: a run of capitals there is no name
    ("Trump Supporter Screams 1 Controversial Word" made a person "Trump Supporter Screams", to whom
    every later "Trump" went), except a speaker's name before a colon at the line's start."""
    spans = []
    for start, end in paragraphs(text):
        # Most lines have a lower-case word within their first few: those are not split whole (the head's
        # last word may be cut short, so it does not count).
        head = text[start:start + 60].split()[:-1] if end - start > 60 else ()
        if any(w[:1].islower() and w.lower() not in MINOR_WORDS for w in head):
            continue
        words = text[start:end].split()
        if any(w[:1].islower() and w.lower() not in MINOR_WORDS for w in words):
            continue
        if sum(w[:1].isalpha() and w.lower() not in MINOR_WORDS for w in words) >= 4:
            colon = text.find(":", start, end)  # "Cecile Richards: ‘I’m Sick Of ...’" names who speaks
            spans.append((colon + 1 if 0 <= colon and len(text[start:colon].split()) <= 4 else start, end))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset falls in one of the spans (quotes: sorted, never overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
