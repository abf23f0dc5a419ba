"""The project's benchmark: start-up, one article, and throughput over the corpus.

    python bench/bench.py [--repeat N] [--json FILE]

Figures are medians of N runs measured in this one run, and start-up is also given
as a ratio to a bare `python -c pass`, so runs on different machines compare.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "istanbul-talks" / "article.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def _median_seconds(command: list[str], repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _throughput() -> tuple[int, float] | None:
    if not CORPUS.is_dir():
        return None
    sys.path.insert(0, str(ROOT))
    from checker import readers
    from checker.pipeline import Prepared, check
    from checker.rulelang.load import load_rules

    prepared = Prepared.of(load_rules())
    paths = sorted(CORPUS.rglob("*.txt"))
    start = time.perf_counter()
    for path in paths:
        check(readers.load(path), prepared)
    return len(paths), time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures as JSON too")
    args = parser.parse_args()

    python = sys.executable
    bare = _median_seconds([python, "-c", "pass"], args.repeat)
    version = _median_seconds([python, "-m", "checker", "--version"], args.repeat)
    seed = _median_seconds([python, "-m", "checker", "audit", str(SEED), "--fail-on", "never"], args.repeat)
    figures = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "bare_python_s": round(bare, 4),
        "version_s": round(version, 4),
        "version_ratio": round(version / bare, 2),
        "seed_audit_s": round(seed, 4),
        "seed_audit_ratio": round(seed / bare, 2),
    }
    measured = _throughput()
    if measured:
        count, seconds = measured
        figures["corpus_articles"] = count
        figures["corpus_articles_per_s"] = round(count / seconds, 1)

    print(f"machine: {figures['machine']}")
    print(f"{'measure':32} {'seconds':>9} {'x bare python':>14}")
    print(f"{'python -c pass':32} {bare:9.4f} {1:14.2f}")
    print(f"{'claim-checker --version':32} {version:9.4f} {version / bare:14.2f}")
    print(f"{'audit of the seed article':32} {seed:9.4f} {seed / bare:14.2f}")
    if measured:
        print(f"corpus: {count} articles, {figures['corpus_articles_per_s']} articles/s on one core")
    else:
        print(f"corpus: {CORPUS} is absent, throughput not measured")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
