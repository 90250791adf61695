"""Speaker names from source mentions that hold more than a name.

Without a parser a source mention may run over a dateline, a caption, an age or a verb, or start at a
relative pronoun; SpeakerResolver.resolve then made the whole phrase a speaker's name ("WASHINGTON — Sen.
Bernie Sanders (I-Vt.)", "58, who lives outside Minneapolis", "Trump reminds me of Abraham Lincoln").
`narrower_mention` gives the part of such a mention that names the speaker, to be resolved in its place;
the claim's speaker_mention stays as it was. The counts below are of claims on PolNeAR train (fast path).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from claims.extract.mentions import (DETERMINERS, DISCOURSE_WORDS, DOCUMENT_NOUNS, GROUP_WORDS, NAME_CACHE,
                                     PEOPLE_PLURALS, NEGATED_AUXILIARY, NOUNS_LIKE_VERBS, OBJECT_PRONOUNS, OPENERS,
                                     STOPS, TITLE_WORDS, Mention, mention_at_text, without_contraction)
from claims.extract.names import DESCRIPTORS, looks_like_person

# "Jacob Shiansky, 24, who was visiting ...": the mention began at the age; the name stands before it
# (16 claims named "24, who was visiting Manhattan from South Carolina" and the like).
AGE_ASIDE = re.compile(r"\d{1,3},\s")
NAME_BEFORE_COMMA = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}(?=,[^\S\n]*$)")
# "WASHINGTON — Sen. Bernie Sanders (I-Vt.)": a dateline in capitals before a dash; "Jason Sims — a teacher
# from Mount Pleasant —": an aside between dashes after the name (24 claims had a dash in their name).
DASH = re.compile(r"[^\S\n]*[—–][^\S\n]*")
DATELINE = re.compile(r"(?:[A-Z][A-Z.’',-]*[^\S\n]+)*[A-Z][A-Z.’'-]+[^\S\n]*[—–][^\S\n]*")
# "9:31PMKasich And BushASSOCIATED PRESSOhio Gov. John Kasich": a time and a photo caption run into the
# name without a space; the name begins at the last place where capitals meet a capitalised word.
GLUED = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])")
# "AT LEAST 10 KILLED IN ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan": a headline in capitals.
SHOUTED_HEAD = re.compile(r"(?:(?:[A-Z][A-Z’'-]+|\d+)[^\S\n]+){3,}(?=[A-Z][a-z])")
# Verbs a capitalised scan ran over ("Bernie Sanders (I-Vt.) visited NBC’s “Today”", "Fiorina and other HP
# leaders penned a series of ... letters"): a lower-case past form after the subject's last word; a present
# form only before its object ("Trump reminds me of Abraham Lincoln"), as plural nouns end in -s too.
NOT_VERBS = {"red", "bed", "need", "seed", "speed", "feed", "greed", "creed", "breed", "hundred", "shed",
             "united", "elected", "retired", "armed", "appointed", "based", "born", "alleged", "so-called",
             "named", "called", "focused", "related", "renowned", "embattled", "beloved", "biased",
             "registered"}  # "Democratic registered voters"
# After these a past form is a participle: "People briefed on the situation", "an audience gathered in".
PARTICIPLE_FOLLOWERS = {"by", "on", "in", "at", "to", "about", "over", "as", "during", "under", "with", "for",
                        "from", "into"}
OBJECT_OPENERS = OBJECT_PRONOUNS | {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                                    "that", "it", "you"}
# A capitalised run may hold a title no title pattern knows, or several ("Homeland Security Deputy Secretary
# Alejandro Mayorkas", "former New York City Mayor Michael Bloomberg"): the name follows the last title word
# (the whole run was the name of 40 claims' speakers). Only words that stand right before a name count: not
# "House" or "of" ("the Bureau of Labor Statistics" is no "Labor Statistics"), nor an adjective.
LOCAL_TITLES = {"alderman", "alderwoman", "councilman", "councilwoman", "councilmember", "sheriff", "recorder",
                "treasurer", "comptroller", "auditor", "superintendent", "commander", "chair", "ceo", "founder",
                "co-founder", "counselor"}
ADJECTIVES = {"former", "republican", "democratic", "gop", "independent", "conservative", "liberal", "progressive",
              "presidential", "presumptive", "incumbent"}
NOT_BEFORE_NAMES = {"house", "state", "of", "foreign", "defence", "defense", "campaign", "press", "staff", "special",
                    "supreme", "majority", "minority", "prime", "vice", "deputy"}
TITLES_BEFORE_NAMES = (TITLE_WORDS | DESCRIPTORS | LOCAL_TITLES) - NOT_BEFORE_NAMES - ADJECTIVES
ROLE_WORDS = TITLE_WORDS | DESCRIPTORS | LOCAL_TITLES
QUANTITY = re.compile(r"^(?:(?:about|only|some|nearly|almost|roughly|more than|fewer than|less than|at least)\s+)*"
                      r"(?:\S+\s+(?:in|of|out of)\s+(?:10|ten|\d+)\b|[\d.,]+\s*(?:%|percent)|half|most|many|"
                      r"(?:a\s+)?majorit(?:y|ies)|(?:a\s+)?third|two-thirds|(?:a\s+)?quarter)", re.I)
CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
PREPOSITIONS = {"of", "in", "at", "on", "from", "with", "for", "across", "among", "inside", "outside", "who"}


def narrower_mention(text: str, mention: Mention) -> Mention | None:
    """The part of `mention` that names its speaker when the rest is a dateline, a caption, an age or a
    clause; None when the mention is a name as it stands."""
    phrase = mention.text
    if AGE_ASIDE.match(phrase) or opens_relative_clause(phrase):
        return name_before_comma(text, mention.start)
    part = _name_part(phrase)
    return mention_at_text(part[1], mention.start + part[0]) if part else None


@lru_cache(maxsize=NAME_CACHE)
def _name_part(phrase: str) -> tuple[int, str] | None:
    """(where in `phrase`, what) the part left by the first cut that applies, if any."""
    for cut in (_after_dateline, _after_caption, _before_dash, _before_verb, _before_time, _before_auxiliary,
                _before_trailing_words, _after_conjunction):
        span = cut(phrase)
        if span is not None:
            start, end = span
            inner = phrase[start:end].strip(" ,")
            if inner:
                return phrase.index(inner, start), inner
    return None


def name_before_comma(text: str, at: int) -> Mention | None:
    """"Woodrow Benford, 58, who lives ...", "Trump, who has been feuding ...": the name before the comma."""
    match = NAME_BEFORE_COMMA.search(text, max(0, at - 80), at)
    return mention_at_text(match.group(), match.start()) if match else None


def _after_dateline(phrase: str) -> tuple[int, int] | None:
    match = DATELINE.match(phrase)
    return (match.end(), len(phrase)) if match and match.end() < len(phrase) else None


def _after_caption(phrase: str) -> tuple[int, int] | None:
    glued = [m.start() for m in GLUED.finditer(phrase)]
    if glued and len(phrase[glued[-1]:].split()) >= 2:
        return glued[-1], len(phrase)
    shouted = SHOUTED_HEAD.match(phrase)
    return (shouted.end(), len(phrase)) if shouted else None


def _before_dash(phrase: str) -> tuple[int, int] | None:
    dash = DASH.search(phrase)
    return (0, dash.start()) if dash and dash.start() > 0 else None


def _before_verb(phrase: str) -> tuple[int, int] | None:
    """The subject before the first verb of a clause the mention ran over."""
    words = list(re.finditer(r"\S+", phrase))
    for k in range(1, len(words) - 1):
        word, before, after = words[k].group(), words[k - 1].group(), words[k + 1].group()
        if _is_verb(word, before, after):
            return 0, words[k - 1].end()
    return None


def _is_verb(word: str, before: str, after: str) -> bool:
    if not word.isalpha() or not word.islower() or word in NOT_VERBS or after.lower() in PARTICIPLE_FOLLOWERS:
        return False  # "polls conducted by Edison Research": a participle, the phrase goes on
    low = before.lower()
    ends_subject = before[:1].isupper() or before.endswith(")") or low in TITLES_BEFORE_NAMES | PEOPLE_PLURALS
    if not ends_subject or low in DETERMINERS or low in ADJECTIVES or before.endswith(("’s", "'s")):
        return False
    if word.endswith("ed") and len(word) > 4:
        return True
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3 and after.lower() in OBJECT_OPENERS


# "Sanders campaign on Monday", "Wells Fargo just this month", "Trump at the time", "Obama administration long
# ago": when it spoke is no part of who spoke.
TIME = re.compile(r",?\s+(?:(?:on|at|in|just|early|late|last|this|next|earlier|later|since|until|by|for)\s+)+"
                  r"(?:the\s+)?(?:(?:first|same)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|"
                  r"February|March|April|May|June|July|August|September|October|November|December|week|weekend|"
                  r"month|year|night|morning|afternoon|evening|time|moment)\b"
                  r"|,?\s+(?:today|yesterday|tonight|long ago|ago|now|then|soon|once)$")
# "Israel must", "Sanders didn't come", "Ed Krayewski may": the subject ends before its auxiliary.
AUXILIARY_VERBS = {"may", "might", "must", "can", "could", "would", "should", "will", "shall", "did", "does", "do",
               "has", "have", "had", "is", "was", "are", "were"}
# "Sanders himself", "Richards and Menendez both", "Gorka similarly", "Carter however".
TRAILING_WORDS = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "both", "all", "alone",
                  "too", "however", "also", "again", "instead", "though", "meanwhile", "still", "yet", "even"}
# "whereas Petraeus", "until Haley": the clause's subject follows its conjunction.
CONJUNCTIONS = {"whereas", "until", "unless", "which", "whatever", "although", "though", "while", "when", "if",
                "because", "since", "as", "but", "and", "so", "yet", "or"}
PERSONAL_SUBJECTS = {"he", "she", "they", "we"}
WORDS = re.compile(r"\S+")


def _before_time(phrase: str) -> tuple[int, int] | None:
    match = TIME.search(phrase)
    if match is None or match.start() == 0 or phrase[match.end():] != phrase[match.end():].lower():
        return None  # "officials involved at the time. Mr. Kim": a name after the time may be the source
    return 0, match.start()


def _before_auxiliary(phrase: str) -> tuple[int, int] | None:
    words = phrase.split(",")[0].split()  # not in an aside: "lawmakers, who are close to"
    for k in range(1, len(words)):
        if words[k] in AUXILIARY_VERBS or words[k].islower() and NEGATED_AUXILIARY.search(words[k]):
            return 0, _word_end(phrase, k - 1)
    return None


def _before_trailing_words(phrase: str) -> tuple[int, int] | None:
    if " and " in phrase:  # "John Bolton and Dr. Sebastian Gorka both": two people, not the last one
        return None
    words = phrase.split()
    kept = len(words)
    while kept > 1 and (words[kept - 1] in TRAILING_WORDS or _adverb(words[kept - 1])):
        kept -= 1
    return (0, _word_end(phrase, kept - 1)) if kept < len(words) else None


def _word_end(phrase: str, k: int) -> int:
    """Where the k-th word of phrase.split() ends in `phrase` (the cuts split first: most phrases have no cut)."""
    return next(islice(WORDS.finditer(phrase), k, None)).end()


def _adverb(word: str) -> bool:
    """"similarly", "happily": a lower-case word in -ly ("ally" and "family" are nouns)."""
    return word.isalpha() and word.islower() and word.endswith("ly") and word not in NOUNS_LIKE_VERBS


def _after_conjunction(phrase: str) -> tuple[int, int] | None:
    words = phrase.split(None, 1)
    if len(words) == 2 and words[0] in CONJUNCTIONS and words[1][:1].isupper():
        return len(phrase) - len(words[1]), len(phrase)
    return None


@lru_cache(maxsize=NAME_CACHE)
def first_part(phrase: str) -> str:
    """"Even China, Pyongyang's only ally" -> "China": what a phrase names before its aside."""
    words = phrase.split(",")[0].split()
    while len(words) > 1 and words[0].lower() in DISCOURSE_WORDS - {"some"}:
        words = words[1:]
    return " ".join(words)


def ends_in_pronoun(phrase: str) -> str | None:
    """"early September we", "How he", "Huffington Post he's": the pronoun that is the subject, if any."""
    words = phrase.split()
    pronoun = without_contraction(words[-1]) if len(words) > 1 else None
    return pronoun if pronoun in PERSONAL_SUBJECTS else None


def relative_pronoun_subject(mention: Mention) -> Mention | None:
    """"Marco Rubio, who many in the Republican establishment had backed", "Bannon, who Beck on Wednesday
    called ...": "who" is the verb's object and the words after it its subject, to be resolved; None when
    "who" is the subject ("Trump, who has been feuding with ...": the name before the comma)."""
    words = mention.text.split()
    if len(words) < 2 or words[0] != "who":
        return None
    if words[1][:1].isupper():
        named = CAPITALISED.match(mention.text, len(words[0]) + 1)
        return mention_at_text(named.group(), mention.start + named.start())
    if len(words) < 3 or words[1].lower() not in DETERMINERS or words[2].endswith("ed"):
        return None  # "who all lived outside New Hampshire": "all" goes with "who"
    rest = mention.text.split(None, 1)[1]
    return mention_at_text(rest, mention.start + mention.text.index(rest))


def opens_relative_clause(phrase: str) -> bool:
    """"who has been feuding with Republican leaders this week, on Friday": the source is "who"."""
    return phrase.split(None, 1)[0] == "who" if phrase.strip() else False


def split_at_last_title(name: str) -> tuple[str, str] | None:
    """("Homeland Security Deputy Secretary", "Alejandro Mayorkas"): a role ending in a title word before a
    full name; "of New York" after the name goes ("Representative Peter T. King of New York")."""
    words = name.split()
    if "of" in words[1:]:  # where the person is from, or a title's own "of" ("Secretary of State")
        of = len(words) - 1 - words[::-1].index("of")
        titled_before = of >= 3 and any(w.lower() in ROLE_WORDS for w in words[:of - 2])
        if titled_before and looks_like_person(" ".join(words[of - 2:of])):
            words = words[:of]
    titled = [k for k, w in enumerate(words[:-2]) if w.lower() in TITLES_BEFORE_NAMES]
    if not titled:
        return None
    role, person = words[:titled[-1] + 1], words[titled[-1] + 1:]
    if "," in name or not _reads_as_role(role) or person[0].lower() in STOPS | OPENERS \
            or not looks_like_person(" ".join(person)) or any(w.lower() in ROLE_WORDS for w in person[:-1]):
        return None
    return " ".join(role), " ".join(person)


def _reads_as_role(words: list[str]) -> bool:
    """Not "Senator Ted Cruz of Texas and Senator" (two people), "A spokesman for Mayor" or "supporters of
    Democrat" (someone else speaks), "The decisive victory led ... Chairman" (a clause): a role has no
    conjunction, no preposition but a title's "of" ("Secretary of State"), no lower-case verb or plural."""
    for k, word in enumerate(words):
        low = word.lower()
        if low == "of":
            if k == 0 or not words[k - 1][:1].isupper():
                return False
        elif word[:1].islower() and (low in STOPS or low.endswith(("ed", "s")) and low not in ROLE_WORDS):
            return False
    return True


@lru_cache(maxsize=NAME_CACHE)
def names_a_group(phrase: str) -> bool:
    """Whether a phrase names a group of people: a share of them, or a plural head ("voters", "supporters")."""
    words = [w.lower().strip(".,’'") for w in phrase.split()]
    at = next((k - 1 for k in range(1, len(words)) if words[k] in PREPOSITIONS), len(words) - 1)
    if any(w in DOCUMENT_NOUNS for w in words[:at + 1]):
        return False  # "A poll conducted by voters in ...": the poll speaks
    return bool(QUANTITY.match(phrase)) or (bool(words) and words[at] in PEOPLE_PLURALS)
