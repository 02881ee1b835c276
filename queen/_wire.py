"""I/O-free request building and answer parsing shared by every flavour of the client."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, cast

from queen_generated.options import QUEUE_OPTIONS
from queen_generated.schemas import (
    AckRequest,
    PushItem,
    QueueOptions,
    TraceRecordRequest,
    TransactionAckOperation,
)

from ._errors import (
    QueenConfigError,
    QueenHTTPError,
    QueenNotFoundError,
    QueenServerError,
    client_validation_error,
)
from ._ids import is_uuid, uuid7
from .types import AckResult, DLQMessage, DLQResult, Message, PushResult

QUEUE_MODE = "__QUEUE_MODE__"
DEFAULT_PARTITION = "Default"

# "nothing to deliver" answers of the pop routes (upstream reports them as errors in 200s)
POP_EMPTY_ERRORS = frozenset({"no_available_partition", "lease_held", "partition_not_found"})

_SNAKE = re.compile(r"_([a-z])")
_NOT_FOUND = re.compile(r"\bnot found\b|\bdoes not exist\b", re.IGNORECASE)


def server_error(body: Any, what: str, url: str | None = None) -> QueenHTTPError:
    """An error reported by the server inside a successful (200) answer.

    Upstream answers "not found" inside 200 bodies (``{"error": "Queue not found"}``): that
    becomes a :class:`QueenNotFoundError` with status 404, as a newer server would send it.
    """
    detail = body.get("error") if isinstance(body, dict) else body
    text = str(detail).strip() if detail else "unknown error"
    where = f" ({url})" if url else ""
    if _NOT_FOUND.search(text):
        return QueenNotFoundError(f"{what}: {text}{where}", status=404, body=body, url=url)
    return QueenServerError(f"{what} failed: {text}{where}", status=200, body=body, url=url)


def check_body(body: Any, what: str, url: str | None = None) -> Any:
    """Raise when ``body`` is an error object (``{"error": ...}`` without ``success: true``)."""
    if isinstance(body, dict) and body.get("error") and body.get("success") is not True:
        raise server_error(body, what, url)
    return body


def queue_options(config: Mapping[str, Any]) -> QueueOptions:
    """Validate queue options against ``openapi.yaml``'s ``QueueOptions`` (generated table) and
    spell them as the server does (camelCase)."""
    options: dict[str, Any] = {}
    for key, value in config.items():
        name = _SNAKE.sub(lambda m: m.group(1).upper(), key)
        option = QUEUE_OPTIONS.get(name)
        if option is None:
            raise QueenConfigError(
                f"unknown queue option {key!r}; known options: {', '.join(QUEUE_OPTIONS)}"
            )
        if option[0] is bool:
            if not isinstance(value, bool):
                raise QueenConfigError(f"queue option {key} must be True or False, got {value!r}")
        elif isinstance(value, bool) or not isinstance(value, int):
            raise QueenConfigError(f"queue option {key} must be an integer, got {value!r}")
        options[name] = value
    return cast("QueueOptions", options)  # every key and value type checked above


def push_items(queue: str, partition: str, items: Any) -> list[PushItem]:
    """The ``items`` of a push: payload from ``data`` (else ``payload``, else the whole item),
    a client UUIDv7 transactionId unless one is given, and the traceId when given.
    """
    if isinstance(items, Mapping):
        items = [items]
    elif not isinstance(items, (list, tuple)):
        raise client_validation_error(
            f"push() takes a message dict or a list of them, got {type(items).__name__}"
        )
    out: list[PushItem] = []
    append = out.append
    for index, item in enumerate(items):
        if type(item) is not dict and not isinstance(item, Mapping):
            raise client_validation_error(
                f"push(): message {index} must be a dict, got {_short(item)}"
            )
        if "data" in item:
            payload = item["data"]
        elif "payload" in item:
            payload = item["payload"]
        else:
            payload = item
        transaction_id = item.get("transactionId")
        if transaction_id is None or transaction_id == "":
            transaction_id = uuid7()
        elif type(transaction_id) is not str:
            raise client_validation_error(
                f"push(): message {index} has transactionId {_short(transaction_id)}; "
                "it must be a string"
            )
        entry: PushItem = {
            "queue": queue,
            "partition": partition,
            "payload": payload,
            "transactionId": transaction_id,
        }
        trace_id = item.get("traceId")
        if trace_id:
            if not isinstance(trace_id, str) or not is_uuid(trace_id):
                raise client_validation_error(
                    f"push(): message {index} has traceId {_short(trace_id)}; "
                    "it must be a UUID string"
                )
            entry["traceId"] = trace_id
        append(entry)
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_push(body: Any) -> list[PushResult]:
    """One result per item, in request order; an error object raises."""
    if body is None:
        return []
    if isinstance(body, list):
        return cast("list[PushResult]", body)
    raise server_error(body, "push")


def parse_pop(body: Any) -> list[Message]:
    """The delivered messages; "nothing to deliver" answers are an empty list."""
    if not body:
        return []
    if not isinstance(body, dict):
        raise server_error(body, "pop")
    error = body.get("error")
    if error and body.get("success") is not True:
        if error in POP_EMPTY_ERRORS:
            return []
        raise server_error(body, "pop")
    messages = body.get("messages")
    if not messages:
        return []
    return [m for m in messages if m is not None]


ACK_STATUSES = ("completed", "success", "failed", "retry", "dlq")


def ack_status(status: Any) -> str:
    """``True`` → completed, ``False`` → failed, the status strings pass through."""
    if status is True:
        return "completed"
    if status is False:
        return "failed"
    if isinstance(status, str) and status in ACK_STATUSES:
        return status
    raise QueenConfigError(
        f"ack status must be True, False or one of {', '.join(ACK_STATUSES)}, got {status!r}"
    )


def message_ids(message: Any) -> tuple[str, str, str | None, str | None]:
    """``(transactionId, partitionId, leaseId, consumerGroup)`` of a message dict."""
    if type(message) is not dict and not isinstance(message, Mapping):  # dict: the fast path
        raise client_validation_error(
            f"expected a message dict (as returned by pop/consume), got {message!r}"
        )
    transaction_id = message.get("transactionId") or message.get("id")
    partition_id = message.get("partitionId")
    if not transaction_id or not partition_id:
        raise client_validation_error(
            "a message needs 'transactionId' and 'partitionId' to be acknowledged, got keys "
            f"{sorted(message)}"
        )
    return (
        transaction_id,
        partition_id,
        message.get("leaseId") or None,
        message.get("consumerGroup"),
    )


def ack_entry(message: Any, status: str, error: str | None) -> AckRequest:
    """One acknowledgement, as sent to ``/ack`` or inside ``/ack/batch``."""
    transaction_id, partition_id, lease_id, _ = message_ids(message)
    entry: AckRequest = {
        "transactionId": transaction_id,
        "partitionId": partition_id,
        "status": status,
    }
    if lease_id:
        entry["leaseId"] = lease_id
    if error is not None:
        entry["error"] = error
    return entry


def transaction_ack(entry: AckRequest) -> TransactionAckOperation:
    """``entry`` as an ack operation of ``/transaction``."""
    operation: TransactionAckOperation = {
        "type": "ack",
        "transactionId": entry["transactionId"],
        "partitionId": entry["partitionId"],
    }
    for key in ("status", "consumerGroup", "leaseId", "error"):
        if key in entry:
            operation[key] = entry[key]
    return operation


def no_ack_result(entry: Mapping[str, Any], index: int) -> AckResult:
    """The result of an acknowledgement the server's answer does not cover."""
    return {
        "index": index,
        "transactionId": entry["transactionId"],
        "success": False,
        "error": "no result",
    }


def parse_ack(body: Any, count: int) -> list[AckResult]:
    """Per-item ack results (upstream answers a list even for one message)."""
    if isinstance(body, list):
        return cast("list[AckResult]", body)
    if isinstance(body, dict) and "success" in body and "error" not in body:
        return [cast("AckResult", body)] * count
    raise server_error(body, "ack")


def parse_dlq(body: Any, limit: int, offset: int) -> DLQResult:
    """``{"total", "messages"}``; ``total`` computed when the server omits it.

    Upstream ignores ``limit`` (and breaks on ``offset``), so the page is cut here too.
    """
    body = check_body(body, "dlq") if body else {}
    messages = cast("list[DLQMessage]", body.get("messages") or [])
    total = body.get("total")
    if not isinstance(total, int):
        total = offset + len(messages)
        if len(messages) > limit:
            total = len(messages)
            messages = messages[offset : offset + limit]
    result: DLQResult = {"total": total, "messages": messages}
    return result


def trace_body(message: Mapping[str, Any], config: Any) -> TraceRecordRequest | str:
    """The ``/traces`` body for ``message``, or an error text for an invalid config."""
    if not isinstance(config, Mapping) or "data" not in config:
        return "Invalid trace config: requires { data: {...} }"
    body: TraceRecordRequest = {
        "transactionId": str(message.get("transactionId") or message.get("id")),
        "partitionId": str(message.get("partitionId")),
        "consumerGroup": message.get("consumerGroup") or QUEUE_MODE,
        "eventType": config.get("eventType") or "info",
        "data": config["data"],
    }
    names = config.get("traceName")
    if isinstance(names, str):
        names = [names]
    if names:
        cleaned = [n for n in names if isinstance(n, str) and n]
        if cleaned:
            body["traceNames"] = cleaned
    return body


def lease_ids(items: Iterable[Any]) -> list[str]:
    """Distinct lease ids of messages (dicts) or lease-id strings, in order."""
    seen: dict[str, None] = {}
    for item in items:
        lease: str | None
        if isinstance(item, str):
            lease = item
        elif isinstance(item, Mapping):
            lease = item.get("leaseId")  # none: auto-acknowledged, nothing to renew
        else:
            raise client_validation_error(
                f"renew() takes a message dict, a lease id or a list of them, got {item!r}"
            )
        if lease:
            seen[lease] = None
    return list(seen)
