"""False alarms on real news: how many corpus articles each check fires on.

    python bench/false_alarms.py [CORPUS_DIR] [--show N] [--json FILE]

The corpus (../shared/corpus/bbc by default) holds edited, published articles, so
every error- or warning-level finding on them counts as a false alarm unless a
person shows the article really contradicts itself. Prints, per check and
severity, the number of articles it fired on and the rate per 100 articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def measure(corpus: Path) -> tuple[int, Counter, dict]:
    from checker import readers
    from checker.pipeline import Prepared, check
    from checker.rulelang.load import load_rules

    prepared = Prepared.of(load_rules())
    articles = sorted(corpus.rglob("*.txt"))
    fired: Counter = Counter()
    examples: dict = defaultdict(list)
    for path in articles:
        report = check(readers.load(path), prepared)
        keys = {(f.code, f.severity.value) for f in report.findings}
        fired.update(keys)
        fired.update({("any check", severity) for _, severity in keys})
        for finding in report.findings:
            examples[(finding.code, finding.severity.value)].append(
                (str(path.relative_to(corpus)), finding.message, [loc.text for loc in finding.locations])
            )
    return len(articles), fired, examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=0, help="print up to N example findings per check")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}: nothing to measure", file=sys.stderr)
        return 2
    total, fired, examples = measure(args.corpus)
    print(f"{total} articles in {args.corpus}")
    print(f"{'check':9} {'severity':9} {'articles':>8} {'per 100':>8}")
    for (code, severity), count in sorted(fired.items()):
        print(f"{code:9} {severity:9} {count:8d} {100 * count / total:8.2f}")
    if not fired:
        print("no findings")
    for key, items in sorted(examples.items()):
        if key[0] == "any check":
            continue
        for path, message, quotes in items[: args.show]:
            print(f"\n{key[0]} {path}: {message}")
            for quote in quotes:
                print(f"    “{quote}”")
    if args.json:
        figures = {f"{code} {severity}": count for (code, severity), count in fired.items()}
        args.json.write_text(json.dumps({"articles": total, "fired": figures}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
