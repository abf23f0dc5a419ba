"""What the checker finds in texts people annotated (../shared/contradictions), measured by
bench/recall.py, the code that prints the figures in docs/accuracy.md: on the chatprotect
pairs, at least 70 % of the date contradictions, 65 % of the numeric ones and 25 % of the
negation ones with an error or warning on at most 2 % of the consistent pairs (issue 13's
targets)."""

from __future__ import annotations

import functools
import importlib.util

from conftest import ROOT, shared_dir


def _recall_module():
    spec = importlib.util.spec_from_file_location("bench_recall", ROOT / "bench" / "recall.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _chatprotect(folder):
    return _recall_module().measure(folder / "chatprotect.jsonl", show=0)


def test_chatprotect_date_recall_with_few_false_alarms():
    found, total, alarms, consistent, _ = _chatprotect(shared_dir("contradictions"))
    assert total["date"] > 20
    assert found["date"] * 100 >= 70 * total["date"], (found, total)
    assert alarms["any"] * 100 <= 2 * consistent, alarms


def test_chatprotect_negation_recall():
    found, total, _, _, _ = _chatprotect(shared_dir("contradictions"))
    assert total["negation"] > 20
    assert found["negation"] * 100 >= 25 * total["negation"], (found, total)


def test_chatprotect_numeric_recall():
    found, total, _, _, _ = _chatprotect(shared_dir("contradictions"))
    assert total["numeric"] > 20
    assert found["numeric"] * 100 >= 65 * total["numeric"], (found, total)
