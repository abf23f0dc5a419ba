"""One self-contained HTML page: no scripts, no network, everything escaped.

First the inputs that were not checked and, for several documents, an index of those with
findings. Per document: the counts, the article with every finding's spans highlighted (each
highlight links to its finding; each finding links back to its highlights), the findings,
and the expected facts; an article without findings is not printed. Overlapping spans are
cut at every boundary, so each piece of text is emitted once and carries the ids of every
location that covers it (`data-loc`).
"""

from __future__ import annotations

import itertools
from html import escape

from checker._version import __version__
from checker.escape import terminal
from checker.model import DocumentReport, Report, Severity
from checker.reporters._locate import Locator

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
.counts span{margin-right:1rem;font-weight:600}
.index li .counts span{font-weight:400;font-size:.9em}
.article{white-space:pre-wrap;word-wrap:break-word;font:15px/1.7 Georgia,serif;background:#fafafa;
  border:1px solid #ddd;padding:1rem;margin:0}
a.hl{color:inherit;text-decoration:none;border-bottom:2px solid}
a.hl.error{background:#ffd6d6;border-color:#d33}a.hl.warning{background:#fff0c2;border-color:#c90}
a.hl.note{background:#dcecff;border-color:#36c}
a.ref{text-decoration:none}
a.ref::after{content:"[" attr(data-n) "]";font:600 .7em system-ui,sans-serif;vertical-align:super;color:#36c}
.finding{margin:.6rem 0}.finding:target{outline:3px solid #36c}
.code{font-family:ui-monospace,monospace;font-weight:600}
.sev{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85em}
.sev.error{background:#d33;color:#fff}.sev.warning{background:#c90;color:#fff}.sev.note{background:#36c;color:#fff}
blockquote{margin:.2rem 0 .2rem 1.5rem;padding-left:.6rem;border-left:3px solid #ccc}
table{border-collapse:collapse;margin-top:.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
.supported{color:#176c2a}.contradicted{color:#b11}.not-found{color:#666}
"""


def _text(value: str) -> str:
    # A raw CR would be folded into LF by the HTML parser and shift every later offset.
    return escape(value, quote=False).replace("\r", "&#13;")


def _attr(value: str) -> str:
    return escape(value, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def _counts(source) -> str:
    return "".join(f"<span>{source.count(s)} {s.value}{'' if source.count(s) == 1 else 's'}</span>" for s in Severity)


def render(report: Report) -> str:
    title = "claim-checker report"
    body = [f"<h1>{title}</h1>", f'<p class="counts">{_counts(report)}</p>']
    if report.refused:
        body.append(_refused(report))
    if len(report.documents) > 1:
        body.append(_index(report))
    body.extend(_document(number, document_report) for number, document_report in enumerate(report.documents))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="claim-checker {__version__}">'
        f"<title>{title}</title><style>{_STYLE}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _refused(report: Report) -> str:
    items = "".join(
        f"<li><code>{_text(terminal(r.path))}</code>: {_text(terminal(r.problem))}</li>" for r in report.refused
    )
    return f'<section class="refused" id="not-checked"><h2>Not checked</h2><ul>{items}</ul></section>'


def _index(report: Report) -> str:
    """Links to the documents with findings, first; the others named once, in one line."""
    flagged = [(n, d) for n, d in enumerate(report.documents) if d.findings]
    clean = [d for d in report.documents if not d.findings]
    parts = ['<nav class="index" id="index">']
    if flagged:
        parts.append(f"<h2>{len(flagged)} document{'' if len(flagged) == 1 else 's'} with findings</h2><ol>")
        parts.extend(
            f'<li><a href="#d{n}">{_text(d.document.path)}</a> <span class="counts">{_counts(d)}</span></li>'
            for n, d in flagged
        )
        parts.append("</ol>")
    if clean:
        names = ", ".join(f"<code>{_text(d.document.path)}</code>" for d in clean)
        parts.append(f"<p>{len(clean)} document{'' if len(clean) == 1 else 's'} without findings: {names}</p>")
    parts.append("</nav>")
    return "\n".join(parts)


def _document(number: int, document_report: DocumentReport) -> str:
    document = document_report.document
    locator = Locator(document_report)
    prefix = f"d{number}"
    parts = [
        f'<section class="document" id="{prefix}">',
        f"<h2>{_text(terminal(document.path))}</h2>",
        f'<p class="counts">{_counts(document_report)}</p>',
    ]
    # A clean article is not printed: in a report of a folder, the pages that need reading stand out.
    if document_report.findings:
        parts.append(f'<pre class="article">{_highlighted(prefix, document_report)}</pre>')
    parts.append("<h3>Findings</h3>")
    if document_report.findings:
        parts.append("<ol>")
        for i, finding in enumerate(document_report.findings):
            parts.append(f'<li class="finding" id="{prefix}-f{i}">')
            parts.append(
                f'<span class="sev {finding.severity.value}">{finding.severity.value}</span> '
                f'<span class="code">{_text(finding.code)}</span> {_text(finding.name)}: {_text(finding.message)}'
            )
            for j, location in enumerate(finding.locations):
                placed = locator.place(location)
                parts.append(
                    f'<blockquote><a href="#{prefix}-l{i}-{j}">line {placed.line}, column {placed.column}</a> '
                    f"“{_text(location.text)}”</blockquote>"
                )
            if finding.origin:
                parts.append(f"<div>rule: {_text(finding.origin)}</div>")
            parts.append("</li>")
        parts.append("</ol>")
    else:
        parts.append("<p>No findings.</p>")
    if document_report.facts:
        parts.append("<h3>Expected facts</h3><table>")
        parts.append("<tr><th>verdict</th><th>fact</th><th>rule</th><th>evidence</th></tr>")
        for fact in document_report.facts:
            evidence = "<br>".join(
                f"line {locator.place(loc).line}: “{_text(loc.text)}”" for loc in fact.evidence
            ) or _text(fact.note)
            verdict = fact.verdict.value
            parts.append(
                f'<tr><td class="{verdict.replace(" ", "-")}">{_text(verdict)}</td>'
                f"<td>{_text(f'{fact.subject}: {fact.kind} {fact.expected}')}</td>"
                f"<td>{_text(fact.origin)}</td><td>{evidence}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</section>")
    return "\n".join(parts)


def _highlighted(prefix: str, document_report: DocumentReport) -> str:
    """The article's text with each finding's spans wrapped in links to the finding."""
    text = document_report.document.text
    covers: list[tuple[int, int, str, int, Severity]] = []  # start, end, location id, finding, severity
    for i, finding in enumerate(document_report.findings):
        for j, location in enumerate(finding.locations):
            if location.span.end > location.span.start:
                covers.append((location.span.start, location.span.end, f"{prefix}-l{i}-{j}", i, finding.severity))
    cuts = sorted({0, len(text), *(c[0] for c in covers), *(c[1] for c in covers)})
    out = []
    for start, end in itertools.pairwise(cuts):
        # An empty anchor where each location starts, so a finding can link to every side.
        out.extend(f'<span class="anchor" id="{c[2]}"></span>' for c in covers if c[0] == start)
        piece = _text(text[start:end])
        here = [c for c in covers if c[0] <= start and end <= c[1]]
        if not here:
            out.append(piece)
            continue
        worst = max((c[4] for c in here), key=lambda s: s.rank)
        first = min(c[3] for c in here)
        findings = document_report.findings
        titles = "; ".join(dict.fromkeys(f"{findings[c[3]].code} {findings[c[3]].name}" for c in here))
        out.append(
            f'<a class="hl {worst.value}" href="#{prefix}-f{first}" data-loc="{" ".join(c[2] for c in here)}" '
            f'title="{_attr(titles)}">{piece}</a>'
        )
        # Where a location ends, a numbered link to its finding: overlapping spans still reach every entry.
        # The number is drawn by CSS, so the article's text stays exactly the source's.
        out.extend(
            f'<a class="ref" href="#{prefix}-f{c[3]}" data-n="{c[3] + 1}" title="{_attr(findings[c[3]].code)}"></a>'
            for c in covers
            if c[1] == end
        )
    return "".join(out)
