"""Consumer-group administration (protocol §3.16, §4.16) and the stats refresh."""

from __future__ import annotations

from typing import Any

import httpx

from .helpers import ack, data_of, pop, push


def _groups(http: httpx.Client, queue: str) -> dict[str, dict[str, Any]]:
    response = http.get("/api/v1/consumer-groups")
    assert response.status_code == 200
    rows = response.json() if response.content else []
    return {g["name"]: g for g in rows if g["queueName"] == queue}


def test_group_listing_counts_members_and_lag(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a"])
    push(http, queue, ["b"], partition="p2")
    pop(http, queue, "Default", consumerGroup="g1", autoAck=True)
    pop(http, queue, "p2", consumerGroup="g1", batch=1)  # leased, not acknowledged
    pop(http, queue, consumerGroup="g-new", subscriptionMode="new")
    groups = _groups(http, queue)
    g1 = groups["g1"]
    assert (g1["members"], g1["partitionsWithLag"], g1["state"]) == (2, 1, "Stable")
    assert g1["topics"] == [queue]
    assert g1["totalLag"] is None
    assert g1["subscriptionMode"] is None
    new = groups["g-new"]
    assert new["subscriptionMode"] == "new"
    assert new["subscriptionTimestamp"] is not None


def test_group_detail_by_queue(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a", "b", "c"])
    first = pop(http, queue, "Default", consumerGroup="g1", batch=1)["messages"][0]
    ack(http, first, consumerGroup="g1")
    pop(http, queue, "Default", consumerGroup="g1", batch=1)
    detail = http.get("/api/v1/consumer-groups/g1").json()
    (partition,) = detail[queue]["partitions"]
    assert partition["partition"] == "Default"
    assert (partition["totalConsumed"], partition["offsetLag"]) == (1, 2)
    assert partition["leaseActive"] is True
    assert partition["workerId"] is not None
    assert http.get(f"/api/v1/consumer-groups/{queue}-nobody").content == b""


def test_lagging_lists_partitions_older_than_the_threshold(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["late"])
    pop(http, queue, "Default", consumerGroup=f"{queue}-lag", batch=1)
    rows = http.get("/api/v1/consumer-groups/lagging", params={"minLagSeconds": 0}).json()
    mine = [r for r in rows if r["queue_name"] == queue]
    assert [(r["consumer_group"], r["offset_lag"]) for r in mine] == [(f"{queue}-lag", 1)]
    later = http.get("/api/v1/consumer-groups/lagging", params={"minLagSeconds": 86400})
    assert all(r["queue_name"] != queue for r in (later.json() if later.content else []))
    bad = http.get("/api/v1/consumer-groups/lagging", params={"minLagSeconds": "abc"})
    assert bad.status_code == 400


def test_seek_to_timestamp_and_to_end(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a", "b"])
    assert data_of(pop(http, queue, consumerGroup="g", batch=5, autoAck=True)) == ["a", "b"]
    path = f"/api/v1/consumer-groups/g/queues/{queue}/seek"
    rewound = http.post(path, json={"timestamp": "2000-01-01T00:00:00Z"}).json()
    assert rewound == {
        "success": True,
        "consumerGroup": "g",
        "queueName": queue,
        "seekToEnd": False,
        "targetTimestamp": "2000-01-01T00:00:00.000Z",
        "partitionsUpdated": 1,
    }
    assert data_of(pop(http, queue, consumerGroup="g", batch=5, autoAck=True)) == ["a", "b"]
    push(http, queue, ["c"])
    to_end = http.post(path, json={"toEnd": True}).json()
    assert (to_end["seekToEnd"], to_end["partitionsUpdated"]) == (True, 1)
    assert pop(http, queue, consumerGroup="g", autoAck=True)["messages"] == []
    assert http.post(path, json={"toEnd": False}).status_code == 400
    assert http.post(path, json={"toEnd": "yes"}).status_code == 400
    assert http.post(path, json={"timestamp": "garbage"}).status_code == 400
    assert http.post(path, content=b"").status_code == 400
    unknown = http.post(f"/api/v1/consumer-groups/g/queues/{queue}-x/seek", json={"toEnd": True})
    assert unknown.json()["partitionsUpdated"] == 0


def test_seek_one_partition_to_its_end(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a", "b"])
    pop(http, queue, "Default", consumerGroup="g", batch=1)
    path = f"/api/v1/consumer-groups/g/queues/{queue}/partitions/Default/seek"
    moved = http.post(path).json()
    assert (moved["success"], moved["updated"], moved["partitionName"]) == (True, True, "Default")
    assert moved["cursorMovedTo"] is not None
    assert pop(http, queue, "Default", consumerGroup="g")["messages"] == []
    fresh = http.post(f"/api/v1/consumer-groups/other/queues/{queue}/partitions/Default/seek")
    assert fresh.json()["updated"] is False
    missing = http.post(f"/api/v1/consumer-groups/g/queues/{queue}/partitions/zz/seek").json()
    assert missing == {"success": False, "error": "Partition not found"}


def test_subscription_update_changes_recorded_timestamps(http: httpx.Client, queue: str) -> None:
    group = f"{queue}-sub"
    push(http, queue, ["before"])
    pop(http, queue, consumerGroup=group, subscriptionMode="new")
    path = f"/api/v1/consumer-groups/{group}/subscription"
    updated = http.post(path, json={"subscriptionTimestamp": "2000-01-01T00:00:00Z"}).json()
    assert updated == {
        "success": True,
        "consumerGroup": group,
        "newTimestamp": "2000-01-01T00:00:00Z",
        "rowsUpdated": 1,
    }
    # the first claim already fixed the cursor: the new timestamp does not move it
    assert pop(http, queue, consumerGroup=group, autoAck=True)["messages"] == []
    listed = _groups(http, queue)[group]
    assert listed["subscriptionTimestamp"] == "2000-01-01T00:00:00.000Z"
    assert http.post(path, json={}).status_code == 400
    assert http.post(path, json={"subscriptionTimestamp": 12345}).status_code == 400
    assert http.post(path, json={"subscriptionTimestamp": "yesterday-ish"}).status_code == 400


def test_delete_group_everywhere_or_on_one_queue(http: httpx.Client, queue: str) -> None:
    other = f"{queue}-b"
    group = f"{queue}-g"
    for name in (queue, other):
        push(http, name, ["m"])
        pop(http, name, consumerGroup=group, subscriptionMode="new")
    one = http.delete(f"/api/v1/consumer-groups/{group}/queues/{queue}").json()
    assert one == {
        "success": True,
        "consumerGroup": group,
        "queueName": queue,
        "deletedPartitions": 1,
        "metadataDeleted": True,
    }
    everywhere = http.delete(
        f"/api/v1/consumer-groups/{group}", params={"deleteMetadata": "false"}
    ).json()
    assert everywhere == {
        "success": True,
        "consumerGroup": group,
        "deletedPartitions": 1,
        "metadataDeleted": False,
    }
    # without its metadata the group reads `queue` from the beginning again
    assert data_of(pop(http, queue, consumerGroup=group, autoAck=True)) == ["m"]
    # with the metadata kept, the `new` subscription still applies on `other`
    assert pop(http, other, consumerGroup=group, autoAck=True)["messages"] == []


def test_deleting_queue_mode_restarts_from_the_beginning(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a"])
    pop(http, queue, autoAck=True)
    http.delete("/api/v1/consumer-groups/__QUEUE_MODE__/queues/" + queue)
    assert data_of(pop(http, queue, autoAck=True)) == ["a"]


def test_stats_refresh_reports_what_it_scanned(http: httpx.Client, queue: str) -> None:
    push(http, queue, ["a"])
    body = http.post("/api/v1/stats/refresh", json={"anything": True}).json()
    assert body["queue"]["queuesUpdated"] >= 1
    assert body["partition"]["partitionsUpdated"] >= 1
    assert body["system"] == {"systemUpdated": 1}
    assert body["cleanup"] == {"orphanedDeleted": 0}
