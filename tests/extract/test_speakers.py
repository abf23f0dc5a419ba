"""Speakers: sentence -> who it is attributed to (None: the author)."""

import pytest

# text, (speaker's name, key) of its first sentence
CASES = [
    (
        "The talks ended, Russian presidential aide Vladimir Medinsky said.",
        ("Russian presidential aide Vladimir Medinsky", "medinsky"),
    ),
    ("According to the health board, the hospital has 410 beds.", ("health board", "board health")),
    (
        "Opposition councillor Maria Lopez told reporters the session begins on Monday.",
        ("Opposition councillor Maria Lopez", "lopez"),
    ),
    (
        "A spokesman for the monitoring mission said the exchange took place.",
        ("spokesman for the monitoring mission", "mission monitoring spokesman"),
    ),
    ("The exchange took place on Friday.", None),
    # saying nothing, or being told, makes no one the speaker of what follows
    ("The report does not say whether the exchange took place.", None),
    ("It was announced that the exchange took place.", None),
    ("Reporters were told by the mission that the exchange took place.", ("mission", "mission")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_the_speaker_of_a_sentence(claims_of, analyzer, vocab, text, expected):
    from checker.extract.speakers import speaker_of

    parse = analyzer.parse_text(text, vocab.parse_phrases, vocab.negation)
    speaker = speaker_of(parse, vocab)
    assert (None if speaker is None else (speaker.name, speaker.key)) == expected


def test_readers_comments_are_separate_voices(claims_of):
    text = (
        "Readers wrote in about the plan.\n\n"
        "The council did not approve the new bridge.\n"
        "Jane Doe, Leeds\n\n"
        "The council approved the new bridge in May.\n"
        "John Smith, York\n"
    )
    _, claims = claims_of(text)
    speakers = [(s.frame.predicate, s.negated, s.speaker.key if s.speaker else None) for s in claims.statements]
    assert speakers == [("approve", True, "doe"), ("approve", False, "smith")]


def test_two_readers_who_disagree_are_not_the_text_contradicting_itself():
    from checker.api import audit_text

    text = (
        "The council did not approve the new bridge.\nJane Doe, Leeds\n\n"
        "The council approved the new bridge in May.\nJohn Smith, York\n"
    )
    findings = audit_text(text).documents[0].findings
    assert [f.severity.value for f in findings if f.code == "CC107"] == ["note"]
    assert "different sources (Jane Doe, John Smith)" in findings[0].message


def test_the_author_against_a_source_is_a_warning():
    """The text stating as its own what its source denies is worth a warning, not a note."""
    from checker.api import audit_text

    text = "The council approved the new bridge.\n\nThe council did not approve the new bridge, Jane Doe said.\n"
    findings = [f for f in audit_text(text).documents[0].findings if f.code == "CC107"]
    assert [f.severity.value for f in findings] == ["warning"]
    assert "different sources (the author, Jane Doe)" in findings[0].message
