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
    # issue 15's red-team inputs: the standard HTML parser's assertion on `<![` not followed by a name
    ("readers", b"<p>The third round has concluded.<![ foo"),
    # a front-matter date YAML reads as an impossible date (ValueError escaped the reader)
    ("readers", b"---\ndate: 2025-02-30\n---\nThe third round has concluded.\n"),
    # an integer Python refuses to read (ValueError: over 4,300 digits)
    ("readers", b"---\ndate: " + b"9" * 5000 + b"\n---\nThe third round has concluded.\n"),
    # a billion laughs: nine lines of aliases (the message once printed the expanded value)
    (
        "readers",
        b"---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
        + b"".join(
            f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n".encode() for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + b"date: *i\n---\nThe third round has concluded.\n",
    ),
    # a file name with a line break, a workflow command, a terminal escape and a byte that is not UTF-8
    ("reporters", b"\n::error x::y\x1b[2J\xff____The third round has concluded. It is preparing for the third round."),
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
