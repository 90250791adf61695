"""What a phrase names: a person, with the title or role before or after the name split off ("U.S. Secretary of
State Antony Blinken"), a place, an organisation or a group. The speaker resolver and the store read phrases
through these; mentions.py finds the phrases.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from claims.extract.lexicon import titles
from claims.extract.mentions import (ARTICLES, DETERMINERS, DISCOURSE_WORDS, GROUP_WORDS, JOINERS, NAME_CACHE,
                                     ORGANISATION_WORDS, PRONOUNS, STOPS, TITLE_WORDS)


# Capitalised words that open a sentence, not a role ("But Sen. Ted Cruz", "When Sen. Bernie Sanders").
SENTENCE_OPENERS = ("But", "And", "Or", "So", "As", "When", "While", "With", "For", "The", "If", "Then", "After",
                    "Before", "Now", "In", "On", "At", "Also", "Even", "Finally", "Meanwhile", "Earlier", "Later",
                    "Last", "This", "That", "Yet", "Still", "Just", "Though", "Although", "Because", "Since",
                    "Until", "Where", "Why", "How", "What", "Who", "Like", "Unlike", "Under", "By", "From", "To",
                    "Of", "Both", "Only", "Once", "Here", "There", "Asked", "Said", "Says")


def _by_first_letter(words: tuple[str, ...], ignore_case: bool = True) -> str:
    """An alternation of `words` grouped by first letter: `re` tries the branches of an alternation one by
    one, so at each word the words of other letters now fail at once, not one by one. Within a group the
    order stays (titles: longest first), so the same word wins."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word[1:])
    return ("(?i:" if ignore_case else "(?:") + "|".join(
        re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")" for first, rests in groups.items()) + ")"


NOT_A_ROLE = r"(?!" + _by_first_letter(SENTENCE_OPENERS, ignore_case=False) + r"\b)"


TITLE_RE = re.compile(  # anchored at a word's start: five times faster, the same matches
    r"(?<![\w.’'-])(?P<role>(?:(?:former|acting|then-|interim|deputy|vice|senior|top|chief|incoming|outgoing|would-be|future|presumptive)\s+)*"
    r"(?:(?:U\.S\.|U\.N\.|U\.K\.|E\.U\.|" + NOT_A_ROLE + r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:’s|'s)?)\s+)?"
    + _by_first_letter(titles()) + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?)"
    # A name goes on over spaces, not over a line break or past a word ending a sentence ("Secretary of State
    # John Kerry. Mr. Putin" is John Kerry); an initial or "Jr." goes on.
    r"\s+(?P<name>[A-Z][\w’'.-]*(?:(?<![a-z]{2}\.)[^\S\n]+(?:(?:de|van|von|bin)\s+)?(?:[A-Z][\w’'.-]*|al-\w+))*)")
# Scanning a whole text, TITLE_RE tries every word (a twenty-fifth of the fast path), though few words are
# titles: title_matches finds its matches trying it only around the titles a text holds (on PolNeAR train and
# dev 0.33 s -> 0.22 s).
# A match holds only word characters, white space and . ’ ' -; so it lies between two of the other marks.
NOT_IN_TITLE_MATCH = re.compile(r"[^\w\s.’'-]")
# What a match holds before its title (modifiers, "U.S.", capitalised words, "’s"), read backwards from it.
BEFORE_TITLE_BACKWARDS = re.compile(r"[A-Za-z.’'\s-]*")
# The titles in lower case, but those holding another ("minister" stands for "prime minister"): every title
# holds one of these.
TITLE_CORES = tuple(sorted({t.lower() for t in titles()} - {t.lower() for t in titles() for other in titles()
                                                            if other != t and other.lower() in t.lower()}))
# The characters outside ASCII that TITLE_RE's titles (case-insensitive) take for a letter: ſ for s, K for k;
# ı and İ for i (str.lower makes two characters of İ).
CASE_FOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


def title_matches(text: str) -> list[re.Match]:
    """TITLE_RE.finditer(text), the same matches, TITLE_RE tried only around the titles the text holds: from
    where the run of what may stand before a title begins to the next mark no match holds. Where the text's
    lower case does not line up with it character by character, or it holds CASE_FOLDED_LETTERS, the whole
    text is scanned."""
    low = text.lower()
    if len(low) != len(text) or any(letter in text for letter in CASE_FOLDED_LETTERS):
        return list(TITLE_RE.finditer(text))
    found = []
    for title in TITLE_CORES:
        at = low.find(title)
        while at >= 0:
            if not (at and "a" <= low[at - 1] <= "z"):  # a title starts a word ("king" in "making" is none)
                found.append(at)
            at = low.find(title, at + 1)
    matches: list[re.Match] = []
    scanned = 0  # every match that starts before this is found
    for at in sorted(found):
        if at < scanned:
            continue
        start = at - BEFORE_TITLE_BACKWARDS.match(text[scanned:at][::-1]).end()
        stop = NOT_IN_TITLE_MATCH.search(text, at)
        scanned = stop.start() if stop else len(text)
        matches += TITLE_RE.finditer(text, start, scanned)
    return matches


NAME_PART = re.compile(r"[A-Z][\w’'.-]*(?:-\w+)*")
# Words that open a phrase to describe the person it names ("Republican Donald Trump", "Pastor Kevin Swanson",
# "Texas-based Matt Mackowiak", "17-year-old Jared Potts", "Former Clinton Senior Adviser Sidney Blumenthal"):
# a role, not part of the name (48 speakers' names began with one on PolNeAR train).
DESCRIPTORS = {"former", "republican", "democratic", "democrat", "gop", "independent", "conservative", "liberal",
               "progressive", "billionaire", "actor", "actress", "pastor", "assemblywoman", "assemblyman",
               "congresswoman", "whip", "sir", "counsel", "comedian", "businessman", "businesswoman", "rapper",
               "singer", "activist", "journalist", "host", "anchor", "columnist", "economist", "pollster",
               "strategist", "attorney", "lawyer", "professor", "candidate", "nominee", "hopeful", "presumptive",
               "presidential", "frontrunner", "front-runner", "rival", "challenger", "incumbent", "philanthropist",
               "editor", "reporter", "correspondent", "adviser", "advisor", "analyst"}
def in_role_words(word: str, role_words: set[str] | frozenset[str]) -> bool:
    """Whether `word` is one of `role_words` (lower case), "Co-anchor" and "Ex-governor" as "anchor", "governor"."""
    low = word.lower()
    return low in role_words or (low[:3] in ("co-", "ex-") and low[3:] in role_words)


DESCRIPTOR = (r"(?:(?i:(?:co-|ex-)?(?:" + "|".join(sorted(DESCRIPTORS)) + r"))"  # "Co-anchor Ann Smith"
              r"|[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?-(?:born|based)|\d+-year-old)")
DESCRIBED_NAME = re.compile(r"(?P<words>(?:[A-Z][\w’'.-]*\s+)*?" + DESCRIPTOR + r")\s+(?P<rest>[A-Z]\S*\s+[A-Z].*)")
COURTESY_TITLES = {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss"}
# The last word of a role before a name, but for an article: never a preposition ("Legislative leaders in
# North Carolina", "His critics in the United States", "Chuck Schumer of New York" hold no role).
NOT_ROLE_ENDS = (STOPS | JOINERS | {"including", "named", "called"}) - {"and", "&", "for"}
# A name and where its bearer is from or works: "Chuck Schumer of New York", "Ross Eisenbrey of the Economic
# Policy Institute" (not "Secretary of State" or "Bank of America": see _affiliated_person).
AFFILIATION = re.compile(r"(?P<named>.*\b[A-Z][\w’'.-]*)\s+of\s+(?:the\s+)?[A-Z][^,]*")


@lru_cache(maxsize=NAME_CACHE)  # a pure function of a phrase that recurs in every article ("Trump")
def split_role(phrase: str) -> tuple[str | None, str]:
    """'U.S. Secretary of State Antony Blinken' -> ('U.S. Secretary of State', 'Antony Blinken')."""
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)  # "(R-Ohio)"
    phrase = re.sub(r"(’s|'s)$", "", phrase.strip())
    # "Kellyanne Conway, Trump’s campaign manager" / "Trump’s campaign manager, Kellyanne Conway"
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if len(parts) > 1:
        names = [p for p in parts if looks_like_person(p)]
        if names:
            aside = next((p for p in parts if p is not names[0]), None)
            # "Co-anchor Ann Smith, who was off camera": the title joins the aside; not "Mr." (the resolver
            # reads it off the name) nor "Lawrence Joyce and" (two people).
            title, name = _split_clause(names[0])
            if title is None or title in COURTESY_TITLES or " and " in names[0] or not looks_like_person(name):
                return aside, names[0]
            return ", ".join(filter(None, (title, aside))), name
        # "Republican Rep. Lee Zeldin of New York, a Trump supporter": the aside after the comma is no part
        # of the name (before, the whole phrase was the name of 5 speakers on PolNeAR train).
        for part in parts:
            role, name = _split_clause(part)
            if looks_like_person(name) and (len(name.split()) > 1 or role):
                return role, name
    return _split_clause(phrase)


def _split_clause(phrase: str) -> tuple[str | None, str]:
    match = TITLE_RE.fullmatch(phrase)
    if match:
        return match.group("role"), match.group("name")
    described = DESCRIBED_NAME.fullmatch(phrase)
    if described:  # "Former FBI Director James Comey", "Actor Clint Howard"; not "Republican National Committee"
        role, name = _split_clause(described.group("rest"))
        if looks_like_person(name):
            return " ".join(filter(None, (described.group("words"), role))), name
    named = AFFILIATION.fullmatch(phrase)
    if named and _affiliated_person(named.group("named")):
        return _split_clause(named.group("named"))  # "Sen. Ted Cruz of Texas": who, not where from
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in DISCOURSE_WORDS:  # "Yet Clinton", "Some Trump"
        words.pop(0)
    # "Democratic presidential contender Hillary Clinton": a role no title pattern knows, ending in a
    # lower-case word, before a full name.
    last_lower = max((i for i, w in enumerate(words) if w[:1].islower()), default=None)
    if last_lower is not None and len(words) - last_lower - 1 >= 2:
        tail = " ".join(words[last_lower + 1:])
        role = words[:last_lower + 1]
        while role and role[-1].lower() in ARTICLES:  # "the Daily Caller", "Vatican spokesman the Rev. ..."
            role.pop()
        if looks_like_person(tail) and not (role and role[-1] in NOT_ROLE_ENDS):
            title, name = _split_clause(tail)  # "presidential candidate Texas Senator Ted Cruz"
            title = None if title in COURTESY_TITLES else title  # "the younger Mr. Trump"
            return " ".join(filter(None, (*role, title))) or None, name
    return None, " ".join(words)


def _affiliated_person(named: str) -> bool:
    """Whether what stands before "of ..." is a person's name ("Chuck Schumer", "Sen. Ted Cruz"), not an
    organisation's ("Bank", "The Hollywood Chamber"), a title's ("Secretary") or a share ("Half", "Supporters")."""
    words = named.split()
    if len(words) < 2 or words[0].lower() in DETERMINERS or "and" in words or words[-1].lower() in TITLE_WORDS:
        return False
    role, name = _split_clause(named)
    return len(name.split()) > 1 and looks_like_person(name)


# "Rep. Glenn Thompson, R-Pa.": a party and state, no name.
PARTY_STATE = re.compile(r"[DIR]-[A-Z]")
# AP's abbreviations of US states ("San Bernardino, Calif."), which follow a place, never a person.
STATE_ABBREVIATIONS = set("Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. "
                          "Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. "
                          "S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.".split())


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    """US states and territories, and the states and provinces of other countries, in lower case (pycountry):
    the capitalised run "New Hampshire" was a person, and then the "he" after it."""
    kinds = {"State", "Province", "District", "Outlying area", "Territory", "Land"}
    return frozenset(s.name.lower() for s in pycountry.subdivisions
                     if s.country_code == "US" or s.type in kinds and " " in s.name)


# "North Florida", "Western Pennsylvania", "Upstate New York": a part of a place is a place.
REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                "upstate", "downstate", "northeast", "northwest", "southeast", "southwest", "rural"}


def is_place(phrase: str) -> bool:
    """"New Hampshire", "Texas", "Calif.", "Ontario", "North Florida": a state or province, which is no person."""
    if phrase in STATE_ABBREVIATIONS or phrase.lower() in _places():
        return True
    first, _, rest = phrase.partition(" ")
    return first.lower() in REGION_WORDS and rest.lower() in _places()


PARTY_WORDS = {"republican", "republicans", "democratic", "democrat", "democrats", "gop"}
# Words that end a role, not a name: "The Wisconsin Republican", "the Florida Senator".
ROLE_HEADS = DESCRIPTORS | TITLE_WORDS - {"of", "state", "house", "campaign", "press", "staff", "special", "supreme",
                                          "majority", "minority", "foreign", "defence", "defense", "general"}


@lru_cache(maxsize=NAME_CACHE)
def looks_like_person(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 5:
        return False
    if any(w.lower().strip(".") in ORGANISATION_WORDS or w.lower() in GROUP_WORDS for w in words):
        return False
    if words[0].lower() in DISCOURSE_WORDS:  # "Yet Clinton", "Maybe Trump": a sentence opens with a name
        return False
    if words[-1].lower() in PARTY_WORDS:  # "Minnesota Democratic", "Kent County Republican": no one's name
        return False
    # "The South Carolina Republican" is a role, "The Podesta Group's CEO" someone's ("The Hill", "The
    # Islamic State" and "North Carolina's Ada Fisher" are names).
    if words[0].lower() in DETERMINERS and (len(words) > 2 and words[-1].lower() in ROLE_HEADS
                                            or any(w.endswith(("’s", "'s")) for w in words[:-1])):
        return False
    # "New Hampshire Sanders" (a fellow New Hampshire Sanders veteran) is no one, and made every later "New"
    # his; a one-word state may be a given name ("Virginia Foxx").
    if PARTY_STATE.match(phrase) or is_place(phrase) \
            or any(" ".join(words[:k]).lower() in _places() for k in (2, 3) if k < len(words)):
        return False
    return all(NAME_PART.fullmatch(w) or w.lower() in JOINERS for w in words)


def mention_kind(phrase: str) -> str:
    """person, organisation, government or group: what sort of speaker a phrase names."""
    words = [w.lower().strip(".,’'") for w in phrase.split()]
    if not words:
        return "person"
    if words[0] in PRONOUNS:
        return PRONOUNS[words[0]]
    if any(w in ORGANISATION_WORDS for w in words):
        return "organisation"
    if words[-1] in GROUP_WORDS or (words[0] in {"the", "both"} and words[-1].endswith("s") and words[-1] not in TITLE_WORDS):
        return "group"
    return "person"
