"""The project's benchmark: start-up, one article, throughput and memory over the corpus, and a peer.

    python bench/bench.py [--repeat N] [--articles N] [--every N] [--jobs N] [--parts LIST] [--json FILE]

Everything is measured in this one run, on this machine. Start-up is the fastest of N
interleaved runs (the median is kept too), also given as a ratio to a bare `python -c pass`
so runs on different machines compare. Throughput streams ../shared/corpus (and that corpus cycled to
--articles documents, read in place, never copied) through `checker.api.audit_each`,
each measurement in a fresh process that reports its own peak memory and processor time;
the long run also samples its resident memory every --every articles, to show whether it
grows once the first pass over the corpus has warmed the caches. The peer row runs
proselint (`pip install proselint`) over the same corpus in the same way. --parts picks
what to measure (default: all of startup, corpus, memory, parallel, peer).
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
PARTS = ("startup", "corpus", "memory", "parallel", "peer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs per start-up figure")
    parser.add_argument("--articles", type=int, default=10_000, help="documents in the long streaming run")
    parser.add_argument("--every", type=int, default=1000, help="articles between memory samples in the long run")
    parser.add_argument("--jobs", type=int, default=_cores(), help="processes for the parallel run")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"what to measure, of {','.join(PARTS)}")
    parser.add_argument("--json", type=Path, help="write the figures as JSON too")
    parser.add_argument("--worker", choices=("checker", "proselint"), help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args.worker, args.limit, args.jobs, args.every)
    parts = set(args.parts.split(",")) if args.parts else set()
    if not parts <= set(PARTS):
        parser.error(f"--parts: expected some of {','.join(PARTS)}, found {args.parts!r}")

    # Timed runs must not pay for compiling our sources (PYTHONDONTWRITEBYTECODE may be set);
    # an installed package has its bytecode written by pip.
    compileall.compile_dir(str(ROOT / "checker"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="claim-checker-bench-") as cache:
        figures = {"machine": _machine(), "measured": dt.datetime.now().isoformat(timespec="seconds")}
        if "startup" in parts:
            figures["startup"] = _startup(args.repeat, cache)
        figures["throughput"] = _throughput(args.articles, args.jobs, args.every, parts)
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


def _throughput(articles: int, jobs: int, every: int, parts: set[str]) -> dict:
    count = len(_corpus())
    if not count:
        return {"skipped": f"{CORPUS} is absent or holds no articles"}
    runs = {
        "corpus": ("checker", count, 1, "corpus"),
        "repeated": ("checker", articles, 1, "memory"),
        "repeated_parallel": ("checker", articles, jobs, "parallel"),
        "proselint": ("proselint", count, 1, "peer"),
    }
    return {name: _run_worker(kind, limit, n, every) for name, (kind, limit, n, part) in runs.items() if part in parts}


def _run_worker(kind: str, limit: int, jobs: int, every: int) -> dict:
    command = [sys.executable, __file__, "--worker", kind, "--limit", str(limit), "--jobs", str(jobs)]
    command += ["--every", str(every)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"skipped": reason}
    return json.loads(done.stdout)


def _corpus() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []


def _worker(kind: str, limit: int, jobs: int, every: int) -> int:
    """One measurement in this fresh process: documents streamed from the corpus, cycled to `limit`;
    the resident memory is sampled every `every` reports of a run longer than the corpus."""
    paths = _corpus()
    samples: list[tuple[int, float]] = []
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
            for done, report in enumerate(audit_each(documents, rules=ruleset, jobs=jobs), 1):
                findings += len(report.findings)
                if limit > len(paths) and done % every == 0:
                    samples.append((done, round(_rss_mb(), 1)))
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
    if samples:
        figures["rss_mb_every"] = samples  # a list: shown, never compared (bench/compare)
        figures.update(_growth(samples, len(paths)))
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


def _growth(samples: list[tuple[int, float]], warm_up: int) -> dict:
    """Memory after the first pass over the corpus (the caches of words, lemmas and matchers
    are full by then), at the end, and the trend between: the least-squares slope in MB per
    1,000 articles. Flat memory has a slope near zero, whatever the noise of the collector."""
    after = [(n, mb) for n, mb in samples if n >= warm_up] or samples
    figures = {"rss_after_warm_up_mb": after[0][1], "rss_end_mb": after[-1][1]}
    if len(after) >= 2:
        mean_n = sum(n for n, _ in after) / len(after)
        mean_mb = sum(mb for _, mb in after) / len(after)
        spread = sum((n - mean_n) ** 2 for n, _ in after)
        slope = sum((n - mean_n) * (mb - mean_mb) for n, mb in after) / spread
        figures["rss_growth_mb_per_1000"] = round(1000 * slope, 2)
    return figures


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
    if "startup" in figures:
        _print_startup(figures["startup"])
    _print_throughput(figures["throughput"])


def _print_startup(startup: dict) -> None:
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
    seconds = startup["seconds"]
    if "proselint_seed" in seconds:
        print(
            f"one cold article: {seconds['seed_audit'] / seconds['proselint_seed']:.1f}x proselint's time "
            "(target <= 10)"
        )


def _print_throughput(throughput: dict) -> None:
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
    peer, ours = throughput.get("proselint", {}), throughput.get("corpus", {})
    if "articles_per_s" in peer and "articles_per_s" in ours:
        print(
            f"\none core, the corpus: {ours['seconds'] / peer['seconds']:.1f}x proselint's time "
            f"({ours['cpu_seconds'] / peer['cpu_seconds']:.1f}x its processor time; target <= 2)"
        )
    long = throughput.get("repeated", {})
    if "rss_mb_every" in long:
        shown = ", ".join(f"{n:,}: {mb:.0f}" for n, mb in long["rss_mb_every"])
        print(f"\nresident memory (MB) after N articles, one process: {shown}")
        print(
            f"after the first pass over the corpus {long['rss_after_warm_up_mb']:.0f} MB, at the end "
            f"{long['rss_end_mb']:.0f} MB; trend {long.get('rss_growth_mb_per_1000', 0):+.2f} MB per 1,000 articles "
            "(target: flat)"
        )


if __name__ == "__main__":
    sys.exit(main())
