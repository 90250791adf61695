"""The gender of the people a document names, so that "he" and "she" go to someone who fits.

The document speaks first: a courtesy title or a gendered noun before a name ("Mrs. Clinton",
"Congresswoman Tulsi Gabbard", "her husband, Bill Clinton") and the pronoun that follows it ("Sanders said
he", "Fiorina, who said she"). A first-name lexicon (gender-guesser) adds its answer only where it is sure:
"Lindsey" (mostly female) and "Bernie" (mostly female worldwide, mostly male in the US) say nothing, and
"Lindsey Graham said he" makes Graham a man; against a sure answer ("Hillary") the document needs more
than one stray pronoun (see _decide). A gender is "male", "female" or None (not known).

SpeakerResolver builds one DocumentGenders per document, the first time a "he" or "she" asks, and each
person's gender is found once: a look at the few characters around each of their mentions, no scan of
the whole text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from claims.extract.mentions import NAME_CACHE

MALE, FEMALE = "male", "female"
PRONOUN_GENDERS = {"he": MALE, "she": FEMALE, "his": MALE, "himself": MALE, "herself": FEMALE}
# Words right before a name that tell its bearer's gender ("his wife, Melania Trump", "Mr. Trump"; not
# "the wife of Bill Clinton", where the name is someone else's: the word must touch the name).
# Not "spokesman" or "chairman", said of women too ("Trump spokesman Hope Hicks").
MALE_WORDS = ("Mr", "Sir", "congressman", "assemblyman", "councilman", "alderman", "businessman", "anchorman",
              "husband", "father", "son", "brother", "grandfather", "grandson", "widower", "king", "prince", "duke",
              "boyfriend", "nephew", "uncle", "dad")
FEMALE_WORDS = ("Mrs", "Ms", "Miss", "Madam", "Dame", "congresswoman", "assemblywoman", "councilwoman",
                "alderwoman", "chairwoman", "spokeswoman", "businesswoman", "anchorwoman", "actress", "wife",
                "mother", "daughter", "sister", "grandmother", "granddaughter", "widow", "lady", "queen",
                "princess", "duchess", "girlfriend", "niece", "aunt", "mom")
_WORDS = r"(?i:{})"
GENDERED_BEFORE = re.compile(r"\b(?:(?P<male>" + _WORDS.format("|".join(MALE_WORDS)) + r")|(?P<female>"
                             + _WORDS.format("|".join(FEMALE_WORDS)) + r"))\.?,?\s+$")
GENDERED_ROLE = re.compile(GENDERED_BEFORE.pattern.replace(r"\.?,?\s+$", r"\b"))
# GENDERED_BEFORE's word can only be the last one before a mention; searched for, it was tried at each of the
# BEFORE_CHARS characters there (0.07 s on PolNeAR train). title_gender reads that word backwards (0.015 s).
GENDERED_WORD = re.compile(GENDERED_BEFORE.pattern.removeprefix(r"\b").removesuffix(r"\.?,?\s+$"))
WORD_CHARS = re.compile(r"\w*")
# The first he, she, his, himself or herself after a name, in the same clause outside quotes: a quote's "he"
# is someone the speaker talks about, and past a sentence's end the text may have turned to someone else.
# "her" does not count: after a name it is as often someone else ("Trump called her").
PRONOUN_AFTER = re.compile(r"(?:[^\n“”\"‘!?;.]|\.(?![^\S\n]*(?:[A-Z\n]|$)))*?"  # a "." only inside "(R-Vt.)"
                           r"\b(?P<pronoun>he|she|his|himself|herself)\b", re.IGNORECASE)
# A name as it runs on in the text: capitalised words and initials on one line ("Joseph R. Biden Jr.",
# "O’Malley"), not over a sentence's end ("Hillary Clinton. Now, he") nor into a possessive ("Clinton’s").
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w-]*(?:[’'][A-Z][\w-]*)?)"
NAME_RUN = re.compile(_NAME_WORD + r"(?:[^\S\n]+(?:Jr\.|Sr\.|" + _NAME_WORD + "))*")
# Only a name that is likely its clause's subject counts its pronoun: one after a lower-case word is mostly an
# object ("Trump called Carly Fiorina as his ...", "against Hillary Clinton, he"). On PolNeAR train a name's
# pronoun and its first name's gender agreed 89-97% of the time after a line's start, a mark or a capitalised
# word, 83-100% after these words, and 50-88% after other lower-case words (prepositions the least).
SUBJECT_BEFORE = {"said", "says", "and", "that", "but"}
WORD_BEFORE = re.compile(r"(?<![\w’'-])([a-z][\w’'-]*)[^\S\n]*$")
BEFORE_CHARS = 40  # "Democratic Congresswoman " and a little more
AFTER_CHARS = 100  # "Sanders, who won New Hampshire by 22 points last week, said he"
TITLE_WEIGHT = 2  # a title or a noun says it outright; one pronoun may still be someone else's
# A sure answer from the lexicon weighs about a title and a pronoun: the lexicon is seldom wrong on a name it
# is sure of, the words around a mention are now and then someone else's ("Beloved by her husband, Nancy").
LEXICON_WEIGHT = 3
SURE = 2  # the document's own evidence that a name is a person's: a title, or two pronouns


@lru_cache(maxsize=1)
def _lexicon():
    import gender_guesser.detector  # loaded on first use: 0.2 s, and most commands never ask

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=NAME_CACHE)
def _lexicon_answers(first: str) -> tuple[str, str]:
    """gender-guesser's answers for a first name, worldwide and in the US: male, female, mostly_male,
    mostly_female, andy (androgynous) or unknown (no first name it knows)."""
    if len(first) < 2 or not first.isalpha():
        return "unknown", "unknown"  # an initial ("J."), a hyphenated or odd word
    return _lexicon().get_gender(first), _lexicon().get_gender(first, "usa")


def first_name_gender(first: str) -> str | None:
    """The gender the lexicon gives a first name, when it is sure both worldwide and in the US: "Hillary"
    female, "Marco" male (androgynous in the US list), "Rand" nothing (female worldwide, male in the US)."""
    world, usa = _lexicon_answers(first)
    if world not in (MALE, FEMALE):
        return None
    other = FEMALE if world == MALE else MALE
    return None if usa in (other, f"mostly_{other}") else world


def is_first_name(first: str) -> bool:
    """Whether the lexicon knows the word as anyone's first name: "Lindsey" yes, "New" or "Wall" no."""
    return _lexicon_answers(first) != ("unknown", "unknown")


def role_gender(role: str | None) -> str | None:
    """The gender a role or courtesy title says ("Mrs.", "Congresswoman", "Mr."), if it says one."""
    found = GENDERED_ROLE.search(role) if role else None
    return None if found is None else MALE if found["male"] else FEMALE


def name_gender(name: str) -> str | None:
    """The lexicon's gender for a full name's first word ("Hillary Clinton"); None for a surname alone."""
    words = name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


def pronoun_gender(pronoun: str) -> str | None:
    return PRONOUN_GENDERS.get(pronoun.lower())


def _decide(male: int, female: int, lexicon: str | None) -> str | None:
    """The gender with at least twice the other's weight, the lexicon's sure answer counting LEXICON_WEIGHT:
    a single "Nancy ... his" does not make Nancy Reagan a man, three "Mr." before a name would; with no
    answer from the lexicon one "Lindsey Graham said he" is enough."""
    male += LEXICON_WEIGHT * (lexicon == MALE)
    female += LEXICON_WEIGHT * (lexicon == FEMALE)
    if male > female and male >= 2 * female:
        return MALE
    if female > male and female >= 2 * male:
        return FEMALE
    return None


class DocumentGenders:
    """The genders of one document's people, found once each and kept.

    `positions` is the resolver's sorted (offset, full name) list of person mentions; `roles` the role each
    person was named with. A mention that starts inside the name run before it ("Trump" in "Melania Trump",
    or in "Donald Trump" again) is a tail: the words around the run are the run's."""

    def __init__(self, text: str, positions: list[tuple[int, str]], roles: dict[str, str | None]):
        self.text = text
        self.roles = roles
        self._known: dict[str, str | None] = {}
        self._attested: dict[str, bool] = {}  # the document's own evidence was enough (see _decide)
        # (offset, name, end of its name run or None for a tail, offset of the next mention that is no tail)
        self.mentions: list[tuple[int, str, int | None, int]] = []
        run_end = -1
        for at, name in positions:
            head = at >= run_end
            if head:
                run = NAME_RUN.match(text, at)
                run_end = run.end() if run else at + 1
            self.mentions.append((at, name, run_end if head else None, len(text)))
        next_head = len(text)
        self._mentions_of: dict[str, list[tuple[int, int | None, int]]] = {}  # name -> (at, end, next head)
        for k in range(len(self.mentions) - 1, -1, -1):  # each mention's next head, from the end back
            at, name, end, _ = self.mentions[k]
            self.mentions[k] = (at, name, end, next_head)
            self._mentions_of.setdefault(name, []).append((at, end, next_head))
            next_head = at if end is not None else next_head
        # "Clinton" alone, when the text names Hillary and Bill Clinton, is either: what surrounds it says
        # nothing of one of them ("Mrs. Clinton" was counted for Bill where Bill had more mentions).
        words = Counter(w for name in {name for _, name in positions} for w in set(name.split()))
        self._shared = {w for w, n in words.items() if n > 1}

    def person_gender(self, name: str) -> str | None:
        """The document's evidence first, then the lexicon's answer for the first name."""
        if name not in self._known:
            male = female = 0
            for at, end, next_head in reversed(self._mentions_of.get(name, ())):
                if self._names_alone(at, name):
                    for gender in self._around(at, end, next_head):
                        male, female = male + (gender == MALE), female + (gender == FEMALE)
            role = role_gender(self.roles.get(name))
            if role:
                male, female = male + TITLE_WEIGHT * (role == MALE), female + TITLE_WEIGHT * (role == FEMALE)
            self._known[name] = _decide(male, female, name_gender(name))
            self._attested[name] = max(male, female) >= SURE
        return self._known[name]

    def surely_a_person(self, name: str) -> bool:
        """Whether the name is a person's by the lexicon (its first word is a first name) or by the document
        (a title, or pronouns): the resolver's people hold places and phrases too ("New York", "Rust Belt",
        "Then I"), which are no one for "she" to go to."""
        self.person_gender(name)
        return self._attested[name] or is_first_name(name.split()[0])

    def _names_alone(self, at: int, name: str) -> bool:
        """Whether the mention at `at` can be no one else: its first name is there, or its words are no
        one else's."""
        run = NAME_RUN.match(self.text, at)
        words = run.group().split() if run else []
        return name.split()[0] in words or not self._shared.intersection(words)

    def title_gender(self, at: int) -> str | None:
        """The gender the title or noun right before the mention at `at` gives ("Mrs." before "Clinton"),
        whoever the resolver took the mention for."""
        start = max(0, at - BEFORE_CHARS)
        before = self.text[start:at]
        head = before.rstrip()  # GENDERED_BEFORE, read from its end: white space, a comma, a full stop, the word
        if len(head) == len(before):
            return None
        head = head.removesuffix(",").removesuffix(".")
        word_start = len(head) - WORD_CHARS.match(head[::-1]).end()
        if word_start == 0 and start > 0 and WORD_CHARS.match(self.text, start - 1, start).end():
            return None  # the word runs on from before the stretch: it does not start in it
        found = GENDERED_WORD.fullmatch(head, word_start)
        return None if found is None else MALE if found["male"] else FEMALE

    def _around(self, at: int, end: int | None, next_head: int) -> list[str]:
        """The genders one mention shows: the title or noun right before it ("Congresswoman" before
        "Debbie", a tail in the run "Congresswoman Debbie Wasserman Schultz"), weighted; and, for the head of
        a run in a subject's place, the pronoun after it, before the next person is named."""
        titled = self.title_gender(at)
        found = [titled] * TITLE_WEIGHT if titled else []
        if end is not None and self._subject_place(at):
            after = PRONOUN_AFTER.match(self.text, end, min(next_head, end + AFTER_CHARS))
            if after:
                found.append(PRONOUN_GENDERS[after["pronoun"].lower()])
        return found

    def _subject_place(self, at: int) -> bool:
        """Whether the mention at `at` follows no lower-case word but SUBJECT_BEFORE (see there)."""
        word = WORD_BEFORE.search(self.text, max(0, at - 20), at)
        return word is None or word.group(1) in SUBJECT_BEFORE

    def named_before(self, offset: int, within: int) -> list[str]:
        """The people named in the `within` characters before `offset`, the nearest first, each once (tried
        and dropped on PolNeAR train, each making more "he"s and "she"s wrong than right: those named as a
        clause's subject first; leaving out a mention whose title says it is someone else, "Mrs. Clinton"
        taken for Bill Clinton)."""
        i = bisect_left(self.mentions, (offset, ""))
        seen: dict[str, None] = {}
        for at, name, end, _ in reversed(self.mentions[:i]):
            if at < offset - within:
                break
            if end is not None:
                seen.setdefault(name)
        return list(seen)
