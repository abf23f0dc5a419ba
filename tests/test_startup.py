"""Start-up stays light: heavy libraries load only when a command needs them."""

import json
import os
import subprocess
import sys

from conftest import ROOT

PROBE = """
import json, sys
{setup}
print(json.dumps(sorted(m for m in ("lark", "tabulate", "pydantic", "dateparser") if m in sys.modules)))
"""


def _loaded(setup: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup)], capture_output=True, text=True, env=env, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_importing_the_package_and_cli_loads_nothing_heavy():
    assert _loaded("import checker, checker.cli") == []


def test_version_loads_nothing_heavy():
    assert _loaded("from checker.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass") == []


def test_json_audit_loads_neither_the_table_library_nor_pydantic():
    # pydantic describes the JSON report (`claim-checker schema`); writing one needs only json.
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--format', 'json'])"
    loaded = _loaded(setup)
    assert "pydantic" not in loaded
    assert "tabulate" not in loaded


def test_ci_formats_load_neither_the_table_nor_the_json_model():
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    for fmt in ("sarif", "github", "junit", "markdown", "html"):
        setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--format', {fmt!r}])"
        assert not {"tabulate", "pydantic", "dateparser"} & set(_loaded(setup)), fmt


def test_a_second_audit_takes_the_rules_from_the_cache_without_lark():
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--fail-on', 'never'])"
    _loaded(setup)
    assert _loaded(setup) == ["tabulate"]
