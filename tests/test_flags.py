"""Every bad flag value is exit 2 with one line on stderr, never a traceback; --write-baseline exits 0."""

from __future__ import annotations

import pytest

from checker.cli import main

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(CONFLICT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "flags,expected",
    [
        (["--scheduler", "tcp://host:notaport"], "--scheduler: expected a Dask scheduler address"),
        (["--scheduler", "http://localhost:8787"], "found 'http://localhost:8787'"),
        (["--scheduler", "tcp://:8786"], "(a host and a port number)"),
        (["--scheduler", "localhost"], "(a host and a port number)"),
        (["--scheduler", " "], "found nothing"),
        (["--scheduler", "tcp://[::1:8786"], "(a host and a port number)"),
        (["--jobs", "0"], "--jobs: expected a whole number"),
        (["--jobs", "100000"], "from 1 to 1024"),
        (["--max-size", "5XB"], "--max-size: expected a size"),
        (["--as-of", ""], "--as-of: expected a date"),
        (["--as-of", "2025-13-01"], "--as-of: expected a date"),
        (["--format", ""], "unknown format ''"),
        (["--format", "yaml"], "unknown format 'yaml'"),
        (["--fail-on", "sometimes"], "--fail-on: expected one of"),
        (["--select", ""], "--select: expected check codes"),
        (["--select", " , "], "--select: expected check codes"),
        (["--encoding", "klingon"], "--encoding: unknown encoding"),
        (["--engine", "spark"], "--engine: expected one of local, dask"),
        (["--config", "missing.toml"], "missing.toml: no such configuration file"),
        (["--baseline", "missing.json"], "missing.json: no such baseline file"),
        (["--since", "HEAD"], "--since: a.txt is not inside a git repository"),
        (["--since", ""], "--since: expected a value, found ''"),
        (["--config", ""], "--config: expected a value, found ''"),
        (["--baseline", ""], "--baseline: expected a value, found ''"),
        (["--write-baseline", " "], "--write-baseline: expected a value, found ' '"),
        (["--stdin-filename", ""], "--stdin-filename: expected a value, found ''"),
        (["--max-size", ""], "--max-size: expected a value, found ''"),
        (["--rules", ""], "--rules: expected a value, found ''"),
        (["--exclude", ""], "--exclude: expected a value, found ''"),
    ],
)
def test_a_bad_flag_value_is_one_line_and_exit_2(article, capsys, flags, expected):
    config = [] if "--config" in flags else ["--no-config"]
    assert main(["audit", "a.txt", *config, *flags]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_scheduler_addresses_dask_accepts_are_accepted():
    from checker.settings import check_scheduler

    for address in ("tcp://10.0.0.5:8786", "tls://scheduler.example:8786", "scheduler:8786", "tcp://[::1]:8786"):
        assert check_scheduler(address) == address


def test_write_baseline_exits_0_though_it_recorded_findings(article, capsys):
    assert main(["audit", "a.txt", "--no-config", "--write-baseline", "b.json"]) == 0
    assert "CC101" in (article / "b.json").read_text(encoding="utf-8")
    assert main(["audit", "a.txt", "--no-config"]) == 1  # without it, the same findings fail


def test_explain_a_typo_names_the_nearest_check(capsys):
    assert main(["explain", "CC1O1"]) == 2
    assert "did you mean CC101?" in capsys.readouterr().err
