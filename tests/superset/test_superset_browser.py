"""Headless Chromium logs in, opens each dashboard, checks its charts rendered and keeps a PNG.

Screenshots go to artifacts/screenshots/<slug>.png. A last test publishes a warehouse whose
statistics carry a quote with markup in it and checks the table chart shows it as text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboards import provision
from dashboards.spec import load
from minzheng.paths import DOCUMENTS_DIR, PROJECT_ROOT, STATISTICS_DIR

# One Superset server (port 8088, dashboards/.state) serves all these tests: they run on one worker.
pytestmark = [pytest.mark.superset, pytest.mark.xdist_group("superset")]

SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without the background-networking flags Chromium keeps dialling out, and this
# machine refuses every connection that leaves it.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1600,1400",
                  "--lang=zh-CN"]
RENDER_TIMEOUT_S = 90
LOGIN_ATTEMPTS = 3
LOGIN_WAIT_S = 30
LOGIN_WINDOW_S = 41
CHART = '[data-test="chart-container"]'
LOADING = '[data-test="loading-indicator"], .loading'
ERRORS = ('[data-test="error-message"], .ant-alert-error, .alert-danger, '
          '[data-test="chart-error"]')
ERROR_TEXTS = ("Data error", "Unexpected error", "An error occurred", "No results")
DASHBOARDS = load().dashboards
CSP_RECORDER = """
window.minzhengViolations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.minzhengViolations.push(event.violatedDirective + " " + event.blockedURI));
"""


@pytest.fixture(scope="module")
def browser(superset, credentials):
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            pytest.fail(f"{path} is missing: apt-get install chromium chromium-driver")
    # Selenium must use Debian's driver and never try to download one.
    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="minzheng-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # Every page records the Content Security Policy violations it meets, from its first script.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    try:
        wait = WebDriverWait(driver, RENDER_TIMEOUT_S)
        for attempt in range(LOGIN_ATTEMPTS):
            driver.get(f"{superset}/login/")
            username = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#username"))
            username.send_keys(credentials.username)
            driver.find_element(By.CSS_SELECTOR, "#password").send_keys(credentials.password)
            driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            try:
                WebDriverWait(driver, LOGIN_WAIT_S).until(lambda d: "/login" not in d.current_url)
                break
            except TimeoutException:
                if attempt + 1 == LOGIN_ATTEMPTS:
                    raise
                # The login form is rate limited (5 a worker in 40 s) and the suite's other
                # tests log in too: wait for the window to pass, then log in again.
                time.sleep(LOGIN_WINDOW_S)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _rendered(driver, expected: int) -> bool:
    charts = driver.find_elements(By.CSS_SELECTOR, CHART)
    if len(charts) < expected or driver.find_elements(By.CSS_SELECTOR, LOADING):
        return False
    return all(c.find_elements(By.CSS_SELECTOR, "canvas, svg, table") for c in charts)


@pytest.mark.parametrize("board", DASHBOARDS, ids=[b.slug for b in DASHBOARDS])
def test_dashboard_renders_every_chart(board, browser, superset):
    browser.get(f"{superset}/superset/dashboard/{board.slug}/")
    try:
        WebDriverWait(browser, RENDER_TIMEOUT_S).until(
            lambda d: _rendered(d, len(board.charts)) or d.find_elements(By.CSS_SELECTOR, ERRORS))
    except TimeoutException:
        pass  # the assertions below say what is missing; the screenshot shows it
    time.sleep(1)  # let the ECharts animations settle before the picture
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1600, max(1400, min(int(height) + 100, 6000)))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{board.slug}.png"
    browser.save_screenshot(str(shot))
    browser.set_window_size(1600, 1400)

    assert shot.stat().st_size > 10_000
    errors = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ERRORS)]
    assert not errors, f"error banners on {board.slug}: {errors}"
    charts = browser.find_elements(By.CSS_SELECTOR, CHART)
    assert len(charts) == len(board.charts), f"{len(charts)} of {len(board.charts)} charts"
    for chart in charts:
        assert chart.find_elements(By.CSS_SELECTOR, "canvas, svg, table"), chart.text[:200]
        assert not any(text in chart.text for text in ERROR_TEXTS), chart.text[:200]
    page = browser.find_element(By.TAG_NAME, "body").text
    assert board.title in browser.title or board.title in page
    for native in board.filters:
        assert native.label in page, f"native filter {native.label} missing"


# A statistics row whose quote was copied with the markup of its web page: a link, an image
# whose error handler would run script, and a script element.
HOSTILE_QUOTE = ('全市养老床位<a id="minzheng-link" href="https://example.org/">1.2万张</a>'
                 '<img id="minzheng-img" src="x" onerror="window.minzhengHandled = 1">'
                 '<script>window.minzhengHandled = 2</script>')
# The quote's cell in the sources table, found by the id its markup gives the image.
HOSTILE_CELL = "//td[contains(., 'minzheng-img')]"
HOSTILE_STATISTICS = ("region_code,year,indicator,value,unit,source,quote\n"
                      "330900,2016,elderly_care_beds,12000,beds,https://example.org/zhoushan-2016,"
                      f'"{HOSTILE_QUOTE.replace(chr(34), chr(34) * 2)}"\n')


@pytest.fixture
def hostile_warehouse(client, published_warehouse, tmp_path):
    """The sample data and one statistics file with a hostile quote, published by `minzheng run`
    and registered in Superset in place of the published warehouse for this test only."""
    root = tmp_path / "site"
    shutil.copytree(DOCUMENTS_DIR, root / "documents")
    shutil.copytree(STATISTICS_DIR, root / "annual_statistics")
    (root / "annual_statistics" / "hostile_quote.csv").write_text(HOSTILE_STATISTICS,
                                                                  encoding="utf-8")
    published = root / "warehouse" / "minzheng.duckdb"
    done = subprocess.run(
        [str(Path(sys.executable).with_name("minzheng")), "run", "--documents",
         str(root / "documents"), "--statistics", str(root / "annual_statistics"),
         "--warehouse", str(published)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select quote from marts.fct_elderly_care_beds "
                           "where statistics_file = 'hostile_quote.csv'").fetchall() \
            == [(HOSTILE_QUOTE,)]
    provision.apply(client, published)
    try:
        yield published
    finally:
        provision.apply(client, published_warehouse)


def test_a_hostile_quote_is_shown_as_text(browser, superset, hostile_warehouse):
    browser.get(f"{superset}/superset/dashboard/elderly-care-beds/")
    WebDriverWait(browser, RENDER_TIMEOUT_S).until(
        lambda d: d.find_elements(By.XPATH, HOSTILE_CELL))
    # The quote is on the page as it was written, markup and all (with an invisible word
    # joiner after each `<`, which keeps Superset from reading it as HTML: the as_text macro of
    # dbt_project/macros/reporting.sql)...
    (cell,) = browser.find_elements(By.XPATH, HOSTILE_CELL)
    assert cell.text.replace("\u2060", "") == HOSTILE_QUOTE
    # ...and none of it became an element, ran, or was stopped by the CSP from running.
    assert not browser.find_elements(By.CSS_SELECTOR, '#minzheng-link, #minzheng-img, '
                                     'a[href="https://example.org/"], img[src="x"]')
    assert browser.execute_script("return window.minzhengHandled") is None
    # Superset's own bundle calls eval on every page, which the CSP reports as
    # `script-src eval`; an inline handler or script would be reported as `... inline`.
    violations = browser.execute_script("return window.minzhengViolations")
    assert [violation for violation in violations if "inline" in violation] == []
    refused = [entry["message"] for entry in browser.get_log("browser")
               if "Content Security Policy" in entry["message"] and "inline" in entry["message"]]
    assert refused == []
    # The row's source is plain text too: the file and its URL.
    row = cell.find_element(By.XPATH, "..").text
    assert "hostile_quote.csv" in row and "https://example.org/zhoushan-2016" in row
