"""What a user reads off claims, for assertions shared by the extraction tests."""


def summary(claim):
    """What a user reads off a claim, as one comparable tuple."""
    return (claim.kind, claim.text, claim.speaker, claim.speaker_role,
            claim.speaker_mention.text if claim.speaker_mention else None,
            claim.cue.text if claim.cue else None)


def only(claims):
    assert len(claims) == 1, [summary(c) for c in claims]
    return claims[0]


def check_offsets(text, claim):
    """The claim's text, source and cue are the document's own characters at their offsets."""
    assert claim.text == " ".join(text[a:b] for a, b in claim.pieces)
    for span in (claim.speaker_mention, claim.cue):
        if span:
            assert text[span.start:span.end] == span.text


def attribution(claim):
    """kind, text, source mention and cue of a claim."""
    return (claim.kind, claim.text, claim.speaker_mention.text if claim.speaker_mention else None,
            claim.cue.text if claim.cue else None)


def checked(text, claims):
    """The claims, each with its offsets checked against the text."""
    for claim in claims:
        check_offsets(text, claim)
    return claims
