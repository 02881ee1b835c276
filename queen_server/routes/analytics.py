"""Dashboard analytics (protocol §3.17): ``/api/v1/analytics/*``.

Shape-compatible with upstream. What the tables know is real: messages pushed per bucket,
partitions created, cursors, dead letters, what the retention jobs removed, PostgreSQL's own
statistics. Upstream's per-worker event-loop samples (pop/ack request counts, lag, thread
pools) have no counterpart here: they are zeros, and the system metrics are one sample of this
process taken when asked.
"""

from __future__ import annotations

import os
import resource
import socket
from typing import Any

import orjson

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.admin_common import fmt_ms, maybe_empty, query_text
from queen_server.routes.status import bucket_minutes, now_utc, time_range, worker_entry
from queen_server.web import Request, Response, json_response

QUERIES = sql.queries("analytics")

WORKER_SERIES_SQL = QUERIES["worker_series"]
WORKER_QUEUES_SQL = QUERIES["worker_queues"]
WORKER_SUMMARY_SQL = QUERIES["worker_summary"]
QUEUE_LAG_SQL = QUERIES["queue_lag"]
QUEUE_OPS_SQL = QUERIES["queue_ops"]
RETENTION_SQL = QUERIES["retention"]
POSTGRES_STATS_SQL = QUERIES["postgres_stats"]


def _stat(value: float) -> dict[str, float]:
    return {"avg": value, "last": value, "max": value, "min": value}


def _process_sample() -> dict[str, int]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss = usage.ru_maxrss * 1024
    virtual = 0
    try:
        with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as statm:
            fields = statm.read().split()
        page_size = os.sysconf("SC_PAGE_SIZE")
        virtual, rss = int(fields[0]) * page_size, int(fields[1]) * page_size
    except (OSError, ValueError, IndexError):
        pass
    return {
        "user_us": round(usage.ru_utime * 1_000_000),
        "system_us": round(usage.ru_stime * 1_000_000),
        "rss_bytes": rss,
        "virtual_bytes": virtual,
    }


def _range(request: Request) -> tuple[dict[str, Any], Any, Any, int]:
    start, end = time_range(request)
    bucket = bucket_minutes(start, end)
    return {"from": fmt_ms(start), "to": fmt_ms(end)}, start, end, bucket


async def system_metrics(request: Request) -> Response:
    time_range_json, _start, _end, bucket = _range(request)
    ctx = request.ctx
    hostname = socket.gethostname()
    wanted_host = query_text(request, "hostname")
    wanted_worker = query_text(request, "workerId")
    worker_id = f"queen-server-{os.getpid()}"
    replicas: list[dict[str, Any]] = []
    if wanted_host in (None, hostname) and wanted_worker in (None, worker_id):
        sample = _process_sample()
        size, idle = ctx.pool.get_size(), ctx.pool.get_idle_size()
        metrics = {
            "cpu": {"user_us": _stat(sample["user_us"]), "system_us": _stat(sample["system_us"])},
            "memory": {
                "rss_bytes": _stat(sample["rss_bytes"]),
                "virtual_bytes": _stat(sample["virtual_bytes"]),
            },
            "database": {
                "pool_size": _stat(size),
                "pool_idle": _stat(idle),
                "pool_active": _stat(size - idle),
            },
            "registries": {"response": _stat(ctx.hub.waiting())},
            "threadpool": {
                "db": {"pool_size": _stat(0), "queue_size": _stat(0)},
                "system": {"pool_size": _stat(0), "queue_size": _stat(0)},
            },
            "shared_state": {
                "enabled": False,
                "queue_config_cache": {"size": None, "hits": None, "misses": None},
                "consumer_presence": {
                    "queues_tracked": None,
                    "servers_tracked": None,
                    "total_registrations": None,
                },
                "server_health": {"alive": None, "dead": None},
                "transport": {"sent": None, "received": None, "dropped": None},
                "queue_backoff": {
                    "queues_with_backoff": 0,
                    "total_backed_off_groups": 0,
                    "avg_interval_ms": 0,
                },
                "queue_backoff_summary": [],
                "sidecar_ops": {
                    op: {"count": 0, "items": 0, "latency_us": 0} for op in ("push", "pop", "ack")
                },
            },
        }
        replicas.append(
            {
                "hostname": hostname,
                "port": ctx.settings.port,
                "workerId": worker_id,
                "timeSeries": [
                    {
                        "timestamp": fmt_ms(now_utc().replace(second=0, microsecond=0)),
                        "sampleCount": 1,
                        "metrics": metrics,
                    }
                ],
            }
        )
    return json_response(
        {
            "timeRange": time_range_json,
            "replicas": replicas,
            "replicaCount": len(replicas),
            "bucketMinutes": bucket,
            "pointCount": sum(len(r["timeSeries"]) for r in replicas),
        }
    )


async def worker_metrics(request: Request) -> Response:
    time_range_json, start, end, bucket = _range(request)
    pool = request.ctx.pool
    series_text = await pool.fetchval(WORKER_SERIES_SQL, start, bucket, end)
    queues_text = await pool.fetchval(WORKER_QUEUES_SQL)
    summary = await pool.fetchrow(WORKER_SUMMARY_SQL, start, end)
    assert summary is not None
    series = [
        {
            "timestamp": point["b"],
            "pushMessages": point["n"],
            "pushRequests": 0,
            "pushPerSecond": round(point["n"] / (bucket * 60), 2),
            "popMessages": 0,
            "popRequests": 0,
            "popPerSecond": 0.0,
            "ackMessages": 0,
            "ackRequests": 0,
            "ackSuccess": 0,
            "ackFailed": 0,
            "ackPerSecond": 0.0,
            "avgLagMs": 0,
            "maxLagMs": 0,
            "lagCount": 0,
            "dbErrors": 0,
            "dlqCount": 0,
            "avgEventLoopLagMs": 0,
            "maxEventLoopLagMs": 0,
            "avgFreeSlots": pool.get_idle_size(),
            "minFreeSlots": pool.get_idle_size(),
            "dbConnections": pool.get_size(),
            "avgJobQueueSize": 0,
            "maxJobQueueSize": 0,
            "backoffSize": 0,
            "jobsDone": 0,
        }
        for point in orjson.loads(series_text)
    ]
    worker = worker_entry(request.ctx)
    worker.update({"backoffSize": 0, "lastSeen": fmt_ms(now_utc())})
    return json_response(
        {
            "timeRange": time_range_json,
            "bucketMinutes": bucket,
            "pointCount": len(series),
            "timeSeries": series,
            "workers": [worker],
            "queues": orjson.Fragment(queues_text),
            "summary": {
                "totalPushMessages": summary["pushed"],
                "totalPushRequests": 0,
                "totalPopMessages": 0,
                "totalPopRequests": 0,
                "totalAckMessages": 0,
                "totalAckRequests": 0,
                "totalAckFailed": 0,
                "totalDbErrors": 0,
                "totalDlq": summary["dlq"],
                "pendingMessages": summary["pending"],
            },
        }
    )


async def queue_lag(request: Request) -> Response:
    time_range(request)  # validates from/to
    text = await request.ctx.pool.fetchval(QUEUE_LAG_SQL, query_text(request, "queue"))
    return maybe_empty(text)


async def queue_ops(request: Request) -> Response:
    time_range_json, start, end, bucket = _range(request)
    text = await request.ctx.pool.fetchval(
        QUEUE_OPS_SQL, start, bucket, end, query_text(request, "queue")
    )
    body = orjson.loads(text)
    return json_response({"timeRange": time_range_json, "bucketMinutes": bucket, **body})


async def queue_parked_replicas(request: Request) -> Response:
    time_range_json, _start, _end, bucket = _range(request)
    return json_response(
        {"timeRange": time_range_json, "bucketMinutes": bucket, "series": [], "replicas": []}
    )


async def retention(request: Request) -> Response:
    time_range_json, start, end, bucket = _range(request)
    text = await request.ctx.pool.fetchval(
        RETENTION_SQL, start, bucket, end, query_text(request, "queue")
    )
    body = orjson.loads(text)
    return json_response({"timeRange": time_range_json, "bucketMinutes": bucket, **body})


async def postgres_stats(request: Request) -> Response:
    return json_response(orjson.Fragment(await request.ctx.pool.fetchval(POSTGRES_STATS_SQL)))


ROUTES = [
    Route("GET", "/api/v1/analytics/system-metrics", system_metrics),
    Route("GET", "/api/v1/analytics/worker-metrics", worker_metrics),
    Route("GET", "/api/v1/analytics/queue-lag", queue_lag),
    Route("GET", "/api/v1/analytics/queue-ops", queue_ops),
    Route("GET", "/api/v1/analytics/queue-parked-replicas", queue_parked_replicas),
    Route("GET", "/api/v1/analytics/retention", retention),
    Route("GET", "/api/v1/analytics/postgres-stats", postgres_stats),
]
