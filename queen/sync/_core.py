"""The blocking client's core: the async core plus the loop thread that carries its calls.

``queen.sync.Queen``, its builders and its admin talk to one :class:`SyncCore` through these
methods: run a coroutine on the loop and wait (``run``), start one without waiting
(``start``), stage buffered pushes without a round trip (``stage_push``), and bind blocking
``trace`` functions to delivered messages.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .._core import ClientCore
from ._loop import Job, LoopThread, mark_handler_thread
from ._staging import PushStager

if TYPE_CHECKING:
    from .._config import ClientConfig
    from .._options import BufferSettings
    from ..types import TraceConfig, TraceResult
    from ._types import Message

T = TypeVar("T")


class SyncCore:
    """One blocking client's async core, loop thread and push stager."""

    def __init__(self, config: ClientConfig, name: str) -> None:
        self.core = ClientCore(config)
        self.loop = LoopThread(self.core, name=name)
        self.stager = PushStager(self.core.buffer_push)

    @property
    def config(self) -> ClientConfig:
        """The client's validated options."""
        return self.core.config

    def run(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        """``await func(*args)`` on the loop; block until it is done (Ctrl-C cancels it)."""
        return self.loop.call(what, func, *args)

    def start(self, what: str, func: Callable[..., Awaitable[T]], *args: Any) -> Job[T]:
        """Start ``func(*args)`` on the loop without waiting for it."""
        return self.loop.start(what, func, *args)

    def stage_push(
        self, queue: str, partition: str, encoded: list[bytes], settings: BufferSettings
    ) -> None:
        """Hand encoded buffered items to the loop without waiting for it (see ``_staging``)."""
        portal = self.loop.portal("push")
        self.stager.stage(queue, partition, encoded, settings, portal.start_task_soon)

    async def after_staged(self, func: Callable[[], Awaitable[T]]) -> T:
        """``await func()`` once every staged buffered push is in the buffers."""
        await self.stager.drain()
        return await func()

    def trace(self, message: Mapping[str, Any], config: TraceConfig) -> TraceResult:
        """Record a trace event on ``message``, blocking."""
        return self.run("trace", self.core.trace, message, config)

    def blocking_message(self, message: Any) -> Message:
        """``message`` with its ``trace`` made blocking (the message dict is updated)."""
        message["trace"] = functools.partial(self.trace, message)
        return cast("Message", message)

    def blocking_messages(self, messages: list[Any]) -> list[Message]:
        """Every message of ``messages`` with a blocking ``trace``."""
        trace = self.trace
        for message in messages:
            message["trace"] = functools.partial(trace, message)
        return messages

    def run_handler(self, handler: Callable[[Any], Any], argument: Any) -> Any:
        """Run a user's plain handler in the current (worker) thread, marked as such."""
        self.loop.handler_threads.add(threading.current_thread())
        mark_handler_thread(self)
        try:
            return handler(argument)
        finally:
            mark_handler_thread(None)
