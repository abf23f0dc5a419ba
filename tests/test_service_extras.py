"""`serve` and `lsp` without their extras: one line naming the extra to install, exit 2."""

from __future__ import annotations

import sys

import pytest

from checker.cli import main


@pytest.mark.parametrize(
    ("command", "missing", "message"),
    [
        ("serve", "uvicorn", "serve needs its extra: pip install 'claim-checker[serve]' (FastAPI and uvicorn)"),
        ("serve", "fastapi", "serve needs its extra: pip install 'claim-checker[serve]' (FastAPI and uvicorn)"),
        ("lsp", "pygls", "lsp needs its extra: pip install 'claim-checker[lsp]' (pygls)"),
    ],
)
def test_a_missing_extra_is_named(monkeypatch, capsys, command, missing, message):
    for name in [missing, *(name for name in sys.modules if name.startswith(missing + "."))]:
        monkeypatch.setitem(sys.modules, name, None)  # what an absent package looks like to import
    for loaded in [name for name in sys.modules if name.startswith(("checker.serve", "checker.langserver"))]:
        monkeypatch.delitem(sys.modules, loaded)
    assert main([command]) == 2
    assert capsys.readouterr().err == f"claim-checker: {message}\n"
