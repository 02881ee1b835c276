"""Client scenarios against a real queen_server: what the README says beyond its examples.

The README's examples themselves run as written in ``tests/readme/``; these check the
behaviour its prose promises (duplicates, redelivery, paging, lease renewal after an ack,
traces bound to their own message in a batch, rejected transactions, ...).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import anyio
import pytest

from queen import QueenTransactionError

from .conftest import Connect

pytestmark = pytest.mark.anyio


async def test_push_with_ids_and_duplicates(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("ids")
    trace_id = str(uuid.uuid4())
    async with connect() as queen:
        first = await queen.queue(q).push(
            [{"data": {"n": 1}, "transactionId": "order-1", "traceId": trace_id}]
        )
        again = await queen.queue(q).push([{"data": {"n": 2}, "transactionId": "order-1"}])
        assert first[0]["status"] == "queued"
        assert first[0]["trace_id"] == trace_id
        assert again[0]["status"] == "duplicate"
        (message,) = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        assert message["data"] == {"n": 1}
        assert message["traceId"] == trace_id


async def test_partitions_and_partition_pop(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("parts")
    async with connect() as queen:
        await queen.queue(q).partition("customer-1").push([{"data": i} for i in range(3)])
        await queen.queue(q).partition("customer-2").push([{"data": 10}])
        messages = await queen.queue(q).partition("customer-1").batch(10).pop()
        assert [m["data"] for m in messages] == [0, 1, 2]
        assert {m["partition"] for m in messages} == {"customer-1"}
        assert (await queen.ack(messages, True))["success"] is True


async def test_pop_options(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("popopts")
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(5)])
        auto = await queen.queue(q).batch(2).auto_ack(True).wait(True).timeout_millis(5000).pop()
        assert [m["data"] for m in auto] == [0, 1]
        rest = await queen.queue(q).batch(10).pop()
        assert [m["data"] for m in rest] == [2, 3, 4]


async def test_ack_variants(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("acks")
    async with connect() as queen:
        await queen.queue(q).config({"retryLimit": 5}).create()
        await queen.queue(q).push([{"data": i} for i in range(3)])
        first = await queen.queue(q).batch(3).wait(True).timeout_millis(5000).pop()
        failed = await queen.ack(first[0], False, {"error": "not now"})
        assert failed["success"] is True
        again = await queen.queue(q).batch(3).wait(True).timeout_millis(5000).pop()
        assert [m["data"] for m in again] == [0, 1, 2]
        batch = await queen.ack(again, True)
        assert batch == {
            "success": True,
            "processed": 3,
            "failed": 0,
            "results": batch["results"],
        }
        assert all(r["success"] for r in batch["results"])
        stale = await queen.ack(again[0], True)
        assert stale["success"] is False


async def test_consume_single_and_batch(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("consume")
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(6)])
        singles: list[Any] = []

        async def one(message: dict[str, Any]) -> None:
            singles.append(message["data"])

        result = await queen.queue(q).limit(2).consume(one)
        assert singles == [0, 1]
        assert result == {"processed": 2, "failed": 0, "ackFailures": 0}

        batches: list[list[Any]] = []

        async def many(messages: list[dict[str, Any]]) -> None:
            batches.append([m["data"] for m in messages])

        await queen.queue(q).batch(4).limit(4).consume(many)
        assert batches == [[2, 3, 4, 5]]


async def test_consume_each_and_idle_stop(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("each")
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(3)])
        seen: list[Any] = []
        result = await (
            queen.queue(q)
            .batch(10)
            .each()
            .idle_millis(1500)
            .consume(lambda m: seen.append(m["data"]))
        )
        assert seen == [0, 1, 2]
        assert result["processed"] == 3


async def test_traces(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("traces")
    name = f"order-{uuid.uuid4().hex[:8]}"
    async with connect() as queen:
        await queen.queue(q).push([{"data": {"orderId": 7}}, {"data": {"orderId": 8}}])
        messages = await queen.queue(q).batch(2).wait(True).timeout_millis(5000).pop()
        for message in messages:
            result = await message["trace"](
                {"traceName": name, "eventType": "step", "data": {"id": message["data"]["orderId"]}}
            )
            assert result["success"] is True
        for message in messages:
            traces = await queen.admin.get_traces_for_message(
                message["partitionId"], message["transactionId"]
            )
            assert [t["data"] for t in traces["traces"]] == [{"id": message["data"]["orderId"]}]
        by_name = await queen.admin.get_traces_by_name(name)
        assert sorted(t["data"]["id"] for t in by_name["traces"]) == [7, 8]
        await queen.ack(messages, True)


async def test_transaction_hand_off(connect: Connect, qname: Callable[[str], str]) -> None:
    source, target = qname("tx-src"), qname("tx-dst")
    async with connect() as queen:
        await queen.queue(source).push([{"data": {"step": 1}}])
        (message,) = await queen.queue(source).wait(True).timeout_millis(5000).pop()
        result = await (
            queen.transaction()
            .ack(message)
            .queue(target)
            .partition("next")
            .push([{"data": {"step": 2}}])
            .commit()
        )
        assert result["success"] is True
        assert await queen.queue(source).pop() == []
        (moved,) = await queen.queue(target).wait(True).timeout_millis(5000).pop()
        assert moved["data"] == {"step": 2}
        assert moved["partition"] == "next"
        with pytest.raises(QueenTransactionError):
            await queen.transaction().ack({**moved, "leaseId": str(uuid.uuid4())}).commit()
        assert (await queen.ack(moved, True))["success"] is True


async def test_renew(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("renew")
    async with connect() as queen:
        await queen.queue(q).config({"leaseTime": 30}).create()
        await queen.queue(q).push([{"data": 1}])
        (message,) = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        renewed = await queen.renew(message, seconds=120)
        assert renewed["success"] is True
        assert renewed["expiresAt"]
        assert [r["success"] for r in await queen.renew([message])] == [True]
        await queen.ack(message, True)
        assert (await queen.renew(message))["success"] is False


async def test_dlq_listing(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("dlq")
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(3)])
        messages = await queen.queue(q).batch(3).wait(True).timeout_millis(5000).pop()
        for message in messages:
            await queen.ack(message, "dlq", {"error": f"bad {message['data']}"})
        page = await queen.queue(q).dlq().limit(2).get()
        assert page["total"] == 3
        assert len(page["messages"]) == 2
        everything = await queen.queue(q).dlq("__QUEUE_MODE__").get()
        assert sorted(m["errorMessage"] for m in everything["messages"]) == [
            "bad 0",
            "bad 1",
            "bad 2",
        ]


async def test_buffered_push_and_flush(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("buffered")
    async with connect() as queen:
        events = queen.queue(q).buffer({"message_count": 50, "time_millis": 60_000})
        for i in range(120):
            await events.push({"data": i})
        await queen.flush_all_buffers()
        assert queen.get_buffer_stats()["totalBufferedMessages"] == 0
        received: list[int] = []
        with anyio.fail_after(30):
            while len(received) < 120:
                batch = await queen.queue(q).batch(100).auto_ack(True).wait(True).pop()
                received.extend(m["data"] for m in batch)
        assert received == list(range(120))


async def test_httpx_backend(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("httpx")
    async with connect(http_backend="httpx") as queen:
        await queen.queue(q).push([{"data": {"via": "httpx"}}])
        (message,) = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        assert message["data"] == {"via": "httpx"}
        assert (await queen.ack(message, True))["success"] is True
        assert (await queen.admin.health())["status"] == "healthy"
