"""The ``queen-server`` command: start-up line, clean stop on SIGINT / SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from queen_server.launch import free_port


def wait_until_healthy(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "queen-server exited during start-up"
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("queen-server did not become healthy")


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_a_signal_answers_parked_long_polls_and_stops_the_embedded_database(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "queen_server", "--port", str(port), "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_healthy(url, process)
        queue = f"cli-{uuid.uuid4().hex[:8]}"
        answers: list[tuple[int, object]] = []

        def long_poll() -> None:
            response = httpx.get(
                f"{url}/api/v1/pop/queue/{queue}",
                params={"wait": "true", "timeout": 60_000},
                timeout=90,
            )
            answers.append((response.status_code, response.json()["messages"]))

        poller = threading.Thread(target=long_poll)
        poller.start()
        time.sleep(1.0)  # let the long poll park on the server
        process.send_signal(stop_signal)
        output, _ = process.communicate(timeout=60)
        poller.join(60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    assert process.returncode == 0, output
    assert answers == [(200, [])]  # the parked pop was answered, not cut off
    assert f"listening on {url}" in output
    assert output.rstrip().endswith("queen-server stopped")
    assert not (tmp_path / "pgdata" / "postmaster.pid").exists()  # PostgreSQL stopped too


def test_cli_refuses_a_bad_port() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "queen_server", "--port", "70000", "--dsn", "postgresql://x/y"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert result.returncode == 2
    assert "--port" in result.stderr
