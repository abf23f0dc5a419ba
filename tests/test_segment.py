from checker import readers
from checker.segment import sentences

from conftest import fixture_article, fixture_cases

ABBREVIATIONS = {"mr", "dr", "u.s", "st"}


def _texts(text: str) -> list[str]:
    return [text[s.span.start : s.span.end] for s in sentences(text, ABBREVIATIONS)]


def test_spans_are_exact_and_trimmed_on_every_fixture():
    for case in fixture_cases():
        text = readers.load(fixture_article(case)).prose
        found = sentences(text, ABBREVIATIONS)
        assert found, case
        for sentence in found:
            quoted = text[sentence.span.start : sentence.span.end]
            assert quoted == quoted.strip() and quoted
        starts = [s.span.start for s in found]
        assert starts == sorted(starts)


def test_abbreviations_initials_and_decimals_do_not_split():
    text = "Mr. Smith met U.S. officials. J. R. Jones paid $1.5 million. It rose 2.5%."
    assert _texts(text) == ["Mr. Smith met U.S. officials.", "J. R. Jones paid $1.5 million.", "It rose 2.5%."]


def test_headline_line_and_blank_lines_end_sentences():
    text = "Talks end in Geneva\n\nThe talks ended.\nThe next round\nbegins soon."
    assert _texts(text) == ["Talks end in Geneva", "The talks ended.", "The next round\nbegins soon."]


def test_quotes_after_the_stop_stay_with_their_sentence():
    text = 'He said: "We are ready." The talks begin.'
    assert _texts(text) == ['He said: "We are ready."', "The talks begin."]


def test_lower_case_after_a_stop_continues_the_sentence():
    assert _texts("The plan, approx. ten pages, was ready. It passed.") == [
        "The plan, approx. ten pages, was ready.",
        "It passed.",
    ]
