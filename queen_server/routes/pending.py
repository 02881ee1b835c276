"""Endpoints of the API that this server does not serve yet: 501 with a clear JSON error.

Modules listed before this one in ``ROUTE_MODULES`` replace these placeholders simply by
serving the same method + path.
"""

from __future__ import annotations

from queen_server.router import Route
from queen_server.web import Request, Response, json_response

PENDING = [
    ("GET", "/api/v1/status"),
    ("GET", "/api/v1/status/queues"),
    ("GET", "/api/v1/status/queues/{queue}"),
    ("GET", "/api/v1/status/queues/{queue}/messages"),
    ("GET", "/api/v1/status/analytics"),
    ("GET", "/api/v1/status/buffers"),
    ("GET", "/api/v1/analytics/system-metrics"),
    ("GET", "/api/v1/analytics/worker-metrics"),
    ("GET", "/api/v1/analytics/queue-lag"),
    ("GET", "/api/v1/analytics/queue-ops"),
    ("GET", "/api/v1/analytics/queue-parked-replicas"),
    ("GET", "/api/v1/analytics/retention"),
    ("GET", "/api/v1/analytics/postgres-stats"),
    ("POST", "/api/v1/migration/test-connection"),
    ("POST", "/api/v1/migration/start"),
    ("GET", "/api/v1/migration/status"),
    ("POST", "/api/v1/migration/validate"),
    ("POST", "/api/v1/migration/reset"),
    ("POST", "/streams/v1/queries"),
    ("POST", "/streams/v1/cycle"),
    ("POST", "/streams/v1/state/get"),
]


async def not_implemented(request: Request) -> Response:
    return json_response(
        {
            "error": f"Not implemented: {request.method} {request.path} is not served by "
            "this version of queen_server"
        },
        501,
    )


ROUTES = [Route(method, pattern, not_implemented) for method, pattern in PENDING]
