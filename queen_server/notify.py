"""Wake-ups for long-polling pops, inside one process and across processes.

After a push commits, the process that took it wakes its own waiters at once and sends
``pg_notify('queen_push', <queue>)`` (``PushNotifier``); each server process keeps one
connection LISTENing and wakes its local waiters for that queue. Waiters also re-check on a
short backoff, so messages that become visible by time alone (delayed processing, window
buffer, expired leases) are found without a push.

The notification is not sent inside the push transaction on purpose: PostgreSQL serialises
the commits of all notifying transactions (a database-wide lock held through the commit's
WAL flush), which would make concurrent pushes wait for each other's disk flushes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable

import asyncpg

from queen_server import db

log = logging.getLogger("queen_server.notify")

PUSH_CHANNEL = "queen_push"
CONFIG_CHANNEL = "queen_config"
STATE_CHANNEL = "queen_state"


class WaiterHub:
    """Per-queue wake-up events for parked pops."""

    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}
        self._closing = asyncio.Event()

    @property
    def closing(self) -> bool:
        return self._closing.is_set()

    def register(self, queue: str) -> asyncio.Event:
        event = asyncio.Event()
        self._waiters.setdefault(queue, set()).add(event)
        return event

    def unregister(self, queue: str, event: asyncio.Event) -> None:
        events = self._waiters.get(queue)
        if events is not None:
            events.discard(event)
            if not events:
                del self._waiters[queue]

    def wake(self, queue: str) -> None:
        for event in self._waiters.get(queue, ()):
            event.set()

    def wake_all(self) -> None:
        for events in self._waiters.values():
            for event in events:
                event.set()

    def close(self) -> None:
        """Release every waiter (server shutdown): they answer at once."""
        self._closing.set()
        self.wake_all()

    def waiting(self) -> int:
        return sum(len(e) for e in self._waiters.values())


class Listener:
    """Holds the LISTEN connection and reconnects it when it drops."""

    def __init__(
        self,
        dsn: str,
        hub: WaiterHub,
        on_config: Callable[[str], None],
        on_state: Callable[[str], None],
    ) -> None:
        self._dsn = dsn
        self._hub = hub
        self._on_config = on_config
        self._on_state = on_state
        self._task: asyncio.Task[None] | None = None
        self._conn: asyncpg.Connection | None = None
        self._stopped = asyncio.Event()
        self.connected = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="queen-listener")

    async def stop(self) -> None:
        self._stopped.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._conn is not None and not self._conn.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._conn.close(), 2)

    def _dispatch(self, _conn: object, _pid: int, channel: str, payload: str) -> None:
        if channel == PUSH_CHANNEL:
            self._hub.wake(payload)
        elif channel == CONFIG_CHANNEL:
            self._on_config(payload)
        elif channel == STATE_CHANNEL:
            self._on_state(payload)

    async def _run(self) -> None:
        delay = 0.1
        while not self._stopped.is_set():
            try:
                conn = await db.connect(self._dsn)
                self._conn = conn
                for channel in (PUSH_CHANNEL, CONFIG_CHANNEL, STATE_CHANNEL):
                    await conn.add_listener(channel, self._dispatch)
                closed = asyncio.Event()
                conn.add_termination_listener(lambda _conn, ev=closed: ev.set())
                self.connected.set()
                delay = 0.1
                # anything may have happened while we were not listening
                self._hub.wake_all()
                await closed.wait()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection refused, lost, ...
                log.warning("notification listener: %s; reconnecting", exc)
            self.connected.clear()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


class PushNotifier:
    """Sends ``queen_push`` notifications for committed pushes, coalesced, off the request path.

    Uses a connection of its own whose transactions commit asynchronously: they write no data,
    only notifications (which PostgreSQL never keeps across a crash anyway), so they need not
    wait for a disk flush. A failed send is logged and dropped: waiters re-check on their own
    backoff, so a lost notification only delays a wake-up.
    """

    #: at most one notification round trip per interval: a push right after a quiet spell is
    #: announced at once, pushes during a busy spell share one round trip (keeps cross-process
    #: wake-ups well within 100 ms while costing next to nothing under load)
    MIN_INTERVAL = 0.02

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._pending: set[str] = set()
        self._task: asyncio.Task[None] | None = None
        self._conn: asyncpg.Connection | None = None
        self._closed = False
        self._last_sent = -self.MIN_INTERVAL

    def pushed(self, queues: Iterable[str]) -> None:
        """Queue a notification for each of ``queues`` (call after the push committed)."""
        if self._closed:
            return
        self._pending.update(queues)
        if self._task is None and self._pending:
            self._task = asyncio.get_running_loop().create_task(
                self._send_pending(), name="queen-push-notifier"
            )

    async def _send_pending(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                wait = self._last_sent + self.MIN_INTERVAL - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                names = sorted(self._pending)
                self._pending.clear()
                self._last_sent = loop.time()
                await self._send(names)
        finally:
            self._task = None

    async def _send(self, names: list[str]) -> None:
        try:
            if self._conn is None or self._conn.is_closed():
                self._conn = await db.connect(self._dsn, synchronous_commit="off")
            await self._conn.execute(
                "SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n",
                PUSH_CHANNEL,
                names,
                timeout=5,
            )
        except (
            OSError,
            asyncio.TimeoutError,
            asyncpg.PostgresError,
            asyncpg.InterfaceError,
        ) as exc:
            log.warning("push notification for %d queue(s) not sent: %s", len(names), exc)
            if self._conn is not None:
                self._conn.terminate()
                self._conn = None

    async def close(self) -> None:
        """Send what is pending, then close the connection."""
        task = self._task
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(task), 5)
        self._closed = True
        if self._conn is not None and not self._conn.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._conn.close(), 2)
        self._conn = None
