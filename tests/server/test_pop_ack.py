"""Pop and ack semantics (protocol §4.2, §4.4 to §4.6)."""

from __future__ import annotations

import httpx

from .helpers import ack, configure, data_of, pop, push


def test_fifo_within_a_partition(http: httpx.Client, queue: str) -> None:
    push(http, queue, list(range(5)))
    push(http, queue, list(range(5, 8)))
    body = pop(http, queue, batch=100)
    assert data_of(body) == list(range(8))


def test_pop_answer_shape(http: httpx.Client, queue: str) -> None:
    pushed = push(http, queue, [{"a": 1}], transactionId="tx-1")[0]
    body = pop(http, queue)
    assert body["success"] is True
    assert body["queue"] == queue
    assert body["partition"] == "Default"
    assert body["partitionId"] == pushed["partition_id"]
    assert body["consumerGroup"] == "__QUEUE_MODE__"
    assert body["partitionsClaimed"] == 1
    (message,) = body["messages"]
    assert set(message) == {
        "id",
        "transactionId",
        "traceId",
        "data",
        "producerSub",
        "createdAt",
        "partitionId",
        "partition",
        "leaseId",
        "consumerGroup",
    }
    assert message["id"] == pushed["message_id"]
    assert message["leaseId"] == body["leaseId"]
    assert message["createdAt"].endswith("Z")
    assert len(message["createdAt"]) == 27


def test_one_lease_per_partition_and_group(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2], partition="p1")
    first = pop(http, queue, "p1", batch=10)
    assert data_of(first) == [1, 2]
    assert pop(http, queue, "p1") == {"success": False, "error": "lease_held", "messages": []}
    assert pop(http, queue)["error"] == "no_available_partition"
    other_group = pop(http, queue, "p1", consumerGroup="g1", batch=10)
    assert data_of(other_group) == [1, 2]


def test_unknown_queue_and_partition(http: httpx.Client, queue: str) -> None:
    assert pop(http, queue) == {"success": False, "error": "no_available_partition", "messages": []}
    assert pop(http, queue, "Default")["error"] == "partition_not_found"
    push(http, queue, [1])
    assert pop(http, queue, "nope")["error"] == "partition_not_found"


def test_batch_is_a_budget_across_partitions(http: httpx.Client, queue: str) -> None:
    for p in ("a", "b", "c"):
        push(http, queue, [f"{p}1", f"{p}2"], partition=p)
    body = pop(http, queue, batch=5, partitions=3)
    assert len(body["messages"]) == 5
    assert body["partitionsClaimed"] == 3
    by_partition: dict[str, list[str]] = {}
    for m in body["messages"]:
        by_partition.setdefault(m["partition"], []).append(m["data"])
    for p, values in by_partition.items():
        assert values == [f"{p}1", f"{p}2"][: len(values)]
    assert len({m["leaseId"] for m in body["messages"]}) == 1


def test_partitions_take_turns(http: httpx.Client, queue: str) -> None:
    for p in ("a", "b", "c"):
        push(http, queue, [f"{p}{i}" for i in range(3)], partition=p)
    seen = []
    for _ in range(3):
        body = pop(http, queue, batch=1)
        seen.append(body["partition"])
        assert ack(http, body["messages"][0])["success"] is True
    assert sorted(seen) == ["a", "b", "c"]


def test_ack_moves_the_cursor_and_releases_the_lease_after_the_batch(
    http: httpx.Client, queue: str
) -> None:
    push(http, queue, [1, 2, 3])
    body = pop(http, queue, batch=2)
    first, second = body["messages"]
    result = ack(http, first)
    assert result["success"] is True
    assert result["leaseReleased"] is False
    assert ack(http, second)["leaseReleased"] is True
    assert data_of(pop(http, queue, batch=10)) == [3]


def test_unacked_messages_are_redelivered_under_a_new_lease_after_expiry(
    http: httpx.Client, queue: str
) -> None:
    configure(http, queue, leaseTime=1)
    push(http, queue, [1])
    first = pop(http, queue)
    assert pop(http, queue)["error"] == "no_available_partition"
    again = pop(http, queue, wait=True, timeout=5000)
    assert data_of(again) == [1]
    assert again["leaseId"] != first["leaseId"]
    stale = ack(http, first["messages"][0])
    assert stale["success"] is False
    assert stale["error"] == "Invalid or expired lease"
    assert ack(http, again["messages"][0])["success"] is True


def test_failed_retries_then_dead_letters_at_retry_limit(http: httpx.Client, queue: str) -> None:
    configure(http, queue, retryLimit=1)
    push(http, queue, ["doomed"], transactionId="d1")
    first = pop(http, queue)
    result = ack(http, first["messages"][0], "failed", error="boom-1")
    assert (result["success"], result["leaseReleased"], result["dlq"]) == (True, True, False)
    second = pop(http, queue)
    assert data_of(second) == ["doomed"]
    result = ack(http, second["messages"][0], "failed", error="boom-2")
    assert (result["success"], result["dlq"]) == (True, True)
    body = pop(http, queue, "Default")
    assert body["messages"] == []
    assert body["partitionsClaimed"] == 1


def test_dlq_status_dead_letters_at_once(http: httpx.Client, queue: str, pg_dsn: str) -> None:
    push(http, queue, ["x", "y"])
    body = pop(http, queue, batch=1)
    assert ack(http, body["messages"][0], "dlq")["dlq"] is True
    assert data_of(pop(http, queue)) == ["y"]


def test_retry_status_releases_without_moving_the_cursor(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    body = pop(http, queue, batch=2)
    assert ack(http, body["messages"][0], "retry")["leaseReleased"] is True
    assert data_of(pop(http, queue, batch=2)) == [1, 2]


def test_ack_batch_answers_in_request_order(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2, 3])
    body = pop(http, queue, batch=3)
    acks = [
        {
            "transactionId": m["transactionId"],
            "partitionId": m["partitionId"],
            "leaseId": m["leaseId"],
        }
        for m in reversed(body["messages"])
    ]
    acks.append({"transactionId": "nope", "partitionId": body["partitionId"]})
    result = http.post("/api/v1/ack/batch", json={"acknowledgments": acks}).json()
    assert [r["transactionId"] for r in result] == [a["transactionId"] for a in acks]
    assert [r["success"] for r in result] == [True, True, True, False]
    assert result[3]["error"] == "Message not found"
    assert [r["index"] for r in result] == [0, 1, 2, 3]
    assert pop(http, queue)["error"] == "no_available_partition"


def test_unknown_ack_status_changes_nothing(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1])
    message = pop(http, queue)["messages"][0]
    result = ack(http, message, "bogus")
    assert (result["success"], result["error"]) == (False, None)


def test_consumer_groups_have_their_own_cursors(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    for group in ("g1", "g2"):
        body = pop(http, queue, batch=10, consumerGroup=group)
        assert data_of(body) == [1, 2]
        for m in body["messages"]:
            ack(http, m, consumerGroup=group)
    push(http, queue, [3])
    assert data_of(pop(http, queue, batch=10, consumerGroup="g1")) == [3]
    assert data_of(pop(http, queue, batch=10)) == [1, 2, 3]


def test_subscription_mode_new_skips_existing_messages(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["old"])
    first = pop(http, queue, consumerGroup="gnew", subscriptionMode="new", batch=10)
    assert first["messages"] == []
    push(http, queue, ["new"])
    body = pop(http, queue, consumerGroup="gnew", subscriptionMode="new", batch=10)
    assert data_of(body) == ["new"]
    # queue mode ignores subscriptions and starts at the oldest message
    assert data_of(pop(http, queue, subscriptionMode="new", batch=10)) == ["old", "new"]


def test_subscription_from_a_timestamp_and_first_subscription_wins(
    http: httpx.Client, queue: str
) -> None:
    push(http, queue, ["before"])
    created = pop(http, queue, consumerGroup="peek", autoAck=True)["messages"][0]["createdAt"]
    push(http, queue, ["after"])
    after_ts = pop(http, queue, "Default", consumerGroup="peek", autoAck=True)
    cut = after_ts["messages"][0]["createdAt"]
    assert cut > created
    body = pop(http, queue, consumerGroup="gts", subscriptionFrom=cut, batch=10)
    assert data_of(body) == ["after"]
    # a later "all" request from the same group keeps the recorded subscription
    ack(http, body["messages"][0], consumerGroup="gts")
    push(http, queue, ["later"])
    assert data_of(pop(http, queue, consumerGroup="gts", batch=10)) == ["later"]


def test_subscription_from_now(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["old"])
    assert pop(http, queue, consumerGroup="gnow", subscriptionFrom="now")["messages"] == []
    push(http, queue, ["new"])
    assert data_of(pop(http, queue, consumerGroup="gnow", batch=5)) == ["new"]


def test_auto_ack_consumes_on_delivery(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    body = pop(http, queue, autoAck=True, batch=1)
    assert body["leaseId"] == ""
    assert body["messages"][0]["leaseId"] == ""
    assert data_of(pop(http, queue, autoAck=True, batch=5)) == [2]


def test_delayed_processing_hides_young_messages(http: httpx.Client, queue: str) -> None:
    configure(http, queue, delayedProcessing=1)
    push(http, queue, ["later"])
    body = pop(http, queue)
    assert body["messages"] == []
    assert body["partitionsClaimed"] == 1
    assert data_of(pop(http, queue, wait=True, timeout=10000)) == ["later"]


def test_window_buffer_waits_for_quiet_partitions(http: httpx.Client, queue: str) -> None:
    configure(http, queue, windowBuffer=1)
    push(http, queue, ["w"])
    body = pop(http, queue, "Default")
    assert body["windowBufferActive"] is True
    assert body["leaseId"] == ""
    assert pop(http, queue)["error"] == "no_available_partition"
    assert data_of(pop(http, queue, wait=True, timeout=10000)) == ["w"]


def test_partition_route_batch_zero_claims_nothing(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1])
    body = pop(http, queue, "Default", batch=0)
    assert body["messages"] == []
    assert body["partitionsClaimed"] == 1
    assert data_of(pop(http, queue, "Default")) == [1]


def test_query_parsing_follows_upstream(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2, 3])
    response = http.get(f"/api/v1/pop/queue/{queue}?batch=2abc&autoAck=True")
    body = response.json()
    assert len(body["messages"]) == 2
    assert body["leaseId"] != ""  # "True" is not true
    empty_group = http.get(f"/api/v1/pop/queue/{queue}?consumerGroup=&autoAck=1").json()
    assert empty_group["consumerGroup"] == ""
