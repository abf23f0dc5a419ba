"""docs/checks.md, written from the checks' own metadata (what `detectors` and `explain` print).

    python -m checker.docgen            # rewrite docs/checks.md
    python -m checker.docgen --check    # exit 1 when docs/checks.md differs from the metadata

tests/test_docs.py fails when the page and the metadata differ, so the reference cannot drift
from the code that `explain` and SARIF's rules read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from checker.detectors import Detector

PAGE = Path("docs") / "checks.md"
REGENERATE = "python -m checker.docgen"


# A control character in an example (CC904's) is shown as its Unicode control picture (␀ for
# NUL, ␡ for DEL), so the page stays text; tab and line breaks are kept as they are.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n\r"} | {0x7F: "\u2421"}


def _examples(title: str, texts: Sequence[str]) -> list[str]:
    if not texts:
        return []
    shown = "\n\n".join(texts).translate(_PICTURES)
    # One fenced block per list: examples are separated by a blank line; an example may span lines.
    return [f"{title} (one example per paragraph):", "", "```text", *shown.splitlines(), "```", ""]


def _row(check: Detector) -> str:
    summary = check.summary.replace("|", "\\|")  # a table cell ends at a bare bar
    return f"| [{check.code}](#{check.code.lower()}-{check.name}) | {check.name} | {check.severity.value} | {summary} |"


def checks_page() -> str:
    """The whole page, as Markdown."""
    from checker.catalogue import checks

    found = checks()
    lines = [
        "# The checks",
        "",
        f"<!-- Generated from the checks' metadata by `{REGENERATE}`; edit the checks, not this page. -->",
        "",
        "Every check has a code and a name; either selects it (`--select`, `--ignore`, `explain`),",
        "and a code prefix selects a family (`CC1` is every internal-tension check). The severity",
        "is the default; [configuration](configuration.md) can change it per check. The examples",
        "below are run by the test suite for every check that has them, and `claim-checker explain",
        "CODE` prints the same text; an example written `OLD ⟶ NEW` is an edit, the text before and",
        "after it. How claims are read and when two are compared: [claims](claims.md).",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
        *(_row(c) for c in found),
        "",
    ]
    for check in found:
        lines += [f"## {check.code} {check.name}", "", f"Default severity: **{check.severity.value}**.", ""]
        lines += [check.summary, "", check.description, ""]
        if check.example_rules.strip():
            rules = [line.strip() for line in check.example_rules.strip().splitlines()]
            lines += ["The examples are checked with these rules, beside the bundled ones:", ""]
            lines += ["```", *rules, "```", ""]
        lines += _examples("Reports on", check.fires)
        lines += _examples("Stays quiet on", check.quiet)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    page = checks_page()
    if arguments == ["--check"]:
        current = PAGE.read_text(encoding="utf-8") if PAGE.is_file() else ""
        if current != page:
            print(f"{PAGE} differs from the checks' metadata; run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    if arguments:
        print(f"usage: {REGENERATE} [--check]", file=sys.stderr)
        return 2
    from checker.output import write_whole

    PAGE.parent.mkdir(exist_ok=True)
    write_whole(str(PAGE), page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
