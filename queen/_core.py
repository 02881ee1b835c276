"""The client's core: the one internal object every part of the client talks to.

``queen.Queen`` and ``queen.sync.Queen`` are facades over a :class:`ClientCore`; builders,
consumers and admin receive the core and call its typed methods. It owns the transport, the
push buffers, the running consumers and the lifecycle (open, close, closed), and turns
answers into plain data or errors. Nothing here is public API.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any, cast

import anyio
from anyio.abc import TaskGroup

from . import _endpoints as ep
from . import _log
from ._buffer import BufferManager
from ._config import ClientConfig
from ._encode import items_fragment
from ._errors import (
    QueenClosedError,
    QueenConnectionError,
    QueenError,
    QueenFlushError,
    QueenServerError,
    client_validation_error,
)
from ._options import DLQBuilderOptions, PopRequest
from ._transport import Transport
from ._wire import (
    QUEUE_MODE,
    ack_entry,
    ack_status,
    check_body,
    lease_ids,
    no_ack_result,
    parse_ack,
    parse_dlq,
    parse_pop,
    parse_push,
    trace_body,
)

if TYPE_CHECKING:
    from queen_generated.schemas import (
        AckBatchRequest,
        AckRequest,
        LeaseExtendRequest,
        PushRequest,
        TransactionAckOperation,
        TransactionPushOperation,
    )

    from ._consumer import ConsumerRun
    from ._options import BufferSettings
    from .types import (
        AckBatchResult,
        AckResult,
        AckStatus,
        BufferStats,
        DLQResult,
        Message,
        PushResult,
        RenewResult,
        TraceConfig,
        TraceResult,
    )

DEFAULT_RENEW_SECONDS = 60
#: added to a long poll's server-side timeout for the HTTP deadline of that request
LONG_POLL_GRACE_MILLIS = 5_000
_LEASE_REFUSED = "invalid or expired lease"


class ClientCore:
    """Transport, buffers, consumers and lifecycle of one client (see the module docstring)."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.transport = Transport(config)
        self.buffers = BufferManager(self.send_push, config.retry_delay_millis)
        self._consumers: set[ConsumerRun] = set()
        self._stack: AsyncExitStack | None = None
        self._task_group: TaskGroup | None = None
        self._closed = False
        self._closing = False

    # --- lifecycle ----------------------------------------------------------------------
    async def __aenter__(self) -> ClientCore:
        await self.open()
        return self

    async def __aexit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        await self.exit(exc)

    async def open(self) -> None:
        """Start the task group that runs background buffer flushers."""
        self.check_open()
        stack = AsyncExitStack()
        task_group = await stack.enter_async_context(anyio.create_task_group())
        self._stack = stack
        self._task_group = task_group
        self.buffers.attach(task_group)

    async def exit(self, body_error: BaseException | None) -> None:
        """Close, then leave the task group. A failing close never hides ``body_error``."""
        try:
            await self.close()
        except Exception as close_error:
            if body_error is None:
                raise
            report_close_failure(close_error, body_error)
        finally:
            stack, self._stack = self._stack, None
            self._task_group = None
            if stack is not None:
                await stack.aclose()

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run."""
        return self._closed

    @property
    def task_group(self) -> TaskGroup | None:
        """The open client's task group (``async with``), where its background work runs
        (buffer flushers, streams); None when the client is not open as a context."""
        return self._task_group

    def check_open(self) -> None:
        """Raise :class:`QueenClosedError` after ``close()``."""
        if self._closed:
            raise QueenClosedError("this Queen client is closed; create a new one")

    async def close(self) -> None:
        """Flush buffers, stop consumers, close connections (idempotent).

        Waits up to ``close_timeout_millis`` for buffers and running handlers; consumers still
        busy after that are cancelled and their messages released. Buffered messages that
        could not be delivered by then raise :class:`QueenFlushError`, which hands them back.
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
                self.buffers.attach(None)
            unflushed = self.buffers.take_unflushed()
            self._closed = True
            await self.transport.aclose()
        _log.info("Queen.close", {"unflushed": len(unflushed)})
        if unflushed:
            reason = flush_error or self.buffers.last_error()
            message = (
                f"close(): {len(unflushed)} buffered message(s) could not be delivered within "
                f"close_timeout_millis={self.config.close_timeout_millis}"
                + (f" (last error: {reason})" if reason else "")
                + "; they are in this error's .messages"
            )
            _log.error("Queen.close", {"unflushed": len(unflushed), "error": str(reason)})
            raise QueenFlushError(message, messages=unflushed) from reason

    async def _drain(self, deadline: float) -> BaseException | None:
        """Stop consumers and flush buffers (retrying failures) until done or ``deadline``."""
        flush_error: BaseException | None = None
        with anyio.move_on_after(deadline):
            for run in list(self._consumers):
                run.stop()
            failures = 0
            while True:
                try:
                    await self.buffers.flush()
                    break
                except QueenError as exc:
                    flush_error = exc
                    failures += 1
                    await anyio.sleep(min(2.0, 0.1 * 2**failures))
            for run in list(self._consumers):
                await run.done.wait()
        for run in list(self._consumers):
            run.cancel()  # still busy after the deadline: cancel, releasing their messages
        with anyio.move_on_after(15):
            for run in list(self._consumers):
                await run.done.wait()
        return flush_error

    def add_consumer(self, run: ConsumerRun) -> None:
        """Track a running ``consume()`` so that ``close()`` can stop it."""
        self.check_open()
        self._consumers.add(run)

    def remove_consumer(self, run: ConsumerRun) -> None:
        """Forget a finished ``consume()``."""
        self._consumers.discard(run)

    # --- requests -------------------------------------------------------------------------
    async def send(
        self,
        endpoint: ep.Endpoint,
        kwargs: dict[str, Any],
        *,
        affinity_key: str | None = None,
        timeout_millis: int | None = None,
    ) -> Any:
        """Send a request built by ``endpoint.request_kwargs(...)``; the parsed answer."""
        self.check_open()
        return await self.transport.send(
            endpoint, kwargs, affinity_key=affinity_key, timeout_millis=timeout_millis
        )

    async def read(self, endpoint: ep.Endpoint, kwargs: dict[str, Any], empty: Any) -> Any:
        """Send, then: an empty answer → ``empty``; an error inside a 200 answer raises."""
        answer = await self.send(endpoint, kwargs)
        if answer is None:
            return empty
        what = endpoint.name.split(".")[-1].replace("_", " ")
        urls = self.config.urls
        server = urls[0] if len(urls) == 1 else ""  # with several, the path alone
        return check_body(answer, what, f"{str(kwargs['method']).upper()} {server}{kwargs['url']}")

    # --- push -----------------------------------------------------------------------------
    async def send_push(self, queue: str, partition: str, encoded: list[bytes]) -> list[PushResult]:
        """Send already encoded items (see ``queen._encode``) to one queue partition."""
        # the items were encoded by push() (queen._encode): spliced in as one JSON fragment
        body = cast("PushRequest", {"items": items_fragment(encoded)})
        answer = await self.transport.send(
            ep.PUSH_MESSAGES,
            ep.PUSH_MESSAGES.request_kwargs(body=body),
            affinity_key=f"{queue}:{partition}",
        )
        return parse_push(answer)

    async def push(self, queue: str, partition: str, encoded: list[bytes]) -> list[PushResult]:
        """Push now; the server's per-item results."""
        self.check_open()
        results = await self.send_push(queue, partition, encoded)
        _log.debug(
            "QueueBuilder.push",
            {"queue": queue, "partition": partition, "count": len(encoded), "buffered": False},
        )
        return results

    async def buffer_push(
        self, queue: str, partition: str, encoded: list[bytes], settings: BufferSettings
    ) -> None:
        """Add encoded items to the (queue, partition) buffer, waiting while it is full."""
        self.check_open()
        await self.buffers.add(queue, partition, encoded, settings)

    async def flush(self, queue: str | None = None, partition: str | None = None) -> None:
        """Send what is buffered (all, one queue, or one partition); raise on failure."""
        await self.buffers.flush(queue, partition)

    def buffer_stats(self) -> BufferStats:
        """Counters of the push buffers."""
        return self.buffers.stats()

    # --- pop --------------------------------------------------------------------------------
    async def pop(self, request: PopRequest) -> list[Message]:
        """One pop (long-polling when ``request.wait``); messages with a bound ``trace``."""
        wait = request.wait
        optional: dict[str, Any] = {
            "batch": request.batch,
            "wait": True if wait else None,
            "timeout": request.timeout_millis if wait else None,
            "consumer_group": request.group,
            "partitions": request.partitions,
            "auto_ack": True if request.auto_ack else None,
            "subscription_mode": request.subscription_mode,
            "subscription_from": request.subscription_from,
        }
        endpoint: ep.Endpoint
        if request.queue is None:
            endpoint = ep.POP_FILTERED
            kwargs = ep.POP_FILTERED.request_kwargs(
                namespace=request.namespace, task=request.task, **optional
            )
        elif request.partition is not None:
            endpoint = ep.POP_PARTITION
            del optional["partitions"]  # one partition by definition
            kwargs = ep.POP_PARTITION.request_kwargs(
                queue=request.queue, partition=request.partition, **optional
            )
        else:
            endpoint = ep.POP_QUEUE
            kwargs = ep.POP_QUEUE.request_kwargs(queue=request.queue, **optional)
        key = f"{request.queue}:{request.partition or '*'}:{request.group or QUEUE_MODE}"
        answer = await self.send(
            endpoint,
            kwargs,
            affinity_key=key,
            timeout_millis=(request.timeout_millis + LONG_POLL_GRACE_MILLIS) if wait else None,
        )
        messages = parse_pop(answer)
        trace = self.trace
        for message in messages:
            message["trace"] = functools.partial(trace, message)
        return messages

    # --- ack and renew ---------------------------------------------------------------------
    async def ack(
        self,
        message: Mapping[str, Any] | Sequence[Mapping[str, Any]],
        status: AckStatus = True,
        context: Mapping[str, Any] | None = None,
    ) -> AckResult | AckBatchResult:
        """Acknowledge one message (→ its result) or a list (→ a summary); see ``Queen.ack``."""
        state = ack_status(status)
        context = context or {}
        group = context.get("group") or context.get("consumer_group")
        error = context.get("error")
        if error is not None:
            error = str(error)
        if isinstance(message, Sequence) and not isinstance(message, (str, Mapping)):
            return await self._ack_many(list(message), state, group, error)
        single = cast("Mapping[str, Any]", message)
        entry = ack_entry(single, state, error)
        chosen = group or single.get("consumerGroup")
        if chosen:
            entry["consumerGroup"] = chosen
        kwargs = ep.ACK_MESSAGE.request_kwargs(body=entry)
        results = await self._send_acks(ep.ACK_MESSAGE, kwargs, [single], [state])
        result: AckResult = results[0] if results else no_ack_result(entry, 0)
        _log.debug("Queen.ack", {"transactionId": entry["transactionId"], "status": state})
        return result

    async def _ack_many(
        self, messages: list[Any], state: str, group: str | None, error: str | None
    ) -> AckBatchResult:
        if not messages:
            return {"success": True, "processed": 0, "failed": 0, "results": []}
        by_group: dict[str | None, list[int]] = {}
        entries: list[AckRequest] = []
        for position, message in enumerate(messages):
            if "_status" in message or "_error" in message:  # per-message overrides
                own_state = ack_status(message.get("_status", state))
                entries.append(ack_entry(message, own_state, message.get("_error", error)))
            else:
                entries.append(ack_entry(message, state, error))
            key = group or message.get("consumerGroup")
            by_group.setdefault(key, []).append(position)
        results = [no_ack_result(entry, index) for index, entry in enumerate(entries)]
        for key, positions in by_group.items():
            body: AckBatchRequest = {"acknowledgments": [entries[p] for p in positions]}
            if key:
                body["consumerGroup"] = key
            answers = await self._send_acks(
                ep.ACK_BATCH,
                ep.ACK_BATCH.request_kwargs(body=body),
                [messages[p] for p in positions],
                [entries[p].get("status", "completed") for p in positions],
            )
            for position, result in zip(positions, answers, strict=False):
                results[position] = result
        failed = sum(1 for r in results if not r.get("success"))
        return {
            "success": failed == 0,
            "processed": len(messages),
            "failed": failed,
            "results": results,
        }

    async def _send_acks(
        self,
        endpoint: ep.Endpoint,
        kwargs: dict[str, Any],
        messages: Sequence[Mapping[str, Any]],
        states: Sequence[str],
    ) -> list[AckResult]:
        """Send one ack request, repeating it after failures that may hide an applied ack.

        An ack whose answer was lost may have been applied: the server then refuses the
        repeat with "Invalid or expired lease". Such refusals are settled by
        :meth:`settle_acks` instead of being reported as failures.
        """
        maybe_applied = False
        attempts = self.config.retry_attempts
        for attempt in range(attempts):
            try:
                answer = await self.send(endpoint, kwargs)
            except (QueenConnectionError, QueenServerError) as exc:
                if attempt == attempts - 1 or (
                    isinstance(exc, QueenServerError) and exc.status < 500
                ):
                    raise
                maybe_applied = True
                _log.warn(
                    "Queen.ack",
                    {
                        "attempt": attempt + 1,
                        "of": attempts,
                        "count": len(messages),
                        "error": str(exc),
                    },
                )
                await anyio.sleep(self.transport.backoff(attempt))
                continue
            results = parse_ack(answer, len(messages))
            if maybe_applied:
                results = await self.settle_acks(messages, results, states)
            return results
        raise AssertionError("unreachable")  # pragma: no cover

    async def settle_acks(
        self,
        messages: Sequence[Mapping[str, Any]],
        results: list[AckResult],
        states: Sequence[str],
    ) -> list[AckResult]:
        """Tell "already applied" apart from a real lease failure, after a lost answer.

        A ``failed`` or ``retry`` ack leads to a redelivery either way, so its refusal is no
        failure; a completion is checked against the message's state on the server.
        """
        settled: list[AckResult] = []
        for message, result, state in zip(messages, results, states, strict=False):
            refused = _LEASE_REFUSED in str(result.get("error") or "").lower()
            if result.get("success") or not refused:
                settled.append(result)
            elif state not in ("completed", "success") or await self._consumed(message):
                settled.append({**result, "success": True, "error": None})
                _log.info(
                    "Queen.ack",
                    {
                        "transactionId": message.get("transactionId"),
                        "note": "applied by an attempt whose answer was lost",
                    },
                )
            else:
                settled.append(result)
        return settled

    async def _consumed(self, message: Mapping[str, Any]) -> bool:
        """True when the server shows ``message`` as consumed by its own consumer group."""
        kwargs = ep.GET_MESSAGE.request_kwargs(
            partition_id=str(message.get("partitionId")),
            transaction_id=str(message.get("transactionId") or message.get("id")),
        )
        try:
            state = await self.read(ep.GET_MESSAGE, kwargs, {})
        except QueenError:
            return False
        group = message.get("consumerGroup")
        if group and group != QUEUE_MODE:
            return any(
                g.get("name") == group and g.get("consumed")
                for g in state.get("consumerGroups") or []
            )
        return bool(state.get("status") == "completed")

    async def renew(
        self,
        target: Mapping[str, Any] | str | Sequence[Mapping[str, Any] | str],
        seconds: int | None,
    ) -> RenewResult | list[RenewResult]:
        """Extend leases; one result, or a list for list input (see ``Queen.renew``)."""
        many = isinstance(target, Sequence) and not isinstance(target, (str, Mapping))
        leases = lease_ids(target if many else [target])
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 1
        ):
            raise client_validation_error(f"seconds must be an integer >= 1, got {seconds!r}")
        body: LeaseExtendRequest = {"seconds": seconds or DEFAULT_RENEW_SECONDS}
        results: list[RenewResult] = []
        for lease in leases:
            kwargs = ep.EXTEND_LEASE.request_kwargs(lease_id=lease, body=body)
            answer = await self.send(ep.EXTEND_LEASE, kwargs)
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
            return {
                "index": 0,
                "leaseId": "",
                "success": False,
                "error": "No valid lease IDs found for renewal",
            }
        return results[0]

    # --- traces, transactions, DLQ -----------------------------------------------------------
    async def trace(self, message: Mapping[str, Any], config: TraceConfig) -> TraceResult:
        """Record a trace event on ``message``; never raises (tracing must not break work)."""
        body = trace_body(message, config)
        if isinstance(body, str):
            return {"success": False, "error": body}
        try:
            answer = await self.send(ep.RECORD_TRACE, ep.RECORD_TRACE.request_kwargs(body=body))
        except QueenError as exc:
            _log.warn(
                "Message.trace",
                {"transactionId": body.get("transactionId"), "error": str(exc)},
            )
            return {"success": False, "error": str(exc)}
        if isinstance(answer, dict) and (answer.get("success") is False or answer.get("error")):
            return {"success": False, "error": str(answer.get("error"))}
        result: TraceResult = {"success": True}
        if isinstance(answer, dict):
            result.update(answer)  # type: ignore[typeddict-item]
        return result

    async def commit(
        self, operations: Sequence[TransactionAckOperation | TransactionPushOperation]
    ) -> Any:
        """Send a transaction; the raw answer (the builder interprets it)."""
        kwargs = ep.COMMIT_TRANSACTION.request_kwargs(body={"operations": list(operations)})
        return await self.send(ep.COMMIT_TRANSACTION, kwargs)

    async def dlq(self, options: DLQBuilderOptions) -> DLQResult:
        """One page of dead-lettered messages."""
        kwargs = ep.LIST_DLQ.request_kwargs(
            queue=options.queue,
            consumer_group=options.group,
            limit=options.limit,
            offset=options.offset or None,
        )
        return parse_dlq(await self.send(ep.LIST_DLQ, kwargs), options.limit, options.offset)


def report_close_failure(close_error: BaseException, body_error: BaseException) -> None:
    """Keep the body's exception, and make the failure of ``close()`` after it visible."""
    _log.error(
        "Queen.close",
        {
            "error": f"{type(close_error).__name__}: {close_error}",
            "whileHandling": repr(body_error),
        },
        exc_info=close_error,
    )
    note = f"while handling this, close() also failed: {type(close_error).__name__}: {close_error}"
    add_note = getattr(body_error, "add_note", None)  # Python 3.11+
    if add_note is not None:
        add_note(note)
