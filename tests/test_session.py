"""The Session that `serve` and `lsp` keep: the CLI's report, rules read once and again when
they change on disk (a folder's new file too), rules sent as text kept apart per request."""

from __future__ import annotations

import pytest

import checker
from checker.errors import RuleErrors
from checker.session import OwnRulesBroken, Session
from checker.settings import Settings

TENSION = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
UPCOMING = 'event "third round" { status upcoming }\n'


def _verdicts(report) -> list[str]:
    return [fact.verdict.value for fact in report.documents[0].facts]


def test_a_check_is_the_reports_audit_gives():
    session = Session(Settings())
    session.warm()
    assert session.check(TENSION) == checker.audit_text(TENSION)


def _origins(report) -> list[str]:
    return [fact.origin for fact in report.documents[0].facts]


def test_a_rule_folder_is_read_again_when_a_file_is_added_or_edited(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.rules").write_text("# nothing yet\n", encoding="utf-8")
    session = Session(Settings(rules=(str(folder),)))
    assert _verdicts(session.check(TENSION)) == []
    added = folder / "b.rules"
    added.write_text(UPCOMING, encoding="utf-8")
    assert _verdicts(session.check(TENSION)) == ["contradicted"]
    assert _origins(session.check(TENSION)) == [f"{added}:1:30"]
    added.write_text("# moved down\n\n" + UPCOMING, encoding="utf-8")
    assert _origins(session.check(TENSION)) == [f"{added}:3:30"]  # the edited file, read again
    added.write_text('event "third round" {\n  status finishd\n}\n', encoding="utf-8")
    with pytest.raises(OwnRulesBroken) as broken:
        session.check(TENSION)
    assert str(broken.value).endswith(
        "b.rules:2:10: expected a status (cancelled, concluded, ongoing, postponed, upcoming), found 'finishd'"
    )
    added.unlink()
    assert _verdicts(session.check(TENSION)) == []


def test_rules_sent_as_text_belong_to_their_check_only():
    session = Session(Settings())
    assert _verdicts(session.check(TENSION, rule_texts=[UPCOMING])) == ["contradicted"]
    assert _verdicts(session.check(TENSION)) == []
    assert session.prepared([UPCOMING]) is session.prepared([UPCOMING])  # built once, kept
    with pytest.raises(RuleErrors) as refused:
        session.check(TENSION, rule_texts=[UPCOMING, f'include "{__file__}"\n'])
    assert not isinstance(refused.value, OwnRulesBroken)
    assert [str(e) for e in refused.value.errors] == [
        "rules[1]:1:1: expected no include here: rules sent as text cannot read files"
    ]


def test_bad_rule_files_at_the_start_are_the_callers_error(tmp_path):
    bad = tmp_path / "bad.rules"
    bad.write_text("event {\n", encoding="utf-8")
    with pytest.raises(RuleErrors) as refused:
        Session(Settings(rules=(str(bad),)))
    assert not isinstance(refused.value, OwnRulesBroken)
