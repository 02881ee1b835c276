"""Buffered pushes handed from the calling threads to the loop without a round trip each.

A buffered ``push()`` only appends to a client-side buffer, so making the caller wait for the
loop thread to do that would cost more than the append itself. Instead the caller stages its
(already encoded, so validated) items here and returns; one drain task on the loop moves everything staged
into the async client's buffers, in order. The caller waits only when the backlog is large
(the buffers are bounded and ``push`` waits while they are full), and every flush, the buffer
statistics and ``close()`` drain first, so nothing staged is ever skipped or lost.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio

from .._options import BufferSettings

Add = Callable[[str, str, list[bytes], BufferSettings], Awaitable[None]]

MAX_STAGED_MESSAGES = 10_000


@dataclass
class _Entry:
    queue: str
    partition: str
    items: list[bytes]
    settings: BufferSettings
    done: threading.Event | None


class PushStager:
    """Staged buffered pushes of one client; ``drain()`` runs on the client's loop."""

    def __init__(self, add: Add, max_staged: int = MAX_STAGED_MESSAGES) -> None:
        self._add = add
        self._max = max_staged
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._staged = 0
        self._scheduled = False
        self._drain_lock: anyio.Lock | None = None

    @property
    def staged(self) -> int:
        """Messages staged and not yet in the async client's buffers."""
        return self._staged

    def stage(
        self,
        queue: str,
        partition: str,
        items: list[bytes],
        settings: BufferSettings,
        schedule: Callable[[Callable[[], Awaitable[None]]], object],
    ) -> None:
        """Stage ``items``; ``schedule(drain)`` starts a drain on the loop when none is due.

        Waits (for the loop to take this entry) only when the backlog is over the limit.
        """
        with self._lock:
            done = threading.Event() if self._staged >= self._max else None
            self._entries.append(_Entry(queue, partition, items, settings, done))
            self._staged += len(items)
            start = not self._scheduled
            self._scheduled = True
        if start:
            schedule(self.drain)
        if done is not None:
            done.wait()

    async def drain(self) -> None:
        """Move everything staged into the buffers, in staging order (on the loop)."""
        if self._drain_lock is None:
            self._drain_lock = anyio.Lock()
        async with self._drain_lock:
            while True:
                with self._lock:
                    entries, self._entries = self._entries, []
                    if not entries:
                        self._scheduled = False
                        return
                for position, entry in enumerate(entries):
                    try:
                        await self._add(entry.queue, entry.partition, entry.items, entry.settings)
                    except BaseException:
                        self._give_back(entries[position:])
                        raise
                    with self._lock:
                        self._staged -= len(entry.items)
                    if entry.done is not None:
                        entry.done.set()

    def _give_back(self, entries: list[_Entry]) -> None:
        """Keep entries a failed drain did not move (a later drain or close() sees them)."""
        with self._lock:
            self._entries[:0] = entries
            self._scheduled = False
        for entry in entries:
            if entry.done is not None:
                entry.done.set()  # do not leave the caller waiting on a loop that stopped
