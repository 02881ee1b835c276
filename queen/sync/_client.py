"""The blocking client: ``queen.sync.Queen``, a thin wrapper over the async ``queen.Queen``."""

from __future__ import annotations

import atexit
import functools
import weakref
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from .. import _log
from .._errors import QueenError
from ..client import Queen as AsyncQueen
from ._admin import Admin
from ._builders import QueueBuilder, TransactionBuilder
from ._loop import Job, LoopThread, in_handler_thread
from ._staging import PushStager

if TYPE_CHECKING:
    from .._config import ClientConfig
    from ..types import (
        AckBatchResult,
        AckResult,
        BufferOptions,
        BufferStats,
        ClientOptions,
        RenewResult,
        TraceConfig,
        TraceResult,
    )
    from ._types import Message

T = TypeVar("T")

_open_clients: weakref.WeakSet[Queen] = weakref.WeakSet()


class Queen:
    """Blocking client for a Queen server or cluster: the async API, every method blocking.

    ``Queen(url)``, ``Queen([url1, url2])`` or ``Queen({...})`` with the same options as
    :class:`queen.Queen`. Use ``with Queen(...) as queen:`` or call ``queen.close()``.

    One event loop runs in a background thread (started on first use) and carries every call,
    so one instance can be shared by all the threads of a program. Do not call it from inside
    an event loop (``async def`` code): use :class:`queen.Queen` there.
    """

    def __init__(
        self,
        config: str | Sequence[str] | ClientOptions | Mapping[str, Any] | None = None,
        **options: Any,
    ) -> None:
        self._async = AsyncQueen(config, **options)
        self.config: ClientConfig = self._async.config
        self.admin = Admin(self, self._async.admin)
        self._loop = LoopThread(self._async, name=f"queen-sync-loop-{id(self):x}")
        self._staged_pushes = PushStager(self._async._buffers.add)
        _open_clients.add(self)

    # --- lifecycle ----------------------------------------------------------------------
    def __enter__(self) -> Queen:
        self._loop.portal("__enter__")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run."""
        return self._async.closed or self._loop.stopped

    def close(self) -> None:
        """Flush buffers, stop consumers, close connections, stop the loop thread.

        May be called from any thread (not from a ``consume()`` handler, which it would wait
        for). Running ``consume()`` calls return once their handlers have finished and been
        acknowledged. Idempotent; raises if buffered messages could not be delivered.
        """
        if in_handler_thread(self):
            raise QueenError(
                "close() cannot run inside a consume() handler: it waits for running handlers "
                "to finish; return from the handler and close from another thread"
            )
        try:
            try:
                if self._loop.started and not self._loop.stopped:
                    self._run("close", self._staged_pushes.drain)
            finally:
                self._loop.stop()
        finally:
            _open_clients.discard(self)
        if self._staged_pushes.staged:
            raise QueenError(
                f"close(): {self._staged_pushes.staged} buffered message(s) could not be "
                "handed to the client's buffers"
            )

    # --- calls on the loop --------------------------------------------------------------
    def _run(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        return self._loop.call(what, func, *args)

    def _start(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> Job[T]:
        return self._loop.start(what, func, *args)

    def _stage_push(
        self,
        queue: str,
        partition: str,
        items: list[dict[str, Any]],
        options: BufferOptions | None,
    ) -> None:
        """Hand buffered items to the loop without waiting for it (see ``_staging``)."""
        portal = self._loop.portal("push")
        self._staged_pushes.stage(queue, partition, items, options, portal.start_task_soon)

    async def _after_staged(self, func: Callable[[], Awaitable[T]]) -> T:
        """``await func()`` once every staged buffered push is in the buffers."""
        await self._staged_pushes.drain()
        return await func()

    def _blocking_message(self, message: Any) -> Message:
        """``message`` with its ``trace`` made blocking (the message dict is updated)."""
        message["trace"] = functools.partial(self._trace, message)
        return cast("Message", message)

    def _blocking_messages(self, messages: list[Any]) -> list[Message]:
        trace = self._trace
        for message in messages:
            message["trace"] = functools.partial(trace, message)
        return messages

    def _trace(self, message: Mapping[str, Any], config: TraceConfig) -> TraceResult:
        return self._run("trace", self._async._trace, message, config)

    # --- public API -------------------------------------------------------------------------
    def queue(self, name: str | None = None) -> QueueBuilder:
        """A builder for queue ``name`` (``None``: pop/consume by namespace/task filters)."""
        return QueueBuilder(self, self._async.queue(name))

    def transaction(self) -> TransactionBuilder:
        """A new atomic transaction of acks and pushes."""
        return TransactionBuilder(self, self._async.transaction())

    @overload
    def ack(
        self,
        message: Mapping[str, Any],
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> AckResult: ...

    @overload
    def ack(
        self,
        message: Sequence[Mapping[str, Any]],
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> AckBatchResult: ...

    def ack(
        self,
        message: Any,
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> Any:
        """Acknowledge one message or a list of messages (see :meth:`queen.Queen.ack`).

        ``status``: ``True`` (completed), ``False`` (failed), or ``'retry'`` / ``'dlq'`` /
        ``'completed'`` / ``'failed'``; ``context`` may carry ``{'error': text}`` and
        ``{'group': name}``. One message → its result; a list → a summary.
        """
        return self._run("ack", self._async.ack, message, status, context)

    @overload
    def renew(  # type: ignore[overload-overlap]  # a str is one lease id, not a list
        self, target: Mapping[str, Any] | str, seconds: int | None = None
    ) -> RenewResult: ...

    @overload
    def renew(
        self, target: Sequence[Mapping[str, Any] | str], seconds: int | None = None
    ) -> list[RenewResult]: ...

    def renew(self, target: Any, seconds: int | None = None) -> Any:
        """Extend the lease of a message, a lease id, or a list of them (default 60 s)."""
        return self._run("renew", self._async.renew, target, seconds)

    def flush_all_buffers(self) -> None:
        """Send every buffered message now; raise if the server cannot be reached."""
        self._run("flush_all_buffers", self._after_staged, self._async.flush_all_buffers)

    def get_buffer_stats(self) -> BufferStats:
        """``{"activeBuffers", "totalBufferedMessages", "oldestBufferAge" (ms),
        "flushesPerformed", "failedFlushes"}``."""
        if not self._loop.started:
            return self._async.get_buffer_stats()
        stats: BufferStats = self._run("get_buffer_stats", self._after_staged, self._buffer_stats)
        return stats

    async def _buffer_stats(self) -> BufferStats:
        return self._async.get_buffer_stats()

    def delete_consumer_group(self, group: str, delete_metadata: bool = True) -> dict[str, Any]:
        """Delete a consumer group's cursors on every queue (and its subscriptions)."""
        return self._run(
            "delete_consumer_group", self._async.delete_consumer_group, group, delete_metadata
        )

    def update_consumer_group_timestamp(self, group: str, timestamp: str) -> dict[str, Any]:
        """Move a consumer group's subscription start (affects partitions not yet read)."""
        return self._run(
            "update_consumer_group_timestamp",
            self._async.update_consumer_group_timestamp,
            group,
            timestamp,
        )


@atexit.register
def _close_at_exit() -> None:
    """Flush and close blocking clients a program left open, so no buffered message is lost.

    Runs at interpreter exit, while the (daemon) loop threads are still alive.
    """
    for client in list(_open_clients):
        if client._loop.started:
            try:
                client.close()
            except Exception as exc:  # exiting anyway: report, do not mask the exit
                _log.warn("Queen.close", {"atExit": True, "error": str(exc)})
