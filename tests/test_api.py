import datetime as dt
from pathlib import Path

import pytest

import checker
from checker.errors import UsageError
from checker.rulelang.load import load_rules

from conftest import ROOT

SEED = ROOT / "fixtures/istanbul-talks/article.txt"


def test_audit_text_and_audit_paths_are_explicit():
    from_text = checker.audit_text(SEED.read_text(encoding="utf-8"))
    from_path = checker.audit_paths(SEED)
    from_string = checker.audit_paths([str(SEED)])
    codes = [[f.code for f in r.documents[0].findings] for r in (from_text, from_path, from_string)]
    assert codes == [["CC101", "CC108"]] * 3
    assert from_text.documents[0].document.path == "<text>"
    assert from_path.documents[0].document.path == str(SEED)


def test_a_text_that_names_a_file_is_read_as_text_never_as_the_file():
    (document,) = checker.audit_text(str(SEED)).documents
    assert document.document.text == str(SEED) and document.document.path == "<text>"


def test_audit_text_takes_a_name_and_a_format():
    markdown = "# Talks\n\nThe *3rd round* has concluded. Delegates are preparing for the third round.\n"
    by_name = checker.audit_text(markdown, name="story.md").documents[0]
    by_format = checker.audit_text(markdown, format="markdown").documents[0]
    assert by_name.document.format == by_format.document.format == "markdown"
    assert "*" not in by_format.document.prose and by_format.findings[0].code == "CC101"
    with pytest.raises(TypeError, match="as a str"):
        checker.audit_text(SEED)
    with pytest.raises(UsageError, match="unknown input format 'rtf'"):
        checker.audit_text(markdown, format="rtf")


def test_a_bad_as_of_date_is_a_usage_error_naming_the_argument():
    for bad in ("2025-13-01", "24/07/2025", ""):
        with pytest.raises(UsageError, match=rf"as_of: expected a date as YYYY-MM-DD, found '{bad}'"):
            checker.audit_text("The talks ended.", as_of=bad)
    assert checker.audit_text("The talks ended.", as_of="2025-07-24").documents[0].as_of.isoformat() == "2025-07-24"


def test_audit_no_longer_guesses_what_a_string_is():
    for string in (str(SEED), "The talks ended."):
        with pytest.raises(TypeError, match=r"call checker.audit_text\(text\) for a text, checker.audit_paths"):
            checker.audit(string)
    with pytest.warns(DeprecationWarning, match="checker.audit is deprecated"):
        report = checker.audit(SEED)
    assert report.documents[0].document.path == str(SEED)


def test_py_typed_ships_with_the_package():
    import tomllib

    assert (ROOT / "checker" / "py.typed").is_file()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "py.typed" in package_data["package-data"]["checker"]


def test_every_subpackage_ships_in_the_wheel():
    """pyproject lists the packages by hand (rules/ ships as checker.bundled_rules), so a new
    subpackage left out of the list would be missing from an installed checker."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "checker").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert {name for name in listed if name != "checker.bundled_rules"} <= found


def test_one_rule_file_or_one_exclude_glob_given_as_a_string_is_one(tmp_path, monkeypatch):
    story = ROOT / "examples" / "first-rules"
    text = "The second session has concluded."
    facts = checker.audit_text(text, rules=str(story / "story.rules")).documents[0].facts
    assert [f.subject for f in facts] == ["second session"]  # one file, not 'e', 'x', '/', ... (the disk)
    monkeypatch.chdir(tmp_path)
    for name in ("keep.txt", "drafts/skip.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("The talks ended.", encoding="utf-8")
    report = checker.audit_paths(".", exclude="drafts/**", gitignore=False)
    assert [d.document.path for d in report.documents] == ["keep.txt"]


def test_audit_takes_rules_as_paths_or_a_loaded_ruleset():
    rules = [ROOT / "fixtures/istanbul-talks/talks.rules"]
    by_path = checker.audit_paths(SEED, rules=rules)
    by_set = checker.audit_paths(SEED, rules=load_rules(rules))
    assert by_path == by_set
    assert by_path.documents[0].as_of == dt.date(2025, 7, 24)
    assert checker.audit_paths(SEED, rules=rules, as_of="2025-08-01").documents[0].as_of == dt.date(2025, 8, 1)


def test_audit_of_several_paths_keeps_their_order():
    other = ROOT / "fixtures/different-rounds/article.txt"
    report = checker.audit_paths([other, SEED])
    assert [Path(d.document.path).parent.name for d in report.documents] == ["different-rounds", "istanbul-talks"]
    assert report.worst is not None and report.worst.value == "error"


def test_audit_each_reads_a_string_as_a_path_never_as_a_text():
    (report,) = checker.api.audit_each(str(SEED))
    assert report.document.path == str(SEED)
