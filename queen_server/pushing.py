"""Writing a batch of pushed messages: one call of ``queen.push_messages`` per batch.

Shared by ``POST /api/v1/push`` and the replay of pushes parked in maintenance mode. Items are
grouped by (queue, partition) here, so the database only locks and allocates per group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg

from queen_server import ids

PUSH_SQL = (
    "SELECT buffered, partition_ids, dup_items, dup_ids "
    "FROM queen.push_messages($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
)


class PushBatch:
    """Validated items as the column arrays ``queen.push_messages`` takes.

    ``add`` items in request order, turn ``payloads`` into JSON text, then ``write_batch``."""

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
        "ranks",
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
        self.ranks: list[int] = []
        self.txns: list[str | None] = []
        self.given_txn: list[bool] = []
        self.traces: list[str | None] = []
        #: JSON text by the time the batch is written
        self.payloads: list[Any] = []
        self.encrypted: list[bool] = []
        self.subs: list[str | None] = []
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
        """One item of ``group`` (from ``group()``); ``txn`` None: one is made by ``seal``."""
        rank = self.counts[group - 1] + 1
        self.counts[group - 1] = rank
        self.groups.append(group)
        self.ranks.append(rank)
        self.txns.append(txn)
        self.given_txn.append(txn is not None)
        self.traces.append(trace)
        self.payloads.append(payload)
        self.encrypted.append(encrypted)
        self.subs.append(sub)

    def queue_of(self, index: int) -> str:
        return self.queues[self.groups[index] - 1]

    def partition_of(self, index: int) -> str:
        return self.partitions[self.groups[index] - 1]

    def seal(self) -> None:
        """Give every item a fresh UUIDv7 message id, and a transactionId where it has none.

        Made transactionIds are UUIDv7s too: cheap to make, and they keep the (partition,
        transactionId) index growing at its right edge."""
        self.msg_ids = ids.uuid7_batch(len(self.groups))
        missing = self.given_txn.count(False)
        if missing:
            fresh = iter(ids.uuid7_batch(missing))
            self.txns = [txn if txn is not None else next(fresh) for txn in self.txns]

    def arguments(self) -> tuple[Any, ...]:
        return (
            self.queues,
            self.partitions,
            self.counts,
            self.groups,
            self.ranks,
            self.txns,
            self.traces,
            self.payloads,
            self.encrypted,
            self.msg_ids,
            self.subs,
        )


@dataclass(frozen=True)
class PushResult:
    """What the database decided: parked (maintenance mode) or written."""

    buffered: bool
    #: per group, the partition id as text (empty when buffered)
    partition_ids: list[str]
    #: 0-based item index → id of the message it duplicates
    duplicates: dict[int, str]


async def write_batch(conn: asyncpg.Connection | asyncpg.Pool, batch: PushBatch) -> PushResult:
    """Write (or park) ``batch`` in one database call and transaction."""
    if not batch.msg_ids:
        batch.seal()
    row = await conn.fetchrow(PUSH_SQL, *batch.arguments())
    assert row is not None
    if row["buffered"]:
        return PushResult(True, [], {})
    dup_items = row["dup_items"]
    duplicates = (
        {} if dup_items is None else dict(zip(dup_items, map(str, row["dup_ids"]), strict=True))
    )
    return PushResult(False, [str(p) for p in row["partition_ids"]], duplicates)
