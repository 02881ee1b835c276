"""Status, analytics and migration routes (protocol §3.17, §3.19)."""

from __future__ import annotations

from typing import Any

import httpx

from .helpers import ack, configure, pop, push


def _get(http: httpx.Client, path: str, **params: Any) -> Any:
    response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_status_counts_leases_and_dead_letters_of_a_queue(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=60)
    push(http, queue, ["a", "b", "c"])
    ack(http, pop(http, queue, "Default", batch=1)["messages"][0], "dlq", error="bad")
    pop(http, queue, "Default", batch=2)
    body = _get(http, "/api/v1/status", queue=queue)
    assert body["messages"]["total"] == 3
    assert body["messages"]["deadLetter"] == 1
    assert body["messages"]["processing"] == 2
    assert body["leases"] == {
        "active": 1,
        "partitionsWithLeases": 1,
        "totalBatchSize": 2,
        "totalAcked": 0,
    }
    assert body["deadLetterQueue"]["totalMessages"] == 1
    assert body["deadLetterQueue"]["topErrors"] == [{"error": "bad", "count": 1}]
    assert [q["name"] for q in body["queues"]] == [queue]
    assert sum(point["ingested"] for point in body["throughput"]) == 3
    assert body["pointCount"] == len(body["throughput"])
    assert body["bucketMinutes"] == 1
    assert body["errors"]["dlqMessages"] == 1


def test_status_queues_listing_and_detail(http: httpx.Client, queue: str) -> None:
    http.post(
        "/api/v1/configure",
        json={"queue": queue, "namespace": f"{queue}-ns", "task": "t", "options": {"ttl": 60}},
    )
    push(http, queue, ["a", "b"])
    listing = _get(http, "/api/v1/status/queues", namespace=f"{queue}-ns")
    assert [(q["name"], q["messages"]["total"]) for q in listing["queues"]] == [(queue, 2)]
    assert listing["pagination"] == {"limit": 100, "offset": 0}
    detail = _get(http, f"/api/v1/status/queues/{queue}")
    assert detail["queue"]["config"]["ttl"] == 60
    assert detail["totals"]["total"] == 2
    assert detail["totals"]["messages"]["pending"] == 2
    assert detail["partitions"][0]["cursor"] == {"totalConsumed": 0, "batchesConsumed": 0}
    assert _get(http, f"/api/v1/status/queues/{queue}-nope") == {"error": "Queue not found"}


def test_status_queue_messages_page_and_empty_body(http: httpx.Client, queue: str) -> None:
    items = push(http, queue, ["a", "b", "c"])
    pop(http, queue, "Default", batch=1, autoAck=True)
    rows = _get(http, f"/api/v1/status/queues/{queue}/messages", limit=2, offset=1)
    assert [r["transactionId"] for r in rows] == [
        items[1]["transaction_id"],
        items[0]["transaction_id"],
    ]
    assert [r["status"] for r in rows] == ["pending", "completed"]
    empty = http.get(f"/api/v1/status/queues/{queue}-nope/messages")
    assert (empty.status_code, empty.content) == (200, b"")


def test_analytics_buckets_by_interval(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a", "b"])
    body = _get(http, "/api/v1/status/analytics", queue=queue, interval="minute")
    assert body["interval"] == "minute"
    assert sum(p["messages"] for p in body["dataPoints"]) == 2
    assert len(body["dataPoints"]) >= 24 * 60
    by_day = _get(http, "/api/v1/status/analytics", queue=queue, interval="day")
    assert sum(p["messages"] for p in by_day["dataPoints"]) == 2
    bad = http.get("/api/v1/status/analytics", params={"interval": "fortnight"})
    assert bad.status_code == 400
    assert "fortnight" in bad.json()["error"]


def test_analytics_routes_answer_their_shapes(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a"])
    ops = _get(http, "/api/v1/analytics/queue-ops", queue=queue)
    assert ops["queues"] == [queue]
    assert ops["series"][0]["pushMessages"] == 1
    assert ops["series"][0]["partitionsCreated"] == 1
    lag = _get(http, "/api/v1/analytics/queue-lag", queue=queue)
    assert [row["queueName"] for row in lag] == [queue]
    workers = _get(http, "/api/v1/analytics/worker-metrics")
    assert workers["summary"]["totalPushMessages"] >= 1
    assert workers["workers"][0]["workerId"] == 0
    system = _get(http, "/api/v1/analytics/system-metrics")
    assert system["replicaCount"] == 1
    sample = system["replicas"][0]["timeSeries"][0]["metrics"]
    assert sample["memory"]["rss_bytes"]["last"] > 0
    parked = _get(http, "/api/v1/analytics/queue-parked-replicas")
    assert (parked["series"], parked["replicas"]) == ([], [])
    stats = _get(http, "/api/v1/analytics/postgres-stats")
    assert "messages" in {t["table"] for t in stats["tableSizes"]}
    assert http.get("/api/v1/analytics/queue-ops", params={"from": "x"}).status_code == 400


def test_buffers_and_migration(http: httpx.Client) -> None:
    buffers = _get(http, "/api/v1/status/buffers")
    assert (buffers["failed"], buffers["dbHealthy"], buffers["worker"]) == (0, True, 0)
    assert _get(http, "/api/v1/migration/status") == {
        "status": "idle",
        "currentStep": "",
        "elapsedSeconds": 0.0,
    }
    for path in ("test-connection", "start", "validate", "reset"):
        response = http.post(f"/api/v1/migration/{path}", json={})
        assert response.status_code == 501
        assert "migration is not supported" in response.json()["error"]
