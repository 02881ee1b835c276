"""Writing a batch of pushed messages: one call of ``queen.push_batch`` per batch.

Shared by ``POST /api/v1/push`` and the replay of pushes parked in maintenance mode. Items are
grouped by (queue, partition) here, so the database only locks and allocates per group, and
the per-item columns travel as one JSON document (see ``queen.push_items``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg
import orjson

from queen_server import ids, sql
from queen_server.lanes import Lanes

QUERIES = sql.queries("pushing")

PUSH_SQL = QUERIES["push"]
PUSH_ONE_SQL = QUERIES["push_one"]


class PushBatch:
    """Validated items, grouped by (queue, partition), in the form ``queen.push_batch`` takes.

    ``add`` items in request order (or fill the per-item columns directly, keeping ``counts``
    right), then ``write_batch``. Payloads are JSON-ready values (``orjson.Fragment`` for JSON
    text)."""

    __slots__ = (
        "_group_of",
        "counts",
        "encrypted",
        "given_txn",
        "groups",
        "msg_ids",
        "partitions",
        "payloads",
        "queues",
        "subs",
        "traces",
        "txns",
    )

    def __init__(self) -> None:
        self._group_of: dict[tuple[str, str], int] = {}
        # per (queue, partition) group
        self.queues: list[str] = []
        self.partitions: list[str] = []
        self.counts: list[int] = []
        # per item
        self.groups: list[int] = []
        #: None where the request gave none (``seal`` makes one)
        self.txns: list[str | None] = []
        self.traces: list[str | None] = []
        self.payloads: list[Any] = []
        # rare per-item values, by item index
        self.encrypted: dict[int, bool] = {}
        self.subs: dict[int, str] = {}
        # made by seal
        self.given_txn: list[bool] = []
        self.msg_ids: list[str] = []

    def __len__(self) -> int:
        return len(self.groups)

    def group(self, queue: str, partition: str) -> int:
        """The 1-based group of (queue, partition), created on first use."""
        key = (queue, partition)
        found = self._group_of.get(key)
        if found is None:
            self.queues.append(queue)
            self.partitions.append(partition)
            self.counts.append(0)
            found = self._group_of[key] = len(self.queues)
        return found

    def add(
        self,
        group: int,
        txn: str | None,
        trace: str | None,
        payload: Any,
        encrypted: bool = False,
        sub: str | None = None,
    ) -> None:
        """One item of ``group`` (from ``group()``); ``txn`` None: one is made by ``seal``.
        ``payload`` is any JSON-ready value (``orjson.Fragment`` for JSON text)."""
        if encrypted:
            self.encrypted[len(self.groups)] = True
        if sub is not None:
            self.subs[len(self.groups)] = sub
        self.counts[group - 1] += 1
        self.groups.append(group)
        self.txns.append(txn)
        self.traces.append(trace)
        self.payloads.append(payload)

    def queue_of(self, index: int) -> str:
        return self.queues[self.groups[index] - 1]

    def partition_of(self, index: int) -> str:
        return self.partitions[self.groups[index] - 1]

    def seal(self) -> None:
        """Give every item a fresh UUIDv7 message id, and a transactionId where it has none.

        Made transactionIds are UUIDv7s too: cheap to make, and they keep the (partition,
        transactionId) index growing at its right edge."""
        n = len(self.groups)
        self.given_txn = [txn is not None for txn in self.txns]
        missing = n - sum(self.given_txn)
        fresh = ids.uuid7_batch(n + missing)
        self.msg_ids = fresh[:n]
        if missing:
            made = iter(fresh[n:])
            self.txns = [txn if txn is not None else next(made) for txn in self.txns]

    def one_arguments(self) -> tuple[Any, ...]:
        """The arguments of the ``push_one`` statement, for a batch of one message."""
        return (
            self.queues[0],
            self.partitions[0],
            self.msg_ids[0],
            self.txns[0],
            self.traces[0],
            orjson.dumps(self.payloads[0]).decode(),
            self.encrypted.get(0, False),
            self.subs.get(0),
        )

    def arguments(self) -> tuple[list[str], list[str], list[int], str]:
        """The arguments of ``queen.push_batch``; columns holding only defaults are left out."""
        items: dict[str, Any] = {"txn": self.txns, "mid": self.msg_ids, "payload": self.payloads}
        count = range(len(self.groups))
        if any(self.traces):
            items["trace"] = self.traces
        if self.encrypted:
            items["enc"] = [self.encrypted.get(i, False) for i in count]
        if self.subs:
            items["sub"] = [self.subs.get(i) for i in count]
        if len(self.queues) > 1:
            items["group"] = self.groups
            taken = [0] * len(self.queues)
            ranks = []
            for group in self.groups:
                taken[group - 1] += 1
                ranks.append(taken[group - 1])
            items["rank"] = ranks
        return self.queues, self.partitions, self.counts, orjson.dumps(items).decode()


@dataclass(frozen=True)
class PushResult:
    """What the database decided: parked (maintenance mode) or written."""

    buffered: bool
    #: per group, the partition id as text (empty when buffered)
    partition_ids: list[str]
    #: 0-based item index → id of the message it duplicates
    duplicates: dict[int, str]


async def write_batch(
    conn: asyncpg.Connection | asyncpg.Pool | Lanes, batch: PushBatch
) -> PushResult:
    """Write (or park) ``batch`` in one transaction: one database call, two for a single
    message that the one-statement path leaves to ``queen.push_batch``."""
    if not batch.msg_ids:
        batch.seal()
    if len(batch.groups) == 1:
        partition_id = await _write_one(conn, batch)
        if partition_id is not None:
            return PushResult(False, [str(partition_id)], {})
    row = await conn.fetchrow(PUSH_SQL, *batch.arguments())
    assert row is not None
    if row["buffered"]:
        return PushResult(True, [], {})
    dup_items = row["dup_items"]
    duplicates = (
        {} if dup_items is None else dict(zip(dup_items, map(str, row["dup_ids"]), strict=True))
    )
    return PushResult(False, [str(p) for p in row["partition_ids"]], duplicates)


async def _write_one(conn: asyncpg.Connection | asyncpg.Pool | Lanes, batch: PushBatch) -> Any:
    """The single message of ``batch`` through ``push_one``: its partition id, or None when
    that statement leaves it to ``queen.push_batch`` (having changed nothing)."""
    try:
        return await conn.fetchval(PUSH_ONE_SQL, *batch.one_arguments())
    except asyncpg.UniqueViolationError:
        return None
