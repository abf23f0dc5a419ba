"""False alarms on real, edited news (../shared/corpus): every finding there is a false alarm.

The limits are the project's promises: CC101 on at most 1 article in 100; across all
checks, error-level findings on at most 2 articles in 100 and warning-level on at most 5.
"""

from __future__ import annotations

from collections import Counter

from checker import readers
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules

from conftest import shared_dir


def test_false_alarms_are_rare_on_real_news():
    corpus = shared_dir("corpus")
    articles = sorted(corpus.rglob("*.txt"))
    assert len(articles) > 100
    prepared = Prepared.of(load_rules())
    fired: Counter = Counter()
    for path in articles:
        report = check(readers.load(path), prepared)
        fired.update({f.code for f in report.findings})
        fired.update({f"any {f.severity.value}" for f in report.findings})
    total = len(articles)
    assert fired["CC101"] * 100 <= total, fired
    assert fired["any error"] * 100 <= 2 * total, fired
    assert fired["any warning"] * 100 <= 5 * total, fired
    assert fired["CC001"] == 0  # no rule file, no expected facts
