"""The per-process server state handed to every request handler as ``request.ctx``."""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass, field

import asyncpg

from queen_server import sql
from queen_server.auth import Authenticator
from queen_server.config import Settings
from queen_server.crypto import ENV_KEY, PayloadCipher
from queen_server.lanes import Lanes
from queen_server.limits import BodyBudget
from queen_server.notify import PushNotifier, WaiterHub
from queen_server.web import HTTPError

QUERIES = sql.queries("context")

ENCRYPTION_FLAGS_SQL = QUERIES["encryption_flags"]


@dataclass
class Counters:
    """Process-local counters for /metrics."""

    requests: int = 0
    messages_pushed: int = 0
    messages_popped: int = 0


@dataclass
class ServerContext:
    """Shared by all requests of one server process.

    ``pool`` is the asyncpg pool (use ``async with ctx.pool.acquire() as conn`` or the pool's
    ``fetch*`` shortcuts); ``hub`` wakes long-polling pops; ``cipher`` is set when
    QUEEN_ENCRYPTION_KEY is configured.
    """

    settings: Settings
    pool: asyncpg.Pool
    hub: WaiterHub
    cipher: PayloadCipher | None = None
    started_at: float = field(default_factory=time.monotonic)
    counters: Counters = field(default_factory=Counters)
    #: queue name → encryptionEnabled
    encryption_flags: dict[str, bool] = field(default_factory=dict)
    #: tells the other server processes about pushes (None: this process only)
    notifier: PushNotifier | None = None
    #: bytes of large request bodies held at once (``Limits.body_memory_bytes``)
    body_budget: BodyBudget = field(default_factory=lambda: BodyBudget(64 * 1024 * 1024))
    #: checks tokens when authentication is on
    auth: Authenticator | None = None
    #: connections kept for the one-statement hot paths (push, pop, ack); see ``lanes``
    lanes: Lanes | None = None

    def __post_init__(self) -> None:
        if self.lanes is None:
            # the pool keeps a few connections of its own for transactions and the jobs
            self.lanes = Lanes(self.pool, self.settings.pool_max - 4)

    @property
    def fast(self) -> Lanes:
        """The hot paths' connections (``Lanes``)."""
        assert self.lanes is not None
        return self.lanes

    def pushed(self, queues: Collection[str]) -> None:
        """Messages were committed to ``queues``: wake the long polls waiting for them, in
        this process at once and in the others by notification."""
        for queue in queues:
            self.hub.wake(queue)
        if self.notifier is not None:
            self.notifier.pushed(queues)

    def forget_queue(self, name: str) -> None:
        """Drop cached settings of a queue (after configure or delete, here or elsewhere)."""
        self.encryption_flags.pop(name, None)

    async def queues_to_encrypt(self, names: set[str]) -> set[str]:
        """Which of these queues store encrypted payloads.

        Raises ``HTTPError`` (500) when one of them does and this server has no key: nothing
        is ever stored in plaintext into an encrypted queue."""
        if not names:
            return set()
        unknown = [n for n in names if n not in self.encryption_flags]
        if unknown:
            rows = await self.pool.fetch(ENCRYPTION_FLAGS_SQL, unknown)
            found = {r["name"]: bool(r["encryption_enabled"]) for r in rows}
            for name in unknown:
                # a queue that does not exist yet is auto-created unencrypted by the push;
                # do not cache that answer: a configure may come first next time
                if name in found:
                    self.encryption_flags[name] = found[name]
            encrypted = {n for n in names if self.encryption_flags.get(n, found.get(n, False))}
        else:
            encrypted = {n for n in names if self.encryption_flags[n]}
        if encrypted and self.cipher is None:
            raise HTTPError(
                500,
                {
                    "error": f"queue {sorted(encrypted)[0]!r} stores encrypted payloads but "
                    f"this server has no {ENV_KEY}: refusing to store them in plaintext"
                },
            )
        return encrypted
