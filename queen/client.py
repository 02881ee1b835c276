"""The async client: ``Queen``."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast, overload

import anyio
from anyio.abc import TaskGroup

from . import _endpoints as ep
from . import _log
from ._buffer import BufferManager
from ._builders import QueueBuilder, TransactionBuilder
from ._config import ClientConfig, normalise
from ._errors import QueenClosedError, QueenError, client_validation_error
from ._transport import Transport
from ._wire import (
    QUEUE_MODE,
    ack_entry,
    ack_status,
    lease_ids,
    no_ack_result,
    parse_ack,
    parse_pop,
    parse_push,
    trace_body,
)
from .admin import Admin

if TYPE_CHECKING:
    from queen_generated.schemas import PushItem

    from ._consumer import ConsumerRun, ConsumeSettings
    from .types import (
        AckBatchResult,
        AckResult,
        BufferStats,
        ClientOptions,
        Message,
        PushResult,
        RenewResult,
        TraceConfig,
        TraceResult,
    )

DEFAULT_RENEW_SECONDS = 60
LONG_POLL_GRACE_MILLIS = 5_000


class Queen:
    """Async client for a Queen server or cluster; runs under asyncio and trio (anyio).

    ``Queen(url)``, ``Queen([url1, url2])`` or ``Queen({...})``; keyword options work with
    every form and override the dict. Use ``async with Queen(...) as queen:`` (buffers then
    flush in the background) or call ``await queen.close()`` when done.
    """

    def __init__(
        self,
        config: str | Sequence[str] | ClientOptions | Mapping[str, Any] | None = None,
        **options: Any,
    ) -> None:
        self.config: ClientConfig = normalise(config, **options)
        self._transport = Transport(self.config)
        self._buffers = BufferManager(self._send_push, self.config.retry_delay_millis)
        self._consumers: set[ConsumerRun] = set()
        self._stack: AsyncExitStack | None = None
        self._task_group: TaskGroup | None = None
        self._closed = False
        self._closing = False
        self.admin = Admin(self)
        _log.info(
            "Queen.constructor",
            {"urls": list(self.config.urls), "strategy": self.config.load_balancing_strategy},
        )

    # --- lifecycle ----------------------------------------------------------------------
    async def __aenter__(self) -> Queen:
        if self._closed:
            raise QueenClosedError("this Queen client is closed; create a new one")
        stack = AsyncExitStack()
        task_group = await stack.enter_async_context(anyio.create_task_group())
        self._stack = stack
        self._task_group = task_group
        self._buffers.attach(task_group)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            await self.close()
        finally:
            stack, self._stack = self._stack, None
            self._task_group = None
            if stack is not None:
                await stack.aclose()

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run."""
        return self._closed

    async def close(self) -> None:
        """Flush buffers, stop consumers, close connections (idempotent).

        Waits up to ``close_timeout_millis`` for buffers and running handlers; consumers still
        busy after that are cancelled and their messages released. Raises if buffered
        messages could not be delivered by then (they are reported, never dropped silently).
        """
        if self._closed or self._closing:
            return
        self._closing = True  # in-flight acks and flushes may still use the transport
        # Shielded: a cancelled owner must not lose buffered messages or in-flight acks; the
        # deadline bounds how long this can take.
        with anyio.CancelScope(shield=True):
            flush_error = await self._drain(self.config.close_timeout_millis / 1000)
            if self._task_group is not None:
                self._task_group.cancel_scope.cancel()
                self._buffers.attach(None)
            left = self._buffers.pending()
            self._closed = True
            await self._transport.aclose()
        _log.info("Queen.close", {"unflushed": left})
        if left:
            raise QueenError(
                f"close(): {left} buffered message(s) could not be delivered"
                + (f" (last error: {flush_error})" if flush_error else "")
            )

    async def _drain(self, deadline: float) -> BaseException | None:
        """Stop consumers and flush buffers (retrying failures) until done or ``deadline``."""
        flush_error: BaseException | None = None
        with anyio.move_on_after(deadline):
            for run in list(self._consumers):
                run.stop()
            failures = 0
            while True:
                try:
                    await self._buffers.flush()
                    break
                except QueenError as exc:
                    flush_error = exc
                    failures += 1
                    await anyio.sleep(min(2.0, 0.1 * 2**failures))
            for run in list(self._consumers):
                if run.done is not None:
                    await run.done.wait()
        for run in list(self._consumers):
            run.cancel()  # still busy after the deadline: cancel, releasing their messages
        with anyio.move_on_after(15):
            for run in list(self._consumers):
                if run.done is not None:
                    await run.done.wait()
        return flush_error

    def _check_open(self) -> None:
        if self._closed:
            raise QueenClosedError("this Queen client is closed; create a new one")

    # --- building blocks ------------------------------------------------------------------
    async def _call(
        self,
        endpoint: ep.Endpoint,
        *,
        affinity_key: str | None = None,
        timeout_millis: int | None = None,
        **arguments: Any,
    ) -> Any:
        """Send one request through the generated endpoint module (``None`` args dropped)."""
        self._check_open()
        kwargs = endpoint.request_kwargs(**{k: v for k, v in arguments.items() if v is not None})
        return await self._transport.send(
            endpoint, kwargs, affinity_key=affinity_key, timeout_millis=timeout_millis
        )

    async def _send_push(
        self, queue: str, partition: str, items: list[dict[str, Any]]
    ) -> list[PushResult]:
        answer = await self._transport.send(
            ep.PUSH_MESSAGES,
            ep.PUSH_MESSAGES.request_kwargs(body={"items": cast("list[PushItem]", items)}),
            affinity_key=f"{queue}:{partition}",
        )
        return parse_push(answer)

    async def _push_now(
        self, queue: str, partition: str, items: list[dict[str, Any]]
    ) -> list[PushResult]:
        self._check_open()
        results = await self._send_push(queue, partition, items)
        if _log.ENABLED:
            _log.info(
                "QueueBuilder.push",
                {"queue": queue, "partition": partition, "count": len(items), "buffered": False},
            )
        return results

    async def _pop_messages(
        self,
        settings: ConsumeSettings,
        *,
        batch: int,
        wait: bool,
        timeout_millis: int,
        auto_ack: bool = False,
    ) -> list[Message]:
        group = settings.group
        arguments: dict[str, Any] = {
            "batch": batch,
            "wait": True if wait else None,
            "timeout": timeout_millis if wait else None,
            "consumer_group": group,
            "partitions": settings.partitions,
            "auto_ack": True if auto_ack else None,
            "subscription_mode": settings.subscription_mode,
            "subscription_from": settings.subscription_from,
        }
        endpoint: ep.Endpoint
        if settings.queue is None:
            endpoint = ep.POP_FILTERED
            arguments["namespace"] = settings.namespace
            arguments["task"] = settings.task
        elif settings.partition is not None:
            endpoint = ep.POP_PARTITION
            arguments["queue"] = settings.queue
            arguments["partition"] = settings.partition
        else:
            endpoint = ep.POP_QUEUE
            arguments["queue"] = settings.queue
        key = f"{settings.queue}:{settings.partition or '*'}:{group or QUEUE_MODE}"
        answer = await self._call(
            endpoint,
            affinity_key=key,
            timeout_millis=(timeout_millis + LONG_POLL_GRACE_MILLIS) if wait else None,
            **arguments,
        )
        messages = parse_pop(answer)
        trace = self._trace
        for message in messages:
            message["trace"] = functools.partial(trace, message)
        return messages

    # --- public API -------------------------------------------------------------------------
    def queue(self, name: str | None = None) -> QueueBuilder:
        """A builder for queue ``name`` (``None``: pop/consume by namespace/task filters)."""
        if name is not None and (not isinstance(name, str) or not name):
            from ._errors import QueenConfigError

            raise QueenConfigError(f"queue name must be a non-empty string, got {name!r}")
        return QueueBuilder(self, {"queue": name})

    def transaction(self) -> TransactionBuilder:
        """A new atomic transaction of acks and pushes."""
        return TransactionBuilder(self)

    @overload
    async def ack(
        self,
        message: Mapping[str, Any],
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> AckResult: ...

    @overload
    async def ack(
        self,
        message: Sequence[Mapping[str, Any]],
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> AckBatchResult: ...

    async def ack(
        self,
        message: Any,
        status: bool | str = True,
        context: Mapping[str, Any] | None = None,
    ) -> Any:
        """Acknowledge one message or a list of messages.

        ``status``: ``True`` (completed), ``False`` (failed: retried, then dead-lettered),
        or ``'retry'`` / ``'dlq'`` / ``'completed'`` / ``'failed'``. ``context`` may carry
        ``{'error': text}`` (stored with the failure) and ``{'group': name}`` (defaults to the
        message's own consumer group).

        One message → its :class:`AckResult`; a list → :class:`AckBatchResult` whose
        ``success`` is False when any item failed. Transport and server errors raise.
        """
        state = ack_status(status)
        context = context or {}
        group = context.get("group") or context.get("consumer_group")
        error = context.get("error")
        if error is not None:
            error = str(error)
        if isinstance(message, Sequence) and not isinstance(message, (str, Mapping)):
            return await self._ack_many(list(message), state, group, error)
        entry = ack_entry(message, state, error)
        chosen = group or message.get("consumerGroup")
        if chosen:
            entry["consumerGroup"] = chosen
        answer = await self._call(ep.ACK_MESSAGE, body=entry)
        results = parse_ack(answer, 1)
        result: AckResult = results[0] if results else no_ack_result(entry, 0)
        if _log.ENABLED:
            _log.info("Queen.ack", {"transactionId": entry["transactionId"], "status": state})
        return result

    async def _ack_many(
        self, messages: list[Any], state: str, group: str | None, error: str | None
    ) -> AckBatchResult:
        if not messages:
            return {"success": True, "processed": 0, "failed": 0, "results": []}
        by_group: dict[str | None, list[int]] = {}
        entries: list[dict[str, Any]] = []
        for position, message in enumerate(messages):
            if "_status" in message or "_error" in message:  # per-message overrides
                own_state = ack_status(message.get("_status", state))
                entries.append(ack_entry(message, own_state, message.get("_error", error)))
            else:
                entries.append(ack_entry(message, state, error))
            key = group or message.get("consumerGroup")
            positions = by_group.get(key)
            if positions is None:
                by_group[key] = [position]
            else:
                positions.append(position)
        results = [no_ack_result(entry, index) for index, entry in enumerate(entries)]
        for key, positions in by_group.items():
            body: dict[str, Any] = {"acknowledgments": [entries[p] for p in positions]}
            if key:
                body["consumerGroup"] = key
            answer = await self._call(ep.ACK_BATCH, body=body)
            for position, result in zip(positions, parse_ack(answer, len(positions)), strict=False):
                results[position] = result
        failed = sum(1 for r in results if not r.get("success"))
        return {
            "success": failed == 0,
            "processed": len(messages),
            "failed": failed,
            "results": results,
        }

    @overload
    async def renew(  # type: ignore[overload-overlap]  # a str is one lease id, not a list
        self, target: Mapping[str, Any] | str, seconds: int | None = None
    ) -> RenewResult: ...

    @overload
    async def renew(
        self, target: Sequence[Mapping[str, Any] | str], seconds: int | None = None
    ) -> list[RenewResult]: ...

    async def renew(self, target: Any, seconds: int | None = None) -> Any:
        """Extend the lease of a message, a lease id, or a list of them.

        Sends ``{"seconds": N}`` (default 60) to each distinct lease. Returns one
        :class:`RenewResult` per lease (a list for list input).
        """
        many = isinstance(target, Sequence) and not isinstance(target, (str, Mapping))
        leases = lease_ids(target if many else [target])
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 1
        ):
            raise client_validation_error(f"seconds must be an integer >= 1, got {seconds!r}")
        body = {"seconds": seconds or DEFAULT_RENEW_SECONDS}
        results: list[RenewResult] = []
        for lease in leases:
            answer = await self._call(ep.EXTEND_LEASE, lease_id=lease, body=body)
            if isinstance(answer, list) and answer:
                results.append(cast("RenewResult", answer[0]))
            elif isinstance(answer, dict) and "success" in answer and "error" not in answer:
                results.append(cast("RenewResult", answer))
            else:
                detail = answer.get("error") if isinstance(answer, dict) else answer
                results.append(
                    {"index": 0, "leaseId": lease, "success": False, "error": str(detail)}
                )
        if many:
            return results
        if not results:
            return {"success": False, "error": "No valid lease IDs found for renewal"}
        return results[0]

    async def _trace(self, message: Mapping[str, Any], config: TraceConfig) -> TraceResult:
        """Record a trace event on ``message``; never raises (tracing must not break work)."""
        body = trace_body(message, config)
        if isinstance(body, str):
            return {"success": False, "error": body}
        try:
            answer = await self._call(ep.RECORD_TRACE, body=body)
        except QueenError as exc:
            _log.warn("Message.trace", {"error": str(exc)})
            return {"success": False, "error": str(exc)}
        if isinstance(answer, dict) and (answer.get("success") is False or answer.get("error")):
            return {"success": False, "error": str(answer.get("error"))}
        result: TraceResult = {"success": True}
        if isinstance(answer, dict):
            result.update(answer)  # type: ignore[typeddict-item]
        return result

    async def flush_all_buffers(self) -> None:
        """Send every buffered message now; raise if the server cannot be reached."""
        await self._buffers.flush()

    def get_buffer_stats(self) -> BufferStats:
        """``{"activeBuffers", "totalBufferedMessages", "oldestBufferAge" (ms),
        "flushesPerformed", "failedFlushes"}``."""
        return self._buffers.stats()

    async def delete_consumer_group(
        self, group: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete a consumer group's cursors on every queue (and its subscriptions)."""
        return await self.admin.delete_consumer_group(group, delete_metadata)

    async def update_consumer_group_timestamp(self, group: str, timestamp: str) -> dict[str, Any]:
        """Move a consumer group's subscription start (affects partitions not yet read)."""
        return await self.admin.update_consumer_group_subscription(group, timestamp)
