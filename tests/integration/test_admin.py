"""queen.admin against queen_server: inspection, consumer-group administration, system."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Connect

pytestmark = pytest.mark.anyio


async def test_health_and_metrics(connect: Connect) -> None:
    async with connect() as queen:
        health = await queen.admin.health()
        assert health["status"] == "healthy"
        assert health["database"] == "connected"
        assert isinstance(await queen.admin.metrics(), dict)
        text = await queen.admin.prometheus_metrics()
        assert isinstance(text, str)


async def test_resources(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("res")
    async with connect() as queen:
        await queen.queue(q).namespace("it-ns").task("it-task").create()
        await queen.queue(q).partition("a").push([{"data": 1}, {"data": 2}])
        queues = await queen.admin.list_queues()
        assert q in {entry["name"] for entry in queues["queues"]}
        detail = await queen.admin.get_queue(q)
        assert detail["name"] == q
        assert {p["name"] for p in detail["partitions"]} >= {"a"}
        overview = await queen.admin.get_overview()
        assert overview["queues"] >= 1
        namespaces = await queen.admin.get_namespaces()
        assert "it-ns" in {n["namespace"] for n in namespaces["namespaces"]}
        tasks = await queen.admin.get_tasks()
        assert "it-task" in {t["task"] for t in tasks["tasks"]}


async def test_messages(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("msgs")
    async with connect() as queen:
        pushed = await queen.queue(q).push([{"data": {"n": 1}, "transactionId": "m-1"}])
        partition_id = pushed[0]["partition_id"]
        listed = await queen.admin.list_messages(queue=q)
        assert [m["transactionId"] for m in listed["messages"]] == ["m-1"]
        message = await queen.admin.get_message(partition_id, "m-1")
        assert message["payload"] == {"n": 1}
        assert message["status"] == "pending"
        deleted = await queen.admin.delete_message(partition_id, "m-1")
        assert deleted["success"] is True
        assert await queen.queue(q).pop() == []


async def test_status_views(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("status")
    async with connect() as queen:
        await queen.queue(q).push([{"data": 1}])
        status = await queen.admin.get_status()
        assert "messages" in status
        stats = await queen.admin.get_queue_stats()
        assert isinstance(stats["queues"], list)
        detail = await queen.admin.get_queue_detail(q)
        assert detail["queue"]["name"] == q
        messages = await queen.admin.get_queue_messages(q)
        assert len(messages) == 1
        analytics = await queen.admin.get_analytics(interval="minute")
        assert "dataPoints" in analytics


async def test_trace_names(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("tnames")
    async with connect() as queen:
        await queen.queue(q).push([{"data": 1}])
        (message,) = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        name = f"{q}-trace"
        assert (await message["trace"]({"traceName": name, "data": {"x": 1}}))["success"]
        names = await queen.admin.get_trace_names(limit=100)
        assert name in {n["trace_name"] for n in names["trace_names"]}
        await queen.ack(message, True)


async def test_consumer_group_administration(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("cg")
    group = f"{q}-g"
    async with connect() as queen:
        await queen.queue(q).push([{"data": i} for i in range(4)])
        first = await queen.queue(q).group(group).batch(2).wait(True).timeout_millis(5000).pop()
        assert (await queen.ack(first, True))["success"] is True
        detail = await queen.admin.get_consumer_group(group)
        assert q in detail
        seek = await queen.admin.seek_consumer_group(group, q, to_end=True)
        assert seek["success"] is True
        assert await queen.queue(q).group(group).pop() == []
        reset = await queen.admin.delete_consumer_group_for_queue(group, q)
        assert reset["success"] is True
        again = await queen.queue(q).group(group).batch(10).wait(True).timeout_millis(5000).pop()
        assert [m["data"] for m in again] == [0, 1, 2, 3]
        await queen.ack(again, "retry")
        removed = await queen.delete_consumer_group(group)
        assert removed["success"] is True


async def test_lagging_and_subscription_update(
    connect: Connect, qname: Callable[[str], str]
) -> None:
    q = qname("lag")
    group = f"{q}-g"
    async with connect() as queen:
        await queen.queue(q).push([{"data": 1}])
        await queen.queue(q).group(group).subscription_mode("new").pop()
        lagging = await queen.admin.get_lagging_consumers(min_lag_seconds=3600)
        assert isinstance(lagging, list)
        updated = await queen.update_consumer_group_timestamp(group, "2020-01-01T00:00:00Z")
        assert updated["success"] is True


async def test_pop_maintenance_pauses_pops(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("paused")
    async with connect() as queen:
        await queen.queue(q).push([{"data": 1}])
        assert (await queen.admin.set_pop_maintenance_mode(True))["popMaintenanceMode"] is True
        try:
            assert await queen.queue(q).pop() == []
            assert (await queen.admin.get_pop_maintenance_mode())["popMaintenanceMode"] is True
        finally:
            await queen.admin.set_pop_maintenance_mode(False)
        (message,) = await queen.queue(q).wait(True).timeout_millis(5000).pop()
        assert message["data"] == 1
        state = await queen.admin.get_maintenance_mode()
        assert state["maintenanceMode"] is False


async def test_pop_by_namespace_and_task(connect: Connect, qname: Callable[[str], str]) -> None:
    q = qname("nspop")
    async with connect() as queen:
        await queen.queue(q).namespace(f"{q}-ns").task("t1").create()
        await queen.queue(q).push([{"data": "labelled"}])
        messages = await (
            queen.queue().namespace(f"{q}-ns").task("t1").wait(True).timeout_millis(5000).pop()
        )
        assert [m["data"] for m in messages] == ["labelled"]
        await queen.ack(messages, True)
