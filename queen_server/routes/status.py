"""Dashboard status (protocol §3.17): ``/api/v1/status*``.

Shape-compatible with upstream: same keys, types and nesting. Message counts, leases, the DLQ
summary, queue listings and the ingestion series are computed from the tables when asked;
figures upstream samples from its worker event loops (pop/ack request rates, event-loop lag,
CPU) have no counterpart here and are reported as zeros or nulls.

``/status/queues/{queue}/messages`` pages with working ``limit``/``offset`` (upstream applies
them to one aggregated row, §3.17).
"""

from __future__ import annotations

import math
import socket
from datetime import datetime, timedelta, timezone
from typing import Any

import orjson

from queen_server import sql
from queen_server.context import ServerContext
from queen_server.router import Route
from queen_server.routes.admin_common import (
    fmt_ms,
    maybe_empty,
    page,
    query_text,
    query_timestamp,
)
from queen_server.web import BadRequest, Request, Response, describe, json_response

QUERIES = sql.queries("status")

#: the ``interval`` values of /status/analytics and their bucket widths
INTERVALS = {
    "minute": "1 minute",
    "hour": "1 hour",
    "day": "1 day",
    "week": "1 week",
    "month": "1 month",
}
#: largest number of points a time series may have
MAX_POINTS = 10_000


STATUS_SQL = QUERIES["status"]
STATUS_QUEUES_SQL = QUERIES["status_queues"]
STATUS_QUEUE_SQL = QUERIES["status_queue"]
STATUS_QUEUE_MESSAGES_SQL = QUERIES["status_queue_messages"]
ANALYTICS_SQL = QUERIES["analytics"]


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def time_range(
    request: Request, default: timedelta = timedelta(hours=1)
) -> tuple[datetime, datetime]:
    """``from``/``to`` query parameters (defaults: now minus ``default`` and now)."""
    end = query_timestamp(request, "to") or now_utc()
    start = query_timestamp(request, "from") or end - default
    if start > end:
        raise BadRequest(f"from must not be after to, got from={fmt_ms(start)} to={fmt_ms(end)}")
    return start, end


def bucket_minutes(start: datetime, end: datetime) -> int:
    """One-minute buckets up to two hours, then wider, so a series has about 120 points."""
    minutes = (end - start).total_seconds() / 60
    return max(1, math.ceil(minutes / 120))


def worker_entry(ctx: ServerContext) -> dict[str, Any]:
    """This process as upstream's per-worker status entry."""
    pool = ctx.pool
    return {
        "hostname": socket.gethostname(),
        "workerId": 0,
        "avgEventLoopLagMs": 0,
        "maxEventLoopLagMs": 0,
        "freeSlots": pool.get_idle_size(),
        "dbConnections": pool.get_size(),
        "jobQueueSize": 0,
        "messagesProcessed": ctx.counters.messages_popped,
    }


async def get_status(request: Request) -> Response:
    start, end = time_range(request)
    bucket = bucket_minutes(start, end)
    text = await request.ctx.pool.fetchval(
        STATUS_SQL,
        query_text(request, "queue"),
        query_text(request, "namespace"),
        query_text(request, "task"),
        start,
        end,
        bucket,
    )
    body = orjson.loads(text)
    dlq_total = body["deadLetterQueue"]["totalMessages"]
    body["messages"]["batchEfficiency"] = {"push": 0.0, "pop": 0.0, "ack": 0.0}
    body["messages"]["requests"] = {"push": 0, "pop": 0, "ack": 0}
    answer = {
        "timeRange": {"from": fmt_ms(start), "to": fmt_ms(end)},
        "bucketMinutes": bucket,
        "pointCount": len(body["throughput"]),
        "throughput": body["throughput"],
        "queues": body["queues"],
        "messages": body["messages"],
        "leases": body["leases"],
        "deadLetterQueue": body["deadLetterQueue"],
        "workers": [worker_entry(request.ctx)],
        "errors": {"ackFailed": 0, "dbErrors": 0, "dlqMessages": dlq_total},
        "statsAge": 0,
    }
    return json_response(answer)


async def list_status_queues(request: Request) -> Response:
    paging = page(request, 100)
    text = await request.ctx.pool.fetchval(
        STATUS_QUEUES_SQL,
        query_text(request, "namespace"),
        query_text(request, "task"),
        paging.limit,
        paging.offset,
    )
    return json_response(orjson.Fragment(text))


async def get_status_queue(request: Request) -> Response:
    text = await request.ctx.pool.fetchval(STATUS_QUEUE_SQL, request.params["queue"])
    if text is None:
        return json_response({"error": "Queue not found"})
    return json_response(orjson.Fragment(text))


async def list_status_queue_messages(request: Request) -> Response:
    paging = page(request, 50)
    text = await request.ctx.pool.fetchval(
        STATUS_QUEUE_MESSAGES_SQL, request.params["queue"], paging.limit, paging.offset
    )
    return maybe_empty(text)


async def get_status_analytics(request: Request) -> Response:
    interval = request.query("interval") or "hour"
    if interval not in INTERVALS:
        raise BadRequest(
            f"interval must be one of {', '.join(INTERVALS)}, got {describe(interval)}"
        )
    start, end = time_range(request, timedelta(hours=24))
    width = {"minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2_419_200}
    if (end - start).total_seconds() / width[interval] > MAX_POINTS:
        raise BadRequest(f"the time range is too long for interval {interval!r}")
    text = await request.ctx.pool.fetchval(
        ANALYTICS_SQL,
        query_text(request, "queue"),
        query_text(request, "namespace"),
        query_text(request, "task"),
        interval,
        start,
        end,
        INTERVALS[interval],
    )
    return json_response(
        {
            "dataPoints": orjson.Fragment(text or "[]"),
            "interval": interval,
            "from": fmt_ms(start),
            "to": fmt_ms(end),
        }
    )


BUFFERED_SQL = QUERIES["buffered"]


async def get_buffers(request: Request) -> Response:
    pending = await request.ctx.pool.fetchval(BUFFERED_SQL)
    return json_response({"pending": pending, "failed": 0, "dbHealthy": True, "worker": 0})


ROUTES = [
    Route("GET", "/api/v1/status", get_status),
    Route("GET", "/api/v1/status/queues", list_status_queues),
    Route("GET", "/api/v1/status/queues/{queue}", get_status_queue),
    Route("GET", "/api/v1/status/queues/{queue}/messages", list_status_queue_messages),
    Route("GET", "/api/v1/status/analytics", get_status_analytics),
    Route("GET", "/api/v1/status/buffers", get_buffers),
]
