"""``/api/v1/migration/*`` (protocol §3.19): upstream's operator tool that copies the database
to another PostgreSQL with ``pg_dump``/``pg_restore``.

This server does not copy databases: the status route answers ``idle`` and the others answer
501 with an error saying so (use PostgreSQL's own tools on the ``queen`` schema instead).
"""

from __future__ import annotations

from queen_server.router import Route
from queen_server.web import Request, Response, json_response

NOT_SUPPORTED = (
    "Database migration is not supported by this server: copy the 'queen' schema with "
    "PostgreSQL's own tools (pg_dump / pg_restore) instead"
)


async def migration_status(request: Request) -> Response:
    return json_response({"status": "idle", "currentStep": "", "elapsedSeconds": 0.0})


async def not_supported(request: Request) -> Response:
    return json_response({"error": NOT_SUPPORTED}, 501)


ROUTES = [
    Route("GET", "/api/v1/migration/status", migration_status),
    Route("POST", "/api/v1/migration/test-connection", not_supported),
    Route("POST", "/api/v1/migration/start", not_supported),
    Route("POST", "/api/v1/migration/validate", not_supported),
    Route("POST", "/api/v1/migration/reset", not_supported),
]
