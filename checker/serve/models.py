"""The service's request and response bodies, as pydantic models: FastAPI validates requests
against them and publishes them as the OpenAPI schema."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.reporters._json_model import JsonReport

__all__ = ["AuditRequest", "ClaimsReport", "Health", "JsonReport", "Problem", "RuleProblem"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AuditRequest(_Model):
    """One text to check. Nothing in it names a file: rules come as their text, and `name`
    is only how the report calls the document."""

    text: str = Field(description="The story, as text, Markdown or HTML source.")
    format: Literal["text", "markdown", "html"] = Field("text", description="How to read `text`.")
    as_of: dt.date | None = Field(None, description="The reference date; wins over the rules' and the story's own.")
    rules: list[str] = Field(
        default_factory=list,
        description="Rule files, each given whole as its text, added to the server's rules. "
        "They cannot include files; errors name them rules[0], rules[1]...",
    )
    name: str = Field("<text>", max_length=200, description="The document's name in the report (never opened).")


class RuleProblem(_Model):
    source: str = Field(description="rules[N] for a rule text of the request.")
    line: int
    column: int
    problem: str


class Problem(_Model):
    """Why a request was refused: one line, as the command line would print it."""

    error: str = Field(description="The one-line message, e.g. rules[0]:3:14: expected a status ..., found 'finishd'.")
    rule_errors: list[RuleProblem] = Field(default_factory=list, description="Each problem of the rule texts, located.")


class ClaimRow(_Model):
    kind: str
    start: int
    end: int
    line: int
    column: int
    text: str
    details: dict[str, object]


class ClaimsDocument(_Model):
    path: str
    as_of: str | None
    claims: list[ClaimRow]


class ClaimsReport(_Model):
    """What `claim-checker claims --format json` writes."""

    version: int
    documents: list[ClaimsDocument]


class Health(_Model):
    status: Literal["ok"]
    version: str
    workers: int = Field(description="Checking processes ready now.")
