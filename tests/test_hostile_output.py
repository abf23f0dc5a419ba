"""What the checker writes: whole, with the umask's mode, through links, never over what it reads,
and every untrusted string escaped for where it is printed (issue 15's data and escaping rows,
issue 14's file-writing rows)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import pytest

from checker.cli import main
from checker.reporters import formats

from conftest import ROOT

CONTRADICTION = "The third round has concluded. Delegates are preparing for the third round.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(CONTRADICTION, encoding="utf-8")
    return path


@pytest.fixture
def umask():
    previous = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


def _run(*args: str, **options) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checker", *args], env=env, cwd=ROOT, timeout=120, **options)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_report_file_gets_the_mode_the_umask_gives(article, tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "report.html"
    assert main(["audit", str(article), "--format", "html", "-o", str(target)]) == 1
    assert target.stat().st_mode & 0o777 == mode


def test_an_existing_report_file_keeps_its_mode(article, tmp_path, umask):
    target = tmp_path / "report.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o640)
    assert main(["audit", str(article), "--format", "json", "-o", str(target)]) == 1
    assert target.stat().st_mode & 0o777 == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1


def test_dash_as_output_is_standard_output(article, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["audit", str(article), "--format", "json", "-o", "-"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["error"] == 1
    assert not (tmp_path / "-").exists()


def test_a_report_to_a_file_is_summed_up_on_a_terminal(article, tmp_path, monkeypatch, capsys):
    target = tmp_path / "report.json"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["audit", str(article), "--format", "json", "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "1 document: 1 error, 0 warnings, 0 notes" in err[0] and str(target) in err[0]


def test_no_summary_when_stderr_is_not_a_terminal(article, tmp_path, capsys):
    assert main(["audit", str(article), "--format", "json", "-o", str(tmp_path / "r.json")]) == 1
    assert capsys.readouterr().err == ""


def _refused(arguments, protected, capsys):
    before = {path: path.read_bytes() for path in protected}
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert "is the same file as" in err and "nothing was written" in err and len(err.strip().splitlines()) == 1
    assert {path: path.read_bytes() for path in protected} == before


def test_output_naming_an_input_is_refused(article, capsys):
    _refused(["audit", str(article), "-o", str(article)], [article], capsys)


def test_output_through_a_link_to_an_input_is_refused(article, tmp_path, capsys):
    link = tmp_path / "link.json"
    link.symlink_to(article)
    hard = tmp_path / "hard.json"
    os.link(article, hard)
    _refused(["audit", str(article), "-o", str(link)], [article], capsys)
    _refused(["audit", str(article), "-o", str(hard)], [article], capsys)


def test_a_baseline_written_over_a_rule_file_or_the_baseline_read_is_refused(article, tmp_path, capsys):
    rules = tmp_path / "talks.rules"
    rules.write_text('synonyms "talks", "negotiations"\n', encoding="utf-8")
    _refused(["audit", str(article), "--rules", str(rules), "--write-baseline", str(rules)], [rules], capsys)
    baseline = tmp_path / "baseline.json"
    assert main(["audit", str(article), "--write-baseline", str(baseline)]) in (0, 1)
    capsys.readouterr()
    _refused(["audit", str(article), "--baseline", str(baseline), "-o", str(baseline)], [baseline], capsys)


def test_the_report_and_the_baseline_written_to_one_file_are_refused(article, tmp_path, capsys):
    both = tmp_path / "out.json"
    assert main(["audit", str(article), "-o", str(both), "--write-baseline", str(both)]) == 2
    assert "another file this run writes; nothing was written" in capsys.readouterr().err
    assert not both.exists()


def test_output_over_the_configuration_is_refused(article, tmp_path, capsys):
    config = tmp_path / ".claim-checker.toml"
    config.write_text('format = "json"\n', encoding="utf-8")
    _refused(["audit", str(article), "--config", str(config), "-o", str(config)], [config], capsys)


def test_a_link_is_written_through_and_stays_a_link(article, tmp_path):
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    assert main(["audit", str(article), "--format", "json", "-o", str(link)]) == 1
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert sorted(p.name for p in real.parent.iterdir()) == ["latest.json"]


def test_a_report_with_the_longest_file_name_is_written(article, tmp_path):
    target = tmp_path / ("r" * 250 + ".json")
    assert main(["audit", str(article), "--format", "json", "-o", str(target)]) == 1
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write(article, tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    left = tmp_path / f".report.json.{dead}.abc123_x.tmp"
    left.write_text("half a rep", encoding="utf-8")
    running = tmp_path / f".report.json.{os.getpid()}.def456_y.tmp"  # a live writer's: kept
    running.write_text("in progress", encoding="utf-8")
    assert main(["audit", str(article), "--format", "json", "-o", str(tmp_path / "report.json")]) == 1
    assert not left.exists() and running.exists()


def test_standard_output_on_a_full_disk_is_exit_2_in_one_line(article):
    with open("/dev/full", "w") as full:
        done = _run("audit", str(article), stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "claim-checker: cannot write the report to standard output: No space left on device"
    ]


def test_standard_output_closed_is_exit_2_in_one_line(article):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "checker", "audit", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    child.stdout.close()  # the reader went away, as `| head -0` does
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 2, err
    assert err.strip().splitlines() == ["claim-checker: cannot write the report to standard output: Broken pipe"]


# --- escaping ----------------------------------------------------------------------------------

# a line break and a workflow command, a terminal escape, a byte that is not UTF-8, a mention,
# a link and a right-to-left override
HOSTILE_NAME = b"x\n::error file=a::pwned\x1b[2J\xff @team [link](x) \xe2\x80\xae.txt"


@pytest.mark.parametrize("fmt", formats())
def test_a_hostile_file_name_is_escaped_in_every_format(fmt, tmp_path, capsys):
    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, HOSTILE_NAME)
    with open(path, "wb") as stream:
        stream.write(CONTRADICTION.encode())
    target = os.path.join(folder, b"r\xff." + fmt.encode())
    assert main(["audit", os.fsdecode(path), "--format", fmt]) == 1
    printed = capsys.readouterr()
    assert main(["audit", os.fsdecode(path), "--format", fmt, "-o", os.fsdecode(target)]) == 1
    with open(target, "rb") as stream:
        written = stream.read().decode("utf-8")  # every format can carry the name
    for out in (printed.out, written):
        assert "\x1b" not in out
        if fmt not in ("json", "sarif", "junit"):  # data formats carry the name as it is, encoded
            assert "\u202e" not in out
        assert not re.search(r"^\s*::error file=a::pwned", out, re.MULTILINE)  # no injected workflow command
        assert "\\xff" in out or "%FF" in out or "\\udcff" in out  # the undecodable byte is shown, not lost
        if fmt == "json":  # and a JSON reader gets the exact name back
            assert json.loads(out)["documents"][0]["path"] == os.fsdecode(path)
        if fmt == "markdown":  # outside inline code, where it would mention or link
            prose = re.sub(r"`[^`\n]*`", "", out)
            assert "@team" not in prose and "[link](" not in prose


def test_a_refused_hostile_name_is_one_escaped_line_on_stderr(tmp_path, capsys):
    path = os.path.join(os.fsencode(tmp_path), HOSTILE_NAME)
    open(path, "wb").close()  # empty: refused
    assert main(["audit", os.fsdecode(path), "--format", "json"]) == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "\x1b" not in err and "\\xff" in err
    assert not re.search(r"^\s*::", err, re.MULTILINE)


def test_article_text_with_terminal_escapes_is_shown_escaped_in_the_table(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("The third round \x1b[31mhas concluded. Delegates are preparing for the third round.\n")
    main(["audit", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\e[31m" in out


def test_a_device_is_written_in_place_never_replaced(article):
    assert main(["audit", str(article), "--format", "json", "-o", os.devnull]) == 1
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file renamed over it
