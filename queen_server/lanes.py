"""Connections kept out of the pool for the one-statement hot paths (push, pop, ack).

``asyncpg.Pool.fetchrow`` costs about as much Python as the statement itself: a proxy object,
a weak set, holder bookkeeping and timers per acquire and release. ``Lanes`` borrows up to
``size`` connections from the pool once and keeps them: a statement takes an idle one from a
list and puts it back. A connection that breaks, or is left in an unknown state by a
cancelled statement, goes back to the pool (which replaces it); the next statement borrows
afresh. Everything that needs a connection for longer (transactions, advisory locks) keeps
using the pool, which always keeps connections beyond the borrowed ones.
"""

from __future__ import annotations

import asyncio
import collections
from typing import Any

import asyncpg


class Lanes:
    """``fetch``, ``fetchrow``, ``fetchval`` and ``execute`` on borrowed connections."""

    def __init__(self, pool: asyncpg.Pool, size: int) -> None:
        self._pool = pool
        self._size = max(size, 1)
        self._idle: list[Any] = []
        self._borrowed = 0
        self._waiters: collections.deque[asyncio.Future[Any]] = collections.deque()
        self._lending: set[asyncio.Task[None]] = set()  # the loop keeps only weak references
        self._closed = False

    async def _take(self) -> Any:
        if self._idle:
            return self._idle.pop()
        if self._borrowed < self._size and not self._closed:
            self._borrowed += 1
            try:
                return await self._pool.acquire()
            except BaseException:
                self._borrowed -= 1
                raise
        waiter: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            return await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._give(waiter.result())  # handed over just as this task was cancelled
            raise

    def _give(self, conn: Any) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(conn)
                return
        self._idle.append(conn)

    async def _return(self, conn: Any) -> None:
        """Back to the pool: broken, or in a state only the pool's clean-up restores."""
        self._borrowed -= 1
        try:
            await self._pool.release(conn)
        finally:
            # a waiter may now borrow a connection of its own
            while self._waiters and self._borrowed < self._size:
                waiter = self._waiters.popleft()
                if not waiter.done():
                    self._borrowed += 1
                    self._lend(waiter)
                    break

    def _lend(self, waiter: asyncio.Future[Any]) -> None:
        async def borrow() -> None:
            try:
                conn = await self._pool.acquire()
            except BaseException as exc:
                self._borrowed -= 1
                if not waiter.done():
                    waiter.set_exception(exc)
                return
            if waiter.done():
                self._give(conn)
            else:
                waiter.set_result(conn)

        task = asyncio.get_running_loop().create_task(borrow())
        self._lending.add(task)
        task.add_done_callback(self._lending.discard)

    async def _run(self, method: str, query: str, args: tuple[Any, ...]) -> Any:
        conn = await self._take()
        try:
            result = await getattr(conn, method)(query, *args)
        except asyncpg.PostgresError:
            # an error answer leaves the connection as it was (no transaction is open)
            if conn.is_closed() or conn.is_in_transaction():
                await self._return(conn)
            else:
                self._give(conn)
            raise
        except BaseException:
            await self._return(conn)
            raise
        if self._closed:
            await self._return(conn)
        else:
            self._give(conn)
        return result

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        rows: list[asyncpg.Record] = await self._run("fetch", query, args)
        return rows

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None:
        row: asyncpg.Record | None = await self._run("fetchrow", query, args)
        return row

    async def fetchval(self, query: str, *args: Any) -> Any:
        return await self._run("fetchval", query, args)

    async def execute(self, query: str, *args: Any) -> str:
        status: str = await self._run("execute", query, args)
        return status

    async def close(self) -> None:
        """Give every idle connection back to the pool (busy ones follow when done)."""
        self._closed = True
        idle, self._idle = self._idle, []
        for conn in idle:
            self._borrowed -= 1
            await self._pool.release(conn)
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_exception(asyncpg.InterfaceError("the server is shutting down"))
        self._waiters.clear()
