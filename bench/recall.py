"""What the checker finds in real texts with contradictions annotated by people.

    python bench/recall.py [FOLDER] [--only NAME ...] [--show N] [--json FILE]

Reads ../shared/contradictions/*.jsonl (see its README). A finding is a hit on a
contradiction document when its locations cover both annotated sides (one location
in each); on consistent documents every error- or warning-level finding is a false
alarm. Prints, per file and contradiction type, documents, hits and recall, and the
false-alarm rate on the consistent documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DIR = ROOT.parent / "shared" / "contradictions"
ALARMS = ("error", "warning")


def _side_spans(document: dict) -> list[tuple[int, int]]:
    text, sides = document["text"], document["sides"]
    if len(sides) >= 2:
        spans = []
        at = 0
        for side in sides[:2]:
            start = text.find(side.strip(), at)
            spans.append((start, start + len(side.strip())) if start >= 0 else (-1, -1))
            at = max(at, start + 1)
        return spans
    # summedits: the lede is the first side, the body everything after it
    lede = sides[0].strip()
    start = text.find(lede)
    return [(start, start + len(lede)), (start + len(lede), len(text))]


def _hit(finding, spans) -> bool:
    inside = [any(s <= loc.span.start < e for loc in finding.locations) for s, e in spans]
    return all(inside) and len(spans) == 2


def measure(path: Path, show: int):
    from checker import readers
    from checker.pipeline import Prepared, check
    from checker.rulelang.load import load_rules

    prepared = Prepared.of(load_rules())
    found, total, alarms, consistent = Counter(), Counter(), Counter(), 0
    shown: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        report = check(readers.from_text(document["text"], document["id"]), prepared)
        serious = [f for f in report.findings if f.severity.value in ALARMS]
        if document["label"] == "consistent":
            consistent += 1
            if serious:
                alarms["any"] += 1
                for code in {f.code for f in serious}:
                    alarms[code] += 1
                if len(shown) < show:
                    shown.append(f"FALSE ALARM {document['id']}: {serious[0].code} {serious[0].message}")
            continue
        kind = document["type"]
        total[kind] += 1
        spans = _side_spans(document)
        if any(_hit(f, spans) for f in serious):
            found[kind] += 1
    return found, total, alarms, consistent, shown


def _per_single_type(counts: Counter) -> Counter:
    """'CircE,EntE' counted under CircE and under EntE."""
    single: Counter = Counter()
    for kind, n in counts.items():
        for part in kind.split(","):
            single[part] += n
    return single


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--only", action="append", metavar="NAME", help="measure only this file (chatprotect.jsonl)")
    parser.add_argument("--show", type=int, default=0, help="print up to N false alarms per file")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"{args.folder} is absent: nothing to measure", file=sys.stderr)
        return 2
    figures = {}
    for path in sorted(args.folder.glob("*.jsonl")):
        if args.only and path.name not in args.only:
            continue
        found, total, alarms, consistent, shown = measure(path, args.show)
        print(f"\n{path.name}")
        print(f"  {'type':55} {'documents':>9} {'found':>6} {'recall':>7}")
        for kind in sorted(total):
            print(f"  {kind:55} {total[kind]:9d} {found[kind]:6d} {found[kind] / total[kind]:7.1%}")
        single_found, single_total = _per_single_type(found), _per_single_type(total)
        if single_total != total:  # a document annotated with several types counts under each
            print(f"  {'each type, wherever it is annotated':55} {'':>9} {'':>6} {'':>7}")
            for kind in sorted(single_total):
                rate = single_found[kind] / single_total[kind]
                print(f"    {kind:53} {single_total[kind]:9d} {single_found[kind]:6d} {rate:7.1%}")
        rate = alarms["any"] / consistent if consistent else 0.0
        by_code = ", ".join(f"{code} {n}" for code, n in sorted(alarms.items()) if code != "any") or "none"
        print(
            f"  consistent documents with an error or warning: {alarms['any']} of {consistent} ({rate:.1%}); {by_code}"
        )
        for line in shown:
            print("   ", line)
        figures[path.name] = {
            "types": {k: {"documents": total[k], "found": found[k]} for k in total},
            "consistent": consistent,
            "false_alarms": alarms["any"],
        }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
