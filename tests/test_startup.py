"""Start-up stays light: heavy libraries load only when a command needs them."""

import json
import os
import subprocess
import sys

from conftest import ROOT

# tabulate is no longer a dependency, but an audit must not come to import it (or what its
# import pulled in: importlib.metadata, whose first use reads every installed distribution).
HEAVY = ("lark", "tabulate", "pydantic", "dateparser", "importlib.metadata")
PROBE = """
import json, sys
{setup}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _loaded(setup: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup, heavy=HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_importing_the_package_and_cli_loads_nothing_heavy():
    assert _loaded("import checker, checker.cli") == []


def test_version_loads_nothing_heavy():
    assert _loaded("from checker.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass") == []


def test_json_audit_loads_nothing_heavy_but_the_rule_parser_on_a_cold_cache():
    # pydantic describes the JSON report (`claim-checker schema`); writing one needs only json.
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--format', 'json'])"
    assert set(_loaded(setup)) <= {"lark"}


def test_ci_formats_load_neither_the_table_nor_the_json_model():
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    for fmt in ("sarif", "github", "junit", "markdown", "html"):
        setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--format', {fmt!r}])"
        assert set(_loaded(setup)) <= {"lark"}, fmt


def test_a_second_table_audit_loads_nothing_heavy():
    # The table report is the default output: its tables are drawn by checker.grid, and the
    # rules come from the cache without Lark.
    article = str(ROOT / "fixtures/different-rounds/article.txt")
    setup = f"from checker.cli import main\nmain(['audit', {article!r}, '--fail-on', 'never'])"
    _loaded(setup)
    assert _loaded(setup) == []


def test_the_listing_commands_load_nothing_heavy():
    setup = "from checker.cli import main\nmain(['detectors'])"
    assert _loaded(setup) == []
