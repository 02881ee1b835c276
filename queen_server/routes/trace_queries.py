"""The read side of traces (protocol §3.12.2 to §3.12.4, §4.9).

Keys are snake_case as upstream sends them. Unlike upstream, ``limit``/``offset`` of the
by-name query page the traces (upstream applies them to one aggregated row, §3.12.3).
"""

from __future__ import annotations

from urllib.parse import unquote

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.admin_common import page, path_uuid
from queen_server.web import Request, Response, raw_json_response

QUERIES = sql.queries("trace_queries")

MESSAGE_TRACES_SQL = QUERIES["message_traces"]
BY_NAME_SQL = QUERIES["by_name"]
NAMES_SQL = QUERIES["names"]


async def message_traces(request: Request) -> Response:
    partition_id = path_uuid(request, "partitionId")
    text = await request.ctx.pool.fetchval(
        MESSAGE_TRACES_SQL, partition_id, request.params["transactionId"]
    )
    return raw_json_response(text)


async def traces_by_name(request: Request) -> Response:
    name = unquote(request.params["traceName"])  # the one path parameter upstream decodes
    paging = page(request, 100)
    text = await request.ctx.pool.fetchval(BY_NAME_SQL, name, paging.limit, paging.offset)
    return raw_json_response(text)


async def trace_names(request: Request) -> Response:
    paging = page(request, 50)
    text = await request.ctx.pool.fetchval(NAMES_SQL, paging.limit, paging.offset)
    return raw_json_response(text)


ROUTES = [
    Route("GET", "/api/v1/traces/names", trace_names),
    Route("GET", "/api/v1/traces/by-name/{traceName}", traces_by_name),
    Route("GET", "/api/v1/traces/{partitionId}/{transactionId}", message_traces),
]
