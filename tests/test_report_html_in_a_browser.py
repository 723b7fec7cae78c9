"""The published HTML report in a real browser: headless Chromium (Debian's chromium and chromium-driver)
opens the folder from a file:// URL, fetches nothing from the network, goes from the tree to a record
and back, and shows each responder's status in its colour. A screenshot of the coverage is kept in
tests/artifacts/report/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from khth.cli.report import main

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install 'khth[test]' (selenium)")
from selenium.webdriver.common.by import By  # noqa: E402 - only once selenium is known to be there

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts" / "report"
DIRECTIVE = "28-CT/TW@2023-12-25"
# The colour each status is painted in (the report's style sheet), as the browser computes it.
COLOURS = {"answered": "rgba(216, 240, 216, 1)", "not-yet": "rgba(244, 244, 244, 1)",
           "overdue": "rgba(248, 208, 208, 1)"}

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs a headless Chromium: apt-get install chromium chromium-driver (Debian packages)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("published") / "bao-cao"
    result = CliRunner().invoke(main, ["publish", "--root", DIRECTIVE, str(EXAMPLES), "-o", str(folder),
                                       "--today", "2026-01-01", "--due", "2024-06-30", "--lang", "en"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,1000", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-default-apps", "--disable-sync"):
        options.add_argument(flag)
    # Every request the pages make, as the DevTools protocol reports it
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _requests(driver) -> list[str]:
    """The addresses the pages asked for since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_from_the_tree_to_a_record_and_back_without_the_network(site, browser):
    index = (site / "index.html").as_uri()
    browser.get(index)
    _requests(browser)  # the page itself
    assert browser.title.startswith("Implementation report")
    tree = browser.find_element(By.CSS_SELECTOR, "ul.tree")
    link = next(a for a in tree.find_elements(By.TAG_NAME, "a") if a.text.startswith("192-KH/TU (2024-04-23)"))
    link.click()
    assert browser.current_url.startswith((site / "records").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "192-KH/TU"
    assert "Findings (" in browser.find_element(By.TAG_NAME, "body").text
    parent = browser.find_element(By.LINK_TEXT, "260-KH/TU (2024-03-04)")
    parent.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "260-KH/TU"
    browser.back()
    source = browser.find_element(By.LINK_TEXT, "192-KH-TU_thi-uy-duc-pho.json")
    assert source.get_attribute("href").startswith(site.as_uri() + "/files/")
    browser.find_element(By.LINK_TEXT, "⌂").click()
    assert browser.current_url == index
    browser.back()
    browser.back()  # the browser's own history returns to the tree too
    assert browser.current_url == index
    fetched = _requests(browser)
    assert fetched and all(url.startswith("file://") for url in fetched), fetched


def test_the_coverage_shows_each_status_in_its_colour(site, browser):
    browser.get((site / "index.html").as_uri())
    colours: dict[str, set[str]] = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "#coverage tbody tr"):
        colours.setdefault(row.get_attribute("class"), set()).add(row.value_of_css_property("background-color"))
    assert {status: colours.get(status) for status in COLOURS} == {s: {c} for s, c in COLOURS.items()}
    overdue = browser.find_elements(By.CSS_SELECTOR, "#coverage tr.overdue")
    assert len(overdue) == 60 and overdue[0].text.split()[-1] == "2024-06-30"
    assert all(url.startswith("file://") for url in _requests(browser))
    # a date in a narrow column stays on one line (it broke at its hyphens before it was kept whole)
    broken = browser.execute_script(
        "return [...document.querySelectorAll('#coverage time')].filter(t => t.getClientRects().length > 1)"
        ".map(t => t.textContent)")
    assert browser.find_elements(By.CSS_SELECTOR, "#coverage td time") and broken == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(height + 100, 12000))  # the whole table in one picture
    browser.find_element(By.ID, "coverage").screenshot(str(ARTIFACTS / "coverage.png"))
    assert (ARTIFACTS / "coverage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
