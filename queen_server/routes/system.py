"""Maintenance switches (protocol §3.18, §4.14) and the cluster-sync status routes.

Both switches live in ``queen.system_state`` and are read by the push and pop SQL functions
themselves, so every server process obeys a change at once.
"""

from __future__ import annotations

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.health import read_flags, shared_state
from queen_server.web import BadRequest, Request, Response, json_response

QUERIES = sql.queries("system")

PUSH_KEY = "maintenance_mode"
POP_KEY = "pop_maintenance_mode"

NOTIFY_PUSH_SQL = QUERIES["notify_push"]
BUFFERED_SQL = QUERIES["buffered"]
SET_FLAG_SQL = QUERIES["set_flag"]


def _buffer_stats(pending: int) -> dict[str, object]:
    return {
        "pendingCount": pending,
        "failedCount": 0,
        "dbHealthy": True,
        "failedFiles": {
            "count": 0,
            "totalBytes": 0,
            "totalMB": 0.0,
            "failoverCount": 0,
            "qos0Count": 0,
        },
    }


async def _buffered(request: Request) -> int:
    return int(await request.ctx.pool.fetchval(BUFFERED_SQL))


async def _enabled(request: Request) -> bool:
    body = await request.json_object()
    enabled = body.get("enabled")
    if not isinstance(enabled, bool):
        raise BadRequest("enabled (boolean) is required")
    return enabled


async def get_maintenance(request: Request) -> Response:
    push_on, pop_on = await read_flags(request.ctx)
    pending = await _buffered(request)
    return json_response(
        {
            "maintenanceMode": push_on,
            "popMaintenanceMode": pop_on,
            "bufferedMessages": pending,
            "bufferHealthy": True,
            "bufferStats": _buffer_stats(pending),
        }
    )


async def set_maintenance(request: Request) -> Response:
    enabled = await _enabled(request)
    await request.ctx.pool.execute(SET_FLAG_SQL, PUSH_KEY, enabled)
    message = (
        "Maintenance mode ENABLED. All PUSHes routing to the maintenance buffer."
        if enabled
        else "Maintenance mode DISABLED. Background processor will drain buffer to DB."
    )
    return json_response(
        {
            "maintenanceMode": enabled,
            "bufferedMessages": await _buffered(request),
            "bufferHealthy": True,
            "message": message,
        }
    )


def _pop_message(enabled: bool, changed: bool) -> str:
    if changed:
        return (
            "Pop maintenance mode ENABLED. All POP operations will return empty arrays."
            if enabled
            else "Pop maintenance mode DISABLED. Normal operation resumed."
        )
    return (
        "Pop maintenance mode is ON. All POP operations return empty arrays."
        if enabled
        else "Pop maintenance mode is OFF. Normal operation."
    )


async def get_pop_maintenance(request: Request) -> Response:
    _, pop_on = await read_flags(request.ctx)
    return json_response({"popMaintenanceMode": pop_on, "message": _pop_message(pop_on, False)})


async def set_pop_maintenance(request: Request) -> Response:
    enabled = await _enabled(request)
    await request.ctx.pool.execute(SET_FLAG_SQL, POP_KEY, enabled)
    return json_response({"popMaintenanceMode": enabled, "message": _pop_message(enabled, True)})


async def get_shared_state(request: Request) -> Response:
    push_on, pop_on = await read_flags(request.ctx)
    return json_response(shared_state(request.ctx, push_on, pop_on))


async def internal_notify(request: Request) -> Response:
    body = await request.json_object()
    queue = body.get("queue")
    if not isinstance(queue, str) or not queue:
        raise BadRequest("queue is required")
    await request.ctx.pool.execute(NOTIFY_PUSH_SQL, queue)
    request.ctx.hub.wake(queue)
    return json_response({"status": "ok"})


ROUTES = [
    Route("GET", "/api/v1/system/maintenance", get_maintenance),
    Route("POST", "/api/v1/system/maintenance", set_maintenance),
    Route("GET", "/api/v1/system/maintenance/pop", get_pop_maintenance),
    Route("POST", "/api/v1/system/maintenance/pop", set_pop_maintenance),
    Route("GET", "/api/v1/system/shared-state", get_shared_state),
    Route("GET", "/internal/api/shared-state/stats", get_shared_state),
    Route("GET", "/internal/api/inter-instance/stats", get_shared_state),
    Route("POST", "/internal/api/notify", internal_notify),
]
