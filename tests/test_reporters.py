"""The CI formats: SARIF, GitHub workflow commands, JUnit XML, Markdown and HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import pytest

import checker
from checker.model import Document, DocumentReport, Finding, Location, Report, Severity, Span
from checker.reporters import formats, renderer
from checker.reporters.github import escape_data, escape_property

from conftest import ROOT, SHARED

SEED = ROOT / "fixtures/istanbul-talks/article.txt"
SEED_RULES = ROOT / "fixtures/istanbul-talks/talks.rules"
# Code points outside the BMP, a CR LF, and markup: offsets must still be exact.
TRICKY = (
    "Talks 🕊️ <b>&amp;</b> @editors | #12\r\nThe 3rd round has concluded. Delegates are preparing for the third round.\n"
)


def _render(fmt: str, report) -> str:
    return renderer(fmt)(report)


def test_every_new_format_is_listed():
    assert {"sarif", "github", "junit", "markdown", "html"} <= set(formats())


# --- SARIF -------------------------------------------------------------------------------


def _sarif_schema() -> dict:
    path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the SARIF 2.1.0 schema is not beside this checkout")
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema():
    schema = _sarif_schema()
    for report in (checker.audit(SEED, rules=[SEED_RULES]), checker.audit(TRICKY), checker.audit("Nothing here.")):
        jsonschema.validate(json.loads(_render("sarif", report)), schema)


def test_sarif_rules_come_from_the_checks_metadata_and_results_point_into_them():
    from checker.catalogue import checks

    log = json.loads(_render("sarif", checker.audit(SEED, rules=[SEED_RULES])))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in checks()]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert {r["ruleId"] for r in run["results"]} == {"CC101", "CC001"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_give_code_point_offsets_and_line_columns_that_agree():
    report = checker.audit(TRICKY)
    run = json.loads(_render("sarif", report))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    lines = TRICKY.split("\n")
    regions = [result["locations"][0]["physicalLocation"]["region"]]
    regions += [r["physicalLocation"]["region"] for r in result["relatedLocations"]]
    assert len(regions) == 2
    for region in regions:
        start, length = region["charOffset"], region["charLength"]
        assert TRICKY[start : start + length] == region["snippet"]["text"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 :].startswith(region["snippet"]["text"])
        assert region["startLine"] == 2


def test_sarif_fingerprints_survive_edits_above_the_finding_but_not_a_changed_quote():
    def prints(text):
        results = json.loads(_render("sarif", checker.audit(text)))["runs"][0]["results"]
        return [(r["partialFingerprints"]["claimChecker/v1"], r["locations"][0]) for r in results]

    base = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
    (before,) = prints(base)
    (after,) = prints("A new opening paragraph about the weather.\n\nAnother one.\n\n" + base)
    assert before[0] == after[0]
    assert before[1] != after[1]  # the same finding, somewhere else
    (reworded,) = prints(base.replace("preparing for the third round", "preparing for the 3rd round"))
    assert reworded[0] != before[0]


# --- GitHub workflow commands ------------------------------------------------------------


def test_github_escaping_of_data_and_properties():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape ':' and ','


def test_github_annotations_locate_each_finding(tmp_path):
    article = tmp_path / "odd, name: draft.txt"
    article.write_text(TRICKY, encoding="utf-8")
    out = _render("github", checker.audit(article)).splitlines()
    command = re.fullmatch(r"::error (?P<props>[^:]*)::(?P<message>.*)", out[0])
    assert command, out[0]
    props = dict(part.split("=", 1) for part in command["props"].split(","))
    assert props["file"] == escape_property(str(article)) and "%2C" in props["file"] and "%3A" in props["file"]
    assert props["title"] == "CC101 event-status-conflict"
    assert (props["line"], props["col"]) == ("2", "5")
    line = TRICKY.split("\n")[1]
    # endColumn is inclusive: the last character of the quoted span
    assert line[int(props["col"]) - 1 : int(props["endColumn"])] == "3rd round has concluded"
    assert "%0A" in command["message"] and "\n" not in command["message"]
    assert out[-1].startswith("claim-checker: 1 document(s), 1 error(s)")


def test_github_warning_and_notice_levels():
    warned = checker.audit(ROOT / "fixtures/quoted-source/article.txt")
    assert _render("github", warned).startswith("::warning ")


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_has_a_case_per_document_and_per_fact():
    report = checker.audit([SEED, ROOT / "fixtures/different-rounds/article.txt"], rules=[SEED_RULES])
    root = ET.fromstring(_render("junit", report))
    suites = root.findall("testsuite")
    assert len(suites) == 2
    facts = len(report.documents[0].facts)
    cases = suites[0].findall("testcase")
    assert len(cases) == 1 + facts == int(suites[0].get("tests"))
    document_case, *fact_cases = cases
    assert document_case.find("failure").get("type") == "CC101"
    verdicts = {f"{f.subject}: {f.kind} {f.expected}": f.verdict.value for f in report.documents[0].facts}
    for case in fact_cases:
        verdict = verdicts[case.get("name")]
        assert (case.find("failure") is not None) == (verdict == "contradicted")
        assert (case.find("skipped") is not None) == (verdict == "not found")
    other_document = suites[1].findall("testcase")[0]
    assert other_document.find("failure") is None  # its only finding is a fact's, reported in the fact's case
    contradicted = [f for d in report.documents for f in d.facts if f.verdict.value == "contradicted"]
    assert int(root.get("failures")) == 1 + len(contradicted)
    assert int(root.get("tests")) == 2 + 2 * facts


def _handmade(text: str, quoted: str, message: str, path: str = "a <b> & c.txt") -> Report:
    """A report with one finding on `quoted`, to test a format's escaping on hostile text."""
    start = text.index(quoted)
    location = Location(Span(start, start + len(quoted)), quoted)
    finding = Finding("CC101", "event-status-conflict", Severity.ERROR, message, location)
    document = Document(path=path, text=text, prose=text)
    return Report(documents=(DocumentReport(document=document, as_of=None, findings=(finding,)),))


def test_junit_survives_control_characters_and_markup():
    text = "A <tag> & \x0b]]> vertical tab."
    root = ET.fromstring(_render("junit", _handmade(text, "<tag> & \x0b]]>", "bad <&> \x01 message")))
    assert root.find("testsuite").get("name") == "a <b> & c.txt"
    failure = root.find(".//failure")
    assert failure.get("message") == "bad <&> \ufffd message"
    assert "“<tag> & \ufffd]]>”" in failure.text


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_quotes_the_evidence_and_escapes_the_article():
    out = _render("markdown", checker.audit(SEED, rules=[SEED_RULES]))
    assert out.startswith("## claim-checker: 2 errors, 0 warnings, 0 notes")
    assert "**CC101**" in out and "> line 2: “preparing for the third meeting”" in out


def test_markdown_escapes_markup_mentions_and_links():
    text = "Intro.\nSee <img src=x> @team #12 [x](http://e) *now*\nend"
    quoted = "<img src=x> @team #12 [x](http://e) *now*\nend"
    out = _render("markdown", _handmade(text, quoted, "a `code` message"))
    assert "“\\<img src=x\\> @\u200bteam \\#12 \\[x\\](http://e) \\*now\\* end”" in out
    assert "<img" not in out.replace("\\<img", "") and "a \\`code\\` message" in out


def test_markdown_facts_table_escapes_pipes():
    report = checker.audit(SEED, rules=[SEED_RULES])
    rows = [line for line in _render("markdown", report).splitlines() if line.startswith("| ")]
    assert rows[0] == "| verdict | expected fact | rule | evidence |"
    assert len(rows) == 1 + len(report.documents[0].facts)
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)


# --- HTML ---------------------------------------------------------------------------------------


class _Highlights(HTMLParser):
    """The article's text as parsed, and each location's text, joined from its highlights."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current: list[str] = []
        self.article = ""
        self.by_location: dict[str, list[tuple[int, str]]] = {}
        self.links: set[str] = set()
        self.ids: set[str] = set()
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        if tag == "pre" and attrs.get("class") == "article":
            self.depth = 1
        elif self.depth and tag == "a" and attrs["class"] == "ref":
            self.links.add(attrs["href"][1:])
        elif self.depth and tag == "a":
            self.current = attrs["data-loc"].split()

    def handle_endtag(self, tag):
        if tag == "pre":
            self.depth = 0
        elif tag == "a":
            self.current = []

    def handle_data(self, data):
        if self.depth:
            for location in self.current:
                self.by_location.setdefault(location, []).append((len(self.article), data))
            self.article += data


def test_html_highlights_every_location_exactly_and_links_both_ways():
    report = checker.audit(SEED, rules=[SEED_RULES])
    page = _Highlights()
    page.feed(_render("html", report))
    document = report.documents[0]
    assert page.article == document.document.text
    assert page.external == []
    expected = {f"d0-l{i}-{j}": loc for i, f in enumerate(document.findings) for j, loc in enumerate(f.locations)}
    assert set(page.by_location) == set(expected)
    for name, location in expected.items():
        pieces = page.by_location[name]
        assert pieces[0][0] == location.span.start
        assert "".join(text for _, text in pieces) == location.text
        assert name in page.ids  # the finding's entry links back here
    assert page.links == {f"d0-f{i}" for i in range(len(document.findings))} <= page.ids


def test_html_escapes_everything_and_keeps_offsets_with_cr_and_astral_characters():
    text = '<script>alert("x")</script> ' + TRICKY
    out = _render("html", checker.audit(text))
    assert "<script>" not in out and "&lt;script&gt;" in out
    page = _Highlights()
    page.feed(out)
    assert page.article == text  # CR kept as a character reference, not folded by the parser
    assert page.external == []
