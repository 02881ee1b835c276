"""``POST /api/v1/configure`` — create a queue or reset all of its options."""

from __future__ import annotations

from typing import Any

import orjson

from queen_generated.options import QUEUE_OPTIONS
from queen_server import sql, validate
from queen_server.router import Route
from queen_server.web import BadRequest, Request, Response, describe, json_response

QUERIES = sql.queries("configure")

#: Recognised options with the value used when absent: the ``QueueOptions`` schema of
#: ``openapi.yaml``, generated into ``queen_generated.options`` (standard library only, so the
#: server imports no client code).
OPTION_DEFAULTS: dict[str, int | bool] = {
    name: default for name, (_, default) in QUEUE_OPTIONS.items()
}

_TRUE = {"true", "t", "yes", "y", "on", "1"}
_FALSE = {"false", "f", "no", "n", "off", "0"}


def _int_option(key: str, value: Any) -> int:
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            number = None
    if number is None:
        raise BadRequest(f"options.{key} must be an integer, got {describe(value)}")
    return validate.bounded_int(number, f"options.{key}")


def _bool_option(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise BadRequest(f"options.{key} must be a boolean, got {describe(value)}")


def normalise_options(raw: Any) -> dict[str, int | bool]:
    """The complete option set: given values checked and converted, the rest defaulted."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise BadRequest(f"options must be an object, got {describe(raw)}")
    options: dict[str, int | bool] = {}
    for key, default in OPTION_DEFAULTS.items():
        if key not in raw or raw[key] is None:
            options[key] = default
        elif isinstance(default, bool):
            options[key] = _bool_option(key, raw[key])
        else:
            options[key] = _int_option(key, raw[key])
    return options


def _label(body: dict[str, Any], key: str) -> str:
    """``namespace``/``task``: absent, null or ``""`` mean none; anything else is a name."""
    value = body.get(key)
    if value is None or value == "":
        return ""
    return validate.name(value, key)


CONFIGURE_SQL = QUERIES["configure"]


async def configure(request: Request) -> Response:
    body = await request.json_object()
    queue = validate.name(body.get("queue"), "queue", missing="queue is required")
    namespace = _label(body, "namespace")
    task = _label(body, "task")
    options = normalise_options(body.get("options"))
    row = await request.ctx.pool.fetchrow(
        CONFIGURE_SQL,
        queue,
        namespace,
        task,
        orjson.dumps(options).decode(),
    )
    assert row is not None
    request.ctx.forget_queue(queue)
    return json_response(
        {
            "configured": True,
            "queueId": str(row["queue_id"]),
            "partitionId": str(row["partition_id"]),
            "queue": queue,
            "namespace": namespace,
            "task": task,
            "options": options,
        }
    )


ROUTES = [Route("POST", "/api/v1/configure", configure)]
