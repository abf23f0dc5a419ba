"""Configuration: found upwards from the current folder, flags win, bad keys are clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checker.cli import main
from checker.config import CodePolicy
from checker.policy import selected

from conftest import ROOT

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
WARNING = "The second session was cancelled on Friday. Officials said the second session will begin on Monday.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with an article, run from a subfolder to prove the upward search."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(CONFLICT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WARNING, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "drafts")
    return tmp_path


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_longest_prefix_wins():
    policy = [CodePolicy(select=("CC101",), ignore=("CC1",))]
    assert selected("CC101", policy) and not selected("CC102", policy)
    assert selected("CC001", [CodePolicy(ignore=("CC1",))])
    assert not selected("CC001", [CodePolicy(select=("CC1",))])  # a select list leaves out the rest
    # a per-glob layer wins a tie against the global one
    assert not selected("CC101", [CodePolicy(select=("CC101",)), CodePolicy(ignore=("CC101",))])


def test_pyproject_section_is_found_upwards_and_sets_format_and_policy(project, capsys):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claim-checker]\nformat = "json"\nignore = ["CC1"]\n', encoding="utf-8"
    )
    assert main(["audit", "a.txt"]) == 0
    assert _json(capsys)["documents"][0]["findings"] == []


def test_own_file_wins_over_pyproject_and_flags_win_over_both(project, capsys):
    (project / "pyproject.toml").write_text('[tool.claim-checker]\nformat = "table"\n', encoding="utf-8")
    (project / ".claim-checker.toml").write_text(
        'format = "json"\nfail-on = "warning"\n[severity]\nCC101 = "warning"\n', encoding="utf-8"
    )
    assert main(["audit", "a.txt"]) == 1  # a warning now, and fail-on warning
    assert _json(capsys)["documents"][0]["findings"][0]["severity"] == "warning"
    assert main(["audit", "a.txt", "--fail-on", "error"]) == 0
    capsys.readouterr()
    assert main(["audit", "a.txt", "--format", "table"]) == 1
    assert "CC101" in capsys.readouterr().out
    assert main(["audit", "a.txt", "--no-config", "--format", "json"]) == 1
    assert _json(capsys)["documents"][0]["findings"][0]["severity"] == "error"


def test_per_glob_settings_apply_to_matching_paths_only(project, capsys):
    (project / ".claim-checker.toml").write_text(
        'format = "json"\n[per-glob."drafts/*"]\nignore = ["CC101"]\n', encoding="utf-8"
    )
    assert main(["audit", "a.txt", "../b.txt", "--fail-on", "warning"]) == 1
    documents = _json(capsys)["documents"]
    assert documents[0]["findings"] == [] and [f["code"] for f in documents[1]["findings"]] == ["CC101"]


def test_rule_paths_are_relative_to_the_config_file(project, capsys):
    rules = ROOT / "fixtures/istanbul-talks/talks.rules"
    (project / "rules").mkdir()
    (project / "rules" / "talks.rules").write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")
    (project / ".claim-checker.toml").write_text('format = "json"\nrules = ["rules/talks.rules"]\n', encoding="utf-8")
    main(["audit", "a.txt"])
    assert _json(capsys)["documents"][0]["as_of"] == "2025-07-24"


def test_select_flag_replaces_the_configured_list(project, capsys):
    (project / ".claim-checker.toml").write_text('format = "json"\nselect = ["CC001"]\n', encoding="utf-8")
    assert main(["audit", "a.txt"]) == 0
    capsys.readouterr()
    assert main(["audit", "a.txt", "--select", "CC1"]) == 1


@pytest.mark.parametrize(
    "name,content,message",
    [
        (".claim-checker.toml", "format = 'yaml'\n", "format: expected one of"),
        (".claim-checker.toml", "selcet = ['CC1']\n", "selcet: unknown key (expected one of rules,"),
        (".claim-checker.toml", "ignore = 'CC1'\n", "ignore: expected a list of strings, found 'CC1'"),
        (".claim-checker.toml", "ignore = ['XX9']\n", "ignore: 'XX9' is the code (or code prefix) of no check"),
        (".claim-checker.toml", "[severity]\nCC101 = 'fatal'\n", "severity.CC101: expected one of error, warning"),
        (".claim-checker.toml", "fail-on = 'sometimes'\n", "fail-on: expected one of error, warning, note, never"),
        (".claim-checker.toml", "format = \n", "not valid TOML"),
        (
            "pyproject.toml",
            "[tool.claim-checker.per-glob.'x/*']\nseverity = 3\n",
            'tool.claim-checker.per-glob."x/*".severity: expected a table',
        ),
        ("pyproject.toml", "[tool.claim-checker]\ndefault-rules = 'no'\n", "tool.claim-checker.default-rules"),
    ],
)
def test_a_malformed_config_names_the_file_and_key(project, name, content, message):
    (project / name).write_text(content, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "checker", "audit", "a.txt"],
        capture_output=True,
        text=True,
        env=env,
        cwd=project / "drafts",
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"claim-checker: {project / name}: ")
    assert message in result.stderr and "Traceback" not in result.stderr
