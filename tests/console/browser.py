"""Headless Chromium for the console tests: Debian's ``chromium`` and ``chromium-driver``
driven by Selenium through the system chromedriver (never a downloaded browser or driver).

``ensure_browser()`` installs the two packages with apt when they are missing and this
process may (root, apt-get present); it returns why not otherwise, and the tests skip with
that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ("chromium", "chromium-driver")
#: the flags a closed-network, container-friendly headless run needs
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,860",
    "--force-device-scale-factor=1",
    "--lang=en-US",
)
APT_TIMEOUT = 900


def _present() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def ensure_browser() -> str | None:
    """None when Chromium and its driver are there (installing them if needed and possible),
    else the reason they are not."""
    if _present():
        return None
    if shutil.which("apt-get") is None:
        return "no browser: /usr/bin/chromium is missing and apt-get is not available"
    if os.geteuid() != 0:
        return (
            "no browser: /usr/bin/chromium is missing; install it as root with "
            "`apt-get update && apt-get install -y chromium chromium-driver`"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=300"]
    steps = [
        ["apt-get", *lock, "update"],
        ["apt-get", *lock, "install", "-y", *PACKAGES],
    ]
    for step in steps:
        try:
            done = subprocess.run(
                step, capture_output=True, text=True, env=env, timeout=APT_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"no browser: `{' '.join(step)}` failed: {exc}"
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            return f"no browser: `{' '.join(step)}` exited {done.returncode}: {' | '.join(tail)}"
    if not _present():
        return "no browser: apt installed chromium but /usr/bin/chromium or chromedriver is missing"
    return None


def start_driver(profile: Path):  # type: ignore[no-untyped-def]
    """A headless Chromium with a fresh profile in ``profile``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # the system driver, explicitly: Selenium must not look for (or download) another one
    service = Service(executable_path=str(CHROMEDRIVER))
    return webdriver.Chrome(options=options, service=service)
