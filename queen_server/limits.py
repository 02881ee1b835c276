"""Request limits enforced in the ASGI layer: JSON nesting and memory held by large bodies.

The limits on the request head (size, count, time) are enforced in the HTTP protocol
(``queen_server.protocol``); body size and time in ``web.Request.body``.
"""

from __future__ import annotations

import asyncio

import orjson

#: orjson refuses to serialise deeper than this (and so would every answer or stored payload)
ORJSON_DUMPS_DEPTH = 254
#: a body may grow this large before it needs room in the shared ``BodyBudget``
LARGE_BODY_BYTES = 64 * 1024


def too_deep(raw: bytes, value: object, limit: int) -> bool:
    """Whether the parsed JSON ``value`` (of ``raw``) nests arrays and objects more than
    ``limit`` levels deep.

    Cheap on the hot path: a body with at most ``limit`` brackets cannot be too deep (two
    byte counts); otherwise orjson serialises the value wrapped in enough lists to hit its own
    fixed depth limit exactly when the value is deeper than ``limit`` (in C, a few percent of
    the parse time)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    wrapped = value
    for _ in range(ORJSON_DUMPS_DEPTH - limit):
        wrapped = [wrapped]
    try:
        orjson.dumps(wrapped)
    except TypeError as exc:
        if "Recursion limit" in str(exc):
            return True
        raise
    return False


class BodyBudget:
    """Bytes of large request bodies one process holds at once.

    A request whose body grows past ``LARGE_BODY_BYTES`` reserves the body's whole size and
    gives it back when its answer is sent; while the budget is spent, further large bodies wait
    (the connection is not read, so TCP slows the sender down)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.used = 0
        self._freed = asyncio.Condition()

    async def reserve(self, size: int, timeout: float) -> bool:
        """Take ``size`` bytes, waiting up to ``timeout`` seconds; False if there was no room."""
        size = min(size, self.capacity)
        async with self._freed:
            if self.used + size <= self.capacity:
                self.used += size
                return True
            try:
                await asyncio.wait_for(
                    self._freed.wait_for(lambda: self.used + size <= self.capacity), timeout
                )
            except asyncio.TimeoutError:
                return False
            self.used += size
            return True

    async def release(self, size: int) -> None:
        size = min(size, self.capacity)
        async with self._freed:
            self.used -= size
            self._freed.notify_all()
