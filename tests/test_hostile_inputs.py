"""Hostile documents, flags and rule files (issue 15's crash, rule-file and regex rows): each is
refused with one clear line, or checked alone, and the other documents are still reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from checker import inputs
from checker.cli import main

from conftest import ROOT

CONTRADICTION = "The third round has concluded. Delegates are preparing for the third round.\n"


def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\ndate: *i"


FRONT_MATTER = {
    "an impossible day": ("---\ndate: 2025-02-30\n---\n", "`date` is not a date"),
    "month 13": ("---\ndate: 2025-13-01\n---\n", "found '2025-13-01'"),
    "year 0": ("---\ndate: 0000-01-01\n---\n", "found '0000-01-01'"),
    "hour 25": ("---\ndate: 2025-01-01 25:00:00\n---\n", "found '2025-01-01 25:00:00'"),
    "offset +99:00": ("---\ndate: 2025-01-01T10:00:00+99:00\n---\n", "is not a date"),
    "TOML impossible day": ("+++\ndate = 2025-02-30\n+++\n", "front matter is not valid TOML"),
    "deep nesting": ("---\ndate: " + "[" * 5000 + "]" * 5000 + "\n---\n", "levels of nesting"),
    "TOML deep nesting": ("+++\ndate = " + "[" * 5000 + "]" * 5000 + "\n+++\n", "front matter"),
    "a billion laughs": ("---\n" + _laughs() + "\n---\n", "expected no alias"),
    "a huge integer": ("---\ndate: " + "9" * 5000 + "\n---\n", "cannot be read"),
    "a TOML huge integer": ("+++\ndate = " + "9" * 5000 + "\n+++\n", "cannot be read"),
    "a 1 MB value": ('---\ndate: "' + "x" * 1_000_000 + '"\n---\n', "is not a date"),
}


@pytest.mark.parametrize("case", FRONT_MATTER, ids=list(FRONT_MATTER))
def test_bad_front_matter_refuses_that_file_only(case, tmp_path, capsys):
    front, message = FRONT_MATTER[case]
    bad = tmp_path / "bad.md"
    bad.write_text(front + CONTRADICTION, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["audit", str(bad), str(good), "--format", "json"]) == 3
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [d["path"] for d in report["documents"]] == [str(good)]  # the other document is reported
    assert [r["path"] for r in report["refused"]] == [str(bad)]
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in captured.err
    assert len(err[0]) < 400  # no repr of an expanded value, no 1 MB echo
    assert "lol" not in err[0]


@pytest.mark.parametrize("page", ["<p>The third round<![ foo", "<p>x</p><![if !IE]>", "<!DOCTYPE [ ", "<p>a<!x y"])
def test_html_the_standard_parser_chokes_on_is_read(page, tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    code = main(["audit", str(path), "--format", "json"])
    captured = capsys.readouterr()
    assert code in (0, 3) and "Traceback" not in captured.err
    assert code == 0 or "is empty" in captured.err


def test_a_reader_that_fails_refuses_only_that_document(tmp_path, monkeypatch, capsys):
    from checker.readers import html

    def broken(path, text):
        raise AssertionError("an assertion deep in a parser")

    monkeypatch.setattr(html, "parse", broken)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONTRADICTION, encoding="utf-8")
    assert main(["audit", str(tmp_path / "a.html"), str(tmp_path / "b.txt"), "--format", "json"]) == 3
    captured = capsys.readouterr()
    assert [d["path"] for d in json.loads(captured.out)["documents"]] == [str(tmp_path / "b.txt")]
    assert "a.html: could not be read (AssertionError: an assertion deep in a parser)" in captured.err


# --- --max-size on the read itself, FIFOs, devices, config and baseline --------------------


def test_a_fifo_with_no_writer_does_not_hang(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(inputs, "SILENT_SECONDS", 0.5)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert main(["audit", str(fifo), "--format", "json"]) == 3
    assert "pipe.txt: cannot be read: sent nothing for 0.5 s" in capsys.readouterr().err


def test_a_fifo_that_sends_too_much_is_stopped_at_the_limit(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "wb") as stream:
            try:
                for _ in range(40):
                    stream.write(CONTRADICTION.encode() * 1000)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert main(["audit", str(fifo), "--max-size", "100kB", "--format", "json"]) == 3
    assert "pipe.txt: is too large (more than 100,000 bytes, the limit)" in capsys.readouterr().err
    writer.join(timeout=10)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_at_the_limit(capsys):
    assert main(["audit", "/dev/zero", "--max-size", "1MB", "--format", "json"]) == 3
    assert "/dev/zero: is too large (more than 1,000,000 bytes, the limit)" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs Linux's /proc")
def test_a_file_larger_than_its_stat_says_is_stopped_at_the_limit(capsys):
    # /proc files stat as empty and read as more: as a file that grows while it is read
    assert os.stat("/proc/self/maps").st_size == 0
    assert main(["audit", "/proc/self/maps", "--max-size", "1kB", "--format", "json"]) == 3
    assert "/proc/self/maps: is too large (more than 1,000 bytes, the limit)" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_input_over_the_limit_is_refused(name):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "checker", "audit", name, "--max-size", "1kB"],
        input=CONTRADICTION.encode() * 100,
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 3 and b"is too large (more than 1,000 bytes" in done.stderr


def test_a_huge_configuration_and_baseline_are_refused(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(CONTRADICTION, encoding="utf-8")
    config = tmp_path / ".claim-checker.toml"
    config.write_text("# padding\n" * 200_000, encoding="utf-8")
    assert main(["audit", str(article), "--config", str(config)]) == 2
    assert "the configuration is too large" in capsys.readouterr().err
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)  # no writer: given up, never waited on for ever
    inputs.SILENT_SECONDS, silent = 0.5, inputs.SILENT_SECONDS
    try:
        assert main(["audit", str(article), "--no-config", "--baseline", str(fifo)]) == 2
    finally:
        inputs.SILENT_SECONDS = silent
    assert "baseline.json" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--max-size", "99999999999999999999GB"], "--max-size: expected at most 4GB"),
        (["--max-size", "9e30GB"], "--max-size: expected a size"),
        (["--encoding", "undefined"], "--encoding: expected the name of a text encoding"),
        (["--encoding", "base64"], "--encoding: expected the name of a text encoding"),
        (["--jobs", "100000"], "--jobs: expected a whole number of processes from 1 to 1024"),
        (["--jobs", "9" * 5000], "--jobs: expected a whole number of processes from 1 to 1024"),
    ],
)
def test_absurd_flag_values_are_usage_errors(flags, message, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_bytes("Caf\u00e9 talks concluded.".encode("latin-1"))
    assert main(["audit", str(article), *flags]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


# --- rule files ------------------------------------------------------------------------------


RULE_FILES = {
    'event "*"': ('event "*" {\n  status concluded\n}\n', "1:7: expected a word beside the wildcards"),
    "only wildcards": ('status done {\n  after "* * *"\n}\n', "2:9: expected a word beside the wildcards"),
    "too many wildcards": (
        'status done {\n  after "has * * * * concluded"\n}\n',
        "2:9: expected at most 3 wildcards (*) in a phrase, found 4",
    ),
    "a 1,200-word phrase": (
        'synonyms "' + " ".join(["a"] * 1200) + '", "b"\n',
        "1:10: expected a phrase of at most 32 words, found 1,200",
    ),
    "a number word of absurd value": (
        'number 99999999999999999999999 "gazillion"\n',
        "1:8: expected a number of at most",
    ),
    "an ordinal of absurd value": ('ordinal 1000000000000000000000 "zillionth"\n', "1:9: expected a number of at most"),
    "a value of 400 digits": (
        'quantity "x" {\n  mentions "x"\n  value ' + "9" * 400 + "\n}\n",
        "3:9: expected a number of at most",
    ),
}


@pytest.mark.parametrize("case", RULE_FILES, ids=list(RULE_FILES))
def test_rule_files_that_cannot_run_in_bounded_time_are_refused(case, tmp_path, capsys):
    text, message = RULE_FILES[case]
    rules = tmp_path / "bad.rules"
    rules.write_text(text, encoding="utf-8")
    assert main(["rules", "check", str(rules)]) == 4
    err = capsys.readouterr().err
    assert f"bad.rules:{message}" in err and "Traceback" not in err
    article = tmp_path / "a.txt"
    article.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["audit", str(article), "--rules", str(rules), "--no-cache"]) == 4  # never a CC900


def _include(tmp_path, target: str) -> str:
    rules = tmp_path / "main.rules"
    rules.write_text(f'synonyms "talks", "negotiations"\ninclude "{target}"\n', encoding="utf-8")
    return str(rules)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/dev/zero", "expected a rule file, found a device or FIFO"),
        ("/proc/self/environ", "found binary data"),
        (sys.executable, "found binary data"),
        ("/", "found a folder"),
    ],
)
def test_an_include_that_is_not_a_rule_file_quotes_none_of_it(target, message, tmp_path):
    if not os.path.exists(target):
        pytest.skip(f"{target} is absent here")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI_SECRET_TOKEN": "hunter2-do-not-print"}
    done = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "check", _include(tmp_path, target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 4
    assert "main.rules:2:9: " in done.stderr and message in done.stderr
    assert "hunter2" not in done.stderr + done.stdout and len(done.stderr) < 600


def test_an_include_of_a_fifo_does_not_hang(tmp_path, capsys):
    fifo = tmp_path / "pipe.rules"
    os.mkfifo(fifo)
    assert main(["rules", "check", _include(tmp_path, str(fifo))]) == 4
    assert "found a device or FIFO" in capsys.readouterr().err


def test_a_2_mb_rule_line_is_quoted_in_a_short_excerpt(tmp_path, capsys):
    rules = tmp_path / "long.rules"
    rules.write_text('synonyms "talks", ' + "x" * 2_000_000 + "\n", encoding="utf-8")
    assert main(["rules", "check", str(rules)]) == 4
    err = capsys.readouterr().err
    assert "long.rules:1:19:" in err and len(err) < 600
    lines = err.rstrip("\n").splitlines()
    assert len(lines) == 3 and lines[2].strip() == "^"
    assert lines[1][len(lines[2]) - 1] == "x"  # the caret stands under the character it names


# --- regexes on document text run in linear time ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000 + "\n" + CONTRADICTION,
        "\n" * 100_000 + CONTRADICTION,
        "<!-- claim-checker: ignore" + " " * 100_000 + "\n" + CONTRADICTION,
        "claim-checker: ignore CC101" + " " * 100_000 + "\n" + CONTRADICTION,
        "<!-- claim-checker: ignore " * 4_000 + "\n" + CONTRADICTION,
        "1," * 5_000 + "\n" + CONTRADICTION,
    ],
    ids=["dots", "line breaks", "comment then spaces", "directive then spaces", "unclosed comments", "numbers"],
)
def test_pathological_text_is_checked_within_its_time_budget(text, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["audit", str(path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)  # never 5: no check ran over the document's budget (checker.budget)
    assert "CC900" not in [f["code"] for d in report["documents"] for f in d["findings"]]
