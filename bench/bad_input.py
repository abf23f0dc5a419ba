"""Time and peak memory of every row of the bad-input table, each in its own process.

    python bench/bad_input.py [--big] [--rows SUBSTRING] [--json FILE]

The rows are tests/bad_inputs.py's (the test suite asserts their exit codes and messages),
plus two that check large articles for real: 5 MB of news-like text (--max-size 6MB) and,
with --big, 50 MB (--max-size 60MB; several minutes). Each row runs `python -m checker` in a
fresh process with the rule cache off; its wall time and peak resident memory (the child's
own, from wait4) are printed with the input's size.

Bounds, proportional to size: a row must finish within 5 s + 15 s per MB of input + 3 ms per
input file (10,000 rule files each cost a read, a hash and a parse), and peak below 120 MB +
100 MB per MB of input. They are loose on purpose: they catch work that grows with the
square of the input (orders of magnitude over), not the noise of a busy machine. The script
exits 1 when a row breaks its bound or gives an exit code other than the table's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bad_inputs import ROWS, Row, _sized  # noqa: E402

SECONDS, SECONDS_PER_MB, SECONDS_PER_FILE = 5.0, 15.0, 0.003
MEMORY_MB, MEMORY_PER_MB = 120.0, 100.0


def _checked(name: str, size: int, limit: str) -> Row:
    sized = _sized(name, size)

    def build(folder: Path) -> list[str]:
        return [*sized(folder), "--max-size", limit]

    return Row(f"{size / 1e6:.0f} MB article, checked (--max-size {limit})", build, 1, "", size)


def run(row: Row, folder: Path) -> dict:
    arguments = row.build(folder)
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = row.size or sum(p.stat().st_size for p in files)
    environment = {**os.environ, "CLAIM_CHECKER_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "checker", *arguments, "--format", "json", "--output", os.devnull]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    megabytes = size / 1e6
    return {
        "row": row.name,
        "bytes": size,
        "files": len(files),
        "exit": code,
        "expected_exit": row.code,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb, 1),
        "within_bounds": seconds <= SECONDS + SECONDS_PER_MB * megabytes + SECONDS_PER_FILE * len(files)
        and peak_mb <= MEMORY_MB + MEMORY_PER_MB * megabytes
        and code == row.code,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also check a 50 MB article for real (minutes)")
    parser.add_argument("--rows", help="only rows whose name contains this")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args()
    rows = [*ROWS, _checked("five-checked.txt", 5 * 10**6, "6MB")]
    if args.big:
        rows.append(_checked("fifty-checked.txt", 50 * 10**6, "60MB"))
    if args.rows:
        rows = [row for row in rows if args.rows in row.name]
    results = []
    print(f"{'row':<62} {'bytes':>12} {'exit':>5} {'seconds':>8} {'peak MB':>8}  bound")
    for row in rows:
        with tempfile.TemporaryDirectory() as folder:
            if row.skip and (reason := row.skip(Path(folder))):
                print(f"{row.name:<62} skipped: {reason}")
                continue
            result = run(row, Path(folder))
        results.append(result)
        verdict = "ok" if result["within_bounds"] else "OVER (or wrong exit code)"
        print(
            f"{row.name[:62]:<62} {result['bytes']:>12,} {result['exit']:>5} "
            f"{result['seconds']:>8.2f} {result['peak_mb']:>8.1f}  {verdict}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(r["within_bounds"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
