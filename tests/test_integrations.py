"""The shipped integrations run as written: the example GitHub workflow's commands on a
small git repository, and the pre-commit hook's entry."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

WORKFLOW = ROOT / "examples" / "github-actions.yml"
CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
NEW_CONFLICT = "The second session was cancelled on Friday. The second session will begin on Monday.\n"
FILLER = "The weather in the capital was mild for the time of year.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


def _workflow_commands() -> list[str]:
    return re.findall(r"^\s+run: (claim-checker .*)$", WORKFLOW.read_text(encoding="utf-8"), re.MULTILINE)


def _shell(command: str, repo) -> subprocess.CompletedProcess:
    """The workflow's command line, with `claim-checker` as this checkout and the base branch as `main`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_BASE_REF": "main"}
    command = command.replace("claim-checker ", f"{sys.executable} -m checker ", 1)
    return subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def test_the_example_workflow_annotates_only_the_new_finding(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    article = repo / "articles" / "talks.txt"
    article.write_text(CONFLICT + "\n" + FILLER, encoding="utf-8")
    (repo / "articles" / "other.txt").write_text(FILLER, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "the article as published")
    _git(repo, "remote", "add", "origin", str(repo))
    _git(repo, "fetch", "-q", "origin")
    _git(repo, "checkout", "-q", "-b", "edit")
    article.write_text(FILLER + "\n" + NEW_CONFLICT + "\n" + CONFLICT, encoding="utf-8")  # moved + a new one
    _git(repo, "commit", "-q", "-am", "the edit")

    sarif_step, annotate_step = _workflow_commands()
    sarif = _shell(sarif_step, repo)
    assert sarif.returncode == 0, sarif.stderr  # --fail-on never
    results = json.loads((repo / "claim-checker.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    errors = [r for r in results if r["level"] == "error"]
    assert [r["ruleId"] for r in errors] == ["CC101"]
    assert "second session" in errors[0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    # the new statuses it claims are listed as notes; the moved paragraph's are not
    assert {r["ruleId"] for r in results if r["level"] == "note"} == {"CC902"}
    assert all("second session" in r["message"]["text"] for r in results if r["level"] == "note")

    annotate = _shell(annotate_step, repo)
    assert annotate.returncode == 1, annotate.stderr
    errors = [line for line in annotate.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "file=articles/talks.txt,line=3," in errors[0]


def test_the_pre_commit_hook_entry_checks_the_files_it_is_given(tmp_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^\s+entry: (.+)$", hooks, re.MULTILINE).group(1)
    files = re.search(r"^\s+files: (.+)$", hooks, re.MULTILINE).group(1)
    assert re.search(files, "articles/talks.txt") and re.search(files, "post.md") and not re.search(files, "x.py")
    article = tmp_path / "talks.txt"
    article.write_text(CONFLICT, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(FILLER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = entry.replace("claim-checker", f"{sys.executable} -m checker", 1).split()
    assert subprocess.run([*command, str(clean)], env=env, capture_output=True, timeout=60).returncode == 0
    assert (
        subprocess.run([*command, str(clean), str(article)], env=env, capture_output=True, timeout=60).returncode == 1
    )
