"""Long polling (protocol §4.3) and several server processes on one database."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from queen_server.launch import ServerProcess

from .helpers import data_of, pop, push


def test_long_poll_times_out_with_upstreams_body(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1])
    pop(http, queue, autoAck=True)
    body = pop(http, queue, wait=True, timeout=300)
    assert body == {
        "success": True,
        "queue": queue,
        "partition": "",
        "partitionId": None,
        "leaseId": None,
        "consumerGroup": "__QUEUE_MODE__",
        "messages": [],
    }
    body = pop(http, queue, "Default", wait=True, timeout=300)
    assert body["partition"] == "Default"


def _later(action: Any, delay: float = 0.3) -> threading.Thread:
    def run() -> None:
        time.sleep(delay)
        action()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_long_poll_delivers_a_later_push(http: httpx.Client, queue: str, server_url: str) -> None:
    with httpx.Client(base_url=server_url, timeout=30) as other:
        thread = _later(lambda: push(other, queue, ["wake"]))
        body = pop(http, queue, wait=True, timeout=20000)
        thread.join()
    assert data_of(body) == ["wake"]


@pytest.fixture(scope="module")
def second_server(pg_dsn: str) -> Iterator[str]:
    with ServerProcess(pg_dsn) as server:
        yield server.url


def test_long_poll_is_woken_by_a_push_on_another_process(
    server_url: str, second_server: str, queue: str
) -> None:
    with (
        httpx.Client(base_url=server_url, timeout=30) as a,
        httpx.Client(base_url=second_server, timeout=30) as b,
    ):
        push(a, queue, ["x"])
        pop(a, queue, autoAck=True)  # the queue exists and is drained
        thread = _later(lambda: push(a, queue, ["from A"]))
        body = pop(b, queue, wait=True, timeout=20000)
        thread.join()
    assert data_of(body) == ["from A"]


def test_consumers_on_two_processes_share_the_work(
    server_url: str, second_server: str, queue: str
) -> None:
    total = 200
    with httpx.Client(base_url=server_url, timeout=30) as producer:
        for start in range(0, total, 50):
            items = [
                {"queue": queue, "partition": f"p{i % 4}", "payload": i, "transactionId": f"m{i}"}
                for i in range(start, start + 50)
            ]
            assert producer.post("/api/v1/push", json={"items": items}).status_code == 200

    delivered: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def consume(url: str) -> None:
        try:
            with httpx.Client(base_url=url, timeout=30) as client:
                idle = 0
                while idle < 3:
                    body = pop(client, queue, batch=7, wait=True, timeout=500)
                    if not body["messages"]:
                        idle += 1
                        continue
                    idle = 0
                    with lock:
                        delivered.extend(m["transactionId"] for m in body["messages"])
                    acks = [
                        {
                            "transactionId": m["transactionId"],
                            "partitionId": m["partitionId"],
                            "leaseId": m["leaseId"],
                        }
                        for m in body["messages"]
                    ]
                    result = client.post("/api/v1/ack/batch", json={"acknowledgments": acks})
                    assert all(r["success"] for r in result.json())
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [
        threading.Thread(target=consume, args=(url,))
        for url in (server_url, second_server, server_url, second_server)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = Counter(delivered)
    assert set(counts) == {f"m{i}" for i in range(total)}  # none lost
    assert max(counts.values()) == 1  # none delivered twice
