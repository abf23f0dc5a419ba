"""A warm check of a 1,000-word story by `serve` (and by the Session `lsp` keeps) against a
cold command-line run of the same story, in one run, as ratios.

    python bench/serve.py [--repeat N] [--json FILE]

The story is the corpus article (../shared/corpus/bbc) closest to 1,000 words, else the seed
fixture repeated to 1,000 words. Measured, on wall-clock time:

- `claim-checker audit STORY --format json` in a fresh process, rule cache filled (what a CMS
  hook pays per save today), and with --no-cache;
- `serve`: start-up until /healthz answers, its first request, and the median of N warm
  POST /v1/audit requests over loopback;
- the Session in-process (what `lsp` does on each edit): median of N warm checks.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
WORDS = 1000


def story() -> tuple[str, str]:
    """(where it comes from, its text)."""
    articles = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if articles:
        best = min(articles, key=lambda p: abs(len(p.read_text(encoding="utf-8").split()) - WORDS))
        return str(best.relative_to(CORPUS.parent)), best.read_text(encoding="utf-8")
    seed = (ROOT / "fixtures/istanbul-talks/article.txt").read_text(encoding="utf-8")
    words = (seed.split() * (WORDS // len(seed.split()) + 1))[:WORDS]
    return "the seed fixture, repeated", " ".join(words) + "\n"


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def cli_run(path: Path, *flags: str) -> float:
    command = [sys.executable, "-m", "checker", "audit", str(path), "--format", "json", "--no-config", *flags]
    seconds, done = timed(lambda: subprocess.run(command, capture_output=True, check=False))
    assert done.returncode in (0, 1), done.stderr.decode()
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post(base: str, text: str) -> bytes:
    body = json.dumps({"text": text}).encode()
    request = urllib.request.Request(base + "/v1/audit", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def serve_figures(text: str, repeat: int, folder: Path) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "checker", "serve", "--port", str(port), "--no-config"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                    if json.loads(response.read())["workers"] > 0:
                        break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit("serve exited before it answered") from None
                time.sleep(0.05)
        started = time.perf_counter() - start
        first, _ = timed(lambda: post(base, text))
        warm = [timed(lambda: post(base, text))[0] for _ in range(repeat)]
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {"start_up": started, "first": first, "warm": statistics.median(warm)}


def session_figure(text: str, repeat: int) -> float:
    from checker.session import Session
    from checker.settings import Settings

    session = Session(Settings())
    session.check(text)
    return statistics.median(timed(lambda: session.check(text))[0] for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="warm requests, of which the median is shown")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    source, text = story()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.txt"
        path.write_text(text, encoding="utf-8")
        cli_run(path)  # fills the rule cache, as any earlier run on this machine would have
        figures = {
            "story": source,
            "words": len(text.split()),
            "cli": cli_run(path),
            "cli_no_cache": cli_run(path, "--no-cache"),
            **{f"serve_{k}": v for k, v in serve_figures(text, args.repeat, Path(folder)).items()},
            "session_warm": session_figure(text, args.repeat),
        }
    cpu = os.cpu_count()
    print(f"story: {figures['story']} ({figures['words']} words); {cpu} cores, Python {sys.version.split()[0]}")
    rows = [
        ("audit, fresh process, rule cache filled", figures["cli"]),
        ("audit, fresh process, --no-cache", figures["cli_no_cache"]),
        ("serve: start-up until /healthz answers", figures["serve_start_up"]),
        ("serve: first POST /v1/audit", figures["serve_first"]),
        (f"serve: warm POST /v1/audit (median of {args.repeat})", figures["serve_warm"]),
        (f"Session.check in-process, as lsp (median of {args.repeat})", figures["session_warm"]),
    ]
    print("| measure | seconds | cold CLI run / this |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {figures['cli'] / seconds:.1f}x |")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
