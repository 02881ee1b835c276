"""Transactions (protocol §4.8), lease extension (§4.7) and recording traces (§4.9)."""

from __future__ import annotations

import uuid

import httpx

from .helpers import ack, configure, data_of, pop, push


def _tx(http: httpx.Client, operations: list[dict[str, object]]) -> dict[str, object]:
    response = http.post("/api/v1/transaction", json={"operations": operations})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_transaction_applies_acks_and_pushes_together(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["src-1", "src-2"])
    message = pop(http, queue, batch=1)["messages"][0]
    target = f"{queue}-out"
    body = _tx(
        http,
        [
            {
                "type": "ack",
                "transactionId": message["transactionId"],
                "partitionId": message["partitionId"],
                "leaseId": message["leaseId"],
            },
            {
                "type": "push",
                "items": [
                    {"queue": target, "payload": {"n": 1}},
                    {"queue": target, "partition": "p", "payload": 2},
                ],
            },
            {"type": "push", "queue": target, "data": "flat", "transactionId": "flat-1"},
        ],
    )
    assert body["success"] is True
    results = body["results"]
    assert isinstance(results, list)
    assert [r["type"] for r in results] == ["ack", "push", "push", "push"]
    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert results[3]["transactionId"] == "flat-1"
    assert data_of(pop(http, queue, batch=5)) == ["src-2"]
    assert data_of(pop(http, target, "Default", batch=5)) == [{"n": 1}, "flat"]


def test_failed_transaction_changes_nothing(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["keep"])
    message = pop(http, queue)["messages"][0]
    target = f"{queue}-out"
    body = _tx(
        http,
        [
            {
                "type": "ack",
                "transactionId": message["transactionId"],
                "partitionId": message["partitionId"],
                "leaseId": message["leaseId"],
            },
            {"type": "push", "items": [{"queue": target, "payload": 1}]},
            {"type": "delete", "queue": target},
        ],
    )
    assert body["success"] is False
    assert body["error"] == "Unknown operation type: delete"
    results = body["results"]
    assert isinstance(results, list)
    assert results[-1] == {
        "index": 2,
        "type": "delete",
        "success": False,
        "error": "Unknown operation type: delete",
    }
    assert pop(http, target)["error"] == "no_available_partition"
    # the ack was rolled back: after the lease is given up the message comes back
    ack(http, message, "retry")
    assert data_of(pop(http, queue)) == ["keep"]


def test_transaction_pushes_are_not_deduplicated(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1], transactionId="t1")
    body = _tx(http, [{"type": "push", "items": [{"queue": queue, "transactionId": "t1"}]}])
    assert body["success"] is False
    assert "messages_partition_transaction_unique" in str(body["error"])
    assert body["results"] == []


def test_transaction_ack_of_unknown_message_fails(http: httpx.Client, queue: str) -> None:
    pid = push(http, queue, [1])[0]["partition_id"]
    body = _tx(http, [{"type": "ack", "transactionId": "nope", "partitionId": pid}])
    assert body["success"] is False
    assert body["error"] == "ACK operation failed: Message not found"


def test_transaction_failed_ack_dead_letters_immediately(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["bad", "next"])
    message = pop(http, queue)["messages"][0]
    body = _tx(
        http,
        [
            {
                "type": "ack",
                "transactionId": message["transactionId"],
                "partitionId": message["partitionId"],
                "leaseId": message["leaseId"],
                "status": "failed",
            }
        ],
    )
    assert body["success"] is True
    results = body["results"]
    assert isinstance(results, list)
    assert results[0]["dlq"] is True
    assert data_of(pop(http, queue, batch=5)) == ["next"]


def test_lease_extension(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=30)
    push(http, queue, [1])
    lease = pop(http, queue)["leaseId"]
    first = http.post(f"/api/v1/lease/{lease}/extend", json={"seconds": 120}).json()
    assert first[0]["success"] is True
    assert first[0]["error"] is None
    second = http.post(f"/api/v1/lease/{lease}/extend", json={}).json()
    assert second[0]["expiresAt"] == first[0]["expiresAt"]  # never shortens
    unknown = http.post(f"/api/v1/lease/{uuid.uuid4()}/extend", json={"seconds": 5}).json()
    assert unknown[0] == {
        "index": 0,
        "leaseId": unknown[0]["leaseId"],
        "success": False,
        "error": "Lease not found",
        "expiresAt": None,
    }


def test_extended_lease_outlives_the_queue_lease_time(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=1)
    push(http, queue, [1])
    body = pop(http, queue)
    http.post(f"/api/v1/lease/{body['leaseId']}/extend", json={"seconds": 60})
    # still leased after the original second has passed
    waited = pop(http, queue, wait=True, timeout=2500)
    assert waited["messages"] == []
    assert ack(http, body["messages"][0])["success"] is True


def test_record_trace(http: httpx.Client, queue: str) -> None:
    pushed = push(http, queue, [1], transactionId="traced")[0]
    body = {
        "transactionId": "traced",
        "partitionId": pushed["partition_id"],
        "eventType": "step",
        "data": {"text": "validated"},
        "traceNames": ["a", "b", "a"],
    }
    result = http.post("/api/v1/traces", json=body).json()
    assert result["success"] is True
    uuid.UUID(result["traceId"])
    missing = http.post("/api/v1/traces", json={**body, "transactionId": "nope"}).json()
    assert missing == {"success": False, "error": "Message not found"}
