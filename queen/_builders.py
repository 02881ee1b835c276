"""Fluent builders: ``queue()``, ``dlq()`` and ``transaction()``.

Queue and DLQ builders are copy-on-write: every option method returns a new builder, so a
builder kept in a variable can be reused and refined freely.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _endpoints as ep
from . import _log
from ._buffer import buffer_settings
from ._consumer import Consumer, ConsumeSettings, Handler
from ._errors import QueenConfigError, QueenTransactionError, client_validation_error
from ._wire import (
    DEFAULT_PARTITION,
    ack_entry,
    ack_status,
    check_body,
    parse_dlq,
    push_items,
    queue_options,
)

if TYPE_CHECKING:
    from typing_extensions import Self

    from .client import Queen
    from .types import (
        BufferOptions,
        ConsumeResult,
        DLQResult,
        Message,
        PushResult,
        QueueConfig,
        TransactionResult,
    )

_SUBSCRIPTION_MODES = ("new", "all", "timestamp")


def _positive(name: str, value: Any, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise QueenConfigError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise QueenConfigError(f"{name} must be True or False, got {value!r}")
    return value


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise QueenConfigError(f"{name} must be a non-empty string, got {value!r}")
    return value


# ISO 8601 as the server reads it: a date, optionally a time and a UTC offset
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?"
)


def _timestamp(name: str, value: Any) -> str:
    if not isinstance(value, str) or not (value == "now" or _TIMESTAMP.fullmatch(value)):
        raise QueenConfigError(
            f"{name} must be an ISO 8601 timestamp such as '2026-01-01T00:00:00Z' (or 'now'), "
            f"got {value!r}"
        )
    return value


class _Builder:
    __slots__ = ("_o", "_queen")

    def __init__(self, queen: Queen, options: dict[str, Any]) -> None:
        self._queen = queen
        self._o = options

    def _with(self, key: str, value: Any) -> Self:
        clone = object.__new__(type(self))
        clone._queen = self._queen
        clone._o = {**self._o, key: value}
        return clone


class QueueBuilder(_Builder):
    """Everything about one queue: configure, push, pop, consume, buffers, DLQ.

    Obtained from ``queen.queue(name)``. Option methods return a new builder.
    """

    __slots__ = ()

    # --- addressing -----------------------------------------------------------------
    def partition(self, name: str) -> Self:
        """Target one partition (push: where messages go; pop/consume: read only it)."""
        return self._with("partition", _text("partition", name))

    def group(self, name: str) -> Self:
        """Read as consumer group ``name`` (bus mode); default is queue mode."""
        return self._with("group", _text("group", name))

    def namespace(self, name: str) -> Self:
        """Namespace label (sent by ``create()``; filters a queue-less pop)."""
        return self._with("namespace", _text("namespace", name))

    def task(self, name: str) -> Self:
        """Task label (sent by ``create()``; filters a queue-less pop)."""
        return self._with("task", _text("task", name))

    # --- queue configuration -------------------------------------------------------
    def config(self, options: QueueConfig | Mapping[str, Any]) -> Self:
        """Queue options for ``create()`` (only the options given here are sent)."""
        if not isinstance(options, Mapping):
            raise QueenConfigError(f"config() takes a dict of queue options, got {options!r}")
        merged = {**self._o.get("config", {}), **queue_options(options)}
        return self._with("config", merged)

    async def create(self) -> dict[str, Any]:
        """Create the queue, or update its configuration; returns the server's answer."""
        queue = self._require_queue("create")
        body = {
            "queue": queue,
            # Strings always: upstream answers an error body when they are absent or null.
            "namespace": self._o.get("namespace") or "",
            "task": self._o.get("task") or "",
            "options": dict(self._o.get("config", {})),
        }
        answer = await self._queen._call(ep.CONFIGURE_QUEUE, body=body)
        result: dict[str, Any] = check_body(answer, f"configure queue {queue!r}") or {}
        return result

    async def delete(self) -> dict[str, Any]:
        """Delete the queue with its partitions, messages, cursors and DLQ entries."""
        queue = self._require_queue("delete")
        answer = await self._queen._call(ep.DELETE_QUEUE, queue=queue)
        result: dict[str, Any] = check_body(answer, f"delete queue {queue!r}") or {}
        return result

    # --- push -----------------------------------------------------------------------
    def buffer(self, options: BufferOptions | None = None) -> Self:
        """Buffer pushes client-side: ``{'message_count': 100, 'time_millis': 1000}``."""
        buffer_settings(options)  # validate now, not at the first push
        return self._with("buffer", dict(options or {}))

    async def push(self, items: Any) -> Any:
        """Push one message dict or a list of them.

        Returns the server's per-item results (``status`` ``queued`` or ``duplicate``), or
        ``{"buffered": True, "count": n}`` when buffering.
        """
        queue = self._require_queue("push")
        partition = self._o.get("partition") or DEFAULT_PARTITION
        wire = push_items(queue, partition, items)
        if "buffer" in self._o:
            await self._queen._buffers.add(queue, partition, wire, self._o["buffer"])
            return {"buffered": True, "count": len(wire)}
        results: list[PushResult] = await self._queen._push_now(queue, partition, wire)
        return results

    async def flush_buffer(self) -> None:
        """Send what is buffered for this queue (this partition if one was set)."""
        await self._queen._buffers.flush(self._o.get("queue"), self._o.get("partition"))

    # --- pop and consume options ----------------------------------------------------
    def batch(self, size: int) -> Self:
        """Messages per pop (consume: per handler call when > 1)."""
        return self._with("batch", _positive("batch", size))

    def partitions(self, count: int) -> Self:
        """Claim up to ``count`` partitions per pop (the batch is shared among them)."""
        return self._with("partitions", _positive("partitions", count))

    def wait(self, enabled: bool = True) -> Self:
        """Long-poll until messages arrive or the timeout passes."""
        return self._with("wait", _flag("wait", enabled))

    def timeout_millis(self, millis: int) -> Self:
        """Long-poll deadline in milliseconds."""
        return self._with("timeout_millis", _positive("timeout_millis", millis))

    def auto_ack(self, enabled: bool = True) -> Self:
        """pop: the server acknowledges on delivery. consume: ack after the handler."""
        return self._with("auto_ack", _flag("auto_ack", enabled))

    def subscription_mode(self, mode: str) -> Self:
        """``'new'``: a new consumer group starts at the current time."""
        if mode not in _SUBSCRIPTION_MODES:
            raise QueenConfigError(
                f"subscription_mode must be one of {', '.join(_SUBSCRIPTION_MODES)}, got {mode!r}"
            )
        return self._with("subscription_mode", mode)

    def subscription_from(self, start: str) -> Self:
        """A new consumer group starts at this ISO timestamp (or ``'now'``)."""
        return self._with("subscription_from", _timestamp("subscription_from", start))

    def concurrency(self, workers: int) -> Self:
        """consume: number of workers polling in parallel."""
        return self._with("concurrency", _positive("concurrency", workers))

    def limit(self, count: int) -> Self:
        """consume: stop after ``count`` messages in total. dlq: page size."""
        return self._with("limit", _positive("limit", count))

    def idle_millis(self, millis: int) -> Self:
        """consume: stop after ``millis`` without any message."""
        return self._with("idle_millis", _positive("idle_millis", millis))

    def each(self) -> Self:
        """consume: call the handler with one message at a time, even with a batch."""
        return self._with("each", True)

    def renew_lease(self, enabled: bool = True, interval_millis: int | None = None) -> Self:
        """consume: renew the lease every ``interval_millis`` while the handler runs."""
        _flag("renew_lease", enabled)
        if interval_millis is not None:
            _positive("interval_millis", interval_millis)
        return self._with("renew_lease", (enabled, interval_millis))

    # --- pop ------------------------------------------------------------------------
    async def pop(self) -> list[Message]:
        """Fetch up to ``batch`` messages (default 1, no waiting, no auto-ack)."""
        o = self._o
        if o.get("queue") is None and not (o.get("namespace") or o.get("task")):
            raise QueenConfigError("pop() needs a queue name, or a namespace / task filter")
        settings = self._settings()
        return await self._queen._pop_messages(
            settings,
            batch=o.get("batch", 1),
            wait=o.get("wait", False),
            timeout_millis=o.get("timeout_millis", 30_000),
            auto_ack=o.get("auto_ack", False),
        )

    async def consume(self, handler: Handler) -> ConsumeResult:
        """Run ``handler`` on messages until ``limit``/``idle_millis``, cancellation or close().

        With ``batch`` 1 (default) the handler receives one message dict, with ``batch`` > 1 a
        list (``each()``: always one). Returns ``{"processed", "failed", "ackFailures"}``.
        """
        if not callable(handler):
            raise QueenConfigError(f"consume() needs a callable handler, got {handler!r}")
        o = self._o
        if o.get("queue") is None and not (o.get("namespace") or o.get("task")):
            raise QueenConfigError("consume() needs a queue name, or a namespace / task filter")
        return await Consumer(self._queen, self._settings(), handler)()

    def _settings(self) -> ConsumeSettings:
        o = self._o
        renew, interval = o.get("renew_lease", (False, None))
        return ConsumeSettings(
            queue=o.get("queue"),
            partition=o.get("partition"),
            group=o.get("group"),
            namespace=o.get("namespace"),
            task=o.get("task"),
            batch=o.get("batch", 1),
            partitions=o.get("partitions"),
            concurrency=o.get("concurrency", 1),
            limit=o.get("limit"),
            idle_millis=o.get("idle_millis"),
            auto_ack=o.get("auto_ack", True),
            wait=o.get("wait", True),
            timeout_millis=o.get("timeout_millis", 30_000),
            renew_lease=renew,
            renew_interval_millis=interval,
            each=o.get("each", False),
            subscription_mode=o.get("subscription_mode"),
            subscription_from=o.get("subscription_from"),
        )

    # --- dead-letter queue ---------------------------------------------------------------
    def dlq(self, group: str | None = None) -> DLQBuilder:
        """The queue's dead-letter messages (optionally of one consumer group)."""
        options: dict[str, Any] = {"queue": self._o.get("queue"), "limit": 100, "offset": 0}
        if group is not None:
            options["group"] = _text("group", group)
        return DLQBuilder(self._queen, options)

    def _require_queue(self, action: str) -> str:
        queue = self._o.get("queue")
        if not queue:
            raise QueenConfigError(f"{action}() needs a queue name: queen.queue('name')")
        return str(queue)


class DLQBuilder(_Builder):
    """``queen.queue(q).dlq(group).limit(n).offset(k).get()``."""

    __slots__ = ()

    def limit(self, count: int) -> Self:
        """Page size (default 100)."""
        return self._with("limit", _positive("limit", count))

    def offset(self, count: int) -> Self:
        """Skip this many entries (default 0)."""
        return self._with("offset", _positive("offset", count, minimum=0))

    async def get(self) -> DLQResult:
        """``{"total": int, "messages": [...]}``, newest failure first."""
        o = self._o
        answer = await self._queen._call(
            ep.LIST_DLQ,
            queue=o.get("queue"),
            consumer_group=o.get("group"),
            limit=o["limit"],
            offset=o["offset"] or None,
        )
        return parse_dlq(answer, o["limit"], o["offset"])


class TransactionBuilder:
    """Atomic acks and pushes: ``queen.transaction().ack(m).queue(q).push([...]).commit()``.

    Operations accumulate in call order; ``commit()`` applies all or nothing.
    """

    __slots__ = ("_operations", "_partition", "_queen", "_queue")

    def __init__(self, queen: Queen) -> None:
        self._queen = queen
        self._operations: list[dict[str, Any]] = []
        self._queue: str | None = None
        self._partition: str | None = None

    def ack(
        self,
        messages: Any,
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> TransactionBuilder:
        """Acknowledge one message or a list (lease ids are checked by the server)."""
        state = ack_status(status)
        context = context or {}
        group = context.get("group") or context.get("consumer_group")
        error = context.get("error")
        targets = (
            messages
            if isinstance(messages, Sequence) and not isinstance(messages, (str, Mapping))
            else [messages]
        )
        for message in targets:
            operation = {"type": "ack", **ack_entry(message, state, error)}
            message_group = group or message.get("consumerGroup")
            if message_group:
                operation["consumerGroup"] = message_group
            self._operations.append(operation)
        return self

    def queue(self, name: str) -> TransactionBuilder:
        """Target queue of the following ``push()`` (partition resets to ``Default``)."""
        self._queue = _text("queue", name)
        self._partition = None
        return self

    def partition(self, name: str) -> TransactionBuilder:
        """Target partition of the following ``push()``."""
        self._partition = _text("partition", name)
        return self

    def push(self, items: Any) -> TransactionBuilder:
        """Push messages to the current queue/partition as part of the transaction."""
        if self._queue is None:
            raise QueenConfigError("transaction push() needs a target: call .queue(name) first")
        wire = push_items(self._queue, self._partition or DEFAULT_PARTITION, items)
        self._operations.append({"type": "push", "items": wire})
        return self

    @property
    def operations(self) -> list[dict[str, Any]]:
        """The operations collected so far, as they will be sent."""
        return list(self._operations)

    async def commit(self) -> TransactionResult:
        """Apply every operation atomically; raise :class:`QueenTransactionError` if rejected."""
        if not self._operations:
            raise client_validation_error("transaction has no operations to commit")
        answer = await self._queen._call(
            ep.COMMIT_TRANSACTION, body={"operations": self._operations}
        )
        if (
            not isinstance(answer, dict)
            or answer.get("success") is False
            or (answer.get("error") and answer.get("success") is not True)
        ):
            error = answer.get("error") if isinstance(answer, dict) else answer
            results = answer.get("results") if isinstance(answer, dict) else None
            _log.warn("TransactionBuilder.commit", {"error": error})
            raise QueenTransactionError(
                f"transaction rolled back: {error or 'rejected by the server'}",
                status=200,
                body=answer,
                results=results if isinstance(results, list) else [],
            )
        result: TransactionResult = answer  # type: ignore[assignment]
        return result
