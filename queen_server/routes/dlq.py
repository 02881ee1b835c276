"""``GET /api/v1/dlq`` — dead-lettered messages (protocol §3.13).

Upstream's keys and order (most recently failed first, ``id`` = the message id, payloads as
stored), plus what its documentation promises and its code does not do: a ``total`` field,
working ``limit``/``offset``, and the ``partition``, ``from`` and ``to`` filters (``from`` and
``to`` bound the time the message was dead-lettered).
"""

from __future__ import annotations

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.admin_common import page, query_text, query_timestamp
from queen_server.web import Request, Response, raw_json_response

QUERIES = sql.queries("dlq")

DLQ_SQL = QUERIES["dlq"]


async def list_dlq(request: Request) -> Response:
    paging = page(request, 100)
    text = await request.ctx.pool.fetchval(
        DLQ_SQL,
        query_text(request, "queue"),
        query_text(request, "consumerGroup"),
        query_text(request, "partition"),
        query_timestamp(request, "from"),
        query_timestamp(request, "to"),
        paging.limit,
        paging.offset,
    )
    return raw_json_response(text)


ROUTES = [Route("GET", "/api/v1/dlq", list_dlq)]
