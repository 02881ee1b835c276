"""Consumer-group administration (protocol §3.16, §4.16) and ``POST /api/v1/stats/refresh``.

Path parameters are raw (not percent-decoded), as upstream. Empty results (no groups, nothing
lagging, an unknown group) answer an empty body, as upstream does.

Seek semantics: for every *existing* cursor of the group on the queue, seeking to a timestamp
T moves the cursor to the newest message created at or before T (delivery resumes after it),
or unsets it when there is none (the group then starts as a new one: §4.4); seeking to the end
moves it to the newest message (empty partitions are left alone). Leases and batch counters
are cleared; the retry counter is kept.
"""

from __future__ import annotations

from typing import Any

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.admin_common import maybe_empty, timestamp_value
from queen_server.web import (
    BadRequest,
    Request,
    Response,
    describe,
    json_response,
    parse_leading_int,
    raw_json_response,
)

QUERIES = sql.queries("consumer_groups")

LIST_SQL = QUERIES["list"]
LAGGING_SQL = QUERIES["lagging"]
DETAIL_SQL = QUERIES["detail"]
DELETE_SQL = QUERIES["delete"]
SUBSCRIPTION_SQL = QUERIES["subscription"]
SEEK_SQL = QUERIES["seek"]
PARTITION_SEEK_SQL = QUERIES["partition_seek"]
NOTIFY_PUSH_SQL = QUERIES["notify_push"]

STATS_REFRESH_LOCK = 0x51_55_45_45_4E_20
STATS_REFRESH_SQL = QUERIES["stats_refresh"]
#: the tables whose planner statistics a stats refresh brings up to date
ANALYZED_TABLES = (
    "queen.queues",
    "queen.partitions",
    "queen.messages",
    "queen.partition_consumers",
    "queen.dead_letter_queue",
    "queen.message_traces",
)


def _delete_metadata(request: Request) -> bool:
    return request.query_bool("deleteMetadata", True)


async def list_groups(request: Request) -> Response:
    return maybe_empty(await request.ctx.pool.fetchval(LIST_SQL))


async def list_lagging(request: Request) -> Response:
    raw = request.query("minLagSeconds")
    min_lag = 3600
    if raw:
        min_lag = parse_leading_int(raw, -1)
        if min_lag < 0:
            raise BadRequest(f"minLagSeconds must be a non-negative integer, got {describe(raw)}")
    return maybe_empty(await request.ctx.pool.fetchval(LAGGING_SQL, min_lag))


async def get_group(request: Request) -> Response:
    return maybe_empty(await request.ctx.pool.fetchval(DETAIL_SQL, request.params["group"]))


async def delete_group(request: Request) -> Response:
    group = request.params["group"]
    delete_metadata = _delete_metadata(request)
    row = await request.ctx.pool.fetchrow(DELETE_SQL, group, None, delete_metadata)
    assert row is not None
    return json_response(
        {
            "success": True,
            "consumerGroup": group,
            "deletedPartitions": row["deleted"],
            "metadataDeleted": delete_metadata,
        }
    )


async def delete_group_for_queue(request: Request) -> Response:
    group = request.params["group"]
    queue = request.params["queue"]
    delete_metadata = _delete_metadata(request)
    row = await request.ctx.pool.fetchrow(DELETE_SQL, group, queue, delete_metadata)
    assert row is not None
    return json_response(
        {
            "success": True,
            "consumerGroup": group,
            "queueName": queue,
            "deletedPartitions": row["deleted"],
            "metadataDeleted": delete_metadata,
        }
    )


async def update_subscription(request: Request) -> Response:
    group = request.params["group"]
    body = await request.json_object()
    if "subscriptionTimestamp" not in body:
        raise BadRequest("Missing subscriptionTimestamp in request body")
    raw = body["subscriptionTimestamp"]
    timestamp = timestamp_value(raw, "subscriptionTimestamp")
    updated = await request.ctx.pool.fetchval(SUBSCRIPTION_SQL, group, timestamp)
    return json_response(
        {"success": True, "consumerGroup": group, "newTimestamp": raw, "rowsUpdated": updated}
    )


def _seek_target(body: dict[str, Any]) -> tuple[bool, Any]:
    to_end = body.get("toEnd", False)
    if not isinstance(to_end, bool):
        raise BadRequest(f"toEnd must be a boolean, got {describe(to_end)}")
    if to_end:
        return True, None
    if body.get("timestamp") is None:
        raise BadRequest("Must specify either 'toEnd': true or 'timestamp'")
    return False, timestamp_value(body["timestamp"], "timestamp")


async def seek(request: Request) -> Response:
    group = request.params["group"]
    queue = request.params["queue"]
    to_end, timestamp = _seek_target(await request.json_object())
    text = await request.ctx.pool.fetchval(SEEK_SQL, group, queue, to_end, timestamp)
    await _wake(request, queue)
    return raw_json_response(text)


async def seek_partition(request: Request) -> Response:
    group = request.params["group"]
    queue = request.params["queue"]
    text = await request.ctx.pool.fetchval(
        PARTITION_SEEK_SQL, group, queue, request.params["partition"]
    )
    await _wake(request, queue)
    return raw_json_response(text)


async def _wake(request: Request, queue: str) -> None:
    """A seek may make messages deliverable again: wake long polls on every process."""
    await request.ctx.pool.execute(NOTIFY_PUSH_SQL, queue)


async def refresh_stats(request: Request) -> Response:
    async with request.ctx.pool.acquire() as conn, conn.transaction():
        row = await conn.fetchrow(STATS_REFRESH_SQL, STATS_REFRESH_LOCK)
        assert row is not None
        if not row["won"]:
            return json_response({"skipped": True, "reason": "another_instance_running"})
        await conn.execute("ANALYZE " + ", ".join(ANALYZED_TABLES))
    return json_response(
        {
            "partition": {
                "dirtyPartitionsScanned": row["partitions"],
                "newPartitions": 0,
                "partitionsSkippedByWatermark": 0,
                "partitionsUpdated": row["partitions"],
            },
            "queue": {"queuesUpdated": row["queues"]},
            "namespace": {"namespacesUpdated": row["namespaces"]},
            "task": {"tasksUpdated": row["tasks"]},
            "system": {"systemUpdated": 1},
            "cleanup": {"orphanedDeleted": 0},
        }
    )


ROUTES = [
    Route("GET", "/api/v1/consumer-groups", list_groups),
    Route("GET", "/api/v1/consumer-groups/lagging", list_lagging),
    Route("GET", "/api/v1/consumer-groups/{group}", get_group),
    Route("DELETE", "/api/v1/consumer-groups/{group}", delete_group),
    Route("POST", "/api/v1/consumer-groups/{group}/subscription", update_subscription),
    Route("DELETE", "/api/v1/consumer-groups/{group}/queues/{queue}", delete_group_for_queue),
    Route("POST", "/api/v1/consumer-groups/{group}/queues/{queue}/seek", seek),
    Route(
        "POST",
        "/api/v1/consumer-groups/{group}/queues/{queue}/partitions/{partition}/seek",
        seek_partition,
    ),
    Route("POST", "/api/v1/stats/refresh", refresh_stats),
]
