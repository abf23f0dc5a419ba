"""A check code of no check is a usage error (exit 2) wherever it is given, naming the nearest code."""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.codes import nearest

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(CONFLICT, encoding="utf-8")
    return tmp_path


def test_nearest_code_is_the_typo_corrected():
    assert nearest("CC1O1") == "CC101"
    assert nearest("CC00l") == "CC001"


@pytest.mark.parametrize(
    "flags,named",
    [
        (["--select", "CC1O1"], "--select: 'CC1O1'"),
        (["--ignore", "XX"], "--ignore: 'XX'"),
        (["--select", "CC1,cc10z"], "--select: 'CC10Z'"),
    ],
)
def test_unknown_code_on_the_command_line_is_exit_2(article, capsys, flags, named):
    assert main(["audit", "a.txt", "--no-config", *flags]) == 2
    err = capsys.readouterr().err
    assert named in err and "of no check" in err and len(err.strip().splitlines()) == 1


def test_the_typo_names_the_nearest_code(article, capsys):
    assert main(["audit", "a.txt", "--no-config", "--select", "CC1O1"]) == 2
    assert "did you mean CC101?" in capsys.readouterr().err


def test_known_prefixes_are_still_accepted(article, capsys):
    assert main(["audit", "a.txt", "--no-config", "--select", "cc1", "--format", "json"]) == 1
    assert main(["audit", "a.txt", "--no-config", "--ignore", "CC1"]) == 0


@pytest.mark.parametrize(
    "content,where",
    [
        ("select = ['CC1O1']\n", "select: 'CC1O1'"),
        ("[severity]\nCC1O1 = 'warning'\n", "severity.CC1O1: 'CC1O1'"),
        ("[per-glob.'*.txt']\nignore = ['CC7']\n", "ignore: 'CC7'"),
    ],
)
def test_unknown_code_in_the_configuration_is_exit_2(article, capsys, content, where):
    (article / ".claim-checker.toml").write_text(content, encoding="utf-8")
    assert main(["audit", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert ".claim-checker.toml" in err and where in err


def test_unknown_code_in_a_suppression_is_exit_2_at_its_line(article, capsys):
    (article / "a.txt").write_text(f"Intro.\n\n<!-- claim-checker: ignore CC1O1 -->\n{CONFLICT}", encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config"]) == 2
    err = capsys.readouterr().err
    assert "a.txt:3:1: a suppression names 'CC1O1', the code of no check (did you mean CC101?)" in err


def test_a_known_code_in_a_suppression_still_suppresses(article, capsys):
    (article / "a.txt").write_text(f"<!-- claim-checker: ignore CC101 -->\n{CONFLICT}", encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config"]) == 0


def test_unknown_code_in_a_baseline_is_exit_2(article, capsys):
    entry = {"path": "a.txt", "code": "CC1O1", "quotes": ["x"], "origin": "", "count": 1}
    (article / "base.json").write_text(json.dumps({"version": 1, "findings": [entry]}), encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config", "--baseline", "base.json"]) == 2
    err = capsys.readouterr().err
    assert "base.json: findings[0]: 'CC1O1'" in err and "did you mean CC101?" in err
