"""--jobs when a worker dies or the main process is killed, and the per-document time budget."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time

import pytest

import checker
from checker import budget, detectors
from checker.cli import main
from checker.guard import internal_errors

from conftest import ROOT

CONTRADICTION = "The third round has concluded. Delegates are preparing for the third round.\n"
DEADLY = "KILL-THIS-WORKER"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(40):
        (folder / f"{number:02d}.txt").write_text(CONTRADICTION, encoding="utf-8")
    return folder


@pytest.fixture
def deadly_check(monkeypatch):
    """A check that kills the process it runs in on a document holding DEADLY (workers are
    forked, so they inherit it), as the kernel's OOM killer would."""
    real = detectors.all_detectors

    def with_a_killer():
        found = list(real())
        first = found[0]

        def run(context):
            if DEADLY in context.document.text:
                os.kill(os.getpid(), signal.SIGKILL)
            return first.run(context)

        found[0] = dataclasses.replace(first, run=run)
        return found

    monkeypatch.setattr("checker.pipeline.all_detectors", with_a_killer)


def test_a_worker_that_dies_costs_only_its_document(archive, deadly_check):
    (archive / "17.txt").write_text(CONTRADICTION + DEADLY + "\n", encoding="utf-8")
    report = checker.audit_paths(sorted(archive.iterdir()), jobs=2)
    assert len(report.documents) == 40
    for document in report.documents:
        failures = internal_errors(document.findings)
        if document.document.path.endswith("17.txt"):
            assert len(failures) == 1 and "worker process" in failures[0].message and "died" in failures[0].message
        else:
            assert not failures and [f.code for f in document.findings] == ["CC101"]


def test_the_command_reports_a_dead_worker_as_cc900_and_exit_5(archive, deadly_check, capsys):
    (archive / "03.txt").write_text(CONTRADICTION + DEADLY + "\n", encoding="utf-8")
    assert main(["audit", str(archive), "--jobs", "2", "--format", "json"]) == 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "03.txt" in err[0] and "died" in err[0]


def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as stream:
            found.update(int(child) for child in stream.read().split())
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux's /proc")
def test_killing_the_main_process_leaves_no_worker_behind(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(400):
        (folder / f"{number:03d}.txt").write_text(CONTRADICTION * 20, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    main_process = subprocess.Popen(
        [sys.executable, "-m", "checker", "audit", str(folder), "--jobs", "2", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and main_process.poll() is None:
        workers = _children(main_process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    main_process.kill()
    main_process.wait()
    deadline = time.monotonic() + 15
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived the main process"


def test_a_document_over_its_time_budget_gets_cc900_and_the_run_goes_on(tmp_path, monkeypatch):
    slow = "SLOW-DOCUMENT"
    real = detectors.all_detectors

    def with_a_slow_check():
        found = list(real())
        first = found[0]

        def run(context):
            if slow in context.document.text:  # busy, as a pathological document keeps a check
                until = time.monotonic() + 5
                while time.monotonic() < until:
                    pass
            return first.run(context)

        found[0] = dataclasses.replace(first, run=run)
        return found

    monkeypatch.setattr("checker.pipeline.all_detectors", with_a_slow_check)
    monkeypatch.setattr(budget, "BASE_SECONDS", 0.5)
    monkeypatch.setattr(budget, "SECONDS_PER_100K", 0.0)
    paths = []
    for name, text in (("a.txt", CONTRADICTION), ("b.txt", CONTRADICTION + slow), ("c.txt", CONTRADICTION)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    report = checker.audit_paths(paths)  # the slow check would run 5 s; the budget stops it at 0.5 s of CPU
    codes = [[f.code for f in d.findings] for d in report.documents]
    assert codes == [["CC101"], ["CC900"], ["CC101"]]
    assert "time budget (0.5 s" in report.documents[1].findings[0].message


def test_the_budget_grows_with_the_document():
    assert budget.seconds_for(0) == budget.BASE_SECONDS
    assert budget.seconds_for(500_000) == budget.BASE_SECONDS + 5 * budget.SECONDS_PER_100K


def test_html_the_parser_reads_in_quadratic_time_is_refused_within_its_budget(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(budget, "BASE_SECONDS", 1.0)
    monkeypatch.setattr(budget, "SECONDS_PER_100K", 0.0)
    page = tmp_path / "page.html"
    page.write_text("<p>" + "<a " * 30_000, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["audit", str(page), str(fine), "--format", "json"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "page.html: took longer than its time budget (1 s" in err[0]
