"""The run's policy over findings: which checks are selected, at what severity.

Codes are matched by prefix and the longest matching prefix wins (flake8's decision
engine): `ignore = ["CC1"]` with `select = ["CC101"]` keeps CC101 and drops CC102.
Settings for a path glob are more specific than the global ones and win a tie.
"""

from __future__ import annotations

from dataclasses import replace

from checker.config import CodePolicy, GlobPolicy
from checker.guard import INTERNAL_ERROR
from checker.model import DocumentReport, Finding, Report, Severity
from checker.settings import Settings


def _matches(glob: GlobPolicy, path: str) -> bool:
    """Whether the glob (checker.globs: the same meaning as `exclude` and scoped `rules`) matches the
    document's path relative to the configuration file's folder."""
    from checker.globs import Globs

    return Globs((glob.pattern,), glob.base).matches(path)


def _layers(settings: Settings, path: str) -> list[CodePolicy]:
    return [settings.policy, *(g.policy for g in settings.per_glob if _matches(g, path))]


def selected(code: str, layers: list[CodePolicy]) -> bool:
    best: tuple[int, int] = (-1, -1)
    decision = True
    for rank, layer in enumerate(layers):
        if layer.select and (0, rank) >= best:
            best, decision = (0, rank), False  # a select list leaves out what it does not name
        for prefixes, verdict in ((layer.select, True), (layer.ignore, False)):
            for prefix in prefixes:
                if code.startswith(prefix) and (len(prefix), rank) >= best:
                    best, decision = (len(prefix), rank), verdict
    return decision


def severity_for(code: str, default: Severity, layers: list[CodePolicy]) -> Severity:
    best: tuple[int, int] = (-1, -1)
    chosen = default
    for rank, layer in enumerate(layers):
        for prefix, severity in layer.severity:
            if code.startswith(prefix) and (len(prefix), rank) >= best:
                best, chosen = (len(prefix), rank), severity
    return chosen


def _document(document_report: DocumentReport, settings: Settings) -> DocumentReport:
    layers = _layers(settings, document_report.document.path)
    kept: list[Finding] = []
    for finding in document_report.findings:
        if finding.code == INTERNAL_ERROR.code:  # a bug report, not an opinion: never ignored or lowered
            kept.append(finding)
        elif selected(finding.code, layers):
            kept.append(replace(finding, severity=severity_for(finding.code, finding.severity, layers)))
    return replace(document_report, findings=tuple(kept))


def apply_policy(report: Report, settings: Settings) -> Report:
    if not settings.policy.active and not settings.per_glob:
        return report
    return replace(report, documents=tuple(_document(d, settings) for d in report.documents))
