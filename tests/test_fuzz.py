"""The fuzz targets (fuzz/targets.py): a short run of each in CI, and every input that once
crashed the checker, kept as a regression test. Longer runs: fuzz/README.md."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))

from targets import TARGETS

# Inputs that once crashed or misled the checker, and the target that found each.
REGRESSIONS = [
    # suppress.blank indexed the prose view with source offsets (IndexError) in Markdown/HTML
    ("readers", b"The<!-- claim-checker: disable -->The"),
    # ... and CC901's location was moved to the source a second time, off the directive
    ("readers", b"<p>Tem<b>p</b> &amp; x</p>\n<!-- claim-checker: ignore CC101 -->\n"),
    # a lone CR counted as a line break when the offending line was shown: the caret under the wrong line
    ("rules", b'synonyms\r"a", "b"\nstatus 3\n'),
]


@pytest.mark.parametrize(("target", "data"), REGRESSIONS, ids=[f"{t}-{i}" for i, (t, _) in enumerate(REGRESSIONS)])
def test_inputs_that_once_crashed_pass_their_target(target, data):
    TARGETS[target](data)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_a_short_fuzz_run_finds_nothing(target):
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "run.py"), target, "--examples", "150"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{target}: 150 examples, no failure" in done.stdout
