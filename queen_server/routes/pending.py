"""Endpoints of the API that this server does not serve yet: 501 with a clear JSON error.

Modules listed before this one in ``ROUTE_MODULES`` replace these placeholders simply by
serving the same method + path.
"""

from __future__ import annotations

from queen_server.router import Route
from queen_server.web import Request, Response, json_response

PENDING: list[tuple[str, str]] = []


async def not_implemented(request: Request) -> Response:
    return json_response(
        {
            "error": f"Not implemented: {request.method} {request.path} is not served by "
            "this version of queen_server"
        },
        501,
    )


ROUTES = [Route(method, pattern, not_implemented) for method, pattern in PENDING]
