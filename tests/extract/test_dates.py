"""Dates as frames: sentence -> the dates it states, each tied to its verb and subject.

A row lists, per date, the fields it must show (fields left out are not checked): `start` and
`end` (ISO days of the interval it covers), `granularity` (and a range's `end_granularity`, when
its end is written to another: 'from March 1990 to 2012'), `predicate` (the verb lemma the date is
said with), `subject` (the lemma of that verb's subject, or of the noun a participle clause
describes) and `tense`. A weekday written without a date ('on Thursday') resolves against the
article's reference date when the tense says which way: past, the latest such day up to it;
future, the first from it.
"""

from __future__ import annotations

import datetime as dt

import pytest

MISSING = object()
GAP = "known gap before the claims are frames on a parse (issue 13)"
AS_OF = dt.date(2025, 7, 23)  # a Wednesday


def observed(claim) -> dict:
    anchor = claim.anchor
    return {
        "start": claim.start.isoformat() if claim.start else None,
        "end": claim.end.isoformat() if claim.end else None,
        "granularity": claim.granularity,
        "end_granularity": claim.end_granularity,
        "tense": claim.tense,
        "predicate": anchor.predicates if anchor else MISSING,
        "subject": anchor.subject if anchor else MISSING,
        "day_part": claim.day_part,
    }


TABLE = [
    # each end of a range keeps the granularity it is written to
    (
        "She served as mayor from March 1990 to 2012.",
        None,
        [{"start": "1990-03-01", "end": "2012-12-31", "granularity": "month", "end_granularity": "year"}],
    ),
    ("She served as mayor from 1990 to 2012.", None, [{"granularity": "year", "end_granularity": None}]),
    (
        "Completed in 1931, the tower was for decades the tallest in the city.",
        None,
        [{"start": "1931-01-01", "end": "1931-12-31", "predicate": {"complete"}, "subject": "tower"}],
    ),
    (
        "The tower, which was completed in 1929, still dominates the skyline.",
        None,
        [{"start": "1929-01-01", "predicate": {"complete"}, "subject": "tower", "tense": "past"}],
    ),
    (
        "He was born on June 16, 1912, in Vienna.",
        None,
        [{"start": "1912-06-16", "granularity": "day", "predicate": {"bear"}, "subject": "he"}],
    ),
    ("The museum opened in May 2019.", None, [{"start": "2019-05-01", "end": "2019-05-31", "predicate": {"open"}}]),
    (
        "The board will hold its annual meeting in May 2026.",
        None,
        [{"start": "2026-05-01", "predicate": {"hold"}, "tense": "future"}],
    ),
    # a weekday without a date takes part once the reference date and the tense place it
    ("The talks ended on Monday.", AS_OF, [{"start": "2025-07-21", "granularity": "day", "tense": "past"}]),
    ("The talks will resume on Friday.", AS_OF, [{"start": "2025-07-25", "granularity": "day", "tense": "future"}]),
    ("The talks ended on Monday.", None, [{"start": None, "granularity": "relative"}]),
    # on the reference day's own weekday a future clause may mean today or a week on: unresolved
    ("The talks will resume on Wednesday.", AS_OF, [{"start": None, "granularity": "relative"}]),
    # the part of the day said right after a day: the rules' list that names it
    ("The accomplice surrendered on Thursday morning.", None, [{"granularity": "relative", "day_part": "day-morning"}]),
    ("The talks ended on Friday night.", AS_OF, [{"start": "2025-07-18", "day_part": "day-evening"}]),
    ("The talks ended on Friday, officials said.", AS_OF, [{"start": "2025-07-18", "day_part": None}]),
]
TODAY_WRONG: set[int] = set()


@pytest.mark.parametrize(
    "sentence,as_of,expected",
    [
        pytest.param(s, d, e, id=s[:40], marks=[pytest.mark.xfail(strict=True, reason=GAP)] if i in TODAY_WRONG else [])
        for i, (s, d, e) in enumerate(TABLE)
    ],
)
def test_a_sentence_states_these_dates(audit, sentence, as_of, expected):
    found = [observed(d) for d in audit(sentence, as_of).claims.dates]
    assert len(found) == len(expected), found
    for frame, wanted in zip(found, expected, strict=True):
        assert {key: frame.get(key, MISSING) for key in wanted} == {
            key: frozenset(v) if isinstance(v, set) else v for key, v in wanted.items()
        }


def _codes(audit, text: str, as_of=None) -> list[str]:
    return [f.code for f in audit(text, as_of).findings if f.severity.value in ("error", "warning")]


PAIRS = [
    # the year is tied to its verb and subject, wherever the clause puts them
    (
        "Completed in 1931, the tower was for decades the tallest in the city. "
        "The tower, which was completed in 1929, still dominates the skyline.",
        None,
        True,
    ),
    ("It was built in 1895 by John Bailey. It was built in 1885 for Charles Bailey.", None, True),
    ("The stadium was built in 1992. The stadium was renovated in 2010.", None, False),
    # a range given without years that ends in an earlier month runs into the next year
    ("The assaults took place between 1 September and 22 March.", None, False),
    ("She served as mayor from 2014 to 2009.", None, True),
    ("The tower was completed in 1931. The bridge was completed in 1929.", None, False),
    # a pronoun may stand for a name of its number, never for another number's
    ("Hallberg joined the Luftwaffe in 1936. He joined the Luftwaffe in 1933.", None, True),
    ("Henman made his debut in 1994. They made their debut in 2002.", None, False),
    # a copula of a person dates a state, which holds at many dates
    ("By 1979 he was the biggest attraction in the world. In 1980 he was the biggest attraction there.", None, False),
    # a resolved weekday is a day like any other
    ("The talks ended on Monday. The talks ended on 16 July.", AS_OF, True),
    ("The talks ended on Monday. The talks ended on 21 July.", AS_OF, False),
    # without a reference date, two weekdays of one past event are two days ('Thursday morning' too)
    ("The accomplice surrendered to police on Friday. The accomplice surrendered on Thursday morning.", None, True),
    ("The accomplice surrendered on Friday. The accomplice surrendered on Friday evening.", None, False),
    # two parts of one day (the rules' day-morning, day-afternoon, day-evening lists) of one event
    ("The accomplice surrendered on Thursday afternoon. The accomplice surrendered on Thursday morning.", None, True),
    ("The accomplice surrendered on Monday morning. The accomplice surrendered on Monday evening.", AS_OF, True),
    ("The accomplice surrendered on Friday evening. The accomplice surrendered on Friday night.", None, False),
    ("The accomplice surrendered on Friday morning. The gunman surrendered on Friday evening.", None, False),
    ("Stocks fell on Monday morning. Stocks fell again on Monday afternoon.", None, False),  # they recur
    ("The court heard the case on Monday morning. The court heard the case on Monday afternoon.", None, False),
    ("The accomplice surrendered on Friday. The gunman surrendered on Thursday.", None, False),
    ("The talks will end on Friday. The talks will end on Thursday.", None, False),  # which week is not known
    ("The minister said on Monday that talks had failed. He said on Tuesday that they had.", None, False),
    # one event needs one subject and one object or a verb that happens once: these recur
    (
        "Stocks fell on Monday as investors worried about rates. Stocks fell on Thursday after the jobs report.",
        None,
        False,
    ),
    ("The team won on Saturday against Leeds. The team won on Wednesday in the cup.", None, False),
    ("The singer died on Friday. The singer died on Tuesday.", None, True),
    # a restrictive clause on a plural noun picks out some of them: no party to compare
    ("Smith joined the club in 2001. Players who joined the club in 2003 left.", None, False),
]
PAIRS_TODAY_WRONG: set[int] = set()


@pytest.mark.parametrize(
    "text,as_of,fires",
    [
        pytest.param(
            t, d, f, id=t[:40], marks=[pytest.mark.xfail(strict=True, reason=GAP)] if i in PAIRS_TODAY_WRONG else []
        )
        for i, (t, d, f) in enumerate(PAIRS)
    ],
)
def test_two_dates_conflict_only_when_their_frames_align(audit, text, as_of, fires):
    assert ("CC103" in _codes(audit, text, as_of)) is fires


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("They met on 1 June 2020 and 3 June 2020.", [("2020-06-01", "2020-06-01"), ("2020-06-03", "2020-06-03")]),
        ("They met between 1 June 2020 and 3 June 2020.", [("2020-06-01", "2020-06-03")]),
    ],
)
@pytest.mark.parametrize("bundled", [True, False], ids=["bundled", "without-opened-range-joiners"])
def test_and_joins_a_date_range_only_after_an_opener(tmp_path, sentence, expected, bundled):
    """As quantities read it (CompiledVocabulary.joins_only_when_opened): the rules'
    `opened-range-joiners`, or, in a rule set without the list, a conjunction of the parse."""
    from checker.api import audit_text
    from checker.rulelang.load import load_rules

    path = tmp_path / "bare.rules"
    bare = 'words range-joiners "to", "and"\nwords range-openers "between"\nmonth 6 "June"\n'
    path.write_text(bare, encoding="utf-8")
    rules = load_rules() if bundled else load_rules([path], defaults=False, cache=False)
    dates = audit_text(sentence, rules=rules).documents[0].claims.dates
    assert [(d.start.isoformat(), d.end.isoformat()) for d in dates] == expected


@pytest.mark.parametrize(
    "sentence,subject",
    [
        ("Blind Spot is a rock band that was formed in 1993.", "blind spot"),  # the copula's subject
        ("He spoke to Reinhard Divis of VEU Feldkirch, who joined in 2001.", "reinhard divis"),  # a person
        ("The miners, who were trapped in 2010, were freed.", "miner"),  # set off by a comma: all of them
        ("Net cafes that opened in 2004 were closed.", None),  # some of them: no one party
    ],
)
def test_a_relative_pronoun_stands_for_one_antecedent_in_frame_and_anchor(claims_of, sentence, subject):
    _, claims = claims_of(sentence)
    (date,) = claims.dates
    assert date.anchor.subject == subject
    assert date.frame.subject == subject
