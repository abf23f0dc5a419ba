"""Nothing is lost: inputs are never written, reports are written whole or not at all, an
interrupted run leaves no partial file and exits 130/143, and a check that crashes on one
document is reported for that document while the others are still checked."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

import checker
from checker import api, guard, pipeline
from checker.cli import main
from checker.detectors import all_detectors
from checker.errors import ExitCode

from conftest import FIXTURES, ROOT

SEED = FIXTURES / "istanbul-talks"


def _state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under `folder`: its SHA-256, mtime and mode."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            state[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                stat.st_mtime_ns,
                stat.st_mode,
            )
    return state


def test_the_checker_never_writes_to_its_inputs(tmp_path, monkeypatch, capsys):
    inputs = tmp_path / "inputs"
    for case in ("istanbul-talks", "istanbul-talks-md", "istanbul-talks-html"):
        shutil.copytree(FIXTURES / case, inputs / case)
    (inputs / "pyproject.toml").write_text('[tool.claim-checker]\nfail-on = "never"\n')
    (inputs / "suppressed.txt").write_text(
        "claim-checker: ignore CC101\nThe 3rd round has concluded. Delegates are preparing for the third round.\n"
    )
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    monkeypatch.chdir(inputs)
    before = _state(inputs)
    rules = ["--rules", "istanbul-talks/talks.rules"]
    baseline = str(outputs / "baseline.json")
    runs = [
        ["audit", ".", *rules, "--format", "json", "--output", str(outputs / "report.json")],
        ["audit", ".", *rules, "--write-baseline", baseline, "--output", str(outputs / "table.txt")],
        ["audit", ".", *rules, "--baseline", baseline, "--format", "sarif", "--output", str(outputs / "r.sarif")],
        ["audit", ".", "--jobs", "2", "--format", "html", "--output", str(outputs / "report.html")],
        ["diff", "istanbul-talks/article.txt", "istanbul-talks-md/article.md", "--output", str(outputs / "d.txt")],
        ["rules", "check", "istanbul-talks/talks.rules"],
    ]
    for arguments in runs:
        assert main(arguments) in (ExitCode.OK, ExitCode.FINDINGS), arguments
    capsys.readouterr()
    assert _state(inputs) == before
    assert {p.name for p in outputs.iterdir()} == {
        "baseline.json",
        "report.json",
        "table.txt",
        "r.sarif",
        "report.html",
        "d.txt",
    }


def test_a_write_interrupted_at_the_rename_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "report.json"
    target.write_text("the previous report")

    def interrupted(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    code = main(["audit", str(SEED / "article.txt"), "--format", "json", "--output", str(target)])
    assert code == ExitCode.INTERRUPTED == 130
    assert "interrupted" in capsys.readouterr().err
    assert target.read_text() == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def _command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "checker", *arguments]


def _started(cache: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the run has loaded its rules (it writes them to its cache), so it is under way."""
    deadline = time.monotonic() + timeout
    while not any(p.is_file() for p in cache.rglob("*")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run did not start"
        time.sleep(0.05)
    time.sleep(0.2)


@pytest.mark.parametrize(("sent", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_leaves_no_report_and_exits_130_or_143(tmp_path, sent, expected):
    """The run reads its last input from a pipe that stays open (a slow input), so the signal
    always arrives while it is checking."""
    cache = tmp_path / "cache"
    output = tmp_path / "out" / "report.json"
    output.parent.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "CLAIM_CHECKER_NO_CACHE"}
    environment["CLAIM_CHECKER_CACHE_DIR"] = str(cache)
    process = subprocess.Popen(
        _command("audit", str(SEED / "article.txt"), "-", "--format", "json", "--output", str(output)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
    )
    try:
        process.stdin.write(b"The third round has concluded. " * 1000)
        process.stdin.flush()
        _started(cache, process)
        process.send_signal(sent)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == expected, err
    assert b"Traceback" not in err
    word = "interrupted" if sent == signal.SIGINT else "terminated"
    assert err.decode().strip() == f"claim-checker: {word}; no report was written"
    assert list(output.parent.iterdir()) == []


def test_ctrl_c_on_a_parallel_run_stops_every_process_without_a_traceback(tmp_path):
    """Ctrl-C reaches the whole process group: workers must leave it to the parent."""
    archive = tmp_path / "archive"
    archive.mkdir()
    article = (SEED / "article.txt").read_bytes()
    for number in range(400):
        (archive / f"{number:03d}.txt").write_bytes(article)
    cache = tmp_path / "cache"
    output = tmp_path / "out" / "report.json"
    output.parent.mkdir()
    process = subprocess.Popen(
        _command("audit", str(archive), "-", "--jobs", "2", "--format", "json", "--output", str(output)),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={
            **{k: v for k, v in os.environ.items() if k != "CLAIM_CHECKER_NO_CACHE"},
            "CLAIM_CHECKER_CACHE_DIR": str(cache),
        },
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        _started(cache, process)
        time.sleep(0.5)  # the pool is checking the archive
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    assert list(output.parent.iterdir()) == []


class _SignalledOnCollection:
    """Sends the process a signal from its finalizer, where Python prints and swallows what the handler raises."""

    def __init__(self, sent: signal.Signals) -> None:
        self.sent = sent

    def __del__(self) -> None:
        os.kill(os.getpid(), self.sent)


def _signalling_in_a_finalizer_on(name: str, sent: signal.Signals):
    """The detectors, with CC101 first sending `sent` from a finalizer on the document called `name`."""
    original = next(d for d in all_detectors() if d.code == "CC101")

    def run(context):
        if Path(context.document.path).name == name:
            _SignalledOnCollection(sent)  # collected at once: the signal is raised inside __del__
        return original.run(context)

    return tuple(replace(d, run=run) if d is original else d for d in all_detectors())


@pytest.mark.parametrize(("sent", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_swallowed_by_a_finalizer_still_stops_the_run_before_the_next_document(
    tmp_path, monkeypatch, capsys, sent, expected
):
    monkeypatch.setattr(pipeline, "all_detectors", lambda: _signalling_in_a_finalizer_on("a.txt", sent))
    checked = []
    original_check = pipeline.check
    monkeypatch.setattr(
        api, "check", lambda document, *rest: checked.append(document.path) or original_check(document, *rest)
    )
    swallowed = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: swallowed.append(unraisable.exc_type))
    output = tmp_path / "out" / "report.json"
    output.parent.mkdir()
    arguments = ["--jobs", "1", "--format", "json", "--output", str(output), "--no-config"]
    code = main(["audit", *_three_articles(tmp_path), *arguments])
    assert len(swallowed) == 1  # Python did swallow it: the run itself had to notice
    assert code == expected
    assert capsys.readouterr().err.startswith("claim-checker: ")
    assert [Path(path).name for path in checked] == ["a.txt"]
    assert list(output.parent.iterdir()) == []


def _raising_for(name: str):
    """The detectors, with CC101 replaced by one that raises on the document called `name`."""
    original = next(d for d in all_detectors() if d.code == "CC101")

    def run(context):
        if Path(context.document.path).name == name:
            raise ValueError("boom")
        return original.run(context)

    return tuple(replace(d, run=run) if d is original else d for d in all_detectors())


def _three_articles(tmp_path: Path) -> list[str]:
    text = (SEED / "article.txt").read_text()
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    return paths


def test_a_check_crashing_on_one_document_is_reported_there_and_the_others_are_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pipeline, "all_detectors", lambda: _raising_for("b.txt"))
    paths = _three_articles(tmp_path)
    code = main(["audit", *paths, "--format", "json", "--ignore", "CC9", "--no-config"])
    captured = capsys.readouterr()
    assert code == ExitCode.INTERNAL == 5
    report = json.loads(captured.out)
    by_name = {Path(d["path"]).name: [f["code"] for f in d["findings"]] for d in report["documents"]}
    assert by_name["a.txt"] == by_name["c.txt"]
    assert "CC101" in by_name["a.txt"]
    assert "CC101" not in by_name["b.txt"] and "CC900" in by_name["b.txt"]  # --ignore CC9 cannot hide it
    others = [code for code in by_name["a.txt"] if code != "CC101"]
    assert others and [code for code in by_name["b.txt"] if code != "CC900"] == others  # the other checks ran
    assert captured.err.strip() == (
        f"claim-checker: {paths[1]}: internal error in check CC101 (event-status-conflict) (ValueError: boom); "
        "its findings for this document are missing. This is a bug in claim-checker: please report it with the document"
    )
    assert "Traceback" not in captured.err


def test_a_crash_before_the_checks_is_reported_for_that_document_only(tmp_path, monkeypatch):
    original = pipeline.extract

    def extract(document, *arguments):
        if document.path.endswith("b.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return original(document, *arguments)

    monkeypatch.setattr(pipeline, "extract", extract)
    report = checker.audit_paths(_three_articles(tmp_path))
    a, b, c = report.documents
    assert [f.code for f in b.findings] == ["CC900"]
    assert "internal error in the analysis (RecursionError: maximum recursion depth exceeded)" in b.findings[0].message
    assert a.findings and [f.code for f in a.findings] == [f.code for f in c.findings]


def test_a_crash_is_not_hidden_by_a_baseline(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pipeline, "all_detectors", lambda: _raising_for("b.txt"))
    paths = _three_articles(tmp_path)
    baseline = str(tmp_path / "baseline.json")
    assert main(["audit", *paths, "--write-baseline", baseline]) == ExitCode.INTERNAL
    capsys.readouterr()
    assert main(["audit", *paths, "--baseline", baseline, "--format", "json"]) == ExitCode.INTERNAL
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for d in report["documents"] for f in d["findings"]] == ["CC900"]


def test_a_check_reports_at_most_max_findings_per_document_then_a_note(monkeypatch):
    original = next(d for d in all_detectors() if d.code == "CC101")

    def run(context):
        sentence = context.claims.sentences[0].span
        for _ in range(guard.MAX_FINDINGS * 3):
            yield from original.run(context)
            yield replace(next(iter(original.run(context))), message="again")
        assert sentence  # never reached past the limit: the check is stopped

    patched = tuple(replace(d, run=run) if d is original else d for d in all_detectors())
    monkeypatch.setattr(pipeline, "all_detectors", lambda: patched)
    report = checker.audit_paths(SEED / "article.txt")
    codes = [f.code for f in report.documents[0].findings]
    assert codes.count("CC101") == guard.MAX_FINDINGS
    notes = [f for f in report.documents[0].findings if f.code == "CC903"]
    assert len(notes) == 1 and notes[0].message.startswith(f"CC101 found more than {guard.MAX_FINDINGS} findings")


def test_a_run_gives_back_the_signal_handlers_it_replaced(tmp_path, capsys):
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert main(["audit", *_three_articles(tmp_path), "--no-config", "--format", "json"]) == ExitCode.FINDINGS
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_a_handler_installed_from_c_is_left_in_place(tmp_path, monkeypatch, capsys):
    """Python cannot restore a handler it did not install (getsignal says None), so a run
    leaves such a signal alone rather than leave its own handler behind for the embedder."""
    installed = []
    monkeypatch.setattr(signal, "getsignal", lambda signum: None if signum == signal.SIGINT else signal.SIG_DFL)
    monkeypatch.setattr(signal, "signal", lambda signum, handler: installed.append(signum) or signal.SIG_DFL)
    assert main(["audit", *_three_articles(tmp_path), "--no-config", "--format", "json"]) == ExitCode.FINDINGS
    assert signal.SIGINT not in installed
    assert signal.SIGTERM in installed
