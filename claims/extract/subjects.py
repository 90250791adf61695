"""Who speaks in a clause: the subject a participle or a second verb shares (`unit_subject`), and the
attribution that closes a content (`closing_attribution`: `“...,” Ann Smith said.`)."""
from __future__ import annotations

from claims.extract.content import closes_quote, inside_quote, opens_quote
from claims.extract.lexicon import reporting_verbs
from claims.extract.mentions import OPENERS, Mention, make_mention, scan_back, scan_forward
from claims.extract.text_units import Token, Unit, token_span
from claims.model import Span

# Words that stand between a subject and its reporting verb and belong to the cue ("has also said").
AUXILIARIES = {"has", "have", "had", "also", "later", "previously", "would", "will", "reportedly", "repeatedly",
               "once", "again", "publicly", "privately", "then", "recently", "further", "did", "does", "do",
               "just", "often", "frequently", "already", "first", "even", "quickly", "initially", "flatly",
               "explicitly", "openly", "separately", "bluntly", "simply"}
PRONOUN_SUBJECTS = {"he", "she", "they", "we", "i", "it", "you", "who"}
# "it" too ("Meanwhile, it attacked Trump, saying ..."): one more direct quote right on PolNeAR dev, none
# changed on train.
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
# Words after a subject that are not its verb ("Clinton of ...", "Trump and ...").
NOT_SUBJECT_VERBS = {"of", "and", "for", "in"}
# What may follow a closing cue ("..., Ann Smith said in a statement."): the sentence ends or an adjunct
# follows. "Ann Smith said that ..." opens a statement of its own instead.
AFTER_CLOSING_CUE = {".", ",", ";", "?", "!", "—", "–", "in", "on", "at", "of", "to", "during", "after", "before",
                     "when", "while", "as", "last", "this", "earlier", "later", "yesterday", "today", "recently",
                     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "about", "from",
                     "with", "via", "afterward", "afterwards", "then", "again", "per"}
# A verb before its source closes a quote only if it is one of the sure ones (say, tell, add...): "...,”
# described the impact as ..." goes on with a clause of its own.
INVERTED_CLOSING_SURE = 0.85


def unit_subject(text: str, unit: Unit, before: int | None = None) -> Mention | None:
    """The name a participle or a second verb shares: the first name that opens a clause and is
    followed by a verb ("Speaking in Salem, New Hampshire, Trump went after Bush, calling him ...")."""
    tokens = unit.tokens[:before]
    for p, token in enumerate(tokens):
        opens_clause = p == 0 or tokens[p - 1].text == "," or tokens[p - 1].lower in OPENERS
        if token.lower in SUBJECT_PRONOUNS and opens_clause and not inside_quote(token, unit) \
                and p + 1 < len(tokens) and tokens[p + 1].is_word:
            return make_mention(text, tokens[p:p + 1])  # "Then he cut into Bush, calling him ..."
        if not (token.is_capitalised and (p == 0 or tokens[p - 1].text == "," or _after_quoted_clause(text, unit, p))) \
                or inside_quote(token, unit) \
                or token.lower in OPENERS or token.lower.endswith("ing"):
            continue
        run = p
        while run < len(tokens) and (tokens[run].is_capitalised or tokens[run].text in {"’s", "'s", "-", "."}):
            run += 1
        verb_at = _after_aside(tokens, run)
        if verb_at < len(tokens) and tokens[verb_at].is_word and not tokens[verb_at].is_capitalised \
                and tokens[verb_at].lower not in NOT_SUBJECT_VERBS:
            mention = make_mention(text, tokens[p:run])
            if mention and mention.kind != "nominal":
                return mention
    return None


def verb_subject(text: str, unit: Unit, first: int) -> Mention | None:
    """The subject of the verb (group) opening at tokens[first]: a pronoun right before it ("it reads"), the
    object before an infinitive ("prompted Dave Leip’s Atlas ... to state"), else the clause's subject or
    the noun phrase before the verb."""
    tokens = unit.tokens
    before = tokens[first - 1].lower if first else ""
    if before in SUBJECT_PRONOUNS:
        return make_mention(text, tokens[first - 1:first])
    if before == "to":
        return make_mention(text, scan_back(tokens, first - 1))
    return unit_subject(text, unit, first) or make_mention(text, scan_back(tokens, first))


def _after_quoted_clause(text: str, unit: Unit, p: int) -> bool:
    """`“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “...”`: a
    name after a quote closed by its comma opens the clause that the quote's attribution makes. One more
    direct quote found on PolNeAR dev and one more given its right source; train unchanged."""
    before = unit.tokens[p - 1]
    return closes_quote(before, unit) and text[max(0, before.start - 4):before.start].rstrip().endswith(",")


def _after_aside(tokens: list[Token], at: int) -> int:
    """Past an aside after a name ("Dean, a medical doctor, then appeared"): where the clause goes on. On
    PolNeAR train this gave 12 more attributions their right source, dev 1 (direct quotes: dev 1, train 0)."""
    if at >= len(tokens) or tokens[at].text != ",":
        return at
    close = next((n for n in range(at + 1, min(len(tokens), at + 12)) if tokens[n].text == ","), None)
    return close + 1 if close is not None and close > at + 1 else at


def closing_attribution(text: str, unit: Unit, end: int) -> tuple[Mention, Span] | None:
    """The attribution right after a content that ends at `end`: `“...,” Ann Smith said.`, `..., said
    Ann Smith, the mayor.` In news this closes the statement before it, whatever cue stands earlier."""
    tokens, verbs = unit.tokens, reporting_verbs()
    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    while k < len(tokens) and (tokens[k].text == "," or closes_quote(tokens[k], unit)):
        k += 1
    if k >= len(tokens) or inside_quote(tokens[k], unit):
        return None
    if tokens[k].lower in verbs:  # "..., said Ann Smith"
        if verbs[tokens[k].lower].confidence < INVERTED_CLOSING_SURE or tokens[k].lower.endswith("ing"):
            return None  # "..., telling reporters": a participle goes on with the sentence
        verb_at, source = k, scan_forward(tokens, k + 1)
        after = k + 1 + len(source)
    else:
        verb_at = next((v for v in range(k + 1, min(len(tokens), k + 12)) if tokens[v].lower in verbs), None)
        if verb_at is None or tokens[verb_at].lower.endswith("ing"):
            return None
        first = verb_at
        while first > k and tokens[first - 1].lower in AUXILIARIES:
            first -= 1
        source = [tokens[k]] if first == k + 1 and tokens[k].lower in PRONOUN_SUBJECTS else scan_back(tokens, first)
        if not source or source[0].start != tokens[k].start:
            return None
        after = verb_at + 1
    mention = make_mention(text, source)
    if mention is not None and after < len(tokens) and verbs[tokens[verb_at].lower].takes_object:
        # `“...?” Trump told Britain’s ITV television station in an interview ...`: the listener stands between
        # the cue and what may follow a closing cue. On PolNeAR train 1 more direct quote matched with its
        # source (5710 -> 5711, attributed 5417 -> 5418: 2 sources gained, 1 lost), dev unchanged.
        after += len(scan_forward(tokens, after))
    if mention is None or (after < len(tokens) and tokens[after].lower not in AFTER_CLOSING_CUE
                           and not opens_quote(tokens[after], unit)):
        return None
    return mention, token_span(text, tokens, verb_at, verb_at + 1)
