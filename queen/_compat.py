"""Compatibility shim: the one place in ``queen`` that may look at a specific event loop.

Everything else is written against anyio and never imports ``asyncio`` or ``trio``. Here we
*detect* whether the current thread is running an event loop, without importing a library the
program has not imported itself (if it is not imported, it is not running), and give the
blocking client a lean way into its own loop thread, which always runs asyncio: one
``run_coroutine_threadsafe`` hand-over per call instead of a portal's two.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

import anyio

T = TypeVar("T")


def running_event_loop() -> str | None:
    """``"asyncio"`` or ``"trio"`` when this thread is inside that event loop, else ``None``.

    Worker threads of a loop (``anyio.to_thread``, ``loop.run_in_executor``) are not inside it.
    """
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None and asyncio.events._get_running_loop() is not None:
        return "asyncio"
    trio = sys.modules.get("trio")
    if trio is not None and trio.lowlevel.in_trio_task():
        return "trio"
    return None


class CallCancelled(Exception):
    """A :class:`LoopCall` ended by ``cancel()`` before it finished."""


class LoopCall(Generic[T]):
    """A coroutine submitted to an asyncio loop from another thread.

    ``future`` resolves with its outcome; ``cancel()`` cancels it through an anyio cancel
    scope (so shielded clean-up inside still runs), even before it has started.
    """

    def __init__(self, loop: Any, func: Callable[..., Awaitable[T]], args: tuple[Any, ...]):
        import asyncio

        self._loop = loop
        self._scope: anyio.CancelScope | None = None
        self._cancelled = False
        # an empty context, not the caller's: the calling thread may carry another event
        # loop library's context variables (e.g. sniffio's, after trio.run)
        self.future: Future[T] = contextvars.Context().run(
            asyncio.run_coroutine_threadsafe, self._run(func, args), loop
        )

    async def _run(self, func: Callable[..., Awaitable[T]], args: tuple[Any, ...]) -> T:
        if not self._cancelled:
            with anyio.CancelScope() as self._scope:
                return await func(*args)
        raise CallCancelled

    def _cancel_on_loop(self) -> None:
        self._cancelled = True
        if self._scope is not None:
            self._scope.cancel()

    def cancel(self) -> None:
        """Ask the loop to cancel the call (returns at once)."""
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            self._loop.call_soon_threadsafe(self._cancel_on_loop)


def current_asyncio_loop() -> Any:
    """The running asyncio loop of this thread (the blocking client's own loop thread)."""
    import asyncio

    return asyncio.get_running_loop()
