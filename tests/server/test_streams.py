"""Streams support (protocol §3.21): registration, one-transaction cycles, state reads."""

from __future__ import annotations

from typing import Any

import httpx

from .helpers import data_of, pop, push


def _post(http: httpx.Client, path: str, body: Any, status: int = 200) -> Any:
    response = http.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


def _register(http: httpx.Client, name: str, source: str, **extra: Any) -> Any:
    body = {"name": name, "source_queue": source, "config_hash": "h1", **extra}
    return _post(http, "/streams/v1/queries", body)


def _state(http: httpx.Client, query_id: str, partition_id: str, **extra: Any) -> list[Any]:
    body = {"query_id": query_id, "partition_id": partition_id, **extra}
    answer = _post(http, "/streams/v1/state/get", body)
    assert answer["success"] is True
    rows: list[Any] = answer["rows"]
    return rows


def test_register_is_idempotent_and_guards_the_config_hash(http: httpx.Client, queue: str) -> None:
    name = f"{queue}-q"
    first = _register(http, name, queue, sink_queue=f"{queue}-sink")
    assert (first["success"], first["fresh"], first["reset"]) == (True, True, False)
    again = _register(http, name, queue)
    assert (again["query_id"], again["fresh"]) == (first["query_id"], False)
    body = {"name": name, "source_queue": queue, "config_hash": "h2"}
    conflict = _post(http, "/streams/v1/queries", body, status=409)
    assert conflict["success"] is False
    assert conflict["query_id"] == first["query_id"]
    assert "config_hash mismatch" in conflict["error"]
    reset = _post(http, "/streams/v1/queries", {**body, "reset": True})
    assert (reset["success"], reset["reset"], reset["config_hash"]) == (True, True, "h2")
    assert _post(http, "/streams/v1/queries", {"name": name}, status=400) == {
        "error": "source_queue is required"
    }


def test_cycle_applies_state_pushes_and_ack_together(http: httpx.Client, queue: str) -> None:
    sink = f"{queue}-sink"
    query = _register(http, f"{queue}-q", queue, sink_queue=sink)["query_id"]
    items = push(http, queue, [{"a": 1}, {"a": 2}, {"a": 3}], partition="acct")
    partition_id = items[0]["partition_id"]
    delivered = pop(http, queue, "acct", consumerGroup="streams.q", batch=2)
    cycle = {
        "query_id": query,
        "partition_id": partition_id,
        "consumer_group": "streams.q",
        "state_ops": [
            {"type": "upsert", "key": "total", "value": {"sum": 3, "windowEnd": 1000}},
            {"type": "upsert", "key": "count", "value": {"n": 2, "windowEnd": 2000}},
            {"type": "upsert", "key": "meta"},
        ],
        "push_items": [
            {"queue": sink, "partition": "acct", "payload": {"sum": 3}, "transactionId": "sum-1"}
        ],
        "ack": {
            "transactionId": items[1]["transaction_id"],
            "leaseId": delivered["leaseId"],
            "count": 2,
        },
    }
    answer = _post(http, "/streams/v1/cycle", cycle)
    assert answer["success"] is True
    assert (answer["queueName"], answer["state_ops_applied"]) == (queue, 3)
    assert answer["ack_result"] == {
        "success": True,
        "count": 2,
        "lease_released": True,
        "dlq": False,
    }
    assert [r["status"] for r in answer["push_results"]] == ["queued"]
    rows = _state(http, query, partition_id)
    assert [(r["key"], r["value"]) for r in rows] == [
        ("count", {"n": 2, "windowEnd": 2000}),
        ("meta", {}),
        ("total", {"sum": 3, "windowEnd": 1000}),
    ]
    assert rows[0]["updated_at"].endswith("+00:00")
    # the source cursor moved past the acknowledged message; the sink has the pushed result
    assert data_of(pop(http, queue, "acct", consumerGroup="streams.q", autoAck=True)) == [{"a": 3}]
    assert data_of(pop(http, sink, "acct", autoAck=True)) == [{"sum": 3}]
    # sink pushes are deduplicated by transactionId
    repeat = _post(http, "/streams/v1/cycle", {**cycle, "ack": None, "state_ops": []})
    assert [r["status"] for r in repeat["push_results"]] == ["duplicate"]


def test_failed_cycle_rolls_everything_back(http: httpx.Client, queue: str) -> None:
    sink = f"{queue}-sink"
    query = _register(http, f"{queue}-q", queue)["query_id"]
    partition_id = push(http, queue, ["e"])[0]["partition_id"]
    answer = _post(
        http,
        "/streams/v1/cycle",
        {
            "query_id": query,
            "partition_id": partition_id,
            "state_ops": [{"type": "upsert", "key": "should-not-exist", "value": {}}],
            "push_items": [{"queue": sink, "payload": "x"}],
            "ack": {"transactionId": "no-such-message"},
        },
    )
    assert (answer["success"], answer["error"], answer["ack_result"]) == (
        False,
        "Message not found",
        None,
    )
    assert answer["state_ops_applied"] == 1
    assert _state(http, query, partition_id) == []
    assert pop(http, sink)["messages"] == []
    unknown_op = _post(
        http,
        "/streams/v1/cycle",
        {
            "query_id": query,
            "partition_id": partition_id,
            "state_ops": [{"type": "merge", "key": "k"}],
        },
    )
    assert unknown_op["error"] == "Unknown state_op type: merge"


def test_failed_ack_dead_letters_the_source_message(http: httpx.Client, queue: str) -> None:
    query = _register(http, f"{queue}-q", queue)["query_id"]
    (item,) = push(http, queue, ["bad"])
    answer = _post(
        http,
        "/streams/v1/cycle",
        {
            "query_id": query,
            "partition_id": item["partition_id"],
            "consumer_group": "streams.q",
            "ack": {"transactionId": item["transaction_id"], "status": "failed"},
        },
    )
    assert answer["ack_result"] == {
        "success": True,
        "count": 0,
        "lease_released": False,
        "dlq": True,
    }
    dlq = http.get("/api/v1/dlq", params={"queue": queue}).json()
    assert [(m["consumerGroup"], m["errorMessage"]) for m in dlq["messages"]] == [
        ("streams.q", "Streaming cycle reported failure")
    ]
    assert pop(http, queue, consumerGroup="streams.q")["messages"] == []


def test_state_get_filters(http: httpx.Client, queue: str) -> None:
    query = _register(http, f"{queue}-q", queue)["query_id"]
    partition_id = push(http, queue, ["e"])[0]["partition_id"]
    ops = [
        {"type": "upsert", "key": "count", "value": {"windowEnd": 2000}},
        {"type": "upsert", "key": "total", "value": {"windowEnd": 1000}},
        {"type": "upsert", "key": "text", "value": {"windowEnd": "soon"}},
    ]
    cycle = {"query_id": query, "partition_id": partition_id, "state_ops": ops}
    assert _post(http, "/streams/v1/cycle", cycle)["success"] is True
    keys = [r["key"] for r in _state(http, query, partition_id, keys=["total", "absent"])]
    assert keys == ["total"]
    assert [r["key"] for r in _state(http, query, partition_id, key_prefix="co")] == ["count"]
    ripe = _state(http, query, partition_id, ripe_at_or_before=1500)
    assert [r["key"] for r in ripe] == ["total"]
    deleted = {**cycle, "state_ops": [{"type": "delete", "key": "count"}]}
    assert _post(http, "/streams/v1/cycle", deleted)["state_ops_applied"] == 1
    assert [r["key"] for r in _state(http, query, partition_id)] == ["text", "total"]
    other = "3782f20b-46c0-472c-acc6-6f72257cb385"
    assert _state(http, other, partition_id) == []
    assert (
        _post(
            http, "/streams/v1/state/get", {"query_id": "nope", "partition_id": other}, status=400
        )["error"]
        == "query_id must be a UUID, got 'nope'"
    )


def test_state_goes_with_the_source_queue(http: httpx.Client, queue: str) -> None:
    query = _register(http, f"{queue}-q", queue)["query_id"]
    partition_id = push(http, queue, ["e"])[0]["partition_id"]
    cycle = {
        "query_id": query,
        "partition_id": partition_id,
        "state_ops": [{"type": "upsert", "key": "k", "value": 1}],
    }
    _post(http, "/streams/v1/cycle", cycle)
    http.delete(f"/api/v1/resources/queues/{queue}")
    assert _state(http, query, partition_id) == []


def test_cycle_checks_the_lease_and_can_keep_it(http: httpx.Client, queue: str) -> None:
    query = _register(http, f"{queue}-q", queue)["query_id"]
    items = push(http, queue, ["a", "b", "c"], partition="p")
    partition_id = items[0]["partition_id"]
    delivered = pop(http, queue, "p", consumerGroup="streams.q", batch=3)
    base = {"query_id": query, "partition_id": partition_id, "consumer_group": "streams.q"}
    stale = _post(
        http,
        "/streams/v1/cycle",
        {**base, "ack": {"transactionId": items[0]["transaction_id"], "leaseId": "stale"}},
    )
    assert (stale["success"], stale["error"]) == (False, "Invalid or expired lease")
    kept = _post(
        http,
        "/streams/v1/cycle",
        {
            **base,
            "release_lease": False,
            "ack": {"transactionId": items[0]["transaction_id"], "leaseId": delivered["leaseId"]},
        },
    )
    assert kept["ack_result"]["lease_released"] is False
    # the lease is still held: the group cannot claim the partition yet
    assert pop(http, queue, "p", consumerGroup="streams.q")["error"] == "lease_held"
    released = _post(
        http,
        "/streams/v1/cycle",
        {
            **base,
            "ack": {"transactionId": items[1]["transaction_id"], "leaseId": delivered["leaseId"]},
        },
    )
    assert released["ack_result"]["lease_released"] is True
    assert data_of(pop(http, queue, "p", consumerGroup="streams.q", autoAck=True)) == ["c"]
    bad = http.post("/streams/v1/cycle", json={**base, "ack": {"transactionId": "x", "count": -1}})
    assert bad.status_code == 400
