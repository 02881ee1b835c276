"""``consume()``: a task group of workers that pop, run the handler, and acknowledge.

* ``concurrency`` workers each long-poll independently; the server hands each a different
  partition, so per-partition order is kept.
* ``limit`` is a total over all workers: a worker reserves budget before each pop.
* With ``auto_ack`` (default) a returning handler acks ``completed`` and a raising one acks
  ``failed`` with the exception text; retries and the DLQ are the server's job. Without it a
  raising handler stops the whole consumer and its error is re-raised by ``consume()``.
* Acks are shielded from cancellation and retried on connection errors, and their per-item
  results are checked. On cancellation, or when ``close()`` runs out of patience, the
  in-flight messages are released (ack ``retry``) so another consumer gets them at once.
* Pop failures (network, server) are logged and retried with backoff; they are never
  confused with handler failures. A rejected pop (authentication, validation) stops the
  consumer and ``consume()`` raises it.
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
from ._errors import QueenConnectionError, QueenError, QueenHandlerError, QueenServerError

if TYPE_CHECKING:
    from .client import Queen
    from .types import ConsumeResult, Message

Handler = Callable[[Any], Any]

ACK_ATTEMPTS = 5
RELEASE_TIMEOUT_SECONDS = 10.0
DEFAULT_RENEW_INTERVAL_MILLIS = 10_000


@dataclass
class ConsumeSettings:
    """Everything a consumer needs, resolved from a queue builder."""

    queue: str | None
    partition: str | None
    group: str | None
    namespace: str | None = None
    task: str | None = None
    batch: int = 1
    partitions: int | None = None
    concurrency: int = 1
    limit: int | None = None
    idle_millis: int | None = None
    auto_ack: bool = True
    wait: bool = True
    timeout_millis: int = 30_000
    renew_lease: bool = False
    renew_interval_millis: int | None = None
    each: bool = False
    subscription_mode: str | None = None
    subscription_from: str | None = None


@dataclass(eq=False)
class ConsumerRun:
    """Shared state of one ``consume()`` call; ``stop()`` asks it to finish gracefully."""

    settings: ConsumeSettings
    handler: Handler
    processed: int = 0
    failed: int = 0
    ack_failures: int = 0
    reserved: int = 0
    stopping: bool = False
    fatal: BaseException | None = None
    last_message_at: float = field(default_factory=time.monotonic)
    poll_scopes: set[anyio.CancelScope] = field(default_factory=set)
    cancel_scope: anyio.CancelScope | None = None
    done: anyio.Event | None = None

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
        limit = self.settings.limit
        if self.stopping:
            return 0
        if limit is None:
            return want
        available = limit - self.processed - self.reserved
        granted = max(0, min(want, available))
        self.reserved += granted
        return granted

    def give_back(self, count: int) -> None:
        if self.settings.limit is not None:
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


class Consumer:
    """Runs one ``consume()`` call to completion."""

    def __init__(self, queen: Queen, settings: ConsumeSettings, handler: Handler) -> None:
        self._queen = queen
        self.run = ConsumerRun(settings, handler)

    async def __call__(self) -> ConsumeResult:
        run = self.run
        run.done = anyio.Event()
        self._queen._consumers.add(run)
        try:
            async with anyio.create_task_group() as tg:
                run.cancel_scope = tg.cancel_scope
                for index in range(run.settings.concurrency):
                    tg.start_soon(self._worker, index, name=f"queen-consumer-{index}")
        finally:
            self._queen._consumers.discard(run)
            run.done.set()
        if run.fatal is not None:
            raise run.fatal
        return run.result()

    async def _worker(self, index: int) -> None:
        run, settings = self.run, self.run.settings
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
                        messages = await self._queen._pop_messages(
                            settings,
                            batch=want,
                            wait=settings.wait,
                            timeout_millis=self._poll_timeout(),
                        )
                    finally:
                        run.poll_scopes.discard(scope)
            except (QueenConnectionError, QueenServerError) as exc:
                run.give_back(want)
                failures += 1
                delay = min(10.0, 0.2 * 2 ** min(failures, 6))
                _log.warn(
                    "ConsumerManager.worker",
                    {"worker": index, "error": str(exc), "retryInSeconds": round(delay, 2)},
                )
                await anyio.sleep(delay)
                continue
            except QueenError as exc:  # rejected request (auth, validation): retrying cannot help
                run.give_back(want)
                if run.fatal is None:
                    run.fatal = exc
                run.stop()
                return
            failures = 0
            run.give_back(want - len(messages))
            if not messages:
                if self._idle_expired():
                    run.stop()
                    return
                if not settings.wait:
                    await anyio.sleep(0.1)
                continue
            run.last_message_at = time.monotonic()
            try:
                await self._process(messages)
            finally:
                run.give_back(len(messages))

    def _poll_timeout(self) -> int:
        settings = self.run.settings
        timeout = settings.timeout_millis
        if settings.idle_millis is not None:
            remaining = settings.idle_millis - (time.monotonic() - self.run.last_message_at) * 1000
            timeout = max(100, min(timeout, int(remaining)))
        return timeout

    def _idle_expired(self) -> bool:
        idle = self.run.settings.idle_millis
        return idle is not None and (time.monotonic() - self.run.last_message_at) * 1000 >= idle

    async def _process(self, messages: list[Message]) -> None:
        settings = self.run.settings
        if not settings.renew_lease:
            await self._dispatch(messages)
            return
        async with anyio.create_task_group() as renewers:
            renewers.start_soon(self._renew_loop, messages)
            try:
                await self._dispatch(messages)
            finally:
                renewers.cancel_scope.cancel()

    async def _dispatch(self, messages: list[Message]) -> None:
        settings = self.run.settings
        if settings.each or (settings.batch == 1 and len(messages) > 1):
            for position, message in enumerate(messages):
                if self.run.fatal is not None:
                    await self._release(messages[position:])
                    return
                if not await self._handle([message], message):
                    # A failed ack released the lease without moving past this message: the
                    # server redelivers it and everything after it, so stop this batch here.
                    return
        elif settings.batch == 1:
            await self._handle(messages, messages[0])
        else:
            await self._handle(messages, messages)

    async def _handle(self, messages: list[Message], argument: Any) -> bool:
        """Run the handler on ``messages`` and acknowledge; False when the lease was given up."""
        run = self.run
        try:
            await call_handler(run.handler, argument)
        except anyio.get_cancelled_exc_class():
            await self._release(messages)
            raise
        except Exception as exc:
            run.processed += len(messages)
            run.failed += len(messages)
            if run.settings.auto_ack:
                _log.warn(
                    "ConsumerManager.handler",
                    {"count": len(messages), "error": error_text(exc)},
                )
                results = await self._ack(messages, False, error_text(exc))
                return not any(r.get("leaseReleased") for r in results)
            else:
                if run.fatal is None:
                    fatal = QueenHandlerError(f"consume handler failed: {error_text(exc)}")
                    fatal.__cause__ = exc
                    run.fatal = fatal
                await self._release(messages)
                run.stop()
            return False
        run.processed += len(messages)
        if run.settings.auto_ack:
            await self._ack(messages, True, None)
        return True

    async def _ack(
        self, messages: list[Message], status: bool | str, error: str | None
    ) -> list[dict[str, Any]]:
        """Acknowledge, shielded from cancellation, retrying connection errors; check results.

        Returns the per-message results (empty when the ack could not be delivered).
        """
        context = {"error": error} if error is not None else None
        target: Any = messages[0] if len(messages) == 1 else messages
        with anyio.CancelScope(shield=True):
            for attempt in range(ACK_ATTEMPTS):
                try:
                    answer = await self._queen.ack(target, status, context)
                    break
                except QueenError as exc:
                    _log.warn(
                        "ConsumerManager.ack",
                        {"attempt": attempt + 1, "count": len(messages), "error": str(exc)},
                    )
                    if attempt == ACK_ATTEMPTS - 1:
                        self.run.ack_failures += len(messages)
                        return []
                    await anyio.sleep(min(5.0, 0.2 * 2**attempt))
        results: list[dict[str, Any]] = answer.get("results", [answer])
        failed = [r for r in results if not r.get("success")]
        if failed:
            self.run.ack_failures += len(failed)
            _log.warn(
                "ConsumerManager.ack",
                {"failed": len(failed), "errors": sorted({str(r.get("error")) for r in failed})},
            )
        return results

    async def _release(self, messages: list[Message]) -> None:
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
                    await self._queen.ack(message, "retry")
                except QueenError as exc:
                    _log.warn("ConsumerManager.release", {"error": str(exc)})

    async def _renew_loop(self, messages: list[Message]) -> None:
        settings = self.run.settings
        interval = settings.renew_interval_millis or DEFAULT_RENEW_INTERVAL_MILLIS
        seconds = max(5, math.ceil(3 * interval / 1000))
        while True:
            await anyio.sleep(interval / 1000)
            try:
                results = await self._queen.renew(list(messages), seconds=seconds)
            except QueenError as exc:
                _log.warn("ConsumerManager.renew", {"error": str(exc)})
                continue
            for result in results:
                if not result.get("success"):
                    _log.warn("ConsumerManager.renew", dict(result))
