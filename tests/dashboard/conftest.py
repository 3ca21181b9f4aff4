"""Fixtures of the browser test modules: one chromium and one browser profile per module (its
cache keeps plotly's script, megabytes to compile), a fresh page per test. Each module gives the
``server`` its pages open; the browser is skipped when Debian's chromium is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import CHROMIUM, LAUNCH_ARGS


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser profile for the module's tests; each test has a page, a Streamlit session, of its own."""
    opened = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    yield opened
    opened.close()


@pytest.fixture
def page(context):
    """A new page; ``page.dialogs`` collects every alert, confirm or prompt it tried to open."""
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    opened.close()
