"""Fixtures of the console tests: a queen_server on a database of its own with the scripted
workload, and headless Chromium (installed from Debian's packages on first use).

``QUEEN_CONSOLE_SCREENSHOTS=docs/console`` makes the tests write the README's screenshots
there; otherwise they go to the test's temporary directory.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from integration.servers import new_database

from queen_server.launch import ServerProcess

from .browser import ensure_browser, start_driver
from .workload import Workload, build

#: longest a single wait for the page may take (it normally takes well under a second)
WAIT_SECONDS = 15


@pytest.fixture(scope="session")
def browser_ready() -> None:
    """Skip, saying why, when no browser can be had on this machine."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed (it is in the dev extra: pip install -e '.[dev]')")
    reason = ensure_browser()
    if reason is not None:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def peer_port() -> int:
    """The port of the second server whose console reads ``console_server`` across origins."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def console_server(pg_dsn: str, peer_port: int) -> Iterator[ServerProcess]:
    """A server on an empty database: the console shows only this module's workload.

    CORS is off by default; it allows the peer's origin, as an operator would configure it.
    """
    env = {"QUEEN_CORS_ORIGINS": f"http://127.0.0.1:{peer_port}"}
    with ServerProcess(new_database(pg_dsn, "console"), env=env) as server:
        yield server


@pytest.fixture(scope="module")
def work(console_server: ServerProcess) -> Workload:
    return build(console_server.url)


@pytest.fixture(scope="module")
def driver(browser_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    browser = start_driver(tmp_path_factory.mktemp("chromium-profile"))
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("QUEEN_CONSOLE_SCREENSHOTS")
    if wanted:
        path = Path(wanted)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("console-screenshots")


class Console:
    """The console in the browser: open pages, wait for them, read them, act on them."""

    def __init__(self, driver: Any, url: str, screenshots: Path) -> None:
        self.driver = driver
        self.url = url
        self.screenshots = screenshots

    def open(self, fragment: str = "#/") -> None:
        """Load the console at ``fragment`` (a fresh page load) and wait for its data."""
        self.driver.get("about:blank")  # a new document: no focus or state left behind
        self.driver.get(f"{self.url}/{fragment}")
        self.wait_loaded()

    def go(self, fragment: str) -> None:
        """Navigate inside the loaded console (as a link would) and wait for its data."""
        self.js("window.location.hash = arguments[0]", fragment)
        self.wait_loaded()

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait(self, condition: Callable[[], Any], what: str) -> Any:
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            return WebDriverWait(self.driver, WAIT_SECONDS, poll_frequency=0.05).until(
                lambda _d: condition()
            )
        except TimeoutException:
            raise AssertionError(
                f"timed out waiting for {what}; the page shows:\n{self.main_text()[:3000]}\n"
                f"browser log: {self.driver.get_log('browser')}"
            ) from None

    def wait_loaded(self) -> None:
        self.wait(
            lambda: self.js(
                "const main = document.getElementById('main');"
                "return !!main && main.children.length > 0 && "
                "!main.querySelector('[aria-busy=\"true\"]')"
            ),
            "the page's data",
        )

    def wait_text(self, text: str, where: str = "#main") -> None:
        self.wait(lambda: text in self.text_of(where), f"{text!r} in {where}")

    def text_of(self, selector: str) -> str:
        text: str = self.js(
            "const el = document.querySelector(arguments[0]); return el ? el.innerText : ''",
            selector,
        )
        return text

    def main_text(self) -> str:
        return self.text_of("#main")

    def find(self, selector: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        found: list[Any] = self.driver.find_elements(By.CSS_SELECTOR, selector)
        return found

    def button(self, label: str, within: Any = None) -> Any:
        """The visible button whose text is ``label`` (inside ``within`` if given)."""
        scope = within if within is not None else self.driver
        from selenium.webdriver.common.by import By

        for candidate in scope.find_elements(By.TAG_NAME, "button"):
            if candidate.text.strip() == label and candidate.is_displayed():
                return candidate
        raise AssertionError(f"no button {label!r}; the page shows:\n{self.main_text()[:2000]}")

    def row_with(self, text: str) -> Any:
        """The table row of #main containing ``text``."""
        for row in self.find_all("#main tbody tr"):
            if text in row.text:
                return row
        raise AssertionError(f"no row with {text!r}; the page shows:\n{self.main_text()[:2000]}")

    def confirm(self, label: str) -> None:
        """Answer the open confirmation dialog with its ``label`` button."""
        self.wait(
            lambda: self.js("return document.getElementById('confirm-dialog').open"), "the dialog"
        )
        self.button(label, self.find("#confirm-dialog")).click()
        self.wait(
            lambda: not self.js("return document.getElementById('confirm-dialog').open"),
            "the dialog to close",
        )

    def shot(self, name: str, max_height: int = 900) -> Path:
        """A screenshot of the page's top, as tall as its content (up to ``max_height``)."""
        path = self.screenshots / f"{name}.png"
        size = self.driver.get_window_size()
        height = self.js("return document.documentElement.scrollHeight")
        chrome = size["height"] - self.js("return window.innerHeight")
        self.driver.set_window_size(size["width"], min(max_height, height) + chrome)
        try:
            self.js("window.scrollTo(0, 0); document.activeElement.blur()")
            self.driver.save_screenshot(str(path))
        finally:
            self.driver.set_window_size(size["width"], size["height"])
        return path


@pytest.fixture
def console(driver: Any, console_server: ServerProcess, screenshot_dir: Path) -> Iterator[Console]:
    page = Console(driver, console_server.url, screenshot_dir)
    yield page
    # no test leaves a token behind for the next one
    with contextlib.suppress(Exception):
        page.js("window.sessionStorage.clear()")
