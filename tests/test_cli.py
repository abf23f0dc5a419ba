"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from checker.cli import main
from checker.commands import COMMANDS, command_module

from conftest import ROOT

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")
SEED_RULES = str(ROOT / "fixtures/istanbul-talks/talks.rules")
QUIET = str(ROOT / "fixtures/different-rounds/article.txt")
WARNING_ONLY = str(ROOT / "fixtures/quoted-source/article.txt")


def _run(*args: str) -> subprocess.CompletedProcess:
    """The real entry point in a child process, as CI would call it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )


def test_seed_audit_exits_1_with_the_error(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the quotes unwrapped
    result = _run("audit", SEED)
    assert result.returncode == 1
    assert "CC101" in result.stdout and "preparing for the third meeting" in result.stdout
    assert result.stderr == ""


def test_clean_article_exits_0():
    assert main(["audit", QUIET]) == 0


@pytest.mark.parametrize(
    "fail_on,expected",
    [("error", 0), ("warning", 1), ("note", 1), ("never", 0)],
)
def test_fail_on_gates_by_severity(fail_on, expected, capsys):
    assert main(["audit", WARNING_ONLY, "--fail-on", fail_on]) == expected


def test_never_fails_even_on_errors():
    assert main(["audit", SEED, "--fail-on", "never"]) == 0


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["audit", "no/such/article.txt"], 3, "no/such/article.txt: no such file"),
        (["audit", SEED, "--rules", "no/such.rules"], 4, "no/such.rules: no such rule file"),
        (["audit", SEED, "--format", "yaml"], 2, "unknown format 'yaml'"),
        (["audit", SEED, "--as-of", "24/07/2025"], 2, "--as-of: expected a date as YYYY-MM-DD"),
        (["audit"], 2, "the following arguments are required"),
        (["explain", "CC999"], 2, "unknown check 'CC999'"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_clear_line_with_their_exit_code(args, code, message):
    result = _run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("claim-checker: ")


def test_bad_documents_each_get_their_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"abc\x00def")
    folder = tmp_path / "no-articles"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    for path, message in [
        (empty, "is empty"),
        (latin, "is not valid UTF-8 (byte 0xe9 at byte offset 3)"),
        (binary, "looks binary (1 control character in 7, the first U+0000 at 1:4)"),
        (folder, "is a folder with no article in it"),
    ]:
        result = _run("audit", str(path))
        assert result.returncode == 3, path
        assert message in result.stderr and "Traceback" not in result.stderr


def test_utf8_bom_and_utf16_are_read(tmp_path):
    text = "The 3rd round has concluded. Delegates are preparing for the third round."
    for name, data in [("bom.txt", b"\xef\xbb\xbf" + text.encode()), ("u16.txt", text.encode("utf-16"))]:
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["audit", str(path), "--format", "json"]) == 1


def test_malformed_rule_file_shows_the_line_and_a_caret(tmp_path):
    rules = tmp_path / "talks.rules"
    rules.write_text('event "third round" {\n  status finishd\n}\n', encoding="utf-8")
    result = _run("audit", SEED, "--rules", str(rules))
    assert result.returncode == 4
    lines = result.stderr.splitlines()
    assert lines[0].endswith(
        "talks.rules:2:10: expected a status (cancelled, concluded, ongoing, postponed, upcoming), found 'finishd'"
    )
    assert lines[1].strip() == "status finishd"
    assert lines[2].index("^") == lines[1].index("finishd")


def test_rules_check_reports_ok_and_every_error(tmp_path, capsys):
    assert main(["rules", "check", SEED_RULES]) == 0
    assert "ok (2 entities, 2 events, 9 facts)" in capsys.readouterr().out  # 5 roles and statuses, 4 figures
    single = tmp_path / "single.rules"
    single.write_text('event "final" { status concluded }\n', encoding="utf-8")
    assert main(["rules", "check", str(single)]) == 0
    assert "ok (0 entities, 1 event, 1 fact)" in capsys.readouterr().out
    one = tmp_path / "one.rules"
    one.write_text("status {", encoding="utf-8")
    two = tmp_path / "two.rules"
    two.write_text('event "x" { status nope }', encoding="utf-8")
    assert main(["rules", "check", str(one), str(two)]) == 4
    err = capsys.readouterr().err
    assert "one.rules:1:8" in err and "two.rules:1:20" in err


def test_json_report_validates_against_the_schema(capsys):
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    main(["audit", SEED, "--rules", SEED_RULES, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, schema)
    document = report["documents"][0]
    assert document["as_of"] == "2025-07-24"
    assert {f["verdict"] for f in document["facts"]} == {"supported", "contradicted", "not found"}


def test_as_of_flag_wins_over_the_rule_file(capsys):
    main(["audit", SEED, "--rules", SEED_RULES, "--format", "json", "--as-of", "2025-07-01"])
    report = json.loads(capsys.readouterr().out)
    assert report["documents"][0]["as_of"] == "2025-07-01"
    roles = [f for f in report["documents"][0]["facts"] if f["expected"].startswith("Secretary")]
    assert roles[0]["verdict"] == "contradicted"  # the role starts on 2025-07-17


def test_output_file_is_written_whole(tmp_path, capsys):
    target = tmp_path / "report.json"
    assert main(["audit", SEED, "--format", "json", "--output", str(target)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left behind


def test_output_into_a_missing_folder_is_a_clear_error(tmp_path):
    result = _run("audit", SEED, "--output", str(tmp_path / "nope" / "r.json"))
    assert result.returncode == 2 and "cannot write the report" in result.stderr


def test_several_articles_make_one_report(capsys):
    assert main(["audit", SEED, QUIET, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in report["documents"]] == [SEED, QUIET]
    assert report["summary"]["documents"] == 2


def test_detectors_and_explain_read_the_metadata(capsys):
    assert main(["detectors"]) == 0
    listing = capsys.readouterr().out
    assert "CC101" in listing and "event-status-conflict" in listing and "CC001" in listing
    assert main(["explain", "cc101"]) == 0
    text = capsys.readouterr().out
    assert "Reports on:" in text and "Stays quiet on:" in text and "preparing for the third round" in text


def test_version_and_module_entry_point():
    result = _run("--version")
    assert result.returncode == 0 and result.stdout.startswith("claim-checker ")


def test_the_command_table_names_every_command_module_and_each_can_run():
    # COMMANDS lets --help list commands without importing them; a module left out of it
    # would be a command no one can reach.
    folder = ROOT / "checker" / "commands"
    on_disk = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert {module for module, _ in COMMANDS.values()} == on_disk
    for name in COMMANDS:
        module = command_module(name)
        assert callable(module.configure) and callable(module.run), name


def test_help_lists_every_command_with_its_help_in_table_order(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    listing = " ".join(capsys.readouterr().out.split())  # argparse wraps long names onto two lines
    places = [listing.index(f"{name} {summary}") for name, (_, summary) in COMMANDS.items()]
    assert places == sorted(places)


def test_each_command_help_shows_its_own_options(capsys):
    for name, expected in [("audit", "--since"), ("diff", "OLD"), ("claims", "--as-of"), ("rules", "SUBCOMMAND")]:
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        assert exited.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: claim-checker {name} ") and expected in out, name
        assert COMMANDS[name][1] in out


def test_an_unknown_command_is_refused_naming_every_command(capsys):
    assert main(["frobnicate", SEED]) == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'frobnicate'" in error
    assert all(f"'{name}'" in error for name in COMMANDS)
