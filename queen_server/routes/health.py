"""``GET /health``, ``GET /metrics`` (JSON) and ``GET /metrics/prometheus`` (text)."""

from __future__ import annotations

import asyncio
import os
import resource
import socket
import time
from typing import Any

from queen_server import __version__, sql
from queen_server.context import ServerContext
from queen_server.router import Route
from queen_server.web import Request, Response, json_response

QUERIES = sql.queries("health")

SERVER_NAME = "Python Queen Server (queen_server)"

FLAGS_SQL = QUERIES["flags"]


async def read_flags(ctx: ServerContext) -> tuple[bool, bool]:
    """(push maintenance, pop maintenance) from the database."""
    row = await ctx.pool.fetchrow(FLAGS_SQL)
    assert row is not None
    return bool(row["push"]), bool(row["pop"])


def shared_state(ctx: ServerContext, maintenance: bool, pop_maintenance: bool) -> dict[str, Any]:
    """The cluster-sync stats object (cluster sync goes through PostgreSQL here, so the
    UDP component upstream reports is always disabled)."""
    cached = len(ctx.encryption_flags)
    return {
        "enabled": False,
        "running": False,
        "server_id": f"{socket.gethostname()}:{ctx.settings.port}",
        "queue_config_cache": {"size": cached, "hits": 0, "misses": 0, "hit_rate": 0.0},
        "server_health": {
            "servers_tracked": 0,
            "servers_alive": 0,
            "servers_dead": 0,
            "heartbeats_received": 0,
            "restarts_detected": 0,
        },
        "maintenance_mode": maintenance,
        "pop_maintenance_mode": pop_maintenance,
    }


async def health(request: Request) -> Response:
    ctx = request.ctx
    try:
        maintenance, pop_maintenance = await asyncio.wait_for(read_flags(ctx), 5)
        healthy = True
    except Exception:
        maintenance = pop_maintenance = False
        healthy = False
    body = {
        "status": "healthy" if healthy else "unhealthy",
        "database": "connected" if healthy else "disconnected",
        "server": SERVER_NAME,
        "worker_id": ctx.settings.worker_id,
        "version": __version__,
        "shared_state": shared_state(ctx, maintenance, pop_maintenance),
        "queen": {"worker_id": ctx.settings.worker_id, "status": "active"},
    }
    return json_response(body, 200 if healthy else 503)


def _process_stats() -> tuple[int, float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss = usage.ru_maxrss * 1024  # peak RSS; Linux reports KiB
    try:
        with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as statm:
            rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    return rss, usage.ru_utime, usage.ru_stime


async def metrics(request: Request) -> Response:
    ctx = request.ctx
    uptime = time.monotonic() - ctx.started_at
    rss, user, system = _process_stats()
    pool = ctx.pool
    size, idle = pool.get_size(), pool.get_idle_size()
    counters = ctx.counters
    body = {
        "uptime": round(uptime),
        "requests": {"total": counters.requests, "rate": round(counters.requests / uptime, 3)},
        "messages": {
            "total": counters.messages_pushed,
            "rate": round(counters.messages_pushed / uptime, 3),
        },
        "database": {"poolSize": size, "idleConnections": idle, "waitingRequests": 0},
        "memory": {"rss": rss, "heapTotal": 0, "heapUsed": 0, "external": 0, "arrayBuffers": 0},
        "cpu": {"user": round(user * 1_000_000), "system": round(system * 1_000_000)},
    }
    return json_response(body)


def _family(name: str, kind: str, help_text: str, value: float) -> str:
    return f"# HELP {name} {help_text}\n# TYPE {name} {kind}\n{name} {value:g}\n"


async def prometheus(request: Request) -> Response:
    ctx = request.ctx
    rss, user, system = _process_stats()
    pool = ctx.pool
    size, idle = pool.get_size(), pool.get_idle_size()
    text = "".join(
        [
            _family(
                "queen_uptime_seconds",
                "gauge",
                "Seconds since the queen process started.",
                round(time.monotonic() - ctx.started_at),
            ),
            _family(
                "queen_cpu_user_microseconds_total",
                "counter",
                "Cumulative user CPU time consumed by the process, in microseconds.",
                round(user * 1_000_000),
            ),
            _family(
                "queen_cpu_system_microseconds_total",
                "counter",
                "Cumulative system CPU time consumed by the process, in microseconds.",
                round(system * 1_000_000),
            ),
            _family(
                "queen_process_resident_memory_bytes",
                "gauge",
                "Resident set size of the queen process, in bytes.",
                rss,
            ),
            _family(
                "queen_db_pool_size",
                "gauge",
                "Total connections in the asynchronous Postgres pool.",
                size,
            ),
            _family(
                "queen_db_pool_idle",
                "gauge",
                "Idle connections currently available in the asynchronous Postgres pool.",
                idle,
            ),
            _family(
                "queen_db_pool_active",
                "gauge",
                "Connections currently checked out from the asynchronous Postgres pool.",
                size - idle,
            ),
            _family(
                "queen_http_requests_total",
                "counter",
                "HTTP requests routed by this process.",
                ctx.counters.requests,
            ),
            _family(
                "queen_messages_pushed_total",
                "counter",
                "Messages accepted by push on this process.",
                ctx.counters.messages_pushed,
            ),
            _family(
                "queen_messages_popped_total",
                "counter",
                "Messages delivered by pop on this process.",
                ctx.counters.messages_popped,
            ),
            _family(
                "queen_long_poll_waiters",
                "gauge",
                "Pop requests currently parked waiting for messages.",
                ctx.hub.waiting(),
            ),
        ]
    )
    return Response(
        status=200,
        body=text.encode(),
        content_type=b"text/plain; version=0.0.4; charset=utf-8",
        headers=[(b"cache-control", b"no-cache")],
    )


ROUTES = [
    Route("GET", "/health", health),
    Route("GET", "/metrics", metrics),
    Route("GET", "/metrics/prometheus", prometheus),
]
