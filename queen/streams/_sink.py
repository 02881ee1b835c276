"""The end of a pipeline: ``to(queue)`` (exactly once) or ``foreach(fn)`` (at least once).

``to``: every emitted value becomes a message of the sink queue, pushed in the same database
transaction as the state and the source ack. A dict value is the payload as is; any other
value is wrapped as ``{"value": v}``. The partition is ``partition=`` (a name, or a function
of the value), else the sink builder's partition, else the source message's partition.
Each message gets a transactionId derived from the query, the cycle and its position, so a
sink message is never stored twice.

``foreach``: ``fn(value, ctx)`` runs before the cycle commits; if it raises, nothing is
committed and the batch is delivered again (after the lease expires), so ``fn`` may see a
value more than once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._errors import QueenConfigError
from .._names import check_name
from ._fn import Fn, awaitable, user_fn


@dataclass(frozen=True, slots=True)
class Sink:
    """``to(queue, partition=...)``."""

    queue: str
    partition: str | Fn | None
    #: the client the sink builder belongs to (its URLs), to refuse a sink on another server
    urls: tuple[str, ...]

    async def partition_of(self, value: Any, source_partition: str) -> str:
        chosen = self.partition
        if chosen is None:
            return source_partition
        if isinstance(chosen, str):
            return chosen
        name = chosen.fn(value)
        if awaitable(name):
            name = await name
        return check_name("sink partition", str(name))

    def config(self) -> dict[str, Any]:
        return {"queue": self.queue}


@dataclass(frozen=True, slots=True)
class Foreach:
    """``foreach(fn)``."""

    fn: Fn

    def config(self) -> dict[str, Any]:
        return {}


def sink_op(
    queue: str, partition: Any, builder_partition: str | None, urls: tuple[str, ...]
) -> Sink:
    check_name("sink queue name", queue)
    chosen: str | Fn | None
    if partition is None:
        chosen = builder_partition
    elif isinstance(partition, str):
        chosen = check_name("sink partition", partition)
    elif callable(partition):
        chosen = user_fn(partition, "to(partition=...)", arguments=1)
    else:
        raise QueenConfigError(
            f"to(partition=...) takes a partition name or a function of the value, got {partition!r}"
        )
    return Sink(queue, chosen, urls)


def foreach_op(fn: Any) -> Foreach:
    return Foreach(user_fn(fn, "foreach()"))
