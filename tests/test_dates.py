"""Written dates are read with the rule files' words: the code knows digits, not English."""

from dataclasses import replace

import pytest

from checker.extract import dates
from checker.extract.vocab import CompiledVocabulary
from checker.rulelang.load import load_rules
from checker.text import tokenize


@pytest.fixture(scope="module")
def bundled():
    return load_rules(cache=False)


def _read(text: str, ruleset) -> list[tuple]:
    found = dates.find(tokenize(text), CompiledVocabulary.build(ruleset))
    return [(d.year, d.month, d.day, d.period, d.range_to.year if d.range_to else None) for d in found]


def _without(ruleset, name: str, word: str):
    vocabulary = ruleset.vocabulary
    words = {**vocabulary.words, name: vocabulary.word_list(name) - {word}}
    return replace(ruleset, vocabulary=replace(vocabulary, words=words))


def test_a_period_word_joined_to_a_year_narrows_it(bundled):
    assert _read("Talks are planned for mid-2025.", bundled) == [(2025, None, None, "middle", None)]
    assert _read("It opened in late-2019.", bundled) == [(2019, None, None, "end", None)]


def test_the_period_words_come_from_the_rules(bundled):
    without_mid = _without(bundled, "period-middle", "mid")
    assert _read("Talks are planned for mid-2025.", without_mid) == []


def test_a_plural_after_a_year_like_number_makes_it_a_count(bundled):
    assert _read("Some 2000 troops marched.", bundled) == []
    assert _read("In 2000 the town voted.", bundled) == [(2000, None, None, None, None)]
    assert _read("Some 2000 troops marched.", _without(bundled, "plural-endings", "s")) == [
        (2000, None, None, None, None)
    ]


def test_date_range_joiners_come_from_the_rules(bundled):
    assert _read("He served from 2003 until 2011.", bundled) == [(2003, None, None, None, 2011)]
    without_until = _without(bundled, "date-range-joiners", "until")
    assert _read("He served from 2003 until 2011.", without_until) == [
        (2003, None, None, None, None),
        (2011, None, None, None, None),
    ]
