"""The project's benchmark: start-up, one article, throughput and memory over the corpus, and a peer.

    python bench/bench.py [--repeat N] [--articles N] [--json FILE]

Everything is measured in this one run, on this machine. Start-up is the fastest of N
interleaved runs (the median is kept too), also given as a ratio to a bare `python -c pass`
so runs on different machines compare. Throughput streams ../shared/corpus (and that corpus cycled to
--articles documents, read in place, never copied) through `checker.api.audit_each`,
each measurement in a fresh process that reports its own peak memory. The peer row
runs proselint (`pip install proselint`) over the same corpus in the same way.
Compare two JSON results with `bench/compare OLD.json NEW.json`.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "istanbul-talks" / "article.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs per start-up figure")
    parser.add_argument("--articles", type=int, default=10_000, help="documents in the long streaming run")
    parser.add_argument("--jobs", type=int, default=_cores(), help="processes for the parallel run")
    parser.add_argument("--json", type=Path, help="write the figures as JSON too")
    parser.add_argument("--worker", choices=("checker", "proselint"), help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args.worker, args.limit, args.jobs)

    # Timed runs must not pay for compiling our sources (PYTHONDONTWRITEBYTECODE may be set);
    # an installed package has its bytecode written by pip.
    compileall.compile_dir(str(ROOT / "checker"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="claim-checker-bench-") as cache:
        figures = {"machine": _machine(), "measured": dt.datetime.now().isoformat(timespec="seconds")}
        figures["startup"] = _startup(args.repeat, cache)
        figures["throughput"] = _throughput(args.articles, args.jobs)
    _print(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten to {args.json}")
    return 0


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _machine() -> dict:
    return {
        "cpu": _cpu_name(),
        "arch": platform.machine(),
        "cores": _cores(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_average": round(os.getloadavg()[0], 2),  # other work on the machine skews every figure
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


# --- start-up ---------------------------------------------------------------------------


def _startup(repeat: int, cache: str) -> dict:
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIM_CHECKER_CACHE_DIR": cache}
    env.pop("CLAIM_CHECKER_NO_CACHE", None)
    audit = ["audit", str(SEED), "--fail-on", "never"]
    script = shutil.which("claim-checker", path=str(Path(python).parent))
    peer = shutil.which("proselint", path=str(Path(python).parent)) or shutil.which("proselint")
    commands = {
        "bare": [python, "-c", "pass"],
        "version_module": [python, "-m", "checker", "--version"],
        "version_script": [script, "--version"] if script else None,
        "seed_audit": [python, "-m", "checker", *audit],
        "seed_audit_script": [script, *audit] if script else None,
        "seed_audit_no_cache": [python, "-m", "checker", *audit, "--no-cache"],
        # the peer on the same file, from a cold process too: the ratio the target names
        "proselint_seed": [peer, "check", str(SEED)] if peer else None,
    }
    subprocess.run(commands["seed_audit"], env=env, stdout=subprocess.DEVNULL, check=True)  # fills the rule cache
    # Interleaved rounds, so a burst of other work on the machine hits every command alike.
    times: dict[str, list[float]] = {name: [] for name, command in commands.items() if command}
    for _ in range(repeat):
        for name in times:
            times[name].append(_seconds(commands[name], env))
    # The fastest run is the least disturbed by other work (as timeit advises); the median is kept too.
    best = {name: min(values) for name, values in times.items()}
    return {
        "repeat": repeat,
        "console_script": script,
        "seconds": {name: round(value, 4) for name, value in best.items()},
        "ratio": {name: round(value / best["bare"], 2) for name, value in best.items()},
        "median_seconds": {name: round(statistics.median(values), 4) for name, values in times.items()},
    }


def _seconds(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


# --- throughput and memory ----------------------------------------------------------------


def _throughput(articles: int, jobs: int) -> dict:
    count = len(_corpus())
    if not count:
        return {"skipped": f"{CORPUS} is absent or holds no articles"}
    runs = {
        "corpus": ("checker", count, 1),
        "repeated": ("checker", articles, 1),
        "repeated_parallel": ("checker", articles, jobs),
        "proselint": ("proselint", count, 1),
    }
    return {name: _run_worker(*run) for name, run in runs.items()}


def _run_worker(kind: str, limit: int, jobs: int) -> dict:
    command = [sys.executable, __file__, "--worker", kind, "--limit", str(limit), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"skipped": reason}
    return json.loads(done.stdout)


def _corpus() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []


def _worker(kind: str, limit: int, jobs: int) -> int:
    """One measurement in this fresh process: documents streamed from the corpus, cycled to `limit`."""
    paths = _corpus()
    stream = itertools.islice(itertools.cycle(paths), limit)
    if kind == "proselint":
        run = _proselint_runner()
        if run is None:
            print("proselint is not installed here (pip install proselint)", file=sys.stderr)
            return 1
    else:
        from checker import analysis
        from checker.api import audit_each
        from checker.rulelang.load import load_rules

        ruleset = load_rules(cache=False)  # loaded before the clock starts, as proselint's checks are
        analysis.load()  # and the language pipeline: a cold start is measured apart (start-up)

        def run(documents):
            findings = 0
            for report in audit_each(documents, rules=ruleset, jobs=jobs):
                findings += len(report.findings)
            return findings

    before = _rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    findings = run(stream)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu  # beside the wall clock: other work on the machine
    figures = {
        "articles": limit,
        "jobs": jobs,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "articles_per_s": round(limit / seconds, 1),
        "findings": findings,
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if jobs > 1:
        figures["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    print(json.dumps(figures))
    return 0


def _proselint_runner():
    try:
        from proselint.checks import __register__
        from proselint.config import load_from
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    config = load_from(None)

    def run(documents):
        return sum(len(LintFile(path).lint(config)) for path in documents)

    return run


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# --- report -------------------------------------------------------------------------------


def _print(figures: dict) -> None:
    machine = figures["machine"]
    print(
        f"machine: {machine['cpu']} ({machine['arch']}), {machine['cores']} cores, {machine['memory_gb']} GB, "
        f"Python {machine['python']}, {machine['system']}, load average {machine['load_average']} at the start"
    )
    startup = figures["startup"]
    labels = {
        "bare": "python -c pass",
        "version_module": "python -m checker --version",
        "version_script": "claim-checker --version",
        "seed_audit": "audit of the seed article",
        "seed_audit_script": "  the same, console script",
        "seed_audit_no_cache": "  the same, --no-cache",
        "proselint_seed": "proselint check, the seed (peer)",
    }
    # An audit loads the language pipeline: it is judged beside the peer (below), not a bare interpreter.
    target = {"version_module": 2.5, "version_script": 2.5}
    title = f"start-up (best of {startup['repeat']})"
    print(f"\n{title:36} {'seconds':>9} {'x bare':>8} {'target':>8} {'median':>9}")
    for name, seconds in startup["seconds"].items():
        aim = f"<= {target[name]}" if name in target else ""
        median = startup["median_seconds"][name]
        print(f"{labels[name]:36} {seconds:9.4f} {startup['ratio'][name]:8.2f} {aim:>8} {median:9.4f}")
    throughput = figures["throughput"]
    seconds = startup["seconds"]
    if "proselint_seed" in seconds:
        print(
            f"one cold article: {seconds['seed_audit'] / seconds['proselint_seed']:.1f}x proselint's time "
            "(target <= 10)"
        )
    print(
        f"\n{'throughput (streamed)':36} {'articles':>9} {'jobs':>5} {'art/s':>8} {'cpu s':>8} {'start MB':>9} "
        f"{'peak MB':>8}"
    )
    if "skipped" in throughput:
        print(f"  skipped: {throughput['skipped']}")
        return
    labels = {
        "corpus": "claim-checker, corpus",
        "repeated": "claim-checker, corpus repeated",
        "repeated_parallel": "claim-checker, repeated, parallel",
        "proselint": "proselint (peer), corpus",
    }
    for name, run in throughput.items():
        if "skipped" in run:
            print(f"{labels[name]:36} skipped: {run['skipped']}")
            continue
        print(
            f"{labels[name]:36} {run['articles']:9} {run['jobs']:5} {run['articles_per_s']:8.1f} "
            f"{run.get('cpu_seconds', 0):8.1f} {run['rss_before_mb']:9.1f} {run['peak_rss_mb']:8.1f}"
        )
    peer, ours = throughput.get("proselint", {}), throughput["corpus"]
    if "articles_per_s" in peer:
        print(
            f"\none core, the corpus: {ours['seconds'] / peer['seconds']:.1f}x proselint's time "
            f"({ours['cpu_seconds'] / peer['cpu_seconds']:.1f}x its processor time; target <= 2)"
        )


if __name__ == "__main__":
    sys.exit(main())
