"""Properties that hold for any input (hypothesis): spans inside the document and quoting it,
results independent of file and rule order and of the number of processes, rule text
either parsed or refused with a located error.

The example budget is small in CI; run many more by hand with
`pytest tests/test_properties.py --hypothesis-profile long` (see docs/robustness.md).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import checker
from checker import readers
from checker.api import _names_path
from checker.controls import positions, too_many
from checker.errors import InputError, RuleError, RuleErrors, rule_lines
from checker.model import Location, Span
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules
from checker.rulelang.parse import parse

from conftest import FIXTURES, ROOT
from hostile import BY_SUFFIX, markdown, prose, rule_text, spans_of


@functools.cache
def _prepared() -> Prepared:
    return Prepared.of(load_rules([FIXTURES / "istanbul-talks" / "talks.rules"], cache=False))


def _assert_spans_quote_the_source(text: str, report) -> None:
    assert report.document.text == text
    for item in spans_of(report):
        span = item.span if isinstance(item, Location) else item
        assert 0 <= span.start <= span.end <= len(text), f"{span} outside a text of {len(text)}"
        if isinstance(item, Location):
            assert item.text == text[span.start : span.end]


@pytest.mark.parametrize("suffix", sorted(BY_SUFFIX))
def test_every_span_lies_in_the_document_and_quotes_it(suffix):
    @given(BY_SUFFIX[suffix])
    def check_text(text):
        try:
            document = readers.from_text(text, f"article{suffix}")
        except InputError:
            return  # empty, or bad front matter: refused with a message, which is allowed
        report = check(document, _prepared())
        _assert_spans_quote_the_source(text, report)
        assert not [f for f in report.findings if f.code == "CC900"], "a check raised"

    check_text()


@given(prose)
def test_audit_of_a_text_is_the_same_every_time(text):
    assume(text.strip() and not _names_path(text))  # "." names a folder, not a text
    assume(not too_many(text, len(positions(text))))  # mostly control characters: refused as binary
    assert checker.audit_text(text) == checker.audit_text(text)


def _summary(report):
    """Each document's findings and facts as a comparable value, by path."""
    return {
        d.document.path: (
            [(f.code, f.severity, f.message, f.locations) for f in d.findings],
            sorted((r.subject, r.kind, r.expected, r.verdict.value, r.evidence) for r in d.facts),
        )
        for d in report.documents
    }


@settings(max_examples=10)
@given(st.lists(st.tuples(st.sampled_from(sorted(BY_SUFFIX)), markdown), min_size=2, max_size=5), st.randoms())
def test_results_do_not_depend_on_the_order_of_the_files(articles, random):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (suffix, text) in enumerate(articles):
            path = Path(folder, f"{number}{suffix}")
            path.write_text(text + " The third round has concluded.", encoding="utf-8")
            paths.append(path)
        shuffled = list(paths)
        random.shuffle(shuffled)
        rules = _prepared().ruleset
        one, other = (checker.audit_paths(order, rules=rules, keep_going=True) for order in (paths, shuffled))
        assert _summary(one) == _summary(other)
        assert sorted(one.refused, key=str) == sorted(other.refused, key=str)


# Rule files that each add facts or vocabulary; any order of including them is the same rule set.
_RULE_PARTS = [
    'event "third round" {\n  alias "third meeting", "third round of talks"\n'
    '  place "Istanbul"\n  status concluded\n}\n',
    'entity "Rustem Umerov" {\n  alias "Umerov"\n  role "head of the Ukrainian delegation"\n}\n',
    'synonyms "talks", "negotiations"\n',
    'quantity "prisoners exchanged" {\n  mentions "prisoners"\n  value 250 "prisoners"\n}\n',
    'date "summit" {\n  mentions "summit"\n  on 2025-07-24\n}\n',
    'event "second session" {\n  status upcoming\n  severity warning\n}\n',
    'entity "Andriy Yermak" {\n  role "head of the presidential office"\n}\n',
]
_ORDER_TEXT = (
    "The third round of talks has concluded in Istanbul. Ukrainian representatives, led by Rustem Umerov, "
    "attended. Delegates are preparing for the third meeting. Officials said 300 prisoners were exchanged. "
    "The summit took place on 25 July 2025. The second session has concluded. Andriy Yermak, the defence "
    "minister, said the negotiations went well."
)


@settings(max_examples=15)
@given(st.permutations(range(len(_RULE_PARTS))), st.integers(min_value=1, max_value=len(_RULE_PARTS)))
def test_results_do_not_depend_on_the_order_of_rule_includes(order, split):
    with tempfile.TemporaryDirectory() as folder:
        for number, part in enumerate(_RULE_PARTS):
            Path(folder, f"part{number}.rules").write_text(part, encoding="utf-8")
        forward = Path(folder, "forward.rules")
        forward.write_text("".join(f'include "part{n}.rules"\n' for n in range(len(_RULE_PARTS))))
        # the same parts, shuffled, some included directly and some through a second file
        Path(folder, "rest.rules").write_text("".join(f'include "part{n}.rules"\n' for n in order[split:]))
        shuffled = Path(folder, "shuffled.rules")
        shuffled.write_text("".join(f'include "part{n}.rules"\n' for n in order[:split]) + 'include "rest.rules"\n')
        one = checker.audit_text(_ORDER_TEXT, rules=load_rules([forward], cache=False))
        other = checker.audit_text(_ORDER_TEXT, rules=load_rules([shuffled], cache=False))
        assert _summary(one)["<text>"] == _summary(other)["<text>"]
        assert one.documents[0].findings, "the text should contradict some of the facts"


@settings(max_examples=3)
@given(st.lists(markdown, min_size=3, max_size=6))
def test_results_do_not_depend_on_the_number_of_processes(texts):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, text in enumerate(texts):
            path = Path(folder, f"{number}.md")
            path.write_text(text + "\n\nThe 3rd round has concluded. Delegates are preparing for the third round.")
            paths.append(path)
        # keep_going: an input refused (mostly control characters: binary) must be refused the same way in both
        parallel = checker.audit_paths(paths, jobs=2, keep_going=True)
        assert parallel == checker.audit_paths(paths, jobs=1, keep_going=True)


def test_the_report_does_not_depend_on_hash_randomisation(tmp_path):
    """Two interpreters with different string hashes (set and dict orders) print the same report."""
    article = tmp_path / "mixed.md"
    article.write_text(
        "".join(p.read_text() + "\n\n" for p in sorted(FIXTURES.glob("*/article.*")) if p.suffix != ".html")
    )
    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "CLAIM_CHECKER_NO_CACHE": "1"}
        command = [sys.executable, "-m", "checker", "audit", str(article), str(FIXTURES / "istanbul-talks-html")]
        command += ["--rules", str(FIXTURES / "istanbul-talks" / "talks.rules"), "--format", "json", "--jobs", "1"]
        done = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, check=False)
        assert done.returncode == 1, done.stderr
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0]["summary"]["error"] > 0


def _assert_located(error: RuleError, text: str) -> None:
    lines = rule_lines(text)
    assert 1 <= error.line <= len(lines) + 1, (error, len(lines))
    width = len(lines[error.line - 1]) if error.line <= len(lines) else 0
    assert 1 <= error.column <= width + 1, (error, width)
    assert error.render().startswith(f"x.rules:{error.line}:{error.column}: ")
    expected = error.problem.split(", found")[0]  # what follows 'found' quotes the file, which may say anything
    assert "__ANON" not in expected and "$END" not in expected, error.problem


@given(rule_text)
def test_rule_text_is_parsed_or_refused_at_a_line_and_column(text):
    try:
        parse(text, "x.rules")
    except RuleError as error:
        _assert_located(error, text)


@given(rule_text)
def test_a_rule_file_loads_or_every_error_is_located(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.rules")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_rules([path], defaults=False, cache=False)
        except RuleErrors as errors:
            assert errors.errors
            for error in errors.errors:
                assert error.path.startswith(folder)
                assert error.line >= 0 and error.column >= 0
                assert (error.line == 0) == (error.column == 0)


def test_spans_are_walked_in_every_claim_kind():
    """The walk the properties rely on finds the spans of findings, facts and every claim kind."""
    document = readers.from_text(_ORDER_TEXT + " Officials said 250 prisoners were exchanged.", "a.txt")
    report = check(document, _prepared())
    found = list(spans_of(report))
    assert any(isinstance(item, Location) for item in found)
    claims = report.claims
    kinds = [name for name in ("events", "roles", "quantities", "dates") if getattr(claims, name)]
    assert len(kinds) == 4, kinds
    for name in kinds:
        first = getattr(claims, name)[0]
        assert any(isinstance(item, Span) for item in spans_of(first)), name
    assert len(found) > len(list(itertools.chain(claims.events, claims.roles)))
