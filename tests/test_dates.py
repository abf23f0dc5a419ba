"""Written dates are read with the rule files' words and the parse: the code knows digits, not English."""

from dataclasses import replace

import pytest

from checker.extract import dates
from checker.extract.vocab import CompiledVocabulary
from checker.rulelang.load import load_rules
from checker.text import tokenize


@pytest.fixture(scope="module")
def bundled():
    return load_rules(cache=False)


@pytest.fixture(scope="module")
def _read(analyzer):
    def read(text: str, ruleset) -> list[tuple]:
        tokens = tokenize(text)
        found = dates.find(tokens, CompiledVocabulary.build(ruleset), dates.covering(tokens, analyzer.parse_text(text)))
        return [(d.year, d.month, d.day, d.period, d.range_to.year if d.range_to else None) for d in found]

    return read


def _without(ruleset, name: str, word: str):
    vocabulary = ruleset.vocabulary
    words = {**vocabulary.words, name: vocabulary.word_list(name) - {word}}
    return replace(ruleset, vocabulary=replace(vocabulary, words=words))


def test_a_period_word_joined_to_a_year_narrows_it(bundled, _read):
    assert _read("Talks are planned for mid-2025.", bundled) == [(2025, None, None, "middle", None)]
    assert _read("It opened in late-2019.", bundled) == [(2019, None, None, "end", None)]


def test_the_period_words_come_from_the_rules(bundled, _read):
    without_mid = _without(bundled, "period-middle", "mid")
    assert _read("Talks are planned for mid-2025.", without_mid) == []


def test_a_plural_after_a_year_like_number_makes_it_a_count(bundled, _read):
    assert _read("Some 2000 troops marched.", bundled) == []
    assert _read("In 2000 the town voted.", bundled) == [(2000, None, None, None, None)]
    # by the parse, not by a word's ending: 'was' and 'as' are no plural nouns
    assert _read("Growth in 2004 was about 4.7%.", bundled) == [(2004, None, None, None, None)]
    assert _read("It lost 330m euros in 2003 as it struggled.", bundled) == [(2003, None, None, None, None)]
    # a number the parse reads as a date stays a year before a plural noun
    assert _read("The firm will reveal its 2004 earnings.", bundled) == [(2004, None, None, None, None)]
    # a number modifying the plural after it counts it, whatever entity label the parse gives it;
    # a determiner, a possessive or a year's preposition before it makes it a year
    assert _read("The government deployed 2000 soldiers to the region.", bundled) == []
    assert _read("The 2010 elections were close.", bundled) == [(2010, None, None, None, None)]
    assert _read("The company's 2004 results were poor.", bundled) == [(2004, None, None, None, None)]
    assert _read("In 2003 profits rose.", bundled) == [(2003, None, None, None, None)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The summit opened in May.", [(None, 5, None, None, None)]),
        ("It is due on the 5th of May.", [(None, 5, 5, None, None)]),
        ("It rose on 23rd July 2025.", [(2025, 7, 23, None, None)]),
        # a month's name in a name of another kind is no month: the parse's entities say which
        ("Guitarist Brian May has said he expects to tour.", []),
        ("The Sunday Times reported the deal.", []),
        # lower case: a verb, not the month
        ("Thousands will march in the capital.", []),
        # a preposition the day does not govern joins no month: '3 in May' is no date
        ("The side scored 3 in May.", [(None, 5, None, None, None)]),
        # 'and' joins a range only after an opener
        ("It ran between 2003 and 2011.", [(2003, None, None, None, 2011)]),
        ("Sales fell in 2003 and 2011.", [(2003, None, None, None, None), (2011, None, None, None, None)]),
        ("It was 0² in May.", [(None, 5, None, None, None)]),  # a superscript is no day
    ],
)
def test_month_and_weekday_names_are_read_with_the_parse(bundled, _read, text, expected):
    assert _read(text, bundled) == expected


def test_date_range_joiners_come_from_the_rules(bundled, _read):
    assert _read("He served from 2003 until 2011.", bundled) == [(2003, None, None, None, 2011)]
    without_until = _without(bundled, "date-range-joiners", "until")
    assert _read("He served from 2003 until 2011.", without_until) == [
        (2003, None, None, None, None),
        (2011, None, None, None, None),
    ]
