"""Delivery semantics through the client: ordering, groups, subscriptions, DLQ, leases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import anyio
import pytest

from .conftest import Connect

pytestmark = pytest.mark.anyio


async def test_order_per_partition_under_concurrency(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("order")
    partitions = [f"p{i}" for i in range(6)]
    per_partition = 40
    async with connect() as queen:
        for p in partitions:
            for start in range(0, per_partition, 10):
                await (
                    queen.queue(q)
                    .partition(p)
                    .push([{"data": {"p": p, "seq": s}} for s in range(start, start + 10)])
                )
        seen: dict[str, list[int]] = defaultdict(list)

        async def handler(messages: list[dict[str, Any]]) -> None:
            for m in messages:
                seen[m["data"]["p"]].append(m["data"]["seq"])
            await anyio.sleep(0.001)

        total = len(partitions) * per_partition
        result = await queen.queue(q).batch(7).concurrency(4).limit(total).consume(handler)
    assert result["processed"] == total
    assert set(seen) == set(partitions)
    for p in partitions:
        assert seen[p] == list(range(per_partition)), p


async def test_consumer_groups_each_get_every_message(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("fanout")
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(5)])
        got: dict[str, list[int]] = {}
        for group in ("billing", "analytics"):
            items: list[int] = []
            await (
                queen.queue(q)
                .group(group)
                .batch(5)
                .limit(5)
                .consume(lambda ms, items=items: items.extend(m["data"] for m in ms))
            )
            got[group] = items
        assert got == {"billing": [0, 1, 2, 3, 4], "analytics": [0, 1, 2, 3, 4]}
        groups = await queen.admin.list_consumer_groups()
        assert {"billing", "analytics"} <= {g["name"] for g in groups if g["queueName"] == q}


async def test_subscription_mode_new_and_from(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("subs")
    async with connect() as queen:
        await queen.queue(q).push([{"data": "old"}])
        first = await queen.queue(q).group("late").subscription_mode("new").pop()
        assert first == []
        await anyio.sleep(0.05)
        boundary = datetime.now(timezone.utc).isoformat()
        await anyio.sleep(0.05)
        await queen.queue(q).push([{"data": "new"}])
        fresh = (
            await queen.queue(q)
            .group("late")
            .subscription_mode("new")
            .wait(True)
            .timeout_millis(5000)
            .pop()
        )
        assert [m["data"] for m in fresh] == ["new"]
        since = await (
            queen.queue(q)
            .group("since")
            .subscription_from(boundary)
            .wait(True)
            .timeout_millis(5000)
            .pop()
        )
        assert [m["data"] for m in since] == ["new"]
        everything = (
            await queen.queue(q).group("all").batch(10).wait(True).timeout_millis(5000).pop()
        )
        assert [m["data"] for m in everything] == ["old", "new"]


async def test_failing_handler_ends_in_the_dlq(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("retries")
    attempts = 0

    async def handler(message: dict[str, Any]) -> None:
        nonlocal attempts
        attempts += 1
        raise ValueError(f"cannot handle {message['data']}")

    async with connect() as queen:
        await queen.queue(q).config({"retryLimit": 2}).create()
        await queen.queue(q).push([{"data": "poison"}])
        result = await queen.queue(q).idle_millis(2500).consume(handler)
        dlq = await queen.queue(q).dlq().get()
    assert attempts == 3  # first delivery + retryLimit redeliveries
    assert result["failed"] == 3
    assert dlq["total"] == 1
    assert dlq["messages"][0]["errorMessage"] == "ValueError: cannot handle poison"


@pytest.mark.slow
async def test_lease_renewal_keeps_a_slow_handler_exclusive(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("slow")
    deliveries: list[str] = []

    async def handler(message: dict[str, Any]) -> None:
        deliveries.append(message["transactionId"])
        await anyio.sleep(3.5)  # longer than the 2 s lease

    async with connect() as queen:
        await queen.queue(q).config({"leaseTime": 2}).create()
        await queen.queue(q).push([{"data": "long job"}])
        result = await (
            queen.queue(q).concurrency(2).renew_lease(True, 500).idle_millis(5000).consume(handler)
        )
    assert len(deliveries) == 1
    assert result == {"processed": 1, "failed": 0, "ackFailures": 0}


async def test_cancelled_consumer_releases_its_message(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("cancel")
    started = anyio.Event()

    async def stuck(message: dict[str, Any]) -> None:
        started.set()
        await anyio.sleep_forever()

    async with connect() as queen:
        await queen.queue(q).config({"leaseTime": 300}).create()
        await queen.queue(q).push([{"data": "work"}])
        async with anyio.create_task_group() as tg:
            tg.start_soon(queen.queue(q).consume, stuck)
            with anyio.fail_after(10):
                await started.wait()
            tg.cancel_scope.cancel()
        # released at once: no need to wait for the 300 s lease to expire
        again = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        assert [m["data"] for m in again] == ["work"]


async def test_close_stops_a_running_consumer_gracefully(
    connect: Connect, qname: Callable[[str], str], server_url: str
) -> None:
    q = qname("closing")
    started = anyio.Event()
    done: list[Any] = []

    async def handler(message: dict[str, Any]) -> None:
        started.set()
        await anyio.sleep(0.2)
        done.append(message["data"])

    async with connect() as queen:
        await queen.queue(q).push([{"data": 1}])
        results: list[Any] = []

        async def run() -> None:
            results.append(await queen.queue(q).consume(handler))

        async with anyio.create_task_group() as tg:
            tg.start_soon(run)
            with anyio.fail_after(10):
                await started.wait()
            await queen.close()
    assert done == [1]
    assert results == [{"processed": 1, "failed": 0, "ackFailures": 0}]
    async with connect() as checker:
        assert await checker.queue(q).pop() == []


async def test_thousands_of_buffered_messages_flushed_by_close(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("bulk")
    total = 3000
    async with connect() as queen:
        for i in range(total):
            await (
                queen.queue(q)
                .partition(f"p{i % 3}")
                .buffer({"message_count": 200, "time_millis": 60_000})
                .push({"data": i})
            )
    # leaving the block closed the client, which flushed what was left
    async with connect() as reader:
        received: list[int] = []
        with anyio.fail_after(60):
            while len(received) < total:
                batch = (
                    await reader.queue(q).batch(500).partitions(3).auto_ack(True).wait(True).pop()
                )
                received.extend(m["data"] for m in batch)
        assert sorted(received) == list(range(total))
        for p in range(3):
            lane = [n for n in received if n % 3 == p]
            assert lane == sorted(lane)
