"""check(document, rules) -> DocumentReport: the whole analysis of one document, no I/O."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from checker import analysis, suppress
from checker.analysis import Analyzer
from checker.budget import OverBudget, budget
from checker.detectors import Context, all_detectors
from checker.extract import extract
from checker.extract.vocab import CompiledVocabulary
from checker.guard import internal_error, internal_errors, run_check
from checker.model import Document, DocumentReport
from checker.relocate import to_source
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet
from checker.segment import sentences


@dataclass(frozen=True, slots=True)
class Prepared:
    """A rule set with its vocabularies compiled: build once, check many documents."""

    ruleset: RuleSet
    vocab: CompiledVocabulary

    @classmethod
    def of(cls, ruleset: RuleSet) -> Prepared:
        return cls(ruleset, CompiledVocabulary.build(ruleset))


def load_prepared(
    paths: Sequence[str | os.PathLike] = (), *, defaults: bool = True, cache: bool | None = None
) -> Prepared:
    """The rule files' rule set (from the rule cache when it was built before) with its
    vocabularies compiled."""
    return Prepared.of(load_rules(paths, defaults=defaults, cache=cache))


def reference_date(document: Document, ruleset: RuleSet, as_of: dt.date | None) -> dt.date | None:
    """The date the article is read at: the caller's, else the rule files', else its own."""
    return as_of or ruleset.as_of or document.as_of


def check(
    document: Document, prepared: Prepared, as_of: dt.date | None = None, analyzer: Analyzer | None = None
) -> DocumentReport:
    """Analyse the prose; every span of the returned report points at the document's source text.
    `analyzer` is the language pipeline (checker.analysis.load(), the default one, when None).

    Never raises for a bug in the analysis: the report then holds a CC900 internal-error
    finding instead (see checker.guard), so the other documents of a run are still checked.
    A missing language pipeline is the user's to fix, and raises checker.analysis.ModelError.
    """
    day = reference_date(document, prepared.ruleset, as_of)
    analyzer = analyzer or analysis.load()
    try:
        with budget(len(document.text)):
            return _check(document, prepared, day, analyzer)
    except OverBudget as over:  # a pathological document: its findings are missing, the run goes on
        failure = internal_error(document, "the checks", str(over), bug=False)
    except Exception as error:  # one document's bug must not end the run
        failure = internal_error(document, "the analysis", error)
    return DocumentReport(document=document, as_of=day, findings=(failure,))


def _verified(document: Document, claims, vocab: CompiledVocabulary, day: dt.date | None, analyzer: Analyzer) -> tuple:
    """The rule files' expected facts, verified; most rule sets (the bundled ones) state none."""
    if not vocab.ruleset.has_facts:
        return ()
    from checker.rulelang.verify import verify

    return verify(document, claims, vocab, day, _remembered(analyzer.lemmas))


def _remembered(lemmas: Callable[[Sequence[str]], list[tuple[str, ...]]]):
    """The lemmatizer, each text read once per document: every fact asks about the same sentences."""
    seen: dict[str, tuple[str, ...]] = {}

    def lemmatize(texts: Sequence[str]) -> list[tuple[str, ...]]:
        missing = [text for text in dict.fromkeys(texts) if text not in seen]
        if missing:
            seen.update(zip(missing, lemmas(missing), strict=True))
        return [seen[text] for text in texts]

    return lemmatize


def _check(document: Document, prepared: Prepared, day: dt.date | None, analyzer: Analyzer) -> DocumentReport:
    vocab = prepared.vocab
    directives = suppress.scan(document.text)
    read = suppress.blank(document, directives)  # directives are not prose
    claims = extract(read, sentences(read.prose, vocab.abbreviations), vocab, analyzer, day)
    facts = _verified(read, claims, vocab, day, analyzer)
    context = Context(document=read, claims=claims, vocab=vocab, as_of=day, facts=facts)
    findings = [finding for detector in all_detectors() for finding in run_check(detector, context)]
    failures = internal_errors(findings)  # never suppressed
    kept, notes = suppress.apply(document, directives, [f for f in findings if f not in failures])
    report = to_source(DocumentReport(document=document, as_of=day, findings=tuple(kept), facts=facts, claims=claims))
    findings = sorted((*report.findings, *notes, *failures), key=lambda f: (f.primary.span.start, f.code))
    return replace(report, findings=tuple(findings))  # notes and failures are in source offsets
