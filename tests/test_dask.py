"""A real Dask cluster (two worker processes on loopback) gives the serial run's findings."""

from __future__ import annotations

import json
import shutil

import pytest

import checker
from checker.cli import main

from conftest import fixture_article, fixture_cases

distributed = pytest.importorskip(
    "dask.distributed", reason="Dask is not installed: pip install 'claim-checker[dask]' to run the cluster tests"
)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as local:
        yield local


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for copy in range(14):  # more than one batch of 64
        for case in fixture_cases():
            article = fixture_article(case)
            shutil.copyfile(article, folder / f"{copy:02d}-{case.name}{article.suffix}")
    return folder


def _summary(report):
    return [(d.document.path, [(f.code, f.primary.span, f.message) for f in d.findings]) for d in report.documents]


def test_an_existing_cluster_gives_the_serial_findings_in_order(cluster, archive):
    paths = sorted(p for p in archive.iterdir() if p.is_file())
    serial = checker.audit_paths(paths, jobs=1)
    on_cluster = checker.audit_paths(paths, scheduler=cluster.scheduler_address)
    assert _summary(on_cluster) == _summary(serial)
    assert on_cluster == serial
    assert sum(len(d.findings) for d in serial.documents) > 0


def test_the_command_line_runs_on_a_scheduler(cluster, archive, capsys):
    outputs = []
    for extra in (["--jobs", "1"], ["--scheduler", cluster.scheduler_address]):
        assert main(["audit", str(archive), "--format", "json", "--fail-on", "never", *extra]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]


def test_a_local_dask_cluster_gives_the_serial_report(archive):
    paths = sorted(p for p in archive.iterdir() if p.is_file())[:20]
    assert checker.audit_paths(paths, engine="dask", jobs=2) == checker.audit_paths(paths, jobs=1)


def test_an_unreachable_scheduler_is_a_usage_error(archive, capsys):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main(["audit", str(archive), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err and "Traceback" not in err
