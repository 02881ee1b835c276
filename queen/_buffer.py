"""Client-side push buffers: one bounded buffer per (queue, partition).

A buffer is flushed when it holds ``message_count`` messages, when its oldest message is
``time_millis`` old, on ``flush_buffer()`` / ``flush_all_buffers()`` and on ``close()``.
Messages are encoded (and so validated) by ``push()`` before they enter a buffer, so a flush
can only fail for transport or server reasons. Messages leave a buffer only once the server
has stored them: a failed flush keeps them, in order, counts the failure, logs it and retries
(the client-generated transactionIds make the retry idempotent). A background flusher never
raises into the caller's task group. ``push`` waits while a buffer is full (``max_messages``).

Inside ``async with Queen(...)`` each buffer has a background flusher task; without the
context manager, the pushing task flushes by itself when a buffer is full or old enough.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
import orjson
from anyio.abc import TaskGroup

from . import _log
from ._errors import QueenConfigError, QueenError, QueenServerError
from ._options import BufferSettings
from .types import BufferOptions, BufferStats, PushResult

Sender = Callable[[str, str, list[bytes]], Awaitable[list[PushResult]]]

DEFAULT_MESSAGE_COUNT = 100
DEFAULT_TIME_MILLIS = 1000
MIN_MAX_MESSAGES = 10_000
MAX_RETRY_DELAY_SECONDS = 10.0
_OPTIONS = frozenset({"message_count", "time_millis", "max_messages"})


def buffer_settings(options: BufferOptions | None) -> BufferSettings:
    """The settings of ``buffer(options)`` with defaults, validated (remembered: builders are
    often made per push with the same options)."""
    try:
        key = tuple(options.items()) if options else ()
        known = _KNOWN_SETTINGS.get(key)
    except (AttributeError, TypeError):  # not a dict, or unhashable values: validate below
        key, known = None, None
    if known is not None:
        return known
    settings = _buffer_settings(options)
    if key is not None and len(_KNOWN_SETTINGS) < 1000:
        _KNOWN_SETTINGS[key] = settings
    return settings


_KNOWN_SETTINGS: dict[tuple[Any, ...], BufferSettings] = {}


def _buffer_settings(options: BufferOptions | None) -> BufferSettings:
    options = options or {}
    if not isinstance(options, dict) or not _OPTIONS.issuperset(options):
        unknown = sorted(set(options) - _OPTIONS) if isinstance(options, dict) else [options]
        raise QueenConfigError(
            f"unknown buffer option {unknown[0]!r}; known: message_count, time_millis, max_messages"
        )
    count = options.get("message_count", DEFAULT_MESSAGE_COUNT)
    millis = options.get("time_millis", DEFAULT_TIME_MILLIS)
    for key, value in (("message_count", count), ("time_millis", millis)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise QueenConfigError(f"buffer option {key} must be an integer >= 1, got {value!r}")
    maximum = options.get("max_messages", max(MIN_MAX_MESSAGES, 10 * count))
    if isinstance(maximum, bool) or not isinstance(maximum, int) or maximum < count:
        raise QueenConfigError(
            f"buffer option max_messages must be an integer >= message_count ({count}), "
            f"got {maximum!r}"
        )
    return BufferSettings(count, millis, maximum)


@dataclass(eq=False)
class _Buffer:
    queue: str
    partition: str
    settings: BufferSettings
    items: list[bytes] = field(default_factory=list)  # encoded wire items, oldest first
    first_at: float | None = None
    lock: anyio.Lock | None = None
    wake: anyio.Event | None = None
    space: anyio.Event | None = None
    flusher_running: bool = False
    error: BaseException | None = None

    def due(self, now: float) -> bool:
        return bool(self.items) and (
            len(self.items) >= self.settings.message_count
            or (
                self.first_at is not None
                and (now - self.first_at) * 1000 >= self.settings.time_millis
            )
        )


class BufferManager:
    """All buffers of one client."""

    def __init__(self, sender: Sender, retry_delay_millis: int = 1000) -> None:
        self._send = sender
        self._buffers: dict[tuple[str, str], _Buffer] = {}
        self._task_group: TaskGroup | None = None
        self._retry_delay = retry_delay_millis / 1000
        self.flushes = 0
        self.failed_flushes = 0

    def attach(self, task_group: TaskGroup | None) -> None:
        """Run background flushers in ``task_group`` (None: pushing tasks flush inline)."""
        self._task_group = task_group
        for buffer in self._buffers.values():
            buffer.flusher_running = False
            if task_group is not None and buffer.items:
                self._start_flusher(buffer)

    async def add(
        self, queue: str, partition: str, items: list[bytes], settings: BufferSettings
    ) -> None:
        """Buffer encoded ``items``, waiting while the buffer is full."""
        key = (queue, partition)
        buffer = self._buffers.get(key)
        if buffer is None:
            buffer = self._buffers[key] = _Buffer(queue, partition, settings)
        limit = buffer.settings.max_messages
        while buffer.items and len(buffer.items) + len(items) > limit:
            await self._wait_for_space(buffer)
        was_below = len(buffer.items) < buffer.settings.message_count
        if not buffer.items:
            buffer.first_at = time.monotonic()
        buffer.items.extend(items)
        if self._task_group is None:
            if buffer.due(time.monotonic()):
                await self._flush_due(buffer)
            return
        if not buffer.flusher_running:
            self._start_flusher(buffer)
        elif was_below and len(buffer.items) >= buffer.settings.message_count and buffer.wake:
            buffer.wake.set()
            await anyio.lowlevel.checkpoint()  # let the flusher start sending

    async def _wait_for_space(self, buffer: _Buffer) -> None:
        if self._task_group is None:
            await self._flush_one(buffer)
            return
        if not buffer.flusher_running:
            self._start_flusher(buffer)
        if buffer.space is None or buffer.space.is_set():
            buffer.space = anyio.Event()
        if buffer.wake is not None:
            buffer.wake.set()
        await buffer.space.wait()

    def _start_flusher(self, buffer: _Buffer) -> None:
        assert self._task_group is not None
        buffer.flusher_running = True
        self._task_group.start_soon(self._flusher, buffer, name=f"queen-buffer-{buffer.queue}")

    async def _flusher(self, buffer: _Buffer) -> None:
        """Background loop of one buffer: flush when due, retry failures with backoff.

        Never raises: a failure keeps the messages (counted and logged by ``_flush_one``),
        so it must not cancel the task group the application's code runs in.
        """
        failures = 0
        try:
            while buffer.items:
                now = time.monotonic()
                if not buffer.due(now):
                    buffer.wake = anyio.Event()
                    assert buffer.first_at is not None
                    wait = buffer.settings.time_millis / 1000 - (now - buffer.first_at)
                    with anyio.move_on_after(max(wait, 0)):
                        await buffer.wake.wait()
                    continue
                try:
                    await self._flush_one(buffer)
                    failures = 0
                except Exception:
                    failures += 1
                    delay = self._retry_delay * 2 ** min(failures, 4)
                    await anyio.sleep(min(MAX_RETRY_DELAY_SECONDS, delay))
        finally:
            buffer.flusher_running = False

    async def _flush_due(self, buffer: _Buffer) -> None:
        while buffer.due(time.monotonic()):
            await self._flush_one(buffer)

    async def _flush_one(self, buffer: _Buffer) -> None:
        """Send the oldest chunk of ``buffer``; drop it from the buffer only on success."""
        if buffer.lock is None:
            buffer.lock = anyio.Lock()
        async with buffer.lock:
            chunk = buffer.items[: buffer.settings.message_count]
            if not chunk:
                return
            try:
                results = await self._send(buffer.queue, buffer.partition, chunk)
                failed = [r for r in results if r.get("status") == "failed"]
                if failed:
                    raise QueenServerError(
                        f"push: the server failed to store {len(failed)} of {len(chunk)} "
                        f"items ({failed[0].get('error') or 'no reason given'})",
                        status=200,
                        body=results,
                    )
            except Exception as exc:
                self.failed_flushes += 1
                buffer.error = exc
                expected = isinstance(exc, QueenError)
                _log.log_event(
                    _log.WARNING if expected else _log.ERROR,
                    "BufferManager.flush",
                    {
                        "queue": buffer.queue,
                        "partition": buffer.partition,
                        "count": len(chunk),
                        "error": f"{type(exc).__name__}: {exc}",
                        "kept": len(buffer.items),
                    },
                    exc_info=None if expected else exc,
                )
                raise
            del buffer.items[: len(chunk)]
            buffer.error = None
            self.flushes += 1
            if not buffer.items:
                buffer.first_at = None
            if buffer.space is not None:
                buffer.space.set()
            _log.debug(
                "BufferManager.flush",
                {"queue": buffer.queue, "partition": buffer.partition, "count": len(chunk)},
            )

    async def flush(self, queue: str | None = None, partition: str | None = None) -> None:
        """Send everything buffered (for one queue / partition, or all); raise on failure."""
        for (q, p), buffer in list(self._buffers.items()):
            if (queue is None or q == queue) and (partition is None or p == partition):
                while buffer.items:
                    await self._flush_one(buffer)

    def pending(self) -> int:
        """Messages not yet stored by the server."""
        return sum(len(b.items) for b in self._buffers.values())

    def last_error(self) -> BaseException | None:
        """The most recent flush failure of a buffer that still holds messages."""
        for buffer in self._buffers.values():
            if buffer.items and buffer.error is not None:
                return buffer.error
        return None

    def take_unflushed(self) -> list[dict[str, Any]]:
        """Remove and return every buffered message as its wire item, oldest first per buffer.

        Each item has ``queue``, ``partition``, ``payload``, ``transactionId`` (and ``traceId``
        when set): pushing it again with the same transactionId cannot store it twice.
        """
        taken: list[dict[str, Any]] = []
        for buffer in self._buffers.values():
            taken.extend(orjson.loads(item) for item in buffer.items)
            buffer.items.clear()
            buffer.first_at = None
            if buffer.space is not None:
                buffer.space.set()
        return taken

    def stats(self) -> BufferStats:
        """Counters for ``get_buffer_stats()`` (``oldestBufferAge`` in milliseconds)."""
        now = time.monotonic()
        active = [b for b in self._buffers.values() if b.items]
        oldest = max(
            ((now - b.first_at) * 1000 for b in active if b.first_at is not None), default=0.0
        )
        return {
            "activeBuffers": len(active),
            "totalBufferedMessages": sum(len(b.items) for b in active),
            "oldestBufferAge": oldest,
            "flushesPerformed": self.flushes,
            "failedFlushes": self.failed_flushes,
        }
