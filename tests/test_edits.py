"""Edited copy: `diff`, `audit --since`, baselines. Findings are matched by check and
quoted text, never by line, so moving text introduces nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import checker
from checker.changes import CLAIM_CHANGED, changed_claims
from checker.cli import main

from conftest import ROOT

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round."
OTHER_CONFLICT = "The second session was cancelled on Friday. The second session will begin on Monday."
FILLER = "The weather in the capital was mild for the time of year."


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def _codes(capsys) -> list[str]:
    report = json.loads(capsys.readouterr().out)
    return [f["code"] for d in report["documents"] for f in d["findings"]]


def test_moving_a_paragraph_introduces_nothing(tmp_path, capsys):
    old = _write(tmp_path / "old.txt", f"{CONFLICT}\n\n{FILLER}\n")
    new = _write(tmp_path / "new.txt", f"{FILLER}\n\nA new line above.\n\n{CONFLICT}\n")
    assert main(["diff", old, new, "--format", "json"]) == 0
    assert _codes(capsys) == []


def test_only_the_finding_the_edit_introduced_is_reported(tmp_path, capsys):
    old = _write(tmp_path / "old.txt", f"{CONFLICT}\n\n{FILLER}\n")
    new = _write(tmp_path / "new.txt", f"{FILLER}\n\n{OTHER_CONFLICT}\n\n{CONFLICT}\n")
    assert main(["diff", old, new, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    findings = report["documents"][0]["findings"]
    introduced = [f for f in findings if f["code"] != CLAIM_CHANGED.code]
    assert [f["code"] for f in introduced] == ["CC101"]
    assert "second session" in introduced[0]["locations"][0]["text"]
    assert report["documents"][0]["path"] == new


def test_a_changed_status_is_listed_even_when_consistent(tmp_path, capsys):
    old = _write(tmp_path / "old.txt", "The third round has concluded.\n")
    new = _write(tmp_path / "new.txt", "Intro.\n\nThe third round will begin on Monday.\n")
    assert main(["diff", old, new, "--format", "json"]) == 0  # a note does not fail by default
    (finding,) = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert finding["code"] == "CC902" and finding["severity"] == "note"
    assert "from concluded to upcoming" in finding["message"] and "third round has concluded" in finding["message"]
    assert finding["locations"][0]["line"] == 3


def test_a_changed_date_without_a_year_names_no_year():
    """The year the extractor puts in place of one the text did not give is no claim of it."""
    from checker.api import compare

    (finding,) = (
        compare("The summit is planned for 31 August.", "The summit is planned for 30 August.").documents[0].findings
    )
    assert "changed from --08-31 to --08-30" in finding.message
    (finding,) = (
        compare("The summit is planned for 31 August.", "The summit is planned for 31 August 2025.")
        .documents[0]
        .findings
    )
    assert "changed from --08-31 to 2025-08-31" in finding.message


@pytest.mark.parametrize("example", CLAIM_CHANGED.fires)
def test_claim_changed_fires_on_its_examples(example):
    old, new = example.split(" ⟶ ")
    assert changed_claims(*checker.audit_text(old).documents, *checker.audit_text(new).documents) != ()
    assert CLAIM_CHANGED.code in [f.code for f in checker.api.compare(old, new).documents[0].findings]


@pytest.mark.parametrize("example", CLAIM_CHANGED.quiet)
def test_claim_changed_quiet_on_its_examples(example):
    old, new = example.split(" ⟶ ")
    assert [f.code for f in checker.api.compare(old, new).documents[0].findings] == []


def test_baseline_records_and_hides_known_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "article.txt"
    _write(article, f"{CONFLICT}\n")
    assert main(["audit", "article.txt", "--write-baseline", "baseline.json", "--format", "json"]) == 0
    capsys.readouterr()
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert recorded["findings"] == [
        {
            "path": "article.txt",
            "code": "CC101",
            "about": "3:round: concluded / upcoming",
            "origin": "",
            "count": 1,
        }
    ]
    _write(article, f"{FILLER}\n\n{CONFLICT}\n\n{OTHER_CONFLICT}\n")  # moved, plus a new one
    assert main(["audit", "article.txt", "--baseline", "baseline.json", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (finding,) = report["documents"][0]["findings"]
    assert "second session" in finding["locations"][0]["text"]
    # Re-recording is stable: same input, same bytes.
    main(["audit", "article.txt", "--write-baseline", "b1.json", "--format", "json"])
    main(["audit", "article.txt", "--write-baseline", "b2.json", "--format", "json"])
    assert (tmp_path / "b1.json").read_bytes() == (tmp_path / "b2.json").read_bytes()


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "baseline.json:1:2: the baseline is not JSON"),
        ('{"version": 7, "findings": []}', "not a claim-checker baseline"),
        ('{"version": 1, "findings": [{"code": "CC101"}]}', "findings[0]: expected path, code, quotes"),
    ],
)
def test_a_bad_baseline_is_a_clear_usage_error(tmp_path, content, message):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    article = _write(tmp_path / "a.txt", CONFLICT)
    result = _cli("audit", article, "--baseline", str(baseline), cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def _cli(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_audit_since_a_git_revision_reports_only_the_new_finding(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    _git(repo, "init", "-q")
    article = repo / "articles" / "talks.txt"
    _write(article, f"{CONFLICT}\n\n{FILLER}\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first version")
    _write(article, f"{FILLER}\n\n{OTHER_CONFLICT}\n\n{CONFLICT}\n")
    fresh = _write(repo / "articles" / "new.txt", f"{CONFLICT}\n")  # not in HEAD: all of it is new

    result = _cli("audit", "--since", "HEAD", "articles/talks.txt", "articles/new.txt", "--format", "github", cwd=repo)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 2
    assert "file=articles/talks.txt,line=3" in errors[0] and "second session" in errors[0]
    assert "file=articles/new.txt" in errors[1]
    plain = _cli("audit", "articles/talks.txt", cwd=repo)
    assert plain.returncode == 1 and plain.stdout.count("CC101") == 2  # without --since, both
    assert os.path.exists(fresh)

    bad = _cli("audit", "--since", "no-such-rev", "articles/talks.txt", cwd=repo)
    assert bad.returncode == 2 and "unknown revision 'no-such-rev'" in bad.stderr
    outside = _cli("audit", "--since", "HEAD", str(article), cwd=tmp_path)
    assert outside.returncode == 1  # an absolute path into the repository works from anywhere
    elsewhere = _write(tmp_path / "loose.txt", CONFLICT)
    not_repo = _cli("audit", "--since", "HEAD", elsewhere, cwd=tmp_path)
    assert not_repo.returncode == 2 and "is not inside a git repository" in not_repo.stderr
