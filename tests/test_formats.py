"""The same article as plain text, Markdown and HTML gives the same findings, and in every
format every reported span, sentence and claim points at the exact source characters."""

from __future__ import annotations

import html
import re
import string
from dataclasses import fields, is_dataclass

import pytest

import checker
from checker.model import DocumentReport, Location, Span

from conftest import FIXTURES, fixture_article, fixture_cases
from readers_helpers import assert_faithful

SEED_FORMATS = [FIXTURES / "istanbul-talks/article.txt", FIXTURES / "istanbul-talks-md/article.md"]
SEED_FORMATS.append(FIXTURES / "istanbul-talks-html/article.html")
SEED_RULES = [FIXTURES / "istanbul-talks/talks.rules"]
TEXT_CASES = [c for c in fixture_cases() if fixture_article(c).suffix == ".txt"]


def _visible(report: DocumentReport, location: Location) -> str:
    """The words a reader sees at a reported location, whatever the markup around them."""
    document = report.document
    assert document.text[location.span.start : location.span.end] == location.text
    words = document.quote(document.to_prose(location.span))
    return words.translate(_DASHES)  # a page may write '24&ndash;48' where the text has '24-48'


_DASHES = str.maketrans({"–": "-", "—": "-"})


def _outcome(report: DocumentReport):
    findings = [
        (f.code, f.severity, f.message, [_visible(report, loc) for loc in f.locations]) for f in report.findings
    ]
    facts = [
        (f.subject, f.kind, f.expected, f.verdict, f.note, [_visible(report, loc) for loc in f.evidence])
        for f in report.facts
    ]
    return findings, facts


@pytest.mark.parametrize("rules", [[], SEED_RULES], ids=["no-rules", "talks-rules"])
def test_the_seed_article_reads_the_same_in_every_format(rules):
    reports = [checker.audit_paths(path, rules=rules).documents[0] for path in SEED_FORMATS]
    plain, markdown, page = (_outcome(r) for r in reports)
    assert plain[0], "the seed article must have findings for this comparison to mean anything"
    assert markdown == plain
    assert page == plain
    if rules:
        assert plain[1] and {fact[3].value for fact in plain[1]} == {"supported", "contradicted", "not found"}


def test_the_seed_article_in_markdown_and_html_takes_its_own_date():
    reports = [checker.audit_paths(path).documents[0] for path in SEED_FORMATS]
    assert [str(r.as_of) for r in reports] == ["None", "2025-07-24", "2025-07-24"]


@pytest.mark.parametrize("path", SEED_FORMATS, ids=lambda p: p.suffix)
def test_every_sentence_and_claim_points_at_its_source_characters(path):
    report = checker.audit_paths(path, rules=SEED_RULES).documents[0]
    document = report.document
    assert_faithful(document)
    spans = list(_spans(report.claims))
    assert len(spans) > 20
    for span in spans:
        source = document.text[span.start : span.end]
        prose = document.quote(document.to_prose(span))
        assert prose and source, span
        # the source range starts and ends on the same characters as the words it was read from,
        # never on markup around them
        assert source[0] == prose[0] or not prose[0].isalnum(), (source, prose)
        assert source[-1] == prose[-1] or not prose[-1].isalnum(), (source, prose)


def _spans(value):
    if isinstance(value, Span):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _spans(item)
    elif is_dataclass(value):
        for field in fields(value):
            yield from _spans(getattr(value, field.name))


def _paragraphs(text: str) -> list[list[str]]:
    return [block.split("\n") for block in re.split(r"\n\s*\n", text.strip())]


def _as_markdown(text: str) -> str:
    """Every ASCII punctuation mark escaped, lines of a paragraph joined by hard breaks."""
    escaped = "".join("\\" + c if c in string.punctuation else c for c in text)
    blocks = ["\\\n".join(lines) for lines in _paragraphs(escaped)]
    return "---\ntitle: generated\n---\n\n" + "\n\n".join(blocks) + "\n"


def _as_html(text: str) -> str:
    """Every special character an entity, lines of a paragraph joined by <br>, inside a page."""
    body = "\n".join(f"<p>{'<br>'.join(html.escape(line) for line in lines)}</p>" for lines in _paragraphs(text))
    return (
        "<html><head><title>The third round has concluded</title><script>var x = 1 < 2;</script></head>"
        f"<body><nav><a href='/'>The third round begins</a></nav><article>\n{body}\n</article>"
        "<footer>The third round is upcoming.</footer></body></html>\n"
    )


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_every_text_fixture_reads_the_same_as_markdown_and_html(case, tmp_path):
    text = fixture_article(case).read_text(encoding="utf-8")
    rules = sorted(case.glob("*.rules"))
    (tmp_path / "article.md").write_text(_as_markdown(text), encoding="utf-8")
    (tmp_path / "article.html").write_text(_as_html(text), encoding="utf-8")
    expected = _outcome(checker.audit_paths(fixture_article(case), rules=rules).documents[0])
    for name in ("article.md", "article.html"):
        report = checker.audit_paths(tmp_path / name, rules=rules).documents[0]
        shortened = name.endswith(".md") or html.escape(text) != text  # escapes, entities: the prose is shorter
        assert (report.document.offsets is not None) == shortened
        assert_faithful(report.document)
        assert _outcome(report) == expected, name
