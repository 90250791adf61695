"""Speaker mentions: find the phrase that names a source next to a cue (what it names: names.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.lexicon import titles
from claims.extract.text_units import Token

PRONOUNS = {"he": "person", "she": "person", "i": "author", "we": "group", "they": "group", "it": "organisation",
            "you": "person", "who": "person"}
# Words that may stand inside a source phrase in lower case ("a senior administration official").
ARTICLES = {"the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "this", "these",
            "those"}
# The most tokens back to the comma before an aside ("Ann Smith, the party's candidate, said"), and before a
# relative clause ("Christie, who has campaigned ..., blasted"), which may run longer; one that long is no
# part of the source phrase.
ASIDE_TOKENS = 20
# How many phrases the name functions remember (split_role, looks_like_person, ...): a long ingest meets
# new ones for ever, so the caches are bounded.
NAME_CACHE = 1 << 16
RELATIVE_CLAUSE_TOKENS = 40
NEGATED_AUXILIARY = re.compile(r"n[’']t$")
VERB_GROUP_ADVERBS = {"quite", "just", "really", "even", "yet", "simply", "ever", "necessarily"}
ASPECT_VERBS = {"began", "begins", "begin", "started", "starts", "continued", "continues", "kept", "keeps"}
CONTRACTION = re.compile(r"[’'](?:s|d|ll|ve|re)$")
OBJECT_PRONOUNS = {"them", "him", "me", "us", "whom"}
DETERMINERS = {"the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "this", "these",
               "those", "one", "two", "three", "four", "several", "some", "many", "most", "other", "both",
               "all", "few", "no", "each", "every", "such"}
JOINERS = {"of", "and", "&", "de", "van", "von", "bin", "al", "der", "la", "le", "du", "da"}
# Lower-case words that end a source phrase when scanning: clause words and the usual verbs.
STOPS = {"that", "which", "who", "whom", "whose", "when", "while", "as", "because", "but", "if", "after",
         "before", "since", "than", "so", "or", "nor", "yet", "where", "how", "what", "why", "whether",
         "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
         "will", "would", "can", "could", "should", "may", "might", "must", "not", "to", "on", "in", "at",
         "by", "with", "from", "for", "about", "into", "over", "under", "after", "also", "then", "there",
         "here", "it", "said", "says", "say", "told", "tells", "according", "even", "just", "only",
         "said", "again", "later", "still", "now", "however", "and"}
# Capitalised words that open a sentence without being part of a name.
OPENERS = {"but", "and", "so", "yet", "still", "now", "then", "meanwhile", "later", "also", "however", "instead",
           "indeed", "thus", "today", "yesterday", "earlier", "previously", "in", "on", "at", "as", "when",
           "while", "after", "before", "since", "though", "although", "because", "if", "the", "a", "an",
           "asked", "speaking", "writing", "last", "this", "that", "there", "here", "with", "for", "of", "to"}
ORGANISATION_WORDS = {"department", "ministry", "house", "office", "agency", "committee", "campaign", "party",
                      "council", "commission", "court", "senate", "congress", "administration", "government",
                      "post", "times", "journal", "news", "network", "press", "university", "institute",
                      "foundation", "center", "centre", "association", "union", "organization", "organisation",
                      "group", "bank", "inc", "corp", "company", "service", "board", "bureau", "kremlin",
                      "pentagon", "cnn", "nbc", "abc", "cbs", "fox", "msnbc", "reuters", "ap", "afp", "nato",
                      "un", "eu", "fbi", "cia", "gop", "dnc", "rnc", "poll", "survey", "report", "study",
                      "statement", "newspaper", "magazine", "website", "spokesman", "spokeswoman", "tower", "hotel",
                      "plaza", "initiative", "airport", "college", "school", "stadium", "arena", "avenue", "fund",
                      "convention", "corps", "caucus"}
# Sentence adverbs and conjunctions a capitalised scan picks up before a name.
DISCOURSE_WORDS = {"yet", "some", "maybe", "but", "and", "so", "then", "still", "now", "even", "also", "perhaps",
                   "instead", "indeed", "meanwhile", "however", "later", "earlier", "today", "here", "there",
                   "asked", "thus", "hence", "while", "when", "if", "though", "although"}
GROUP_WORDS = {"sides", "allies", "countries", "nations", "leaders", "governments", "ministers", "democrats",
               "republicans", "parties", "partners", "members", "lawmakers", "officials", "both"}
# Plural heads of a phrase naming a group of people ("About four in 10 South Carolina Republican primary
# voters", "supporters of Democrat Hillary Clinton"): kind group, not person (55 claims).
PEOPLE_PLURALS = GROUP_WORDS | {"voters", "supporters", "delegates", "protesters", "protestors", "residents",
                                "people", "americans", "activists", "critics", "opponents", "experts", "analysts",
                                "economists", "scientists", "students", "workers", "users", "fans", "donors",
                                "voter", "citizens", "observers", "insiders", "conservatives", "liberals",
                                "progressives", "evangelicals", "catholics", "muslims", "christians", "women",
                                "men", "voices", "families", "parents", "doctors", "lawyers", "investigators",
                                "aides", "advisers", "advisors", "staffers", "operatives", "strategists",
                                "candidates", "senators", "representatives", "governors", "judges", "justices",
                                "police", "authorities", "respondents", "participants", "attendees", "caucus-goers",
                                "caucusgoers", "independents", "millennials", "immigrants", "veterans", "sources",
                                "groups", "outlets", "companies", "friends", "organizers", "organisers", "teachers",
                                "nurses", "farmers", "officers", "employees", "executives", "researchers",
                                "historians", "diplomats", "prosecutors", "legislators", "commentators", "pollsters"}
# Prepositions and clause words: a phrase they open is no name ("By Trump", "Despite Santilli", "What Sanders").
CLAUSE_WORDS = {"by", "beyond", "unlike", "like", "despite", "from", "about", "against", "among", "amid", "around",
                "behind", "between", "during", "except", "inside", "into", "outside", "over", "since", "through",
                "throughout", "toward", "towards", "under", "until", "upon", "via", "within", "without", "because",
                "although", "though", "whether", "why", "how", "what", "where", "which", "who", "or", "nor", "yet",
                "even", "only", "then", "now", "here", "there", "perhaps", "maybe", "of", "to", "so", "that", "this",
                "these", "those", "when", "if", "having", "on", "in", "at", "for", "with", "and", "but", "as",
                "after", "before", "while", "also"}
TITLE_WORDS = {w.lower() for t in titles() for w in t.split()}
# Documents that say things, and the words before who made them ("a report by", "a poll from").
DOCUMENT_NOUNS = {"report", "reports", "analysis", "study", "survey", "poll", "tally", "count", "post", "letter",
                  "memo", "review", "filing", "filings", "document", "documents", "article", "editorial", "data",
                  "estimate", "estimates", "records", "statement", "release", "story", "complaint", "lawsuit",
                  "column", "tweet", "email", "video", "book", "investigation", "audit", "assessment"}
AUTHOR_LINKS = {"by", "from", "of"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name, pronoun, nominal

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


def _acceptable(token: Token) -> bool:
    if token.is_capitalised or token.text[:1].isdigit():
        return True
    low = token.lower
    if low in STOPS or not token.text[:1].isalpha():
        return low in {"’s", "'s"}
    return True


def _names_people(token: Token) -> bool:
    """A name or a plural of people: on both sides of an "and", it joins two subjects into one source ("Clinton
    and Sanders said", "teachers and union officials told"; not "left Citigroup and began writing op-eds,
    saying"). With the whole subject, "..., teachers and union officials told the Herald." reads as a closing
    cue (the content was "the Herald"): on PolNeAR train 2 more attributions matched."""
    return token.is_capitalised and token.is_word or token.lower in PEOPLE_PLURALS


def _skip_aside(tokens: list[Token], end: int) -> int:
    """Step back over "(R-Ohio)" and ", an oversight panel member," between a name and its verb."""
    for _ in range(3):  # "Ramil Carr, 31, a Philadelphia photographer, said": an age, then a role
        if end > 1 and tokens[end - 1].text == ")":
            opening = next((k for k in range(end - 2, max(-1, end - 10), -1) if tokens[k].text == "("), None)
            if opening is None:
                break
            end = opening
        elif end > 2 and tokens[end - 1].text == ",":
            comma = next((k for k in range(end - 2, max(-1, end - ASIDE_TOKENS), -1)
                          if tokens[k].text in {",", "“", "”", "\"", "(", ")"}), None)
            if comma is None:
                comma = _relative_clause_comma(tokens, end)
            if comma is None or tokens[comma].text != "," or comma == 0:
                break
            aside, before = tokens[comma + 1:end - 1], tokens[comma - 1]
            if not aside or not (before.is_capitalised or before.text == ")" or before.text.isdigit()):
                break
            end = comma
        else:
            break
    return end


def _relative_clause_comma(tokens: list[Token], end: int) -> int | None:
    """`Christie, who has campaigned heavily for ... since he suspended his own presidential campaign in
    February, blasted Clinton as a “disgrace”`: a relative clause after a name may run longer than an aside;
    its comma is found further back, as long as no mark stands inside it. Without this the verb had no
    subject and took its object ("Clinton") for its source. One more direct quote with its right source on
    PolNeAR dev, two on train (one reported statement lost on train: gold took "who" for its source)."""
    for k in range(end - 2, max(-1, end - RELATIVE_CLAUSE_TOKENS), -1):
        if tokens[k].text in {",", "“", "”", "\"", "(", ")", ";", ":", "—", "–"}:
            return k if tokens[k].text == "," and tokens[k + 1].lower == "who" else None
    return None


def _skip_verb_group(tokens: list[Token], end: int) -> int:
    """Step back over "didn’t", "can’t quite", "began" between a subject and its verb ("Sanders hasn't said",
    "She began thinking"): the mention was "Sanders hasn't", a name no one has, and "he didn't" no pronoun."""
    k = end
    while k > 0 and tokens[k - 1].lower in VERB_GROUP_ADVERBS:
        k -= 1
    if k > 0 and (NEGATED_AUXILIARY.search(tokens[k - 1].lower) or tokens[k - 1].lower in ASPECT_VERBS):
        return k - 1
    return end


def scan_back(tokens: list[Token], end_index: int, limit: int = 8) -> list[Token]:
    """The source phrase ending just before tokens[end_index]: words back to a clause boundary."""
    taken: list[Token] = []
    end_index = _skip_verb_group(tokens, end_index)
    aside_start = _skip_aside(tokens, end_index)
    # The aside stays in the phrase (it often holds the role: "Ann Smith, the party’s candidate,").
    aside = [t for t in tokens[aside_start:end_index] if t.text not in {",", "(", ")"}] and \
        tokens[aside_start:end_index - 1 if tokens[end_index - 1].text == "," else end_index]
    i = aside_start - 1
    if i >= 0 and tokens[i].lower == "who" and aside_start == end_index:
        return [tokens[i]]  # "Juanita Broaddrick, who said ...": the relative pronoun is the source
    # "I laughed and said": the subject of the first verb is the subject of both.
    if i >= 2 and tokens[i].lower == "and" and not tokens[i - 1].is_capitalised and tokens[i - 1].is_word:
        i -= 2
    while i >= 0 and len(taken) < limit:
        token = tokens[i]
        if token.text in {"’s", "'s"} and i > 0:
            taken.insert(0, token)
            i -= 1
            continue
        if token.lower == "and" and taken and i > 0 and _names_people(tokens[i - 1]) and _names_people(taken[-1]):
            taken.insert(0, token)  # "Clinton and Sanders said", "teachers and union officials told"
            i -= 1
            continue
        if not _acceptable(token):
            break
        taken.insert(0, token)
        i -= 1
        if token.lower in ARTICLES:
            break  # an article opens its noun phrase: "Blinken paid [a courtesy] call"
    while taken and (taken[0].lower in OPENERS and taken[0].lower not in DETERMINERS or taken[0].text in {"’s", "'s"}):
        taken.pop(0)
    taken = _trim_lowercase_tail(taken)
    if aside and (not _plausible_head(aside[-1]) or end_index - aside_start >= ASIDE_TOKENS):
        aside = None  # "Small, who attended the rally on Wednesday, said": the name alone is the source
    return taken + list(aside or []) if taken else []


def scan_forward(tokens: list[Token], start_index: int, limit: int = 8) -> list[Token]:
    """The source phrase starting at tokens[start_index] ("..., said Antony Blinken, who ...")."""
    taken: list[Token] = []
    i = start_index
    while i < len(tokens) and len(taken) < limit:
        token = tokens[i]
        if token.text in {"’s", "'s"} and taken:
            taken.append(token)
            i += 1
            continue
        if not _acceptable(token) or (taken and token.lower in DETERMINERS):
            break
        taken.append(token)
        i += 1
    # "said one Republican involved in the planning": the phrase ends at its last noun.
    while taken and not _ends_in_head(taken):
        taken.pop()
    return taken + _document_author(tokens, start_index + len(taken), taken, limit)


def _document_author(tokens: list[Token], at: int, taken: list[Token], limit: int) -> list[Token]:
    """`according to a recent report from Bloomberg New Energy Finance`: who wrote a document goes with it.
    PolNeAR takes the whole phrase for the source (68 times on train) or the author alone (12): the phrase
    ending at "report" matched neither the second way."""
    if not taken or taken[-1].lower not in DOCUMENT_NOUNS or at + 1 >= len(tokens) \
            or tokens[at].lower not in AUTHOR_LINKS:
        return []
    author = scan_forward(tokens, at + 1, limit)
    return [tokens[at]] + author if author else []


def _trim_lowercase_tail(taken: list[Token]) -> list[Token]:
    # A phrase must end in its head noun, never in a determiner; alone, "another" or "many" is the head.
    while len(taken) > 1 and taken[-1].lower in DETERMINERS:
        taken.pop()
    if len(taken) == 1 and taken[0].lower in ARTICLES - {"another", "this", "these", "those"}:
        return []
    return taken


# Nouns that end like a participle or an adverb ("a Scott ally, said").
NOUNS_LIKE_VERBS = {"red", "king", "bing", "ally", "family", "assembly", "bully"}
NOT_HEADS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
             "week", "month", "year", "night", "time", "long", "recently", "once", "often", "never", "always"}


def _plausible_head(token: Token) -> bool:
    """Without a tagger: a source phrase ends in a name, a pronoun or a noun, not 'faced' or 'long'."""
    if token.is_capitalised:
        return token.lower not in NOT_HEADS
    low = token.lower
    if low in PRONOUNS:
        return True
    return not (low in NOT_HEADS or low in OBJECT_PRONOUNS or low[:1].isdigit()
                or (low.endswith(("ed", "ing", "ly")) and low not in NOUNS_LIKE_VERBS))


def _ends_in_head(taken: list[Token]) -> bool:
    """Whether the phrase ends in its head: `_plausible_head`, or "of" and an object pronoun ("one of them")."""
    return _plausible_head(taken[-1]) or (len(taken) > 1 and taken[-2].lower == "of"
                                           and taken[-1].lower in OBJECT_PRONOUNS)


def make_mention(text: str, taken: list[Token]) -> Mention | None:
    if not taken or not _ends_in_head(taken):
        return None
    return mention_at(text, taken[0].start, taken[-1].end)


LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def without_article(phrase: str) -> str:
    """"the minister" -> "minister", "A senior official" -> "senior official"."""
    return LEADING_ARTICLE.sub("", phrase)


def without_contraction(word: str) -> str:
    """"he's" -> "he", "they'd" -> "they": a pronoun with its auxiliary attached."""
    return CONTRACTION.sub("", word)


def mention_at(text: str, start: int, end: int) -> Mention:
    """The mention text[start:end], with its kind: pronoun, name or nominal."""
    return mention_at_text(text[start:end], start)


def mention_at_text(phrase: str, start: int) -> Mention:
    """The mention of `phrase`, which stands at `start` in its text."""
    end = start + len(phrase)
    words = phrase.split()
    if without_contraction(phrase.lower()) in PRONOUNS:  # "He's said ..." is "he"
        kind = "pronoun"
    elif any(w[:1].isupper() and w.lower() not in DETERMINERS for w in words):
        kind = "name"
    else:
        kind = "nominal"
    return Mention(start, end, phrase, kind)
