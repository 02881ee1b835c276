"""Exact requests sent by the data-plane calls, and parsing of upstream answers."""

from __future__ import annotations

import uuid

import httpx
import pytest
import respx

from queen import (
    Queen,
    QueenConfigError,
    QueenServerError,
    QueenTransactionError,
    QueenValidationError,
)

from .conftest import BASE, answer, needs, sent_json

pytestmark = [pytest.mark.anyio, needs("data")]

MESSAGE = {
    "id": "01a22150-b6ec-7000-b647-f86d50f41b61",
    "transactionId": "t-1",
    "partitionId": "fe2dbd79-ff15-449d-8801-255c2146aba1",
    "leaseId": "L-1",
    "consumerGroup": "__QUEUE_MODE__",
    "data": {"n": 1},
}


async def test_configure_sends_only_given_options(mock: respx.MockRouter) -> None:
    body = answer("configure", "configure DLQ queue (retryLimit 1, leaseTime 30)")
    route = mock.post("/api/v1/configure").respond(200, json=body)
    async with Queen(BASE) as queen:
        result = await queen.queue("orders").config({"lease_time": 30, "retryLimit": 1}).create()
    assert result["configured"] is True
    assert sent_json(route) == {
        "queue": "orders",
        "namespace": "",
        "task": "",
        "options": {"leaseTime": 30, "retryLimit": 1},
    }


async def test_configure_with_namespace_and_task(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/configure").respond(200, json={"configured": True})
    async with Queen(BASE) as queen:
        await queen.queue("q").namespace("billing").task("invoices").create()
    assert sent_json(route) == {
        "queue": "q",
        "namespace": "billing",
        "task": "invoices",
        "options": {},
    }


async def test_configure_error_in_200_raises(mock: respx.MockRouter) -> None:
    body = answer("configure", 'configure with an uncastable option value (leaseTime "abc")')
    mock.post("/api/v1/configure").respond(200, json=body)
    async with Queen(BASE) as queen:
        with pytest.raises(QueenServerError, match="invalid input syntax for type integer"):
            await queen.queue("q").create()


async def test_push_body_and_results(mock: respx.MockRouter) -> None:
    body = answer("push", "push batch of 3 to one named partition with transactionIds")
    route = mock.post("/api/v1/push").respond(200, json=body)
    trace = str(uuid.uuid4())
    async with Queen(BASE) as queen:
        results = (
            await queen.queue("orders")
            .partition("p1")
            .push(
                [
                    {"data": {"seq": 1}, "transactionId": "x-1", "traceId": trace},
                    {"data": {"seq": 2}},
                ]
            )
        )
    assert [r["status"] for r in results] == ["queued"] * 3
    request = route.calls[0].request
    assert request.method == "POST"
    assert request.url.path == "/api/v1/push"
    items = sent_json(route)["items"]
    assert items[0] == {
        "queue": "orders",
        "partition": "p1",
        "payload": {"seq": 1},
        "transactionId": "x-1",
        "traceId": trace,
    }
    assert items[1]["partition"] == "p1"
    assert uuid.UUID(items[1]["transactionId"]).version == 7
    assert "traceId" not in items[1]


async def test_push_default_partition(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(200, json=[{"status": "queued"}])
    async with Queen(BASE) as queen:
        await queen.queue("orders").push({"data": "hello"})
    assert sent_json(route)["items"][0]["partition"] == "Default"


async def test_push_real_201_and_error_object(mock: respx.MockRouter) -> None:
    mock.post("/api/v1/push").mock(
        side_effect=[
            httpx.Response(201, json=[{"status": "queued", "message_id": "m"}]),
            httpx.Response(200, json={"error": "db down"}),
            httpx.Response(400, json={"error": "items array is required"}),
        ]
    )
    async with Queen(BASE, retry_attempts=1) as queen:
        assert (await queen.queue("q").push([{"data": 1}]))[0]["status"] == "queued"
        with pytest.raises(QueenServerError, match="db down"):
            await queen.queue("q").push([{"data": 1}])
        with pytest.raises(QueenValidationError, match="items array is required") as info:
            await queen.queue("q").push([{"data": 1}])
    assert info.value.status == 400


async def test_pop_wildcard_defaults(mock: respx.MockRouter) -> None:
    body = answer("pop", "pop from queue (any partition), batch=2")
    route = mock.get("/api/v1/pop/queue/orders").respond(200, json=body)
    async with Queen(BASE) as queen:
        messages = await queen.queue("orders").pop()
    assert dict(route.calls[0].request.url.params) == {"batch": "1"}
    assert [m["transactionId"] for m in messages] == [m["transactionId"] for m in body["messages"]]
    assert callable(messages[0]["trace"])


async def test_pop_all_options_on_the_partition_route(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop/queue/orders/partition/p1").respond(
        200, json={"success": True, "messages": []}
    )
    async with Queen(BASE) as queen:
        messages = (
            await queen.queue("orders")
            .partition("p1")
            .group("g1")
            .batch(10)
            .wait(True)
            .timeout_millis(2000)
            .subscription_mode("new")
            .subscription_from("2026-01-01T00:00:00Z")
            .auto_ack(True)
            .pop()
        )
    assert messages == []
    assert dict(route.calls[0].request.url.params) == {
        "consumerGroup": "g1",
        "batch": "10",
        "wait": "true",
        "timeout": "2000",
        "autoAck": "true",
        "subscriptionMode": "new",
        "subscriptionFrom": "2026-01-01T00:00:00Z",
    }


async def test_pop_partitions_param(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop/queue/q").respond(200, content=b"")
    async with Queen(BASE) as queen:
        assert await queen.queue("q").batch(5).partitions(3).pop() == []
    assert dict(route.calls[0].request.url.params) == {"batch": "5", "partitions": "3"}


async def test_pop_by_namespace_and_task(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop").respond(204)
    async with Queen(BASE) as queen:
        assert await queen.queue().namespace("billing").task("invoices").pop() == []
    assert dict(route.calls[0].request.url.params) == {
        "namespace": "billing",
        "task": "invoices",
        "batch": "1",
    }


async def test_pop_needs_a_target() -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenConfigError, match="needs a queue name"):
            await queen.queue().pop()


@needs("traces")
async def test_trace_is_bound_to_its_own_message(mock: respx.MockRouter) -> None:
    body = answer("pop", "pop multiple partitions in one call (partitions=3, batch=10)")
    mock.get("/api/v1/pop/queue/orders").respond(200, json=body)
    route = mock.post("/api/v1/traces").respond(200, json={"success": True, "traceId": "tr-1"})
    async with Queen(BASE) as queen:
        messages = await queen.queue("orders").batch(10).pop()
        results = [
            await m["trace"]({"data": {"i": i}, "traceName": "batch", "eventType": "step"})
            for i, m in enumerate(messages)
        ]
    assert results[0] == {"success": True, "traceId": "tr-1"}
    sent = [sent_json(route, i) for i in range(len(messages))]
    assert [s["transactionId"] for s in sent] == [m["transactionId"] for m in messages]
    assert [s["partitionId"] for s in sent] == [m["partitionId"] for m in messages]
    assert sent[0]["traceNames"] == ["batch"]
    assert sent[0]["eventType"] == "step"


@needs("traces")
async def test_trace_failure_is_reported_not_raised(mock: respx.MockRouter) -> None:
    mock.get("/api/v1/pop/queue/q").respond(200, json={"success": True, "messages": [MESSAGE]})
    mock.post("/api/v1/traces").respond(
        200, json=answer("traces", "record trace for an unknown message")
    )
    async with Queen(BASE) as queen:
        (message,) = await queen.queue("q").pop()
        assert await message["trace"]({"data": 1}) == {
            "success": False,
            "error": "Message not found",
        }
        assert (await message["trace"]({"text": "no data key"}))["success"] is False


async def test_ack_single_completed(mock: respx.MockRouter) -> None:
    body = answer("ack", "ack completed with leaseId")
    route = mock.post("/api/v1/ack").respond(200, json=body)
    async with Queen(BASE) as queen:
        result = await queen.ack(MESSAGE, True)
    assert result["success"] is True
    assert sent_json(route) == {
        "transactionId": "t-1",
        "partitionId": MESSAGE["partitionId"],
        "status": "completed",
        "leaseId": "L-1",
        "consumerGroup": "__QUEUE_MODE__",
    }


async def test_ack_failed_with_reason_and_group(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/ack").respond(200, json=[{"success": True}])
    async with Queen(BASE) as queen:
        await queen.ack(MESSAGE, False, {"error": "reason", "group": "g2"})
        await queen.ack(MESSAGE, "retry")
    assert sent_json(route, 0)["status"] == "failed"
    assert sent_json(route, 0)["error"] == "reason"
    assert sent_json(route, 0)["consumerGroup"] == "g2"
    assert sent_json(route, 1)["status"] == "retry"
    assert "error" not in sent_json(route, 1)


async def test_ack_item_failure_is_reported(mock: respx.MockRouter) -> None:
    mock.post("/api/v1/ack").respond(200, json=answer("ack", "ack with a stale leaseId"))
    async with Queen(BASE) as queen:
        result = await queen.ack(MESSAGE, True)
    assert result["success"] is False
    assert result["error"] == "Invalid or expired lease"


async def test_ack_batch_groups_and_reports_item_failures(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/ack/batch").mock(
        side_effect=[
            httpx.Response(
                200, json=[{"success": True}, {"success": False, "error": "Message not found"}]
            ),
            httpx.Response(200, json=[{"success": True}]),
        ]
    )
    other = {**MESSAGE, "transactionId": "t-2", "consumerGroup": "g"}
    second = {**MESSAGE, "transactionId": "t-3"}
    async with Queen(BASE) as queen:
        result = await queen.ack([MESSAGE, other, second], True)
    assert result["success"] is False
    assert (result["processed"], result["failed"]) == (3, 1)
    assert [r["success"] for r in result["results"]] == [True, True, False]
    first_body = sent_json(route, 0)
    assert first_body["consumerGroup"] == "__QUEUE_MODE__"
    assert [a["transactionId"] for a in first_body["acknowledgments"]] == ["t-1", "t-3"]
    assert sent_json(route, 1) == {
        "acknowledgments": [
            {
                "transactionId": "t-2",
                "partitionId": MESSAGE["partitionId"],
                "status": "completed",
                "leaseId": "L-1",
            }
        ],
        "consumerGroup": "g",
    }


async def test_ack_empty_list_sends_nothing(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/ack/batch")
    async with Queen(BASE) as queen:
        assert await queen.ack([], True) == {
            "success": True,
            "processed": 0,
            "failed": 0,
            "results": [],
        }
    assert not route.called


async def test_ack_sql_error_raises(mock: respx.MockRouter) -> None:
    mock.post("/api/v1/ack").respond(200, json=answer("ack", "ack with non-UUID partitionId"))
    async with Queen(BASE) as queen:
        with pytest.raises(QueenServerError, match="invalid input syntax"):
            await queen.ack({**MESSAGE, "partitionId": "not-a-uuid"}, True)


async def test_renew_sends_a_real_body_and_reads_the_list(mock: respx.MockRouter) -> None:
    body = answer("lease", "extend lease by 120 s")
    route = mock.post("/api/v1/lease/L-1/extend").respond(200, json=body)
    other = mock.post("/api/v1/lease/L-2/extend").respond(
        200, json=answer("lease", "extend an unknown lease")
    )
    async with Queen(BASE) as queen:
        single = await queen.renew(MESSAGE, seconds=120)
        many = await queen.renew([MESSAGE, {**MESSAGE, "leaseId": "L-2"}, "L-1"])
    assert single["success"] is True
    assert single["expiresAt"] == body[0]["expiresAt"]
    assert sent_json(route, 0) == {"seconds": 120}
    assert sent_json(route, 1) == {"seconds": 60}
    assert [r["success"] for r in many] == [True, False]
    assert many[1]["error"] == "Lease not found"
    assert other.call_count == 1


async def test_renew_without_lease(mock: respx.MockRouter) -> None:
    async with Queen(BASE) as queen:
        result = await queen.renew({**MESSAGE, "leaseId": ""})
    assert result == {
        "index": 0,
        "leaseId": "",
        "success": False,
        "error": "No valid lease IDs found for renewal",
    }


async def test_transaction_body(mock: respx.MockRouter) -> None:
    body = answer("transaction", "transaction: ack one message + push two items (items form)")
    route = mock.post("/api/v1/transaction").respond(200, json=body)
    async with Queen(BASE) as queen:
        result = await (
            queen.transaction()
            .ack(MESSAGE)
            .queue("next")
            .partition("p9")
            .push([{"data": {"a": 1}, "transactionId": "out-1"}])
            .commit()
        )
    assert result["results"][0]["type"] == "ack"
    assert sent_json(route) == {
        "operations": [
            {
                "type": "ack",
                "transactionId": "t-1",
                "partitionId": MESSAGE["partitionId"],
                "status": "completed",
                "leaseId": "L-1",
                "consumerGroup": "__QUEUE_MODE__",
            },
            {
                "type": "push",
                "items": [
                    {
                        "queue": "next",
                        "partition": "p9",
                        "payload": {"a": 1},
                        "transactionId": "out-1",
                    }
                ],
            },
        ]
    }


@pytest.mark.parametrize(
    "name",
    [
        "transaction acking an unknown message",
        "transaction ack with wrong leaseId",
        "transaction with an unknown operation type",
        "transaction pushing an existing transactionId (no dedup)",
    ],
)
async def test_transaction_rejections_raise(mock: respx.MockRouter, name: str) -> None:
    body = answer("transaction", name)
    mock.post("/api/v1/transaction").respond(200, json=body)
    async with Queen(BASE) as queen:
        with pytest.raises(QueenTransactionError) as info:
            await queen.transaction().queue("q").push([{"data": 1}]).commit()
    assert body["error"] in str(info.value)
    assert info.value.results == body["results"]


async def test_empty_transaction_is_rejected_before_sending() -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenValidationError, match="no operations"):
            await queen.transaction().commit()
        with pytest.raises(QueenConfigError, match=r"call \.queue\(name\) first"):
            queen.transaction().push([{"data": 1}])


async def test_ack_batch_per_message_overrides(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/ack/batch").respond(200, json=[{"success": True}] * 2)
    poison = {**MESSAGE, "transactionId": "t-9", "_status": "dlq", "_error": "poison"}
    async with Queen(BASE) as queen:
        result = await queen.ack([MESSAGE, poison], True)
    assert result["success"] is True
    assert [(a["status"], a.get("error")) for a in sent_json(route)["acknowledgments"]] == [
        ("completed", None),
        ("dlq", "poison"),
    ]


async def test_bad_ack_status_renew_target_or_seconds_is_refused_before_sending(
    mock: respx.MockRouter,
) -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenConfigError, match=r"ack status must be .* got 'done'"):
            await queen.ack(MESSAGE, "done")
        with pytest.raises(QueenValidationError, match=r"renew\(\) takes .* got 5"):
            await queen.renew(5)  # type: ignore[call-overload]
        with pytest.raises(QueenValidationError, match="seconds must be an integer >= 1, got -5"):
            await queen.renew(MESSAGE, seconds=-5)
    assert not mock.calls


@pytest.mark.parametrize(
    "start", ["2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01 08:30:00.123+02:00", "now"]
)
async def test_subscription_from_takes_iso_timestamps(start: str) -> None:
    async with Queen(BASE) as queen:
        assert queen.queue("q").subscription_from(start).options.subscription_from == start


@pytest.mark.parametrize("start", ["yesterday", "01/02/2026", "", 1767225600])
async def test_subscription_from_refuses_anything_else(start: object) -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenConfigError, match="subscription_from must be an ISO 8601"):
            queen.queue("q").subscription_from(start)  # type: ignore[arg-type]
