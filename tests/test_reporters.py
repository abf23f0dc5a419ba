"""The CI formats: SARIF, GitHub workflow commands, JUnit XML, Markdown and HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import pytest

import checker
from checker.model import Document, DocumentReport, Finding, Location, Refusal, Report, Severity, Span
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
    assert {"sarif", "github", "junit", "markdown", "html", "line"} <= set(formats())


@pytest.mark.parametrize("fmt", formats())
def test_every_format_lists_the_inputs_it_did_not_check(fmt):
    refused = Refusal("drafts/unreadable-draft.txt", "binary: not a text file (a NUL byte at offset 12)")
    report = checker.audit_paths(SEED)
    out = _render(fmt, Report(documents=report.documents, refused=(refused,)))
    assert refused.path in out and "binary" in out
    assert refused.path not in _render(fmt, report)


# --- line ----------------------------------------------------------------------------------

# What editors parse: Vim's default errorformat %f:%l:%c: %m, Emacs' compilation mode, flake8's shape.
_QUICKFIX = re.compile(r"(?P<path>[^\n]+?):(?P<line>\d+):(?P<column>\d+): (?P<code>\S+) (?P<message>.+)")


def test_line_format_gives_one_quickfix_line_per_finding_pointing_at_its_text(tmp_path):
    article = tmp_path / "draft.txt"
    article.write_text(TRICKY, encoding="utf-8")
    report = checker.audit_paths([SEED, article], rules=[SEED_RULES])
    out = _render("line", report)
    findings = [(d, f) for d in report.documents for f in d.findings]
    lines = out.splitlines()
    assert len(lines) == len(findings) >= 3 and out.endswith("\n")
    for line, (document_report, finding) in zip(lines, findings, strict=True):
        parsed = _QUICKFIX.fullmatch(line)
        assert parsed, line
        assert parsed["path"] == document_report.document.path and parsed["code"] == finding.code
        source_line = document_report.document.text.split("\n")[int(parsed["line"]) - 1]
        assert source_line[int(parsed["column"]) - 1 :].startswith(finding.primary.text.split("\n")[0])
        assert parsed["message"] == " ".join(finding.message.split())


def test_line_format_keeps_a_multi_line_message_on_its_line_and_lists_refused_inputs(tmp_path, capsys):
    from checker.cli import main

    out = _render("line", _handmade("One.\nTwo.", "Two.", "first line\nsecond line\r\nthird"))
    assert out == "a <b> & c.txt:2:1: CC101 first line second line third\n"
    missing = tmp_path / "missing.txt"
    assert main(["audit", str(SEED), str(missing), "--format", "line"]) == 3
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith(f"{missing}:1:1: not-checked ") and _QUICKFIX.fullmatch(lines[-1])
    assert any(line.startswith(f"{SEED}:2:5: CC101 ") for line in lines)


# --- SARIF -------------------------------------------------------------------------------


def _sarif_schema() -> dict:
    path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the SARIF 2.1.0 schema is not beside this checkout")
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(tmp_path):
    schema = _sarif_schema()
    reports = [checker.audit_paths(SEED, rules=[SEED_RULES]), checker.audit_text(TRICKY)]
    reports.append(checker.audit_text("Nothing here."))
    reports.append(checker.audit_paths([SEED, tmp_path / "missing.txt"], keep_going=True))
    reports.append(_handmade("See [this](x). Then that.", "that", "a [bracketed] message", related="this"))
    for report in reports:
        jsonschema.validate(json.loads(_render("sarif", report)), schema)


def _repository(tmp_path):
    """A git work tree holding drafts/a.txt (the seed article), and a folder outside it."""
    import subprocess

    top = tmp_path / "newsroom"
    (top / "drafts").mkdir(parents=True)
    (top / "tools").mkdir()
    (top / "drafts/a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(TRICKY, encoding="utf-8")
    return top, outside


def test_sarif_paths_are_relative_to_the_repository_root(tmp_path, monkeypatch):
    top, outside = _repository(tmp_path)
    monkeypatch.chdir(top / "tools")  # run from a subfolder: paths still start at the top
    run = json.loads(_render("sarif", checker.audit_paths(["../drafts/a.txt", str(outside)])))["runs"][0]
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": top.as_uri() + "/"}}
    inside, beyond = (a["location"] for a in run["artifacts"])
    assert inside == {"uri": "drafts/a.txt", "uriBaseId": "SRCROOT"}
    assert beyond == {"uri": outside.as_uri()}  # outside the work tree: an absolute URI
    for result in run["results"]:
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert where["uri"] in ("drafts/a.txt", outside.as_uri())
        assert ("uriBaseId" in where) == (where["uri"] == "drafts/a.txt")

    plain = tmp_path / "plain"  # not in a work tree: the current folder is the base
    plain.mkdir()
    (plain / "b.txt").write_text(TRICKY, encoding="utf-8")
    monkeypatch.chdir(plain)
    run = json.loads(_render("sarif", checker.audit_paths(["b.txt"])))["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == plain.as_uri() + "/"
    assert run["artifacts"][0]["location"] == {"uri": "b.txt", "uriBaseId": "SRCROOT"}


def test_sarif_rules_link_to_their_documentation_and_carry_help(monkeypatch):
    from checker.catalogue import checks
    from checker.reporters import sarif

    published = "https://docs.example.org/claim-checker"
    monkeypatch.setattr(sarif, "docs_url", lambda: published)
    run = json.loads(_render("sarif", checker.audit_text(TRICKY)))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["informationUri"] == published + "/checks.md"
    page = ROOT / "docs/checks.md"
    headings = page.read_text(encoding="utf-8").splitlines() if page.is_file() else None
    for rule, check in zip(rules, checks(), strict=True):
        assert rule["helpUri"].startswith(published + "/checks.md#")
        anchor = rule["helpUri"].split("#", 1)[1]
        assert anchor == f"{check.code} {check.name}".lower().replace(" ", "-")  # GitHub's anchor of the heading
        if headings is not None:
            assert f"## {check.code} {check.name}" in headings
        assert check.summary in rule["help"]["text"] and check.description in rule["help"]["markdown"]
        assert rule["helpUri"] in rule["help"]["markdown"]


def test_sarif_rules_without_a_published_address_carry_help_but_no_link(monkeypatch):
    from checker.reporters import sarif

    monkeypatch.setattr(sarif, "docs_url", lambda: None)
    driver = json.loads(_render("sarif", checker.audit_text(TRICKY)))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all(
        "helpUri" not in rule and rule["help"]["text"] and "http" not in rule["help"]["markdown"]
        for rule in driver["rules"]
    )


def test_the_documentation_address_is_read_from_the_distributions_project_urls(monkeypatch):
    from importlib import metadata

    from checker.reporters import sarif

    class Meta:
        def __init__(self, urls):
            self.urls = urls

        def get_all(self, name):
            return self.urls if name == "Project-URL" else None

    monkeypatch.setattr(
        metadata, "metadata", lambda name: Meta(["Source, https://x.org/src", "Documentation, https://x.org/docs/"])
    )
    assert sarif.docs_url() == "https://x.org/docs"
    monkeypatch.setattr(metadata, "metadata", lambda name: Meta(["Documentation, file:///etc"]))
    assert sarif.docs_url() is None


def test_sarif_message_links_every_related_location_and_escapes_its_brackets():
    run = json.loads(_render("sarif", checker.audit_paths(SEED, rules=[SEED_RULES])))["runs"][0]
    handmade = _handmade("See [this](x). Then that.", "that", "a [bracketed] message", related="this")
    results = run["results"] + json.loads(_render("sarif", handmade))["runs"][0]["results"]
    assert all(r.get("relatedLocations") for r in results)
    for result in results:
        text = result["message"]["text"]
        linked = [int(n) for n in re.findall(r"(?<!\\)\]\((\d+)\)", text)]
        related = result["relatedLocations"]
        assert linked == [loc["id"] for loc in related]
        for loc, (line, column) in zip(related, re.findall(r"\[line (\d+), column (\d+)\]", text), strict=True):
            region = loc["physicalLocation"]["region"]
            assert (region["startLine"], region["startColumn"]) == (int(line), int(column))
    assert results[-1]["message"]["text"].startswith("a \\[bracketed\\] message (also at [line 1, column 6](1))")


def test_sarif_lists_refused_inputs_as_error_notifications(tmp_path):
    missing = tmp_path / "missing.txt"
    report = checker.audit_paths([SEED, missing], keep_going=True)
    (invocation,) = json.loads(_render("sarif", report))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and report.refused[0].problem in notification["message"]["text"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == missing.as_uri()
    (clean,) = json.loads(_render("sarif", checker.audit_paths(SEED)))["runs"][0]["invocations"]
    assert clean == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_sarif_rules_come_from_the_checks_metadata_and_results_point_into_them():
    from checker.catalogue import checks

    log = json.loads(_render("sarif", checker.audit_paths(SEED, rules=[SEED_RULES])))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in checks()]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert {r["ruleId"] for r in run["results"]} == {"CC101", "CC001"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_give_code_point_offsets_and_line_columns_that_agree():
    report = checker.audit_text(TRICKY)
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


def test_sarif_fingerprints_survive_edits_above_the_finding_but_not_another_event():
    def prints(text):
        results = json.loads(_render("sarif", checker.audit_text(text)))["runs"][0]["results"]
        return [(r["partialFingerprints"]["claimChecker/v2"], r["locations"][0]) for r in results]

    base = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
    (before,) = prints(base)
    (after,) = prints("A new opening paragraph about the weather.\n\nAnother one.\n\n" + base)
    assert before[0] == after[0]
    assert before[1] != after[1]  # the same finding, somewhere else
    (reworded,) = prints(base.replace("preparing for the third round", "preparing for the 3rd round"))
    assert reworded[0] == before[0]  # the same event with the same two statuses, named another way
    (other,) = prints(base.replace("3rd", "2nd").replace("third", "second"))
    assert other[0] != before[0]


# --- GitHub workflow commands ------------------------------------------------------------


def test_github_escaping_of_data_and_properties():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape ':' and ','


def test_github_annotations_locate_each_finding(tmp_path):
    article = tmp_path / "odd, name: draft.txt"
    article.write_text(TRICKY, encoding="utf-8")
    out = _render("github", checker.audit_paths(article)).splitlines()
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


def test_github_paths_are_relative_to_the_repository_root_and_refused_inputs_annotated(tmp_path, monkeypatch):
    top, outside = _repository(tmp_path)
    monkeypatch.chdir(top / "tools")
    report = checker.audit_paths(["../drafts/a.txt", str(outside), "../drafts/gone.txt"], keep_going=True)
    files = [dict(p.split("=", 1) for p in line.split("::")[1].split(" ", 1)[1].split(",")) for line in
             _render("github", report).splitlines()[:-1]]  # fmt: skip
    assert {f["file"] for f in files} == {"drafts/a.txt", escape_property(str(outside)), "drafts/gone.txt"}
    refused = [f for f in files if f["file"] == "drafts/gone.txt"]
    assert refused == [{"file": "drafts/gone.txt", "title": "not checked"}]
    last = _render("github", report).splitlines()
    assert last[-2].startswith("::error file=drafts/gone.txt,title=not checked::../drafts/gone.txt: not checked: ")
    assert last[-1].endswith(", 1 not checked")


def test_github_warning_and_notice_levels():
    warned = checker.audit_paths(ROOT / "fixtures/quoted-source/article.txt")
    assert _render("github", warned).startswith("::warning ")


# --- JUnit ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def junit_schema():
    import xmlschema

    return xmlschema.XMLSchema(ROOT / "tests/data/junit-10.xsd")


def test_the_junit_schema_refuses_what_the_old_report_wrote(junit_schema):
    # The schema is only worth testing against if it refuses the report's old mistakes.
    assert junit_schema.is_valid(
        '<testsuites tests="1"><testsuite name="a" tests="1" failures="0" errors="0"/></testsuites>'
    )
    assert not junit_schema.is_valid('<testsuites skipped="0"/>')
    assert not junit_schema.is_valid('<testsuites><testsuite name="a" tests="1" failures="0"/></testsuites>')
    assert not junit_schema.is_valid(
        '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>'
    )


def test_junit_validates_against_the_junit_10_schema(junit_schema, tmp_path):
    reports = [
        checker.audit_paths([SEED, ROOT / "fixtures/different-rounds/article.txt"], rules=[SEED_RULES]),
        checker.audit_paths(ROOT / "fixtures/quoted-source/article.txt"),
        checker.audit_text("Nothing here."),
        checker.audit_paths([SEED, tmp_path / "missing.txt"], keep_going=True),
        _handmade("A <tag> & \x0b]]> vertical tab.", "<tag> & \x0b]]>", "bad <&> \x01 message"),
    ]
    assert reports[3].refused
    for report in reports:
        junit_schema.validate(_render("junit", report))


def test_junit_has_a_case_per_finding_and_per_fact():
    report = checker.audit_paths([SEED, ROOT / "fixtures/different-rounds/article.txt"], rules=[SEED_RULES])
    root = ET.fromstring(_render("junit", report))
    assert root.get("skipped") is None
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.document.path for d in report.documents]
    for suite, document in zip(suites, report.documents, strict=True):
        own = [f for f in document.findings if f.code != "CC001"]
        cases = suite.findall("testcase")
        assert len(cases) == max(len(own), 1) + len(document.facts) == int(suite.get("tests"))
        finding_cases = cases[: len(own)]
        for case, finding in zip(finding_cases, own, strict=True):
            failure = case.find("failure")
            assert failure is not None and failure.get("type") == finding.code
            assert failure.get("message") == finding.message  # each case names its own finding
            assert finding.primary.text in failure.text
        verdicts = {f"{f.subject}: {f.kind} {f.expected}": f.verdict.value for f in document.facts}
        for case in cases[max(len(own), 1) :]:
            verdict = verdicts[case.get("name")]
            assert (case.find("failure") is not None) == (verdict == "contradicted")
            assert (case.find("skipped") is not None) == (verdict == "not found")
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))
    # the second document's only finding is a fact's, reported by the fact's case
    assert suites[1].find("testcase").get("name") == "internal consistency"
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    assert int(root.get("failures")) == len(root.findall("testsuite/testcase/failure"))


def _several_findings() -> Report:
    """Three fixture articles as one: a note and two warnings, from three checks."""
    cases = ("negation-fires", "role-two-leaders-fires", "quantity-casualties-fires")
    text = "\n\n".join((ROOT / "fixtures" / case / "article.txt").read_text(encoding="utf-8") for case in cases)
    report = checker.audit_text(text)
    assert len({f.code for f in report.documents[0].findings}) == 3
    return report


def test_junit_gives_each_of_several_findings_its_own_case_and_notes_pass():
    report = _several_findings()
    findings = report.documents[0].findings
    assert {f.severity for f in findings} == {Severity.NOTE, Severity.WARNING}
    suite = ET.fromstring(_render("junit", report)).find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(findings) and len({c.get("name") for c in cases}) == len(cases)
    for case, finding in zip(cases, findings, strict=True):
        assert finding.code in case.get("name")
        failure = case.find("failure")
        if finding.severity is Severity.NOTE:
            assert failure is None and finding.message in case.find("system-out").text
        else:
            assert failure.get("type") == finding.code and failure.get("message") == finding.message
    assert int(suite.get("failures")) == sum(1 for f in findings if f.severity is Severity.WARNING)


def test_junit_lists_a_refused_input_as_an_errored_case(tmp_path):
    missing = tmp_path / "missing.txt"
    report = checker.audit_paths([SEED, missing], keep_going=True)
    root = ET.fromstring(_render("junit", report))
    refused = root.findall("testsuite")[-1]
    assert refused.get("name") == str(missing) and refused.get("errors") == "1"
    error = refused.find("testcase/error")
    assert error is not None and error.get("message") == report.refused[0].problem
    assert root.get("errors") == "1"


def _handmade(
    text: str,
    quoted: str,
    message: str,
    path: str = "a <b> & c.txt",
    severity: Severity = Severity.ERROR,
    related: str | None = None,
) -> Report:
    """A report with one finding on `quoted` (and `related`), to test a format on hostile text."""

    def location(quote: str) -> Location:
        start = text.index(quote)
        return Location(Span(start, start + len(quote)), quote)

    others = (location(related),) if related else ()
    finding = Finding("CC101", "event-status-conflict", severity, message, location(quoted), others)
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
    out = _render("markdown", checker.audit_paths(SEED, rules=[SEED_RULES]))
    assert out.startswith("## claim-checker: 2 errors, 0 warnings, 0 notes")
    assert "**CC101**" in out and "> line 2: “preparing for the third meeting”" in out


def test_markdown_escapes_markup_mentions_and_links():
    text = "Intro.\nSee <img src=x> @team #12 [x](http://e) *now*\nend"
    quoted = "<img src=x> @team #12 [x](http://e) *now*\nend"
    out = _render("markdown", _handmade(text, quoted, "a `code` message"))
    assert "“\\<img src=x\\> @\u200bteam \\#12 \\[x\\](http://e) \\*now\\* end”" in out
    assert "<img" not in out.replace("\\<img", "") and "a \\`code\\` message" in out


def test_markdown_facts_table_escapes_pipes():
    report = checker.audit_paths(SEED, rules=[SEED_RULES])
    rows = [line for line in _render("markdown", report).splitlines() if line.startswith("| ")]
    assert rows[0] == "| verdict | expected fact | rule | evidence |"
    assert len(rows) == 1 + len(report.documents[0].facts)
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)


def _many_documents(documents: int, findings: int, clean: int = 0) -> Report:
    """A large report made by hand: `documents` documents of `findings` long findings, then
    `clean` documents without any, and one refused input."""
    reports = []
    for d in range(documents + clean):
        text = "".join(f"Sentence {i} of document {d} says something long enough to quote. " for i in range(findings))
        found = []
        for i in range(findings if d < documents else 0):
            quote = f"Sentence {i} of document {d}"
            start = text.index(quote)
            location = Location(Span(start, start + len(quote)), quote)
            found.append(Finding("CC101", "event-status-conflict", Severity.ERROR, f"message {i} " * 8, location))
        document = Document(path=f"drafts/article-{d:03}.txt", text=text, prose=text)
        reports.append(DocumentReport(document=document, as_of=None, findings=tuple(found)))
    return Report(documents=tuple(reports), refused=(Refusal("drafts/broken.txt", "binary"),))


def test_markdown_stays_under_githubs_comment_limit_and_says_what_it_left_out():
    from checker.reporters.markdown import COMMENT_LIMIT, render

    report = _many_documents(documents=60, findings=30, clean=5)
    out = render(report)
    assert COMMENT_LIMIT == 65_536
    assert len(out) <= len(out.encode("utf-16-le")) // 2 <= COMMENT_LIMIT < len(render(report, limit=10**9))
    shown = sum(1 for line in out.splitlines() if line.startswith("- 🛑 "))
    total = sum(len(d.findings) for d in report.documents)
    assert 0 < shown < total
    note = out.rstrip().splitlines()[-1]
    assert note.startswith("_Cut to fit GitHub's comment limit (65,536 characters):")
    assert f"{total - shown} findings of " in note
    first_cut = shown // 30  # the document whose findings were cut first, then every later one
    assert f" of {60 - first_cut + 5} documents not shown" in note  # the clean documents come last
    assert out.index("### Not checked") < out.index("### `drafts/article-000.txt`")  # never cut first


def test_markdown_puts_documents_with_findings_first_and_is_whole_under_the_limit():
    from checker.reporters.markdown import render

    report = _many_documents(documents=2, findings=2, clean=2)
    reordered = Report((report.documents[2], *report.documents[:2], report.documents[3]), report.refused)
    out = render(reordered)
    assert "Cut to fit" not in out
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == ["### Not checked"] + [f"### `drafts/article-{d:03}.txt`" for d in (0, 1, 2, 3)]
    assert "- `drafts/broken.txt`: binary" in out


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
    report = checker.audit_paths(SEED, rules=[SEED_RULES])
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
    out = _render("html", checker.audit_text(text))
    assert "<script>" not in out and "&lt;script&gt;" in out
    page = _Highlights()
    page.feed(out)
    assert page.article == text  # CR kept as a character reference, not folded by the parser
    assert page.external == []


def test_html_of_many_documents_starts_with_an_index_and_does_not_print_clean_articles(tmp_path):
    report = _many_documents(documents=2, findings=2, clean=3)
    page = _Highlights()
    out = _render("html", report)
    page.feed(out)
    index = out[out.index('<nav class="index"') : out.index("</nav>")]
    assert out.index("</nav>") < out.index('<section class="document"')  # the index comes first
    assert re.findall(r'href="#(d\d+)"', index) == ["d0", "d1"]  # only the documents with findings
    assert {"d0", "d1"} <= page.ids
    assert "3 documents without findings" in index
    for d in report.documents:
        assert d.document.path in out
        assert (d.document.text in page.article) == bool(d.findings)  # clean articles are not printed
    assert "drafts/broken.txt</code>: binary" in out[: out.index("</nav>")]  # the refused input, up front


def test_html_of_one_clean_document_has_no_index_and_no_article():
    out = _render("html", checker.audit_text("Nothing here contradicts anything."))
    assert '<nav class="index"' not in out and '<pre class="article">' not in out
    assert "No findings." in out
