"""The async client: ``Queen``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, overload

from typing_extensions import Unpack

from . import _log
from ._builders import QueueBuilder, TransactionBuilder
from ._config import normalise
from ._core import ClientCore
from ._names import check_name
from ._options import NO_QUEUE_OPTIONS, evolve
from .admin import Admin

if TYPE_CHECKING:
    from ._config import ClientConfig
    from .types import (
        AckBatchResult,
        AckContext,
        AckResult,
        AckStatus,
        BufferStats,
        ClientOptions,
        RenewResult,
    )


MAX_REMEMBERED_BUILDERS = 1024


class Queen:
    """Async client for a Queen server or cluster; runs under asyncio and trio (anyio).

    ``Queen(url)``, ``Queen([url1, url2])`` or ``Queen({...})``; keyword options (see
    :class:`queen.types.ClientOptions`) work with every form and override the dict. Use
    ``async with Queen(...) as queen:`` (buffers then flush in the background) or call
    ``await queen.close()`` when done.
    """

    __slots__ = ("_builders", "_core", "admin", "config")

    def __init__(
        self,
        config: str | Sequence[str] | ClientOptions | Mapping[str, Any] | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._core = ClientCore(normalise(config, **options))
        self.config: ClientConfig = self._core.config
        self.admin = Admin(self._core)
        self._builders: dict[str, QueueBuilder] = {}  # builders are values: one per name will do
        _log.info(
            "Queen.constructor",
            {"urls": list(self.config.urls), "strategy": self.config.load_balancing_strategy},
        )

    def __repr__(self) -> str:
        state = "closed" if self._core.closed else "open"
        return (
            f"<queen.Queen {state} urls={list(self.config.urls)!r} "
            f"strategy={self.config.load_balancing_strategy!r} "
            f"http_backend={self.config.http_backend!r}>"
        )

    # --- lifecycle ----------------------------------------------------------------------
    async def __aenter__(self) -> Queen:
        await self._core.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._core.exit(exc)

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run."""
        return self._core.closed

    async def close(self) -> None:
        """Flush buffers, stop consumers, close connections (idempotent).

        Waits up to ``close_timeout_millis`` for buffers and running handlers; consumers still
        busy after that are cancelled and their messages released. Buffered messages that
        could not be delivered by then raise :class:`~queen.QueenFlushError`, whose
        ``messages`` hands them back (never dropped silently).
        """
        await self._core.close()

    # --- builders -----------------------------------------------------------------------------
    def queue(self, name: str | None = None) -> QueueBuilder:
        """A builder for queue ``name`` (``None``: pop/consume by namespace/task filters)."""
        if name is None:
            return QueueBuilder(self._core, NO_QUEUE_OPTIONS)
        builder = self._builders.get(name)
        if builder is None:
            builder = QueueBuilder(
                self._core, evolve(NO_QUEUE_OPTIONS, queue=check_name("queue name", name))
            )
            if len(self._builders) < MAX_REMEMBERED_BUILDERS:
                self._builders[name] = builder
        return builder

    def transaction(self) -> TransactionBuilder:
        """A new atomic transaction of acks and pushes."""
        return TransactionBuilder(self._core)

    # --- acknowledgements and leases -------------------------------------------------------------
    @overload
    async def ack(
        self,
        message: Mapping[str, Any],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckResult: ...

    @overload
    async def ack(
        self,
        message: Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckBatchResult: ...

    async def ack(
        self,
        message: Mapping[str, Any] | Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: AckContext | None = None,
    ) -> AckResult | AckBatchResult:
        """Acknowledge one message or a list of messages.

        ``status``: ``True`` (completed), ``False`` (failed: retried, then dead-lettered),
        or ``'retry'`` / ``'dlq'`` / ``'completed'`` / ``'failed'``. ``context`` may carry
        ``{'error': text}`` (stored with the failure) and ``{'group': name}`` (defaults to the
        message's own consumer group).

        One message → its :class:`AckResult`; a list → :class:`AckBatchResult` whose
        ``success`` is False when any item failed. Transport and server errors raise.
        """
        return await self._core.ack(message, status, context)

    @overload
    async def renew(  # type: ignore[overload-overlap]  # a str is one lease id, not a list
        self, target: Mapping[str, Any] | str, seconds: int | None = None
    ) -> RenewResult: ...

    @overload
    async def renew(
        self, target: Sequence[Mapping[str, Any] | str], seconds: int | None = None
    ) -> list[RenewResult]: ...

    async def renew(
        self,
        target: Mapping[str, Any] | str | Sequence[Mapping[str, Any] | str],
        seconds: int | None = None,
    ) -> RenewResult | list[RenewResult]:
        """Extend the lease of a message, a lease id, or a list of them.

        Sends ``{"seconds": N}`` (default 60) to each distinct lease. Returns one
        :class:`RenewResult` per lease (a list for list input).
        """
        return await self._core.renew(target, seconds)

    # --- buffers ------------------------------------------------------------------------------
    async def flush_all_buffers(self) -> None:
        """Send every buffered message now; raise if the server cannot be reached."""
        await self._core.flush()

    def get_buffer_stats(self) -> BufferStats:
        """``{"activeBuffers", "totalBufferedMessages", "oldestBufferAge" (milliseconds),
        "flushesPerformed", "failedFlushes"}``."""
        return self._core.buffer_stats()

    # --- consumer-group shortcuts -----------------------------------------------------------
    async def delete_consumer_group(
        self, group: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete a consumer group's cursors on every queue (and its subscriptions)."""
        return await self.admin.delete_consumer_group(group, delete_metadata)

    async def update_consumer_group_timestamp(self, group: str, timestamp: str) -> dict[str, Any]:
        """Move a consumer group's subscription start (affects partitions not yet read)."""
        return await self.admin.update_consumer_group_subscription(group, timestamp)
