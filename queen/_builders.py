"""Fluent builders: ``queue()``, ``dlq()`` and ``transaction()``.

Queue and DLQ builders are immutable: every option method returns a new builder holding a new
frozen options object, so a builder kept in a variable can be reused and refined freely.
Builders talk to the client's core (``queen._core.ClientCore``) only through its methods.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _endpoints as ep
from . import _log
from ._buffer import buffer_settings
from ._consumer import Consumer, Handler
from ._encode import encode_item, encode_items
from ._errors import QueenConfigError, QueenTransactionError, client_validation_error
from ._names import check_name
from ._options import (
    DEFAULT_LONG_POLL_MILLIS,
    DLQBuilderOptions,
    PopRequest,
    QueueBuilderOptions,
    evolve,
    flag,
    positive,
    subscription_mode,
    timestamp,
)
from ._wire import (
    DEFAULT_PARTITION,
    ack_entry,
    ack_status,
    check_body,
    push_items,
    queue_options,
    transaction_ack,
)

if TYPE_CHECKING:
    from typing_extensions import Self

    from queen_generated.schemas import (
        ConfigureRequest,
        TransactionAckOperation,
        TransactionPushOperation,
    )

    from ._core import ClientCore
    from .types import (
        AckContext,
        AckStatus,
        BufferOptions,
        ConsumeResult,
        DLQResult,
        Message,
        PushItem,
        PushResult,
        QueueConfig,
        TransactionResult,
    )


def encode_push(
    options: QueueBuilderOptions, items: PushItem | Sequence[PushItem]
) -> tuple[str, str, list[bytes]]:
    """``(queue, partition, encoded items)`` of a push with ``options``; nothing is sent."""
    queue = options.queue
    if not queue:
        raise QueenConfigError("push() needs a queue name: queen.queue('name')")
    partition = options.partition or DEFAULT_PARTITION
    return queue, partition, encode_items(push_items(queue, partition, items))


class QueueBuilder:
    """Everything about one queue: configure, push, pop, consume, buffers, DLQ.

    Obtained from ``queen.queue(name)``. Option methods return a new builder.
    """

    __slots__ = ("_buffered", "_core", "_options")

    def __init__(self, core: ClientCore, options: QueueBuilderOptions) -> None:
        self._core = core
        self._options = options
        self._buffered: QueueBuilder | None = None  # the last buffer() result, reused

    @property
    def options(self) -> QueueBuilderOptions:
        """Everything this builder has been told (frozen; ``None``: not set)."""
        return self._options

    def _with(self, **changes: Any) -> Self:
        clone = object.__new__(type(self))
        clone._core = self._core
        clone._options = evolve(self._options, **changes)
        clone._buffered = None
        return clone

    def __repr__(self) -> str:
        set_options = {
            f.name: getattr(self.options, f.name)
            for f in dataclasses.fields(self.options)
            if getattr(self.options, f.name) not in (None, False)
        }
        shown = ", ".join(f"{k}={v!r}" for k, v in set_options.items())
        return f"<queen.QueueBuilder {shown}>"

    # --- addressing -----------------------------------------------------------------
    def partition(self, name: str) -> Self:
        """Target one partition (push: where messages go; pop/consume: read only it)."""
        return self._with(partition=check_name("partition name", name))

    def group(self, name: str) -> Self:
        """Read as consumer group ``name`` (bus mode); default is queue mode."""
        return self._with(group=check_name("consumer group name", name))

    def namespace(self, name: str) -> Self:
        """Namespace label (sent by ``create()``; filters a queue-less pop)."""
        return self._with(namespace=check_name("namespace", name))

    def task(self, name: str) -> Self:
        """Task label (sent by ``create()``; filters a queue-less pop)."""
        return self._with(task=check_name("task", name))

    # --- queue configuration -------------------------------------------------------
    def config(self, options: QueueConfig | Mapping[str, Any]) -> Self:
        """Queue options for ``create()`` (only the options given here are sent)."""
        if not isinstance(options, Mapping):
            raise QueenConfigError(f"config() takes a dict of queue options, got {options!r}")
        merged = {**(self.options.config or {}), **queue_options(options)}
        return self._with(config=merged)

    async def create(self) -> dict[str, Any]:
        """Create the queue, or update its configuration; returns the server's answer.

        The server sets every option not given here to its default, also on an existing
        queue (see the README's Queues section).
        """
        queue = self._require_queue("create")
        body: ConfigureRequest = {
            "queue": queue,
            # Strings always: upstream answers an error body when they are absent or null.
            "namespace": self.options.namespace or "",
            "task": self.options.task or "",
            "options": self.options.config or {},
        }
        kwargs = ep.CONFIGURE_QUEUE.request_kwargs(body=body)
        answer = await self._core.send(ep.CONFIGURE_QUEUE, kwargs)
        result: dict[str, Any] = check_body(answer, f"configure queue {queue!r}") or {}
        return result

    async def delete(self) -> dict[str, Any]:
        """Delete the queue with its partitions, messages, cursors and DLQ entries."""
        queue = self._require_queue("delete")
        kwargs = ep.DELETE_QUEUE.request_kwargs(queue=queue)
        answer = await self._core.send(ep.DELETE_QUEUE, kwargs)
        url = f"DELETE {kwargs['url']}"
        result: dict[str, Any] = check_body(answer, f"delete queue {queue!r}", url) or {}
        return result

    # --- push -----------------------------------------------------------------------
    def buffer(self, options: BufferOptions | None = None) -> Self:
        """Buffer pushes client-side: ``{'message_count': 100, 'time_millis': 1000}``."""
        settings = buffer_settings(options)
        last = self._buffered
        if last is not None and last._options.buffer is settings:  # the common per-push call
            return last  # type: ignore[return-value]
        clone = self._with(buffer=settings)
        self._buffered = clone
        return clone

    async def push(self, items: PushItem | Sequence[PushItem]) -> Any:
        """Push one message dict or a list of them.

        Every message is encoded here, buffered or not: one that cannot be JSON (or holds
        NaN/Infinity) raises :class:`~queen.QueenValidationError` naming its index and the
        offending path, and nothing is buffered or sent. Returns the server's per-item results
        (``status`` ``queued`` or ``duplicate``), or ``{"buffered": True, "count": n}`` when
        buffering.
        """
        queue, partition, encoded = encode_push(self.options, items)
        settings = self.options.buffer
        if settings is not None:
            await self._core.buffer_push(queue, partition, encoded, settings)
            return {"buffered": True, "count": len(encoded)}
        results: list[PushResult] = await self._core.push(queue, partition, encoded)
        return results

    async def flush_buffer(self) -> None:
        """Send what is buffered for this queue (this partition if one was set)."""
        await self._core.flush(self.options.queue, self.options.partition)

    # --- pop and consume options ----------------------------------------------------
    def batch(self, size: int) -> Self:
        """Messages per pop (consume: per handler call when > 1)."""
        return self._with(batch=positive("batch", size))

    def partitions(self, count: int) -> Self:
        """Claim up to ``count`` partitions per pop (the batch is shared among them)."""
        return self._with(partitions=positive("partitions", count))

    def wait(self, enabled: bool = True) -> Self:
        """Long-poll until messages arrive or the timeout passes."""
        return self._with(wait=flag("wait", enabled))

    def timeout_millis(self, millis: int) -> Self:
        """Long-poll deadline in milliseconds."""
        return self._with(timeout_millis=positive("timeout_millis", millis))

    def auto_ack(self, enabled: bool = True) -> Self:
        """pop: the server acknowledges on delivery. consume: ack after the handler."""
        return self._with(auto_ack=flag("auto_ack", enabled))

    def subscription_mode(self, mode: str) -> Self:
        """``'new'``: a new consumer group starts at the current time."""
        return self._with(subscription_mode=subscription_mode(mode))

    def subscription_from(self, start: str) -> Self:
        """A new consumer group starts at this ISO timestamp (or ``'now'``)."""
        return self._with(subscription_from=timestamp("subscription_from", start))

    def concurrency(self, workers: int) -> Self:
        """consume: number of workers polling in parallel."""
        return self._with(concurrency=positive("concurrency", workers))

    def limit(self, count: int) -> Self:
        """consume: stop after ``count`` messages in total."""
        return self._with(limit=positive("limit", count))

    def idle_millis(self, millis: int) -> Self:
        """consume: stop after ``millis`` without any message."""
        return self._with(idle_millis=positive("idle_millis", millis))

    def each(self) -> Self:
        """consume: call the handler with one message at a time, even with a batch."""
        return self._with(each=True)

    def renew_lease(self, enabled: bool = True, interval_millis: int | None = None) -> Self:
        """consume: renew the lease every ``interval_millis`` while the handler runs."""
        flag("renew_lease", enabled)
        if interval_millis is not None:
            positive("interval_millis", interval_millis)
        return self._with(renew_lease=enabled, renew_interval_millis=interval_millis)

    def give_up_after_millis(self, millis: int) -> Self:
        """consume: raise the polling error once polls have failed for ``millis`` in a row.

        By default ``consume()`` keeps trying an unreachable or failing server for ever,
        logging (rate-limited) at WARNING with the server's URL and the next retry.
        """
        return self._with(give_up_after_millis=positive("give_up_after_millis", millis))

    # --- pop ------------------------------------------------------------------------
    async def pop(self) -> list[Message]:
        """Fetch up to ``batch`` messages (default 1, no waiting, no auto-ack)."""
        o = self.options
        if not o.has_source:
            raise QueenConfigError("pop() needs a queue name, or a namespace / task filter")
        request = PopRequest.of(
            o,
            batch=o.batch or 1,
            wait=bool(o.wait),
            timeout_millis=o.timeout_millis or DEFAULT_LONG_POLL_MILLIS,
            auto_ack=bool(o.auto_ack),
        )
        return await self._core.pop(request)

    async def consume(self, handler: Handler) -> ConsumeResult:
        """Run ``handler`` on messages until ``limit``/``idle_millis``, cancellation or close().

        With ``batch`` 1 (default) the handler receives one message dict, with ``batch`` > 1 a
        list (``each()``: always one). Returns ``{"processed", "failed", "ackFailures"}``.
        """
        if not callable(handler):
            raise QueenConfigError(f"consume() needs a callable handler, got {handler!r}")
        if not self.options.has_source:
            raise QueenConfigError("consume() needs a queue name, or a namespace / task filter")
        return await Consumer(self._core, self.options, handler)()

    # --- dead-letter queue ---------------------------------------------------------------
    def dlq(self, group: str | None = None) -> DLQBuilder:
        """The queue's dead-letter messages (optionally of one consumer group)."""
        if group is not None:
            check_name("consumer group name", group)
        return DLQBuilder(self._core, DLQBuilderOptions(queue=self.options.queue, group=group))

    def _require_queue(self, action: str) -> str:
        queue = self.options.queue
        if not queue:
            raise QueenConfigError(f"{action}() needs a queue name: queen.queue('name')")
        return queue


class DLQBuilder:
    """``queen.queue(q).dlq(group).limit(n).offset(k).get()``."""

    __slots__ = ("_core", "_options")

    def __init__(self, core: ClientCore, options: DLQBuilderOptions) -> None:
        self._core = core
        self._options = options

    @property
    def options(self) -> DLQBuilderOptions:
        """The page this builder asks for (frozen)."""
        return self._options

    def __repr__(self) -> str:
        o = self.options
        return (
            f"<queen.DLQBuilder queue={o.queue!r} group={o.group!r} "
            f"limit={o.limit} offset={o.offset}>"
        )

    def limit(self, count: int) -> DLQBuilder:
        """Page size (default 100)."""
        options = dataclasses.replace(self.options, limit=positive("limit", count))
        return DLQBuilder(self._core, options)

    def offset(self, count: int) -> DLQBuilder:
        """Skip this many entries (default 0)."""
        options = dataclasses.replace(self.options, offset=positive("offset", count, minimum=0))
        return DLQBuilder(self._core, options)

    async def get(self) -> DLQResult:
        """``{"total": int, "messages": [...]}``, newest failure first."""
        return await self._core.dlq(self.options)


class TransactionBuilder:
    """Atomic acks and pushes: ``queen.transaction().ack(m).queue(q).push([...]).commit()``.

    Operations accumulate in call order; ``commit()`` applies all or nothing.
    """

    __slots__ = ("_core", "_operations", "_partition", "_queue")

    def __init__(self, core: ClientCore) -> None:
        self._core = core
        self._operations: list[TransactionAckOperation | TransactionPushOperation] = []
        self._queue: str | None = None
        self._partition: str | None = None

    def __repr__(self) -> str:
        kinds = [op["type"] for op in self._operations]
        return f"<queen.TransactionBuilder operations={kinds!r} queue={self._queue!r}>"

    def ack(
        self,
        messages: Mapping[str, Any] | Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> TransactionBuilder:
        """Acknowledge one message or a list (lease ids are checked by the server)."""
        state = ack_status(status)
        context = context or {}
        group = context.get("group") or context.get("consumer_group")
        error = context.get("error")
        targets: Sequence[Mapping[str, Any]] = (
            messages
            if isinstance(messages, Sequence) and not isinstance(messages, (str, Mapping))
            else [messages]
        )
        for message in targets:
            operation = transaction_ack(ack_entry(message, state, error))
            message_group = group or message.get("consumerGroup")
            if message_group:
                operation["consumerGroup"] = message_group
            self._operations.append(operation)
        return self

    def queue(self, name: str) -> TransactionBuilder:
        """Target queue of the following ``push()`` (partition resets to ``Default``)."""
        self._queue = check_name("queue name", name)
        self._partition = None
        return self

    def partition(self, name: str) -> TransactionBuilder:
        """Target partition of the following ``push()``."""
        self._partition = check_name("partition name", name)
        return self

    def push(self, items: PushItem | Sequence[PushItem]) -> TransactionBuilder:
        """Push messages to the current queue/partition as part of the transaction."""
        if self._queue is None:
            raise QueenConfigError("transaction push() needs a target: call .queue(name) first")
        wire = push_items(self._queue, self._partition or DEFAULT_PARTITION, items)
        for index, item in enumerate(wire):
            encode_item(item, index, "transaction push()")  # validate now, not at commit
        self._operations.append({"type": "push", "items": wire})
        return self

    @property
    def operations(self) -> list[TransactionAckOperation | TransactionPushOperation]:
        """The operations collected so far, as they will be sent."""
        return list(self._operations)

    async def commit(self) -> TransactionResult:
        """Apply every operation atomically; raise :class:`QueenTransactionError` if rejected."""
        if not self._operations:
            raise client_validation_error("transaction has no operations to commit")
        answer = await self._core.commit(self._operations)
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


def builder_core(builder: QueueBuilder) -> ClientCore:
    """The client core ``builder`` talks to (for ``queen.streams``, which runs on it)."""
    return builder._core
