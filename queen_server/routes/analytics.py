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

from queen_server.router import Route
from queen_server.routes.admin_common import fmt_ms, maybe_empty, query_text
from queen_server.routes.status import bucket_minutes, now_utc, time_range, worker_entry
from queen_server.web import Request, Response, json_response

# a bucket start for created_at-like column `col`: $1 = range start, $2 = bucket minutes
_BUCKET = """
    (date_trunc('minute', $1::timestamptz) + make_interval(mins => $2 * floor(
        EXTRACT(EPOCH FROM {col} - date_trunc('minute', $1::timestamptz)) / ($2 * 60))::integer))
"""

WORKER_SERIES_SQL = f"""
    SELECT COALESCE(json_agg(json_build_object('b', queen.fmt_s(x.b), 'n', x.n) ORDER BY x.b),
                    '[]'::json)
    FROM (SELECT {_BUCKET.format(col="m.created_at")} AS b, count(*) AS n
          FROM queen.messages m WHERE m.created_at >= $1 AND m.created_at <= $3
          GROUP BY 1) x
"""

WORKER_QUEUES_SQL = """
    SELECT COALESCE(json_agg(json_build_object(
               'queueName', x.name, 'popCount', x.consumed, 'avgLagMs', 0, 'maxLagMs', 0)
           ORDER BY x.consumed DESC, x.name), '[]'::json)
    FROM (SELECT q.name, COALESCE(sum(c.total_messages_consumed), 0) AS consumed
          FROM queen.queues q
          LEFT JOIN queen.partitions p ON p.queue_id = q.id
          LEFT JOIN queen.partition_consumers c ON c.partition_id = p.id
          GROUP BY q.name) x
"""

WORKER_SUMMARY_SQL = """
    SELECT (SELECT count(*) FROM queen.messages WHERE created_at >= $1 AND created_at <= $2)
               AS pushed,
           (SELECT count(*) FROM queen.dead_letter_queue
            WHERE failed_at >= $1 AND failed_at <= $2) AS dlq,
           (SELECT COALESCE(sum(unconsumed), 0)::bigint FROM queen.partition_stats()) AS pending
"""

QUEUE_LAG_SQL = """
    SELECT json_agg(json_build_object(
               'queueName', q.name, 'popCount', 0, 'avgLagMs', 0, 'maxLagMs', 0,
               'bucketTime', queen.fmt_s(date_trunc('minute', now())))
           ORDER BY q.name)
    FROM queen.queues q WHERE $1::text IS NULL OR q.name = $1
"""

QUEUE_OPS_SQL = f"""
    WITH q AS (SELECT * FROM queen.queues q WHERE $4::text IS NULL OR q.name = $4),
    pushed AS (
        SELECT p.queue_id, {_BUCKET.format(col="m.created_at")} AS b, count(*) AS n
        FROM queen.messages m JOIN queen.partitions p ON p.id = m.partition_id
        WHERE p.queue_id IN (SELECT id FROM q) AND m.created_at >= $1 AND m.created_at <= $3
        GROUP BY 1, 2
    ),
    created AS (
        SELECT p.queue_id, {_BUCKET.format(col="p.created_at")} AS b, count(*) AS n
        FROM queen.partitions p
        WHERE p.queue_id IN (SELECT id FROM q) AND p.created_at >= $1 AND p.created_at <= $3
        GROUP BY 1, 2
    ),
    activity AS (
        SELECT COALESCE(pu.queue_id, cr.queue_id) AS queue_id, COALESCE(pu.b, cr.b) AS b,
               COALESCE(pu.n, 0) AS pushed, COALESCE(cr.n, 0) AS created
        FROM pushed pu FULL JOIN created cr ON cr.queue_id = pu.queue_id AND cr.b = pu.b
    )
    SELECT json_build_object(
        'series', COALESCE((
            SELECT json_agg(json_build_object(
                       'queueName', q.name, 'bucket', queen.fmt_s(a.b),
                       'pushMessages', a.pushed, 'pushRequests', 0,
                       'pushPerSecond', round(a.pushed / ($2 * 60.0), 2),
                       'popMessages', 0, 'popEmpty', 0, 'popPerSecond', 0.0,
                       'emptyPerSecond', 0.0, 'ackSuccess', 0, 'ackFailed', 0,
                       'ackRequests', 0, 'ackPerSecond', 0.0, 'transactions', 0,
                       'avgLagMs', 0, 'maxLagMs', 0, 'parkedCount', 0.0,
                       'partitionCount', (SELECT count(*) FROM queen.partitions p
                                          WHERE p.queue_id = q.id),
                       'partitionsCreated', a.created, 'partitionsDeleted', 0)
                   ORDER BY a.b, q.name)
            FROM activity a JOIN q ON q.id = a.queue_id), '[]'::json),
        'queues', COALESCE((SELECT json_agg(q.name ORDER BY q.name) FROM q), '[]'::json))
"""

RETENTION_SQL = f"""
    WITH e AS (
        SELECT * FROM queen.retention_events
        WHERE created_at >= $1 AND created_at <= $3 AND ($4::text IS NULL OR queue_name = $4)
    ),
    per_bucket AS (
        SELECT {_BUCKET.format(col="e.created_at")} AS b,
               COALESCE(sum(messages) FILTER (WHERE kind = 'retention'), 0) AS retention,
               COALESCE(sum(messages) FILTER (WHERE kind = 'completed_retention'), 0)
                   AS completed,
               COALESCE(sum(messages) FILTER (WHERE kind = 'eviction'), 0) AS eviction,
               sum(messages) AS total, count(*) AS events
        FROM e GROUP BY 1
    )
    SELECT json_build_object(
        'series', COALESCE((
            SELECT json_agg(json_build_object(
                       'bucket', queen.fmt_s(b), 'retentionMsgs', retention,
                       'completedRetentionMsgs', completed, 'evictionMsgs', eviction,
                       'totalMsgs', total, 'eventCount', events) ORDER BY b)
            FROM per_bucket), '[]'::json),
        'totals', json_build_object(
            'retentionMsgs', (SELECT COALESCE(sum(retention), 0) FROM per_bucket),
            'completedRetentionMsgs', (SELECT COALESCE(sum(completed), 0) FROM per_bucket),
            'evictionMsgs', (SELECT COALESCE(sum(eviction), 0) FROM per_bucket),
            'totalMsgs', (SELECT COALESCE(sum(total), 0) FROM per_bucket),
            'eventCount', (SELECT COALESCE(sum(events), 0) FROM per_bucket)))
"""

POSTGRES_STATS_SQL = """
    WITH tables AS (
        SELECT s.relname, s.relid, s.n_live_tup, s.n_dead_tup, s.last_vacuum,
               s.last_autovacuum, s.autovacuum_count, s.autoanalyze_count, s.n_tup_upd,
               s.n_tup_hot_upd, io.heap_blks_hit, io.heap_blks_read
        FROM pg_stat_user_tables s
        JOIN pg_statio_user_tables io ON io.relid = s.relid
        WHERE s.schemaname = 'queen'
    ),
    indexes AS (
        SELECT relname, indexrelname, idx_blks_hit, idx_blks_read
        FROM pg_statio_user_indexes WHERE schemaname = 'queen'
    ),
    db AS (SELECT * FROM pg_stat_database WHERE datname = current_database())
    SELECT json_build_object(
        'timestamp', queen.fmt_ms(now()),
        'database', current_database(),
        'databaseCache', (SELECT json_build_object(
            'database', datname, 'cacheHits', blks_hit, 'diskReads', blks_read,
            'cacheHitRatio', round(100.0 * blks_hit / NULLIF(blks_hit + blks_read, 0), 2))
            FROM db),
        'tableCache', COALESCE((SELECT json_agg(json_build_object(
            'schema', 'queen', 'table', relname, 'cacheHits', heap_blks_hit,
            'diskReads', heap_blks_read,
            'cacheHitRatio', round(100.0 * heap_blks_hit
                                   / NULLIF(heap_blks_hit + heap_blks_read, 0), 2))
            ORDER BY heap_blks_hit + heap_blks_read DESC, relname) FROM tables), '[]'::json),
        'indexCache', COALESCE((SELECT json_agg(json_build_object(
            'schema', 'queen', 'table', relname, 'index', indexrelname,
            'cacheHits', idx_blks_hit, 'diskReads', idx_blks_read,
            'cacheHitRatio', round(100.0 * idx_blks_hit
                                   / NULLIF(idx_blks_hit + idx_blks_read, 0), 2))
            ORDER BY idx_blks_hit + idx_blks_read DESC, indexrelname) FROM indexes),
            '[]'::json),
        'cacheSummary', json_build_object(
            'tables', (SELECT json_build_object(
                'cacheHits', COALESCE(sum(heap_blks_hit), 0),
                'diskReads', COALESCE(sum(heap_blks_read), 0),
                'hitRatio', COALESCE(round(100.0 * sum(heap_blks_hit)
                    / NULLIF(sum(heap_blks_hit) + sum(heap_blks_read), 0), 2), 0))
                FROM tables),
            'indexes', (SELECT json_build_object(
                'cacheHits', COALESCE(sum(idx_blks_hit), 0),
                'diskReads', COALESCE(sum(idx_blks_read), 0),
                'hitRatio', COALESCE(round(100.0 * sum(idx_blks_hit)
                    / NULLIF(sum(idx_blks_hit) + sum(idx_blks_read), 0), 2), 0))
                FROM indexes)),
        'deadTuples', COALESCE((SELECT json_agg(json_build_object(
            'schema', 'queen', 'table', relname, 'liveTuples', n_live_tup,
            'deadTuples', n_dead_tup,
            'deadPercentage', round(100.0 * n_dead_tup / GREATEST(n_live_tup, 1), 2),
            'lastVacuum', queen.fmt_s(last_vacuum),
            'lastAutovacuum', queen.fmt_s(last_autovacuum))
            ORDER BY n_dead_tup DESC, relname) FROM tables), '[]'::json),
        'hotUpdates', COALESCE((SELECT json_agg(json_build_object(
            'schema', 'queen', 'table', relname, 'totalUpdates', n_tup_upd,
            'hotUpdates', n_tup_hot_upd,
            'hotUpdatePercentage', round(100.0 * n_tup_hot_upd / GREATEST(n_tup_upd, 1), 2))
            ORDER BY n_tup_upd DESC, relname) FROM tables WHERE n_tup_upd > 0), '[]'::json),
        'activeQueries', COALESCE((SELECT json_agg(json_build_object(
            'pid', pid, 'state', state, 'query', left(query, 200),
            'durationMs', round(EXTRACT(EPOCH FROM now() - query_start) * 1000))
            ORDER BY query_start)
            FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active'
              AND pid <> pg_backend_pid()), '[]'::json),
        'autovacuumStatus', COALESCE((SELECT json_agg(json_build_object(
            'table', relname, 'deadTuples', n_dead_tup, 'autovacuumCount', autovacuum_count,
            'autoanalyzeCount', autoanalyze_count,
            'lastAutovacuum', queen.fmt_s(last_autovacuum))
            ORDER BY n_dead_tup DESC, relname) FROM tables WHERE n_dead_tup > 0), '[]'::json),
        'bufferConfig', (SELECT json_build_object(
            'sharedBuffers', setting,
            'sharedBuffersSize', pg_size_pretty(setting::bigint * 8192))
            FROM pg_settings WHERE name = 'shared_buffers'),
        'bufferUsage', '[]'::json,
        'tableSizes', COALESCE((SELECT json_agg(json_build_object(
            'table', relname,
            'tableSize', pg_size_pretty(pg_table_size(relid)),
            'tableSizeBytes', pg_table_size(relid),
            'indexSize', pg_size_pretty(pg_indexes_size(relid)),
            'indexSizeBytes', pg_indexes_size(relid),
            'totalSize', pg_size_pretty(pg_total_relation_size(relid)),
            'totalSizeBytes', pg_total_relation_size(relid))
            ORDER BY pg_total_relation_size(relid) DESC, relname) FROM tables), '[]'::json))
"""


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
