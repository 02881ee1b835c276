"""A bounded load test (about 20 s): slow and oversized clients against one server process,
while ``/health`` is polled and the server's memory is sampled.

Clients: connections that dribble their headers, connections that dribble their bodies,
announced bodies far over the limit, and a crowd of real bodies just under it (more than the
body memory budget holds at once). ``/health`` must keep answering quickly, every client must
get its answer (408, 413, 200 or 503), and the server's RSS must stay under
``RSS_BOUND``: its size before the load plus ``AMPLIFICATION`` times the body memory budget.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import orjson
import psutil
import pytest

from queen_server.launch import ServerProcess

from .conftest import new_database

MIB = 1024 * 1024
MAX_BODY = 8 * MIB
BODY_BUDGET = 16 * MIB
#: parsed payloads, the JSON sent on to PostgreSQL and the driver's buffers, per body byte
AMPLIFICATION = 8
SLOW_HEADERS = 40
SLOW_BODIES = 20
OVERSIZED = 10
LARGE_PUSHES = 8
DURATION = 12.0


@pytest.fixture(scope="module")
def loaded_server(pg_dsn: str) -> Iterator[ServerProcess]:
    args = ["--max-body-bytes", str(MAX_BODY), "--body-memory-bytes", str(BODY_BUDGET)]
    args += ["--header-timeout", "3", "--body-timeout", "6"]
    with ServerProcess(new_database(pg_dsn, "qs_load"), args=args) as server:
        yield server


def _connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=30)


def _status_of(sock: socket.socket) -> int:
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        return 0
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0


def _slow_headers(url: str, statuses: Counter[str], stop: threading.Event) -> None:
    with _connect(url) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        for i in range(100):
            if stop.is_set():
                break
            try:
                sock.sendall(b"X-Drip-%d: 1\r\n" % i)
            except OSError:
                break  # answered and closed
            time.sleep(0.5)
        statuses[f"slow headers {_status_of(sock)}"] += 1


def _slow_body(url: str, statuses: Counter[str], stop: threading.Event) -> None:
    with _connect(url) as sock:
        sock.sendall(b"POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
        for _ in range(100):
            if stop.is_set():
                break
            try:
                sock.sendall(b" " * 512)
            except OSError:
                break
            time.sleep(0.5)
        statuses[f"slow body {_status_of(sock)}"] += 1


def _oversized(url: str, statuses: Counter[str]) -> None:
    with _connect(url) as sock:
        sock.sendall(b"POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
        statuses[f"oversized {_status_of(sock)}"] += 1


def _large_push(url: str, body: bytes, statuses: Counter[str]) -> None:
    try:
        response = httpx.post(f"{url}/api/v1/push", content=body, timeout=60)
        statuses[f"large push {response.status_code}"] += 1
    except httpx.HTTPError as exc:
        statuses[f"large push {type(exc).__name__}"] += 1


def test_slow_and_oversized_clients_leave_the_server_responsive_and_bounded(
    loaded_server: ServerProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    url = loaded_server.url
    assert loaded_server.pid is not None
    process = psutil.Process(loaded_server.pid)
    for _ in range(20):  # warm up: the pool, the statement caches
        httpx.get(f"{url}/health")
    baseline = process.memory_info().rss
    rss_bound = baseline + AMPLIFICATION * BODY_BUDGET
    payload = "x" * 700
    items = [{"queue": "load", "payload": {"blob": payload, "n": i}} for i in range(10_000)]
    body = orjson.dumps({"items": items})
    assert MAX_BODY // 2 < len(body) <= MAX_BODY

    statuses: Counter[str] = Counter()
    stop = threading.Event()
    peak = baseline
    threads = [
        *(
            threading.Thread(target=_slow_headers, args=(url, statuses, stop))
            for _ in range(SLOW_HEADERS)
        ),
        *(
            threading.Thread(target=_slow_body, args=(url, statuses, stop))
            for _ in range(SLOW_BODIES)
        ),
        *(threading.Thread(target=_oversized, args=(url, statuses)) for _ in range(OVERSIZED)),
        *(
            threading.Thread(target=_large_push, args=(url, body, statuses))
            for _ in range(LARGE_PUSHES)
        ),
    ]
    for thread in threads:
        thread.start()
    latencies = []
    started = time.monotonic()
    with httpx.Client(base_url=url, timeout=10) as client:
        while time.monotonic() - started < DURATION:
            before = time.perf_counter()
            assert client.get("/health").status_code == 200
            latencies.append(time.perf_counter() - before)
            peak = max(peak, process.memory_info().rss)
            time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(60)
    peak = max(peak, process.memory_info().rss)

    with capsys.disabled():
        print(
            f"\nload: /health median {statistics.median(latencies) * 1000:.1f} ms, max "
            f"{max(latencies) * 1000:.0f} ms over {len(latencies)} polls; RSS {baseline / MIB:.0f} "
            f"MiB before, peak {peak / MIB:.0f} MiB (bound {rss_bound / MIB:.0f} MiB); "
            f"{dict(sorted(statuses.items()))}"
        )
    assert statuses["slow headers 408"] == SLOW_HEADERS
    assert statuses["slow body 408"] == SLOW_BODIES
    assert statuses["oversized 413"] == OVERSIZED
    pushes = {k: v for k, v in statuses.items() if k.startswith("large push")}
    assert set(pushes) <= {"large push 200", "large push 503"}
    assert pushes.get("large push 200", 0) >= 2
    assert peak < rss_bound
    # generous: a loaded 2-core machine shared with other test runs
    assert statistics.median(latencies) < 0.5
    assert max(latencies) < 5.0
