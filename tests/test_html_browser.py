"""The HTML report in a real headless Chromium: the highlights sit where the spans say,
every link lands, and a screenshot is kept under test-artifacts/ for a human to look at."""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import checker
from checker.reporters import renderer

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(),
    reason="Chromium is not installed (/usr/bin/chromium; Debian package 'chromium'): the HTML report "
    "is not checked in a real browser here",
)

# Runs in the page after load: where each highlight starts in the article, in code points,
# and whether it is drawn; plus any link whose target is missing.
PROBE = """
<pre id="probe"></pre>
<script>
const result = {locations: {}, texts: {}, broken: []};
for (const section of document.querySelectorAll("section.document")) {
  const article = section.querySelector("pre.article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const offsets = new Map();
  let offset = 0, node;
  while ((node = walker.nextNode())) { offsets.set(node, offset); offset += [...node.data].length; }
  for (const mark of article.querySelectorAll("a.hl")) {
    const box = mark.getBoundingClientRect();
    const drawn = box.width > 0 && box.height > 0 && getComputedStyle(mark).backgroundColor !== "rgba(0, 0, 0, 0)";
    for (const id of mark.dataset.loc.split(" ")) {
      (result.locations[id] ||= []).push([offsets.get(mark.firstChild), [...mark.textContent].length, drawn]);
    }
  }
  result.texts[section.id] = article.textContent;
}
for (const link of document.querySelectorAll("a[href^='#']")) {
  if (!document.getElementById(link.getAttribute("href").slice(1))) result.broken.push(link.getAttribute("href"));
}
document.getElementById("probe").textContent = JSON.stringify(result);
</script>
"""

ARTICLE = "Talks 🕊️ <b>&amp;</b> resume\r\nThe 3rd round has concluded. Delegates are preparing for the third round.\n"


def _chromium(*args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def _report(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")
    return checker.audit_paths(
        [ROOT / "fixtures/istanbul-talks/article.txt", article], rules=[ROOT / "fixtures/istanbul-talks/talks.rules"]
    )


def test_highlights_sit_where_the_spans_say(tmp_path):
    report = _report(tmp_path)
    page = renderer("html")(report)
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium("--dump-dom", probe.as_uri()).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), "the probe did not run"
    result = json.loads(html.unescape(found.group(1)))
    assert result["broken"] == []
    expected = 0
    for number, document_report in enumerate(report.documents):
        assert result["texts"][f"d{number}"] == document_report.document.text
        for i, finding in enumerate(document_report.findings):
            for j, location in enumerate(finding.locations):
                pieces = result["locations"][f"d{number}-l{i}-{j}"]
                expected += 1
                assert pieces[0][0] == location.span.start
                for (start, length, _), (next_start, _, _) in itertools.pairwise(pieces):
                    assert start + length == next_start  # contiguous
                assert sum(length for _, length, _ in pieces) == location.span.end - location.span.start
                assert all(drawn for _, _, drawn in pieces)
    assert expected == len(result["locations"]) >= 5


def test_screenshot_is_saved_as_an_artifact(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(renderer("html")(_report(tmp_path)), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    shot.unlink(missing_ok=True)
    _chromium(f"--screenshot={shot}", "--window-size=1280,1800", "--hide-scrollbars", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
