"""Folder scans honour .gitignore inside a git work tree, and `exclude` globs from the configuration
and --exclude, which mean the same (checker.globs)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from checker.cli import main
from checker.globs import Globs

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CONFLICT, encoding="utf-8")


def _checked(capsys, root) -> list[str]:
    report = json.loads(capsys.readouterr().out)
    return sorted(d["path"].replace(str(root) + "/", "") for d in report["documents"])


@pytest.mark.parametrize(
    "pattern,path,expected",
    [
        ("drafts/**", "drafts/a.txt", True),
        ("drafts/**", "drafts/x/y.txt", True),
        ("drafts/**", "news/drafts/a.txt", False),  # a / anchors the glob at the base folder
        ("**/drafts/**", "news/drafts/a.txt", True),
        ("*.draft.md", "news/deep/x.draft.md", True),  # no /: a name at any depth
        ("news/*.md", "news/a.md", True),
        ("news/*.md", "news/x/a.md", False),  # * stays within one segment
        ("vendor/", "vendor/lib/a.md", True),
        ("a/**/b.md", "a/b.md", True),
        ("a/**/b.md", "a/x/y/b.md", True),
    ],
)
def test_glob_meaning(tmp_path, monkeypatch, pattern, path, expected):
    monkeypatch.chdir(tmp_path)
    assert Globs((pattern,)).matches(path) is expected
    assert Globs((pattern,), str(tmp_path)).matches(tmp_path / path) is expected


@pytest.fixture
def git_tree(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _tree(tmp_path, ["news/a.txt", "node_modules/pkg/readme.md", "build/out.md", "news/tracked.md"])
    (tmp_path / ".gitignore").write_text("node_modules/\nbuild/\n*.md\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-f", "news/tracked.md"], cwd=tmp_path, check=True)  # tracked: never ignored
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_scan_in_a_work_tree_skips_what_git_ignores(git_tree, capsys):
    main(["audit", ".", "--format", "json", "--no-config"])
    assert _checked(capsys, git_tree) == ["news/a.txt", "news/tracked.md"]


def test_no_gitignore_reads_what_git_ignores(git_tree, capsys):
    main(["audit", ".", "--format", "json", "--no-config", "--no-gitignore"])
    assert _checked(capsys, git_tree) == ["build/out.md", "news/a.txt", "news/tracked.md", "node_modules/pkg/readme.md"]


def test_a_pattern_in_a_work_tree_skips_what_git_ignores(git_tree, capsys):
    main(["audit", "**/*.md", "--format", "json", "--no-config"])
    assert _checked(capsys, git_tree) == ["news/tracked.md"]


def test_outside_a_work_tree_no_gitignore_is_read(tmp_path, monkeypatch, capsys):
    _tree(tmp_path, ["news/a.txt", "build/out.md"])
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["audit", ".", "--format", "json", "--no-config"])
    assert _checked(capsys, tmp_path) == ["build/out.md", "news/a.txt"]


@pytest.mark.parametrize(
    "how",
    [
        lambda root: (root.joinpath(".claim-checker.toml").write_text('exclude = ["drafts/**", "*.old.txt"]\n'), [])[1],
        lambda root: ["--exclude", "drafts/**", "--exclude", "*.old.txt"],
    ],
    ids=["config", "flag"],
)
def test_exclude_in_config_and_on_the_command_line_mean_the_same(tmp_path, monkeypatch, capsys, how):
    _tree(tmp_path, ["news/a.txt", "news/b.old.txt", "drafts/c.txt", "drafts/deep/d.txt", "news/drafts/e.txt"])
    monkeypatch.chdir(tmp_path)
    flags = how(tmp_path)
    main(["audit", ".", "--format", "json", *flags])
    assert _checked(capsys, tmp_path) == ["news/a.txt", "news/drafts/e.txt"]
    main(["audit", "news/b.old.txt", "news/a.txt", "--format", "json", *flags])  # named one by one: still excluded
    assert _checked(capsys, tmp_path) == ["news/a.txt"]


def test_configured_excludes_are_relative_to_the_configuration_file(tmp_path, monkeypatch, capsys):
    _tree(tmp_path, ["drafts/c.txt", "news/a.txt"])
    (tmp_path / ".claim-checker.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "news")
    main(["audit", "..", "--format", "json"])
    assert [p.rsplit("/", 1)[-1] for p in _checked(capsys, tmp_path)] == ["a.txt"]


@pytest.mark.parametrize(
    "content,message",
    [
        ("exclude = 'drafts'\n", "exclude: expected a list of strings"),
        ("exclude = ['']\n", "exclude: expected a glob such as 'drafts/**', found ''"),
    ],
)
def test_a_bad_exclude_is_a_usage_error(tmp_path, monkeypatch, capsys, content, message):
    _tree(tmp_path, ["a.txt"])
    (tmp_path / ".claim-checker.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "a.txt"]) == 2
    assert message in capsys.readouterr().err


def test_a_folder_whose_every_article_is_ignored_says_so(git_tree, capsys):
    assert main(["audit", "build", "--no-config"]) == 3
    assert "build: is a folder with no article in it that git does not ignore" in capsys.readouterr().err
    assert main(["audit", "news", "--exclude", "news/**", "--no-config"]) == 3
    assert "and `exclude` does not leave out" in capsys.readouterr().err
