"""``POST /api/v1/traces`` — record a trace event on a message (the write side)."""

from __future__ import annotations

import orjson

from queen_server import sql, validate
from queen_server.router import Route
from queen_server.web import BadRequest, Request, Response, describe, raw_json_response

QUERIES = sql.queries("traces")

MAX_EVENT_TYPE = 100
MAX_TRACE_NAMES = 100


def _names(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        if len(value) > MAX_TRACE_NAMES:
            raise BadRequest(f"traceNames: at most {MAX_TRACE_NAMES} names, got {len(value)}")
        for v in value:
            validate.optional_text(v, "traceNames[]")
        return list(value)
    raise BadRequest(f"traceNames must be a string or an array of strings, got {describe(value)}")


RECORD_SQL = QUERIES["record"]


async def record_trace(request: Request) -> Response:
    body = await request.json_object()
    txn = body.get("transactionId")
    partition = body.get("partitionId")
    if not isinstance(txn, str) or not isinstance(partition, str):
        raise BadRequest("transactionId and partitionId are required")
    if "data" not in body:
        raise BadRequest("data is required")
    partition = validate.uuid_text(partition, "partitionId")
    group = body.get("consumerGroup", validate.QUEUE_MODE)
    if not isinstance(group, str):
        raise BadRequest(f"consumerGroup must be a string, got {describe(group)}")
    event_type = body.get("eventType", "info")
    if not isinstance(event_type, str):
        raise BadRequest(f"eventType must be a string, got {describe(event_type)}")
    validate.optional_text(event_type, "eventType", limit=MAX_EVENT_TYPE)
    result = await request.ctx.pool.fetchval(
        RECORD_SQL,
        txn,
        partition,
        group,
        event_type,
        orjson.dumps(body["data"]).decode(),
        _names(body.get("traceNames")),
        "0",
    )
    return raw_json_response(result)


ROUTES = [Route("POST", "/api/v1/traces", record_trace)]
