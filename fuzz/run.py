"""Run a fuzz target: `python fuzz/run.py rules|readers [--examples N] [--atheris [ATHERIS_ARGS...]]`.

By default hypothesis feeds the target structured hostile inputs (news words, markup, rule
keywords, as in tests/hostile.py) and raw bytes, N examples (default 10,000), and prints the
smallest failing input it finds. With --atheris (pip install atheris), libFuzzer's
coverage-guided engine drives the same target; the remaining arguments go to libFuzzer
(for example -max_total_time=600 corpus_dir/). Every crash found becomes a regression input
in tests/test_fuzz.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "fuzz")]

from targets import TARGETS  # noqa: E402


def with_hypothesis(name: str, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import hostile

    text = hostile.rule_text if name == "rules" else hostile.markdown | hostile.html | hostile.prose
    inputs = text.map(lambda t: t.encode("utf-8", "surrogatepass")) | st.binary(max_size=512)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(inputs)
    def run(data: bytes) -> None:
        TARGETS[name](data)

    run()
    print(f"{name}: {examples} examples, no failure")


def with_atheris(name: str, arguments: list[str]) -> None:
    import atheris

    target = TARGETS[name]
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *arguments], target)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--examples", type=int, default=10_000, help="hypothesis examples (default 10,000)")
    parser.add_argument("--atheris", action="store_true", help="drive the target with atheris (libFuzzer) instead")
    args, rest = parser.parse_known_args()
    if args.atheris:
        with_atheris(args.target, rest)
    else:
        with_hypothesis(args.target, args.examples)


if __name__ == "__main__":
    main()
