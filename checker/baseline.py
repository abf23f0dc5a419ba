"""A baseline: the findings a team has accepted, so a check reports only new ones.

The file is small, sorted JSON, one entry per (path, finding key) with a count; keys are
checker.identity's (check, what the finding is about, fact), never lines, so editing
elsewhere in an article does not invalidate it, and re-recording it gives a readable diff.
Written inside a git work tree, it records the commit checked out (`revision`): a file
renamed since then (git's rename detection, checker.gitrev) keeps its entries.
A version 1 file (before `about`) still loads.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import UsageError
from checker.identity import FindingKey, counted, not_in
from checker.model import Report

VERSION = 2
READABLE = (1, 2)
MAX_BASELINE_BYTES = 100_000_000


def path_key(path: str) -> str:
    """A document's path as the baseline names it: relative to the current folder where it can be."""
    pure = Path(path)
    if pure.is_absolute():
        with contextlib.suppress(ValueError):  # outside the current folder: kept absolute
            pure = pure.relative_to(Path.cwd())
    return pure.as_posix()


def dumps(report: Report, revision: str | None = None) -> str:
    """The baseline of the report's findings; `revision` is the commit its files are at, if known."""
    entries = []
    for document_report in report.documents:
        for key, count in counted(document_report.findings).items():
            entry = {"path": path_key(document_report.document.path), "code": key.code}
            entry.update({"about": key.about} if key.about else {"quotes": list(key.quotes)})
            entries.append({**entry, "origin": key.origin, "count": count})
    entries.sort(key=lambda e: (e["path"], e["code"], e.get("about", ""), e.get("quotes", []), e["origin"]))
    head = {"version": VERSION, "tool": "claim-checker", **({"revision": revision} if revision else {})}
    return json.dumps({**head, "findings": entries}, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: dict[str, Counter[FindingKey]]  # path (as path_key names it) -> accepted findings
    revision: str | None = None  # the commit the paths were at when it was written

    def known(self, path: str) -> Counter[FindingKey]:
        """The accepted findings of the document at `path`, under its name now or, when git says
        it was renamed since the baseline was written, under the name it had then."""
        name = path_key(path)
        if name in self.entries or not self.revision:
            return self.entries.get(name, Counter())
        from checker.gitrev import path_at

        found = path_at(self.revision, path)
        if found is None:
            return Counter()
        top, old = found
        return self.entries.get(path_key(os.path.join(top, old)), Counter())


def load(path: str) -> Baseline:
    from checker.inputs import TooLarge, read_bounded

    try:
        data = json.loads(read_bounded(path, MAX_BASELINE_BYTES).decode("utf-8"))
    except TooLarge as error:
        raise UsageError(f"{path}: the baseline {error}") from None
    except FileNotFoundError:
        raise UsageError(f"{path}: no such baseline file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the baseline: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the baseline is not UTF-8") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}:{error.lineno}:{error.colno}: the baseline is not JSON: {error.msg}") from None
    if (
        not isinstance(data, dict)
        or data.get("version") not in READABLE
        or not isinstance(data.get("findings"), list)
        or not isinstance(data.get("revision", ""), str)
    ):
        raise UsageError(f"{path}: not a claim-checker baseline (expected version {VERSION} and a 'findings' list)")
    from checker.codes import is_known, unknown_message

    entries: dict[str, Counter[FindingKey]] = {}
    for number, entry in enumerate(data["findings"]):
        try:
            code = str(entry["code"])
            if not is_known(code):
                raise UsageError(f"{path}: findings[{number}]: {unknown_message(code)}")
            about = str(entry.get("about", ""))
            quotes = () if about else tuple(sorted(map(str, entry["quotes"])))  # version 1 kept them in order
            key = FindingKey(code, quotes, str(entry.get("origin", "")), about)
            count = int(entry.get("count", 1))
            entries.setdefault(str(entry["path"]), Counter())[key] += count
        except (KeyError, TypeError, ValueError):
            raise UsageError(
                f"{path}: findings[{number}]: expected path, code, quotes (a list) or about, and a count"
            ) from None
    return Baseline(entries, data.get("revision") or None)


def new_findings(report: Report, baseline: Baseline) -> Report:
    """The report without the findings the baseline records (each as many times as counted)."""
    documents = tuple(
        replace(d, findings=not_in(d.findings, baseline.known(d.document.path))) for d in report.documents
    )
    return replace(report, documents=documents)
