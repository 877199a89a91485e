"""The web page in a real headless Chromium (Debian's chromium and chromium-driver, driven by selenium):
type a query, press Enter, see the term card for МОТ and a TM match with its % and marked differences.

A screenshot of each run is saved in test-artifacts/ (gitignored), or in $TMTOOL_ARTIFACTS.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
# A sentence of ilo.ru.txt with its year and one word changed; it names МОТ.
QUERY = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="no chromium / chromedriver (apt-get install chromium chromium-driver)")


def artifacts() -> Path:
    folder = Path(os.environ.get("TMTOOL_ARTIFACTS") or REPO / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chrome(width: int, height: int, phone: bool = False) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    if phone:  # a window cannot be made as narrow as a phone; its screen is emulated instead
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}})
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--lang=en", "--no-first-run"):
        options.add_argument(flag)
    # The driver given by path: selenium never looks for (or downloads) one.
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = chrome(1200, 1000)
    yield driver
    driver.quit()


def search(browser: Any, url: str, query: str) -> None:
    browser.get(url + "/")
    box = browser.find_element(By.ID, "q")
    assert browser.switch_to.active_element == box  # the box has the focus from the start
    box.send_keys(query, Keys.ENTER)
    WebDriverWait(browser, 20).until(searched)


def searched(browser: Any) -> bool:
    """The page has shown the answers (or why there are none)."""
    return bool(browser.find_element(By.ID, "status").get_attribute("data-state") == "done")


def test_a_query_shows_the_term_card_and_a_marked_tm_match(browser: Any, live_url: str) -> None:
    search(browser, live_url, QUERY)
    term = browser.find_element(By.CSS_SELECTOR, "#terms .term")
    assert term.is_displayed()
    assert "МОТ" in term.text and "Международная организация труда" in term.text
    assert "ILO" in term.text and "International Labour Organization" in term.text
    assert "occurrences" in term.text
    assert [m.text for m in term.find_elements(By.CSS_SELECTOR, ".context mark")] == ["МОТ"]
    match = browser.find_element(By.CSS_SELECTOR, "#matches .match")
    assert match.find_element(By.CSS_SELECTOR, ".percent").text == "92%"
    assert [e.text for e in match.find_elements(By.CSS_SELECTOR, "ins")] == ["2003", "три"]
    assert [e.text for e in match.find_elements(By.CSS_SELECTOR, "del")] == ["2004", "четыре"]
    assert "In 2003, the ILO held three regional seminars" in match.text
    browser.save_screenshot(str(artifacts() / "serve.png"))


def test_the_keyboard_walks_the_results_in_reading_order(browser: Any, live_url: str) -> None:
    search(browser, live_url, "МОТ")  # a term card, then concordance hits
    box = browser.find_element(By.ID, "q")
    assert browser.switch_to.active_element == box  # searching leaves the focus in the box
    cards = browser.find_elements(By.CSS_SELECTOR, ".card")
    tops = [c.rect["y"] for c in cards]
    assert tops == sorted(tops) and len(cards) >= 5
    focused = []
    for _ in range(len(cards) + 2):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused.append(browser.switch_to.active_element)
    order = [c for c in focused if c in cards]
    assert order == cards  # Tab reaches every card, top to bottom
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.switch_to.active_element == box


def test_concordance_marks_the_word(browser: Any, live_url: str) -> None:
    search(browser, live_url, "трудящихся-мигрантов")
    marks = browser.find_elements(By.CSS_SELECTOR, "#concordance mark")
    assert marks and all(m.text.lower().startswith("трудящ") for m in marks)


def test_a_misspelt_term_offers_the_nearest_and_one_click_searches_it(browser: Any, live_url: str) -> None:
    search(browser, live_url, "ЮНИСЕВ")
    nearest = browser.find_elements(By.CSS_SELECTOR, "#suggest button")
    assert nearest[0].text == "ЮНИСЕФ"
    nearest[0].click()
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#terms .term"))
    WebDriverWait(browser, 20).until(searched)
    assert "UNICEF" in browser.find_element(By.CSS_SELECTOR, "#terms .term").text
    assert not browser.find_element(By.ID, "suggest").is_displayed()


def test_a_refused_query_says_why(browser: Any, live_url: str) -> None:
    browser.get(live_url + "/")
    # Typing 2,001 keys takes long; the box gets the text at once (past its maxlength), then Enter.
    browser.execute_script("const q = document.getElementById('q'); q.removeAttribute('maxlength');"
                           "q.value = 'а'.repeat(2001);")
    browser.find_element(By.ID, "q").send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(searched)
    assert "search takes at most 2,000" in browser.find_element(By.ID, "status").text


def test_the_page_reads_on_a_phone(live_url: str) -> None:
    phone = chrome(390, 844, phone=True)
    try:
        search(phone, live_url, QUERY)
        assert phone.execute_script("return window.innerWidth") == 390
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the screen: no sideways scrolling
        assert phone.find_element(By.CSS_SELECTOR, "#terms .term").is_displayed()
        phone.save_screenshot(str(artifacts() / "serve-phone.png"))
    finally:
        phone.quit()
