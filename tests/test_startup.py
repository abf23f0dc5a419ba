"""What a run imports follows the design: a command loads its own module, an audit the reader
of each input's format and the reporter of the chosen format, and a command that analyses no
text loads none of the analysis. Each probe runs in a fresh interpreter, and checks module
names, never time."""

import json
import os
import subprocess
import sys

import pytest

from checker.commands import COMMANDS
from checker.readers import FORMATS as READERS
from checker.reporters import formats

from conftest import ROOT

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")
HTML = str(ROOT / "fixtures/istanbul-talks-html/article.html")
# The analysis of text: the pipeline that runs it, the language model, the date parser.
ANALYSIS = {"checker.pipeline", "checker.analysis", "spacy", "dateparser"}
# The library each reporter draws or validates with, beside the module itself.
REPORTER_LIBRARIES = {"table": "tabulate", "json": "pydantic"}
MODULES = """
import json, sys
before = set(sys.modules)
{setup}
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def _modules(setup: str) -> set[str]:
    """Every module `setup` imports, run in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", MODULES.format(setup=setup)], capture_output=True, text=True, env=env, check=True
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _command(*arguments: str) -> str:
    return f"from checker.cli import main\ntry:\n    main({list(arguments)!r})\nexcept SystemExit:\n    pass"


def _audit(*arguments: str) -> str:
    return _command("audit", *arguments, "--fail-on", "never")


@pytest.fixture(scope="module")
def warm_rule_cache() -> None:
    """The probed audits take the rules from the cache, as every audit but the first does."""
    _modules(_audit(SEED))


def test_a_command_imports_no_other_command_module(warm_rule_cache):
    commands = {f"checker.commands.{module}" for module, _ in COMMANDS.values()}
    assert _modules(_audit(SEED)) & commands == {"checker.commands.audit"}
    assert not _modules(_command("--help")) & commands


@pytest.fixture(scope="module")
def model_modules() -> set[str]:
    """What loading the language pipeline imports for itself (spaCy's own use of pydantic)."""
    return _modules("from checker import analysis\nanalysis.load()")


@pytest.mark.parametrize("fmt", formats())
def test_an_audit_imports_the_reporter_of_its_format_and_no_other(warm_rule_cache, model_modules, fmt):
    loaded = _modules(_audit(SEED, "--format", fmt))
    reporters = {f"checker.reporters.{name}" for name in formats()}
    assert loaded & reporters == {f"checker.reporters.{fmt}"}
    # a library the language pipeline imports itself is no reporter's doing
    others = {library for name, library in REPORTER_LIBRARIES.items() if name != fmt} - model_modules
    assert not loaded & others, f"{fmt} loads another format's library"


def test_an_audit_imports_the_reader_of_each_input_format_only(warm_rule_cache):
    readers = {f"checker.readers.{name}" for name in READERS}
    assert _modules(_audit(SEED)) & readers == {"checker.readers.text"}
    loaded = _modules(_audit(HTML))
    assert loaded & readers == {"checker.readers.html"} and "markdown_it" not in loaded


@pytest.mark.parametrize(
    "arguments",
    [
        ("--version",),
        ("--help",),
        ("detectors",),
        ("explain", "CC101"),
        ("schema",),
        ("rules", "check", str(ROOT / "rules")),
    ],
    ids=lambda arguments: " ".join(arguments),
)
def test_a_command_that_analyses_no_text_loads_none_of_the_analysis(arguments):
    assert not _modules(_command(*arguments)) & ANALYSIS


def test_a_cached_rule_set_is_used_without_the_rule_parser(warm_rule_cache, tmp_path):
    # The rule cache's purpose: a run with unchanged rule files neither imports Lark nor parses.
    parser = {"checker.rulelang.parse", "lark"}
    assert not _modules(_audit(SEED)) & parser
    rules = tmp_path / "facts.rules"
    rules.write_text('event "third round" {\n  status concluded\n}\n', encoding="utf-8")
    assert parser <= _modules(_audit(SEED, "--rules", str(rules)))  # new rules: parsed, then cached
    assert not _modules(_audit(SEED, "--rules", str(rules))) & parser


@pytest.mark.parametrize("fmt", formats())
def test_a_reporter_learns_the_version_without_the_api_or_pipeline(fmt):
    assert not _modules(f"import checker.reporters.{fmt}") & {"checker.api", "checker.pipeline"}


def test_the_configuration_file_is_read_without_the_settings_that_merge_it():
    # settings (flags over file) reads config (the file); config never reads settings.
    assert "checker.settings" not in _modules("import checker.config")
