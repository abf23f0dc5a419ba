"""Places of one-time events: sentence -> the places it gives them, and when two conflict (CC109).

A row lists, per place claim, the fields it must show (fields left out are not checked):
`place` (the place the phrase is about), `names` (every place the phrase names with it),
`predicate` (the event's lemma, a verb's particle included), `class` (its predicate class, which
two claims must share) and `subject` (whose event it is, as the values' anchors read a subject).
"""

from __future__ import annotations

import pytest

MISSING = object()


def observed(claim) -> dict:
    anchor = claim.anchor
    return {
        "place": claim.place,
        "names": set(claim.names),
        "predicate": claim.predicate,
        "class": claim.predicate_class,
        "subject": anchor.subject if anchor else MISSING,
    }


TABLE = [
    (
        "Hallberg died on September 7, 1987, in Graz, Austria, at the age of 75.",
        [{"place": "graz", "names": {"graz", "austria"}, "predicate": "die", "subject": "hallberg"}],
    ),
    # a passive verb's subject; the lemma of 'born'
    ("Israel Hollander was born in Winnipeg, Canada.", [{"place": "winnipeg", "predicate": "bear"}]),
    # the particle is part of the predicate, and 'pass away' is of the class of 'die'
    (
        "Hallberg passed away in Salzburg, Austria.",
        [{"place": "salzburg", "predicate": "pass away", "class": "kill", "subject": "hallberg"}],
    ),
    # a noun of a one-time event, whose possessor is its participant
    ("His death in Vienna shocked the city.", [{"place": "vienna", "predicate": "death", "class": "kill"}]),
    # a place inside the phrase's noun: 'at his home in London' is in London
    ("The poet died at his home in London.", [{"place": "london", "names": {"london"}, "subject": "poet"}]),
    # a relative pronoun stands for its noun
    ("Hallberg, who was buried in Graz, was a pilot.", [{"place": "graz", "predicate": "bury", "subject": "hallberg"}]),
    # two phrases placing one event: one claim, every place named together
    (
        "He was born in 1236 in Haining, in Zhejiang.",
        [{"place": "haining", "names": {"haining", "zhejiang"}, "predicate": "bear"}],
    ),
    # events that happen again, and places of other prepositions, are not read
    ("The band played in London, England.", []),
    ("He died near Vienna.", []),
    ("He died of cancer in hospital.", []),
]


@pytest.mark.parametrize("sentence,expected", [pytest.param(s, e, id=s[:40]) for s, e in TABLE])
def test_a_sentence_places_these_events(audit, sentence, expected):
    found = [observed(p) for p in audit(sentence).claims.places]
    assert len(found) == len(expected), found
    for claim, wanted in zip(found, expected, strict=True):
        assert {key: claim.get(key, MISSING) for key in wanted} == wanted


PAIRS = [
    # both places named within a broader one: a warning
    (
        "Hallberg died on September 7, 1987, in Graz, Austria, at the age of 75. "
        "Hallberg died on September 7, 1987, in Vienna, Austria.",
        "warning",
    ),
    ("He died in Vienna, Austria, at the age of 75. He died in Langen, Germany.", "warning"),
    ("Hallberg passed away in Salzburg, Austria. Hallberg died in Meersburg, West Germany.", "warning"),
    (
        "The painter died in Paris, France, in 1901. The painter's death in Montreal, Quebec, shocked the city.",
        "warning",
    ),
    # a pronoun is not let stand for another participant: an article names several people
    ("The painter died in Paris, France, in 1901. Her death in Montreal, Quebec, shocked the city.", None),
    ("She was born in Leeds, England. She said her mother was born in Dublin, Ireland.", None),
    # a bare place may hold the other: a note
    ("She was born in Nebraska, USA. She was born in California.", "note"),
    ("He died in Vienna. He died in Graz.", "note"),
    ("He died in Vienna. He died in Austria.", "note"),  # without a gazetteer, like Vienna / Graz
    # containment: a place named, or named together with another, on the other side
    ("She was born in Graz, Austria. She was born in Austria.", None),
    ("He died at his home in London. He died in London, aged 80.", None),
    ("Jakob Kaiser was born in Essen-Werden, Germany. Jakob Kaiser was born in Essen, Germany.", None),
    ("He died in West Germany. He died in Germany.", None),
    # different people, no particular person, several people
    ("Anna Berg was born in Graz, Austria. Her brother was born in Vienna, Austria.", None),
    ("Anna Berg was born in Graz, Austria. Erik Berg was born in Vienna, Austria.", None),
    ("A man died in Leeds, England. A man died in York, England.", None),
    ("The two climbers died in Nepal, Asia. The two climbers died in Lima, Peru.", None),
    # recurring events
    ("The band played in London, England. The band played in Paris, France.", None),
    ("She lived in Graz, Austria. She lived in Vienna, Austria.", None),
    # denied, supposed or planned against what happened
    ("Hallberg was not born in Graz, Austria. Hallberg was born in Vienna, Austria.", None),
    ("If Hallberg died in Graz, Austria, the records are wrong. Hallberg died in Vienna, Austria.", None),
    ("He will be buried in Graz, Austria. He was buried in Vienna, Austria.", None),
    # two sources lower it: a note; the author against a source keeps the warning
    (
        "Hallberg died in Graz, Austria, his family said. Hallberg died in Vienna, Austria, the school said.",
        "note",
    ),
    ("Hallberg died in Graz, Austria, his family said. Hallberg died in Vienna, Austria.", "warning"),
]


@pytest.mark.parametrize("text,severity", [pytest.param(t, s, id=t[:50]) for t, s in PAIRS])
def test_two_places_of_one_event_conflict_only_when_nothing_may_hold_both(audit, text, severity):
    found = [f.severity.value for f in audit(text).findings if f.code == "CC109"]
    assert found == ([severity] if severity else []), found
