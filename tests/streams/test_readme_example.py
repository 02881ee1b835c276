"""The README's Streams examples, and what the "Running a stream" part promises."""

from __future__ import annotations

import uuid
from typing import Any

import anyio
import anyio.to_thread
import pytest

import queen.sync
from queen import Queen, QueenConfigError, Stream
from queen.streams import token_bucket_gate

from .harness import eventually

pytestmark = pytest.mark.anyio


async def test_the_per_minute_totals_example(server_url: str) -> None:
    orders, totals = f"rd-orders-{uuid.uuid4().hex[:8]}", f"rd-totals-{uuid.uuid4().hex[:8]}"
    async with Queen(server_url) as queen:
        await queen.queue(orders).config({"leaseTime": 5}).create()
        for customer, amounts in {"c1": [10, -3, 5], "c2": [7]}.items():
            await (
                queen.queue(orders)
                .partition(customer)
                .push([{"data": {"amount": a}} for a in amounts])
            )
        runner = await (
            Stream.from_(queen.queue(orders))
            .filter(lambda m: m["data"]["amount"] > 0)
            .window_tumbling(seconds=1, idle_flush_ms=100)  # the README's 60 s, shortened
            .aggregate({"count": lambda v: 1, "sum": lambda v: v["amount"]})
            .map(lambda totals, ctx: {"customer": ctx["partition"], **totals})
            .to(queen.queue(totals))
            .run(f"rd-{orders}", max_wait_millis=100)
        )
        got: list[Any] = []
        with anyio.fail_after(20):
            while sum(t["count"] for t in got) < 3:
                got += [m["data"] for m in await queen.queue(totals).batch(10).auto_ack(True).pop()]
                await anyio.sleep(0.05)
        await runner.stop()
        await runner.stop()  # idempotent
    assert sorted((t["customer"], t["count"], t["sum"]) for t in got) == [
        ("c1", 2, 15),
        ("c2", 1, 7),
    ]
    assert runner.metrics()["errorsTotal"] == 0


async def test_run_needs_an_open_client_or_a_task_group(server_url: str) -> None:
    source = f"rd-tg-{uuid.uuid4().hex[:8]}"
    closed_client = Queen(server_url)
    stream = Stream.from_(closed_client.queue(source)).foreach(lambda v: None)
    with pytest.raises(QueenConfigError, match="must be open"):
        await stream.run(f"{source}-q")
    seen: list[Any] = []
    async with Queen(server_url) as queen:
        await queen.queue(source).push([{"data": {"n": 1}}])
        mine = Stream.from_(queen.queue(source)).foreach(seen.append)
        async with anyio.create_task_group() as tasks:
            runner = await tasks.start(mine.runner(f"{source}-q", max_wait_millis=100).serve)
            await eventually(lambda: len(seen) == 1)
            await runner.stop()
    assert seen == [{"n": 1}]
    with pytest.raises(QueenConfigError, match="runs once"):
        await runner.serve()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_the_blocking_example(server_url: str) -> None:
    calls = f"rd-calls-{uuid.uuid4().hex[:8]}"

    def blocking() -> dict[str, Any]:
        with queen.sync.Queen(server_url) as client:
            client.queue(calls).push([{"data": {"n": n}} for n in range(5)])
            runner = (
                queen.sync.Stream.from_(client.queue(calls))
                .gate(token_bucket_gate(capacity=10, refill_per_sec=10))
                .to(client.queue(f"{calls}.approved"))
                .start(f"{calls}-limiter", max_wait_millis=100)
            )
            approved = client.queue(f"{calls}.approved").batch(10).wait(True).auto_ack(True)
            got = approved.timeout_millis(5000).pop()
            runner.stop()
            return {"approved": [m["data"]["n"] for m in got], "metrics": runner.wait()}

    result = await anyio.to_thread.run_sync(blocking)
    assert result["approved"] == [0, 1, 2, 3, 4]
    assert result["metrics"]["gateAllowsTotal"] == 5
