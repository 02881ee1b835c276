"""Resources (protocol §3.15), queue deletion (§4.17) and the partitions / clear extensions."""

from __future__ import annotations

from typing import Any

import httpx

from .helpers import ack, configure, data_of, pop, push


def _get(http: httpx.Client, path: str, **params: Any) -> Any:
    response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _labelled(http: httpx.Client, queue: str) -> None:
    response = http.post(
        "/api/v1/configure",
        json={"queue": queue, "namespace": f"{queue}-ns", "task": f"{queue}-task", "options": {}},
    )
    assert response.json()["configured"] is True


def test_queue_detail_counts_by_derived_status(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=60)
    push(http, queue, ["a", "b", "c", "d"])
    push(http, queue, ["x"], partition="p2")
    ack(http, pop(http, queue, "Default", batch=1)["messages"][0])
    ack(http, pop(http, queue, "Default", batch=1)["messages"][0], "dlq")
    pop(http, queue, "Default", batch=1)  # one message leased
    detail = _get(http, f"/api/v1/resources/queues/{queue}")
    assert detail["name"] == queue
    stats = {p["name"]: p["stats"] for p in detail["partitions"]}
    assert stats["Default"] == {
        "total": 4,
        "pending": 1,
        "processing": 1,
        "completed": 1,
        "failed": 0,
        "deadLetter": 1,
    }
    assert stats["p2"]["pending"] == 1
    assert detail["totals"]["total"] == 5
    assert detail["totals"]["pending"] == 2
    default = next(p for p in detail["partitions"] if p["name"] == "Default")
    assert default["oldestMessage"] is not None
    unknown = _get(http, f"/api/v1/resources/queues/{queue}-nope")
    assert unknown == {"error": "Queue not found"}


def test_queue_listing_namespaces_and_tasks(http: httpx.Client, queue: str) -> None:
    _labelled(http, queue)
    push(http, queue, [1, 2])
    push(http, queue, [3], partition="p2")
    queues = {q["name"]: q for q in _get(http, "/api/v1/resources/queues")["queues"]}
    assert queues[queue]["partitions"] == 2
    assert queues[queue]["messages"] == {"total": 3, "pending": 3, "processing": 0}
    assert queues[queue]["namespace"] == f"{queue}-ns"
    namespaces = {
        n["namespace"]: n for n in _get(http, "/api/v1/resources/namespaces")["namespaces"]
    }
    assert namespaces[f"{queue}-ns"] == {
        "namespace": f"{queue}-ns",
        "queues": 1,
        "partitions": 2,
        "messages": {"total": 3, "pending": 3},
    }
    tasks = {t["task"]: t for t in _get(http, "/api/v1/resources/tasks")["tasks"]}
    assert tasks[f"{queue}-task"]["messages"] == {"total": 3, "pending": 3}
    overview = _get(http, "/api/v1/resources/overview")
    assert overview["queues"] >= 1
    assert overview["messages"]["total"] >= 3
    assert set(overview["lag"]) == {"time", "offset"}


def test_partitions_listing_extension(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1])
    push(http, queue, [2, 3], partition="p2")
    body = _get(http, "/api/v1/resources/partitions", queue=queue)
    assert [(p["name"], p["messages"]["total"]) for p in body["partitions"]] == [
        ("Default", 1),
        ("p2", 2),
    ]
    assert body["partitions"][0]["queue"] == queue
    page = _get(http, "/api/v1/resources/partitions", queue=queue, limit=1, offset=1)
    assert [p["name"] for p in page["partitions"]] == ["p2"]
    assert page["pagination"] == {"limit": 1, "offset": 1}


def test_delete_queue_cascades_but_keeps_subscriptions(http: httpx.Client, queue: str) -> None:
    group = f"{queue}-new"
    (item,) = push(http, queue, ["gone"])
    pop(http, queue, consumerGroup=group, subscriptionMode="new")
    message = pop(http, queue, "Default")["messages"][0]
    ack(http, message, "dlq")
    http.post(
        "/api/v1/traces",
        json={
            "transactionId": item["transaction_id"],
            "partitionId": item["partition_id"],
            "data": 1,
            "traceNames": f"{queue}-t",
        },
    )
    deleted = http.delete(f"/api/v1/resources/queues/{queue}").json()
    assert deleted == {"deleted": True, "queue": queue, "existed": True}
    again = http.delete(f"/api/v1/resources/queues/{queue}").json()
    assert again == {"deleted": True, "queue": queue, "existed": False}
    assert _get(http, f"/api/v1/resources/queues/{queue}") == {"error": "Queue not found"}
    assert _get(http, "/api/v1/dlq", queue=queue)["total"] == 0
    assert _get(http, f"/api/v1/traces/by-name/{queue}-t")["total"] == 0
    assert http.get(f"/api/v1/consumer-groups/{group}").content == b""
    # the recorded subscription survives: it wins over a later request's subscriptionFrom
    push(http, queue, ["after"])
    again_popped = pop(
        http, queue, consumerGroup=group, autoAck=True, subscriptionFrom="2999-01-01T00:00:00Z"
    )
    assert data_of(again_popped) == ["after"]


def test_clear_queue_deletes_messages_and_resets_cursors(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a", "b"])
    push(http, queue, ["c"], partition="p2")
    ack(http, pop(http, queue, "Default", batch=1)["messages"][0])
    one = http.delete(f"/api/v1/queues/{queue}/clear", params={"partition": "p2"}).json()
    assert one == {"success": True, "queue": queue, "partition": "p2", "deletedMessages": 1}
    everything = http.delete(f"/api/v1/queues/{queue}/clear").json()
    assert everything == {"success": True, "queue": queue, "partition": None, "deletedMessages": 2}
    assert _get(http, f"/api/v1/resources/queues/{queue}")["totals"]["total"] == 0
    push(http, queue, ["fresh"])
    assert data_of(pop(http, queue, "Default", batch=5)) == ["fresh"]
    missing = http.delete(f"/api/v1/queues/{queue}-nope/clear").json()
    assert (missing["success"], missing["error"]) == (False, "Queue not found")
    no_partition = http.delete(f"/api/v1/queues/{queue}/clear", params={"partition": "zz"})
    assert no_partition.json()["error"] == "Partition not found"
