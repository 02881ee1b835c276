"""Push: answers, auto-creation, dedup (protocol §3.5, §4.1)."""

from __future__ import annotations

import uuid

import anyio
import asyncpg
import httpx

from .helpers import pop, push


def test_push_answers_one_queued_item_per_message_in_order(http: httpx.Client, queue: str) -> None:
    trace = str(uuid.uuid4())
    items = [
        {"queue": queue, "payload": {"n": 1}, "transactionId": "a"},
        {"queue": queue, "partition": "p2", "payload": "text", "traceId": trace},
    ]
    response = http.post("/api/v1/push", json={"items": items})
    assert response.status_code == 200
    result = response.json()
    assert [r["status"] for r in result] == ["queued", "queued"]
    assert [r["index"] for r in result] == [0, 1]
    assert result[0]["transaction_id"] == "a"
    assert result[0]["trace_id"] is None
    assert result[1]["trace_id"] == trace
    assert result[0]["partition_id"] != result[1]["partition_id"]
    assert all(r["queueName"] == queue for r in result)
    uuid.UUID(result[1]["transaction_id"])  # generated when absent
    assert result[0]["message_id"][14] == "7"  # UUIDv7


def test_empty_items_answer_201_and_an_empty_list(http: httpx.Client) -> None:
    response = http.post("/api/v1/push", json={"items": []})
    assert response.status_code == 201
    assert response.json() == []


def test_duplicate_transaction_id_in_the_same_partition_is_reported(
    http: httpx.Client, queue: str
) -> None:
    first = push(http, queue, [{"v": 1}], transactionId="dup")[0]
    again = push(http, queue, [{"v": 2}], transactionId="dup")[0]
    assert again == {
        "index": 0,
        "transaction_id": "dup",
        "status": "duplicate",
        "message_id": first["message_id"],
        "queueName": queue,
    }
    other_partition = push(http, queue, [{"v": 3}], partition="p2", transactionId="dup")[0]
    assert other_partition["status"] == "queued"
    body = pop(http, queue, "Default", batch=10)
    assert [m["data"] for m in body["messages"]] == [{"v": 1}]


def test_duplicates_within_one_request_point_at_the_first(http: httpx.Client, queue: str) -> None:
    result = push(http, queue, [1, 2, 3], transactionId="same")
    assert [r["status"] for r in result] == ["queued", "duplicate", "duplicate"]
    assert len({r["message_id"] for r in result}) == 1


def test_payloads_of_any_json_type_round_trip(http: httpx.Client, queue: str) -> None:
    payloads = ["s", 42.5, None, [1, "two", {"three": 3}], False, {"é": "日本 🚀"}]
    push(http, queue, payloads)
    body = pop(http, queue, batch=10)
    assert [m["data"] for m in body["messages"]] == payloads


def test_missing_payload_is_stored_as_null(http: httpx.Client, queue: str) -> None:
    response = http.post("/api/v1/push", json={"items": [{"queue": queue}]})
    assert response.status_code == 200
    assert pop(http, queue)["messages"][0]["data"] is None


def test_auto_created_queue_derives_namespace_and_task(
    http: httpx.Client, pg_dsn: str, queue: str
) -> None:
    name = f"{queue}.billing.extra"
    push(http, name, [1])

    async def read() -> asyncpg.Record | None:
        conn = await asyncpg.connect(pg_dsn)
        try:
            return await conn.fetchrow(
                "SELECT namespace, task, lease_time, retry_limit FROM queen.queues WHERE name=$1",
                name,
            )
        finally:
            await conn.close()

    row = anyio.run(read)
    assert row is not None
    assert (row["namespace"], row["task"]) == (queue, "billing")
    assert (row["lease_time"], row["retry_limit"]) == (300, 3)


def test_empty_transaction_and_trace_ids_are_treated_as_absent(
    http: httpx.Client, queue: str
) -> None:
    result = push(http, queue, [1], transactionId="", traceId="")[0]
    assert result["status"] == "queued"
    assert result["trace_id"] is None
    uuid.UUID(result["transaction_id"])
