"""A rule file's facts apply to the articles they are meant for: scoped `rules` entries in the
configuration, and facts whose subject an article never mentions are left out of its table."""

from __future__ import annotations

import json

import pytest

import checker
from checker.cli import main

POLITICS = "The 3rd round of talks has concluded in Istanbul, officials said.\n"
SPORT = "The home side won the cup final on Saturday after extra time.\n"
FACTS = """event "third round" {
  alias "third round of talks"
  status upcoming
}

entity "Olaf Brenner" {
  alias "Brenner"
  role "head of the regional council"
}

quantity "prisoner exchange" {
  mentions "exchange", "prisoners"
  value 250
}
"""


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    (tmp_path / "politics").mkdir()
    (tmp_path / "sport").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "politics" / "talks.txt").write_text(POLITICS, encoding="utf-8")
    (tmp_path / "sport" / "final.txt").write_text(SPORT, encoding="utf-8")
    (tmp_path / "rules" / "politics.rules").write_text(FACTS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _facts(capsys) -> dict[str, list[tuple[str, str]]]:
    report = json.loads(capsys.readouterr().out)
    return {d["path"]: [(f["subject"], f["verdict"]) for f in d["facts"]] for d in report["documents"]}


def test_a_fact_about_something_the_article_never_names_is_left_out(tmp_path):
    facts = tmp_path / "facts.rules"
    facts.write_text(FACTS, encoding="utf-8")
    unrelated = checker.audit_text(SPORT, rules=[facts]).documents[0]
    related = checker.audit_text(POLITICS, rules=[facts]).documents[0]
    assert unrelated.facts == ()  # no "not found" rows for another story's event, person and figure
    assert [(f.subject, f.verdict.value) for f in related.facts] == [("third round", "contradicted")]
    named = checker.audit_text(POLITICS + "Olaf Brenner was not available.\n", rules=[facts]).documents[0]
    assert ("Olaf Brenner", "not found") in [(f.subject, f.verdict.value) for f in named.facts]


@pytest.mark.parametrize(
    "text,kept",
    [
        ("The heads of the regional council met on Monday.\n", True),  # the role, by its lemmas
        ("The head of the regional councils met on Monday.\n", True),
        ("The head of the council met on Monday.\n", False),  # not the role's words in a row
    ],
)
def test_a_role_named_in_another_inflection_keeps_its_fact(tmp_path, text, kept):
    facts = tmp_path / "facts.rules"
    facts.write_text(FACTS, encoding="utf-8")
    document = checker.audit_text(text, rules=[facts]).documents[0]
    assert any(f.subject == "Olaf Brenner" for f in document.facts) is kept


def test_scoped_rules_apply_only_to_the_articles_their_globs_match(newsroom, capsys):
    (newsroom / "pyproject.toml").write_text(
        '[[tool.claim-checker.rules]]\npaths = ["politics/**"]\nfiles = ["rules/politics.rules"]\n', encoding="utf-8"
    )
    assert main(["audit", ".", "--format", "json"]) == 1  # the politics fact is contradicted
    facts = _facts(capsys)
    assert facts == {"politics/talks.txt": [("third round", "contradicted")], "sport/final.txt": []}


def test_plain_and_scoped_entries_mix_in_one_list(newsroom, capsys):
    (newsroom / "rules" / "house.rules").write_text('event "cup final" {\n  status concluded\n}\n', encoding="utf-8")
    (newsroom / ".claim-checker.toml").write_text(
        'rules = ["rules/house.rules", { paths = ["politics/*.txt"], files = ["rules/politics.rules"] }]\n',
        encoding="utf-8",
    )
    main(["audit", "sport/final.txt", "politics/talks.txt", "--format", "json"])
    facts = _facts(capsys)
    assert [s for s, _ in facts["politics/talks.txt"]] == ["third round"]
    assert [s for s, _ in facts["sport/final.txt"]] == ["cup final"]


def test_a_bad_scoped_rule_file_is_an_error_even_when_no_article_matches_it(newsroom, capsys):
    (newsroom / "rules" / "sport.rules").write_text('event "cup final" {\n  status finishd\n}\n', encoding="utf-8")
    for files, message in (('"rules/polítics.rules"', "no such rule file"), ('"rules/sport.rules"', "finishd")):
        (newsroom / ".claim-checker.toml").write_text(
            f'rules = [{{ paths = ["sport/**"], files = [{files}] }}]\n', encoding="utf-8"
        )
        assert main(["audit", "politics/talks.txt"]) == 4
        assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "entry,message",
    [
        ('{ paths = ["politics/**"] }', "rules[0].files: expected a non-empty list of strings"),
        ('{ paths = [], files = ["x.rules"] }', "rules[0].paths: expected a non-empty list of strings"),
        ('{ paths = ["a/**"], files = ["x.rules"], desk = "x" }', "rules[0].desk: unknown key"),
        ("3", "rules[0]: expected a rule file or a {paths, files} table"),
    ],
)
def test_a_bad_scoped_entry_names_its_key(newsroom, capsys, entry, message):
    (newsroom / ".claim-checker.toml").write_text(f"rules = [{entry}]\n", encoding="utf-8")
    assert main(["audit", "sport/final.txt"]) == 2
    assert message in capsys.readouterr().err
