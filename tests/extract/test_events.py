"""Events: sentence -> the mentions it holds, with their key, status, tense and aspect."""

import pytest

# text, [(name, event key, status, held then rather than now, tense of the cue's verb, aspect)]
CASES = [
    (
        "The third round of talks has officially concluded.",
        [("third round", "3:round", "concluded", False, "present", "perfect")],
    ),
    ("The annual meeting was held in March.", [("annual meeting", "the:round", "concluded", False, "past", None)]),
    (
        "The board will hold its annual meeting in May.",
        [("annual meeting", "the:round", "upcoming", False, "future", None)],
    ),
    ("The summit is currently under way.", [("summit", "the:summit", "ongoing", False, "present", None)]),
    (
        "Delegates were getting ready for the third round.",
        [("third round", "3:round", "upcoming", True, "past", "progressive")],
    ),
    (
        "The negotiators were wrapping up the second session.",
        [("second session", "2:round", "ongoing", True, "past", "progressive")],
    ),
    (
        "The delegates are wrapping up the second session.",
        [("second session", "2:round", "ongoing", False, "present", "progressive")],
    ),
    ("The third round will take place in Geneva.", [("third round", "3:round", "upcoming", False, "future", None)]),
    ("The third round has not concluded.", [("third round", "3:round", None, False, None, None)]),
    (
        "Fans are preparing for the 3rd round of the FA Cup.",
        [("3rd round", "3:round", "upcoming", False, "present", "progressive")],
    ),
    ("The vote was called off on Friday.", [("vote", "the:vote", "cancelled", False, "past", None)]),
    (
        "The delegates arrived ahead of the summit in Brussels.",
        [("summit", "the:summit", "upcoming", False, None, None)],
    ),
    # a modal of possibility puts the cue at no time
    (
        "A referendum on the treaty could take place in May, but the referendum was never planned.",
        [("referendum", "the:vote", None, False, None, None)],
    ),
    # expected to last: no status ('be expected to begin' is a cue, 'be expected to' alone is not)
    (
        "The hearing, which is expected to last five days, continues.",
        [("hearing", "the:hearing", "ongoing", False, "present", None)],
    ),
    # no one event: indefinite, plural, or no event noun
    ("A meeting was held in March.", []),
    ("Several meetings were held in March.", []),
    ("The company held its ground.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_event_mentions(claims_of, text, expected):
    _, claims = claims_of(text)
    found = [
        (
            m.name,
            m.event_key,
            m.status,
            m.as_then,
            m.frame.tense if m.frame else None,
            m.frame.aspect if m.frame else None,
        )
        for m in claims.events
    ]
    assert found == expected


def test_the_qualifier_tells_two_rounds_apart(claims_of, vocab):
    from checker.extract.events import same_event

    _, claims = claims_of("The third round of the FA Cup ended. The third round of the league cup begins.")
    first, second = claims.events
    assert first.qualifier and second.qualifier
    assert not same_event(first, second, vocab)


def test_definite_events_without_ordinals_are_one_event_when_their_modifiers_agree(claims_of, vocab):
    from checker.extract.events import same_event

    _, claims = claims_of("The climate summit ended. The summit begins on Monday. The trade summit opened.")
    climate, plain, trade = claims.events
    assert same_event(climate, plain, vocab) and same_event(plain, trade, vocab)
    assert not same_event(climate, trade, vocab)


def test_every_mention_points_at_its_words(claims_of):
    text = "Currently, the delegation is in Istanbul preparing for the third meeting with Russian representatives."
    document, claims = claims_of(text)
    (mention,) = claims.events
    assert document.prose[mention.span.start : mention.span.end] == "third meeting"
    assert document.prose[mention.status_cue.start : mention.status_cue.end] == "preparing for"
