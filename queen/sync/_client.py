"""The blocking client: ``queen.sync.Queen``, a thin facade over the same core as ``queen.Queen``."""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, overload

from typing_extensions import Unpack

from .. import _log
from .._config import normalise
from .._core import report_close_failure
from .._errors import QueenError
from .._names import check_name
from .._options import NO_QUEUE_OPTIONS, evolve
from ..admin import Admin as AsyncAdmin
from ._admin import Admin
from ._builders import QueueBuilder, TransactionBuilder
from ._core import SyncCore
from ._loop import in_handler_thread

if TYPE_CHECKING:
    from .._config import ClientConfig
    from ..types import (
        AckBatchResult,
        AckContext,
        AckResult,
        AckStatus,
        BufferStats,
        ClientOptions,
        RenewResult,
    )

_open_clients: weakref.WeakSet[Queen] = weakref.WeakSet()


class Queen:
    """Blocking client for a Queen server or cluster: the async API, every method blocking.

    ``Queen(url)``, ``Queen([url1, url2])`` or ``Queen({...})`` with the same options as
    :class:`queen.Queen`. Use ``with Queen(...) as queen:`` or call ``queen.close()``.

    One event loop runs in a background thread (started on first use) and carries every call,
    so one instance can be shared by all the threads of a program. Do not call it from inside
    an event loop (``async def`` code): use :class:`queen.Queen` there.
    """

    __slots__ = ("__weakref__", "_sync", "admin", "config")

    def __init__(
        self,
        config: str | Sequence[str] | ClientOptions | Mapping[str, Any] | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._sync = SyncCore(normalise(config, **options), name=f"queen-sync-loop-{id(self):x}")
        self.config: ClientConfig = self._sync.config
        self.admin = Admin(self._sync, AsyncAdmin(self._sync.core))
        _open_clients.add(self)

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return (
            f"<queen.sync.Queen {state} urls={list(self.config.urls)!r} "
            f"strategy={self.config.load_balancing_strategy!r} "
            f"http_backend={self.config.http_backend!r}>"
        )

    # --- lifecycle ----------------------------------------------------------------------
    def __enter__(self) -> Queen:
        self._sync.loop.portal("__enter__")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
            return
        try:
            self.close()
        except Exception as close_error:  # keep the body's exception; report this one
            report_close_failure(close_error, exc)

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run."""
        return self._sync.core.closed or self._sync.loop.stopped

    def close(self) -> None:
        """Flush buffers, stop consumers, close connections, stop the loop thread.

        May be called from any thread (not from a ``consume()`` handler, which it would wait
        for). Running ``consume()`` calls return once their handlers have finished and been
        acknowledged. Idempotent; buffered messages that could not be delivered raise
        :class:`~queen.QueenFlushError`, which hands them back.
        """
        if in_handler_thread(self._sync):
            raise QueenError(
                "close() cannot run inside a consume() handler: it waits for running handlers "
                "to finish; return from the handler and close from another thread"
            )
        sync = self._sync
        try:
            try:
                if sync.loop.started and not sync.loop.stopped:
                    sync.run("close", sync.stager.drain)
            finally:
                sync.loop.stop()
        finally:
            _open_clients.discard(self)
        if sync.stager.staged:
            raise QueenError(
                f"close(): {sync.stager.staged} buffered message(s) could not be "
                "handed to the client's buffers"
            )

    # --- builders -------------------------------------------------------------------------
    def queue(self, name: str | None = None) -> QueueBuilder:
        """A builder for queue ``name`` (``None``: pop/consume by namespace/task filters)."""
        if name is not None:
            check_name("queue name", name)
        return QueueBuilder(self._sync, evolve(NO_QUEUE_OPTIONS, queue=name))

    def transaction(self) -> TransactionBuilder:
        """A new atomic transaction of acks and pushes."""
        return TransactionBuilder(self._sync)

    # --- acknowledgements and leases -----------------------------------------------------
    @overload
    def ack(
        self,
        message: Mapping[str, Any],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckResult: ...

    @overload
    def ack(
        self,
        message: Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckBatchResult: ...

    def ack(
        self,
        message: Mapping[str, Any] | Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckResult | AckBatchResult:
        """Acknowledge one message or a list of messages (see :meth:`queen.Queen.ack`).

        ``status``: ``True`` (completed), ``False`` (failed), or ``'retry'`` / ``'dlq'`` /
        ``'completed'`` / ``'failed'``; ``context`` may carry ``{'error': text}`` and
        ``{'group': name}``. One message → its result; a list → a summary.
        """
        return self._sync.run("ack", self._sync.core.ack, message, status, context)

    @overload
    def renew(  # type: ignore[overload-overlap]  # a str is one lease id, not a list
        self, target: Mapping[str, Any] | str, seconds: int | None = None
    ) -> RenewResult: ...

    @overload
    def renew(
        self, target: Sequence[Mapping[str, Any] | str], seconds: int | None = None
    ) -> list[RenewResult]: ...

    def renew(
        self,
        target: Mapping[str, Any] | str | Sequence[Mapping[str, Any] | str],
        seconds: int | None = None,
    ) -> RenewResult | list[RenewResult]:
        """Extend the lease of a message, a lease id, or a list of them (default 60 s)."""
        return self._sync.run("renew", self._sync.core.renew, target, seconds)

    # --- buffers ------------------------------------------------------------------------
    def flush_all_buffers(self) -> None:
        """Send every buffered message now; raise if the server cannot be reached."""
        self._sync.run("flush_all_buffers", self._sync.after_staged, self._sync.core.flush)

    def get_buffer_stats(self) -> BufferStats:
        """``{"activeBuffers", "totalBufferedMessages", "oldestBufferAge" (milliseconds),
        "flushesPerformed", "failedFlushes"}``."""
        if not self._sync.loop.started:
            return self._sync.core.buffer_stats()
        stats: BufferStats = self._sync.run(
            "get_buffer_stats", self._sync.after_staged, self._buffer_stats
        )
        return stats

    async def _buffer_stats(self) -> BufferStats:
        return self._sync.core.buffer_stats()

    # --- consumer-group shortcuts ------------------------------------------------------
    def delete_consumer_group(self, group: str, delete_metadata: bool = True) -> dict[str, Any]:
        """Delete a consumer group's cursors on every queue (and its subscriptions)."""
        return self.admin.delete_consumer_group(group, delete_metadata)

    def update_consumer_group_timestamp(self, group: str, timestamp: str) -> dict[str, Any]:
        """Move a consumer group's subscription start (affects partitions not yet read)."""
        return self.admin.update_consumer_group_subscription(group, timestamp)


@atexit.register
def _close_at_exit() -> None:
    """Flush and close blocking clients a program left open, so no buffered message is lost.

    Runs at interpreter exit, while the (daemon) loop threads are still alive.
    """
    for client in list(_open_clients):
        if client._sync.loop.started:
            try:
                client.close()
            except Exception as exc:  # exiting anyway: report, do not mask the exit
                _log.error("Queen.close", {"atExit": True, "error": str(exc)}, exc_info=exc)
