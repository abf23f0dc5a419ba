"""The editors' page of `claim-checker serve` in a real headless Chromium, driven as a person
would use it: type a story with a tension, see both sides marked and linked, follow the links
by keyboard, and look at the screenshots kept under test-artifacts/ (wide and narrow)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()),
    reason="Chromium and its driver are not installed (Debian packages 'chromium' and 'chromium-driver'): "
    "the editors' page is not checked in a real browser here",
)
pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
pytest.importorskip("uvicorn", reason="the serve extra is not installed (pip install '.[serve]')")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from conftest import ROOT  # noqa: E402
from serve_helpers import Server  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"
STORY = (
    "Talks resume in Istanbul\n\n"
    "The third round of talks between the two delegations has officially concluded, officials said on Thursday. "
    "Both sides exchanged 250 prisoners.\n\n"
    "Negotiators are now preparing for the third round, which diplomats expect in August."
)
RULES = 'event "third round" {\n  status concluded\n}\n'
WAIT = 60

# Each marked piece of the checked story: its locations, text, and whether it is drawn.
MARKS = """
return [...document.querySelectorAll('#checked a.hl')].map((mark) => {
  const box = mark.getBoundingClientRect();
  return {locs: mark.dataset.loc.split(' '), text: mark.textContent, href: mark.getAttribute('href'),
          drawn: box.width > 0 && box.height > 0 && getComputedStyle(mark).backgroundColor !== 'rgba(0, 0, 0, 0)'};
});
"""

# Every element that reaches past the window's right edge.
WIDER_THAN_THE_WINDOW = """
const edge = document.documentElement.clientWidth + 1;
return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > edge)
  .map((e) => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server("--no-config", cwd=tmp_path_factory.mktemp("page"))
    yield running
    running.stop()


@pytest.fixture
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _marked(driver, location: str) -> str:
    pieces = [m for m in driver.execute_script(MARKS) if location in m["locs"]]
    assert pieces and all(m["drawn"] for m in pieces), f"{location} is not marked"
    return "".join(m["text"] for m in pieces)


def test_typing_a_story_marks_both_sides_of_its_tension(server, browser):
    browser.get(server.base + "/")
    story = browser.find_element(By.ID, "story")
    story.send_keys(STORY)  # typed key by key: the page checks by itself once typing pauses
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#findings li.finding"))

    status, report = server.post("/v1/audit", {"text": STORY})
    assert status == 200
    [finding] = report["documents"][0]["findings"]
    assert finding["code"] == "CC101" and len(finding["locations"]) == 2
    for j, location in enumerate(finding["locations"]):
        assert _marked(browser, f"l0-{j}") == location["text"]  # both sides, exactly the report's words
    assert browser.find_element(By.ID, "checked").text == STORY
    assert [m["href"] for m in browser.execute_script(MARKS)] == ["#f0", "#f0"]
    counts = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#counts li")]
    summary = report["summary"]
    assert counts == [f"{summary[s]} {s}{'' if summary[s] == 1 else 's'}" for s in ("error", "warning", "note")]
    assert summary[finding["severity"]] == 1
    item = browser.find_element(By.ID, "f0")
    assert "CC101" in item.text and finding["message"] in item.text

    # From the finding to its other side, and from a mark back to the finding, by keyboard.
    side = item.find_element(By.CSS_SELECTOR, "a[href='#l0-1']")
    side.send_keys(Keys.ENTER)
    assert "l0-1" in browser.switch_to.active_element.get_attribute("data-loc")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "f0"
    # "edit" selects the side's words in the story itself.
    item.find_elements(By.CSS_SELECTOR, ".sides button")[1].click()
    selected = browser.execute_script(
        "const s = document.getElementById('story'); return s.value.slice(s.selectionStart, s.selectionEnd);"
    )
    assert selected == finding["locations"][1]["text"]

    # Rules for the story: the facts table fills in.
    browser.find_element(By.CSS_SELECTOR, "#rules-box summary").click()
    browser.find_element(By.ID, "rules").send_keys(RULES)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#facts tbody tr"))
    status, with_rules = server.post("/v1/audit", {"text": STORY, "rules": [RULES]})
    [fact] = with_rules["documents"][0]["facts"]
    cells = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr td")]
    assert cells[:2] == [fact["verdict"], f"{fact['subject']}: {fact['kind']} {fact['expected']}\nrule: rules[0]:2:10"]
    assert fact["origin"] == "rules[0]:2:10"

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve-page.png"
    browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    # Narrow: one column, nothing wider than the window.
    browser.set_window_size(420, 1400)
    browser.save_screenshot(str(ARTIFACTS / "serve-page-narrow.png"))
    wide = browser.execute_script(WIDER_THAN_THE_WINDOW)
    assert wide == []

    # Re-checked as the editor types: the tension edited away, the findings go.
    story.send_keys(Keys.CONTROL, "a")
    story.send_keys("The third round of talks has officially concluded. Delegates went home.")
    WebDriverWait(browser, WAIT).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#findings li.finding"))
    assert browser.find_element(By.ID, "no-findings").is_displayed()
    assert browser.execute_script(MARKS) == []


def test_a_bad_rule_is_shown_with_its_place(server, browser):
    browser.get(server.base + "/")
    browser.find_element(By.CSS_SELECTOR, "#rules-box summary").click()
    browser.find_element(By.ID, "rules").send_keys('event "third round" { status finishd }')
    story = browser.find_element(By.ID, "story")
    story.send_keys("The talks resumed.")
    story.send_keys(Keys.CONTROL, Keys.ENTER)  # checked at once
    problem = browser.find_element(By.ID, "problem")
    WebDriverWait(browser, WAIT).until(lambda d: problem.is_displayed())
    assert "rules[0]:1:30: expected a status" in problem.text and "'finishd'" in problem.text
    assert browser.find_element(By.ID, "status").text == "Not checked."
