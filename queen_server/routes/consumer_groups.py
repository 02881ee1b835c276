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

# every cursor row with its queue and the oldest message it has not consumed yet
_CURSORS = """
    SELECT c.*, q.name AS queue_name, p.name AS partition_name,
           ou.created_at AS oldest_unconsumed,
           GREATEST(FLOOR(EXTRACT(EPOCH FROM now() - ou.created_at)), 0)::bigint AS time_lag
    FROM queen.partition_consumers c
    JOIN queen.partitions p ON p.id = c.partition_id
    JOIN queen.queues q ON q.id = p.queue_id
    LEFT JOIN LATERAL (
        SELECT m.created_at FROM queen.messages m
        WHERE m.partition_id = c.partition_id AND m.seq > COALESCE(c.last_consumed_seq, 0)
        ORDER BY m.seq LIMIT 1) ou ON true
"""

_OFFSET_LAG = """
    (SELECT count(*) FROM queen.messages m
     WHERE m.partition_id = r.partition_id AND m.seq > COALESCE(r.last_consumed_seq, 0))
"""

LIST_SQL = f"""
    WITH r AS ({_CURSORS}),
    g AS (
        SELECT consumer_group, queue_name, count(*) AS members,
               count(oldest_unconsumed) AS partitions_with_lag,
               COALESCE(max(time_lag), 0) AS max_time_lag,
               bool_or(last_consumed_at IS NOT NULL OR last_consumed_seq > 0) AS consumed
        FROM r GROUP BY consumer_group, queue_name
    )
    SELECT json_agg(json_build_object(
               'name', g.consumer_group, 'topics', json_build_array(g.queue_name),
               'queueName', g.queue_name, 'members', g.members,
               'partitionsWithLag', g.partitions_with_lag, 'totalLag', NULL,
               'maxTimeLag', g.max_time_lag,
               'state', CASE WHEN g.max_time_lag > 300 THEN 'Lagging'
                             WHEN g.consumed THEN 'Stable' ELSE 'Dead' END,
               'subscriptionMode', md.subscription_mode,
               'subscriptionTimestamp', queen.fmt_ms(md.subscription_timestamp),
               'subscriptionCreatedAt', queen.fmt_ms(md.created_at))
           ORDER BY g.consumer_group, g.queue_name)
    FROM g
    LEFT JOIN LATERAL (
        SELECT * FROM queen.consumer_groups_metadata m
        WHERE m.consumer_group = g.consumer_group AND m.queue_name = g.queue_name
        ORDER BY m.partition_name LIMIT 1) md ON true
"""

LAGGING_SQL = f"""
    WITH r AS ({_CURSORS})
    SELECT json_agg(json_build_object(
               'consumer_group', r.consumer_group, 'queue_name', r.queue_name,
               'partition_name', r.partition_name, 'partition_id', r.partition_id,
               'worker_id', r.worker_id, 'offset_lag', {_OFFSET_LAG},
               'time_lag_seconds', r.time_lag, 'lag_hours', round(r.time_lag / 3600.0, 2),
               'oldest_unconsumed_at', queen.fmt_ms(r.oldest_unconsumed),
               'last_consumed_at', queen.fmt_ms(r.last_consumed_at))
           ORDER BY r.time_lag DESC, r.consumer_group, r.queue_name, r.partition_name)
    FROM r
    WHERE r.oldest_unconsumed IS NOT NULL AND r.time_lag >= $1
"""

DETAIL_SQL = f"""
    WITH r AS ({_CURSORS} WHERE c.consumer_group = $1)
    SELECT json_object_agg(queue_name, json_build_object('partitions', parts))
    FROM (
        SELECT r.queue_name, json_agg(json_build_object(
                   'partition', r.partition_name, 'workerId', r.worker_id,
                   'lastConsumedAt', queen.fmt_ms(r.last_consumed_at),
                   'totalConsumed', r.total_messages_consumed,
                   'offsetLag', {_OFFSET_LAG}, 'timeLagSeconds', r.time_lag,
                   'leaseActive', COALESCE(r.lease_expires_at > now(), false))
               ORDER BY r.partition_name) AS parts
        FROM r GROUP BY r.queue_name ORDER BY r.queue_name
    ) per_queue
"""

DELETE_SQL = """
    WITH cursors AS (
        DELETE FROM queen.partition_consumers c
        USING queen.partitions p, queen.queues q
        WHERE c.consumer_group = $1 AND p.id = c.partition_id AND q.id = p.queue_id
          AND ($2::text IS NULL OR q.name = $2)
        RETURNING 1
    ),
    metadata AS (
        DELETE FROM queen.consumer_groups_metadata
        WHERE $3 AND consumer_group = $1 AND ($2::text IS NULL OR queue_name = $2)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM cursors) AS deleted, (SELECT count(*) FROM metadata) AS meta
"""

SUBSCRIPTION_SQL = """
    WITH upd AS (
        UPDATE queen.consumer_groups_metadata SET subscription_timestamp = $2
        WHERE consumer_group = $1 RETURNING 1
    )
    SELECT count(*) FROM upd
"""

SEEK_SQL = "SELECT queen.admin_seek($1, $2, $3, $4)"
PARTITION_SEEK_SQL = "SELECT queen.admin_seek_partition($1, $2, $3)"

STATS_REFRESH_LOCK = 0x51_55_45_45_4E_20
STATS_REFRESH_SQL = """
    SELECT pg_try_advisory_xact_lock($1) AS won,
           (SELECT count(*) FROM queen.partitions) AS partitions,
           (SELECT count(*) FROM queen.queues) AS queues,
           (SELECT count(DISTINCT namespace) FROM queen.queues WHERE namespace <> '')
               AS namespaces,
           (SELECT count(DISTINCT task) FROM queen.queues WHERE task <> '') AS tasks
"""
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
    await request.ctx.pool.execute("SELECT pg_notify('queen_push', $1)", queue)


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
