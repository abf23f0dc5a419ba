"""The JSON report, as pydantic models: the one description of its shape. `build` makes the
report's model, which the json reporter serialises, and `claim-checker schema` prints the
models' JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker._version import __version__
from checker.model import DocumentReport, Location, Report, Severity
from checker.reporters._locate import Locator

REPORT_FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JsonLocation(_Model):
    start: int = Field(description="Offset of the first character, in code points of the decoded source.")
    end: int = Field(description="Offset just past the last character (half-open span).")
    line: int = Field(description="1-based line of `start`.")
    column: int = Field(description="1-based column of `start`, in code points.")
    end_line: int
    end_column: int = Field(description="1-based column of `end`, in code points (exclusive).")
    text: str = Field(description="The source text of the span, exactly.")


class JsonFinding(_Model):
    code: str = Field(description="Stable identifier of the check, e.g. CC101.")
    name: str = Field(description="Stable slug of the check, e.g. event-status-conflict.")
    severity: Literal["error", "warning", "note"]
    message: str
    origin: str | None = Field(None, description="The rule file location (path:line:column) behind the finding.")
    locations: list[JsonLocation] = Field(description="The primary place first, then the other sides of the tension.")


class JsonFact(_Model):
    subject: str
    kind: str = Field(description="event status, event place or role.")
    expected: str
    verdict: Literal["supported", "contradicted", "not found"]
    origin: str = Field(description="Where the fact is written: path:line:column.")
    note: str
    evidence: list[JsonLocation]


class JsonDocument(_Model):
    path: str
    format: str
    as_of: str | None = Field(description="The reference date used (YYYY-MM-DD), if any.")
    findings: list[JsonFinding]
    facts: list[JsonFact]


class JsonRefusal(_Model):
    path: str
    problem: str = Field(description="Why the input was not checked: missing, too large, binary, undecodable...")


class JsonSummary(_Model):
    error: int
    warning: int
    note: int
    documents: int
    refused: int = Field(description="Inputs that could not be read, listed under `refused`.")


class JsonReport(_Model):
    version: int = Field(REPORT_FORMAT_VERSION, description="Version of this report format.")
    tool: str = "claim-checker"
    tool_version: str = __version__
    documents: list[JsonDocument]
    refused: list[JsonRefusal] = Field(description="Inputs that were not checked; the others were.")
    summary: JsonSummary


def build(report: Report) -> JsonReport:
    return JsonReport(
        documents=[_document(d) for d in report.documents],
        refused=[JsonRefusal(path=r.path, problem=r.problem) for r in report.refused],
        summary=JsonSummary(
            error=report.count(Severity.ERROR),
            warning=report.count(Severity.WARNING),
            note=report.count(Severity.NOTE),
            documents=len(report.documents),
            refused=len(report.refused),
        ),
    )


def _document(document_report: DocumentReport) -> JsonDocument:
    locator = Locator(document_report)

    def location(loc: Location) -> JsonLocation:
        placed = locator.place(loc)
        return JsonLocation(
            start=placed.start,
            end=placed.end,
            line=placed.line,
            column=placed.column,
            end_line=placed.end_line,
            end_column=placed.end_column,
            text=placed.text,
        )

    return JsonDocument(
        path=document_report.document.path,
        format=document_report.document.format,
        as_of=document_report.as_of.isoformat() if document_report.as_of else None,
        findings=[
            JsonFinding(
                code=f.code,
                name=f.name,
                severity=f.severity.value,
                message=f.message,
                origin=f.origin,
                locations=[location(loc) for loc in f.locations],
            )
            for f in document_report.findings
        ],
        facts=[
            JsonFact(
                subject=fact.subject,
                kind=fact.kind,
                expected=fact.expected,
                verdict=fact.verdict.value,
                origin=fact.origin,
                note=fact.note,
                evidence=[location(loc) for loc in fact.evidence],
            )
            for fact in document_report.facts
        ],
    )


def schema() -> dict:
    return JsonReport.model_json_schema()
