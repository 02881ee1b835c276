"""The event loop behind the blocking client: one anyio loop in a daemon thread.

``LoopThread`` starts the loop (an anyio ``BlockingPortal``) on first use, enters the async
client's context there (so buffers get their background flushers), runs coroutines for the
calling threads, and on ``stop()`` leaves the context, stops the loop and joins its thread and
the handler threads it started. Every call from any thread goes through this one loop, which
is what makes a shared client thread-safe.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, wait
from contextlib import AbstractAsyncContextManager, ExitStack
from typing import Any, Generic, TypeVar

from anyio.from_thread import BlockingPortal, start_blocking_portal

from .._compat import CallCancelled, LoopCall, current_asyncio_loop, running_event_loop
from .._errors import QueenClosedError, QueenError

T = TypeVar("T")

BACKEND = "asyncio"
HANDLER_JOIN_SECONDS = 10.0
#: how long close() lets calls that other threads are waiting in (e.g. a long poll) finish
#: before it cancels them
IN_FLIGHT_GRACE_SECONDS = 10.0

_local = threading.local()


def in_handler_thread(client: object) -> bool:
    """True inside a ``consume()`` handler run by ``client``."""
    return getattr(_local, "handler_of", None) is client


def mark_handler_thread(client: object | None) -> None:
    """Record which client's handler this thread runs (``None``: none)."""
    _local.handler_of = client


def refuse_inside_event_loop(what: str) -> None:
    """Raise when called from a thread that runs an event loop (it would block that loop)."""
    library = running_event_loop()
    if library is not None:
        raise QueenError(
            f"queen.sync.Queen.{what} blocks, and it was called inside a running {library} "
            "event loop, which it would freeze. In async code use the async client: "
            "`from queen import Queen` and `await` its methods (same names and builders)."
        )


class Job(Generic[T]):
    """A coroutine running on the loop, which a blocking caller can wait for or cancel."""

    def __init__(self, portal: BlockingPortal, func: Callable[..., Awaitable[T]], *args: Any):
        self.finished = threading.Event()
        self.future: Future[T] = portal.start_task_soon(self._run, func, args)

    async def _run(self, func: Callable[..., Awaitable[T]], args: tuple[Any, ...]) -> T:
        try:
            return await func(*args)
        finally:
            self.finished.set()

    def cancel(self) -> None:
        """Cancel the coroutine (asynchronously: ``finished`` is set once it has unwound)."""
        self.future.cancel()

    def result(self) -> T:
        """Wait for the outcome (raises what the coroutine raised)."""
        return self.future.result()

    def wait(self) -> T:
        """Wait for the outcome; on Ctrl-C (or any interruption) cancel and wait for the unwind.

        The unwind lets running handlers finish and releases or acknowledges their messages;
        a second Ctrl-C stops waiting for that.
        """
        try:
            self.finished.wait()
        except BaseException:
            self.cancel()
            self.finished.wait()
            raise
        return self.future.result()


class LoopThread:
    """Owns the loop thread of one blocking client."""

    def __init__(self, client: AbstractAsyncContextManager[Any], name: str) -> None:
        self._client = client
        self._name = name
        self._lock = threading.Lock()
        self._portal: BlockingPortal | None = None
        self._stack: ExitStack | None = None
        self._pid = 0
        self._stopped = False
        self._asyncio_loop: Any = None
        self._in_flight: set[LoopCall[Any]] = set()
        self.thread: threading.Thread | None = None
        self.handler_threads: set[threading.Thread] = set()

    @property
    def started(self) -> bool:
        """True while the loop runs."""
        return self._portal is not None

    @property
    def stopped(self) -> bool:
        """True once ``stop()`` was called."""
        return self._stopped

    def portal(self, what: str) -> BlockingPortal:
        """The running portal, starting the loop on first use."""
        portal = self._portal
        if portal is not None and not self._stopped and self._pid == os.getpid():
            refuse_inside_event_loop(what)
            return portal
        with self._lock:
            if self._stopped:
                raise QueenClosedError("this Queen client is closed; create a new one")
            refuse_inside_event_loop(what)
            if self._portal is not None and self._pid != os.getpid():
                raise QueenError(
                    "this Queen client was started in another process (before a fork); "
                    "create the client in the process that uses it"
                )
            if self._portal is None:
                self._start()
            assert self._portal is not None
            return self._portal

    def _start(self) -> None:
        stack = ExitStack()
        try:
            portal = stack.enter_context(start_blocking_portal(BACKEND, name=self._name))
            self.thread = portal.call(threading.current_thread)
            self._asyncio_loop = portal.call(current_asyncio_loop)
            # on stop: the client closes, then calls still running end, then the loop stops
            stack.callback(self._finish_calls_in_flight)
            stack.enter_context(portal.wrap_async_context_manager(self._client))
        except BaseException:
            stack.close()
            raise
        self._stack = stack
        self._pid = os.getpid()
        self._portal = portal

    def call(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run ``await func(*args)`` on the loop and return its result.

        On Ctrl-C while waiting, the call is cancelled and ``KeyboardInterrupt`` propagates.
        """
        self.portal(what)  # refuses closed clients and running loops; starts the loop
        call = LoopCall(self._asyncio_loop, func, args)
        self._in_flight.add(call)
        call.future.add_done_callback(lambda _: self._in_flight.discard(call))
        try:
            return call.future.result()
        except CallCancelled:
            raise QueenClosedError(
                f"{what}() did not finish: the client was closed while it was running"
            ) from None
        except BaseException:
            call.cancel()
            raise

    def _finish_calls_in_flight(self) -> None:
        """Wait for calls other threads still run on the loop; cancel those that linger."""
        calls = list(self._in_flight)
        _, lingering = wait([c.future for c in calls], timeout=IN_FLIGHT_GRACE_SECONDS)
        for call in calls:
            if call.future in lingering:
                call.cancel()
        wait(lingering, timeout=HANDLER_JOIN_SECONDS)

    def call_sync(self, what: str, func: Callable[..., T], *args: Any) -> T:
        """Run the plain function ``func(*args)`` on the loop thread (to read loop state)."""
        return self.portal(what).call(func, *args)

    def start(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> Job[T]:
        """Start ``func(*args)`` on the loop without waiting for it."""
        return Job(self.portal(what), func, *args)

    def stop(self) -> None:
        """Leave the client's context (it closes), stop the loop, join every thread started.

        Idempotent; raises what the client's ``close()`` raised (e.g. undeliverable buffers).
        """
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            stack, self._stack = self._stack, None
        try:
            if stack is not None and self._pid == os.getpid():
                stack.close()
        finally:
            self._portal = None
            for thread in list(self.handler_threads):
                # anyio's worker threads exit once the loop has ended; wait for them.
                thread.join(HANDLER_JOIN_SECONDS)
            self.handler_threads.clear()
