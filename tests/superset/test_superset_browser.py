"""Headless Chromium logs in, opens each dashboard, checks its charts rendered and keeps a PNG.

Screenshots go to artifacts/screenshots/<slug>.png.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboards.spec import load

pytestmark = pytest.mark.superset

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without the background-networking flags Chromium keeps dialling out, and this
# machine refuses every connection that leaves it.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1600,1400",
                  "--lang=zh-CN"]
RENDER_TIMEOUT_S = 90
CHART = '[data-test="chart-container"]'
LOADING = '[data-test="loading-indicator"], .loading'
ERRORS = ('[data-test="error-message"], .ant-alert-error, .alert-danger, '
          '[data-test="chart-error"]')
ERROR_TEXTS = ("Data error", "Unexpected error", "An error occurred", "No results")
DASHBOARDS = load().dashboards


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
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(f"{superset}/login/")
        wait = WebDriverWait(driver, RENDER_TIMEOUT_S)
        username = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#username"))
        username.send_keys(credentials.username)
        driver.find_element(By.CSS_SELECTOR, "#password").send_keys(credentials.password)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda d: "/login" not in d.current_url)
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
