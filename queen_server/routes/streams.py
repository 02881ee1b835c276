"""Server-side support of the streaming SDKs (protocol §3.21).

* ``POST /streams/v1/queries`` registers a query by name (a changed ``config_hash`` is refused
  with 409 unless ``reset`` is true, which wipes the query's state);
* ``POST /streams/v1/cycle`` runs one cycle in one database transaction: state operations,
  sink pushes (deduplicated by transactionId like any push), then the source ack;
* ``POST /streams/v1/state/get`` reads a query's state on one source partition.

Beyond upstream, on request only (upstream's bodies get upstream's answers): each (query,
partition) has a state version, bumped by every cycle; ``state/get`` with ``with_version``
reports it (``version``); a cycle may require it (``expect_version``: refused when the state
moved on) and name itself (``cycle_id``: a cycle sent again after a lost answer is not
applied twice), and its answer then reports the new version (``state_version``). Registration
with ``with_partitions`` lists the partitions the query keeps state on (``partitions``).

A cycle that fails (unknown state operation, message not found, stale lease, ...) is rolled
back and answered with 200 ``success: false``, as upstream does; malformed bodies get 400.
"""

from __future__ import annotations

from typing import Any

import orjson

from queen_server import ids, sql, validate
from queen_server.router import Route
from queen_server.routes.push import item_columns
from queen_server.web import (
    BadRequest,
    Request,
    Response,
    describe,
    json_response,
    raw_json_response,
)

QUERIES = sql.queries("streams")

REGISTER_SQL = QUERIES["register"]
CYCLE_SQL = QUERIES["cycle"]
STATE_GET_SQL = QUERIES["state_get"]
PARTITIONS_SQL = QUERIES["partitions"]


async def _object(request: Request) -> dict[str, Any]:
    body = await request.json()
    if not isinstance(body, dict):
        raise BadRequest("request body must be a JSON object")
    return body


def _required_text(body: dict[str, Any], field: str) -> str:
    value = body.get(field)
    if not isinstance(value, str) or not value:
        raise BadRequest(f"{field} is required")
    return value


def _required_uuid(body: dict[str, Any], field: str) -> str:
    return validate.uuid_text(_required_text(body, field), field)


def _flag(body: dict[str, Any], field: str) -> bool:
    value = body.get(field, False)
    if not isinstance(value, bool):
        raise BadRequest(f"{field} must be a boolean, got {describe(value)}")
    return value


async def register_query(request: Request) -> Response:
    body = await _object(request)
    name = _required_text(body, "name")
    source = _required_text(body, "source_queue")
    config_hash = _required_text(body, "config_hash")
    sink = body.get("sink_queue")
    if sink is not None and not isinstance(sink, str):
        raise BadRequest(f"sink_queue must be a string, got {describe(sink)}")
    reset = body.get("reset", False)
    if not isinstance(reset, bool):
        raise BadRequest(f"reset must be a boolean, got {describe(reset)}")
    with_partitions = _flag(body, "with_partitions")
    for field, value in (("name", name), ("source_queue", source), ("sink_queue", sink)):
        validate.optional_text(value, field)
    pool = request.ctx.pool
    row = await pool.fetchrow(REGISTER_SQL, name, source, sink or None, config_hash, reset)
    assert row is not None
    if row["conflict"] or not with_partitions:
        return raw_json_response(row["body"], 409 if row["conflict"] else 200)
    answer = orjson.loads(row["body"])
    partitions = await pool.fetchval(PARTITIONS_SQL, answer["query_id"])
    return json_response({**answer, "partitions": orjson.Fragment(partitions)})


def _state_ops(value: Any) -> str:
    if value is None:
        return "[]"
    if not isinstance(value, list):
        raise BadRequest(f"state_ops must be an array, got {describe(value)}")
    validate.batch_size(len(value), "state_ops")
    for index, op in enumerate(value):
        if not isinstance(op, dict):
            raise BadRequest(f"state_ops[{index}] must be an object, got {describe(op)}")
        key = op.get("key")
        if not isinstance(key, str):
            raise BadRequest(f"state_ops[{index}].key must be a string, got {describe(key)}")
    return orjson.dumps(value).decode()


def _ack(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadRequest(f"ack must be an object or null, got {describe(value)}")
    txn = value.get("transactionId")
    if not isinstance(txn, str) or not txn:
        raise BadRequest("ack.transactionId is required")
    for field in ("leaseId", "status", "error"):
        if value.get(field) is not None and not isinstance(value[field], str):
            raise BadRequest(f"ack.{field} must be a string, got {describe(value[field])}")
    count = value.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise BadRequest(f"ack.count must be a non-negative integer, got {describe(count)}")
    return orjson.dumps(value).decode()


def _expect_version(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value >= 2**63:
        raise BadRequest(f"expect_version must be a non-negative integer, got {describe(value)}")
    return value


def _message_ids(items: list[Any]) -> list[str]:
    """The items' ``messageId`` where given (a UUID), else a new UUIDv7."""
    result = []
    for index, item in enumerate(items):
        given = item.get("messageId") if isinstance(item, dict) else None
        if given is None or given == "":
            result.append(ids.uuid7())
        else:
            result.append(validate.uuid_text(given, f"push_items[{index}].messageId"))
    return result


async def run_cycle(request: Request) -> Response:
    body = await _object(request)
    query_id = _required_uuid(body, "query_id")
    partition_id = _required_uuid(body, "partition_id")
    group = body.get("consumer_group")
    if group is not None and not isinstance(group, str):
        raise BadRequest(f"consumer_group must be a string, got {describe(group)}")
    group = group or validate.QUEUE_MODE
    release = body.get("release_lease", True)
    if not isinstance(release, bool):
        raise BadRequest(f"release_lease must be a boolean, got {describe(release)}")
    state_ops = _state_ops(body.get("state_ops"))
    raw_items = body.get("push_items") or []
    if not isinstance(raw_items, list):
        raise BadRequest(f"push_items must be an array, got {describe(raw_items)}")
    validate.batch_size(len(raw_items), "push_items")
    ack = _ack(body.get("ack"))
    expect_version = _expect_version(body.get("expect_version"))
    cycle_id = validate.optional_text(body.get("cycle_id"), "cycle_id") or None
    ctx = request.ctx
    items = await item_columns(ctx, raw_items, "push_items")
    message_ids = _message_ids(raw_items)
    text = await ctx.pool.fetchval(
        CYCLE_SQL,
        query_id,
        partition_id,
        group,
        release,
        state_ops,
        items.queues,
        items.partitions,
        items.txns,
        items.traces,
        items.payloads,
        items.encrypted,
        message_ids,
        ack,
        expect_version,
        cycle_id,
    )
    return raw_json_response(text)


async def get_state(request: Request) -> Response:
    body = await _object(request)
    query_id = _required_uuid(body, "query_id")
    partition_id = _required_uuid(body, "partition_id")
    keys = body.get("keys")
    key_list = [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []
    prefix = body.get("key_prefix")
    if prefix is not None and not isinstance(prefix, str):
        raise BadRequest(f"key_prefix must be a string, got {describe(prefix)}")
    ripe = body.get("ripe_at_or_before")
    if ripe is not None and (isinstance(ripe, bool) or not isinstance(ripe, (int, float))):
        raise BadRequest(f"ripe_at_or_before must be a number, got {describe(ripe)}")
    with_version = _flag(body, "with_version")
    text = await request.ctx.pool.fetchval(
        STATE_GET_SQL, query_id, partition_id, key_list, prefix or None, ripe, with_version
    )
    return json_response(orjson.Fragment(text))


ROUTES = [
    Route("POST", "/streams/v1/queries", register_query),
    Route("POST", "/streams/v1/cycle", run_cycle),
    Route("POST", "/streams/v1/state/get", get_state),
]
