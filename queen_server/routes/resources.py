"""Resources (protocol §3.15, §4.17) and the partition listing / clear-queue extensions.

Counts are computed live by ``queen.partition_stats`` (upstream reads a stats table refreshed
every ~10 s, so its numbers lag). Deleting a queue removes its partitions, messages, cursors,
DLQ entries, traces and streams state; recorded subscriptions (consumer-group metadata) stay.
"""

from __future__ import annotations

from queen_server import sql
from queen_server.router import Route
from queen_server.routes.admin_common import page, query_text
from queen_server.web import Request, Response, json_response, raw_json_response

QUERIES = sql.queries("resources")

OVERVIEW_SQL = QUERIES["overview"]
QUEUES_SQL = QUERIES["queues"]
QUEUE_DETAIL_SQL = QUERIES["queue_detail"]
DELETE_QUEUE_SQL = QUERIES["delete_queue"]
NAMESPACES_SQL = QUERIES["namespaces"]
TASKS_SQL = QUERIES["tasks"]
PARTITIONS_SQL = QUERIES["partitions"]
CLEAR_SQL = QUERIES["clear"]


async def overview(request: Request) -> Response:
    return raw_json_response(await request.ctx.pool.fetchval(OVERVIEW_SQL))


async def list_queues(request: Request) -> Response:
    return raw_json_response(await request.ctx.pool.fetchval(QUEUES_SQL))


async def get_queue(request: Request) -> Response:
    text = await request.ctx.pool.fetchval(QUEUE_DETAIL_SQL, request.params["queue"])
    if text is None:
        return json_response({"error": "Queue not found"})
    return raw_json_response(text)


async def delete_queue(request: Request) -> Response:
    name = request.params["queue"]
    row = await request.ctx.pool.fetchrow(DELETE_QUEUE_SQL, name)
    existed = bool(row is not None and row["existed"])
    request.ctx.forget_queue(name)
    return json_response({"deleted": True, "queue": name, "existed": existed})


async def list_namespaces(request: Request) -> Response:
    return raw_json_response(await request.ctx.pool.fetchval(NAMESPACES_SQL))


async def list_tasks(request: Request) -> Response:
    return raw_json_response(await request.ctx.pool.fetchval(TASKS_SQL))


async def list_partitions(request: Request) -> Response:
    paging = page(request, 100)
    text = await request.ctx.pool.fetchval(
        PARTITIONS_SQL, query_text(request, "queue"), paging.limit, paging.offset
    )
    return raw_json_response(text)


async def clear_queue(request: Request) -> Response:
    name = request.params["queue"]
    partition = query_text(request, "partition")
    text = await request.ctx.pool.fetchval(CLEAR_SQL, name, partition)
    return raw_json_response(text)


ROUTES = [
    Route("GET", "/api/v1/resources/overview", overview),
    Route("GET", "/api/v1/resources/queues", list_queues),
    Route("GET", "/api/v1/resources/queues/{queue}", get_queue),
    Route("DELETE", "/api/v1/resources/queues/{queue}", delete_queue),
    Route("GET", "/api/v1/resources/namespaces", list_namespaces),
    Route("GET", "/api/v1/resources/tasks", list_tasks),
    Route("GET", "/api/v1/resources/partitions", list_partitions),
    Route("DELETE", "/api/v1/queues/{queue}/clear", clear_queue),
]
