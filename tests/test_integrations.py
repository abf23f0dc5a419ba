"""The pre-commit hook runs as written and is given only article files (the GitHub Action and
its example workflow: tests/test_github_action.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

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


def test_the_pre_commit_hook_entry_checks_the_files_it_is_given(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = hook["entry"]
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


def _hook_takes(path: str) -> bool:
    """Whether pre-commit would give the hook this (text) file: `files` matches and `exclude` does not,
    both searched as pre-commit does (re.search on the path relative to the repository)."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["types"] == ["text"]  # binary files are never given
    return bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)


@pytest.mark.parametrize(
    "path", ["articles/talks.txt", "post.md", "news/2025/istanbul.html", "drafts/readme-the-story.md", "content/a.htm"]
)
def test_the_pre_commit_hook_is_given_articles(path):
    assert _hook_takes(path)


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "sub/readme.txt",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "LICENSE.txt",
        "requirements.txt",
        "requirements-dev.txt",
        "docs/ci.md",
        ".github/PULL_REQUEST_TEMPLATE.md",
        "setup.py",
        "notes.rst",
    ],
)
def test_the_pre_commit_hook_is_not_given_a_repository_s_own_documents(path):
    assert not _hook_takes(path)
