"""``--workers N``: several processes share one port, one database and the work."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import httpx
import pytest

from queen_server.launch import ServerProcess

from .helpers import data_of, pop, push

pytestmark = pytest.mark.slow

#: fresh connections tried before concluding a worker never answers (the kernel hands each
#: new connection to whichever worker accepts it first; both do within a few tries)
MAX_CONNECTIONS = 200


def _workers(pid: int) -> list[int]:
    """The worker processes of the server ``pid`` (not multiprocessing's helper process)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    command = cmdline.read()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z" and b"spawn_main" in command:
                found.append(int(entry))
    return found


def _still_running(pids: list[int], seconds: float = 30) -> list[int]:
    """The processes of ``pids`` still running after waiting up to ``seconds`` for them."""
    deadline = time.monotonic() + seconds
    while [p for p in pids if _running(p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    return [p for p in pids if _running(p)]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def two_workers(pg_dsn: str) -> Iterator[ServerProcess]:
    with ServerProcess(pg_dsn, workers=2) as server:
        yield server


def test_both_workers_answer_and_share_the_queues(two_workers: ServerProcess, queue: str) -> None:
    seen: set[int] = set()
    for _ in range(MAX_CONNECTIONS):
        with httpx.Client(base_url=two_workers.url, timeout=30) as fresh:
            seen.add(fresh.get("/health").json()["worker_id"])
        if seen == {0, 1}:
            break
    assert seen == {0, 1}

    # each request on a new connection, so pushes and pops land on both workers
    for n in range(10):
        with httpx.Client(base_url=two_workers.url, timeout=30) as fresh:
            push(fresh, queue, [n])
    received: list[int] = []
    for _ in range(MAX_CONNECTIONS):
        with httpx.Client(base_url=two_workers.url, timeout=30) as fresh:
            received += data_of(pop(fresh, queue, batch=3, autoAck=True))
        if len(received) >= 10:
            break
    assert received == list(range(10))


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to find the workers")
def test_workers_stop_with_the_server_and_when_it_is_killed(pg_dsn: str) -> None:
    server = ServerProcess(pg_dsn, workers=2)
    server.start()
    assert server.pid is not None
    workers = _workers(server.pid)
    assert len(workers) == 2
    process = server._proc
    assert process is not None
    server.stop()  # SIGTERM: a clean stop of every worker
    assert process.returncode == 0
    assert _still_running(workers) == []

    server = ServerProcess(pg_dsn, workers=2)
    server.start()
    assert server.pid is not None
    workers = _workers(server.pid)
    assert len(workers) == 2
    os.kill(server.pid, signal.SIGKILL)  # no chance to pass the stop on
    left = _still_running(workers)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    server.stop()
    assert left == []
