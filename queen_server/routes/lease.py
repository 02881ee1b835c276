"""``POST /api/v1/lease/{leaseId}/extend``."""

from __future__ import annotations

from queen_server import sql, validate
from queen_server.router import Route
from queen_server.web import BadRequest, Request, Response, describe, raw_json_response

QUERIES = sql.queries("lease")

EXTEND_SQL = QUERIES["extend"]


async def extend_lease(request: Request) -> Response:
    body = await request.json_object()
    seconds = body.get("seconds", 60)
    if seconds is None:
        seconds = 60
    if isinstance(seconds, float) and seconds.is_integer():
        seconds = int(seconds)
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise BadRequest(f"seconds must be an integer, got {describe(seconds)}")
    validate.bounded_int(seconds, "seconds")
    result = await request.ctx.pool.fetchval(EXTEND_SQL, request.params["leaseId"], seconds)
    return raw_json_response(result)


ROUTES = [Route("POST", "/api/v1/lease/{leaseId}/extend", extend_lease)]
