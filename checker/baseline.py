"""A baseline: the findings a team has accepted, so a check reports only new ones.

The file is small, sorted JSON, one entry per (path, finding key) with a count; keys are
checker.identity's (check, quoted texts, fact), never lines, so editing elsewhere in an
article does not invalidate it, and re-recording it gives a readable diff.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from checker.errors import UsageError
from checker.identity import FindingKey, counted, not_in
from checker.model import Report

VERSION = 1


def path_key(path: str) -> str:
    """A document's path as the baseline names it: relative to the current folder where it can be."""
    pure = Path(path)
    if pure.is_absolute():
        with contextlib.suppress(ValueError):  # outside the current folder: kept absolute
            pure = pure.relative_to(Path.cwd())
    return pure.as_posix()


def dumps(report: Report) -> str:
    entries = []
    for document_report in report.documents:
        for key, count in counted(document_report.findings).items():
            entries.append(
                {
                    "path": path_key(document_report.document.path),
                    "code": key.code,
                    "quotes": list(key.quotes),
                    "origin": key.origin,
                    "count": count,
                }
            )
    entries.sort(key=lambda e: (e["path"], e["code"], e["quotes"], e["origin"]))
    return json.dumps({"version": VERSION, "tool": "claim-checker", "findings": entries}, indent=2) + "\n"


Baseline = dict[str, Counter[FindingKey]]


def load(path: str) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such baseline file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the baseline: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the baseline is not UTF-8") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}:{error.lineno}:{error.colno}: the baseline is not JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: not a claim-checker baseline (expected version {VERSION} and a 'findings' list)")
    baseline: Baseline = {}
    for number, entry in enumerate(data["findings"]):
        try:
            key = FindingKey(str(entry["code"]), tuple(map(str, entry["quotes"])), str(entry.get("origin", "")))
            count = int(entry.get("count", 1))
            baseline.setdefault(str(entry["path"]), Counter())[key] += count
        except (KeyError, TypeError, ValueError):
            raise UsageError(f"{path}: findings[{number}]: expected path, code, quotes (a list) and a count") from None
    return baseline


def new_findings(report: Report, baseline: Baseline) -> Report:
    """The report without the findings the baseline records (each as many times as counted)."""
    documents = tuple(
        replace(d, findings=not_in(d.findings, baseline.get(path_key(d.document.path), Counter())))
        for d in report.documents
    )
    return replace(report, documents=documents)
