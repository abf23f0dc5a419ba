"""Where the time of a corpus run goes: the language pipeline against the rest, per component.

    python bench/breakdown.py [--articles N] [--cprofile K]

Checks N articles spread evenly over ../shared/corpus/bbc through `checker.pipeline.check`
(the rules and the pipeline loaded first, as in bench/bench.py) and prints, in processor
time: the whole run, the part spent in the language pipeline (`Analyzer.parse`), the share
of the corpus's words each sentence selection sends to it (parsed; with the entity
recogniser), and then each spaCy component's time over those same sentences, one component
after the other in the pipeline's order, the recogniser only on the sentences it runs on.
`--cprofile K` also prints the K functions with the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
BATCH = 64  # checker.analysis's batch size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles, spread over the corpus")
    parser.add_argument("--cprofile", type=int, default=0, metavar="K", help="print the K costliest functions")
    args = parser.parse_args()
    paths = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if not paths:
        print(f"{CORPUS} is absent or holds no articles", file=sys.stderr)
        return 2
    paths = paths[:: max(1, len(paths) // args.articles)][: args.articles]

    from checker import analysis, readers
    from checker.pipeline import Prepared, check
    from checker.rulelang.load import load_rules

    prepared = Prepared.of(load_rules())
    analyzer = analysis.load()
    documents = [readers.load(path) for path in paths]
    check(documents[0], prepared, analyzer=analyzer)  # first use: matchers compiled, caches filled

    sent: list[tuple[str, bool]] = []  # each parsed sentence, and whether entities were wanted
    spent = [0.0]
    parse = analyzer.parse

    def timed_parse(document, sentences, *rest, entities=None, **options):
        start = time.process_time()
        try:
            return parse(document, sentences, *rest, entities=entities, **options)
        finally:
            spent[0] += time.process_time() - start
            for s in sentences:
                sent.append((document.prose[s.span.start : s.span.end], entities is None or s.index in entities))

    analyzer.parse = timed_parse  # type: ignore[method-assign]
    profiler = cProfile.Profile() if args.cprofile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    for document in documents:
        check(document, prepared, analyzer=analyzer)
    if profiler:
        profiler.disable()
    total = time.process_time() - start
    del analyzer.parse

    words = sum(len(d.prose.split()) for d in documents)
    parsed = sum(len(text.split()) for text, _ in sent)
    recognised = sum(len(text.split()) for text, wanted in sent if wanted)
    on = " (under the profiler)" if profiler else ""
    print(f"{len(documents)} articles, {words} words: {total:.2f} s of processor time{on}")
    print(f"  language pipeline (Analyzer.parse)  {spent[0]:7.2f} s  {spent[0] / total:6.1%}")
    print(f"  everything else                     {total - spent[0]:7.2f} s  {(total - spent[0]) / total:6.1%}")
    print(f"  words parsed {parsed / words:.1%}, of them with the entity recogniser {recognised / words:.1%}")
    _components(analyzer, sent)
    if profiler:
        print()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


def _components(analyzer, sent: list[tuple[str, bool]]) -> None:
    """Each component's processor time over the run's sentences, in the pipeline's order."""
    nlp = analyzer._nlp  # the bench looks inside the analysis layer; the checker never does
    start = time.process_time()
    docs = [nlp.make_doc(text) for text, _ in sent]
    print(f"  spaCy, per component over the same sentences (batches of {BATCH}):")
    print(f"    {'tokenizer':18} {time.process_time() - start:7.2f} s")
    for name, component in nlp.pipeline:
        chosen = [doc for doc, (_, wanted) in zip(docs, sent, strict=True) if wanted or name != "ner"]
        start = time.process_time()
        for _ in component.pipe(chosen, batch_size=BATCH):
            pass
        print(f"    {name:18} {time.process_time() - start:7.2f} s")


if __name__ == "__main__":
    sys.exit(main())
