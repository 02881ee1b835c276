"""The one source of every name a README fragment uses without defining it.

A fragment such as ``await queen.ack(message, True)`` needs a client and a message: the
client is a real one on the test server (recording its requests), the message a real one,
popped from a seeded queue by that same client, so its lease and its ``trace`` function are
the ones a reader's code would hold. The reader's own functions (``charge``, ``ship``, ...)
are recorders, so a test can tell what a block handed them. Only the names a block uses are
made (and only then is the seeded queue popped).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

import anyio.to_thread

import queen
import queen.sync

from .process_support import recorders

#: What ``message``, ``m1`` and ``m2`` are: one order per partition of ``orders``, so each
#: holds a lease of its own (acking one never touches the others').
ORDERS = (
    ("customer-1", {"orderId": 1, "amount": 99.9}),
    ("customer-2", {"orderId": 2, "amount": 15.0}),
    ("customer-3", {"orderId": 3, "amount": 42.5}),
)
MESSAGE_NAMES = ("message", "m1", "m2")
#: What ``stream`` yields: the events of the buffered-push example.
STREAM = tuple({"clicked": "buy", "n": n} for n in range(120))

PLAIN = ("pending", "stream", "my_context", "Queen")
KNOWN = frozenset(
    {
        "queen",
        *MESSAGE_NAMES,
        "partition_id",
        "transaction_id",
        *PLAIN,
        *recorders(asynchronous=False),
    }
)


def recording_client_class(built: list[Any]) -> type[queen.Queen]:
    """``queen.Queen`` that keeps every client a block builds (for ``construct`` blocks)."""

    class Queen(queen.Queen):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            built.append(self)

    return Queen


class Placeholders:
    """Builds a block's placeholders for one flavour (``asyncio``, ``trio`` or ``sync``).

    ``client`` is the block's ``queen`` (async, or blocking for ``sync``); ``server`` a
    separate async client that seeds data without being recorded.
    """

    def __init__(self, flavour: str, client: Any, server: queen.Queen) -> None:
        self.flavour = flavour
        self.client = client
        self.server = server
        self.values: dict[str, Any] = {}
        self.built: list[Any] = []  # clients made by a ``construct`` block
        self.recorders = recorders(asynchronous=flavour != "sync")

    async def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run one of the block's client calls: awaited, or in a thread for ``sync``."""
        if self.flavour == "sync":
            return await anyio.to_thread.run_sync(lambda: function(*args))
        return await function(*args)

    async def build(self, names: set[str]) -> dict[str, Any]:
        """The values of ``names``; a name nothing here defines fails the test, named."""
        unknown = sorted(names - KNOWN)
        if unknown:
            raise AssertionError(
                f"the block uses {', '.join(unknown)} without defining it, and the placeholder "
                f"fixture does not define it either (it knows {', '.join(sorted(KNOWN))})"
            )
        if names & {*MESSAGE_NAMES, "partition_id", "transaction_id"}:
            await self._messages()
        self.values["queen"] = self.client
        self.values["pending"] = []
        self.values["stream"] = [dict(event) for event in STREAM]
        self.values["my_context"] = ssl.create_default_context()
        self.values["Queen"] = recording_client_class(self.built)
        self.values.update(self.recorders)
        return {name: self.values[name] for name in names}

    async def _messages(self) -> None:
        for partition, data in ORDERS:
            await self.server.queue("orders").partition(partition).push([{"data": data}])
        for name, (partition, _) in zip(MESSAGE_NAMES, ORDERS, strict=True):
            pop = self.client.queue("orders").partition(partition).pop
            (self.values[name],) = await self.call(pop)
        self.values["partition_id"] = self.values["message"]["partitionId"]
        self.values["transaction_id"] = self.values["message"]["transactionId"]

    def recorded(self, name: str) -> list[tuple[Any, ...]]:
        """The calls the recorder ``name`` saw."""
        return list(self.recorders[name].calls)
