"""What a user reads off claims, for assertions shared by the extraction tests."""


def summary(claim):
    """What a user reads off a claim, as one comparable tuple."""
    return (claim.kind, claim.text, claim.speaker, claim.speaker_role,
            claim.speaker_mention.text if claim.speaker_mention else None,
            claim.cue.text if claim.cue else None)


def only(claims):
    assert len(claims) == 1, [summary(c) for c in claims]
    return claims[0]
