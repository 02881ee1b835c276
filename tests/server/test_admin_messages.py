"""Reading traces (protocol §3.12), the DLQ (§3.13) and messages (§3.14, §4.2.6), plus the
retry / move-to-DLQ extensions."""

from __future__ import annotations

from typing import Any

import httpx

from queen_server.launch import ServerProcess

from .helpers import ack, configure, data_of, pop, push


def _get(http: httpx.Client, path: str, **params: Any) -> Any:
    response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _trace(http: httpx.Client, message: dict[str, Any], data: Any, **extra: Any) -> str:
    body = {
        "transactionId": message["transaction_id"],
        "partitionId": message["partition_id"],
        "data": data,
        **extra,
    }
    response = http.post("/api/v1/traces", json=body)
    assert response.json()["success"] is True, response.text
    trace_id: str = response.json()["traceId"]
    return trace_id


def _dead_letter(http: httpx.Client, queue: str, count: int) -> None:
    for _ in range(count):
        message = pop(http, queue, "Default")["messages"][0]
        assert ack(http, message, "dlq", error="bad")["dlq"] is True


def test_traces_of_a_message_oldest_first_with_their_names(http: httpx.Client, queue: str) -> None:
    first, other = push(http, queue, [{"n": 1}, {"n": 2}])
    one = _trace(http, first, {"step": 1}, eventType="step", traceNames=["b-name", "a-name"])
    two = _trace(http, first, "text", consumerGroup="g")
    _trace(http, other, {"elsewhere": True})
    body = _get(http, f"/api/v1/traces/{first['partition_id']}/{first['transaction_id']}")
    assert [(t["id"], t["event_type"], t["consumer_group"]) for t in body["traces"]] == [
        (one, "step", "__QUEUE_MODE__"),
        (two, "info", "g"),
    ]
    assert body["traces"][0]["trace_names"] == ["a-name", "b-name"]
    assert body["traces"][0]["data"] == {"step": 1}
    assert body["traces"][1]["trace_names"] == []
    unknown = _get(http, f"/api/v1/traces/{first['partition_id']}/nope")
    assert unknown == {"traces": []}


def test_traces_by_name_page_with_limit_and_offset(http: httpx.Client, queue: str) -> None:
    messages = push(http, queue, [{"i": i} for i in range(3)])
    name = f"{queue}-order"
    ids = [_trace(http, m, {"i": i}, traceNames=name) for i, m in enumerate(messages)]
    path = f"/api/v1/traces/by-name/{name}"
    everything = _get(http, path)
    assert [t["id"] for t in everything["traces"]] == ids
    assert everything["total"] == 3
    assert everything["pagination"] == {"limit": 100, "offset": 0}
    first = everything["traces"][0]
    assert first["queue_name"] == queue
    assert first["partition_name"] == "Default"
    assert first["message_payload"] == {"i": 0}
    assert first["transaction_id"] == messages[0]["transaction_id"]
    page = _get(http, path, limit=1, offset=1)
    assert [t["id"] for t in page["traces"]] == [ids[1]]
    assert page["total"] == 3
    assert page["pagination"] == {"limit": 1, "offset": 1}
    assert _get(http, path, offset=5)["traces"] == []


def test_trace_names_count_traces_and_messages(http: httpx.Client, queue: str) -> None:
    one, two = push(http, queue, ["a", "b"])
    name = f"{queue}-shared"
    _trace(http, one, 1, traceNames=[name])
    _trace(http, one, 2, traceNames=[name])
    _trace(http, two, 3, traceNames=[name, f"{queue}-solo"])
    body = _get(http, "/api/v1/traces/names", limit=1000)
    rows = {r["trace_name"]: r for r in body["trace_names"]}
    assert (rows[name]["trace_count"], rows[name]["message_count"]) == (3, 2)
    assert (rows[f"{queue}-solo"]["trace_count"], rows[f"{queue}-solo"]["message_count"]) == (1, 1)
    assert body["total"] >= 2
    page = _get(http, "/api/v1/traces/names", limit=1, offset=0)
    assert len(page["trace_names"]) == 1
    assert page["pagination"] == {"limit": 1, "offset": 0}


def test_dlq_listing_has_total_and_working_paging(http: httpx.Client, queue: str) -> None:
    push(http, queue, [{"n": i} for i in range(3)])
    _dead_letter(http, queue, 3)
    body = _get(http, "/api/v1/dlq", queue=queue)
    assert body["total"] == 3
    assert [m["data"] for m in body["messages"]] == [{"n": 2}, {"n": 1}, {"n": 0}]
    item = body["messages"][0]
    assert item["queue"] == queue
    assert item["partition"] == "Default"
    assert item["consumerGroup"] == "__QUEUE_MODE__"
    assert item["errorMessage"] == "bad"
    assert item["retryCount"] == 0
    page = _get(http, "/api/v1/dlq", queue=queue, limit=1, offset=1)
    assert [m["data"] for m in page["messages"]] == [{"n": 1}]
    assert (page["total"], page["pagination"]) == (3, {"limit": 1, "offset": 1})


def test_dlq_filters_by_partition_group_and_time(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["in-default"])
    push(http, queue, ["in-p2"], partition="p2")
    _dead_letter(http, queue, 1)
    message = pop(http, queue, "p2", consumerGroup="g2")["messages"][0]
    ack(http, {**message}, "dlq", consumerGroup="g2")
    assert data_of(_get(http, "/api/v1/dlq", queue=queue, partition="p2")) == ["in-p2"]
    assert data_of(_get(http, "/api/v1/dlq", queue=queue, consumerGroup="g2")) == ["in-p2"]
    assert _get(http, "/api/v1/dlq", queue=queue, to="2000-01-01T00:00:00Z")["total"] == 0
    assert _get(http, "/api/v1/dlq", queue=queue, **{"from": "2000-01-01T00:00:00Z"})["total"] == 2
    assert http.get("/api/v1/dlq", params={"from": "soon"}).status_code == 400
    assert http.get("/api/v1/dlq", params={"limit": "-1"}).status_code == 400


def test_message_status_follows_cursor_lease_and_dlq(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=60)
    push(http, queue, ["done", "leased", "waiting", "dead"])
    first = pop(http, queue, "Default", batch=1)["messages"][0]
    ack(http, first)
    pop(http, queue, "Default", batch=1)  # leases the partition: the rest shows processing
    body = _get(http, "/api/v1/messages", queue=queue)
    assert [m["status"] for m in body["messages"]] == [
        "processing",
        "processing",
        "processing",
        "completed",
    ]
    assert body["messages"][0]["leaseExpiresAt"] is not None
    assert body["mode"] == {"hasQueueMode": True, "busGroupsCount": 0, "type": "queue"}
    assert [
        m["status"]
        for m in _get(http, "/api/v1/messages", queue=queue, status="completed")["messages"]
    ] == ["completed"]
    assert http.get("/api/v1/messages", params={"status": "failed"}).status_code == 400


def test_named_groups_complete_a_message_only_together(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["m"])
    leases = {
        group: pop(http, queue, consumerGroup=group, batch=1)["leaseId"] for group in ("g1", "g2")
    }
    message = pop(http, queue, consumerGroup="g1")  # lease held: nothing
    assert message["messages"] == []
    # only g1 acknowledges
    listed = _get(http, "/api/v1/messages", queue=queue)
    assert listed["mode"] == {"hasQueueMode": False, "busGroupsCount": 2, "type": "bus"}
    item = listed["messages"][0]
    assert (item["status"], item["busStatus"]) == ("pending", {"consumedBy": 0, "totalGroups": 2})
    detail_path = f"/api/v1/messages/{item['partitionId']}/{item['transactionId']}"
    http.post(
        "/api/v1/ack",
        json={
            "transactionId": item["transactionId"],
            "partitionId": item["partitionId"],
            "consumerGroup": "g1",
            "leaseId": leases["g1"],
        },
    )
    detail = _get(http, detail_path)
    assert detail["status"] == "pending"
    assert [(g["name"], g["consumed"]) for g in detail["consumerGroups"]] == [
        ("g1", True),
        ("g2", False),
    ]
    assert detail["mode"]["consumedByGroups"] == 1
    http.post(
        "/api/v1/ack",
        json={
            "transactionId": item["transactionId"],
            "partitionId": item["partitionId"],
            "consumerGroup": "g2",
            "leaseId": leases["g2"],
        },
    )
    assert _get(http, detail_path)["status"] == "completed"


def test_message_list_filters_and_window(http: httpx.Client, queue: str) -> None:
    configure(http, queue, leaseTime=60)
    http.post(
        "/api/v1/configure",
        json={"queue": queue, "namespace": f"{queue}-ns", "task": f"{queue}-task", "options": {}},
    )
    push(http, queue, ["a", "b", "c"])
    push(http, queue, ["p"], partition="p2")
    assert len(_get(http, "/api/v1/messages", queue=queue)["messages"]) == 4
    only_p2 = _get(http, "/api/v1/messages", queue=queue, partition="p2")["messages"]
    assert [m["partition"] for m in only_p2] == ["p2"]
    by_ns = _get(http, "/api/v1/messages", ns=f"{queue}-ns", task=f"{queue}-task", limit=2)
    assert len(by_ns["messages"]) == 2
    assert {m["namespace"] for m in by_ns["messages"]} == {f"{queue}-ns"}
    paged = _get(http, "/api/v1/messages", queue=queue, limit=2, offset=2)["messages"]
    assert len(paged) == 2
    past = _get(http, "/api/v1/messages", queue=queue, to="2000-01-01T00:00:00Z")
    assert past["messages"] == []
    unknown = _get(http, "/api/v1/messages", queue=f"{queue}-nope")
    assert unknown == {
        "messages": [],
        "mode": {"hasQueueMode": False, "busGroupsCount": 0, "type": "none"},
    }


def test_message_detail_and_delete(http: httpx.Client, queue: str) -> None:
    configure(http, queue, retryLimit=0, leaseTime=45)
    (item,) = push(http, queue, [{"payload": 1}], traceId="201414f2-a6fe-41c9-8521-57ce1855b4ad")
    message = pop(http, queue, "Default")["messages"][0]
    ack(http, message, "failed", error="boom")
    path = f"/api/v1/messages/{item['partition_id']}/{item['transaction_id']}"
    detail = _get(http, path)
    assert detail["payload"] == {"payload": 1}
    assert detail["status"] == "dead_letter"
    assert (detail["errorMessage"], detail["retryCount"]) == ("boom", 0)
    assert detail["traceId"] == "201414f2-a6fe-41c9-8521-57ce1855b4ad"
    assert detail["queueConfig"]["leaseTime"] == 45
    assert detail["queuePath"] == f"{queue}/Default"
    deleted = http.delete(path).json()
    assert deleted == {
        "success": True,
        "partitionId": item["partition_id"],
        "transactionId": item["transaction_id"],
        "message": "Message deleted successfully",
    }
    again = http.delete(path).json()
    assert (again["success"], again["message"]) == (False, "Message not found")
    assert _get(http, path) == {"error": "Message not found"}
    assert _get(http, "/api/v1/dlq", queue=queue)["total"] == 0
    assert http.get("/api/v1/messages/not-a-uuid/x").status_code == 400
    assert http.delete("/api/v1/messages/not-a-uuid/x").status_code == 400


def test_retry_redelivers_a_dead_lettered_message(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["first", "second"])
    message = pop(http, queue, "Default", batch=1)["messages"][0]
    ack(http, message, "dlq")
    path = f"/api/v1/messages/{message['partitionId']}/{message['transactionId']}"
    assert data_of(pop(http, queue, "Default", batch=5, autoAck=True)) == ["second"]
    retried = http.post(f"{path}/retry").json()
    assert (retried["success"], retried["message"]) == (True, "Message will be delivered again")
    assert _get(http, "/api/v1/dlq", queue=queue)["total"] == 0
    assert data_of(pop(http, queue, "Default", batch=5, autoAck=True)) == ["first", "second"]
    again = http.post(f"{path}/retry").json()
    assert (again["success"], again["message"]) == (
        False,
        "Message is not in the dead-letter queue",
    )
    missing = http.post(f"/api/v1/messages/{message['partitionId']}/nope/retry").json()
    assert (missing["success"], missing["message"]) == (False, "Message not found")


def test_move_to_dlq_skips_the_next_message(http: httpx.Client, queue: str) -> None:
    items = push(http, queue, ["stuck", "fine", "later"])
    head = items[0]
    moved = http.post(f"/api/v1/messages/{head['partition_id']}/{head['transaction_id']}/dlq")
    assert moved.json()["success"] is True
    later = items[2]
    http.post(f"/api/v1/messages/{later['partition_id']}/{later['transaction_id']}/dlq")
    dlq = _get(http, "/api/v1/dlq", queue=queue)
    assert sorted(m["data"] for m in dlq["messages"]) == ["later", "stuck"]
    # the head was skipped; a message further down keeps its place in the partition
    assert data_of(pop(http, queue, "Default", batch=5, autoAck=True)) == ["fine", "later"]


def test_detail_decrypts_the_payload_and_the_dlq_shows_it_stored(fresh_dsn: str) -> None:
    key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    with (
        ServerProcess(fresh_dsn, env={"QUEEN_ENCRYPTION_KEY": key}) as server,
        httpx.Client(base_url=server.url, timeout=60) as http,
    ):
        configure(http, "secret", encryptionEnabled=True)
        (item,) = push(http, "secret", [{"card": "4111"}])
        message = pop(http, "secret", "Default")["messages"][0]
        ack(http, message, "dlq")
        detail = _get(http, f"/api/v1/messages/{item['partition_id']}/{item['transaction_id']}")
        assert (detail["payload"], detail["isEncrypted"]) == ({"card": "4111"}, True)
        (stored,) = _get(http, "/api/v1/dlq", queue="secret")["messages"]
        assert set(stored["data"]) == {"encrypted", "iv", "authTag"}
