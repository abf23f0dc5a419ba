"""A finding's identity survives moving either side, renaming the mention of its event, and renaming
its file in git; `diff`, `audit --since` and baselines all use it."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import checker
from checker.cli import main
from checker.identity import key_of

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round."
FILLER = "The weather in the capital was mild for the time of year."
LEAGUE = "The league consisted of 10 teams in its first season."
LEAGUE_AGAIN = "The league consisted of eight teams in its first season."


def _keys(text: str, code: str):
    return [key_of(f) for f in checker.audit_text(text).documents[0].findings if f.code == code]


def test_the_order_of_the_two_sides_is_not_part_of_the_identity():
    (forward,) = _keys(f"{LEAGUE}\n\n{FILLER}\n\n{LEAGUE_AGAIN}", "CC102")
    (backward,) = _keys(f"{LEAGUE_AGAIN}\n\n{FILLER}\n\n{LEAGUE}", "CC102")
    assert forward == backward
    assert _keys(f"{LEAGUE}\n\n{LEAGUE.replace('10', '12')}", "CC102") != [forward]  # another value: another finding


def test_moving_either_side_of_an_event_conflict_to_another_paragraph_keeps_it():
    first, second = CONFLICT.split(". ", 1)
    (before,) = _keys(f"{first}. {second}\n\n{FILLER}", "CC101")
    (moved,) = _keys(f"{second}\n\n{FILLER}\n\n{first}.", "CC101")
    assert before == moved


def test_which_mention_names_the_event_does_not_change_it():
    (before,) = _keys(CONFLICT, "CC101")
    (renamed,) = _keys("The third meeting has concluded. Delegates are preparing for the 3rd round.", "CC101")
    assert before == renamed
    (other_event,) = _keys(CONFLICT.replace("3rd", "2nd").replace("third", "second"), "CC101")
    assert other_event != before


def test_diff_reports_nothing_when_a_side_moved_and_the_event_was_renamed(tmp_path, capsys):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(f"{CONFLICT}\n\n{FILLER}\n", encoding="utf-8")
    new.write_text(f"Delegates are preparing for the 3rd meeting.\n\n{FILLER}\n\nThe third round has concluded.\n")
    assert main(["diff", str(old), str(new), "--format", "json", "--no-config"]) == 0
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert [f["code"] for f in findings if f["code"] != "CC902"] == []


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(f"{CONFLICT}\n\n{FILLER}\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "draft")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _moved(repo, edit: bool):
    (repo / "published").mkdir()
    _git(repo, "mv", "drafts/a.txt", "published/a.txt")
    if edit:  # moved and edited a little: git still calls it a rename (similar content)
        text = (repo / "published" / "a.txt").read_text(encoding="utf-8")
        (repo / "published" / "a.txt").write_text(text + "\nA line added after the move.\n", encoding="utf-8")


@pytest.mark.parametrize("commit", [False, True], ids=["staged", "committed"])
def test_since_follows_a_git_rename(repo, capsys, commit):
    _moved(repo, edit=True)
    if commit:
        _git(repo, "commit", "-q", "-m", "publish")
        revision = "HEAD~1"
    else:
        revision = "HEAD"
    assert main(["audit", "--since", revision, "published/a.txt", "--format", "json", "--no-config"]) == 0
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert [f["code"] for f in findings if f["code"] != "CC902"] == []
    assert main(["audit", "published/a.txt", "--no-config"]) == 1  # the finding is there, only not new


def test_a_baseline_follows_a_git_rename(repo, capsys):
    assert main(["audit", "drafts/a.txt", "--write-baseline", "baseline.json", "--no-config"]) == 0
    recorded = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert len(recorded["revision"]) == 40 and recorded["findings"][0]["path"] == "drafts/a.txt"
    _moved(repo, edit=True)
    _git(repo, "commit", "-q", "-m", "publish")
    assert main(["audit", "published/a.txt", "--baseline", "baseline.json", "--no-config"]) == 0
    (repo / "published" / "b.txt").write_text(f"{CONFLICT}\n", encoding="utf-8")  # a copy is no rename
    assert main(["audit", "published/b.txt", "--baseline", "baseline.json", "--no-config"]) == 1


def test_a_version_1_baseline_still_hides_what_it_recorded(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(f"{LEAGUE}\n\n{LEAGUE_AGAIN}\n", encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config", "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    quotes = [location["text"] for location in finding["locations"]]
    # version 1 recorded the sides in the order found; reversed here, the order must not matter
    entry = {"path": "a.txt", "code": "CC102", "quotes": quotes[::-1], "origin": "", "count": 1}
    (tmp_path / "v1.json").write_text(json.dumps({"version": 1, "findings": [entry]}), encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config", "--baseline", "v1.json"]) == 0


def test_a_fact_contradiction_stays_the_same_when_a_sentence_that_agrees_is_added(tmp_path):
    rules = tmp_path / "talks.rules"
    rules.write_text('event "third round" {\n  alias "third round of talks"\n  status concluded\n}\n')
    cancelled = "The third round of talks was cancelled on Friday."

    def key(text):
        (finding,) = [f for f in checker.audit_text(text, rules=[rules]).documents[0].findings if f.code == "CC001"]
        return key_of(finding)

    before = key(cancelled)
    assert key(f"The third round of talks has concluded in Istanbul.\n\n{FILLER}\n\n{cancelled}") == before
    assert key("The third round of talks was postponed.") != before  # contradicted another way


def test_since_reads_the_old_version_with_the_reader_of_its_old_name(repo, capsys):
    _git(repo, "mv", "drafts/a.txt", "drafts/a.md")  # a plain-text draft becomes markdown
    text = (repo / "drafts" / "a.md").read_text(encoding="utf-8")
    (repo / "drafts" / "a.md").write_text("# Talks\n\n" + text, encoding="utf-8")
    assert main(["audit", "--since", "HEAD", "drafts/a.md", "--format", "json", "--no-config"]) == 0
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert [f["code"] for f in findings if f["code"] != "CC902"] == []


def _two_sided_examples():
    import re

    from checker.detectors import all_detectors

    for detector in all_detectors():
        if detector.code == "CC901":  # a suppression applies to what follows it: its order is its meaning
            continue
        for text in detector.fires:
            sentences = re.split(r"(?<=[.!?]) +", text.strip())
            if len(sentences) > 1:
                yield pytest.param(detector, text, " ".join(reversed(sentences)), id=f"{detector.code}-{text[:24]}")


@pytest.mark.parametrize("detector,text,reversed_text", list(_two_sided_examples()))
def test_no_check_s_identity_depends_on_the_order_of_its_sides(detector, text, reversed_text, tmp_path):
    rules = None
    if detector.example_rules.strip():
        rules = [tmp_path / "example.rules"]
        rules[0].write_text(detector.example_rules, encoding="utf-8")

    def keys(source):
        found = checker.audit_text(source, rules=rules).documents[0].findings
        return sorted(repr(key_of(f)) for f in found if f.code == detector.code)

    forward = keys(text)
    assert forward and keys(reversed_text) == forward
