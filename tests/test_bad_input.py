"""The bad-input table (tests/bad_inputs.py): each hostile input gives its exit code and its
one-line message, never a traceback. Time and memory per row: bench/bad_input.py."""

from __future__ import annotations

import pytest

from checker.cli import main

from bad_inputs import ROWS


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_bad_input_gives_its_exit_code_and_message(row, tmp_path, capsys):
    if row.skip and (reason := row.skip(tmp_path)):
        pytest.skip(reason)
    arguments = row.build(tmp_path)
    code = main([*arguments, "--format", "json"])
    err = capsys.readouterr().err
    assert code == row.code, err
    assert "Traceback" not in err
    if row.message:
        assert row.message.format(folder=tmp_path) in err
        lines = err.strip().splitlines()
        if len(lines) > 3:  # rule errors, every one of the file: each a located line, its source line, a caret
            assert row.code == 4, err
            heads = lines[::3]
            assert len(lines) == 3 * len(heads) and all(": expected " in head for head in heads), err
            assert all(caret.strip() == "^" for caret in lines[2::3]), err
    else:
        assert err == ""
