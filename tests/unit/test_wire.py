"""I/O-free payload building and answer parsing, checked against upstream answers."""

from __future__ import annotations

import uuid

import pytest

from queen import QueenConfigError, QueenServerError, QueenValidationError
from queen._ids import is_uuid, uuid7
from queen._wire import (
    ack_entry,
    ack_status,
    parse_ack,
    parse_dlq,
    parse_pop,
    parse_push,
    push_items,
    queue_options,
    trace_body,
)

from .conftest import answer


def test_uuid7_layout_and_order() -> None:
    ids = [uuid7() for _ in range(2000)]
    parsed = [uuid.UUID(i) for i in ids]
    assert {p.version for p in parsed} == {7}
    assert {p.variant for p in parsed} == {uuid.RFC_4122}
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_is_uuid_accepts_any_version() -> None:
    assert is_uuid(str(uuid.uuid4()))
    assert is_uuid(uuid7())
    assert is_uuid(str(uuid.uuid1()))
    assert not is_uuid("not-a-uuid")


def test_push_items_payload_choice_and_generated_ids() -> None:
    items = push_items(
        "orders",
        "p1",
        [{"data": {"a": 1}}, {"payload": 2, "transactionId": "t-2"}, {"whole": True}],
    )
    assert [i["payload"] for i in items] == [{"a": 1}, 2, {"whole": True}]
    assert items[1]["transactionId"] == "t-2"
    assert uuid.UUID(items[0]["transactionId"]).version == 7
    assert {(i["queue"], i["partition"]) for i in items} == {("orders", "p1")}
    assert all("traceId" not in i for i in items)


def test_push_items_keep_trace_ids_of_any_uuid_version() -> None:
    v7 = uuid7()
    v4 = str(uuid.uuid4())
    items = push_items("q", "Default", [{"data": 1, "traceId": v7}, {"data": 2, "traceId": v4}])
    assert [i["traceId"] for i in items] == [v7, v4]


def test_push_items_reject_a_non_uuid_trace_id() -> None:
    with pytest.raises(
        QueenValidationError, match="message 0 has traceId 'abc'; it must be a UUID string"
    ):
        push_items("q", "Default", [{"data": 1, "traceId": "abc"}])


def test_push_items_accepts_a_single_dict_and_rejects_other_things() -> None:
    assert len(push_items("q", "Default", {"data": 1})) == 1
    with pytest.raises(QueenValidationError, match="got str"):
        push_items("q", "Default", "hello")
    with pytest.raises(QueenValidationError, match="must be a dict, got 5"):
        push_items("q", "Default", [5])


def test_parse_push_upstream_answers() -> None:
    queued = answer("push", "push batch of 3 to one named partition with transactionIds")
    assert [r["status"] for r in parse_push(queued)] == ["queued"] * 3
    duplicate = answer("push", "push the same transactionId again (duplicate)")
    assert parse_push(duplicate)[0]["status"] == "duplicate"
    assert parse_push(answer("push", "push with empty items array")) == []
    assert parse_push(None) == []
    with pytest.raises(QueenServerError, match="push failed: boom"):
        parse_push({"error": "boom"})


@pytest.mark.parametrize(
    "name",
    [
        "pop from unknown queue",
        "pop from unknown partition of existing queue",
        "pop same partition again while leased (same group)",
        "long poll on an empty queue: wait=true, timeout=2000",
        "pop partition of window-buffer queue while window open",
        "pop delayed queue (any partition) before delay elapsed",
    ],
)
def test_parse_pop_nothing_delivered(name: str) -> None:
    assert parse_pop(answer("pop", name)) == []


def test_parse_pop_empty_body_and_204() -> None:
    assert parse_pop(None) == []
    assert parse_pop({"messages": [], "paused": True}) == []


def test_parse_pop_messages() -> None:
    messages = parse_pop(
        answer("pop", "pop multiple partitions in one call (partitions=3, batch=10)")
    )
    assert len(messages) >= 2
    assert {"id", "transactionId", "partitionId", "leaseId", "data", "consumerGroup"} <= set(
        messages[0]
    )


def test_parse_pop_sql_error_raises() -> None:
    with pytest.raises(QueenServerError, match="LIMIT must not be negative"):
        parse_pop(answer("pop", "pop partition route with batch=-1"))


def test_ack_status_mapping() -> None:
    assert ack_status(True) == "completed"
    assert ack_status(False) == "failed"
    assert ack_status("retry") == "retry"
    with pytest.raises(QueenConfigError, match="got None"):
        ack_status(None)


def test_ack_entry_carries_lease_and_error() -> None:
    message = {"transactionId": "t", "partitionId": "p", "leaseId": "L", "consumerGroup": "g"}
    assert ack_entry(message, "failed", "ValueError: bad") == {
        "transactionId": "t",
        "partitionId": "p",
        "status": "failed",
        "leaseId": "L",
        "error": "ValueError: bad",
    }
    assert "leaseId" not in ack_entry(
        {"transactionId": "t", "partitionId": "p", "leaseId": ""}, "completed", None
    )
    with pytest.raises(QueenValidationError, match="partitionId"):
        ack_entry({"transactionId": "t"}, "completed", None)


def test_parse_ack_upstream_answers() -> None:
    stale = parse_ack(answer("ack", "ack with a stale leaseId"), 1)
    assert stale[0]["success"] is False
    assert stale[0]["error"] == "Invalid or expired lease"
    batch = parse_ack(answer("ack", "ack/batch of unknown ids"), 2)
    assert [r["error"] for r in batch] == ["Message not found"] * len(batch)
    with pytest.raises(QueenServerError, match="invalid input syntax for type uuid"):
        parse_ack(answer("ack", "ack with non-UUID partitionId"), 1)


def test_parse_dlq_computes_total() -> None:
    listed = parse_dlq(answer("dlq", "DLQ listing for the queue"), 100, 0)
    assert listed["total"] == len(listed["messages"]) >= 2
    assert parse_dlq(answer("dlq", "DLQ listing with offset=1"), 10, 1) == {
        "total": 1,
        "messages": [],
    }
    assert parse_dlq(None, 100, 0) == {"total": 0, "messages": []}
    many = {"messages": [{"id": str(i)} for i in range(5)]}
    page = parse_dlq(many, 2, 1)
    assert page["total"] == 5
    assert [m["id"] for m in page["messages"]] == ["1", "2"]
    assert parse_dlq({"messages": [], "total": 42}, 10, 0)["total"] == 42


def test_queue_options_validation_and_spelling() -> None:
    assert queue_options({"lease_time": 30, "retryLimit": 2, "dlq_after_max_retries": True}) == {
        "leaseTime": 30,
        "retryLimit": 2,
        "dlqAfterMaxRetries": True,
    }
    with pytest.raises(QueenConfigError, match="unknown queue option 'lease'"):
        queue_options({"lease": 1})
    with pytest.raises(QueenConfigError, match="leaseTime must be an integer, got '30'"):
        queue_options({"leaseTime": "30"})
    with pytest.raises(QueenConfigError, match="encryptionEnabled must be True or False"):
        queue_options({"encryptionEnabled": 1})


def test_trace_body_shapes() -> None:
    message = {"transactionId": "t", "partitionId": "p", "consumerGroup": "g"}
    assert trace_body(message, {"data": {"x": 1}, "traceName": "order-1"}) == {
        "transactionId": "t",
        "partitionId": "p",
        "consumerGroup": "g",
        "eventType": "info",
        "data": {"x": 1},
        "traceNames": ["order-1"],
    }
    body = trace_body(
        {"transactionId": "t", "partitionId": "p"},
        {"data": 1, "eventType": "step", "traceName": ["a", ""]},
    )
    assert isinstance(body, dict)
    assert (body["consumerGroup"], body["eventType"], body["traceNames"]) == (
        "__QUEUE_MODE__",
        "step",
        ["a"],
    )
    assert trace_body(message, {"nodata": 1}) == "Invalid trace config: requires { data: {...} }"
