"""``consume()``: a task group of workers that pop, run the handler, and acknowledge.

* ``concurrency`` workers each long-poll independently; the server hands each a different
  partition, so per-partition order is kept.
* ``limit`` is a total over all workers: a worker reserves budget before each pop.
* With ``auto_ack`` (default) a returning handler acks ``completed`` and a raising one acks
  ``failed`` with the exception text; retries and the DLQ are the server's job. The exception
  is logged at ERROR with its traceback, queue, partition and transactionIds. Without
  ``auto_ack`` a raising handler stops the whole consumer and ``consume()`` re-raises it.
* Acks are shielded from cancellation and retried on connection errors, and their per-item
  results are checked. An ack whose earlier attempt may have reached the server before the
  connection broke is settled by the core (``settle_acks``) before a refusal of its repeat
  counts as a failure.
  On cancellation, or when ``close()`` runs out of patience, the in-flight messages are
  released (ack ``retry``) so another consumer gets them at once.
* Poll failures (network, server, unknown queue) are logged — rate-limited, with the server's
  URL and the next retry — and retried with backoff; they are never confused with handler
  failures. ``give_up_after_millis`` makes ``consume()`` raise once they last that long. A
  rejected pop (authentication, validation) stops the consumer and ``consume()`` raises it.
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio

from . import _log
from ._errors import (
    QueenConnectionError,
    QueenError,
    QueenHandlerError,
    QueenNotFoundError,
    QueenServerError,
)
from ._options import (
    DEFAULT_LONG_POLL_MILLIS,
    DEFAULT_RENEW_INTERVAL_MILLIS,
    PopRequest,
    QueueBuilderOptions,
)

if TYPE_CHECKING:
    from ._core import ClientCore
    from .types import AckResult, AckStatus, ConsumeResult, Message

Handler = Callable[[Any], Any]

ACK_ATTEMPTS = 5
RELEASE_TIMEOUT_SECONDS = 10.0
#: after the first warning, poll failures are logged at most this often (with a count)
POLL_WARNING_INTERVAL_SECONDS = 30.0
# polling errors worth retrying: the server may come back, the queue may be created
_TRANSIENT = (QueenConnectionError, QueenServerError, QueenNotFoundError)


@dataclass(frozen=True, slots=True)
class ConsumeSettings:
    """A ``consume()`` call's options with consume's defaults applied."""

    options: QueueBuilderOptions
    batch: int
    concurrency: int
    auto_ack: bool
    wait: bool
    timeout_millis: int

    @staticmethod
    def of(options: QueueBuilderOptions) -> ConsumeSettings:
        """Resolve ``options`` with consume's defaults (long-poll, ack after the handler)."""
        return ConsumeSettings(
            options=options,
            batch=options.batch or 1,
            concurrency=options.concurrency or 1,
            auto_ack=True if options.auto_ack is None else options.auto_ack,
            wait=True if options.wait is None else options.wait,
            timeout_millis=options.timeout_millis or DEFAULT_LONG_POLL_MILLIS,
        )


@dataclass(eq=False)
class ConsumerRun:
    """Shared state of one ``consume()`` call; ``stop()`` asks it to finish gracefully."""

    settings: ConsumeSettings
    handler: Handler
    done: anyio.Event
    processed: int = 0
    failed: int = 0
    ack_failures: int = 0
    reserved: int = 0
    stopping: bool = False
    fatal: BaseException | None = None
    last_message_at: float = field(default_factory=time.monotonic)
    poll_scopes: set[anyio.CancelScope] = field(default_factory=set)
    cancel_scope: anyio.CancelScope | None = None
    failing_since: float | None = None  # first poll failure since the last success
    poll_failures: int = 0
    last_warning_at: float = 0.0

    def stop(self) -> None:
        """Stop polling; handlers in progress finish and are acknowledged."""
        self.stopping = True
        for scope in list(self.poll_scopes):
            scope.cancel()

    def cancel(self) -> None:
        """Cancel everything now; in-flight messages are released."""
        self.stop()
        if self.cancel_scope is not None:
            self.cancel_scope.cancel()

    def reserve(self, want: int) -> int:
        limit = self.settings.options.limit
        if self.stopping:
            return 0
        if limit is None:
            return want
        available = limit - self.processed - self.reserved
        granted = max(0, min(want, available))
        self.reserved += granted
        return granted

    def give_back(self, count: int) -> None:
        if self.settings.options.limit is not None:
            self.reserved -= count

    def result(self) -> ConsumeResult:
        return {
            "processed": self.processed,
            "failed": self.failed,
            "ackFailures": self.ack_failures,
        }


def error_text(exc: BaseException) -> str:
    """The text sent with a failed ack: exception type and message."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def call_handler(handler: Handler, argument: Any) -> Any:
    """Call a coroutine function or a plain function (its awaitable result is awaited)."""
    result = handler(argument)
    if inspect.isawaitable(result):
        result = await result
    return result


def _where(run: ConsumerRun, messages: list[Message]) -> dict[str, Any]:
    """Queue, partition and transactionIds of ``messages``, for log lines."""
    first = messages[0]
    ids = [m.get("transactionId") for m in messages]
    return {
        "queue": run.settings.options.queue,
        "partition": first.get("partition"),
        "partitionId": first.get("partitionId"),
        "consumerGroup": first.get("consumerGroup"),
        "transactionIds": ids if len(ids) <= 10 else [*ids[:10], f"... {len(ids) - 10} more"],
    }


class Consumer:
    """Runs one ``consume()`` call to completion."""

    def __init__(self, core: ClientCore, options: QueueBuilderOptions, handler: Handler) -> None:
        self._core = core
        self._settings = ConsumeSettings.of(options)
        self._handler = handler
        self.run: ConsumerRun | None = None

    async def __call__(self) -> ConsumeResult:
        run = self.run = ConsumerRun(self._settings, self._handler, anyio.Event())
        self._core.add_consumer(run)
        try:
            async with anyio.create_task_group() as tg:
                run.cancel_scope = tg.cancel_scope
                for index in range(run.settings.concurrency):
                    tg.start_soon(self._worker, run, index, name=f"queen-consumer-{index}")
        finally:
            self._core.remove_consumer(run)
            run.done.set()
        if run.fatal is not None:
            raise run.fatal
        return run.result()

    async def _worker(self, run: ConsumerRun, index: int) -> None:
        settings = run.settings
        failures = 0
        while not run.stopping:
            want = run.reserve(settings.batch)
            if want == 0:
                return
            messages: list[Message] = []
            try:
                with anyio.CancelScope() as scope:
                    run.poll_scopes.add(scope)
                    try:
                        messages = await self._core.pop(
                            PopRequest.of(
                                settings.options,
                                batch=want,
                                wait=settings.wait,
                                timeout_millis=self._poll_timeout(run),
                                auto_ack=False,
                            )
                        )
                    finally:
                        run.poll_scopes.discard(scope)
            except _TRANSIENT as exc:
                run.give_back(want)
                failures += 1
                delay = min(10.0, 0.2 * 2 ** min(failures, 6))
                if self._poll_failed(run, index, exc, delay):
                    return
                await anyio.sleep(delay)
                continue
            except QueenError as exc:  # rejected request (auth, validation): retrying cannot help
                run.give_back(want)
                _log.error(
                    "ConsumerManager.worker",
                    {"worker": index, "queue": settings.options.queue, "error": str(exc)},
                )
                if run.fatal is None:
                    run.fatal = exc
                run.stop()
                return
            if failures:
                failures = 0
                self._poll_recovered(run)
            run.give_back(want - len(messages))
            if not messages:
                if self._idle_expired(run):
                    run.stop()
                    return
                if not settings.wait:
                    await anyio.sleep(0.1)
                continue
            run.last_message_at = time.monotonic()
            try:
                await self._process(run, messages)
            finally:
                run.give_back(len(messages))

    def _poll_failed(self, run: ConsumerRun, index: int, exc: QueenError, delay: float) -> bool:
        """Record and (rate-limited) log a failed poll; True when the consumer gives up."""
        now = time.monotonic()
        if run.failing_since is None:
            run.failing_since = now
        run.poll_failures += 1
        options = run.settings.options
        failing_for = now - run.failing_since
        give_up = options.give_up_after_millis
        if give_up is not None and failing_for * 1000 >= give_up:
            _log.error(
                "ConsumerManager.worker",
                {
                    "queue": options.queue,
                    "server": getattr(exc, "url", None),
                    "error": str(exc),
                    "failures": run.poll_failures,
                    "givingUpAfterMillis": give_up,
                },
            )
            if run.fatal is None:
                run.fatal = exc
            run.stop()
            return True
        if run.poll_failures == 1 or now - run.last_warning_at >= POLL_WARNING_INTERVAL_SECONDS:
            run.last_warning_at = now
            _log.warn(
                "ConsumerManager.worker",
                {
                    "worker": index,
                    "queue": options.queue,
                    "server": getattr(exc, "url", None),
                    "error": str(exc),
                    "failures": run.poll_failures,
                    "failingForSeconds": round(failing_for, 1),
                    "retryInSeconds": round(delay, 2),
                },
            )
        return False

    def _poll_recovered(self, run: ConsumerRun) -> None:
        if run.failing_since is None:
            return
        _log.info(
            "ConsumerManager.worker",
            {
                "queue": run.settings.options.queue,
                "recoveredAfterFailures": run.poll_failures,
                "failedForSeconds": round(time.monotonic() - run.failing_since, 1),
            },
        )
        run.failing_since = None
        run.poll_failures = 0

    def _poll_timeout(self, run: ConsumerRun) -> int:
        timeout = run.settings.timeout_millis
        idle = run.settings.options.idle_millis
        if idle is not None:
            remaining = idle - (time.monotonic() - run.last_message_at) * 1000
            timeout = max(100, min(timeout, int(remaining)))
        return timeout

    def _idle_expired(self, run: ConsumerRun) -> bool:
        idle = run.settings.options.idle_millis
        return idle is not None and (time.monotonic() - run.last_message_at) * 1000 >= idle

    async def _process(self, run: ConsumerRun, messages: list[Message]) -> None:
        if not run.settings.options.renew_lease:
            await self._dispatch(run, messages)
            return
        async with anyio.create_task_group() as renewers:
            renewers.start_soon(self._renew_loop, run, messages)
            try:
                await self._dispatch(run, messages)
            finally:
                renewers.cancel_scope.cancel()

    async def _dispatch(self, run: ConsumerRun, messages: list[Message]) -> None:
        settings = run.settings
        if settings.options.each or (settings.batch == 1 and len(messages) > 1):
            for position, message in enumerate(messages):
                if run.fatal is not None:
                    await self._release(run, messages[position:])
                    return
                if not await self._handle(run, [message], message):
                    # A failed ack released the lease without moving past this message: the
                    # server redelivers it and everything after it, so stop this batch here.
                    return
        elif settings.batch == 1:
            await self._handle(run, messages, messages[0])
        else:
            await self._handle(run, messages, messages)

    async def _handle(self, run: ConsumerRun, messages: list[Message], argument: Any) -> bool:
        """Run the handler on ``messages`` and acknowledge; False when the lease was given up."""
        try:
            await call_handler(run.handler, argument)
        except anyio.get_cancelled_exc_class():
            await self._release(run, messages)
            raise
        except Exception as exc:
            run.processed += len(messages)
            run.failed += len(messages)
            details = {**_where(run, messages), "count": len(messages), "error": error_text(exc)}
            if run.settings.auto_ack:
                details["action"] = "acknowledged as failed: the server retries or dead-letters"
                _log.error("ConsumerManager.handler", details, exc_info=exc)
                results = await self._ack(run, messages, False, error_text(exc))
                return not any(r.get("leaseReleased") for r in results)
            details["action"] = "released; consume() stops and raises QueenHandlerError"
            _log.error("ConsumerManager.handler", details, exc_info=exc)
            if run.fatal is None:
                fatal = QueenHandlerError(f"consume handler failed: {error_text(exc)}")
                fatal.__cause__ = exc
                run.fatal = fatal
            await self._release(run, messages)
            run.stop()
            return False
        run.processed += len(messages)
        if run.settings.auto_ack:
            await self._ack(run, messages, True, None)
        return True

    async def _ack(
        self, run: ConsumerRun, messages: list[Message], status: AckStatus, error: str | None
    ) -> list[AckResult]:
        """Acknowledge, shielded from cancellation, retrying connection errors; check results.

        Returns the per-message results (empty when the ack could not be delivered).
        """
        context = {"error": error} if error is not None else None
        target: Any = messages[0] if len(messages) == 1 else messages
        maybe_applied = False  # an earlier attempt may have reached the server
        with anyio.CancelScope(shield=True):
            for attempt in range(ACK_ATTEMPTS):
                try:
                    answer: Any = await self._core.ack(target, status, context)
                    break
                except QueenError as exc:
                    maybe_applied = maybe_applied or isinstance(exc, QueenConnectionError)
                    _log.warn(
                        "ConsumerManager.ack",
                        {
                            **_where(run, messages),
                            "attempt": attempt + 1,
                            "of": ACK_ATTEMPTS,
                            "error": str(exc),
                        },
                    )
                    if attempt == ACK_ATTEMPTS - 1:
                        run.ack_failures += len(messages)
                        _log.error(
                            "ConsumerManager.ack",
                            {
                                **_where(run, messages),
                                "error": f"gave up after {ACK_ATTEMPTS} attempts: {exc}",
                                "consequence": "the messages are redelivered after their lease",
                            },
                        )
                        return []
                    await anyio.sleep(min(5.0, 0.2 * 2**attempt))
            results: list[AckResult] = answer.get("results", [answer])
            if maybe_applied:
                state = "completed" if status is True else "failed"
                results = await self._core.settle_acks(messages, results, [state] * len(messages))
        failed = [(m, r) for m, r in zip(messages, results, strict=False) if not r.get("success")]
        if failed:
            run.ack_failures += len(failed)
            _log.warn(
                "ConsumerManager.ack",
                {
                    **_where(run, [m for m, _ in failed]),
                    "failed": len(failed),
                    "errors": sorted({str(r.get("error")) for _, r in failed}),
                },
            )
        return results

    async def _release(self, run: ConsumerRun, messages: list[Message]) -> None:
        """Give the lease back (ack ``retry`` once per partition) so nothing waits for expiry."""
        firsts: dict[str, Message] = {}
        for message in messages:
            if message.get("leaseId"):
                firsts.setdefault(message["partitionId"], message)
        if not firsts:
            return
        with anyio.CancelScope(shield=True), anyio.move_on_after(RELEASE_TIMEOUT_SECONDS):
            for message in firsts.values():
                try:
                    await self._core.ack(message, "retry")
                except QueenError as exc:
                    _log.warn(
                        "ConsumerManager.release",
                        {
                            **_where(run, [message]),
                            "error": str(exc),
                            "consequence": "redelivered when the lease expires",
                        },
                    )

    async def _renew_loop(self, run: ConsumerRun, messages: list[Message]) -> None:
        interval = run.settings.options.renew_interval_millis or DEFAULT_RENEW_INTERVAL_MILLIS
        seconds = max(5, math.ceil(3 * interval / 1000))
        while True:
            await anyio.sleep(interval / 1000)
            try:
                results = await self._core.renew(list(messages), seconds=seconds)
            except QueenError as exc:
                _log.warn("ConsumerManager.renew", {**_where(run, messages), "error": str(exc)})
                continue
            assert isinstance(results, list)
            for result in results:
                if not result.get("success"):
                    _log.warn("ConsumerManager.renew", {**_where(run, messages), **result})
