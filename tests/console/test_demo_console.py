"""``make demo`` run by a person ends with the console's URL and keeps the server up until
Ctrl-C; run without a terminal (CI, the tests) it ends at once."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo.py"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def read_until(fd: int, pattern: str, seconds: float = 180) -> str:
    """What the terminal showed until ``pattern`` appeared (or the time ran out)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the other side closed
                break
            if not chunk:
                break
            seen += chunk
            if re.search(pattern, seen.decode(errors="replace")):
                break
    return seen.decode(errors="replace")


def test_in_a_terminal_the_demo_serves_the_console_until_ctrl_c() -> None:
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(DEMO), "--orders", "40"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,  # its own process group, as a shell runs it
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    os.close(terminal)
    try:
        shown = read_until(controller, r"until Ctrl-C")
        match = re.search(r"Console: (http://\S+)/ ", shown)
        assert match, shown
        page = httpx.get(match.group(1) + "/", timeout=10)
        assert page.status_code == 200
        assert "<title>Queen console</title>" in page.text
        assert process.poll() is None  # still serving

        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert process.wait(timeout=60) == 0
        with pytest.raises(httpx.TransportError):
            httpx.get(match.group(1) + "/health", timeout=2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)


def test_without_a_terminal_the_demo_ends_after_its_summary() -> None:
    done = subprocess.run(
        [sys.executable, str(DEMO), "--orders", "40"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Pipeline summary" in done.stdout
    assert "Console:" not in done.stdout
