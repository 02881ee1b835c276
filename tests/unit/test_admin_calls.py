"""queen.admin and the remaining client calls: exact requests, parsed answers."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import respx

from queen import Queen, QueenConfigError, QueenNotFoundError, QueenServerError

from .conftest import BASE, answer, sent_json

pytestmark = pytest.mark.anyio

Call = Callable[[Queen], Awaitable[Any]]
P, T = "8d73fa71-fd81-44f6-8b62-3c0b6a09188a", "tx-1"

CASES: list[tuple[str, Call, str, str, dict[str, str], Any]] = [
    ("health", lambda q: q.admin.health(), "GET", "/health", {}, None),
    ("metrics", lambda q: q.admin.metrics(), "GET", "/metrics", {}, None),
    ("overview", lambda q: q.admin.get_overview(), "GET", "/api/v1/resources/overview", {}, None),
    ("queues", lambda q: q.admin.list_queues(), "GET", "/api/v1/resources/queues", {}, None),
    (
        "queue",
        lambda q: q.admin.get_queue("orders"),
        "GET",
        "/api/v1/resources/queues/orders",
        {},
        None,
    ),
    (
        "delete queue",
        lambda q: q.admin.delete_queue("orders"),
        "DELETE",
        "/api/v1/resources/queues/orders",
        {},
        None,
    ),
    (
        "namespaces",
        lambda q: q.admin.get_namespaces(),
        "GET",
        "/api/v1/resources/namespaces",
        {},
        None,
    ),
    ("tasks", lambda q: q.admin.get_tasks(), "GET", "/api/v1/resources/tasks", {}, None),
    (
        "partitions",
        lambda q: q.admin.get_partitions(queue="orders"),
        "GET",
        "/api/v1/resources/partitions",
        {"queue": "orders"},
        None,
    ),
    (
        "clear",
        lambda q: q.admin.clear_queue("orders", partition="p1"),
        "DELETE",
        "/api/v1/queues/orders/clear",
        {"partition": "p1"},
        None,
    ),
    (
        "messages",
        lambda q: q.admin.list_messages(
            queue="orders", namespace="ns", status="pending", limit=5, offset=2
        ),
        "GET",
        "/api/v1/messages",
        {"queue": "orders", "ns": "ns", "status": "pending", "limit": "5", "offset": "2"},
        None,
    ),
    ("message", lambda q: q.admin.get_message(P, T), "GET", f"/api/v1/messages/{P}/{T}", {}, None),
    (
        "delete message",
        lambda q: q.admin.delete_message(P, T),
        "DELETE",
        f"/api/v1/messages/{P}/{T}",
        {},
        None,
    ),
    (
        "retry message",
        lambda q: q.admin.retry_message(P, T),
        "POST",
        f"/api/v1/messages/{P}/{T}/retry",
        {},
        None,
    ),
    (
        "to dlq",
        lambda q: q.admin.move_message_to_dlq(P, T),
        "POST",
        f"/api/v1/messages/{P}/{T}/dlq",
        {},
        None,
    ),
    (
        "traces",
        lambda q: q.admin.get_traces_for_message(P, T),
        "GET",
        f"/api/v1/traces/{P}/{T}",
        {},
        None,
    ),
    (
        "traces by name",
        lambda q: q.admin.get_traces_by_name("order-1", limit=10),
        "GET",
        "/api/v1/traces/by-name/order-1",
        {"limit": "10"},
        None,
    ),
    (
        "trace names",
        lambda q: q.admin.get_trace_names(limit=5, offset=1),
        "GET",
        "/api/v1/traces/names",
        {"limit": "5", "offset": "1"},
        None,
    ),
    (
        "groups",
        lambda q: q.admin.list_consumer_groups(),
        "GET",
        "/api/v1/consumer-groups",
        {},
        None,
    ),
    (
        "group",
        lambda q: q.admin.get_consumer_group("g1"),
        "GET",
        "/api/v1/consumer-groups/g1",
        {},
        None,
    ),
    (
        "lagging",
        lambda q: q.admin.get_lagging_consumers(60),
        "GET",
        "/api/v1/consumer-groups/lagging",
        {"minLagSeconds": "60"},
        None,
    ),
    (
        "delete group",
        lambda q: q.admin.delete_consumer_group("g1", False),
        "DELETE",
        "/api/v1/consumer-groups/g1",
        {"deleteMetadata": "false"},
        None,
    ),
    (
        "delete group (client)",
        lambda q: q.delete_consumer_group("g1"),
        "DELETE",
        "/api/v1/consumer-groups/g1",
        {"deleteMetadata": "true"},
        None,
    ),
    (
        "delete group for queue",
        lambda q: q.admin.delete_consumer_group_for_queue("g1", "orders"),
        "DELETE",
        "/api/v1/consumer-groups/g1/queues/orders",
        {"deleteMetadata": "true"},
        None,
    ),
    (
        "subscription",
        lambda q: q.update_consumer_group_timestamp("g1", "2026-01-01T00:00:00Z"),
        "POST",
        "/api/v1/consumer-groups/g1/subscription",
        {},
        {"subscriptionTimestamp": "2026-01-01T00:00:00Z"},
    ),
    (
        "seek to time",
        lambda q: q.admin.seek_consumer_group("g1", "orders", timestamp="2026-01-01T00:00:00Z"),
        "POST",
        "/api/v1/consumer-groups/g1/queues/orders/seek",
        {},
        {"timestamp": "2026-01-01T00:00:00Z"},
    ),
    (
        "seek to end",
        lambda q: q.admin.seek_consumer_group("g1", "orders", to_end=True),
        "POST",
        "/api/v1/consumer-groups/g1/queues/orders/seek",
        {},
        {"toEnd": True},
    ),
    (
        "seek partition",
        lambda q: q.admin.seek_consumer_group_partition("g1", "orders", "p1"),
        "POST",
        "/api/v1/consumer-groups/g1/queues/orders/partitions/p1/seek",
        {},
        None,
    ),
    (
        "refresh",
        lambda q: q.admin.refresh_consumer_stats(),
        "POST",
        "/api/v1/stats/refresh",
        {},
        None,
    ),
    (
        "status",
        lambda q: q.admin.get_status(queue="orders"),
        "GET",
        "/api/v1/status",
        {"queue": "orders"},
        None,
    ),
    (
        "queue stats",
        lambda q: q.admin.get_queue_stats(limit=10),
        "GET",
        "/api/v1/status/queues",
        {"limit": "10"},
        None,
    ),
    (
        "queue detail",
        lambda q: q.admin.get_queue_detail("orders"),
        "GET",
        "/api/v1/status/queues/orders",
        {},
        None,
    ),
    (
        "queue messages",
        lambda q: q.admin.get_queue_messages("orders"),
        "GET",
        "/api/v1/status/queues/orders/messages",
        {},
        None,
    ),
    (
        "analytics",
        lambda q: q.admin.get_analytics(interval="hour"),
        "GET",
        "/api/v1/status/analytics",
        {"interval": "hour"},
        None,
    ),
    ("buffers", lambda q: q.admin.get_buffer_status(), "GET", "/api/v1/status/buffers", {}, None),
    (
        "system metrics",
        lambda q: q.admin.get_system_metrics(),
        "GET",
        "/api/v1/analytics/system-metrics",
        {},
        None,
    ),
    (
        "worker metrics",
        lambda q: q.admin.get_worker_metrics(),
        "GET",
        "/api/v1/analytics/worker-metrics",
        {},
        None,
    ),
    (
        "queue lag",
        lambda q: q.admin.get_queue_lag(queue="orders"),
        "GET",
        "/api/v1/analytics/queue-lag",
        {"queue": "orders"},
        None,
    ),
    (
        "queue ops",
        lambda q: q.admin.get_queue_ops(),
        "GET",
        "/api/v1/analytics/queue-ops",
        {},
        None,
    ),
    (
        "retention",
        lambda q: q.admin.get_retention_analytics(),
        "GET",
        "/api/v1/analytics/retention",
        {},
        None,
    ),
    (
        "postgres",
        lambda q: q.admin.get_postgres_stats(),
        "GET",
        "/api/v1/analytics/postgres-stats",
        {},
        None,
    ),
    (
        "maintenance",
        lambda q: q.admin.get_maintenance_mode(),
        "GET",
        "/api/v1/system/maintenance",
        {},
        None,
    ),
    (
        "set maintenance",
        lambda q: q.admin.set_maintenance_mode(True),
        "POST",
        "/api/v1/system/maintenance",
        {},
        {"enabled": True},
    ),
    (
        "pop maintenance",
        lambda q: q.admin.get_pop_maintenance_mode(),
        "GET",
        "/api/v1/system/maintenance/pop",
        {},
        None,
    ),
    (
        "set pop maintenance",
        lambda q: q.admin.set_pop_maintenance_mode(False),
        "POST",
        "/api/v1/system/maintenance/pop",
        {},
        {"enabled": False},
    ),
    (
        "shared state",
        lambda q: q.admin.get_shared_state(),
        "GET",
        "/api/v1/system/shared-state",
        {},
        None,
    ),
    (
        "dlq",
        lambda q: q.queue("orders").dlq("g1").limit(10).offset(5).get(),
        "GET",
        "/api/v1/dlq",
        {"queue": "orders", "consumerGroup": "g1", "limit": "10", "offset": "5"},
        None,
    ),
    (
        "delete (builder)",
        lambda q: q.queue("orders").delete(),
        "DELETE",
        "/api/v1/resources/queues/orders",
        {},
        None,
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "params", "body"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
async def test_exact_request(
    mock: respx.MockRouter,
    call: Call,
    method: str,
    path: str,
    params: dict[str, str],
    body: Any,
) -> None:
    route = mock.route(method=method, path=path).respond(200, json={"ok": True})
    async with Queen(BASE) as queen:
        await call(queen)
    request = route.calls[0].request
    assert dict(request.url.params) == params
    if body is None:
        assert request.content in (b"", b"{}")
    else:
        assert json.loads(request.content) == body


async def test_prometheus_text(mock: respx.MockRouter) -> None:
    mock.get("/metrics/prometheus").respond(
        200, text="# TYPE queen_up gauge\nqueen_up 1\n", headers={"content-type": "text/plain"}
    )
    async with Queen(BASE) as queen:
        assert await queen.admin.prometheus_metrics() == "# TYPE queen_up gauge\nqueen_up 1\n"


async def test_empty_bodies_become_empty_results(mock: respx.MockRouter) -> None:
    mock.get("/api/v1/consumer-groups").respond(200, content=b"")
    mock.get("/api/v1/consumer-groups/lagging").respond(200, content=b"")
    mock.get("/api/v1/consumer-groups/nobody").respond(200, content=b"")
    mock.delete("/api/v1/consumer-groups/nobody").respond(204)
    mock.get("/api/v1/dlq").respond(200, content=b"")
    async with Queen(BASE) as queen:
        assert await queen.admin.list_consumer_groups() == []
        assert await queen.admin.get_lagging_consumers() == []
        assert await queen.admin.get_consumer_group("nobody") == {}
        assert await queen.admin.delete_consumer_group("nobody") == {"success": True}
        assert await queen.queue("q").dlq().get() == {"total": 0, "messages": []}


async def test_upstream_answers_are_returned_parsed(mock: respx.MockRouter) -> None:
    groups = answer("consumer_groups", "list consumer groups")
    mock.get("/api/v1/consumer-groups").respond(200, json=groups)
    health = answer("health", "health check")
    mock.get("/health").respond(200, json=health)
    async with Queen(BASE) as queen:
        assert await queen.admin.list_consumer_groups() == groups
        assert (await queen.admin.health())["status"] == "healthy"


async def test_errors_in_200_bodies_raise(mock: respx.MockRouter) -> None:
    mock.get("/api/v1/resources/queues/nope").respond(200, json={"error": "Queue not found"})
    mock.get(f"/api/v1/messages/{P}/{T}").respond(200, json={"error": "Message not found"})
    mock.get("/api/v1/resources/overview").respond(200, json={"error": "stats unavailable"})
    async with Queen(BASE) as queen:
        with pytest.raises(QueenNotFoundError, match="Queue not found") as missing:
            await queen.admin.get_queue("nope")
        with pytest.raises(QueenNotFoundError, match="Message not found") as info:
            await queen.admin.get_message(P, T)
        with pytest.raises(QueenServerError, match="stats unavailable") as other:
            await queen.admin.get_overview()
    assert missing.value.status == 404
    assert missing.value.url == f"GET {BASE}/api/v1/resources/queues/nope"
    assert info.value.status == 404
    assert other.value.status == 200
    assert other.value.url == f"GET {BASE}/api/v1/resources/overview"


async def test_seek_needs_a_target() -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenConfigError, match=r"timestamp=\.\.\. or to_end=True"):
            await queen.admin.seek_consumer_group("g", "q")


async def test_retry_after_503_for_reads(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/resources/overview").mock(
        side_effect=[
            httpx.Response(503, json={"error": "db"}),
            httpx.Response(200, json={"queues": 1}),
        ]
    )
    async with Queen(BASE, retry_delay_millis=1) as queen:
        assert await queen.admin.get_overview() == {"queues": 1}
    assert route.call_count == 2


async def test_sent_json_helper_reads_the_last_call(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/system/maintenance").respond(200, json={"maintenanceMode": False})
    async with Queen(BASE) as queen:
        await queen.admin.set_maintenance_mode(False)
    assert sent_json(route) == {"enabled": False}
