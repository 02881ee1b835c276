"""The ``sync`` flavour: ``queen.sync.Queen`` driven through the async API's shape.

The scenarios are written once, against ``await queen...``. This driver hands them a proxy of
a blocking client: wherever the async API has a coroutine method, the proxy returns a
coroutine that runs the blocking method in a worker thread; plain methods and properties are
passed through. Which is which comes from the async classes themselves, so a method missing
from the blocking API fails the scenarios that use it.

Handlers given to ``consume()`` run in the blocking client's handler threads and call back
into the test's event loop (through a portal) to run the scenario's handler there; messages
get an awaitable ``trace`` around the blocking one. Cancelling a ``consume()`` coroutine
cancels the blocking consumer as Ctrl-C would, then interrupts the scenario handlers still
running, which the blocking consumer then releases.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

import anyio
import anyio.to_thread
from anyio.from_thread import BlockingPortal

import queen
import queen.sync

ASYNC_TWIN: dict[type, type] = {
    queen.sync.Queen: queen.Queen,
    queen.sync.QueueBuilder: queen.QueueBuilder,
    queen.sync.DLQBuilder: queen.DLQBuilder,
    queen.sync.TransactionBuilder: queen.TransactionBuilder,
    queen.sync.Admin: queen.Admin,
}


class HandlerInterrupted(Exception):
    """A scenario handler was cancelled because its consumer was."""


class Session:
    """What the proxies of one client share: the test loop's portal and a helper thread."""

    def __init__(self, portal: BlockingPortal, helper: ThreadPoolExecutor) -> None:
        self.portal = portal
        self.helper = helper
        self.handler_scopes: set[anyio.CancelScope] = set()

    def wrap(self, value: Any) -> Any:
        if type(value) in ASYNC_TWIN:
            return Driven(value, self)
        if isinstance(value, list):
            for item in value:
                self.awaitable_trace(item)
        return value

    def awaitable_trace(self, message: Any) -> Any:
        if isinstance(message, dict) and callable(message.get("trace")):
            blocking = message["trace"]

            async def trace(config: Any) -> Any:
                return await anyio.to_thread.run_sync(blocking, config)

            message["trace"] = trace
        return message

    def blocking_handler(self, handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """A plain function for the blocking consumer that runs ``handler`` in the test loop."""

        async def in_test_loop(argument: Any) -> Any:
            if isinstance(argument, list):
                for message in argument:
                    self.awaitable_trace(message)
            else:
                self.awaitable_trace(argument)
            with anyio.CancelScope() as scope:
                self.handler_scopes.add(scope)
                try:
                    result = handler(argument)
                    if inspect.isawaitable(result):
                        result = await result
                    return result
                finally:
                    self.handler_scopes.discard(scope)
            raise HandlerInterrupted("the consumer was cancelled while this handler ran")

        def blocking(argument: Any) -> Any:
            return self.portal.call(in_test_loop, argument)

        return blocking

    async def consume(self, builder: queen.sync.QueueBuilder, handler: Any) -> Any:
        job = await anyio.to_thread.run_sync(builder._start_consume, self.blocking_handler(handler))
        try:
            await anyio.to_thread.run_sync(job.finished.wait, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            # As Ctrl-C does: cancel the consumer first, so that a handler interrupted next
            # has its messages released rather than failed.
            job.cancel()
            for scope in list(self.handler_scopes):
                scope.cancel()
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(job.finished.wait)
            raise
        return await anyio.to_thread.run_sync(job.result)


class Driven:
    """A blocking client object seen through the async API's shape."""

    def __init__(self, target: Any, session: Session) -> None:
        self._target = target
        self._session = session

    def __getattr__(self, name: str) -> Any:
        target, session = self._target, self._session
        twin = ASYNC_TWIN[type(target)]
        spec = inspect.getattr_static(twin, name, None)
        if name == "_core" and isinstance(target, queen.sync.Queen):
            # internals the scenarios peek at (e.g. the transport's request counters)
            return target._sync.core
        value = getattr(target, name)
        if name == "consume" and isinstance(target, queen.sync.QueueBuilder):
            return functools.partial(session.consume, target)
        if inspect.iscoroutinefunction(spec):

            async def blocking_in_thread(*args: Any, **kwargs: Any) -> Any:
                call = functools.partial(value, *args, **kwargs)
                return session.wrap(await anyio.to_thread.run_sync(call))

            return blocking_in_thread
        if callable(value):

            def plain(*args: Any, **kwargs: Any) -> Any:
                # Off the test loop's thread: the blocking client refuses to run inside a loop.
                return session.wrap(session.helper.submit(value, *args, **kwargs).result())

            return plain
        return session.wrap(value)


@asynccontextmanager
async def connect_sync(url: Any, **options: Any) -> AsyncIterator[Any]:
    """``async with connect_sync(url) as queen`` — a blocking client behind the async shape."""
    client = await anyio.to_thread.run_sync(functools.partial(queen.sync.Queen, url, **options))
    await anyio.to_thread.run_sync(client.__enter__)
    with ThreadPoolExecutor(1, thread_name_prefix="sync-driver") as helper:
        async with BlockingPortal() as portal:
            try:
                yield Driven(client, Session(portal, helper))
            finally:
                with anyio.CancelScope(shield=True):
                    await anyio.to_thread.run_sync(client.close)
