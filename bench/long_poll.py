"""Long-poll wake-up: how soon a parked ``wait=true`` pop answers after a matching push.

Two servers share one embedded PostgreSQL. A consumer parks a long poll on one server; a
producer pushes one message, either through the same server or through the other one (the
wake-up then crosses processes through PostgreSQL's LISTEN/NOTIFY). The wake-up time runs from
sending the push to receiving the pop's answer.

Baseline, measured in the same run: the same push followed at once by a pop that does not
wait, i.e. the two HTTP round trips any wake-up needs at least. Printed as the median and 90th
percentile in milliseconds and as the median's ratio to the baseline's median.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
import uuid

import orjson

from bench._database import embedded_database
from bench._raw_http import RawClient
from bench._report import machine, table
from queen_server.launch import ServerProcess

SAMPLES = 40
PARK_SECONDS = 0.15  # time for the pop to reach the server and park before the push
HEADERS = ["scenario", "median ms", "p90 ms", "baseline median ms", "ratio"]


def _push_body(queue: str) -> bytes:
    return orjson.dumps({"items": [{"queue": queue, "payload": {"wake": True}}]})


async def _pop(pool: RawClient, queue: str, wait: bool) -> int:
    # autoAck: each pop finishes its message, so the next pop is not held by a lease
    params: dict[str, object] = {"autoAck": "true"}
    if wait:
        params.update(wait="true", timeout=10_000)
    answer = await pool.request("GET", f"/api/v1/pop/queue/{queue}", params, None, 30)
    body = orjson.loads(answer.body) if answer.body else {}
    return len(body.get("messages") or [])


async def _push(pool: RawClient, queue: str) -> None:
    answer = await pool.request("POST", "/api/v1/push", None, _push_body(queue), 30)
    if answer.status >= 300:
        raise RuntimeError(f"push answered HTTP {answer.status}")


async def wake_up(consumer: RawClient, producer: RawClient) -> float:
    """Seconds from sending a push to the parked pop's answer."""
    queue = f"wake-{uuid.uuid4().hex[:8]}"
    await _push(producer, queue)  # create the queue, then drain it
    await _pop(consumer, queue, wait=False)
    parked = asyncio.ensure_future(_pop(consumer, queue, wait=True))
    await asyncio.sleep(PARK_SECONDS)
    start = time.perf_counter()
    await _push(producer, queue)
    received = await parked
    if received != 1:
        raise RuntimeError(f"the woken pop got {received} messages")
    return time.perf_counter() - start


async def round_trips(pool: RawClient) -> float:
    """Seconds for a push then an immediate pop: the floor of any wake-up."""
    queue = f"floor-{uuid.uuid4().hex[:8]}"
    await _push(pool, queue)
    await _pop(pool, queue, wait=False)
    start = time.perf_counter()
    await _push(pool, queue)
    received = await _pop(pool, queue, wait=False)
    if received != 1:
        raise RuntimeError(f"the pop got {received} messages")
    return time.perf_counter() - start


def _row(name: str, samples: list[float], floor: list[float]) -> list[str]:
    ordered = sorted(samples)
    median, base = statistics.median(ordered), statistics.median(floor)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return [name, f"{median * 1000:.1f}", f"{p90 * 1000:.1f}", f"{base * 1000:.1f}",
            f"{median / base:.1f}x"]  # fmt: skip


async def measure(url_a: str, url_b: str) -> list[list[str]]:
    a, b, a2 = RawClient(url_a), RawClient(url_b), RawClient(url_a)
    try:
        floor, same, across = [], [], []
        for _ in range(SAMPLES):  # interleaved, so load on the machine hits all three alike
            floor.append(await round_trips(a))
            same.append(await wake_up(a, a2))
            across.append(await wake_up(b, a))
        return [
            _row("push and pop on one server", same, floor),
            _row("push on another server process", across, floor),
        ]
    finally:
        for pool in (a, b, a2):
            await pool.aclose()


def run() -> None:
    sys.stdout.write(f"machine: {machine()}; {SAMPLES} wake-ups per row\n")
    sys.stdout.flush()
    with embedded_database() as dsn, ServerProcess(dsn) as first, ServerProcess(dsn) as second:
        rows = asyncio.run(measure(first.url, second.url))
    sys.stdout.write(table(HEADERS, rows) + "\n")
