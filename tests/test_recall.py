"""What the checker finds in texts people annotated (../shared/contradictions): on the
chatprotect pairs, at least half of the date and of the numeric contradictions, with an
error or warning on at most 1 in 10 of the consistent pairs. Measured by bench/recall.py,
the same code that prints the figures in docs/claims.md."""

from __future__ import annotations

import importlib.util

from conftest import ROOT, shared_dir


def _recall_module():
    spec = importlib.util.spec_from_file_location("bench_recall", ROOT / "bench" / "recall.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chatprotect_date_and_numeric_recall_with_few_false_alarms():
    folder = shared_dir("contradictions")
    found, total, alarms, consistent, _ = _recall_module().measure(folder / "chatprotect.jsonl", show=0)
    assert total["date"] > 20 and total["numeric"] > 20
    assert found["date"] * 2 >= total["date"], (found, total)
    assert found["numeric"] * 2 >= total["numeric"], (found, total)
    assert alarms["any"] * 10 <= consistent, alarms
