"""Every example in ``examples/`` runs as its own process against the test server."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from queen.sync import Queen
from queen_server.launch import free_port

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class Running:
    """A running example: its output lines arrive on a queue as they are printed."""

    def __init__(self, *command: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, prefix: str, timeout: float = 60) -> str:
        """The next line starting with ``prefix`` (earlier lines are kept in ``seen``)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line {prefix!r}; output so far: {self.seen}") from None
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, list[str]]:
        """Send ``sig``, wait for the exit, return the exit code and the remaining lines."""
        self.process.send_signal(sig)
        code = self.process.wait(timeout=60)
        self._reader.join(10)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        self.seen += rest
        return code, rest

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def name() -> str:
    return f"ex-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def running() -> Iterator[list[Running]]:
    started: list[Running] = []
    yield started
    for process in started:
        process.kill()


def last_json(output: str) -> dict[str, object]:
    return dict(json.loads(output.strip().splitlines()[-1]))


def test_sync_script(server_url: str, name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "sync_script.py"), "--url", server_url, "--queue", name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert last_json(done.stdout) == {
        "popped_by_hand": 5,
        "consumed": 36,  # 35 orders + one retry of the failing one
        "shipped": 34,
        "dead_lettered": 1,
        "dlq_errors": ["order 13: card declined"],
    }
    with Queen(server_url) as queen:
        shipments = queen.queue(f"{name}-shipping").batch(100).wait(True).pop()
    assert len(shipments) == 34


def test_asyncio_worker_stops_gracefully_on_sigterm(
    server_url: str, name: str, running: list[Running]
) -> None:
    total = 60
    worker = Running(str(EXAMPLES / "asyncio_worker.py"), "--url", server_url, "--queue", name)
    running.append(worker)
    worker.expect("ready")
    with Queen(server_url) as queen:
        queen.queue(name).config({"leaseTime": 300}).create()
        queen.queue(name).push([{"data": {"job": n}} for n in range(total)])
        worker.expect("processed job")
        code, _ = worker.stop(signal.SIGTERM)  # while jobs are still coming in
        assert code == 0, worker.seen
        assert "signal received: finishing running jobs" in worker.seen
        summary = last_json("\n".join(worker.seen))
        processed = [int(line.split()[-1]) for line in worker.seen if line.startswith("processed")]
        assert summary["stopped"] == "cleanly"
        assert summary["processed"] == len(processed)
        # Nothing lost, nothing done twice: what the worker did not process is available
        # right away (a message it had leased but not handled would be locked for 300 s).
        rest = queen.queue(name).batch(total).wait(True).timeout_millis(5000).pop()
    left = [m["data"]["job"] for m in rest]
    assert sorted(processed + left) == list(range(total))


def test_trio_app(server_url: str, name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "trio_app.py"), "--url", server_url, "--queue", name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert last_json(done.stdout) == {
        "billed": 120,
        "audited": 120,
        "invoices": 120,
        "same_orders": True,
    }


def test_wsgi_producer_shares_one_client_between_request_threads(
    server_url: str, name: str, running: list[Running]
) -> None:
    port = free_port()
    app = Running(
        str(EXAMPLES / "wsgi_producer.py"),
        "--url",
        server_url,
        "--queue",
        name,
        "--port",
        str(port),
    )
    running.append(app)
    base = app.expect("listening on").split()[-1]
    total, customers = 80, 5

    def post(n: int) -> int:
        with httpx.Client(base_url=base, timeout=30) as client:
            body = {"customer": f"c-{n % customers}", "n": n}
            return client.post("/orders", json=body).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(post, range(total)))
    assert statuses == [202] * total
    assert httpx.post(f"{base}/orders", content=b"nope").status_code == 400
    stats = httpx.get(f"{base}/stats").json()
    assert set(stats) >= {"totalBufferedMessages", "flushesPerformed"}
    code, _ = app.stop(signal.SIGTERM)
    assert code == 0, app.seen
    assert last_json("\n".join(app.seen))["stopped"] == "cleanly"
    received: list[int] = []
    with Queen(server_url) as queen:
        for _ in range(customers * 2):
            batch = queen.queue(name).batch(total).partitions(customers).auto_ack(True).pop()
            received += [m["data"]["n"] for m in batch]
            if len(received) >= total:
                break
    assert sorted(received) == list(range(total))  # every accepted order reached Queen


def run_example(script: str, server_url: str, name: str, *extra: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), "--url", server_url, "--queue", name, *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return last_json(done.stdout)


def test_streams_customer_totals(server_url: str, name: str) -> None:
    summary = run_example("streams_customer_totals.py", server_url, name, "--window", "1")
    assert summary == {"orders": 200, "totals_match": True, "cycles": True}


def test_streams_threshold_alert(server_url: str, name: str) -> None:
    summary = run_example("streams_threshold_alert.py", server_url, name)
    # db-1 runs at 95 % from 00:20 to 00:35: only the two windows inside that span alert
    assert summary == {"alerts": [["db-1", "00:00:20"], ["db-1", "00:00:25"]], "late": 0}


def test_streams_rate_limiter(server_url: str, name: str) -> None:
    summary = run_example("streams_rate_limiter.py", server_url, name)
    assert summary == {
        "handled": {"tenant-a": 30, "tenant-b": 8},
        "in_order": True,
        "held_back": True,  # tenant-a went over its burst and waited
    }
