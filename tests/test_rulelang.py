"""The rule language: what it accepts, and errors worded like a compiler's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import RuleError, RuleErrors
from checker.rulelang import ast
from checker.rulelang.load import load_rules
from checker.rulelang.parse import parse

GOOD = """
# comments are free
as of 2025-07-24
status concluded { after "wound up" }
status postponed compatible with upcoming { after "was pushed back" }
event nouns "round", "plenary"
words negation "scarcely"
role cue "fronted by" means "head of"
synonyms "delegation", "team"

entity "Rustem Umerov" {
  alias "Umerov", "R. Umerov"
  role "head of the Ukrainian delegation" aka "chief negotiator"
  role "defence minister" from 2023-09-06 until 2025-07-17
  severity warning
  message "Umerov's roles changed in July 2025."
}

event "third round" {
  alias "third meeting"
  place "Istanbul"
  status concluded
}
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(tmp_path, text, name="bad.rules"):
    with pytest.raises(RuleErrors) as caught:
        load_rules([_write(tmp_path, name, text)])
    return caught.value.errors


def test_every_statement_keeps_its_position():
    rule_file = parse(GOOD, "good.rules")
    kinds = [type(s).__name__ for s in rule_file.statements]
    assert kinds == [
        "AsOf", "StatusDef", "StatusDef", "EventNouns", "WordList", "RoleCue", "Synonyms", "EntityFact", "EventFact",
    ]  # fmt: skip
    entity = rule_file.statements[7]
    assert isinstance(entity, ast.EntityFact)
    assert (entity.origin.line, entity.origin.column) == (11, 1)
    assert entity.roles[1].until == dt.date(2025, 7, 17)
    assert entity.roles[0].aliases[0].value == "chief negotiator"
    assert entity.severity == "warning"


def test_user_rules_extend_the_defaults(tmp_path):
    ruleset = load_rules([_write(tmp_path, "good.rules", GOOD)])
    vocab = ruleset.vocabulary
    assert "wound up" in vocab.statuses["concluded"].after
    assert "conclude" in vocab.statuses["concluded"].after  # the default is still there
    assert vocab.event_nouns["plenary"] == vocab.event_nouns["meeting"]
    assert vocab.compatible("postponed", "upcoming") and not vocab.compatible("concluded", "upcoming")
    assert ruleset.as_of == dt.date(2025, 7, 24)
    assert [e.name.value for e in ruleset.events] == ["third round"]


def test_syntax_error_names_file_line_column_and_expectation(tmp_path):
    (error,) = _errors(tmp_path, 'event "third round" {\n  status concluded\n  statu finishd\n}\n', "talks.rules")
    assert str(error).endswith(
        "talks.rules:3:3: expected 'alias', 'message', 'place', 'severity', 'status' or '}', found 'statu'"
    )
    rendered = error.render().splitlines()
    assert rendered[1].strip() == "statu finishd" and rendered[2].strip() == "^"


def test_unknown_status_lists_the_known_ones(tmp_path):
    (error,) = _errors(tmp_path, 'event "third round" {\n  status finishd\n}\n', "talks.rules")
    assert error.line == 2 and error.column == 10
    assert error.problem == ("expected a status (cancelled, concluded, ongoing, postponed, upcoming), found 'finishd'")


def test_plain_words_instead_of_token_names(tmp_path):
    (error,) = _errors(tmp_path, "as of tomorrow\n")
    assert "expected a date (YYYY-MM-DD), found 'tomorrow'" in str(error)
    (error,) = _errors(tmp_path, 'event "x" {')
    assert "found the end of the file" in str(error) and "$END" not in str(error)
    (error,) = _errors(tmp_path, 'words negation "not" @')
    assert "found '@'" in str(error) and "__ANON" not in str(error)


def test_impossible_dates_and_empty_phrases(tmp_path):
    (error,) = _errors(tmp_path, 'entity "X" { role "r" from 2025-02-30 }')
    assert "expected a real date (YYYY-MM-DD), found '2025-02-30'" in str(error)
    (error,) = _errors(tmp_path, 'entity "X" { role "r" from 2025-02-01 until 2025-01-01 }')
    assert "until" in error.problem
    (error,) = _errors(tmp_path, 'words negation ""')
    assert "empty" in error.problem


def test_alias_claimed_by_two_entities(tmp_path):
    text = 'entity "Rustem Umerov" { alias "Umerov" }\nentity "Other Umerov" { alias "umerov" }\n'
    (error,) = _errors(tmp_path, text)
    assert (error.line, error.column) == (2, 31)
    assert "already naming 'Rustem Umerov'" in error.problem


def test_unknown_word_list(tmp_path):
    (error,) = _errors(tmp_path, 'words negators "not"')
    assert error.problem.startswith("expected a word list (abbreviations, negation,")


def test_a_retired_word_list_still_loads_and_is_not_read(tmp_path):
    """'measure-units', 'name-joiners' and 'plural-endings' gave way to the parse: a rule file written
    when they were read still loads."""
    text = 'words measure-units "bitcoin"\nwords name-joiners "ibn"\nwords plural-endings "en"\n'
    path = _write(tmp_path, "old.rules", text)
    vocabulary = load_rules([path], cache=False).vocabulary
    assert not {"measure-units", "name-joiners", "plural-endings"} & vocabulary.words.keys()
    assert "question-words" in vocabulary.words  # the bundled list of a word list added since


def test_include_cycle_and_missing_include(tmp_path):
    _write(tmp_path, "a.rules", 'include "b.rules"\n')
    _write(tmp_path, "b.rules", 'include "a.rules"\n')
    with pytest.raises(RuleErrors) as caught:
        load_rules([tmp_path / "a.rules"])
    (error,) = caught.value.errors
    assert "include cycle" in error.problem and "a.rules -> b.rules -> a.rules" in error.problem
    assert error.path.endswith("b.rules") and error.line == 1

    (error,) = _errors(tmp_path, '\ninclude "missing.rules"\n', "c.rules")
    assert (error.line, error.column) == (2, 9) and "missing.rules" in error.problem


def test_includes_are_relative_to_the_including_file(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "facts.rules", 'event "vote" { status concluded }')
    main = _write(tmp_path, "main.rules", 'include "sub/facts.rules"')
    assert [e.name.value for e in load_rules([main]).events] == ["vote"]


def test_every_error_across_files_is_reported(tmp_path):
    one = _write(tmp_path, "one.rules", "status {")
    two = _write(tmp_path, "two.rules", 'event "x" { status nope }')
    with pytest.raises(RuleErrors) as caught:
        load_rules([one, two])
    assert [e.path.rsplit("/", 1)[-1] for e in caught.value.errors] == ["one.rules", "two.rules"]


def test_undecodable_rule_file(tmp_path):
    path = tmp_path / "latin.rules"
    path.write_bytes(b'words negation "n\xe3o"\n')
    with pytest.raises(RuleErrors) as caught:
        load_rules([path])
    (error,) = caught.value.errors
    assert (error.line, error.column) == (1, 18) and "UTF-8" in error.problem


def test_rule_phrases_are_data_not_patterns(tmp_path):
    # A phrase full of regex metacharacters is matched literally and quickly.
    nasty = "(a+)+$" * 5  # 30 marks: within the 32 words a phrase may have
    ruleset = load_rules([_write(tmp_path, "n.rules", f'status concluded {{ after "{nasty}" }}')])
    assert nasty in ruleset.vocabulary.statuses["concluded"].after


def test_rule_error_without_position_reads_cleanly():
    assert str(RuleError("x.rules", 0, 0, "no such rule file")) == "x.rules: no such rule file"


def test_quantity_and_date_facts_parse_with_their_comparisons(tmp_path):
    text = """
    quantity "exchange" { mentions "exchange", "prisoners" value 250 per "side" }
    quantity "proposal" { mentions "proposed" value at least 1,200 "prisoners" per "side" severity warning }
    quantity "ceasefire" { mentions "ceasefires" value between 24 and 48 "hours" }
    quantity "cap" { mentions "cap" value at most 5.5 }
    date "summit" { mentions "summit" by 2025-08-31 }
    date "window" { mentions "talks" between 2025-07-01 and 2025-07-31 }
    """
    ruleset = load_rules([_write(tmp_path, "values.rules", text)])
    exchange, proposal, ceasefire, cap = ruleset.quantities
    assert (exchange.comparison.low, exchange.comparison.high, exchange.per.value) == (250, 250, "side")
    assert (proposal.comparison.op, proposal.comparison.low, proposal.unit.value) == ("at least", 1200, "prisoners")
    assert proposal.severity == "warning"
    assert (ceasefire.comparison.low, ceasefire.comparison.high) == (24, 48)
    assert cap.comparison.describe() == "at most 5.5"
    summit, window = ruleset.dates
    assert (summit.relation, summit.start) == ("by", dt.date(2025, 8, 31))
    assert (window.relation, window.start, window.end) == ("between", dt.date(2025, 7, 1), dt.date(2025, 7, 31))


@pytest.mark.parametrize(
    "text,line,column,problem",
    [
        ('quantity "x" { mentions "a" value between 48 and 24 }', 1, 50, "expected a number of at least 48, found 24"),
        ('quantity "x" { mentions "a" value at lots 3 }', 1, 38, "expected 'least' or 'most', found 'lots'"),
        ('quantity "x" { mentions "a" }', 1, 1, "expected a value (value 250, value at least 1200, ...)"),
        ('quantity "x" { value 3 }', 1, 1, "expected the words the claim mentions"),
        ('date "x" { mentions "a" soon 2025-01-01 }', 1, 25, "found 'soon'"),
        ('date "x" { mentions "a" between 2025-02-01 and 2025-01-01 }', 1, 48, "expected a date after 2025-02-01"),
        ('date "x" { mentions "a" }', 1, 1, "expected a date (on, before, after, by or between ...)"),
        ('month 13 "Smarch"', 1, 1, "expected a month from 1 to 12, found 13"),
    ],
)
def test_malformed_quantity_and_date_facts_read_like_a_compiler(tmp_path, text, line, column, problem):
    (error,) = _errors(tmp_path, text)
    assert (error.line, error.column) == (line, column), str(error)
    assert problem in error.problem


# Every kind of mistake once, in two files: a syntax error inside a block, a value that is not
# a phrase, a keyword where a block should have closed, an impossible date, an unknown status.
_MANY_ERRORS = """\
entity "Rustem Umerov" {
  alias "Umerov"
  role "head" from 2025-02-30
  bogus "x"
}

event "third round" {
  place Istanbul
}

as of tomorrow

entity "B" {
  alias "b"

event "fourth" { status concluded }
words negators "not"
entity "C" { role "r" from 2025-02-30 until 2025-13-01 }
event "fifth" { status finishd }
"""


def test_every_error_of_every_file_in_one_run_in_file_and_line_order(tmp_path):
    first = _write(tmp_path, "first.rules", _MANY_ERRORS)
    second = _write(tmp_path, "second.rules", 'event "x" { status nope }\nstatus {\n')
    with pytest.raises(RuleErrors) as caught:
        load_rules([first, second])
    found = [(Path(e.path).name, e.line, e.column) for e in caught.value.errors]
    assert found == [
        ("first.rules", 3, 20),  # impossible date, inside a statement that also has a syntax error
        ("first.rules", 4, 3),  # 'bogus'
        ("first.rules", 8, 9),  # a name where a quoted phrase belongs
        ("first.rules", 11, 7),  # 'tomorrow'
        ("first.rules", 16, 1),  # 'event' where entity "B" should have closed
        ("first.rules", 17, 7),  # unknown word list
        ("first.rules", 18, 28),
        ("first.rules", 18, 45),
        ("first.rules", 19, 24),  # unknown status, a meaning error, in line order among the syntax errors
        ("second.rules", 1, 20),
        ("second.rules", 2, 8),  # a brace where the status's name belongs
    ]


def test_recovery_reports_a_broken_stretch_once_and_invents_no_missing_parts(tmp_path):
    # One bad word inside a role: one error, not one per word after it; and the quantity whose
    # value could not be read is not also reported as having no value.
    errors = _errors(tmp_path, 'entity "A" { role "r" from 2025-01-01 soon and later }\n')
    assert [(e.line, e.column) for e in errors] == [(1, 39)]
    errors = _errors(tmp_path, 'quantity "x" { mentions "a" value at lots 3 }')
    assert [e.problem for e in errors] == ["expected 'least' or 'most', found 'lots'"]


def test_rules_check_prints_every_error_and_exits_4(tmp_path, capsys):
    from checker.cli import main

    path = _write(tmp_path, "bad.rules", _MANY_ERRORS)
    assert main(["rules", "check", str(path)]) == 4
    heads = [line for line in capsys.readouterr().err.splitlines() if "bad.rules:" in line]
    assert len(heads) == 9
    assert [int(h.split("bad.rules:")[1].split(":")[0]) for h in heads] == [3, 4, 8, 11, 16, 17, 18, 18, 19]


def test_a_file_of_garbage_stops_after_a_hundred_errors(tmp_path):
    from checker.rulelang.parse import MAX_ERRORS

    errors = _errors(tmp_path, "".join(f'entity "e{i}" {{ bogus }}\n' for i in range(MAX_ERRORS + 50)))
    assert len(errors) == MAX_ERRORS + 1
    assert [e.line for e in errors[:MAX_ERRORS]] == list(range(1, MAX_ERRORS + 1))
    assert errors[-1].problem.startswith(f"expected at most {MAX_ERRORS} errors in one file")


def test_statements_with_impossible_values_are_reported_and_left_out():
    from checker.rulelang.parse import parse_all

    text = 'as of 2025-02-30\nentity "X" { role "r" from 2025-02-30 }\nwords negation ""\n'
    text += 'event "y" { status concluded }\n'
    rule_file, errors = parse_all(text, "x.rules")
    assert [(e.line, e.column) for e in errors] == [(1, 7), (2, 28), (3, 16)]
    assert [type(s).__name__ for s in rule_file.statements] == ["EventFact"]


def test_facts_read_each_sentence_once_per_document():
    """Every fact asks about the same sentences: the lemmatizer reads each text once, and gives
    each caller its texts' lemmas in order."""
    from checker.pipeline import _remembered

    calls: list[list[str]] = []

    def lemmas(texts):
        calls.append(list(texts))
        return [tuple(text.lower().split()) for text in texts]

    remembered = _remembered(lemmas)
    assert remembered(["Two ships", "One port"]) == [("two", "ships"), ("one", "port")]
    assert remembered(["One port", "Two ships", "Three cranes"]) == [
        ("one", "port"),
        ("two", "ships"),
        ("three", "cranes"),
    ]
    assert calls == [["Two ships", "One port"], ["Three cranes"]]


def test_a_predicate_class_may_name_its_opposite(tmp_path):
    """`predicates ... opposite ...`: both sides are classes (a lemma already in one joins the
    line to it), each the other's opposite; a class without the clause has none."""
    text = 'predicates "sink", "founder" opposite "float"\npredicates "drown" opposite "swim"\n'
    text += 'predicates "swim", "paddle"\n'
    vocab = load_rules([_write(tmp_path, "opposites.rules", text)]).vocabulary
    assert vocab.predicates["founder"] == vocab.predicates["sink"] == "sink"
    assert vocab.opposites["sink"] == {"float"} and vocab.opposites["float"] == {"sink"}
    assert vocab.predicates["paddle"] == "swim" and vocab.opposites["swim"] == {"drown"}
    assert "kill" not in vocab.opposites  # a bundled class with no opposite
    assert vocab.opposites["ban"] == {"allow"}  # and one with
