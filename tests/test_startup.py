"""Start-up stays light: heavy libraries load only when a command needs them."""

import json
import os
import subprocess
import sys

import pytest

from checker.commands import COMMANDS

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


# --- what a plain-text audit imports ---------------------------------------------------------

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")  # plain text, with dates and numbers

MODULES = """
import json, sys
before = set(sys.modules)
{setup}
print(json.dumps(sorted(set(sys.modules) - before)))
"""

# Standard-library modules a plain-text audit to standard output does without, and what needs each.
DEFERRED = {
    "tempfile": "a report written to a file (checker.output), a rule cache miss",
    "glob": "an argument with wildcards (checker.inputs)",
    "heapq": "an article with suppression directives (checker.suppress)",
    "calendar": "a CC104 finding, to name the weekday",
    "hashlib": "nothing: the rule cache compares bytes (checker.rulelang.cache)",
    "pkgutil": "a package outside a folder (checker.submodules)",
    "typing": "nothing: type variables are for type checkers only",
    "importlib.util": "nothing: the bundled rules are found by import (checker.rulelang.load)",
    "shutil": "nothing: argparse is given the help width (checker.cli), so it does not ask shutil",
    "pathlib": "nothing: a run's paths are strings (checker.paths); its import brought urllib.parse",
    "urllib.parse": "nothing (pathlib imported it)",
    "fnmatch": "a configuration with per-glob settings (checker.policy)",
    "pickle": "nothing: the rule cache stores JSON data (checker.rulelang.stored)",
    "signal": "--jobs over several processes (the CLI's SIGTERM handler needs only _signal)",
    "html.parser": "an HTML article",
    "markdown_it": "a Markdown article",
}


def _modules(setup: str) -> set[str]:
    """Every module `setup` imports, run in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", MODULES.format(setup=setup)], capture_output=True, text=True, env=env, check=True
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _audit(*arguments: str) -> str:
    return f"from checker.cli import main\nmain(['audit', *{list(arguments)!r}, '--fail-on', 'never'])"


@pytest.fixture(scope="module")
def warm_rule_cache() -> None:
    """The measured audits take the rules from the cache, as every audit but the first does."""
    _modules(_audit(SEED))


def test_a_command_imports_no_other_command_module(warm_rule_cache):
    commands = {f"checker.commands.{module}" for module, _ in COMMANDS.values()}
    loaded = _modules(_audit(SEED))
    assert loaded & commands == {"checker.commands.audit"}
    help_only = "from checker.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert not _modules(help_only) & commands


def test_rules_without_facts_load_none_of_the_fact_machinery(warm_rule_cache, tmp_path):
    # The bundled vocabularies state no facts: their statements' classes, the parser, the
    # resolver and the fact verifiers stay unloaded. A rule file with a fact brings them back.
    facts = {"checker.rulelang.ast", "checker.rulelang.verify", "checker.rulelang.verify_values"}
    misses_only = {"checker.rulelang.parse", "checker.rulelang.resolve", "lark"}
    assert not _modules(_audit(SEED)) & (facts | misses_only)
    rules = tmp_path / "facts.rules"
    rules.write_text('event "third round" {\n  status concluded\n}\n', encoding="utf-8")
    _modules(_audit(SEED, "--rules", str(rules)))  # the first run parses and fills the cache
    loaded = _modules(_audit(SEED, "--rules", str(rules)))
    assert facts <= loaded and not loaded & misses_only


def test_a_plain_text_audit_imports_no_other_reader(warm_rule_cache):
    loaded = _modules(_audit(SEED))
    assert "checker.readers.text" in loaded
    assert not loaded & {"checker.readers.html", "checker.readers.markdown", "html.parser", "markdown_it"}


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_plain_text_audit_imports_none_of_the_deferred_modules(warm_rule_cache, fmt):
    loaded = _modules(_audit(SEED, "--format", fmt))
    assert "checker.rulelang.cache" in loaded and "lark" not in loaded
    assert sorted(loaded & set(DEFERRED)) == []


def test_the_deferred_modules_still_load_when_they_are_needed(warm_rule_cache, tmp_path):
    output = tmp_path / "report.json"
    pattern = str(ROOT / "fixtures/istanbul-talks/*.txt")
    loaded = _modules(_audit(pattern, "--format", "json", "--output", str(output)))
    assert {"tempfile", "glob"} <= loaded
    assert json.loads(output.read_text(encoding="utf-8"))["documents"][0]["path"].endswith("article.txt")
    html = str(ROOT / "fixtures/istanbul-talks-html/article.html")
    assert {"checker.readers.html", "html.parser"} <= _modules(_audit(html, "--format", "json"))
