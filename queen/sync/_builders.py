"""Blocking builders: ``queue()``, ``dlq()`` and ``transaction()`` of ``queen.sync.Queen``.

Each wraps the async builder of the same name: option methods return a new blocking builder
around the async builder's copy, and the terminal methods (``push``, ``pop``, ``consume``,
``create``, ...) run the async method on the client's loop and wait for it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import anyio
import anyio.lowlevel
import anyio.to_thread

from .. import _builders as aio
from .._errors import QueenConfigError
from .._options import DLQBuilderOptions, QueueBuilderOptions
from ._loop import Job

if TYPE_CHECKING:
    from typing_extensions import Self

    from queen_generated.schemas import TransactionAckOperation, TransactionPushOperation

    from ..types import (
        AckContext,
        AckStatus,
        BufferOptions,
        ConsumeResult,
        DLQResult,
        PushItem,
        QueueConfig,
        TransactionResult,
    )
    from ._core import SyncCore
    from ._types import Message

SyncHandler = Callable[[Any], Any]


class QueueBuilder:
    """Everything about one queue, blocking: configure, push, pop, consume, buffers, DLQ.

    Obtained from ``queen.queue(name)``; the same methods as :class:`queen.QueueBuilder`.
    Option methods return a new builder, so a builder kept in a variable can be reused.
    """

    __slots__ = ("_async", "_sync")

    def __init__(self, sync: SyncCore, options: QueueBuilderOptions) -> None:
        self._sync = sync
        self._async = aio.QueueBuilder(sync.core, options)

    def _new(self, builder: aio.QueueBuilder) -> Self:
        clone = object.__new__(type(self))
        clone._sync = self._sync
        clone._async = builder
        return clone

    @property
    def options(self) -> QueueBuilderOptions:
        """Everything this builder has been told (frozen; ``None``: not set)."""
        return self._async.options

    def __repr__(self) -> str:
        return repr(self._async).replace("<queen.", "<queen.sync.", 1)

    # --- addressing and configuration ---------------------------------------------------
    def partition(self, name: str) -> Self:
        """Target one partition (push: where messages go; pop/consume: read only it)."""
        return self._new(self._async.partition(name))

    def group(self, name: str) -> Self:
        """Read as consumer group ``name`` (bus mode); default is queue mode."""
        return self._new(self._async.group(name))

    def namespace(self, name: str) -> Self:
        """Namespace label (sent by ``create()``; filters a queue-less pop)."""
        return self._new(self._async.namespace(name))

    def task(self, name: str) -> Self:
        """Task label (sent by ``create()``; filters a queue-less pop)."""
        return self._new(self._async.task(name))

    def config(self, options: QueueConfig | Mapping[str, Any]) -> Self:
        """Queue options for ``create()`` (only the options given here are sent)."""
        return self._new(self._async.config(options))

    def create(self) -> dict[str, Any]:
        """Create the queue, or update its configuration; returns the server's answer."""
        return self._sync.run("create", self._async.create)

    def delete(self) -> dict[str, Any]:
        """Delete the queue with its partitions, messages, cursors and DLQ entries."""
        return self._sync.run("delete", self._async.delete)

    # --- push -------------------------------------------------------------------------
    def buffer(self, options: BufferOptions | None = None) -> Self:
        """Buffer pushes client-side: ``{'message_count': 100, 'time_millis': 1000}``."""
        return self._new(self._async.buffer(options))

    def push(self, items: PushItem | Sequence[PushItem]) -> Any:
        """Push one message dict or a list of them.

        Every message is encoded here, in the caller's thread: one that cannot be JSON raises
        :class:`~queen.QueenValidationError` and nothing is buffered or sent. Returns the
        server's per-item results, or ``{"buffered": True, "count": n}`` when buffering (the
        client's loop thread then flushes in the background).
        """
        settings = self._async.options.buffer
        if settings is None:
            return self._sync.run("push", self._async.push, items)
        queue, partition, encoded = aio.encode_push(self._async.options, items)
        self._sync.stage_push(queue, partition, encoded, settings)
        return {"buffered": True, "count": len(encoded)}

    def flush_buffer(self) -> None:
        """Send what is buffered for this queue (this partition if one was set)."""
        self._sync.run("flush_buffer", self._sync.after_staged, self._async.flush_buffer)

    # --- pop and consume options --------------------------------------------------------
    def batch(self, size: int) -> Self:
        """Messages per pop (consume: per handler call when > 1)."""
        return self._new(self._async.batch(size))

    def partitions(self, count: int) -> Self:
        """Claim up to ``count`` partitions per pop (the batch is shared among them)."""
        return self._new(self._async.partitions(count))

    def wait(self, enabled: bool = True) -> Self:
        """Long-poll until messages arrive or the timeout passes."""
        return self._new(self._async.wait(enabled))

    def timeout_millis(self, millis: int) -> Self:
        """Long-poll deadline in milliseconds."""
        return self._new(self._async.timeout_millis(millis))

    def auto_ack(self, enabled: bool = True) -> Self:
        """pop: the server acknowledges on delivery. consume: ack after the handler."""
        return self._new(self._async.auto_ack(enabled))

    def subscription_mode(self, mode: str) -> Self:
        """``'new'``: a new consumer group starts at the current time."""
        return self._new(self._async.subscription_mode(mode))

    def subscription_from(self, start: str) -> Self:
        """A new consumer group starts at this ISO timestamp (or ``'now'``)."""
        return self._new(self._async.subscription_from(start))

    def concurrency(self, workers: int) -> Self:
        """consume: number of workers polling in parallel (and of handler threads)."""
        return self._new(self._async.concurrency(workers))

    def limit(self, count: int) -> Self:
        """consume: stop after ``count`` messages in total."""
        return self._new(self._async.limit(count))

    def idle_millis(self, millis: int) -> Self:
        """consume: stop after ``millis`` without any message."""
        return self._new(self._async.idle_millis(millis))

    def each(self) -> Self:
        """consume: call the handler with one message at a time, even with a batch."""
        return self._new(self._async.each())

    def renew_lease(self, enabled: bool = True, interval_millis: int | None = None) -> Self:
        """consume: renew the lease every ``interval_millis`` while the handler runs."""
        return self._new(self._async.renew_lease(enabled, interval_millis))

    def give_up_after_millis(self, millis: int) -> Self:
        """consume: raise the polling error once polls have failed for ``millis`` in a row."""
        return self._new(self._async.give_up_after_millis(millis))

    # --- pop and consume ----------------------------------------------------------------
    def pop(self) -> list[Message]:
        """Fetch up to ``batch`` messages (default 1, no waiting, no auto-ack)."""
        messages = self._sync.run("pop", self._async.pop)
        return self._sync.blocking_messages(messages)

    def consume(self, handler: SyncHandler) -> ConsumeResult:
        """Run the plain function ``handler`` on messages, in worker threads; block until done.

        ``concurrency(n)`` runs up to ``n`` handlers at once, each in its own thread. With
        ``batch`` 1 (default) the handler receives one message dict, with ``batch`` > 1 a list
        (``each()``: always one). Returns ``{"processed", "failed", "ackFailures"}`` once
        ``limit`` / ``idle_millis`` is reached or ``close()`` stops it (from any thread).

        Ctrl-C stops it cleanly: running handlers finish and are acknowledged, messages not
        yet handed to a handler are released at once, then ``KeyboardInterrupt`` propagates.
        """
        return self._start_consume(handler).wait()

    def _start_consume(self, handler: SyncHandler) -> Job[ConsumeResult]:
        """Start consuming without waiting; the returned job can be waited for or cancelled."""
        if not callable(handler):
            raise QueenConfigError(f"consume() needs a callable handler, got {handler!r}")
        if inspect.iscoroutinefunction(handler):
            raise QueenConfigError(
                f"queen.sync consume() runs plain functions in threads, got the coroutine "
                f"function {getattr(handler, '__qualname__', handler)!r}; "
                "use the async client (`from queen import Queen`) for async handlers"
            )
        threaded = _ThreadedHandler(self._sync, handler, self._async.options.concurrency or 1)
        return self._sync.start("consume", self._async.consume, threaded)

    # --- dead-letter queue ----------------------------------------------------------------
    def dlq(self, group: str | None = None) -> DLQBuilder:
        """The queue's dead-letter messages (optionally of one consumer group)."""
        return DLQBuilder(self._sync, self._async.dlq(group).options)


def unwrap(builder: QueueBuilder) -> tuple[SyncCore, aio.QueueBuilder]:
    """The blocking client's core and the async builder behind ``builder`` (for
    ``queen.sync.streams``, which runs the async pipeline on that core)."""
    return builder._sync, builder._async


class _ThreadedHandler:
    """The async handler given to the async consumer: runs the plain handler in a thread.

    The thread runs shielded, so a handler that has started always finishes and its messages
    are acknowledged by its outcome. A cancellation (Ctrl-C) that arrives before a handler
    starts, or while a handler fails, releases the messages instead.
    """

    def __init__(self, sync: SyncCore, handler: SyncHandler, threads: int) -> None:
        self._sync = sync
        self._handler = handler
        self._threads = threads
        self._limiter: anyio.CapacityLimiter | None = None

    def _in_thread(self, argument: Any) -> Any:
        return self._sync.run_handler(self._handler, argument)

    async def __call__(self, argument: Any) -> Any:
        await anyio.lowlevel.checkpoint_if_cancelled()
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self._threads)
        if isinstance(argument, list):
            argument = self._sync.blocking_messages(argument)
        else:
            argument = self._sync.blocking_message(argument)
        try:
            with anyio.CancelScope(shield=True):
                return await anyio.to_thread.run_sync(
                    self._in_thread, argument, limiter=self._limiter
                )
        except Exception:
            # Failed while we were being cancelled: release the messages, do not fail them.
            await anyio.lowlevel.checkpoint_if_cancelled()
            raise


class DLQBuilder:
    """``queen.queue(q).dlq(group).limit(n).offset(k).get()``, blocking."""

    __slots__ = ("_async", "_sync")

    def __init__(self, sync: SyncCore, options: DLQBuilderOptions) -> None:
        self._sync = sync
        self._async = aio.DLQBuilder(sync.core, options)

    @property
    def options(self) -> DLQBuilderOptions:
        """The page this builder asks for (frozen)."""
        return self._async.options

    def __repr__(self) -> str:
        return repr(self._async).replace("<queen.", "<queen.sync.", 1)

    def limit(self, count: int) -> DLQBuilder:
        """Page size (default 100)."""
        return DLQBuilder(self._sync, self._async.limit(count).options)

    def offset(self, count: int) -> DLQBuilder:
        """Skip this many entries (default 0)."""
        return DLQBuilder(self._sync, self._async.offset(count).options)

    def get(self) -> DLQResult:
        """``{"total": int, "messages": [...]}``, newest failure first."""
        return self._sync.run("get", self._async.get)


class TransactionBuilder:
    """Atomic acks and pushes: ``queen.transaction().ack(m).queue(q).push([...]).commit()``.

    Operations accumulate in call order (nothing is sent before ``commit()``, which blocks).
    """

    __slots__ = ("_async", "_sync")

    def __init__(self, sync: SyncCore) -> None:
        self._sync = sync
        self._async = aio.TransactionBuilder(sync.core)

    def __repr__(self) -> str:
        return repr(self._async).replace("<queen.", "<queen.sync.", 1)

    def ack(
        self,
        messages: Mapping[str, Any] | Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> TransactionBuilder:
        """Acknowledge one message or a list (lease ids are checked by the server)."""
        self._async.ack(messages, status, context)
        return self

    def queue(self, name: str) -> TransactionBuilder:
        """Target queue of the following ``push()`` (partition resets to ``Default``)."""
        self._async.queue(name)
        return self

    def partition(self, name: str) -> TransactionBuilder:
        """Target partition of the following ``push()``."""
        self._async.partition(name)
        return self

    def push(self, items: PushItem | Sequence[PushItem]) -> TransactionBuilder:
        """Push messages to the current queue/partition as part of the transaction."""
        self._async.push(items)
        return self

    @property
    def operations(self) -> list[TransactionAckOperation | TransactionPushOperation]:
        """The operations collected so far, as they will be sent."""
        return self._async.operations

    def commit(self) -> TransactionResult:
        """Apply every operation atomically; raise :class:`QueenTransactionError` if rejected."""
        return self._sync.run("commit", self._async.commit)
