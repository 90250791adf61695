"""Roles as an analyst reads them, and a resolved speaker tidied by its role.

The dashboard groups and compares speakers by name and role, so a role must be a noun phrase ("Ohio Gov.",
"a spokesman for the campaign"), and a speaker whose "name" is a role, a place or a pronoun names no one.
The counts below are of claims on PolNeAR train (fast path).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claims.extract.mentions import (ARTICLES, CLAUSE_WORDS, DISCOURSE_WORDS, DOCUMENT_NOUNS, JOINERS, NAME_CACHE,
                                     PEOPLE_PLURALS, PRONOUNS, STOPS, TITLE_WORDS, without_article)
from claims.extract.names import in_role_words, is_place, looks_like_person
from claims.extract.speaker_names import (ADJECTIVES, NOT_BEFORE_NAMES, NOT_VERBS, PREPOSITIONS, ROLE_WORDS,
                                         ends_in_pronoun, names_a_group)

if TYPE_CHECKING:
    from claims.extract.speakers import Speaker

# A role is a noun phrase ("Ohio Gov.", "a spokesman for the campaign"). A scan that ran past it brings a
# relative clause ("who managed Bob Dole's 1996 campaign"), an aside ("for example", "in Kentucky"), a
# participle ("speaking at a rally"), a verb ("made the ads") or an age ("63"): none of them is a role, and
# the dashboard groups speakers by role.
RELATIVE_PRONOUNS = {"who", "whose", "whom", "which", "that"}
NOT_ROLE_OPENERS = STOPS | {"along", "like", "unlike", "specifically", "instead", "meanwhile",
                            "soon", "whether", "until", "though", "although", "despite", "having", "it"}
# Lower-case words in -ing that open a role ("managing partner", "visiting fellow", "leading Democrat").
ING_ADJECTIVES = {"managing", "acting", "ranking", "leading", "founding", "visiting", "outgoing", "incoming",
                  "sitting", "presiding", "reigning", "governing", "consulting", "commanding", "polling",
                  "marketing", "banking", "ruling", "serving", "retiring", "rising", "working", "teaching",
                  "supervising", "publishing", "striking", "king", "ring", "wing"}
PAST_FORMS = {"made", "took", "wrote", "gave", "sent", "won", "lost", "ran", "led", "spoke", "got", "went",
              "came", "met", "became", "began", "brought", "thought", "saw", "knew", "held"}
AFFILIATION_OPENERS = {"of", "at"}  # "Mr. Mahaney, of RBC Capital Markets": an employer serves as a role
# "Even HBO comedian", "Some observers, including University of North Carolina professor Zeynep Tufekci":
# the role follows.
SKIPPED_BEFORE_ROLES = DISCOURSE_WORDS - {"some"} | {"including", "especially", "notably", "particularly"}
# "experts like", "the paper's" (Robert Costa), "A new": words a role does not end in.
NOT_ROLE_ENDINGS = ARTICLES | {"and", "like", "including"}
# "of that 2013 report": after a preposition "that" is a determiner, not a relative pronoun.
BEFORE_DETERMINER_THAT = STOPS | JOINERS


@lru_cache(maxsize=NAME_CACHE)
def clean_role(role: str | None) -> str | None:
    """The role's noun phrases, each part of "Ohio Gov., a Republican contender" on its own; None when
    nothing of it is a role."""
    if not role:
        return None
    parts = [_role_phrase(part.split()) for part in role.split(",")]
    return ", ".join(p for p in parts if p) or None


def _role_phrase(words: list[str]) -> str | None:
    cut = next((k for k, w in enumerate(words) if w.lower() in RELATIVE_PRONOUNS
                and not (w.lower() == "that" and k and words[k - 1].lower() in BEFORE_DETERMINER_THAT)), len(words))
    words = words[:cut]  # "a Washington state delegate who is part of the drive"
    while words and words[0].lower() in SKIPPED_BEFORE_ROLES:  # "Even HBO comedian"
        words = words[1:]
    # "Hillary Clinton and Senator" (Bernie Sanders), "Trump and Texas Sen." (Ted Cruz): the title after the
    # last "and" is the speaker's; what comes before names someone else (not so "a former director of the
    # Office of Management and Budget").
    joined = [k for k, w in enumerate(words) if w in {"and", "&"}]
    if joined and joined[-1] > 0 and _ends_in_name(words[joined[-1] - 1]):
        title = words[joined[-1] + 1:]
        if not title or title[-1].lower() in ROLE_WORDS:
            words = title
    while words and (words[-1].lower() in NOT_ROLE_ENDINGS
                     or words[-1].islower() and words[-1].endswith(("’s", "'s"))):
        words = words[:-1]
    if not words:
        return None
    first, low = words[0], words[0].lower()
    if low in AFFILIATION_OPENERS:
        return " ".join(words) if len(words) > 1 and words[-1][:1].isupper() else None
    if low in NOT_ROLE_OPENERS or low.isdigit() or first.islower() and _verb_form(low):
        return None
    phrase = " ".join(words)
    # "New York", "Kimberley Fritts", "Mike Huckabee and Chris Christie": a place or a name is no role (but
    # "Republican of South Carolina" is).
    if is_place(phrase) or "of" not in words and looks_like_person(phrase) and not in_role_words(words[-1], ROLE_WORDS):
        return None
    return phrase


def _ends_in_name(word: str) -> bool:
    """Whether `word` ends a person's name: capitalised, neither a title ("Sen.", "State") nor an initial."""
    return word[:1].isupper() and not word.endswith(".") and word.lower() not in ROLE_WORDS


def _verb_form(word: str) -> bool:
    if not word.isalpha():
        return False  # "award-winning", "self-described"
    if word.endswith("ing"):
        return word not in ING_ADJECTIVES
    # "undecided", "unaffiliated": an adjective
    return word in PAST_FORMS or word.endswith("ed") and word not in NOT_VERBS and not word.startswith("un")


# The head nouns of a role that stands for an unnamed person: "Justice Department spokeswoman", "a senior
# administration official", "The South Carolina Republican". Such a phrase is the speaker's role; it was the
# name of a person (or of an organisation: "spokeswoman" is one of its words), or nothing.
NOMINAL_HEADS = (ROLE_WORDS - ADJECTIVES - NOT_BEFORE_NAMES) | {
    "republican", "democrat", "official", "aide", "staffer", "operative", "member", "executive", "dean", "owner",
    "officer", "employee", "expert", "researcher", "scientist", "lawmaker", "legislator", "organizer",
    "volunteer", "delegate", "superdelegate", "supporter", "spokesman", "spokeswoman", "spokesperson", "chief",
    "prosecutor", "diplomat", "agent", "consultant"}
ROLE_LINKS = re.compile(r"\s+(?:for|of|to|at|with|from|in)\s+")


def role_head(phrase: str) -> str:
    """The head noun of a role: "legal director for the state ACLU" -> "director" (but "the secretary of
    state's website" -> "website")."""
    first = phrase.split(",")[0]
    words = (first if "’s " in first or "'s " in first else ROLE_LINKS.split(first, maxsplit=1)[0]).split()
    return words[-1] if words else ""


@lru_cache(maxsize=NAME_CACHE)
def nominal_role(phrase: str) -> str | None:
    """"a senior administration official" -> "senior administration official"; None when the phrase's head
    is no role ("the man", "officials", "Trump") or the phrase is a title alone ("Ohio Gov.")."""
    head = role_head(phrase)
    if head.lower() not in NOMINAL_HEADS or head[:1].isupper() and phrase.split()[0].lower() not in ARTICLES:
        return None
    return clean_role(without_article(phrase))


# "A spokesman for [Mr. Clinton]", "an aide to [Sen.] Tom Harlan": who speaks for the person named is not them.
SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|aide|advis[eo]r|lawyer|attorney|assistant|staffer)s?"
                        r"\s+(?:for|to|of)(?P<titles>(?:\s+\S+)*)$", re.I)
# Heads of a "role" that describes an organisation ("the progressive group One Wisconsin Now").
ORGANISATION_HEADS = {"group", "groups", "organization", "organisation", "company", "firm", "bank", "club", "church",
                      "site", "website", "newspaper", "network", "agency", "union", "institute", "foundation",
                      "association", "coalition", "nonprofit", "charity", "publication", "outlet", "pac", "tank"}


# "Clinton’s campaign", "Mrs. Clinton's campaign" and "Sanders’ aides" are the Clinton campaign and the Sanders
# aides: one name for analysts to compare, as "Clinton campaign" (the commonest form) reads.
# Only before these nouns: "Ryan’s office", "Sanders’s most passionate supporters" stay as they are.
OWNER_POSSESSIVE = re.compile(r"^(?:(?:Mr|Mrs|Ms)\.\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:’s|'s|’|')"
                              r"(?=\s+(?:campaign|camp|team|aides|advisers|advisors|allies|supporters|staff)$)")


DOCUMENT_PLURALS = DOCUMENT_NOUNS | {f"{noun}s" for noun in DOCUMENT_NOUNS}
# Words that open no name: a source phrase resolved as it stood made "Despite", "That", "What Sanders" and "It's
# worth" people. (Not modal verbs: "Will", "May" are names too; nor "The": "The Hill".)
NOT_NAME_WORDS = CLAUSE_WORDS | DOCUMENT_PLURALS | {"it", "i", "a", "an", "others", "everyone", "everybody", "nobody",
                                                   "none", "someone", "somebody", "anyone", "anybody", "additional"}
CONTRACTION = re.compile(r"[’'](?:s|m|re|ll|ve|d)$")
# Plural heads that are people beyond mentions.PEOPLE_PLURALS, in a phrase already known to name no single
# person ("Clinton defenders", "Local politicians"), and the nouns for a candidate's people ("Clinton camp").
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents")
ENTOURAGE_NOUNS = {"staff", "team", "camp"}


def _people_head(phrase: str) -> bool:
    """"Democratic sources", "Aides to Clinton", "Clinton defenders": a phrase headed by a plural of people (the
    head is the word before a preposition, else the last). A capitalised head ("Sanders") is a name unless it
    opens the phrase and is a people's word ("Aides")."""
    words = phrase.split()
    at = next((k - 1 for k in range(1, len(words)) if words[k] in PREPOSITIONS | {"to"}), len(words) - 1)
    head = words[at]
    if not head.islower():
        return at == 0 and head.lower() in PEOPLE_PLURALS
    return head not in DOCUMENT_PLURALS and (head in PEOPLE_PLURALS | ENTOURAGE_NOUNS or head.endswith(PEOPLE_ENDINGS))


def _person_named(name: str) -> str | None:
    """The name in a person's "name" as resolved, or None when it names no one. The tagger's source phrases,
    resolved as they stood, gave "his signature Trans-Pacific trade deal", "discussed Trump" and "That" as
    people, and a later "he" went to them. A name is capitalised words ("al-Assad" and the joiners of "Bill de
    Blasio" too) after any opening clause word ("What Sanders": Sanders). A phrase with other lower-case words
    goes whole, even where a name stands in it: the first name-like run in it was as often a place, a title or
    a day ("retired neurosurgeon Ben Carson", but "United States", "Political Affairs Wendy Sherman", "Super
    Tuesday")."""
    words = name.split()
    while words and CONTRACTION.sub("", words[0].lower()) in NOT_NAME_WORDS:
        words = words[1:]
    if words and all(w != w.lower() or w in JOINERS for w in words):
        return " ".join(words)
    return None


@lru_cache(maxsize=NAME_CACHE)  # the same speakers come back claim after claim
def tidy_speaker(speaker: Speaker) -> Speaker:
    """The speaker with a role that reads as one (see clean_role), and a person who is a place, someone
    else's spokesman, an organisation or two people told apart; equally sure."""
    name, role, kind = speaker.name, speaker.role, speaker.kind
    if kind == "person" and name and role:
        if is_place(role):  # "San Bernardino, Calif.": a city, and the mention no source
            return replace(speaker, name=None, role=None, kind=None)
        speaks_for = SPEAKS_FOR.search(role)
        if speaks_for and all(w.lower() in TITLE_WORDS for w in speaks_for.group("titles").split()):
            spokesman = f"{role} {name}"  # the spokesman speaks
            return replace(speaker, name=None, role=nominal_role(spokesman) or clean_role(spokesman))
        described = clean_role(role)  # "a sports and celebrity talent agency": what the speaker is
        if described and role_head(described).lower() in ORGANISATION_HEADS:
            return replace(speaker, role=None, kind="organisation")
    if name and ends_in_pronoun(name):  # "early September we": the pronoun spoke, unresolved
        return replace(speaker, name=None, role=None, kind=PRONOUNS[ends_in_pronoun(name)])
    unnamed_role = nominal_role(name) if name and kind in {"person", "organisation", "group"} else None
    if unnamed_role:  # "Justice Department spokeswoman": a role with no name, which names no one
        return replace(speaker, name=None, role=unnamed_role, kind="person")
    if kind == "person" and name and " and " in name and looks_like_person(name.split(" and ")[0]) \
            and name.split(" and ")[0].lower() not in TITLE_WORDS:  # "Jeb Bush and Chris Christie"
        kind = "group"
    if kind == "person" and name and name.isupper() and name.isalpha() and len(name) > 2:
        kind = "organisation"  # "ESPN", "POLITICO": a person's name is no acronym
    if kind == "person" and name and (names_a_group(name) or _people_head(name)):
        kind = "group"  # "Analysts", "Democratic sources", "Aides to Clinton"
    elif kind == "person" and name:
        name = _person_named(name)
        kind = kind if name else None
    if kind in {"organisation", "group"} and name:
        name = OWNER_POSSESSIVE.sub(r"\1", name)
    role = clean_role(role)
    if (name, role, kind) == (speaker.name, speaker.role, speaker.kind):
        return speaker
    return replace(speaker, name=name, role=role, kind=kind)
