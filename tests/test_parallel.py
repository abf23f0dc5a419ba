"""Checking over several processes gives the serial run's report, in the same order, and streams."""

from __future__ import annotations

import itertools
import json
import shutil

import pytest

import checker
from checker.api import audit_each
from checker.cli import main

from conftest import fixture_article, fixture_cases


@pytest.fixture
def archive(tmp_path):
    """Every fixture article several times over, under names that sort differently from their content."""
    folder = tmp_path / "archive"
    cases = fixture_cases()
    for copy in range(9):
        for number, case in enumerate(cases):
            article = fixture_article(case)
            name = f"{(number * 7 + copy) % 97:03d}-{case.name}-{copy}{article.suffix}"
            target = folder / f"part{copy % 3}" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(article, target)
    return folder


def _paths(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_processes_give_the_serial_report_in_the_same_order(archive):
    paths = _paths(archive)
    assert len(paths) > 2 * 16  # more than one batch per process
    serial = checker.audit_paths(paths, jobs=1)
    parallel = checker.audit_paths(paths, jobs=2)
    assert [d.document.path for d in parallel.documents] == [str(p) for p in paths]
    assert parallel == serial
    assert any(d.findings for d in serial.documents)


def test_the_command_line_report_does_not_depend_on_jobs(archive, capsys):
    outputs = []
    for jobs in ("1", "2"):
        main(["audit", str(archive), "--jobs", jobs, "--format", "json", "--fail-on", "never"])
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert outputs[0]["summary"]["documents"] == len(_paths(archive))


def test_an_unreadable_document_stops_a_parallel_run_as_it_stops_a_serial_one(archive, capsys):
    bad = archive / "part1" / "050-broken.txt"
    bad.write_bytes(b"abc\x00def")
    codes = []
    for jobs in ("1", "2"):
        codes.append(main(["audit", str(archive), "--jobs", jobs]))
        err = capsys.readouterr().err
        assert f"{bad}: looks binary" in err and "Traceback" not in err
    assert codes == [3, 3]


def test_documents_are_read_as_they_are_needed(archive):
    paths = _paths(archive)
    consumed = []

    def stream():
        for path in itertools.cycle(paths):
            consumed.append(path)
            yield path
            if len(consumed) == 2000:
                return

    for jobs in (1, 2):
        consumed.clear()
        reports = audit_each(stream(), jobs=jobs)
        next(reports)
        assert len(consumed) < 200, jobs  # a bounded window, not the whole archive
        reports.close()


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(value, capsys):
    assert main(["audit", "whatever.txt", "--jobs", value]) == 2
    assert "--jobs: expected a whole number" in capsys.readouterr().err
